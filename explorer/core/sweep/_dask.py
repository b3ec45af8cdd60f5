"""Sweeps on a Dask cluster: the same chunks, the same `run_chunk`, somewhere else.

`DaskExecutor` is an Executor (see _run): it submits one task per chunk (`client.submit` of
`run_remote_chunk`, which calls `run_chunk` on the worker) and yields the results from
`as_completed`, so `run_sweep` streams them into the one sweep folder as they finish, exactly as
it does for `LocalExecutor`. Two ways to get a cluster:

- `workers=N`: an embedded `LocalCluster` of N worker processes on this computer, one thread
  (and one torch thread) each: a laptop's cores without a lab;
- `scheduler="tcp://HOST:PORT"`: a lab's own `dask scheduler` with `dask worker`s on its machines.

Before anything trains, every worker is checked: the same explorer and torch versions as this
computer (other versions would train other bits), and, for file sets read where they run, the
dataset path. Faults are Dask's: a worker that dies mid-chunk has its chunk run again elsewhere
(the scheduler reschedules it; exceptions are retried); since each chunk's future yields once
and the folder replaces a cell's rows, no cell is lost or counted twice. A scheduler that goes
away cancels every future: the sweep ends with one line, the finished cells already on disk.

`distributed` is imported only here, and only when a sweep uses a cluster.
"""

from __future__ import annotations

import contextlib
import dataclasses
import logging
import os
import queue
import re
import signal
import threading
import uuid
from collections import Counter
from typing import Any, Callable, Iterator, Optional, Sequence

from explorer.core.sweep._chunk import ChunkCancelled, ChunkResult, ChunkTask
from explorer.core.sweep._dask_messages import MSG, SweepError
from explorer.core.sweep._dask_worker import (
    executing,
    missing_paths,
    run_remote_chunk,
    signal_sweep,
    version_message,
    versions,
)
from explorer.core.sweep._run import EpochProgress, LocalExecutor, StopCheck

MAX_LOCAL_WORKERS = 512
FILE_KINDS = ("idx", "csv")  # sets read from a path; the others are rebuilt on the worker from their config
WORKER_DATA = ("path", "send")
_ADDRESS = re.compile(r"^(tcp|tls)://(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.\-_]+):\d{1,5}$")


def check_address(address: str) -> str:
    if not _ADDRESS.match(address.strip()):
        raise SweepError(MSG.bad_address(address=address))
    return address.strip()


def check_workers(workers: Any) -> int:
    if isinstance(workers, bool) or not isinstance(workers, int) or not 1 <= workers <= MAX_LOCAL_WORKERS:
        raise SweepError(MSG.bad_workers(workers=workers, limit=MAX_LOCAL_WORKERS))
    return workers


class DaskExecutor:
    """Runs a sweep's chunks on a Dask cluster; see the module docstring.

    Use as a context manager (or call start() and close()): the embedded cluster and the
    client are stopped on the way out, also on errors."""

    def __init__(
        self,
        *,
        workers: Optional[int] = None,
        scheduler: Optional[str] = None,
        client: Any = None,
        worker_data: str = "path",
        connect_timeout: float = 10.0,
        worker_timeout: float = 30.0,
        retries: int = 2,
        function: Callable[..., Any] = run_remote_chunk,
    ) -> None:
        if sum(x is not None for x in (workers, scheduler, client)) != 1:
            raise SweepError(MSG.both())
        if worker_data not in WORKER_DATA:
            raise SweepError(MSG.bad_worker_data(value=worker_data))
        self.local_workers = check_workers(workers) if workers is not None else None
        self.address = check_address(scheduler) if scheduler is not None else None
        self.client = client
        self.worker_data = worker_data
        self.connect_timeout = connect_timeout
        self.worker_timeout = worker_timeout
        self.retries = retries
        self.function = function
        self.cells_by_worker: Counter[str] = Counter()  # the app's and the CLI's "cells done per worker"
        self._own_client = client is None
        self._cluster: Any = None
        self._local = LocalExecutor()  # the datasets this computer builds: planning, and --worker-data send
        self._versions = versions()
        self._log_levels: Optional[dict[str, int]] = None
        self._running: list[tuple[str, set[Any]]] = []  # (control name, pending futures) of each map
        self._controls: list[str] = []
        self.paused = False

    # -- connecting -------------------------------------------------------------------------------

    def __enter__(self) -> DaskExecutor:
        self.start()
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def start(self) -> None:
        """Connect (or start the embedded cluster), wait for a worker, check every worker's versions.

        Dask's own logging is silenced here meanwhile: what matters (a scheduler gone, a worker
        refused) becomes one line of ours; its reconnect tracebacks would bury it."""
        try:
            import distributed
        except ImportError:
            raise SweepError(MSG.no_distributed()) from None
        if self._log_levels is None:
            self._log_levels = _silence("distributed")
        if self.client is None:
            if self.local_workers is not None:
                with _children_ignore_ctrl_c():
                    self._cluster = self._local_cluster(distributed)
                self.client = distributed.Client(self._cluster, set_as_default=False)
                self.address = self._cluster.scheduler_address
            else:
                try:
                    self.client = distributed.Client(self.address, timeout=self.connect_timeout, set_as_default=False)
                except (OSError, TimeoutError):
                    raise SweepError(
                        MSG.unreachable(address=self.address, seconds=f"{self.connect_timeout:g}")
                    ) from None
        if self.address is None:
            self.address = str(self.client.scheduler.address)
        try:
            self.client.wait_for_workers(1, timeout=self.worker_timeout)
        except (TimeoutError, OSError):
            raise SweepError(MSG.no_workers(address=self.address, seconds=f"{self.worker_timeout:g}")) from None
        self.check_versions()

    def _local_cluster(self, distributed: Any) -> Any:
        return distributed.LocalCluster(
            n_workers=self.local_workers,
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address="127.0.0.1:0",  # loopback, any free port: never 8787 or another interface
            silence_logs=logging.CRITICAL,
        )

    def close(self) -> None:
        """Stop what still runs (a map its caller left), then the client and the embedded cluster."""
        for control, pending in list(self._running):
            self._cancel(control, pending)
        client, cluster, self._cluster = self.client, self._cluster, None
        if self._own_client and client is not None:
            self.client = None
            _quietly(client.close, timeout=5)
        if cluster is not None:
            _quietly(cluster.close, timeout=10)
        if self._log_levels is not None:
            for name, level in self._log_levels.items():
                logging.getLogger(name).setLevel(level)
            self._log_levels = None

    def worker_addresses(self) -> list[str]:
        return sorted(self.client.scheduler_info().get("workers", {})) if self.client is not None else []

    def _on_every_worker(self, fn: Callable[..., Any], *args: Any) -> list[tuple[str, Any]]:
        """(address, answer) of `fn(*args)` run on every worker, by address; a worker on which it
        raised is refused, naming the worker and its error."""
        answers = self.client.run(fn, *args, on_error="return")
        for address, answer in sorted(answers.items()):
            if isinstance(answer, BaseException):
                raise SweepError(
                    MSG.worker_failed(
                        worker=address,
                        problem=f"{type(answer).__name__}: {answer}",
                        client_explorer=self._versions["explorer"],
                        client_torch=self._versions["torch"],
                    )
                )
        return sorted(answers.items())

    def check_versions(self) -> None:
        """Refuse a worker whose explorer or torch differs from this computer's, naming both."""
        for address, answer in self._on_every_worker(versions):
            if answer != self._versions:
                raise SweepError(version_message(MSG, address, answer, self._versions))

    # -- data -------------------------------------------------------------------------------------

    def dataset(self, experiment: dict[str, Any]) -> Any:
        """The group's dataset on this computer (plan_sweep sizes chunks with it)."""
        return self._local.dataset(experiment)

    def _worker_tasks(self, tasks: Sequence[ChunkTask]) -> tuple[list[ChunkTask], list[Any]]:
        """The tasks as the workers get them and, per task, the dataset argument: None (the worker
        builds it: synthetic and bundled sets, or a path it reads) or a future of the data sent."""
        files = [t for t in tasks if t.experiment["dataset"]["kind"] in FILE_KINDS]
        if not files:
            return list(tasks), [None] * len(tasks)
        if self.worker_data == "send":
            sent: dict[str, Any] = {}
            data: list[Any] = []
            for t in tasks:
                if t.experiment["dataset"]["kind"] not in FILE_KINDS:
                    data.append(None)
                    continue
                key = repr(sorted(t.experiment["dataset"].items()))
                if key not in sent:  # once per dataset, to every worker
                    sent[key] = self.client.scatter(self.dataset(t.experiment), broadcast=True, hash=False)
                data.append(sent[key])
            return list(tasks), data
        out = []
        for t in tasks:
            ds = t.experiment["dataset"]
            if ds["kind"] in FILE_KINDS and not os.path.isabs(ds["path"]):
                ds = dict(ds, path=os.path.abspath(ds["path"]))  # the workers' working folder is not ours
                t = dataclasses.replace(t, experiment=dict(t.experiment, dataset=ds))
            out.append(t)
        paths = sorted({t.experiment["dataset"]["path"] for t in out if t.experiment["dataset"]["kind"] in FILE_KINDS})
        for address, missing in self._on_every_worker(missing_paths, paths):
            if missing:
                raise SweepError(MSG.missing_path(worker=address, path=missing[0]))
        return out, [None] * len(out)

    # -- the sweep --------------------------------------------------------------------------------

    def map(
        self,
        tasks: Sequence[ChunkTask],
        *,
        should_stop: Optional[StopCheck] = None,
        on_epoch: Optional[EpochProgress] = None,
        on_live: Optional[Callable[[ChunkTask, list[dict[str, Any]]], None]] = None,
    ) -> Iterator[ChunkResult]:
        """Submit every chunk, yield each result as it finishes (any order); see the module docstring.
        `on_live(task, rows)`: the rows of a chunk still training (status "running"), when the
        worker's run_chunk offers them."""
        if not tasks:
            return
        if self.client is None:
            self.start()
        from distributed import as_completed

        client = self.client
        sweep = uuid.uuid4().hex[:12]
        worker_tasks, data = self._worker_tasks(tasks)
        control = f"explorer-sweep-{sweep}"
        self._controls.append(control)
        if self.paused:
            self._signal(control, "pause")
        topic = f"explorer-sweep-progress-{sweep}" if on_epoch is not None or on_live is not None else None
        progress: queue.SimpleQueue[dict[str, Any]] = queue.SimpleQueue()
        if topic is not None:
            client.subscribe_topic(topic, lambda event: progress.put(event[1]))
        futures = [
            client.submit(
                self.function,
                task,
                number,
                self._versions,
                control,
                topic,
                dataset,
                on_live is not None,
                key=f"explorer-chunk-{sweep}-{number}",
                retries=self.retries,
                pure=False,
            )
            for number, (task, dataset) in enumerate(zip(worker_tasks, data))
        ]
        number_of = {f.key: n for n, f in enumerate(futures)}
        pending = set(futures)
        self._running.append((control, pending))
        epochs: dict[int, int] = {}
        finished = False
        try:
            completed = as_completed(futures, loop=client.loop)
            while pending:
                if should_stop is not None and should_stop():
                    raise ChunkCancelled()
                _replay_progress(progress, epochs, tasks, on_epoch, on_live)
                if not completed.has_ready():
                    _wait(completed, 0.1)
                    continue
                future = next(completed)
                pending.discard(future)
                task = tasks[number_of[future.key]]
                result, worker = self._result(future, task)
                self.cells_by_worker[worker] += len(task.cells)
                _replay_progress(progress, epochs, tasks, on_epoch, on_live)
                yield result
            finished = True
        finally:
            if not finished:  # cancel, an error, or the caller stopped
                self._cancel(control, pending)
            else:
                self._signal(control, None)
            self._running = [r for r in self._running if r[0] != control]
            self._controls = [c for c in self._controls if c != control]
            if topic is not None and client.status == "running":
                _quietly(client.unsubscribe_topic, topic)

    def pause(self) -> None:
        """Workers hold their chunks at the next step (and chunks that start meanwhile)."""
        self.paused = True
        for control in list(self._controls):
            self._signal(control, "pause")

    def resume(self) -> None:
        self.paused = False
        for control in list(self._controls):
            self._signal(control, None)

    def _signal(self, control: str, state: Optional[str]) -> None:
        if self.client is not None and self.client.status == "running":
            _quietly(self.client.run, signal_sweep, control, state, on_error="return")

    def _cancel(self, control: str, pending: set[Any]) -> None:
        """Chunks not started are dropped; running ones stop at their next step."""
        if self.client is not None and self.client.status == "running" and pending:
            _quietly(self.client.cancel, list(pending))
            self._signal(control, "stop")
            if self._cluster is not None:  # ours: let its workers go idle before anyone closes it
                self._wait_idle(3.0)

    def _wait_idle(self, seconds: float) -> None:
        """Until no worker runs a chunk (stopped chunks end at their next step), so closing the
        embedded cluster finds them idle."""
        import time

        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            try:
                busy = self.client.run(executing, on_error="return")
            except Exception:
                return
            if not any(isinstance(n, int) and n > 0 for n in busy.values()):
                return
            time.sleep(0.1)

    def _result(self, future: Any, task: ChunkTask) -> tuple[ChunkResult, str]:
        """The chunk's result, or the one-line reason the sweep cannot go on."""
        cells = len(task.cells)
        if future.status == "finished":
            return future.result()  # type: ignore[no-any-return]
        if future.status == "cancelled" or self.client.status != "running":
            raise SweepError(MSG.scheduler_lost(address=self.address))
        exc = future.exception()
        if isinstance(exc, SweepError):  # a worker that joined after the check, with other versions
            raise SweepError(exc.message)
        from distributed import KilledWorker

        if isinstance(exc, KilledWorker):
            raise SweepError(MSG.workers_lost(cells=cells, times=_allowed_failures(), problem=str(exc)))
        raise SweepError(MSG.chunk_failed(cells=cells, problem=f"{type(exc).__name__}: {exc}"))


def _replay_progress(
    progress: queue.SimpleQueue[dict[str, Any]],
    epochs: dict[int, int],
    tasks: Sequence[ChunkTask],
    on_epoch: Optional[EpochProgress],
    on_live: Optional[Callable[[ChunkTask, list[dict[str, Any]]], None]] = None,
) -> None:
    """Workers report a chunk's epoch at most twice a second; tell on_epoch every epoch in between
    (progress bars add a share per epoch). A chunk rerun after a dead worker starts again at 0.
    Live rows go to on_live as they come."""
    while True:
        try:
            event = progress.get_nowait()
        except queue.Empty:
            return
        if "live" in event:
            if on_live is not None:
                on_live(tasks[int(event["chunk"])], list(event["live"]))
            continue
        if on_epoch is None:
            continue
        number, epoch, total = int(event["chunk"]), int(event["epoch"]), int(event["total"])
        seen = epochs.get(number, 0)
        for e in range(seen + 1, epoch + 1):
            on_epoch(tasks[number], e, total)
        epochs[number] = max(seen, epoch)


def _wait(completed: Any, seconds: float) -> None:
    """Until a chunk finishes or `seconds` pass (as_completed notifies its condition on each)."""
    condition = getattr(completed, "thread_condition", None)
    if condition is None:
        threading.Event().wait(seconds)
        return
    with condition:
        if not completed.has_ready():
            condition.wait(timeout=seconds)


def _allowed_failures() -> int:
    import dask

    return int(dask.config.get("distributed.scheduler.allowed-failures", 3)) + 1


@contextlib.contextmanager
def _children_ignore_ctrl_c() -> Iterator[None]:
    """Worker processes started meanwhile ignore SIGINT. Ctrl+C in a terminal reaches the whole
    process group: the workers would die mid-chunk with tracebacks before this process cancels
    the sweep and stops them (close()), which is its job."""
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "SIGINT"):
        yield
        return
    old = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, old)


def _silence(prefix: str) -> dict[str, int]:
    """Every logger under `prefix` (Dask's config gives some their own level) to CRITICAL; the old levels."""
    names = [n for n in logging.root.manager.loggerDict if n == prefix or n.startswith(prefix + ".")]
    old = {n: logging.getLogger(n).level for n in names}
    for n in names:
        logging.getLogger(n).setLevel(logging.CRITICAL)
    return old


def _quietly(fn: Callable[..., Any], *args: Any, **kwargs: Any) -> None:
    """Clean-up that must not hide the error that led to it (a scheduler gone, a closed client)."""
    try:
        fn(*args, **kwargs)
    except Exception:
        pass
