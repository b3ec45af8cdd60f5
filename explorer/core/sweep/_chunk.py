"""A chunk: the unit of work of every executor. Plain picklable data in, plain rows out.

`run_chunk(task)` builds one experiment whose variants are the chunk's cells (each trained
with the sweep's seeds as replicates), trains it to the end in the stacked engine, and returns
one row per (cell, seed). It needs nothing from the process that made the task, so this
process, a pool or a Dask worker can run it alike (`client.map(run_chunk, tasks)`).
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any, Callable, Optional

ROW_METRICS = tuple(
    f"{when}_{split}_{what}"
    for what in ("loss", "accuracy")
    for when in ("final", "best")
    for split in ("train", "val", "test")
)


@dataclass(frozen=True)
class CellTask:
    """One cell: its name, index along each axis, the swept values, and the variant fields it sets."""

    key: str
    index: tuple[int, ...]
    values: dict[str, Any]
    variant: dict[str, Any]  # concrete field paths -> value (the structural ones are in the chunk)


@dataclass(frozen=True)
class ChunkTask:
    experiment: dict[str, Any]  # the group's experiment (structural values set, no variants)
    cells: tuple[CellTask, ...]
    seeds: int


@dataclass
class ChunkResult:
    rows: list[dict[str, Any]]  # one per (cell, seed), see cell_rows
    seconds: float
    cells: tuple[str, ...] = field(default_factory=tuple)


class ChunkCancelled(Exception):
    """should_stop() said stop: the chunk's cells are not finished and nothing of them is kept."""


def chunk_experiment(task: ChunkTask):  # type: ignore[no-untyped-def]
    """The experiment whose variants are the cells (validated like any experiment file)."""
    from explorer.core.config import experiment_from_dict

    data = dict(task.experiment)
    data["variants"] = [{"name": cell.key, "set": dict(cell.variant)} for cell in task.cells]
    data["training"] = dict(data["training"], replicates=task.seeds)
    return experiment_from_dict(data)


def run_chunk(
    task: ChunkTask,
    *,
    dataset: Any = None,
    should_stop: Optional[Callable[[], bool]] = None,
    on_epoch: Optional[Callable[[int, int], None]] = None,
    on_live: Optional[Callable[[list[dict[str, Any]]], None]] = None,
    live_seconds: float = 1.0,
) -> ChunkResult:
    """Train the chunk's cells to the end, stacked; a diverged run is recorded, not raised.

    `should_stop()` is asked every step (cancel, pause is the caller's: it blocks in it);
    `on_epoch(epoch, total)` is told each finished epoch (progress bars, ETA); `on_live(rows)`
    gets the cells' rows so far (status "running") at most every `live_seconds`, after an
    evaluation, so a view can draw the path while the chunk trains."""
    from explorer.core.training import Trainer

    started = time.perf_counter()
    trainer = Trainer(chunk_experiment(task), dataset=dataset, divergence="record", history_capacity=512)
    epoch = trainer.epoch
    shown = started
    while not trainer.finished:
        if should_stop is not None and should_stop():
            raise ChunkCancelled()
        trainer.step()
        if trainer.epoch != epoch:
            epoch = trainer.epoch
            if on_epoch is not None:
                on_epoch(epoch, trainer.total_epochs)
            now = time.perf_counter()
            if on_live is not None and not trainer.finished and now - shown >= live_seconds:
                shown = now
                on_live(cell_rows(trainer, task, now - started, running=True))
    seconds = time.perf_counter() - started
    return ChunkResult(cell_rows(trainer, task, seconds), seconds, tuple(c.key for c in task.cells))


def cell_rows(trainer, task: ChunkTask, seconds: float, running: bool = False) -> list[dict[str, Any]]:  # type: ignore[no-untyped-def]
    """One row per run: the cell, its seed, final and best metrics, epochs, steps and time.
    A diverged run has no final model: its metrics are empty and `diverged_step` says when.
    `running`: the chunk is still training ("final" is the latest evaluation)."""
    summary = trainer.summary()["variants"]
    cells = {c.key: c for c in task.cells}
    share = seconds / max(1, len(task.cells))  # the chunk's time, shared by its cells
    rows = []
    for run in trainer.variants:
        cell = cells[run.group]
        s = summary[run.name]
        diverged = run.diverged_step is not None
        row: dict[str, Any] = {
            "cell": cell.key,
            "index": list(cell.index),
            "values": dict(cell.values),
            "seed": run.seed,
            "status": "diverged" if diverged else "running" if running else "done",
        }
        for key in ROW_METRICS:
            row[key] = None if diverged else s.get(key)
        row["best_epoch"] = None if diverged else s.get("best_epoch")
        row["stop_epoch"] = s.get("stop_epoch")
        row["diverged_step"] = run.diverged_step
        last = run.history.last("step")
        row["steps"] = run.diverged_step if diverged else (int(last) if last is not None else 0)
        row["seconds"] = round(share, 4)
        rows.append(row)
    return rows
