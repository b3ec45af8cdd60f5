"""Focused exercises: hidden controls and views and locked fields survive save and reopen."""

from __future__ import annotations

import json

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import Qt

from explorer.core.config import Experiment, load_experiment
from tests.gui.windows import close_window, open_window, tiny_run

WAIT_MS = 60_000


def small_experiment() -> Experiment:
    return tiny_run(
        {"title": "Exercise", "lesson": "Change only the dropout of layer 2."}, **{"optimizer.momentum": 0.0}
    )


@pytest.fixture
def window(qtbot):
    win = open_window(qtbot, small_experiment())
    yield win
    close_window(win)


def tab_visible(win, view_id: str) -> bool:
    tabs = win.dashboard.tabs
    return any(tabs.widget(i) is win.dashboard.views()[view_id] and tabs.isTabVisible(i) for i in range(tabs.count()))


def test_hidden_control_and_view_and_locked_field_survive_save_and_reopen(qtbot, window, tmp_path):
    reg = window.regularization_panel
    window.regularization_dock.raise_()
    dialog = window.classroom.edit_dialog()
    dialog.set_hidden("field:regularization.l1_lambda")
    dialog.set_hidden("view:histograms")
    dialog.set_locked("network.layers.0.dropout_p")
    dialog.accept()
    qtbot.wait(10)
    assert reg.l1.isHidden() and not tab_visible(window, "histograms")
    assert not reg.dropout_sliders[0].isEnabled()

    path = tmp_path / "exercise.json"
    assert window.save_experiment_file(str(path))
    saved = json.loads(path.read_text())
    assert saved["classroom"] == {
        "hidden": ["field:regularization.l1_lambda", "view:histograms"],
        "locked": ["network.layers.0.dropout_p"],
    }

    # a student opens the file in a fresh window
    student = open_window(qtbot, load_experiment(path))
    try:
        student.regularization_dock.raise_()
        qtbot.wait(10)
        sreg = student.regularization_panel
        form_label = sreg.penalty_box.content.layout().labelForField(sreg.l1)
        assert sreg.l1.isHidden() and form_label.isHidden(), "the control and its label stay hidden"
        assert not sreg.l2.isHidden()
        assert not tab_visible(student, "histograms") and tab_visible(student, "activations")
        assert not student.view_actions["histograms"].isVisible(), "the View menu cannot bring it back"
        slider = sreg.dropout_sliders[0]
        assert not slider.isEnabled() and "Locked" in slider.toolTip()
        assert sreg.dropout_sliders[1].isEnabled()
        # the panel re-enables its rows when the experiment changes: the lock holds
        sreg.set_experiment(student.experiment)
        slider.setEnabled(True)
        qtbot.wait(10)
        assert not sreg.dropout_sliders[0].isEnabled()
        assert student.experiment.classroom.locked == ["network.layers.0.dropout_p"]
    finally:
        close_window(student)


def test_save_keeps_the_exercise_while_training_runs(qtbot, window, tmp_path):
    window.start()
    # the first snapshot: torch is imported and the model built (closing during that takes long)
    qtbot.waitUntil(lambda: window.painted_snapshot is not None, timeout=WAIT_MS)
    window.classroom.set_classroom(["panel:data", "action:reset"], ["optimizer.lr"])
    assert not window.data_dock.isVisible() and not window.data_dock.toggleViewAction().isVisible()
    assert not window.reset_action.isVisible()
    path = tmp_path / "run.json"
    assert window.save_experiment_file(str(path))  # writes the host's (live) experiment
    cfg = load_experiment(path).classroom
    assert cfg.hidden == ["action:reset", "panel:data"] and cfg.locked == ["optimizer.lr"]
    # a structural edit rebuilds the model and keeps the exercise
    generation = window.painted_snapshot.generation
    window.network_panel.add_layer()
    assert window.experiment.classroom.hidden == ["action:reset", "panel:data"]
    assert window.host.experiment.classroom.hidden == ["action:reset", "panel:data"]
    qtbot.waitUntil(
        lambda: window.painted_snapshot is not None and window.painted_snapshot.generation > generation, timeout=WAIT_MS
    )
    window.classroom.clear()
    assert window.data_dock.toggleViewAction().isVisible() and window.reset_action.isVisible()
    assert window.experiment.classroom.hidden == [] and window.host.experiment.classroom.hidden == []


def test_dialog_lists_every_panel_view_and_field(window):
    dialog = window.classroom.edit_dialog()
    try:
        ids = set(dialog.items)
        assert {f"panel:{p}" for p in ("network", "regularization", "data", "lesson")} <= ids
        assert {f"view:{v}" for v in window.dashboard.views()} | {"view:narration"} <= ids
        for panel in window.panels:
            assert {f"field:{path}" for path in panel.field_widgets} <= ids
        assert {
            "field:regularization.l1_lambda",
            "field:optimizer.lr",
            "field:network.layers.1.width",
            "field:early_stopping.patience",
            "field:dataset.noise",
        } <= ids
        # only fields have a lock box
        assert dialog.items["panel:data"].data(dialog.LOCK, Qt.ItemDataRole.CheckStateRole) is None
    finally:
        dialog.reject()


def test_rows_the_panel_shows_again_stay_hidden_and_peek_shows_them(qtbot, window):
    data = window.data_panel
    window.data_dock.raise_()
    window.classroom.set_classroom(["field:dataset.noise", "view:narration"], ["early_stopping.patience"])
    qtbot.wait(10)
    assert data.noise.isHidden() and window.narration.isHidden()
    data._show_rows_for("sine")  # the panel shows the synthetic-data rows again
    qtbot.waitUntil(lambda: data.noise.isHidden(), timeout=2000)
    reg = window.regularization_panel
    reg.request("early_stopping.enabled", True)  # enables patience ... which stays locked
    qtbot.wait(10)
    assert not reg.es_patience.isEnabled() and reg.es_min_delta.isEnabled()
    window.classroom.set_peek(True)
    assert not data.noise.isHidden() and reg.es_patience.isEnabled() and not window.narration.isHidden()
    window.classroom.set_peek(False)
    qtbot.wait(10)
    assert data.noise.isHidden() and not reg.es_patience.isEnabled()


def test_a_new_experiment_without_exercise_shows_everything_again(qtbot, window):
    window.classroom.set_classroom(
        ["panel:network", "view:loss", "field:regularization.l2_lambda"], ["regularization.weight_decay"]
    )
    assert not window.network_dock.isVisible() and not window.dashboard.views()["loss"].isVisible()
    window.load_experiment(small_experiment())
    qtbot.wait(10)
    assert window.network_dock.isVisible() and window.dashboard.views()["loss"].isVisible()
    assert not window.regularization_panel.l2.isHidden()
    assert window.regularization_panel.weight_decay.isEnabled()
    assert "Locked" not in window.regularization_panel.weight_decay.toolTip()
