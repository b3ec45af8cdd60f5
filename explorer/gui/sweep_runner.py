"""Runs a sweep in a child process (explorer.core.sweep._process) and relays what it sends as Qt
signals, read from the pipe on a timer in the GUI thread: no worker thread, nothing blocks."""

from __future__ import annotations

import multiprocessing
from typing import Any, Optional

from PySide6 import QtCore

POLL_MS = 100
JOIN_SECONDS = 10.0


class SweepRunner(QtCore.QObject):
    planned = QtCore.Signal(int, int, float)  # cells, cells already done, memory MB
    progress = QtCore.Signal(float)  # 0..1 of the remaining work
    rows_changed = QtCore.Signal(list)  # every row so far
    finished = QtCore.Signal(str)  # "done" | "cancelled" | "error"
    failed = QtCore.Signal(str)
    workers_changed = QtCore.Signal(list, dict)  # worker addresses, cells done per worker (a Dask cluster)

    def __init__(self, parent: Optional[QtCore.QObject] = None):
        super().__init__(parent)
        self._process: Optional[Any] = None
        self._conn: Optional[Any] = None
        self.rows: list[dict[str, Any]] = []  # finished cells
        self._live: list[dict[str, Any]] = []  # the chunk training now
        self.paused = False
        self._timer = QtCore.QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._poll)

    def running(self) -> bool:
        return self._process is not None

    def start(
        self, experiment: dict[str, Any], spec: dict[str, Any], out: str, place: Optional[dict[str, Any]] = None
    ) -> None:
        from explorer.core.sweep._process import sweep_process_main

        self.shutdown()
        ctx = multiprocessing.get_context("spawn")
        # an embedded Dask cluster starts worker processes, which a daemonic process may not
        daemon = (place or {}).get("kind", "here") != "processes"
        parent, child = ctx.Pipe()
        self._process = ctx.Process(
            target=sweep_process_main, args=(experiment, spec, out, child, place), daemon=daemon
        )
        try:
            self._process.start()
        except BaseException:  # e.g. no memory for a process: nothing runs, nothing to join later
            self._process = None
            parent.close()
            raise
        finally:
            child.close()
        self._conn, self.rows, self._live, self.paused = parent, [], [], False
        self._timer.start()

    def _send(self, command: str) -> None:
        if self._conn is not None:
            try:
                self._conn.send(command)
            except (OSError, ValueError):
                pass

    def pause(self) -> None:
        self.paused = True
        self._send("pause")

    def resume(self) -> None:
        self.paused = False
        self._send("resume")

    def cancel(self) -> None:
        """Stop at the next step; the finished cells stay in the folder."""
        self._send("cancel")

    def _poll(self) -> None:
        conn = self._conn
        if conn is None:
            return
        try:
            while conn.poll():
                self._handle(conn.recv())
                if self._conn is None:
                    return
        except (EOFError, OSError):
            self._end("error", self.tr("the sweep process ended unexpectedly"))

    def _handle(self, message: tuple) -> None:
        kind = message[0]
        if kind == "plan":
            self.planned.emit(int(message[1]), int(message[2]), float(message[3]))
        elif kind == "progress":
            self.progress.emit(float(message[1]))
        elif kind == "workers":
            self.workers_changed.emit(list(message[1]), dict(message[2]))
        elif kind == "chunk":
            keys = {r["cell"] for r in message[1]}
            self.rows = [r for r in self.rows if r["cell"] not in keys] + list(message[1])
            self._live = []
            self.rows_changed.emit(list(self.rows))
        elif kind == "live":  # cells still training: drawn with the finished ones, never stored
            done = {r["cell"] for r in self.rows}
            self._live = [r for r in message[1] if r["cell"] not in done]
            self.rows_changed.emit(self.rows + self._live)
        elif kind in ("done", "cancelled"):
            self.rows = list(message[1])
            done = {r["cell"] for r in self.rows}
            # cancelled mid-chunk: the cells still training stay drawn as they were (not stored)
            unfinished = [r for r in self._live if r["cell"] not in done] if kind == "cancelled" else []
            self._live = []
            self.rows_changed.emit(self.rows + unfinished)
            self._end(kind)
        elif kind == "error":
            self._end("error", str(message[1]))

    def _end(self, state: str, error: str = "") -> None:
        self._timer.stop()
        self._join()
        if error:
            self.failed.emit(error)
        self.finished.emit(state)

    def _join(self) -> None:
        process, conn = self._process, self._conn
        self._process = self._conn = None
        if conn is not None:
            conn.close()
        if process is not None:
            process.join(JOIN_SECONDS)
            if process.is_alive():  # it did not stop at a step: end it (its folder holds what finished)
                process.kill()
                process.join(JOIN_SECONDS)

    def shutdown(self) -> None:
        """Cancel a running sweep and wait for its process (window close, a new sweep)."""
        if self._process is None:
            return
        self._timer.stop()
        self.cancel()
        self.resume()
        self._join()
