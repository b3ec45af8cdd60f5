"""From a spec and an experiment to chunks: cells, groups of cells with the same shapes, and
chunks of cells that train stacked in one engine, sized by a memory estimate made before
anything is built.

Cells that differ only in variant fields (dropout p, penalties, optimizer, patience) start
from the same shapes and data, so they become the variants of one experiment and train in
lockstep in the stacked engine, each with the sweep's seeds as replicates. Cells that differ
in a structural field (width, training samples, noise, data seed) form groups that run one
after another.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Optional

from explorer.core.config import Experiment
from explorer.core.protocol import ConfigError
from explorer.core.sweep._chunk import CellTask, ChunkTask
from explorer.core.sweep._messages import MSG, SweepError
from explorer.core.sweep._spec import SweepSpec

MAX_CHUNK_CELLS = 16  # an experiment's variants: at most 16 cells stacked in one engine
BYTES = 4  # float32


def cell_key(index: tuple[int, ...]) -> str:
    """A cell's name in files: its index along each axis, "3" or "3,7"."""
    return ",".join(str(i) for i in index)


def concrete_paths(experiment: Experiment, path: str) -> list[str]:
    """'network.layers.*.dropout_p' -> one path per hidden layer; a layer index is checked."""
    layers = len(experiment.network.layers)
    parts = path.split(".")
    if path.startswith("network.layers."):
        if parts[2] == "*":
            return [f"network.layers.{i}.{parts[3]}" for i in range(layers)]
        if int(parts[2]) >= layers:
            raise SweepError(MSG.no_layer(field=path, layers=layers, last=layers - 1))
    return [path]


def sweep_base(experiment: Experiment, spec: SweepSpec, epochs: Optional[int] = None) -> Experiment:
    """The experiment every cell starts from: its own variants dropped (the cells are the
    variants now), the sweep's seeds as replicates."""
    if experiment.kind != "training":
        raise SweepError(MSG.demo_kind(kind=experiment.kind))
    values: dict[str, Any] = {"variants": [], "training.replicates": spec.seeds}
    if epochs is not None:
        values["training.epochs"] = epochs
    data = experiment.model_dump(mode="python")
    data["variants"] = []
    base = Experiment.model_validate(data)
    return base.with_values({k: v for k, v in values.items() if k != "variants"})


def check_values(base: Experiment, spec: SweepSpec) -> None:
    """Every value of every axis is valid for the experiment (range, type), named before training."""
    for axis in spec.axes:
        paths = concrete_paths(base, axis.path)
        for value in axis.values:
            try:
                base.with_values({p: value for p in paths})
            except ConfigError as exc:
                raise SweepError(MSG.bad_value(field=axis.path, value=value, problem=exc.problem_messages[0])) from None


@dataclass(frozen=True)
class Group:
    """Cells with the same structural values: one dataset, one network shape."""

    structural: dict[str, Any]
    cells: tuple[CellTask, ...]


def groups(base: Experiment, spec: SweepSpec) -> list[Group]:
    out: dict[str, Group] = {}
    for index in spec.cells():
        structural: dict[str, Any] = {}
        variant: dict[str, Any] = {}
        for axis, i in zip(spec.axes, index):
            target = variant if axis.field.stacked else structural
            for p in concrete_paths(base, axis.path):
                target[p] = axis.values[i]
        key = json.dumps(structural, sort_keys=True)
        cell = CellTask(cell_key(index), index, spec.values(index), variant)
        group = out.get(key)
        out[key] = Group(structural, (group.cells if group else ()) + (cell,))
    return list(out.values())


def run_bytes(experiment: Experiment, input_dim: int, output_dim: int, n_samples: int) -> float:
    """Memory one run (one cell, one seed) needs in the stacked engine: parameters, gradients and
    optimizer state; per-batch activations and masks; the batched evaluation of every split."""
    widths = [layer.width for layer in experiment.network.layers]
    sizes = [input_dim] + widths + [output_dim]
    params = sum(o * i + o for i, o in zip(sizes[:-1], sizes[1:]))
    opt = experiment.optimizer
    state = {"sgd": 1 if opt.momentum > 0 else 0, "adam": 2, "adamw": 2}[opt.kind]
    best = 1 if experiment.early_stopping.enabled and experiment.early_stopping.restore_best else 0
    batch = experiment.training.batch_size or n_samples
    batch = min(batch, n_samples)
    units = sum(widths) + output_dim
    per_step = batch * (units * 9 + input_dim)  # z, h, r, m, d, gz, ga, loss buffers; own inputs
    per_eval = n_samples * units * 3  # ez, eh, ed for every split
    return BYTES * (params * (3 + state + best) + per_step + per_eval)


def data_bytes(n_samples: int, input_dim: int) -> float:
    return BYTES * n_samples * (input_dim + 1)


def chunk_size(run_b: float, data_b: float, seeds: int, limit_mb: float) -> int:
    """How many cells (each with `seeds` runs) fit in the memory limit, at most MAX_CHUNK_CELLS;
    a cell that does not fit alone is refused with the numbers."""
    budget = limit_mb * 2**20 - data_b
    per_cell = run_b * seeds
    fit = int(budget // per_cell) if budget > 0 else 0
    if fit < 1:
        raise SweepError(
            MSG.cell_too_big(seeds=seeds, need=f"{(per_cell + data_b) / 2**20:.0f}", limit=f"{limit_mb:.0f}")
        )
    return min(MAX_CHUNK_CELLS, fit)


def chunks(
    base: Experiment,
    group: Group,
    spec: SweepSpec,
    input_dim: int,
    output_dim: int,
    n_samples: int,
    done: frozenset[str] = frozenset(),
) -> list[ChunkTask]:
    """The group's unfinished cells in chunks that fit the memory limit."""
    exp = base.with_values(group.structural) if group.structural else base
    size = chunk_size(
        run_bytes(exp, input_dim, output_dim, n_samples),
        data_bytes(n_samples, input_dim),
        spec.seeds,
        spec.max_memory_mb,
    )
    todo = [c for c in group.cells if c.key not in done]
    data = exp.to_dict()
    return [ChunkTask(data, tuple(todo[i : i + size]), spec.seeds) for i in range(0, len(todo), size)]


def estimate_mb(base: Experiment, spec: SweepSpec, input_dim: int, output_dim: int, n_samples: int) -> float:
    """Peak memory of the largest chunk of the base group, in MB (what the panel shows)."""
    run_b = run_bytes(base, input_dim, output_dim, n_samples)
    data_b = data_bytes(n_samples, input_dim)
    size = chunk_size(run_b, data_b, spec.seeds, spec.max_memory_mb)
    return (data_b + size * spec.seeds * run_b) / 2**20
