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
from multiprocessing.connection import Connection
from typing import Any, Optional

_prestarted: Optional[tuple[Any, Connection]] = None


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
    A failure here is left for the host to meet and report."""
    global _prestarted
    if _prestarted is None:
        try:
            _prestarted = spawn_worker()
        except Exception:  # noqa: BLE001 - reported when the host starts its own child
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


def child_main(conn: Connection, snapshot_interval: Optional[float] = None) -> None:
    _exit_with_parent()
    import torch

    torch.set_num_threads(int(os.environ.get("EXPLORER_TRAINER_THREADS", "1")))
    _warm_up(torch)
    from explorer.core.session import SNAPSHOT_INTERVAL_S, Session

    if snapshot_interval is None:
        snapshot_interval = SNAPSHOT_INTERVAL_S

    def emit(kind: str, payload: Any) -> None:
        try:
            conn.send((kind, payload))
        except (BrokenPipeError, EOFError, OSError):
            raise EOFError from None

    from explorer.core.session import coalesce_commands

    waiting: list[Any] = []

    def receive(timeout: float) -> Optional[Any]:
        # Read all that waits in the pipe, keep what is still worth doing (a backlog of
        # rebuilds, or anything before a Stop, is dropped), hand out the oldest.
        if not waiting and conn.poll(timeout):
            waiting.append(conn.recv())  # EOFError when the GUI is gone
        while waiting and len(waiting) < 10_000 and conn.poll(0):
            waiting.append(conn.recv())
        if len(waiting) > 1:
            waiting[:] = coalesce_commands(waiting)
        return waiting.pop(0) if waiting else None

    try:
        Session(emit, snapshot_interval).serve(receive)
    except (EOFError, KeyboardInterrupt):
        pass
    finally:
        try:
            conn.close()
        except OSError:
            pass
