"""The trainer's child process: a Session fed from a pipe.

Started with the spawn method and one torch thread, so the GUI process keeps
its interpreter lock to itself (measured: 0.88x of a bare loop's speed here,
against 0.47x for a trainer thread beside a repainting GUI). When the GUI
process dies the pipe closes, recv raises EOFError and the child returns; a
watcher of the parent's sentinel ends it at once even while it is not reading
the pipe (importing torch, rebuilding): no orphans.
"""

from __future__ import annotations

import os
import sys
from multiprocessing.connection import Connection
from typing import Any, Callable, Optional

_prestarted: Optional[tuple[Any, Connection]] = None

# The kind of the child's message that carries an encoded snapshot: SnapshotDecoder.decode(payload)
# in the order received gives the Snapshot.
SNAPSHOT_BYTES = "snapshot-bytes"


def spawn_worker() -> tuple[Any, Connection]:
    """Start the trainer's child process; returns (process, the parent's end of the pipe)."""
    import multiprocessing as mp

    ctx = mp.get_context("spawn")
    parent_conn, child_conn = ctx.Pipe(duplex=True)
    process = ctx.Process(target=child_main, args=(child_conn,), name="explorer-trainer", daemon=True)
    try:
        process.start()
    except BaseException:
        parent_conn.close()
        child_conn.close()
        raise
    child_conn.close()
    return process, parent_conn


def prestart() -> None:
    """Start the child first thing in the app's life (before Qt and the window are imported), so
    importing torch overlaps the whole start of the GUI; the first host takes it (`take_prestarted`).
    A failure here is left for the host to meet and report. On a single core the child's imports
    would only delay the window's first paint: there the host starts it as before."""
    global _prestarted
    if _prestarted is None and (os.cpu_count() or 1) >= 2:
        try:
            _prestarted = spawn_worker()
        except Exception:
            _prestarted = None


def take_prestarted() -> Optional[tuple[Any, Connection]]:
    """The pre-started child and its pipe if it is still alive (once), else None."""
    global _prestarted
    started, _prestarted = _prestarted, None
    if started is not None and not started[0].is_alive():
        started[1].close()
        return None
    return started


def _warm_up(torch) -> None:  # type: ignore[no-untyped-def]
    """Pay the one-off costs before the first experiment arrives: the first optimizer
    pulls a lazy import (~1.3 s) and the first autograd pass initialises its engine."""
    w = torch.zeros(2, requires_grad=True)
    opt = torch.optim.SGD([w], lr=0.1, momentum=0.9)
    (w * w).sum().backward()
    opt.step()
    torch.optim.Adam([w], lr=0.1)


def _exit_with_parent() -> None:
    """End this process the moment the GUI process is gone, even by SIGKILL while this one is
    still importing torch or rebuilding (when the pipe is not being read): no orphans.

    The parent's sentinel (a pipe that multiprocessing's spawn keeps open in the parent)
    becomes readable when the parent dies; a daemon thread waits for that.
    """
    import multiprocessing
    import threading
    from multiprocessing.connection import wait

    parent = multiprocessing.parent_process()
    sentinel = getattr(parent, "sentinel", None)
    if sentinel is None:
        return

    def watch() -> None:
        try:
            wait([sentinel])
        except (OSError, ValueError):
            return
        os._exit(0)

    threading.Thread(target=watch, name="explorer-parent-watch", daemon=True).start()


_malloc_trim: Any = None  # glibc's malloc_trim once looked up; False where there is none


def release_freed_memory() -> bool:
    """Hand the free pages inside the C heap back to the system: glibc's malloc_trim(0), a no-op
    (False) elsewhere (macOS, Windows, musl).

    A rebuild frees the old run (data set, models, optimizer state: up to hundreds of MB) in the
    middle of glibc's heap, which keeps such pages for reuse and only gives back its top.
    Measured over 300 rebuilds cycling through every preset and MNIST, the child's RSS stayed
    at 380-463 MB without this and 325-384 MB with it, for ~2 ms (at most 13) per rebuild.
    """
    global _malloc_trim
    if _malloc_trim is None:
        _malloc_trim = False
        if sys.platform.startswith("linux"):
            try:
                import ctypes

                trim = ctypes.CDLL(None).malloc_trim  # glibc only: AttributeError under musl
                trim.argtypes, trim.restype = [ctypes.c_size_t], ctypes.c_int
                _malloc_trim = trim
            except (OSError, AttributeError):
                pass
    if not _malloc_trim:
        return False
    _malloc_trim(0)
    return True


def make_receive(
    conn: Connection, after_rebuild: Callable[[], Any] = release_freed_memory
) -> Callable[[float], Optional[Any]]:
    """The child's receive() for Session.serve: reads all that waits in the pipe, keeps what is
    still worth doing (a backlog of rebuilds, or anything before a Stop, is dropped), hands out
    the oldest. The call after handing out a Rebuild or RestoreCheckpoint (the session calls
    again as soon as it has handled it, the old run then freed) first runs `after_rebuild`."""
    from explorer.core.protocol import commands as C
    from explorer.core.session._session import coalesce_commands

    waiting: list[Any] = []
    rebuilt = [False]

    def receive(timeout: float) -> Optional[Any]:
        if rebuilt[0]:
            rebuilt[0] = False
            after_rebuild()
        if not waiting and conn.poll(timeout):
            waiting.append(conn.recv())  # EOFError when the GUI is gone
        while waiting and len(waiting) < 10_000 and conn.poll(0):
            waiting.append(conn.recv())
        if len(waiting) > 1:
            waiting[:] = coalesce_commands(waiting)
        cmd = waiting.pop(0) if waiting else None
        rebuilt[0] = isinstance(cmd, (C.Rebuild, C.RestoreCheckpoint))
        return cmd

    return receive


def child_main(conn: Connection, snapshot_interval: Optional[float] = None) -> None:
    _exit_with_parent()
    import torch

    torch.set_num_threads(int(os.environ.get("EXPLORER_TRAINER_THREADS", "1")))
    _warm_up(torch)
    from explorer.core.session._sender import PipeSender
    from explorer.core.session._session import SNAPSHOT_INTERVAL_S, Session
    from explorer.core.session._transport import SnapshotEncoder

    if snapshot_interval is None:
        snapshot_interval = SNAPSHOT_INTERVAL_S
    encoder = SnapshotEncoder()
    sender = PipeSender(conn)  # the training thread never waits for the window to read

    def emit(kind: str, payload: Any) -> None:
        try:
            if kind == "snapshot":  # what the window already has is sent as a reference (see _transport)
                kind, payload = SNAPSHOT_BYTES, encoder.encode(payload)
            sender.send((kind, payload))
        except (BrokenPipeError, EOFError, OSError):
            raise EOFError from None

    try:
        Session(emit, snapshot_interval).serve(make_receive(conn))
    except (EOFError, KeyboardInterrupt):
        pass
    finally:
        sender.close(timeout=1.0)  # what is queued, if the window still reads; never long
        try:
            conn.close()
        except OSError:
            pass
