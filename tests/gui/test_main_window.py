"""The whole window with a real trainer in a thread host: play, live edits, rebuilds, close."""

from __future__ import annotations

import json

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import Qt

from tests.gui.windows import tiny_run

WAIT_MS = 60_000  # the first run imports torch and builds an optimiser: seconds on a slow CI box


def _painted(win):
    return win.painted_snapshot


def _wait_epoch(qtbot, win, epoch=1):
    qtbot.waitUntil(lambda: _painted(win) is not None and _painted(win).epoch >= epoch, timeout=WAIT_MS)


def _snapshot_json(win) -> dict:
    return json.loads(_painted(win).experiment_json)


def test_window_builds_with_panels_and_lesson(window):
    assert window.network_dock.isVisible() and window.regularization_dock.isVisible() or window.data_dock.isVisible()
    assert "Tiny test run" in window.windowTitle()
    assert "Watch the losses." in window.lesson_panel.toPlainText()
    assert set(window.dashboard.views()) >= {"fit", "loss"}
    assert window.play_action.shortcut().toString() == "Space"
    menus = [a.text().replace("&", "") for a in window.menuBar().actions()]
    assert {"File", "View", "Help"} <= set(menus)
    assert window.preset_menu.actions(), "the presets are listed"


def test_play_trains_and_dashboard_receives_snapshots(qtbot, window):
    window.start()
    window.toggle_play()
    qtbot.waitUntil(lambda: window.state == "running", timeout=WAIT_MS)
    _wait_epoch(qtbot, window, 2)
    assert "epoch" in window.run_status.counter.text()
    assert window.run_status.progress.value() >= 0
    assert window.play_action.text() == "Pause"
    window.toggle_play()
    qtbot.waitUntil(lambda: window.state == "paused", timeout=WAIT_MS)
    assert window.play_action.text() == "Play"


def test_space_toggles_play(qtbot, window):
    window.start()
    qtbot.waitUntil(lambda: window.state == "paused", timeout=WAIT_MS)
    window.activateWindow()
    window.dashboard.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: window.state == "running", timeout=WAIT_MS)
    qtbot.keyClick(window, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: window.state == "paused", timeout=WAIT_MS)


def test_single_step(qtbot, window):
    window.start()
    qtbot.waitUntil(lambda: window.state == "paused" and _painted(window) is not None, timeout=WAIT_MS)
    window.step_action.trigger()
    qtbot.waitUntil(lambda: _painted(window).step == 1, timeout=WAIT_MS)
    assert window.state == "paused"


def test_slider_reaches_the_trainer(qtbot, window):
    window.start(play=True)
    _wait_epoch(qtbot, window)
    window.regularization_panel.l2.set_text("0.01")
    window.regularization_panel.dropout_sliders[1].slider.setValue(8)  # p = 0.4
    window.regularization_panel.flush()
    assert window.host.experiment.regularization.l2_lambda == 0.01
    assert window.experiment.network.layers[1].dropout_p == pytest.approx(0.4)
    qtbot.waitUntil(
        lambda: (
            _snapshot_json(window)["regularization"]["l2_lambda"] == 0.01
            and _snapshot_json(window)["network"]["layers"][1]["dropout_p"] == pytest.approx(0.4)
        ),
        timeout=WAIT_MS,
    )
    # the network panel shows the new p without a rebuild
    assert "0.4" in window.network_panel.rows[1].dropout.text()
    assert window.state == "running"


def test_reset_starts_over(qtbot, window):
    window.start(play=True)
    _wait_epoch(qtbot, window, 3)
    generation = _painted(window).generation
    window.reset_action.trigger()
    qtbot.waitUntil(lambda: _painted(window) is not None and _painted(window).generation > generation, timeout=WAIT_MS)
    assert _painted(window).epoch < 3 or window.state == "running"


def test_structural_edit_rebuilds(qtbot, window):
    window.start(play=True)
    _wait_epoch(qtbot, window)
    window.network_panel.add_button.click()
    qtbot.waitUntil(
        lambda: _painted(window) is not None and len(_painted(window).variants[0].hidden) == 3, timeout=WAIT_MS
    )
    assert "rebuilt" in window.statusBar().currentMessage()
    qtbot.waitUntil(lambda: window.state == "running", timeout=WAIT_MS)  # it was playing: it plays on


def test_invalid_edit_changes_nothing(qtbot, window):
    window.start()
    before = window.experiment
    window.regularization_panel.l1.set_text("-3")
    assert window.experiment == before
    assert window.banner.isVisible() and "l1_lambda" in window.banner.text()


def test_compare_mode_shows_two_variants(qtbot, window):
    window.start(play=True)
    _wait_epoch(qtbot, window)
    window.network_panel.compare_check.setChecked(True)
    qtbot.waitUntil(lambda: _painted(window) is not None and len(_painted(window).variants) == 2, timeout=WAIT_MS)
    names = [v.name for v in _painted(window).variants]
    assert names == ["no regularization", "regularized"]
    # edit only the second variant, live
    panel = window.regularization_panel
    panel.select_variant(1)
    panel.l2.set_text("0.02")
    resolved = window.host.experiment.resolved_variants()
    assert resolved[1].regularization.l2_lambda == 0.02
    assert resolved[0].regularization.l2_lambda == 0.0


def test_close_during_training_stops_the_thread(qtbot, window):
    window.start(play=True)
    _wait_epoch(qtbot, window)
    thread = window.host._thread
    assert thread is not None and thread.isRunning()
    window.close()
    assert not thread.isRunning()
    from explorer.gui.settings import Settings

    saved = Settings()
    assert saved.get_bytes("window/state")
    assert "Tiny test run" in (saved.last_experiment_json or "")


def test_export_figures_writes_files(qtbot, window, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    window.start(play=True)
    _wait_epoch(qtbot, window, 2)
    from explorer.gui.export_dialogs import FigureExportDialog, FigureOptions

    out = tmp_path / "figures"
    out.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(lambda *a, **k: str(out)))
    monkeypatch.setattr(FigureExportDialog, "ask", staticmethod(lambda *a, **k: FigureOptions(folder=str(out))))
    window.export_figures_action.trigger()
    files = list(out.iterdir())
    assert any(f.suffix == ".png" for f in files), files
    assert all(f.stat().st_size > 0 for f in files)
    assert "wrote" in window.statusBar().currentMessage()


def test_open_preset_and_save_experiment(qtbot, window, tmp_path):
    window.open_preset("dropout-regression")
    assert len(window.experiment.variants) == 2
    assert window.regularization_panel.variant_combo.count() == 3
    assert window.network_panel.compare_check.isChecked()
    path = tmp_path / "saved.toml"
    assert window.save_experiment_file(str(path))
    from explorer.core.config import load_experiment

    assert load_experiment(path).network.layers[0].width == 200
    window.open_experiment_file(str(tmp_path / "missing.toml"))
    assert window.banner.isVisible() and "missing.toml" in window.banner.text()


def test_errors_show_in_a_non_modal_banner(qtbot, window):
    window.host.errorOccurred.emit("training failed: loss is NaN")
    assert window.banner.isVisible() and "NaN" in window.banner.text()
    assert "NaN" in window.statusBar().currentMessage()
    window.banner.close_button.click()
    assert not window.banner.isVisible()


def test_view_menu_hides_dashboard_views(qtbot, window):
    assert set(window.view_actions) == {"fit", "loss", "histograms", "activations", "norms", "network"}
    window.view_actions["fit"].setChecked(False)
    assert not window.dashboard.views()["fit"].isVisible()
    window.view_actions["fit"].setChecked(True)
    assert window.dashboard.views()["fit"].isVisible()
    window.view_actions["norms"].setChecked(False)  # a tabbed view: its tab goes
    tabs = window.dashboard.tabs
    assert not any(
        tabs.isTabVisible(i) and tabs.widget(i) is window.dashboard.views()["norms"] for i in range(tabs.count())
    )


def test_layout_is_remembered(qtbot):
    from explorer.gui.host import TrainerHost
    from explorer.gui.main_window import MainWindow

    first = MainWindow(host=TrainerHost(mode="thread"), experiment=tiny_run())
    first.show()
    qtbot.waitExposed(first)
    first.lesson_dock.hide()
    first.view_actions["network"].setChecked(False)
    first.close()
    first.deleteLater()
    second = MainWindow(host=TrainerHost(mode="thread"), experiment=tiny_run())
    second.show()
    qtbot.waitExposed(second)
    try:
        assert not second.lesson_dock.isVisible()
        assert second.network_dock.isVisible()
        assert not second.view_actions["network"].isChecked()
    finally:
        second.close()
        second.deleteLater()


def test_single_key_shortcuts_do_not_steal_typing(qtbot, window):
    fired = []
    for action in (window.play_action, window.step_action, window.reset_action):
        action.triggered.connect(lambda _=False, a=action: fired.append(a.text()))
    window.activateWindow()
    window.data_dock.raise_()
    edit = window.data_panel.path_edit
    window.data_panel._show_rows_for("csv")
    edit.setFocus()
    qtbot.keyClicks(edit, "rs s")
    assert edit.text() == "rs s"
    assert fired == []


def test_the_experiment_on_screen_is_saved_soon_after_each_change_not_only_at_close(qtbot, window):
    """A crash or a power cut in the middle of a lesson keeps the last settings: the experiment is
    written (atomically) a few seconds after a change, while the window is still open."""
    import json

    from explorer.core.protocol import SetValue

    settings_file = window.settings.path
    window._on_command(SetValue("regularization.l2_lambda", 0.0123))

    def saved_l2():
        if not settings_file.is_file():
            return None
        saved = json.loads(settings_file.read_text()).get("last_experiment")
        return json.loads(saved)["regularization"]["l2_lambda"] if saved else None

    qtbot.waitUntil(lambda: saved_l2() == 0.0123, timeout=15_000)
    assert not window._closed


def test_view_menu_names_each_thing_once_and_the_title_does_not_repeat_the_app(window):
    """The View menu listed "Network" twice (the dock and the diagram); the title read
    "Regularization Explorer — Tiny test run — Regularization Explorer" once Qt appended its name."""
    texts = [a.text().replace("&", "") for a in window.view_menu.actions() if a.text()]
    assert len(texts) == len(set(texts)), texts
    assert "Network" in texts and "Network diagram" in texts
    assert window.windowTitle() == "Tiny test run"


def test_the_dropout_scaling_demo_texts_before_and_after_it_runs(qtbot):
    """Before it ran the demo showed "mean of train nan"; after, "epoch 2,000 / 2,000 · step 80"."""
    from explorer.core.config import load_preset
    from explorer.core.training import build_runner
    from explorer.gui.views import FitView
    from explorer.gui.widgets.run_status import RunStatus

    demo = build_runner(load_preset("dropout-scaling"))
    view, status = FitView(), RunStatus()
    qtbot.addWidget(view)
    qtbot.addWidget(status)
    view.update_snapshot(demo.snapshot())
    titles = [p.titleLabel.text for p in view.mode.plots]
    assert titles and not any("nan" in t for t in titles), titles
    assert all("press Play" in t for t in titles)
    while not demo.finished:
        demo.step()
    view.update_snapshot(demo.snapshot(state="finished"))
    assert all("mean of train" in p.titleLabel.text for p in view.mode.plots)
    status.update_snapshot(demo.snapshot(state="finished"))
    assert status.counter.text() == "2,000 / 2,000 train-mode passes"
