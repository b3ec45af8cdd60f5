"""Running a sweep: plan, skip what the folder holds, hand chunks to an executor, stream the
results into the folder as each chunk finishes.

An executor maps `run_chunk` over ChunkTasks and yields ChunkResults as they complete, in any
order: `LocalExecutor` runs them here, one after another (a Dask executor submits the same
function and tasks to a cluster and yields from `as_completed`). Whatever runs the chunks, only
this loop writes the folder.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Optional, Protocol, Sequence

from explorer.core.config import Experiment
from explorer.core.sweep._chunk import ChunkResult, ChunkTask, run_chunk
from explorer.core.sweep._folder import SweepFolder
from explorer.core.sweep._plan import check_values, chunks, groups, sweep_base
from explorer.core.sweep._spec import SweepSpec

StopCheck = Callable[[], bool]
EpochProgress = Callable[[ChunkTask, int, int], None]
LiveRows = Callable[[ChunkTask, list], None]  # a chunk's rows so far, while it trains


class Executor(Protocol):
    def map(
        self,
        tasks: Sequence[ChunkTask],
        *,
        should_stop: Optional[StopCheck] = None,
        on_epoch: Optional[EpochProgress] = None,
        on_live: Optional[LiveRows] = None,
    ) -> Iterator[ChunkResult]:
        """Run every task (run_chunk), yielding results as they finish; stop early when asked."""


class DatasetSource(Protocol):
    """What plan_sweep asks of an executor: the dataset of a group's experiment (to size its chunks)."""

    def dataset(self, experiment: dict[str, Any]) -> Any: ...


class LocalExecutor:
    """This process, one chunk after another; datasets are built once per group."""

    def __init__(self, dataset: Any = None) -> None:
        """`dataset`: use this one for every group (benchmarks, a dataset built elsewhere)."""
        self._datasets: dict[str, Any] = {}
        self._fixed = dataset

    def dataset(self, experiment: dict[str, Any]) -> Any:
        if self._fixed is not None:
            return self._fixed
        from explorer.core.config import DatasetConfig
        from explorer.core.data import build_dataset

        key = json.dumps(experiment["dataset"], sort_keys=True)
        if key not in self._datasets:
            if len(self._datasets) >= 2:  # structural groups run in order: keep few
                self._datasets.pop(next(iter(self._datasets)))
            self._datasets[key] = build_dataset(DatasetConfig.model_validate(experiment["dataset"]))
        return self._datasets[key]

    def map(
        self,
        tasks: Sequence[ChunkTask],
        *,
        should_stop: Optional[StopCheck] = None,
        on_epoch: Optional[EpochProgress] = None,
        on_live: Optional[LiveRows] = None,
    ) -> Iterator[ChunkResult]:
        for task in tasks:
            progress = None if on_epoch is None else (lambda e, t, task=task: on_epoch(task, e, t))
            live = None if on_live is None else (lambda rows, task=task: on_live(task, rows))
            yield run_chunk(
                task,
                dataset=self.dataset(task.experiment),
                should_stop=should_stop,
                on_epoch=progress,
                on_live=live,
            )


@dataclass
class SweepPlan:
    base: Experiment
    spec: SweepSpec
    tasks: list[ChunkTask]
    total_cells: int
    done_cells: frozenset[str]
    folder: Optional[SweepFolder]
    memory_mb: float  # the largest chunk's estimate

    @property
    def todo_cells(self) -> int:
        return sum(len(t.cells) for t in self.tasks)


def plan_sweep(
    experiment: Experiment,
    spec: SweepSpec,
    out: Optional[str | Path] = None,
    *,
    epochs: Optional[int] = None,
    executor: Optional[DatasetSource] = None,
) -> SweepPlan:
    """Everything checked and sized before anything trains (bad values, memory, the folder)."""
    from explorer.core.sweep._plan import data_bytes, run_bytes

    base = sweep_base(experiment, spec, epochs)
    check_values(base, spec)
    folder = SweepFolder(out, spec, base.to_dict()) if out is not None else None
    done = folder.done() if folder is not None else frozenset()
    executor = executor or LocalExecutor()
    tasks: list[ChunkTask] = []
    memory = 0.0
    for group in groups(base, spec):
        exp = base.with_values(group.structural) if group.structural else base
        ds = executor.dataset(exp.to_dict())
        n = sum(int(t.shape[0]) for t in (ds.x_train, ds.x_val, ds.x_test))
        group_tasks = chunks(base, group, spec, ds.input_dim, ds.output_dim, n, done)
        for t in group_tasks:
            runs = len(t.cells) * spec.seeds
            memory = max(
                memory, (data_bytes(n, ds.input_dim) + runs * run_bytes(exp, ds.input_dim, ds.output_dim, n)) / 2**20
            )
        tasks += group_tasks
    total = len(spec.cells())
    return SweepPlan(base, spec, tasks, total, done, folder, memory)


def run_sweep(
    plan: SweepPlan,
    executor: Optional[Executor] = None,
    *,
    should_stop: Optional[StopCheck] = None,
    on_epoch: Optional[EpochProgress] = None,
    on_chunk: Optional[Callable[[ChunkResult], None]] = None,
    on_live: Optional[LiveRows] = None,
) -> list[dict[str, Any]]:
    """Train the plan's chunks; after each, the folder is rewritten (finished cells are never lost).
    Returns every row (the folder's earlier ones too). A ChunkCancelled or KeyboardInterrupt from
    the executor propagates after the finished chunks are on disk."""
    folder = plan.folder
    rows: list[dict[str, Any]] = list(folder.rows) if folder is not None else []
    if folder is not None:
        folder.write(complete=not plan.tasks)
    executor = executor or LocalExecutor()
    finished = 0
    extra = {"on_live": on_live} if on_live is not None else {}  # executors without live rows still serve
    for result in executor.map(plan.tasks, should_stop=should_stop, on_epoch=on_epoch, **extra):
        finished += 1
        keys = set(result.cells)
        rows = [r for r in rows if r["cell"] not in keys] + result.rows
        if folder is not None:
            folder.add(result.rows)
            folder.write(complete=finished == len(plan.tasks))
        if on_chunk is not None:
            on_chunk(result)
    rows.sort(key=lambda r: (tuple(r["index"]), r["seed"]))
    return rows


def rows_of(rows: Iterable[dict[str, Any]], key: str) -> list[dict[str, Any]]:
    return [r for r in rows if r["cell"] == key]
