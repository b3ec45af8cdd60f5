"""Export the per-evaluation history as a table: CSV and JSON.

One row per evaluation (epoch, step); one column group per variant:

    epoch, step,
    <variant>/train_loss, <variant>/val_loss, <variant>/test_loss,
    <variant>/train_accuracy, <variant>/val_accuracy, <variant>/test_accuracy,
    <variant>/penalty,
    <variant>/weight_norm/layer 1, ..., <variant>/weight_norm/output,
    <variant>/activation_var/layer 1, ...   (one per hidden layer)
    <variant>/activation_mean/layer 1, ...  (one per hidden layer)
    ... the same for the next variant
    <variant>/mean/train_loss, <variant>/sd/train_loss, ...  (a variant with several replicates,
                            runs "<variant> [seed S]": mean and SD over the seeds measured at that row)

Variants train in lockstep, so they are evaluated at the same (epoch, step) and
share a row; a variant that stopped early (or was not measured) leaves its cells
empty. A value that was not measured (NaN) is an empty CSV cell and a JSON null.

The table is built from the same arrays a Snapshot carries (VariantState.history,
weight_norm_history, ...), so the GUI (which only has snapshots) and the headless
runner (which has the trainer) share one implementation: `series_from_trainer`
and `series_from_snapshot` both produce `VariantSeries`, and `build_table` turns
those into columns and rows. Files are written atomically (explorer.core.util._atomic).
"""

from __future__ import annotations

import csv
import io
import json
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Mapping, Optional, Sequence, Union

import numpy as np

from explorer.core.protocol import HISTORY_KEYS, Snapshot
from explorer.core.training import add_replicate_columns
from explorer.core.util import atomic_write_text

FORMAT = "regularization-explorer.metrics"
FORMAT_VERSION = 1

# Scalar history keys exported per variant (epoch and step are the shared row key).
SCALAR_KEYS: tuple[str, ...] = tuple(k for k in HISTORY_KEYS if k not in ("epoch", "step"))

Cell = Union[int, float, None]


@dataclass(frozen=True)
class VariantSeries:
    """One variant's history as plain numpy arrays, one entry per evaluation."""

    name: str
    history: Mapping[str, np.ndarray]  # HISTORY_KEYS -> (E,)
    weight_norm: np.ndarray  # (E, n_linear)
    activation_var: np.ndarray  # (E, n_hidden)
    activation_mean: np.ndarray  # (E, n_hidden)
    linear_names: tuple[str, ...]  # "layer 1", ..., "output"
    hidden_names: tuple[str, ...]  # "layer 1", ... (hidden layers only)

    @property
    def size(self) -> int:
        return int(len(self.history["epoch"]))

    def columns(self) -> list[str]:
        """This variant's column names, without the variant prefix."""
        cols = list(SCALAR_KEYS)
        cols += [f"weight_norm/{n}" for n in self.linear_names]
        cols += [f"activation_var/{n}" for n in self.hidden_names]
        cols += [f"activation_mean/{n}" for n in self.hidden_names]
        return cols

    def values(self, i: int) -> list[float]:
        """Row i's values in the order of `columns()` (NaN where not measured)."""
        out = [float(self.history[k][i]) for k in SCALAR_KEYS]
        out += [float(v) for v in self.weight_norm[i, : len(self.linear_names)]]
        out += [float(v) for v in self.activation_var[i, : len(self.hidden_names)]]
        out += [float(v) for v in self.activation_mean[i, : len(self.hidden_names)]]
        return out

    def row(self, i: int) -> dict[str, float]:
        """Row i as {column: value} (NaN where not measured); i may be negative."""
        i = range(self.size)[i]
        return dict(zip(self.columns(), self.values(i)))


def linear_names(n_linear: int, n_hidden: int) -> tuple[str, ...]:
    """The names the views use: "layer 1", ..., "layer n_hidden", then "output"."""
    return tuple(f"layer {i + 1}" if i < n_hidden else "output" for i in range(n_linear))


def _as_2d(arr: np.ndarray, n_rows: int) -> np.ndarray:
    arr = np.asarray(arr, dtype=float)
    return arr.reshape(n_rows, -1) if arr.size else np.zeros((n_rows, 0))


def variant_series(run) -> VariantSeries:  # type: ignore[no-untyped-def]
    """A trainer's VariantRun as arrays, exactly as training/_probes.py puts them into a VariantState."""
    hist = run.history
    n_hidden = int(run.model.n_hidden)
    history = {key: hist.column(key) for key in HISTORY_KEYS}
    e = len(history["epoch"])
    return VariantSeries(
        name=run.name,
        history=history,
        weight_norm=_as_2d(hist.column("weight_norm"), e),
        activation_var=_as_2d(hist.column("activation_var"), e),
        activation_mean=_as_2d(hist.column("activation_mean"), e),
        linear_names=linear_names(len(run.model.linears), n_hidden),
        hidden_names=tuple(f"layer {i + 1}" for i in range(n_hidden)),
    )


def series_from_trainer(trainer) -> list[VariantSeries]:  # type: ignore[no-untyped-def]
    return [variant_series(run) for run in trainer.variants]


def series_from_snapshot(snap: Snapshot) -> list[VariantSeries]:
    out = []
    for v in snap.variants:
        history = {key: np.asarray(v.history[key], dtype=float) for key in HISTORY_KEYS}
        e = len(history["epoch"])
        n_hidden = len(v.hidden)
        out.append(
            VariantSeries(
                name=v.name,
                history=history,
                weight_norm=_as_2d(v.weight_norm_history, e),
                activation_var=_as_2d(v.activation_var_history, e),
                activation_mean=_as_2d(v.activation_mean_history, e),
                linear_names=tuple(lin.name for lin in v.linears),
                hidden_names=tuple(f"layer {i + 1}" for i in range(n_hidden)),
            )
        )
    return out


def _cell(x: float) -> Optional[float]:
    return x if math.isfinite(x) else None


def _int(x: float) -> Optional[int]:
    return int(x) if math.isfinite(x) else None


def build_table(series: Sequence[VariantSeries]) -> tuple[list[str], list[list[Cell]]]:
    """Columns and rows: one row per (epoch, step), variants side by side.

    A variant measured twice at the same (epoch, step) (a resumed run re-evaluates)
    keeps both rows: the n-th occurrence of a key pairs with the other variants' n-th.
    Missing and non-finite values are None.
    """
    columns = ["epoch", "step"]
    per_variant: list[dict[tuple[Any, ...], list[float]]] = []
    keys: set[tuple[Any, ...]] = set()
    for s in series:
        columns += [f"{s.name}/{c}" for c in s.columns()]
        seen: dict[tuple[Any, ...], int] = {}
        rows: dict[tuple[Any, ...], list[float]] = {}
        epochs, steps = s.history["epoch"], s.history["step"]
        for i in range(s.size):
            base = (_int(float(epochs[i])), _int(float(steps[i])))
            n = seen.get(base, 0)
            seen[base] = n + 1
            rows[base + (n,)] = s.values(i)
            keys.add(base + (n,))
        per_variant.append(rows)

    def order(key: tuple[Any, ...]) -> tuple[Any, ...]:
        epoch, step, n = key
        return (epoch is None, epoch or 0, step is None, step or 0, n)

    table: list[list[Cell]] = []
    for key in sorted(keys, key=order):
        row: list[Cell] = [key[0], key[1]]
        for s, rows in zip(series, per_variant):
            values = rows.get(key)
            if values is None:
                row += [None] * len(s.columns())
            else:
                row += [_cell(v) for v in values]
        table.append(row)
    add_replicate_columns(columns, table, [s.name for s in series], SCALAR_KEYS)
    return columns, table


def history_table(trainer) -> tuple[list[str], list[list[Cell]]]:  # type: ignore[no-untyped-def]
    """The trainer's history as (columns, rows); see the module docstring."""
    return build_table(series_from_trainer(trainer))


def history_table_from_snapshot(snap: Snapshot) -> tuple[list[str], list[list[Cell]]]:
    """The same table from a Snapshot (what the GUI has)."""
    return build_table(series_from_snapshot(snap))


def _table(source) -> tuple[list[str], list[list[Cell]]]:  # type: ignore[no-untyped-def]
    if isinstance(source, Snapshot):
        return history_table_from_snapshot(source)
    return history_table(source)


def table_to_csv(columns: Sequence[str], rows: Sequence[Sequence[Cell]]) -> str:
    """CSV text (UTF-8, "\\n" line ends); None is an empty cell, floats round-trip exactly."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow(["" if v is None else repr(v) if isinstance(v, float) else v for v in row])
    return buf.getvalue()


def table_to_json(columns: Sequence[str], rows: Sequence[Sequence[Cell]], variants: Sequence[str] = ()) -> str:
    doc = {
        "format": FORMAT,
        "version": FORMAT_VERSION,
        "variants": list(variants),
        "columns": list(columns),
        "rows": [list(r) for r in rows],
    }
    return json.dumps(doc, indent=1, allow_nan=False, ensure_ascii=False) + "\n"


def write_metrics_csv(source, path: str | Path) -> Path:  # type: ignore[no-untyped-def]
    """Write the history of a Trainer or a Snapshot as CSV, atomically. Returns the path.

    Raises ExportError (with a message naming the file) when it cannot be written;
    an existing file is then left untouched.
    """
    columns, rows = _table(source)
    path = Path(path)
    atomic_write_text(path, table_to_csv(columns, rows))
    return path


def write_metrics_json(source, path: str | Path) -> Path:  # type: ignore[no-untyped-def]
    """Write the history of a Trainer or a Snapshot as JSON, atomically. Returns the path.

    {"format": "regularization-explorer.metrics", "version": 1, "variants": [names],
     "columns": [...], "rows": [[epoch, step, value or null, ...], ...]}
    """
    columns, rows = _table(source)
    names = [s.name for s in source.variants] if isinstance(source, Snapshot) else [r.name for r in source.variants]
    path = Path(path)
    atomic_write_text(path, table_to_json(columns, rows, names))
    return path
