"""The Sweep window: a sweep set up in the panel trains in its own process while the window stays
live, fills the Sweep view, can be cancelled (finished cells kept), and a clicked cell opens as
the current experiment."""

from __future__ import annotations

import json

import pytest
from PySide6 import QtCore

from explorer.core.sweep import SweepSpec
from explorer.gui.sweep_window import SweepWindow
from tests.core.small_runs import sine_run


def tiny(epochs: int = 3):  # type: ignore[no-untyped-def]
    return sine_run([{"width": 8}], {"training.epochs": epochs}, {}, points=(16, 8, 8))


def sweep_over_l2(w, tmp_path, seeds: int) -> None:  # type: ignore[no-untyped-def]
    """Sweep window `w` set as a person would: L2 λ over the list 0, 0.01; `seeds` seeds; tmp_path/sweep."""
    axis = w.axes[0]
    axis.field.setCurrentIndex(axis.field.findData("regularization.l2_lambda"))
    axis.scale.setCurrentIndex(axis.scale.findData("list"))
    axis.values.setText("0,0.01")
    w.seeds.setValue(seeds)
    w.folder.setText(str(tmp_path / "sweep"))


def make_window(qtbot, tmp_path, experiment, opened):  # type: ignore[no-untyped-def]
    w = SweepWindow(lambda: experiment, opened.append)
    qtbot.addWidget(w)
    sweep_over_l2(w, tmp_path, seeds=2)
    w.set_metric("best_val_loss")
    return w


def test_a_sweep_from_the_panel_fills_the_view_and_a_click_opens_a_cell(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    opened: list = []
    w = make_window(qtbot, tmp_path, tiny(), opened)
    with qtbot.waitSignal(w.runner.finished, timeout=120_000) as blocker:
        assert w.start_sweep()
        assert w.cancel_button.isEnabled() and not w.start_button.isEnabled()
    assert blocker.args == ["done"]
    assert not w.runner.running()
    assert len(w.view.rows) == 4 and w.view.lines
    doc = json.loads((tmp_path / "sweep" / "sweep.json").read_text())
    assert doc["complete"] and len(doc["rows"]) == 4
    assert doc["spec"]["metric"] == "best_val_loss"  # the panel's metric is the sweep's
    assert w.view.metric_shown == "best_val_loss"
    assert "finished" in w.status.text()
    w.view.cell_clicked.emit({"regularization.l2_lambda": 0.01})
    assert opened and opened[0].regularization.l2_lambda == 0.01 and opened[0].training.epochs == 3
    assert opened[0].training.replicates == 2 and opened[0].variants == []  # as the cell trained


def test_cancel_keeps_finished_cells_and_joins_the_process(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    w = make_window(qtbot, tmp_path, tiny(epochs=1_000_000), [])
    with qtbot.waitSignal(w.runner.planned, timeout=120_000):
        assert w.start_sweep()
    w.toggle_pause()
    assert w.runner.paused and w.pause_button.text() == "Resume"
    w.toggle_pause()
    with qtbot.waitSignal(w.runner.finished, timeout=60_000) as blocker:
        w.runner.cancel()
    assert blocker.args == ["cancelled"]
    assert not w.runner.running() and w.start_button.isEnabled()
    assert json.loads((tmp_path / "sweep" / "sweep.json").read_text())["rows"] == []


def test_a_bad_range_is_named_before_anything_starts(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    w = make_window(qtbot, tmp_path, tiny(), [])
    axis = w.axes[0]
    axis.scale.setCurrentIndex(axis.scale.findData("log"))
    axis.start.setText("0")
    assert not w.start_sweep()
    assert "a log range must stay above 0" in w.status.text()
    assert not w.runner.running()


@pytest.mark.parametrize("index", [0])
def test_every_field_in_the_list_is_sweepable(index) -> None:  # type: ignore[no-untyped-def]
    from explorer.core.sweep import sweep_field
    from explorer.gui.sweep_axis import field_words

    for path, words in field_words():
        assert sweep_field(path) and words


def test_a_sweep_preset_fills_the_panel(qtbot) -> None:  # type: ignore[no-untyped-def]
    from explorer.core.config import load_preset

    exp = load_preset("sweep-data-or-regularization")
    w = SweepWindow(lambda: exp, lambda e: None)
    qtbot.addWidget(w)
    w.show()
    assert w.second.isChecked() and w.seeds.value() == 3
    table = w.spec_table()
    assert table["axes"] == exp.sweep["axes"]


@pytest.mark.parametrize(
    "preset, metric", [("sweep-dropout", "final_test_accuracy"), ("sweep-weight-decay", "final_test_loss")]
)
def test_the_metric_is_chosen_in_the_panel_prefilled_from_the_preset(qtbot, preset, metric) -> None:  # type: ignore[no-untyped-def]
    """The panel's metric: prefilled from the preset's [sweep] table, the one the view shows, and
    in the table a sweep starts with; a regression offers no accuracy."""
    from explorer.core.config import load_preset

    exp = load_preset(preset)
    w = SweepWindow(lambda: exp, lambda e: None)
    qtbot.addWidget(w)
    w.show()
    assert w.metric_name() == metric == w.view.metric_shown
    assert w.spec_table()["metric"] == metric
    index = w.metric_box.findData("best_train_accuracy")
    enabled = bool(w.metric_box.model().flags(w.metric_box.model().index(index, 0)) & QtCore.Qt.ItemFlag.ItemIsEnabled)
    assert enabled == (exp.dataset.task == "classification")
    w.metric_box.setCurrentIndex(w.metric_box.findData("gap_loss"))  # the user picks another
    assert w.view.metric_shown == "gap_loss" and w.spec_table()["metric"] == "gap_loss"
    assert w.metric_box.currentText() == "gap (test - train loss)"


def test_a_regression_preset_asking_for_accuracy_falls_back_to_loss(qtbot) -> None:  # type: ignore[no-untyped-def]
    from explorer.core.config import load_preset

    exp = load_preset("sweep-weight-decay")
    exp = exp.model_copy(update={"sweep": {**exp.sweep, "metric": "final_test_accuracy"}})
    w = SweepWindow(lambda: exp, lambda e: None)
    qtbot.addWidget(w)
    w.set_metric("best_test_accuracy")
    w.show()
    assert w.metric_name() == "final_test_loss" == w.view.metric_shown


def test_exports_of_the_sweep(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    import csv

    from explorer.core.protocol import ExplorerError
    from tests.gui.test_sweep_view import rows_1d

    w = SweepWindow(lambda: tiny(), lambda e: None)
    qtbot.addWidget(w)
    with pytest.raises(ExplorerError, match="no sweep to export"):
        w.export_csv(str(tmp_path / "none.csv"))
    spec, rows = rows_1d()
    w.view.set_rows(spec, rows)
    w.resize(900, 700)
    w.show()
    path = w.export_csv(str(tmp_path / "s.csv"))
    with path.open() as fh:
        table = list(csv.DictReader(fh))
    assert len(table) == 12 and float(table[0]["final_test_loss"]) == 3.0
    png = w.export_figure(str(tmp_path / "s.png"))
    assert png.read_bytes()[:4] == b"\x89PNG"
    w.set_metric("final_train_loss")  # the figure shows the panel's metric
    svg = w.export_figure(str(tmp_path / "s.svg")).read_text().replace("\xa0", " ")
    assert "best final train loss" in svg and "final loss" in svg and "best final test loss" not in svg


def test_runner_merges_live_rows_with_finished_cells(qtbot) -> None:  # type: ignore[no-untyped-def]
    from explorer.gui.sweep_runner import SweepRunner

    runner = SweepRunner()
    got: list = []
    runner.rows_changed.connect(got.append)
    done = [{"cell": "0", "seed": 0, "status": "done"}]
    runner._handle(("chunk", done))
    runner._handle(
        ("live", [{"cell": "0", "seed": 0, "status": "running"}, {"cell": "1", "seed": 0, "status": "running"}])
    )
    assert [(r["cell"], r["status"]) for r in got[-1]] == [("0", "done"), ("1", "running")]
    runner._handle(("chunk", [{"cell": "1", "seed": 0, "status": "done"}]))
    assert [(r["cell"], r["status"]) for r in got[-1]] == [("0", "done"), ("1", "done")]
    assert runner.rows == got[-1]


def test_run_menu_opens_the_sweep_window_and_closing_the_main_window_closes_it(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.sweep_action.trigger()
    sweep = window.sweep_window
    qtbot.waitUntil(sweep.isVisible, timeout=5000)
    assert sweep.windowTitle() == "Sweep"
    window.sweep_action.trigger()  # the same window again, not a second one
    assert window.sweep_window is sweep
    sweep._base = window.experiment
    sweep._spec = SweepSpec.from_dict({"axes": [{"path": "regularization.l2_lambda", "values": "0,0.003"}], "seeds": 1})
    sweep.view.cell_clicked.emit({"regularization.l2_lambda": 0.003})
    assert window.experiment.regularization.l2_lambda == 0.003  # the cell is the current experiment
    qtbot.waitUntil(lambda: window.state == "running", timeout=30_000)  # and trains, to be watched live


def test_a_sweep_on_worker_processes_shows_the_workers_and_their_cells(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """'Processes on this computer': the sweep runs on an embedded Dask cluster, the window shows
    its workers and the cells each did, and the choice is remembered."""
    from explorer.gui.settings import Settings

    w = SweepWindow(lambda: tiny(), [].append, settings=Settings(tmp_path / "settings.json"))
    qtbot.addWidget(w)
    sweep_over_l2(w, tmp_path, seeds=2)
    w.place.processes.setChecked(True)
    w.place.count.setValue(1)
    with qtbot.waitSignal(w.runner.finished, timeout=180_000) as blocker:
        assert w.start_sweep()
        assert not w.place.isEnabled() and w.workers.isVisibleTo(w)
    assert blocker.args == ["done"], w.status.text()
    counts = w.workers.counts()
    assert len(counts) == 1 and sum(counts.values()) == 2  # one worker did both cells
    doc = json.loads((tmp_path / "sweep" / "sweep.json").read_text())
    assert doc["complete"] and len(doc["rows"]) == 4
    assert Settings(tmp_path / "settings.json").get("sweep_place")["kind"] == "processes"


def test_each_sweep_gets_a_folder_of_its_own_unless_one_is_chosen(qtbot, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A second sweep in the one default folder was refused ("holds another sweep"): now each sweep
    gets its own folder, and the same sweep started again finds its folder and skips its cells."""
    import explorer.gui.sweep_folder as sweep_folder

    monkeypatch.setattr(sweep_folder, "sweep_home", lambda: tmp_path / "home")
    w = make_window(qtbot, tmp_path, tiny(), [])
    w.folder.setText("")  # the default: automatic
    finished: list = []
    planned: list = []
    w.runner.finished.connect(finished.append)
    w.runner.planned.connect(lambda cells, done, mb: planned.append((cells, done)))

    def run() -> str:
        with qtbot.waitSignal(w.runner.finished, timeout=120_000):
            assert w.start_sweep()
        assert finished[-1] == "done", w.status.text()
        return w.folder.text()

    first = run()
    assert first.startswith(str(tmp_path / "home" / "sweep-")) and planned[-1] == (2, 0)
    w.axes[0].values.setText("0,0.1")  # another sweep: another folder, not refused
    second = run()
    assert second != first and planned[-1] == (2, 0)
    w.axes[0].values.setText("0,0.01")  # the first again: its folder, its cells skipped
    assert run() == first and planned[-1] == (2, 2)
    w.folder.setText(str(tmp_path / "mine"))  # a folder the user chose is kept
    assert run() == str(tmp_path / "mine") and (tmp_path / "mine" / "sweep.csv").exists()
    assert sorted(p.name for p in (tmp_path / "home").iterdir()) == sorted(
        [first.rsplit("/", 1)[1], second.rsplit("/", 1)[1]]
    )


def test_a_sweep_process_that_cannot_start_is_said_and_leaves_nothing_to_join(qtbot, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import multiprocessing.process

    def refuse(self) -> None:  # type: ignore[no-untyped-def]
        raise OSError("Cannot allocate memory")

    w = make_window(qtbot, tmp_path, tiny(), [])
    monkeypatch.setattr(multiprocessing.process.BaseProcess, "start", refuse)
    assert not w.start_sweep()
    assert w.status.text() == "Could not start the sweep: Cannot allocate memory"
    assert not w.runner.running() and w.start_button.isEnabled()
    w.close()  # joined nothing: no "can only join a started process"


def test_a_presets_list_of_values_can_be_read_whole(qtbot) -> None:  # type: ignore[no-untyped-def]
    """The list box was squeezed beside the field list: a preset's nine lambdas showed as ',0.1,0.3,1,...'."""
    from explorer.core.config import load_preset

    exp = load_preset("sweep-weight-decay")
    w = SweepWindow(lambda: exp, lambda e: None)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    values = w.axes[0].values
    assert values.isVisible() and values.text() == "0,1e-5,1e-4,3e-4,1e-3,3e-3,1e-2,3e-2,1e-1"
    assert values.width() >= values.fontMetrics().horizontalAdvance(values.text()) + 8


def test_the_panel_and_the_view_speak_chinese(qtbot, qapp) -> None:  # type: ignore[no-untyped-def]
    """Every sweepable field, the metrics and the view's words in Chinese; a language switch
    retranslates an open Sweep window's lists."""
    from explorer.core.config import load_preset
    from explorer.core.sweep import SWEEPABLE
    from explorer.gui import i18n
    from explorer.gui.views.sweep_words import field_label, metric_words

    exp = load_preset("sweep-dropout")
    w = SweepWindow(lambda: exp, lambda e: None)
    qtbot.addWidget(w)
    w.show()
    try:
        i18n.install_language(qapp, "zh_CN")
        qapp.processEvents()
        for f in SWEEPABLE:
            assert field_label(f.pattern.replace(".N.", ".0.")) != f.words, f.words
        assert w.axes[0].field.currentText() == "所有隐藏层的 dropout p (network.layers.*.dropout_p)"
        assert w.metric_box.currentText() == metric_words("final_test_accuracy") == "最终测试准确率"
        assert metric_words("best_val_loss") == "最佳验证损失"
        assert field_label("network.layers.1.width") == "某一隐藏层的宽度（第 2 层）"
        assert w.labels[3].text() == "显示"
    finally:
        i18n.install_language(qapp, "en")
    qapp.processEvents()
    assert w.metric_box.currentText() == "final test accuracy"


def test_cancelling_mid_chunk_keeps_the_unfinished_cells_drawn_but_not_exported(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Cancelling before a chunk finished emptied the view of what the user had been watching."""
    import csv

    from tests.gui.test_sweep_view import rows_1d

    spec, rows = rows_1d()
    w = SweepWindow(lambda: tiny(), lambda e: None)
    qtbot.addWidget(w)
    w._spec = spec
    done = rows[:3]  # cell 0 finished
    live = [dict(r, status="running") for r in rows[3:]]  # cells 1-3 training
    w.runner._handle(("chunk", done))
    w.runner._handle(("live", live))
    with qtbot.waitSignal(w.runner.finished) as blocker:
        w.runner._handle(("cancelled", done))
    assert blocker.args == ["cancelled"]
    assert w.runner.rows == done and len(w.view.rows) == 12  # drawn: finished and unfinished
    assert len(curve_x(w.view.lines["final_test_loss"])) == 4
    assert "they are not in the folder" in w.status.text()
    path = w.export_csv(str(tmp_path / "s.csv"))
    with path.open() as fh:
        table = list(csv.DictReader(fh))
    assert [(r["regularization.l2_lambda"], r["status"]) for r in table] == [("0.0", "done")] * 3  # as sweep.csv


def curve_x(item):  # type: ignore[no-untyped-def]
    return item.getData()[0]


def test_reopening_the_window_keeps_the_users_setup_and_another_preset_fills_it_anew(qtbot) -> None:  # type: ignore[no-untyped-def]
    from explorer.core.config import load_preset

    current = [load_preset("sweep-dropout")]
    w = SweepWindow(lambda: current[0], lambda e: None)
    qtbot.addWidget(w)
    w.show()
    w.seeds.setValue(5)
    w.set_metric("best_val_loss")
    w.hide()
    current[0] = current[0].with_values({"regularization.l2_lambda": 0.001})  # a live edit: the same preset
    w.show()
    assert w.seeds.value() == 5 and w.metric_name() == "best_val_loss"
    w.hide()
    current[0] = load_preset("sweep-weight-decay-d2l")
    w.show()
    assert w.seeds.value() == 3 and w.metric_name() == "final_test_loss"
    assert w.axes[0].field.currentData() == "regularization.l2_lambda"
