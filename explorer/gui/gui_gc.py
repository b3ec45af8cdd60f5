"""Python's cyclic garbage collector, run only in the GUI thread.

Left automatic, a collection runs in whichever thread happens to allocate: the
trainer thread (thread host) or the pipe reader (process host). When that
collection frees a cycle holding a Qt widget (an old pyqtgraph plot and its
menu, say), the widget is destroyed off the GUI thread: it takes a Qt mutex
while the GUI thread holds the interpreter lock and waits for that mutex, and
the app deadlocks (seen in CI). pyqtgraph's GarbageCollector disables automatic
collection and collects on a GUI-thread timer instead.
"""

from __future__ import annotations

from typing import Any, Optional

_collector: Optional[Any] = None


def collect_in_gui_thread(interval: float = 1.0) -> None:
    """Start the GUI-thread collector once per process (call from the GUI thread)."""
    global _collector
    if _collector is None:
        from pyqtgraph.util.garbage_collector import GarbageCollector

        _collector = GarbageCollector(interval=interval)
