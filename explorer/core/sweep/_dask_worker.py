"""What runs on a Dask worker: the version and path checks, and `run_chunk` with cancel and progress.

Everything here is imported by reference on the worker, so the worker needs the same explorer
installed (the version check makes sure it is the same). `distributed` is imported inside the
functions: this module is also imported by the client without a cluster (tests, planning).
"""

from __future__ import annotations

import json
import os
import time
from collections import OrderedDict
from typing import Any, Callable, Optional

from explorer.core.sweep._chunk import ChunkResult, ChunkTask, run_chunk

PAUSE_POLL_S = 0.1  # how often a paused chunk looks at its sweep's flag
PROGRESS_S = 0.5  # at most this often a worker reports a chunk's epoch
_DATASETS: OrderedDict[str, Any] = OrderedDict()  # per worker process: structural groups run in order
_KEEP_DATASETS = 2
_SIGNALS: dict[str, str] = {}  # per worker process: sweep control name -> "stop" | "pause" (signal_sweep)


def versions() -> dict[str, str]:
    """The versions that must match the client's for results to be the same bits."""
    import torch

    import explorer

    return {"explorer": str(explorer.__version__), "torch": str(torch.__version__)}


def missing_paths(paths: list[str]) -> list[str]:
    """The dataset paths this worker cannot read (file and image sets read where they run)."""
    return [p for p in paths if not (os.path.exists(p) and os.access(p, os.R_OK))]


def echo_chunk(task: ChunkTask, *_: Any, **__: Any) -> tuple[ChunkResult, str]:
    """A chunk that trains nothing: the cost of scheduling and moving one chunk (benchmark)."""
    return ChunkResult([], 0.0, tuple(c.key for c in task.cells)), _worker_address()


def _worker_address() -> str:
    try:
        from distributed import get_worker

        return str(get_worker().address)
    except (ImportError, ValueError):
        return "this process"


def _dataset(experiment: dict[str, Any]) -> Any:
    """The group's dataset, built here from its config (synthetic sets from their seed), kept
    for the next chunk of the same group."""
    from explorer.core.config import DatasetConfig
    from explorer.core.data import build_dataset

    key = json.dumps(experiment["dataset"], sort_keys=True)
    if key in _DATASETS:
        _DATASETS.move_to_end(key)
        return _DATASETS[key]
    ds = build_dataset(DatasetConfig.model_validate(experiment["dataset"]))
    _DATASETS[key] = ds
    while len(_DATASETS) > _KEEP_DATASETS:
        _DATASETS.popitem(last=False)
    return ds


def _every(seconds: float, fn: Callable[[], Any]) -> Callable[[], Any]:
    """`fn` at most every `seconds`; in between, its last answer (the trainer asks every step)."""
    last: list[Any] = [0.0, None]

    def call() -> Any:
        now = time.monotonic()
        if now - last[0] >= seconds:
            last[0], last[1] = now, fn()
        return last[1]

    return call


def run_remote_chunk(
    task: ChunkTask,
    number: int,
    expected: dict[str, str],
    control: Optional[str],
    topic: Optional[str],
    dataset: Any = None,
    live: bool = False,
) -> tuple[ChunkResult, str]:
    """Train one chunk on this worker; returns the result and this worker's address.

    Refuses to train when this worker's versions differ from the client's (`expected`): a
    worker that joined after the start-up check would otherwise mix other bits into the sweep.
    `control` names the sweep for signal_sweep (stop, pause: the client runs it on every worker);
    `topic` receives {"chunk", "epoch", "total"} progress (Worker.log_event) and, with `live`,
    {"chunk", "live": rows} of the cells while they train (run_chunk's on_live)."""
    import torch

    from explorer.core.sweep._dask_messages import MSG, SweepError

    mine = versions()
    address = _worker_address()
    if mine != expected:
        raise SweepError(version_message(MSG, address, mine, expected))
    torch.set_num_threads(int(os.environ.get("EXPLORER_TRAINER_THREADS", "1")))
    if dataset is None:
        dataset = _dataset(task.experiment)
    should_stop = _control(control) if control is not None else None
    on_epoch = None
    extra: dict[str, Any] = {}
    if topic is not None:
        from distributed import get_worker

        worker = get_worker()
        sent = [0.0]

        def on_epoch(epoch: int, total: int) -> None:
            now = time.monotonic()
            if now - sent[0] >= PROGRESS_S or epoch == total:
                sent[0] = now
                worker.log_event(topic, {"chunk": number, "epoch": epoch, "total": total})

        if live:  # run_chunk throttles these itself (about once a second)
            extra["on_live"] = lambda rows: worker.log_event(topic, {"chunk": number, "live": rows})
    result = run_chunk(task, dataset=dataset, should_stop=should_stop, on_epoch=on_epoch, **extra)
    return result, address


def signal_sweep(control: str, state: Optional[str]) -> None:
    """Run on every worker (client.run): "stop", "pause", or None (go on) for the sweep `control`.
    A stopped sweep stays stopped. The chunks read the flag every step, at no cost."""
    if _SIGNALS.get(control) == "stop":
        return
    if state is None:
        _SIGNALS.pop(control, None)
    else:
        _SIGNALS[control] = state


def executing() -> int:
    """Run on a worker: how many tasks its threads are running (close() waits for 0)."""
    from distributed import get_worker

    return len(get_worker().state.executing)


def _control(control: str) -> Callable[[], bool]:
    """should_stop for run_chunk: True once the sweep is stopped; holds while it is paused."""

    def check() -> bool:
        while _SIGNALS.get(control) == "pause":
            time.sleep(PAUSE_POLL_S)
        return _SIGNALS.get(control) == "stop"

    return check


def version_message(msg: Any, address: str, worker: dict[str, str], client: dict[str, str]) -> Any:
    return msg.version_mismatch(
        worker=address,
        worker_explorer=worker.get("explorer", "?"),
        worker_torch=worker.get("torch", "?"),
        client_explorer=client.get("explorer", "?"),
        client_torch=client.get("torch", "?"),
    )
