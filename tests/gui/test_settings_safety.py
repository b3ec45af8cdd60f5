"""Nothing the user made is lost: settings and autosave files that do not load are kept, a folder
that cannot be written is said once, a second instance saves nothing over the first, SIGTERM
saves as closing does; and the run status tells a dead or stalled trainer apart from a running one."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from explorer.gui.settings import Settings
from tests.gui.windows import close_window, open_window, tiny_run

REPO = Path(__file__).resolve().parents[2]
WAIT_MS = 60_000


def _kept(folder: Path, name: str) -> list[Path]:
    return sorted(folder.glob(f"{name}.bad-*"))


# -- 7. a file that does not load is kept, renamed with a timestamp, and said once -------------------------------


@pytest.mark.parametrize("content", [b"{not json", b"", b"[1, 2, 3]", b'"a string"', b"\xff\xfe\x00garbage"])
def test_a_corrupt_settings_file_is_kept_and_never_overwritten(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "settings.json"
    path.write_bytes(content)
    settings = Settings(path)
    kept = _kept(tmp_path, "settings.json")
    assert [settings.kept_bad_file] == kept and kept[0].read_bytes() == content
    settings.language = "zh_CN"
    assert settings.save()
    assert json.loads(path.read_text()) == {"language": "zh_CN"}
    assert kept[0].read_bytes() == content  # the bad file survives the save


def test_a_settings_file_that_cannot_be_read_is_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.mkdir()  # reading it fails (as a file without read permission does)
    settings = Settings(path)
    assert settings.unreadable
    assert not settings.save()
    assert path.is_dir() and not _kept(tmp_path, "settings.json")


@pytest.mark.parametrize(
    "text, words",
    [('{"schema_version": 1, "training": {"epo', "not valid JSON"), ('{"schema_version": 99}', "newer explorer")],
)
def test_an_autosaved_experiment_that_does_not_load_is_kept(qapp, tmp_path: Path, text: str, words: str) -> None:
    from explorer.core.config import DEFAULT_PRESET, load_preset
    from explorer.gui.app import _initial_experiment

    settings = Settings(tmp_path / "settings.json")
    settings.last_experiment_json = text
    experiment, problem = _initial_experiment(None, None, settings)
    assert experiment == load_preset(DEFAULT_PRESET)
    kept = _kept(tmp_path, "last-experiment.json")
    assert len(kept) == 1 and kept[0].read_text() == text
    assert words in problem and str(kept[0]) in problem and "default preset" in problem


def test_the_window_says_each_settings_note_once(qtbot, tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text("garbage")
    win = open_window(qtbot, tiny_run(), settings=Settings(path))
    try:
        win.show_settings_notes()
        text = win.banner.text()
        assert win.banner.isVisible() and "could not be read; it was kept as" in text
        assert str(_kept(tmp_path, "settings.json")[0]) in text
        win.banner.dismiss()
        win.show_settings_notes()
        assert not win.banner.isVisible()  # said once
    finally:
        close_window(win)


# -- 10. a config folder that cannot be written is said once ------------------------------------------------


def test_a_settings_folder_that_cannot_be_written_is_said_once(qtbot, tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    settings = Settings(blocker / "config" / "settings.json")  # its folder can never be made
    assert settings.writable_problem()
    win = open_window(qtbot, tiny_run(), settings=settings)
    try:
        win.show_settings_notes()
        assert "Settings cannot be saved in" in win.banner.text() and str(blocker / "config") in win.banner.text()
        win.banner.dismiss()
        win._autosave()  # fails again: nothing more is said
        assert not win.banner.isVisible()
    finally:
        close_window(win)


# -- 9. a second instance on the same settings saves nothing over the first -------------------------------------


def test_a_second_instance_does_not_overwrite_the_first(qtbot, tmp_path: Path) -> None:
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys; from explorer.gui.settings import Settings; s = Settings(sys.argv[1]); "
            "print(s.claim_instance(), flush=True); sys.stdin.read()",
            str(tmp_path / "settings.json"),
        ],
        cwd=REPO,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "True"  # the first instance holds the folder
        (tmp_path / "settings.json").write_text('{"language": "en"}')
        second = Settings(tmp_path / "settings.json")
        assert not second.claim_instance() and second.shared
        second.language = "zh_CN"
        assert not second.save()
        assert json.loads((tmp_path / "settings.json").read_text()) == {"language": "en"}
        win = open_window(qtbot, tiny_run(), settings=second)
        try:
            win.show_settings_notes()
            assert "Another Regularization Explorer window uses the same settings" in win.banner.text()
        finally:
            close_window(win)
        assert json.loads((tmp_path / "settings.json").read_text()) == {"language": "en"}
    finally:
        holder.stdin.close()
        holder.wait(timeout=30)
    third = Settings(tmp_path / "settings.json")
    assert third.claim_instance()  # the first one ended: its lock went with it
    third.release_instance()


# -- 8. SIGTERM saves as closing does ------------------------------------------------------------------------


def test_sigterm_saves_the_layout_and_the_experiment(tmp_path: Path) -> None:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "EXPLORER_CONFIG_DIR": str(tmp_path / "config"),
        "EXPLORER_STARTUP_TRACE": "1",
    }
    proc = subprocess.Popen(
        [sys.executable, "-m", "explorer", "--preset", "early-stopping", "--thread-host"],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60
        line = ""
        while "startup: painted" not in line and time.monotonic() < deadline:
            line = proc.stdout.readline()
            if not line and proc.poll() is not None:
                break
        assert "startup: painted" in line, proc.stderr.read()
        time.sleep(0.5)
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == 0, proc.stderr.read()
    saved = json.loads((tmp_path / "config" / "settings.json").read_text())
    assert "window/geometry" in saved and "window/state" in saved
    assert "Early stopping" in saved["last_experiment"]


# -- 16. a restarted trainer clears the banner; a stalled one is said ---------------------------------------------


@pytest.fixture
def process_window(qtbot):
    from explorer.gui.host import TrainerHost
    from explorer.gui.main_window import MainWindow

    host = TrainerHost(mode="process")
    window = MainWindow(host=host, experiment=tiny_run())
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.close()
    host.shutdown()
    window.deleteLater()


def _training(qtbot, window) -> None:
    qtbot.waitUntil(
        lambda: window.state == "running" and window.painted_snapshot is not None and window.painted_snapshot.step > 0,
        timeout=WAIT_MS,
    )


def test_reset_after_a_killed_trainer_clears_its_banner(qtbot, process_window) -> None:
    window = process_window
    window.start(play=True)
    _training(qtbot, window)
    os.kill(window.host._process.pid, signal.SIGKILL)
    qtbot.waitUntil(lambda: window.banner.isVisible() and window.state == "error", timeout=10_000)
    window.toggle_play()  # Play (or R), not the banner's own button
    qtbot.waitUntil(lambda: window.host.is_alive() and window.state == "running", timeout=WAIT_MS)
    assert not window.banner.isVisible()


def test_a_stalled_trainer_is_shown_as_stalled(qtbot, process_window, monkeypatch) -> None:
    import explorer.gui.main_window as main_window

    monkeypatch.setattr(main_window, "STALL_SECONDS", 1)
    window = process_window
    window.start(play=True)
    _training(qtbot, window)
    pid = window.host._process.pid
    os.kill(pid, signal.SIGSTOP)
    try:
        qtbot.waitUntil(lambda: window.run_status.state.text().startswith("no step for"), timeout=10_000)
        assert window.run_status.speed.text() == "0 steps/s"
    finally:
        os.kill(pid, signal.SIGCONT)
    qtbot.waitUntil(lambda: window.run_status.state.text() == "running", timeout=WAIT_MS)
