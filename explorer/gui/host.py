"""TrainerHost: runs the core trainer off the GUI thread and relays its newest Snapshot.

Two modes behind one interface:
- "process" (default): the trainer runs in a spawned child process; a QThread
  here reads the pipe and emits signals. Commands go down the pipe.
- "thread": the same Session runs in a QThread of this process (tests, fallback).
Only signals cross threads; the GUI keeps only the newest Snapshot and paints
it on its own timer. Stopping is cooperative: a Stop command, then join.
"""

from __future__ import annotations

import queue
import threading
from typing import Any, Optional

from PySide6.QtCore import QObject, QThread, Signal

from explorer.core.config import Experiment, apply_live_value
from explorer.core.protocol import ExplorerError, Snapshot
from explorer.core.protocol import commands as C

_STRAGGLERS: list[QThread] = []  # trainer threads that did not stop in time (see _teardown)


def _post(inbox: queue.Queue[Any], command: Any) -> None:
    """Queue a command for the trainer thread. A Stop or a full Rebuild makes whatever still
    waits pointless (except checkpoint saves and the views on screen): it is dropped, so restless hands never build
    a backlog of rebuilds and closing never waits behind one (the process host's child
    does the same with explorer.core.session._session.coalesce_commands)."""
    if isinstance(command, C.Stop) or (isinstance(command, C.Rebuild) and command.experiment_json is not None):
        with inbox.mutex:
            kept = [c for c in inbox.queue if isinstance(c, (C.SaveCheckpoint, C.SetVisibleViews))]
            inbox.queue.clear()
            inbox.queue.extend(kept)
    inbox.put(command)


class _PipeReader(QThread):
    """Reads (kind, payload) messages from the child; stops at EOF or when asked."""

    received = Signal(str, object)

    def __init__(self, conn: Any, parent: Optional[QObject] = None):
        super().__init__(parent)
        self.conn = conn
        self._stop = threading.Event()

    def run(self) -> None:
        from explorer.core.session import SNAPSHOT_BYTES, SnapshotDecoder

        decoder = SnapshotDecoder()  # decoded here, off the GUI thread
        while not self._stop.is_set():
            try:
                if not self.conn.poll(0.05):
                    continue
                kind, payload = self.conn.recv()
                if kind == SNAPSHOT_BYTES:
                    kind, payload = "snapshot", decoder.decode(payload)
            except (EOFError, OSError, ValueError):
                if not self._stop.is_set():
                    self.received.emit("died", None)
                return
            except Exception as exc:  # unpicklable message: report, keep reading
                self.received.emit("error", self.tr("could not read from the trainer: {0}").format(exc))
                continue
            self.received.emit(kind, payload)

    def stop(self) -> None:
        self._stop.set()


class _SessionThread(QThread):
    """Runs a core Session in this process (the "thread" host)."""

    received = Signal(str, object)

    def __init__(self, parent: Optional[QObject] = None):
        super().__init__(parent)
        self.inbox: queue.Queue[Any] = queue.Queue()

    def run(self) -> None:
        from explorer.core.session import Session

        def receive(timeout: float) -> Any:
            try:
                return self.inbox.get(timeout=timeout) if timeout > 0 else self.inbox.get_nowait()
            except queue.Empty:
                return None

        Session(lambda kind, payload: self.received.emit(kind, payload)).serve(receive)


class TrainerHost(QObject):
    snapshotReady = Signal(object)
    stateChanged = Signal(str)
    # The trainer's notes and errors: a Message (an id and its values; explorer.core.protocol),
    # or a text of the window's own, already in the UI's language. Shown with core_messages.tr_message.
    message = Signal(object)
    errorOccurred = Signal(object)
    # A rebuild the trainer could not do (a bad data file, ...): the run it kept goes on, and
    # this carries that run's Experiment, so the window shows what is really training.
    rebuildRejected = Signal(object)
    checkpointOpened = Signal(str, object)  # (path, first snapshot of its run): host.experiment is its

    def __init__(self, mode: str = "process", parent: Optional[QObject] = None):
        super().__init__(parent)
        if mode not in ("process", "thread"):
            raise ValueError("mode must be 'process' or 'thread'")
        self.mode = mode
        self.latest: Optional[Snapshot] = None
        self.state = "idle"
        self.experiment: Optional[Experiment] = None
        self._process: Optional[Any] = None
        self._conn: Optional[Any] = None
        self._thread: Optional[QThread] = None
        self._shut = False
        self._adopt: Optional[tuple[str, int]] = None  # (checkpoint path, generation of its run)
        self._since_rebuild: list[Any] = []  # live edits sent after the last Rebuild, in order
        self._visible: Optional[frozenset[str]] = None  # the views on screen, as last told the trainer

    # -- starting and stopping ----------------------------------------------------------
    def _ensure_worker(self) -> None:
        if self._thread is not None and self._thread.isRunning():
            return
        self._teardown()
        if self.mode == "process":
            from explorer.core.session import spawn_worker, take_prestarted

            started = take_prestarted()  # the app spawns it before building the window
            if started is None:
                try:
                    started = spawn_worker()
                except Exception as exc:
                    raise ExplorerError(self.tr("could not start the trainer process: {0}").format(exc)) from exc
            process, parent_conn = started
            self._process = process
            self._conn = parent_conn
            thread: QThread = _PipeReader(parent_conn)
        else:
            thread = _SessionThread()
        thread.received.connect(self._on_received)  # type: ignore[attr-defined]
        self._thread = thread
        # The worker thread allocates all the time: a cyclic collection started there would free
        # Qt objects off the GUI thread (a deadlock or a crash); collect in the GUI thread only.
        from explorer.gui.gui_gc import collect_in_gui_thread

        collect_in_gui_thread()
        thread.start()
        if self._visible is not None:  # a new trainer builds every part until told otherwise
            self.send(C.SetVisibleViews(self._visible))

    def warm(self) -> None:
        """Start the trainer (process) now, so its imports overlap the window's start-up."""
        self._ensure_worker()

    def start(self, experiment: Experiment, play: bool = False) -> None:
        """Cancel any current run and start `experiment` (paused unless play)."""
        self._shut = False
        self._adopt = None
        self.experiment = experiment
        self.latest = None
        self._since_rebuild = []
        self._ensure_worker()
        self.send(C.Rebuild(experiment.to_json(), start_paused=not play))

    def send(self, command: Any) -> None:
        if isinstance(command, C.SetValue) and self.experiment is not None:
            # Validate here first: a bad value never reaches the trainer half-applied.
            self.experiment = apply_live_value(self.experiment, command.path, command.value, command.variant)
            if len(self._since_rebuild) < 10_000:
                self._since_rebuild.append(command)
        if self._thread is None or not self._thread.isRunning():
            return
        if self.mode == "process":
            try:
                assert self._conn is not None
                self._conn.send(command)
            except (BrokenPipeError, OSError, EOFError):
                self._on_received("died", None)
        else:
            _post(self._thread.inbox, command)  # type: ignore[attr-defined]

    def set_visible_views(self, views: Optional[frozenset[str]]) -> None:
        """Tell the trainer which views are on screen (None: all of the dashboard's): it builds
        only their parts of each snapshot. Sent only when the set changes."""
        views = None if views is None else frozenset(views)
        if views == self._visible:
            return
        self._visible = views
        self.send(C.SetVisibleViews(views))

    def play(self) -> None:
        if self.state in ("idle", "error") and self.experiment is not None and not self.is_alive():
            self.start(self.experiment, play=True)
        else:
            self.send(C.Resume())

    def pause(self) -> None:
        self.send(C.Pause())

    def step(self, n: int = 1) -> None:
        self.send(C.Step(n))

    def reset(self) -> None:
        """A new model from step 0 with the current settings (restarts a dead trainer too)."""
        if self.experiment is None:
            return
        playing = self.state == "running"
        self.start(self.experiment, play=playing)

    def restore_checkpoint(self, path: str, play: bool = False) -> None:
        """Open a checkpoint in the trainer (inspect or continue); a bad file is reported
        through errorOccurred and the current run is kept."""
        self._shut = False
        self._ensure_worker()
        self.send(C.RestoreCheckpoint(str(path), start_paused=not play))

    def save_checkpoint(self, path: str) -> None:
        self.send(C.SaveCheckpoint(str(path)))

    def is_alive(self) -> bool:
        if self._thread is None or not self._thread.isRunning():
            return False
        return self.mode == "thread" or (self._process is not None and self._process.is_alive())

    def shutdown(self, timeout: float = 5.0) -> None:
        """Stop cooperatively and join everything; safe to call twice."""
        self._shut = True
        self._teardown(timeout)

    def _teardown(self, timeout: float = 5.0) -> None:
        thread, self._thread = self._thread, None
        if thread is not None:
            if self.mode == "process":
                if self._conn is not None:
                    try:
                        self._conn.send(C.Stop())
                    except (BrokenPipeError, OSError, EOFError):
                        pass
                thread.stop()  # type: ignore[attr-defined]
            else:
                _post(thread.inbox, C.Stop())  # type: ignore[attr-defined]
            # A trainer thread cannot be killed: give the command it is busy with (a rebuild of
            # a big data set) time to end; the Stop comes next.
            patience = timeout if self.mode == "process" else max(timeout, 30.0)
            stopped = thread.wait(int(patience * 1000))
            if not stopped:
                # A step that never returns: nothing more can be done cooperatively.
                self.errorOccurred.emit(self.tr("the trainer did not stop in time"))
            try:
                thread.received.disconnect(self._on_received)  # type: ignore[attr-defined]
            except (RuntimeError, TypeError):
                pass
            if stopped:
                thread.deleteLater()
            else:
                # Deleting a running QThread aborts the whole program: keep it until it ends.
                _STRAGGLERS.append(thread)
                thread.finished.connect(lambda t=thread: _STRAGGLERS.remove(t) if t in _STRAGGLERS else None)
        if self._process is not None:
            self._process.join(timeout)
            if self._process.is_alive():
                self._process.kill()
                self._process.join(1.0)
            self._process = None
        if self._conn is not None:
            try:
                self._conn.close()
            except OSError:
                pass
            self._conn = None

    # -- messages from the trainer ----------------------------------------------------------
    def _on_received(self, kind: str, payload: Any) -> None:
        if kind == "snapshot":
            # host.experiment stays the source of truth: every live edit goes through
            # send(), and an older snapshot must not undo a newer edit.
            adopt = self._adopt
            opened = adopt is not None and payload.generation == adopt[1]
            if opened:
                # A restored checkpoint brings its own experiment: adopt it once.
                from explorer.core.config import parse_experiment

                self.experiment = parse_experiment(payload.experiment_json, "json")
                self._adopt = None
            self.latest = payload
            if opened:
                self.checkpointOpened.emit(adopt[0], payload)
            self.snapshotReady.emit(payload)
        elif kind == "restored":
            self._adopt = (str(payload["path"]), int(payload["generation"]))
        elif kind == "state":
            self.state = payload
            self.stateChanged.emit(payload)
        elif kind == "message":
            self.message.emit(payload)
        elif kind == "checkpoint":
            self.message.emit(self.tr("checkpoint saved to {path}").format(path=payload))
        elif kind == "error":
            self.errorOccurred.emit(payload)
        elif kind == "rejected":
            self._on_rejected(payload)
        elif kind == "died" and not self._shut:
            code = self._process.exitcode if self._process is not None else None
            self.state = "error"
            self.stateChanged.emit("error")
            self.errorOccurred.emit(
                self.tr(
                    "The trainer process stopped unexpectedly (exit code {code}). "
                    "Press Reset to restart it; your experiment is kept."
                ).format(code=code)
            )

    def _on_rejected(self, payload: Any) -> None:
        """The trainer kept its run: host.experiment is that run's, with the live edits sent
        since (the trainer applies them to the kept run in the same order)."""
        from explorer.core.config import parse_experiment
        from explorer.core.protocol import ConfigError

        kept: Optional[Experiment] = None
        try:
            kept = parse_experiment(payload["experiment_json"], "json")
        except (ConfigError, KeyError, TypeError):
            kept = None
        if kept is not None:
            for command in self._since_rebuild:
                try:
                    kept = apply_live_value(kept, command.path, command.value, command.variant)
                except ConfigError:
                    pass
            self.experiment = kept
        self._since_rebuild = []
        self.errorOccurred.emit(payload.get("message", "") if isinstance(payload, dict) else payload)
        self.rebuildRejected.emit(kept)
