"""The window's live run while a sweep trains in its own process: a playing run is paused (the
banner and the Sweep window say so) and plays on when the sweep ends; a run the user had paused,
resumed or replaced is left alone. Real sweeps in the child process, the real window."""

from __future__ import annotations

from tests.gui.test_sweep_window import sweep_over_l2, tiny


def open_sweep(window, tmp_path, epochs: int = 3):  # type: ignore[no-untyped-def]
    window.sweep_action.trigger()
    sweep = window.sweep_window
    sweep._experiment = lambda: tiny(epochs)  # a small sweep, not the window's endless run
    sweep_over_l2(sweep, tmp_path, seeds=1)
    return sweep


def play(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.toggle_play()
    qtbot.waitUntil(lambda: window.state == "running", timeout=30_000)


def start_sweep_pausing_the_live_run(sweep, window, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Start `sweep`; wait until it has planned its cells and the playing live run is paused for it."""
    with qtbot.waitSignal(sweep.runner.planned, timeout=120_000):
        assert sweep.start_sweep()
    qtbot.waitUntil(lambda: window.state == "paused", timeout=10_000)


def test_a_sweep_pauses_the_playing_live_run_and_plays_it_on_when_it_finishes(window, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    play(window, qtbot)
    sweep = open_sweep(window, tmp_path)
    with qtbot.waitSignal(sweep.runner.finished, timeout=120_000) as blocker:
        assert sweep.start_sweep()
        qtbot.waitUntil(lambda: window.state == "paused", timeout=10_000)
        assert "Paused the live run while the sweep trains" in window.banner.text()
        assert window.banner.action_texts() == ["Resume it now"]
        assert "Paused the live run" in sweep.live_note.text() and sweep.live_note.isVisibleTo(sweep)
    assert blocker.args == ["done"]
    qtbot.waitUntil(lambda: window.state == "running", timeout=10_000)
    assert "the live run plays on" in window.statusBar().currentMessage()
    assert "the live run plays on" in sweep.live_note.text()
    assert not window.banner.text()


def test_cancelling_plays_it_on_and_resume_now_leaves_it_playing(window, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    play(window, qtbot)
    sweep = open_sweep(window, tmp_path, epochs=1_000_000)
    start_sweep_pausing_the_live_run(sweep, window, qtbot)
    with qtbot.waitSignal(sweep.runner.finished, timeout=60_000) as blocker:
        sweep.runner.cancel()
    assert blocker.args == ["cancelled"]
    qtbot.waitUntil(lambda: window.state == "running", timeout=10_000)
    # again, and the user wants both at once: Resume it now; the end of the sweep leaves it playing
    start_sweep_pausing_the_live_run(sweep, window, qtbot)
    window.banner.action_buttons[0].click()
    qtbot.waitUntil(lambda: window.state == "running", timeout=10_000)
    assert not window.sweep_live.paused_for_sweep and "beside the sweep" in sweep.live_note.text()
    sweep.close()  # closing the Sweep window mid-sweep ends it
    assert not sweep.runner.running() and window.state == "running"


def test_a_run_the_user_paused_stays_paused_and_closing_mid_sweep_plays_a_paused_run_on(
    window, qtbot, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    sweep = open_sweep(window, tmp_path)
    assert window.state != "running"
    with qtbot.waitSignal(sweep.runner.finished, timeout=120_000):
        assert sweep.start_sweep()
        assert not window.sweep_live.paused_for_sweep and not window.banner.text()
    qtbot.wait(300)
    assert window.state != "running"  # it was not playing: the sweep does not start it
    play(window, qtbot)
    sweep._experiment = lambda: tiny(1_000_000)
    sweep.folder.setText(str(tmp_path / "another"))  # another experiment: another folder
    start_sweep_pausing_the_live_run(sweep, window, qtbot)
    sweep.close()
    assert not sweep.runner.running()
    qtbot.waitUntil(lambda: window.state == "running", timeout=10_000)


def test_a_cell_opened_during_the_sweep_opens_paused_and_is_not_played_at_the_end(window, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    play(window, qtbot)
    sweep = open_sweep(window, tmp_path, epochs=1_000_000)
    start_sweep_pausing_the_live_run(sweep, window, qtbot)
    sweep.view.cell_clicked.emit({"regularization.l2_lambda": 0.01})
    assert window.experiment.regularization.l2_lambda == 0.01
    assert "Opened the cell paused while the sweep trains" in window.statusBar().currentMessage()
    qtbot.wait(500)
    assert window.state != "running"
    sweep.close()  # the sweep ends: the run it paused is gone, the opened cell stays paused
    qtbot.wait(500)
    assert window.state != "running" and not window.sweep_live.paused_for_sweep
