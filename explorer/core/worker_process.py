"""The trainer's child process: a Session fed from a pipe.

Started with the spawn method and one torch thread, so the GUI process keeps
its interpreter lock to itself (measured: 0.88x of a bare loop's speed here,
against 0.47x for a trainer thread beside a repainting GUI). When the GUI
process dies the pipe closes, recv raises EOFError and the child returns: no
orphans.
"""
from __future__ import annotations

import os
from multiprocessing.connection import Connection
from typing import Any, Optional


def child_main(conn: Connection, snapshot_interval: float = 1 / 30) -> None:
    import torch

    torch.set_num_threads(int(os.environ.get("EXPLORER_TRAINER_THREADS", "1")))
    from explorer.core.session import Session

    def emit(kind: str, payload: Any) -> None:
        try:
            conn.send((kind, payload))
        except (BrokenPipeError, EOFError, OSError):
            raise EOFError from None

    def receive(timeout: float) -> Optional[Any]:
        if conn.poll(timeout):
            return conn.recv()  # EOFError when the GUI is gone
        return None

    try:
        Session(emit, snapshot_interval).serve(receive)
    except (EOFError, KeyboardInterrupt):
        pass
    finally:
        try:
            conn.close()
        except OSError:
            pass
