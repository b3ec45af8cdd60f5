"""The small sine-regression runs that the core tests train on the CPU, stepping them,
and walking their snapshots."""

from __future__ import annotations

import dataclasses
from typing import Any, Collection, Iterator

from explorer.core.config import Experiment
from explorer.core.training import Trainer


def sine_run(
    layers: list[dict[str, Any]],
    settings: dict[str, Any],
    values: dict[str, Any],
    points: tuple[int, int, int] = (24, 12, 12),
) -> Experiment:
    """A sine regression with `points` = (train, validation, test) points and these hidden layers,
    on the CPU: `settings` are a test file's defaults, `values` (dotted paths) one test's changes."""
    n_train, n_val, n_test = points
    base = {
        "dataset.kind": "sine",
        "dataset.n_train": n_train,
        "dataset.n_val": n_val,
        "dataset.n_test": n_test,
        "network.layers": layers,
        **settings,
        "training.device": "cpu",
    }
    base.update(values)
    return Experiment().with_values(base)


def run_steps(trainer: Trainer, n: int) -> Trainer:
    for _ in range(n):
        trainer.step()
    return trainer


def run_to_end(trainer: Trainer) -> Trainer:
    while not trainer.finished:
        trainer.step()
    return trainer


def snapshot_leaves(obj: Any, path: str = "snapshot", skip: Collection[str] = ()) -> Iterator[tuple[str, Any]]:
    """Every leaf of a snapshot with its path; dataclass fields named in `skip` are left out."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        for f in dataclasses.fields(obj):
            if f.name not in skip:
                yield from snapshot_leaves(getattr(obj, f.name), f"{path}.{f.name}", skip)
    elif isinstance(obj, dict):
        for k, v in obj.items():
            yield from snapshot_leaves(v, f"{path}[{k!r}]", skip)
    elif isinstance(obj, (list, tuple)):
        for i, v in enumerate(obj):
            yield from snapshot_leaves(v, f"{path}[{i}]", skip)
    else:
        yield path, obj
