"""Lifecycle: start/stop cycles leak nothing, closing the app at any moment exits 0, a killed GUI
leaves no trainer behind, and a killed trainer is reported with a way to restart it.

Process cases use real child processes: the app is started with `python -m explorer` and
its children are found through /proc (no psutil).
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import signal
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QApplication

from explorer.core.config import Experiment
from tests.gui.windows import tiny_run

REPO = Path(__file__).resolve().parents[2]
WAIT_MS = 60_000


def small_experiment() -> Experiment:
    return tiny_run({"title": "Lifecycle"}, **{"network.layers": [{"width": 8, "dropout_p": 0.3}, {"width": 8}]})


# -- /proc helpers ---------------------------------------------------------------------------------------


def open_fds() -> int:
    return len(os.listdir("/proc/self/fd"))


def _stat(pid: int) -> tuple[str, int] | None:
    """(state, ppid) of a process, None when it is gone."""
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    rest = text[text.rindex(")") + 2 :].split()
    return rest[0], int(rest[1])


def alive(pid: int) -> bool:
    stat = _stat(pid)
    return stat is not None and stat[0] not in ("Z", "X")


def children_of(pid: int) -> list[int]:
    out = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            stat = _stat(int(entry))
            if stat is not None and stat[1] == pid and stat[0] not in ("Z", "X"):
                out.append(int(entry))
    return out


def cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return ""


def with_token(token: str) -> list[int]:
    """Processes whose environment carries `token` (the app under test and everything it started)."""
    found = []
    needle = f"EXPLORER_TEST_TOKEN={token}".encode()
    for entry in os.listdir("/proc"):
        if entry.isdigit() and int(entry) != os.getpid():
            try:
                if needle in Path(f"/proc/{entry}/environ").read_bytes() and alive(int(entry)):
                    found.append(int(entry))
            except OSError:
                pass
    return found


def wait_for(predicate, timeout: float, what: str) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout} s waiting for {what}")
        time.sleep(0.05)


def app_env(tmp_path: Path, token: str, **extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        {
            "QT_QPA_PLATFORM": "offscreen",
            "EXPLORER_CONFIG_DIR": str(tmp_path / "config"),
            "PYTHONFAULTHANDLER": "1",
            "EXPLORER_TEST_TOKEN": token,
            "OMP_NUM_THREADS": "1",
        }
    )
    env.update(extra)
    return env


# -- 100 start/stop cycles ------------------------------------------------------------------------------------


def _settle(qtbot) -> None:  # type: ignore[no-untyped-def]
    for _ in range(3):
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        QApplication.processEvents()
        gc.collect()
        qtbot.wait(10)


def _resources() -> tuple[int, set[int], int]:
    return open_fds(), {t.ident for t in threading.enumerate()}, len(multiprocessing.active_children())


def _cycles(qtbot, mode: str, n: int, wait_every: int) -> None:  # type: ignore[no-untyped-def]
    from explorer.gui.host import TrainerHost

    exp = small_experiment()
    # one cycle first: torch, the dataset code and Qt's own threads load once, for good
    warm = TrainerHost(mode=mode)
    warm.start(exp, play=True)
    qtbot.waitUntil(lambda: warm.latest is not None, timeout=WAIT_MS)
    warm.shutdown()
    warm.deleteLater()
    _settle(qtbot)
    fds, threads, children = _resources()
    for i in range(n):
        host = TrainerHost(mode=mode)
        host.start(exp, play=i % 2 == 0)
        if i % wait_every == 0:  # sometimes a snapshot first, sometimes a stop at once
            qtbot.waitUntil(lambda: host.latest is not None, timeout=WAIT_MS)
        if i % 3 == 0:
            host.reset()  # a restart inside the cycle as well
        host.shutdown()
        assert not host.is_alive()
        host.deleteLater()
        if i % 10 == 9:
            _settle(qtbot)
    _settle(qtbot)
    fds_after, threads_after, children_after = _resources()
    assert fds_after <= fds, f"{fds_after - fds} file descriptors leaked over {n} cycles"
    assert threads_after <= threads, [t.name for t in threading.enumerate() if t.ident not in threads]
    assert children_after == children == 0, multiprocessing.active_children()
    assert children_of(os.getpid()) == [] or all("resource_tracker" in cmdline(p) for p in children_of(os.getpid()))


def test_100_start_stop_cycles_in_a_thread_leak_nothing(qtbot):
    _cycles(qtbot, "thread", 100, wait_every=4)


@pytest.mark.slow
def test_10_start_stop_cycles_of_the_trainer_process_leak_nothing(qtbot):
    _cycles(qtbot, "process", 10, wait_every=3)


# -- closing the app at any moment ------------------------------------------------------------------------------


def test_closing_the_app_at_any_moment_exits_cleanly(tmp_path):
    """The window closes (EXPLORER_SMOKE_EXIT_AFTER_MS) while the trainer process starts, warms or trains."""
    runs = {}
    for ms in (200, 900, 2500):
        token = uuid.uuid4().hex
        (tmp_path / str(ms)).mkdir()
        env = app_env(tmp_path / str(ms), token, EXPLORER_SMOKE_EXIT_AFTER_MS=str(ms))
        proc = subprocess.Popen(
            [sys.executable, "-m", "explorer", "--preset", "dropout-regression", "--play"],
            cwd=REPO,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        runs[ms] = (proc, token)
    for ms, (proc, token) in runs.items():
        try:
            output, _ = proc.communicate(timeout=90)
        except subprocess.TimeoutExpired:
            proc.kill()
            output, _ = proc.communicate()
            pytest.fail(f"the app did not exit {ms} ms after start + close:\n{output}")
        assert proc.returncode == 0, (ms, output)
        for bad in (
            "Traceback",
            "QThread: Destroyed while thread is still running",
            "Fatal Python error",
            "Segmentation fault",
            "leaked semaphore",
        ):
            assert bad not in output, (ms, output)
        wait_for(lambda: with_token(token) == [], 10, f"the app's processes to end ({ms} ms)")
        assert (tmp_path / str(ms) / "config" / "settings.json").is_file(), (ms, output)


# -- the GUI killed: no orphan trainer ---------------------------------------------------------------------------


@pytest.mark.parametrize("when", ["while it starts", "while it trains"])
def test_killing_the_gui_ends_the_trainer_process(tmp_path, when: str):
    """kill -9 the GUI: its trainer child (and multiprocessing's resource tracker) end within seconds,
    also while the child is still importing torch and not reading its pipe."""
    token = uuid.uuid4().hex
    env = app_env(tmp_path, token, EXPLORER_SMOKE_EXIT_AFTER_MS="120000")
    gui = subprocess.Popen(
        [sys.executable, "-m", "explorer", "--preset", "dropout-regression", "--play"],
        cwd=REPO,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:

        def trainer() -> list[int]:
            return [p for p in children_of(gui.pid) if "resource_tracker" not in cmdline(p)]

        wait_for(lambda: bool(trainer()), 60, "the trainer process to start")
        (child,) = trainer()
        assert "multiprocessing" in cmdline(child) or "spawn" in cmdline(child), cmdline(child)
        if when == "while it trains":
            time.sleep(3.0)
        family = [child] + children_of(gui.pid)
        assert alive(child)
        os.kill(gui.pid, signal.SIGKILL)
        gui.wait(10)
        limit = 4 if when == "while it starts" else 6
        wait_for(lambda: not any(alive(p) for p in family), limit, f"the trainer to notice its GUI is gone ({when})")
        wait_for(lambda: with_token(token) == [], 5, "every process of the app to end")
    finally:
        if gui.poll() is None:
            gui.kill()
            gui.wait(10)
        for pid in with_token(token):
            os.kill(pid, signal.SIGKILL)


# -- the trainer killed: the window says so, offers a restart, keeps the experiment -----------------------------


def test_killed_trainer_is_reported_with_a_restart_button_and_the_experiment_is_kept(qtbot):
    from explorer.gui.host import TrainerHost
    from explorer.gui.main_window import MainWindow

    host = TrainerHost(mode="process")
    window = MainWindow(host=host, experiment=small_experiment())
    window.show()
    qtbot.waitExposed(window)
    try:
        window.start(play=True)
        qtbot.waitUntil(
            lambda: window.painted_snapshot is not None and window.painted_snapshot.step > 0, timeout=WAIT_MS
        )
        window.regularization_panel.l2.set_text("0.003")  # a live edit before the crash
        window.regularization_panel.flush()
        edited = window.experiment
        assert edited.regularization.l2_lambda == 0.003
        os.kill(host._process.pid, signal.SIGKILL)
        qtbot.waitUntil(
            lambda: window.banner.isVisible() and "stopped unexpectedly" in window.banner.text(), timeout=10_000
        )
        assert window.state == "error" and window.run_status.state.text() == "error"
        assert window.banner.action_texts() == ["Restart the trainer"]
        assert window.experiment == edited and host.experiment == edited  # nothing lost
        window.banner.action_buttons[0].click()
        assert not window.banner.isVisible()
        qtbot.waitUntil(
            lambda: (
                host.is_alive()
                and window.state == "running"
                and window.painted_snapshot is not None
                and window.painted_snapshot.step > 0
            ),
            timeout=WAIT_MS,
        )
        from explorer.core.config import parse_experiment

        assert parse_experiment(window.painted_snapshot.experiment_json, "json") == edited
    finally:
        window.close()
        host.shutdown()
        window.deleteLater()
    assert not multiprocessing.active_children()


# -- a backlog of rebuilds never delays closing ----------------------------------------------------------------------


def test_coalesce_keeps_only_what_is_still_worth_doing():
    from explorer.core.protocol import commands as C
    from explorer.core.session import coalesce_commands

    exp = small_experiment().to_json()
    waiting = [
        C.SetValue("optimizer.lr", 0.1),
        C.Rebuild(exp),
        C.SaveCheckpoint("a.pt"),
        C.Step(2),
        C.Rebuild(exp, start_paused=False),
        C.SetValue("optimizer.lr", 0.2),
        C.Resume(),
    ]
    assert coalesce_commands(waiting) == [
        C.SaveCheckpoint("a.pt"),
        C.Rebuild(exp, start_paused=False),
        C.SetValue("optimizer.lr", 0.2),
        C.Resume(),
    ]
    assert coalesce_commands(waiting + [C.Stop(), C.Pause()]) == [C.SaveCheckpoint("a.pt"), C.Stop(), C.Pause()]
    assert coalesce_commands([C.Rebuild(None), C.Pause()]) == [C.Rebuild(None), C.Pause()]  # a reset keeps order
    assert coalesce_commands([C.Pause(), C.Resume()]) == [C.Pause(), C.Resume()]


def test_closing_never_waits_behind_a_backlog_of_rebuilds(qtbot, monkeypatch):
    """300 structural edits queued faster than they are built: the thread host builds only the
    newest, and shuts down at once."""
    import explorer.core.training as demos  # the session looks build_runner up there at each build
    from explorer.gui.host import TrainerHost

    built: list[int] = []
    real_build = demos.build_runner

    def slow_build(exp, **kwargs):  # type: ignore[no-untyped-def]
        time.sleep(0.05)  # a bigger data set: 50 ms a rebuild
        built.append(exp.training.seed)
        return real_build(exp, **kwargs)

    monkeypatch.setattr(demos, "build_runner", slow_build)
    host = TrainerHost(mode="thread")
    try:
        for seed in range(300):
            host.start(small_experiment().with_values({"training.seed": seed}), play=True)
        qtbot.waitUntil(lambda: host.latest is not None and host.latest.generation >= 1, timeout=WAIT_MS)
        qtbot.waitUntil(lambda: built and built[-1] == 299, timeout=WAIT_MS)
        assert len(built) < 30, f"{len(built)} of 300 rebuilds were built"
        for seed in range(300):
            host.start(small_experiment().with_values({"training.seed": seed}), play=True)
        started = time.monotonic()
        host.shutdown()
        assert time.monotonic() - started < 3.0
        assert not host.is_alive()
    finally:
        host.shutdown()


# -- garbage from Qt objects is freed in the GUI thread only ------------------------------------------------------


def test_garbage_is_collected_only_in_the_gui_thread(qtbot):
    """Found by the restless hands: the cyclic collector, started by the trainer thread's
    allocations, freed the window's Qt objects in the trainer thread; the GUI thread freeing
    others at the same time deadlocked (interpreter lock against Qt's object lock), and an item
    freed while a view painted crashed. While a host runs, collection is the GUI thread's job."""
    import gc
    import weakref

    from PySide6.QtCore import QObject

    from explorer.gui.host import TrainerHost

    host = TrainerHost(mode="thread")
    freed_in: list[str] = []
    try:
        host.start(small_experiment(), play=True)
        qtbot.waitUntil(lambda: host.latest is not None and host.latest.step > 0, timeout=WAIT_MS)
        assert not gc.isenabled(), "automatic collection would run in whichever thread allocates"
        for _ in range(300):  # Qt objects kept only by reference cycles
            holder: dict = {"qobject": QObject()}
            holder["self"] = holder
            weakref.finalize(holder["qobject"], lambda: freed_in.append(threading.current_thread().name))
            del holder
        junk = [[] for _ in range(5 * gc.get_threshold()[0])]  # past the collector's threshold
        qtbot.waitUntil(lambda: len(freed_in) == 300, timeout=10_000)  # collected on the GUI's timer
        del junk
        assert set(freed_in) == {threading.main_thread().name}
    finally:
        host.shutdown()
