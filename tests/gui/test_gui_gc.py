"""Cyclic garbage is collected in the GUI thread only (a collection in the trainer thread that
freed an old plot's QMenu deadlocked the app against the GUI thread in CI)."""

from __future__ import annotations

import gc
import threading

from explorer.core.config import load_preset
from explorer.gui.host import TrainerHost
from explorer.gui.main_window import MainWindow


def test_a_window_moves_garbage_collection_to_the_gui_thread(qtbot):
    window = MainWindow(host=TrainerHost(mode="thread"), experiment=load_preset("dropout-regression"))
    qtbot.addWidget(window)
    try:
        assert not gc.isenabled()  # automatic collection would run in whichever thread allocates

        class Cycle:
            def __init__(self) -> None:
                self.me = self

            def __del__(self) -> None:
                freed.append(threading.current_thread().name)

        freed: list[str] = []
        Cycle()
        # The collector runs a generation once its allocation count passes gc's threshold.
        junk = [[] for _ in range(5 * gc.get_threshold()[0])]
        qtbot.waitUntil(lambda: bool(freed), timeout=5000)  # the GUI timer collects it
        del junk
        assert freed == [threading.main_thread().name]
    finally:
        window.close()
        window.host.shutdown()
