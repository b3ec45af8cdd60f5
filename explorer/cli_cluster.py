"""`sweep --workers N` and `sweep --scheduler tcp://HOST:PORT`: where a sweep's chunks run.

Without either, they run in this process (LocalExecutor). `distributed` is imported only when
one of them is given, so the app and the other commands start without it.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from typing import Any, Iterator, Optional


def add_cluster_options(p: argparse.ArgumentParser) -> None:
    where = p.add_mutually_exclusive_group()
    where.add_argument(
        "--workers",
        type=int,
        metavar="N",
        help="run the chunks on N worker processes on this computer (an embedded Dask cluster, 1 torch thread each)",
    )
    where.add_argument(
        "--scheduler",
        metavar="tcp://HOST:PORT",
        help="run the chunks on an existing Dask cluster: the address of its 'dask scheduler'",
    )
    p.add_argument(
        "--worker-data",
        choices=("path", "send"),
        default="path",
        help="file and image sets on a cluster: workers read the dataset path (default; checked on every "
        "worker first) or this computer sends the data once to each worker",
    )
    p.add_argument(
        "--connect-timeout",
        type=float,
        default=10.0,
        metavar="S",
        help="seconds to wait for the scheduler and for its first worker (default 10)",
    )


def cluster_executor(args: argparse.Namespace) -> Optional[Any]:
    """A DaskExecutor for --workers/--scheduler (options checked, nothing started), else None."""
    if getattr(args, "workers", None) is None and not getattr(args, "scheduler", None):
        return None
    from explorer.core.sweep import SweepPlace

    if args.workers is not None:
        place = SweepPlace("processes", workers=args.workers, worker_data=args.worker_data)
    else:
        place = SweepPlace("scheduler", address=args.scheduler, worker_data=args.worker_data)
    timeout = args.connect_timeout
    return place.executor(connect_timeout=timeout, worker_timeout=max(timeout, 30.0) if args.workers else timeout)


@contextlib.contextmanager
def cluster_started(executor: Optional[Any], say: Any) -> Iterator[None]:
    """Start the cluster (or connect) and say where the chunks run; stop it on the way out."""
    if executor is None:
        yield
        return
    try:
        executor.start()
        workers = executor.worker_addresses()
        say(f"cluster: {len(workers)} workers at {executor.address}: {', '.join(workers)}")
        yield
    finally:
        executor.close()


def say_workers(executor: Optional[Any], out: Any = sys.stderr) -> None:
    """Cells done per worker (this run), for the log."""
    if executor is None or not executor.cells_by_worker:
        return
    done = ", ".join(f"{w}: {n}" for w, n in sorted(executor.cells_by_worker.items()))
    print(f"cells per worker: {done}", file=out)
