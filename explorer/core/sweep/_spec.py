"""Sweep specs: which fields may vary, over which values, and how the grid is named.

An axis is `PATH=SPEC`: PATH a field of the experiment (or a whole-network
shorthand with `*` for "every hidden layer"), SPEC one of

    0,1e-4,1e-3          explicit values
    log:1e-5:1e-1:9      9 values evenly spaced in log10 from 1e-5 to 1e-1
    lin:0:0.9:10         10 values evenly spaced from 0 to 0.9

Every problem is found here, before anything trains, and named with the field
and what is allowed (a log range through 0, a bad scale, an unknown field, a
grid over CELL_LIMIT cells).
"""

from __future__ import annotations

import itertools
import math
import re
from dataclasses import dataclass
from typing import Any, Sequence

from explorer.core.sweep._messages import MSG, SweepError

CELL_LIMIT = 10_000  # cells in one sweep (values of axis 1 x values of axis 2)
MAX_SEEDS = 32
MAX_AXES = 2


@dataclass(frozen=True)
class SweepField:
    """A field that can be swept: how it is named, whether cells differing in it can train stacked."""

    pattern: str  # a path with N for a layer index or * for every layer
    words: str  # the field in the field's own words (the GUI's list, errors)
    stacked: bool  # True: a variant field (cells train in one engine); False: structural
    integer: bool = False
    log: bool = False  # the natural axis scale (lambdas, learning rate)


SWEEPABLE: tuple[SweepField, ...] = (
    SweepField("network.layers.*.dropout_p", "dropout p of every hidden layer", True),
    SweepField("network.layers.N.dropout_p", "dropout p of one hidden layer", True),
    SweepField("regularization.l2_lambda", "L2 penalty lambda", True, log=True),
    SweepField("regularization.l1_lambda", "L1 penalty lambda", True, log=True),
    SweepField("regularization.weight_decay", "decoupled weight decay", True, log=True),
    SweepField("optimizer.lr", "learning rate", True, log=True),
    SweepField("optimizer.momentum", "SGD momentum", True),
    SweepField("early_stopping.patience", "early-stopping patience", True, integer=True),
    SweepField("network.layers.*.width", "width of every hidden layer", False, integer=True),
    SweepField("network.layers.N.width", "width of one hidden layer", False, integer=True),
    SweepField("dataset.n_train", "number of training samples", False, integer=True),
    SweepField("dataset.noise", "dataset noise", False),
    SweepField("dataset.seed", "dataset seed (another data draw)", False, integer=True),
)


def sweep_field(path: str) -> SweepField:
    """The SweepField a path names, or a SweepError listing what can be swept."""
    generic = re.sub(r"^network\.layers\.\d+\.", "network.layers.N.", path)
    for f in SWEEPABLE:
        if f.pattern == generic or f.pattern == path:
            return f
    allowed = ", ".join(f.pattern for f in SWEEPABLE)
    raise SweepError(MSG.not_sweepable(field=path, allowed=allowed))


def _number(path: str, text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise SweepError(MSG.not_a_number(field=path, value=text)) from None
    if not math.isfinite(value):
        raise SweepError(MSG.not_a_number(field=path, value=text))
    return value


def parse_values(path: str, spec: Any) -> tuple[float, ...]:
    """The values of one axis: a list, or text 'a,b,c', 'log:A:B:N' or 'lin:A:B:N'."""
    f = sweep_field(path)
    if isinstance(spec, (list, tuple)):
        values = [_number(path, str(v)) for v in spec]
    elif isinstance(spec, (int, float)) and not isinstance(spec, bool):
        values = [float(spec)]
    elif isinstance(spec, str) and ":" in spec:
        scale, *parts = spec.split(":")
        if scale not in ("log", "lin"):
            raise SweepError(MSG.bad_scale(field=path, scale=scale))
        if len(parts) != 3:
            raise SweepError(MSG.bad_range(field=path, spec=spec))
        start, stop = _number(path, parts[0]), _number(path, parts[1])
        try:
            n = int(parts[2])
        except ValueError:
            raise SweepError(MSG.bad_count(field=path, spec=spec)) from None
        if n < 1 or n > CELL_LIMIT:
            raise SweepError(MSG.bad_count(field=path, spec=spec))
        if scale == "log":
            if start <= 0 or stop <= 0:
                raise SweepError(MSG.log_through_zero(field=path, spec=spec))
            a, b = math.log10(start), math.log10(stop)
            values = [10 ** (a + (b - a) * i / (n - 1)) if n > 1 else start for i in range(n)]
            values = [float(f"{v:.6g}") for v in values]  # 1e-05, not 9.999999999999999e-06
        else:
            values = [start + (stop - start) * i / (n - 1) if n > 1 else start for i in range(n)]
            values = [round(v, 12) for v in values]
    elif isinstance(spec, str) and spec.strip():
        values = [_number(path, part.strip()) for part in spec.split(",") if part.strip()]
    else:
        raise SweepError(MSG.bad_range(field=path, spec=str(spec)))
    if not values:
        raise SweepError(MSG.bad_range(field=path, spec=str(spec)))
    if f.integer:
        if any(v != int(v) for v in values):
            raise SweepError(MSG.not_integer(field=path, spec=str(spec)))
        values = [int(v) for v in values]
    if len(set(values)) != len(values):
        raise SweepError(MSG.duplicate_values(field=path, spec=str(spec)))
    return tuple(values)


@dataclass(frozen=True)
class Axis:
    path: str
    values: tuple[float, ...]
    spec: str = ""  # how the user wrote it (kept for sweep.json and the GUI)

    @property
    def field(self) -> SweepField:
        return sweep_field(self.path)

    @property
    def log(self) -> bool:
        """Draw on a log axis: a log field whose values are all positive."""
        return self.field.log and all(v > 0 for v in self.values)


def parse_axis(text: str) -> Axis:
    """'regularization.l2_lambda=log:1e-5:1e-1:9' -> Axis."""
    if "=" not in text:
        raise SweepError(MSG.bad_axis(text=text))
    path, _, spec = text.partition("=")
    path, spec = path.strip(), spec.strip()
    return Axis(path, parse_values(path, spec), spec)


@dataclass(frozen=True)
class SweepSpec:
    """The grid: one or two axes; every cell trains with `seeds` replicates."""

    axes: tuple[Axis, ...]
    seeds: int = 1
    metric: str = "final_test_loss"  # what the U-curve shows (the GUI's choice; csv has all)
    max_memory_mb: float = 2048.0

    def __post_init__(self) -> None:
        if not 1 <= len(self.axes) <= MAX_AXES:
            raise SweepError(MSG.axis_count(count=len(self.axes), limit=MAX_AXES))
        if len({a.path for a in self.axes}) != len(self.axes):
            raise SweepError(MSG.same_axis_twice(field=self.axes[0].path))
        if not 1 <= self.seeds <= MAX_SEEDS:
            raise SweepError(MSG.bad_seeds(seeds=self.seeds, limit=MAX_SEEDS))
        n = math.prod(len(a.values) for a in self.axes)
        if n > CELL_LIMIT:
            sizes = " x ".join(str(len(a.values)) for a in self.axes)
            raise SweepError(
                MSG.too_many_cells(field=", ".join(a.path for a in self.axes), sizes=sizes, cells=n, limit=CELL_LIMIT)
            )

    @property
    def shape(self) -> tuple[int, ...]:
        return tuple(len(a.values) for a in self.axes)

    def cells(self) -> list[tuple[int, ...]]:
        """Every cell's index along each axis, row-major."""
        return list(itertools.product(*(range(len(a.values)) for a in self.axes)))

    def values(self, cell: Sequence[int]) -> dict[str, Any]:
        return {a.path: a.values[i] for a, i in zip(self.axes, cell)}

    def to_dict(self) -> dict[str, Any]:
        return {
            "axes": [{"path": a.path, "values": list(a.values), "spec": a.spec} for a in self.axes],
            "seeds": self.seeds,
            "metric": self.metric,
            "max_memory_mb": self.max_memory_mb,
        }

    @classmethod
    def from_dict(cls, data: Any, where: str = "sweep") -> SweepSpec:
        """From sweep.json or an experiment file's [sweep] table:
        {axes = [{path = "...", values = "log:1e-5:1e-1:9" or [..]}], seeds = 3}."""
        if not isinstance(data, dict):
            raise SweepError(MSG.bad_table(where=where))
        unknown = set(data) - {"axes", "seeds", "metric", "max_memory_mb"}
        if unknown:
            raise SweepError(
                MSG.unknown_key(where=where, key=sorted(unknown)[0], allowed="axes, seeds, metric, max_memory_mb")
            )
        axes = []
        for i, item in enumerate(data.get("axes") or []):
            if not isinstance(item, dict) or "path" not in item or ("values" not in item and "spec" not in item):
                raise SweepError(MSG.bad_axis_entry(where=f"{where}.axes[{i}]"))
            raw = item.get("values", item.get("spec"))
            spec = (
                item.get("spec")
                if isinstance(item.get("spec"), str)
                else (
                    raw
                    if isinstance(raw, str)
                    else ",".join(str(v) for v in raw)
                    if isinstance(raw, list)
                    else str(raw)
                )
            )
            axes.append(Axis(str(item["path"]), parse_values(str(item["path"]), raw), str(spec)))
        metric = str(data.get("metric", "final_test_loss"))
        if metric not in METRICS:
            raise SweepError(MSG.bad_metric(metric=metric, allowed=", ".join(METRICS)))
        seeds = data.get("seeds", 1)
        if not isinstance(seeds, int) or isinstance(seeds, bool):
            raise SweepError(MSG.bad_seeds(seeds=seeds, limit=MAX_SEEDS))
        memory = data.get("max_memory_mb", 2048.0)
        if not isinstance(memory, (int, float)) or isinstance(memory, bool) or not 0.01 <= memory <= 1e7:
            raise SweepError(MSG.bad_memory(value=memory))
        return cls(tuple(axes), seeds, metric, float(memory))


# What a cell's result can be read as (the csv has every one of these per seed). The gaps are
# generalisation gaps: final test loss - final train loss, final train accuracy - final test accuracy.
METRICS = tuple(
    f"{when}_{split}_{what}"
    for what in ("loss", "accuracy")
    for when in ("final", "best")
    for split in ("train", "val", "test")
) + ("gap_loss", "gap_accuracy")


def lower_is_better(metric: str) -> bool:
    """Losses and gaps: lower is better; accuracies: higher."""
    return "loss" in metric or metric == "gap_accuracy"


__all__ = [
    "Axis",
    "SweepSpec",
    "SweepField",
    "SWEEPABLE",
    "CELL_LIMIT",
    "METRICS",
    "parse_axis",
    "parse_values",
    "sweep_field",
    "lower_is_better",
]
