"""The trainer child's messages leave from a thread of their own.

Writing a snapshot into the pipe blocks while the window has not read the ones before it (its
reader thread waits for the GUI thread's interpreter lock while a frame paints). Measured in the
real window (dropout-regression, 2-core Intel Xeon 2.1 GHz): the training thread spent 60-200 ms
of every 3 s blocked in ``Connection.send`` for 6-10 ms of CPU. Here the training thread only
queues the encoded message; a sender thread writes it. Messages keep their order (one FIFO: the
snapshot decoder needs every encoded snapshot, in order), and the queue is short, so a window that
stays behind for long still slows the trainer down instead of letting memory grow.
"""

from __future__ import annotations

import queue
import threading
from multiprocessing.connection import Connection
from typing import Any

_STOP = object()


class PipeSender:
    """``send(message)`` queues; a daemon thread ``conn.send``s in order. EOFError once the far end is gone."""

    def __init__(self, conn: Connection, depth: int = 8) -> None:
        self._conn = conn
        self._queue: queue.Queue[Any] = queue.Queue(maxsize=depth)
        self._failed = threading.Event()
        self._thread = threading.Thread(target=self._run, name="explorer-sender", daemon=True)
        self._thread.start()

    def send(self, message: Any) -> None:
        while True:
            if self._failed.is_set() or not self._thread.is_alive():
                raise EOFError("the window is gone")
            try:
                self._queue.put(message, timeout=0.25)
                return
            except queue.Full:
                continue

    def close(self, timeout: float = 2.0) -> None:
        """Send what is queued (up to `timeout` seconds), then stop the thread."""
        if self._thread.is_alive() and not self._failed.is_set():
            try:
                self._queue.put(_STOP, timeout=timeout)
            except queue.Full:
                self._failed.set()
        self._thread.join(timeout)

    def _run(self) -> None:
        while True:
            item = self._queue.get()
            if item is _STOP:
                return
            try:
                self._conn.send(item)
            except (BrokenPipeError, EOFError, OSError):
                self._failed.set()
                return
            if self._failed.is_set():  # close() gave up waiting: stop without sending the rest
                return
