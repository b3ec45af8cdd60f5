"""Test-wide set-up: offscreen Qt, and failures for threads a test leaves running."""

from __future__ import annotations

import os
import threading
import time
import traceback
import weakref
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("EXPLORER_TESTING", "1")

REPO = Path(__file__).resolve().parents[1]
MNIST_DIR = REPO.parent / "shared" / "data" / "mnist"


def _qt_available() -> bool:
    try:
        import PySide6.QtCore  # noqa: F401
    except Exception:
        return False
    return True


@pytest.fixture(autouse=True)
def config_dir(tmp_path, monkeypatch):
    """The app's settings (the window saves them on changes and at close) go to a fresh folder
    per test, never to the user's."""
    monkeypatch.setenv("EXPLORER_CONFIG_DIR", str(tmp_path / "config"))


@pytest.fixture(autouse=True)
def data_dir(tmp_path, monkeypatch):
    """Downloaded data sets go to a fresh folder per test, never to the user's cache, and no test
    inherits a mirror override."""
    monkeypatch.setenv("EXPLORER_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("EXPLORER_DATA_MIRROR", raising=False)
    return tmp_path / "data"


@pytest.fixture
def one_torch_thread():
    """Tiny nets train faster on one thread (and the bit-identity checks want one);
    the setting is restored for the other tests."""
    import torch

    before = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(before)


@pytest.fixture(autouse=True)
def _denormals_as_the_test_found_them():
    """A test that trains in pytest's thread turns on flush-to-zero there (explorer.core.util._denormals);
    the tests after it (hypothesis refuses to run under it) get the CPU's default back."""
    yield
    from explorer.core.util import _denormals

    if getattr(_denormals._local, "on", False):
        import torch

        torch.set_flush_denormal(False)
        _denormals._local.on = False


@pytest.fixture(autouse=True)
def _no_dangling_threads(request, monkeypatch):
    """Fail any test that leaves a QThread or a Python thread running (as napari does)."""
    before = {t.ident for t in threading.enumerate()}
    started: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
    if _qt_available() and "qtbot" in request.fixturenames:
        from PySide6.QtCore import QThread

        base_start = QThread.start

        def start(self, *args, **kwargs):  # type: ignore[no-untyped-def]
            started[self] = "".join(traceback.format_stack(limit=6)[:-1])
            return base_start(self, *args, **kwargs)

        monkeypatch.setattr(QThread, "start", start)
    yield
    deadline = time.monotonic() + 2.0
    while True:
        dangling_qt = []
        for thread, where in list(started.items()):
            try:
                if thread.isRunning():
                    dangling_qt.append(where)
            except RuntimeError:  # C++ object already deleted: not running
                pass
        dangling_py = [
            t
            for t in threading.enumerate()
            if t.ident not in before
            and t.is_alive()
            and not t.daemon
            and not t.name.startswith(("QueueFeederThread", "asyncio"))
        ]
        if not dangling_qt and not dangling_py or time.monotonic() > deadline:
            break
        time.sleep(0.05)
    problems = []
    if dangling_qt:
        problems.append("QThread(s) left running, started at:\n" + "\n".join(dangling_qt))
    if dangling_py:
        problems.append("Python thread(s) left running: " + ", ".join(t.name for t in dangling_py))
    if problems:
        pytest.fail("\n".join(problems))


# -- a loopback mirror of small IDX files (the download tests: core, command line and window) ------


@pytest.fixture
def files():
    """Small IDX files made for the test: upstream name -> gzip bytes."""
    from tests.idx_server import small_set_files

    return small_set_files()


@pytest.fixture
def mirror(files):
    """An HTTP server on 127.0.0.1 serving `files`; stopped after the test."""
    from tests.idx_server import IdxMirror

    m = IdxMirror(files).start()
    yield m
    m.stop()
