"""The sweep folder: the one truth about a sweep, whichever executor ran it.

    DIR/sweep.json   {"format", "version", "spec", "experiment", "rows": [...], "complete"}
    DIR/sweep.csv    one row per cell and seed: the axis values, seed, status, final and best
                     train/val/test loss and accuracy, best and stop epoch, diverged step,
                     steps, seconds

Both are rewritten whole and atomically after every finished chunk, so a crash, Ctrl+C or
a full disk leaves the last complete state. A rerun with the same spec and experiment reads
sweep.json and skips the cells it holds.
"""

from __future__ import annotations

import csv
import io
import json
import math
from pathlib import Path
from typing import Any, Iterable, Optional

from explorer.core.sweep._chunk import ROW_METRICS
from explorer.core.sweep._messages import MSG, SweepError
from explorer.core.sweep._spec import SweepSpec
from explorer.core.util import atomic_write_text

FORMAT = "regularization-explorer.sweep"
FORMAT_VERSION = 1
TAIL_COLUMNS = ROW_METRICS + ("best_epoch", "stop_epoch", "diverged_step", "steps", "seconds")
_SAME = ("axes", "seeds")  # what must match to resume (metric and memory limit change no result)


def _clean(x: Any) -> Any:
    if isinstance(x, float) and not math.isfinite(x):
        return None
    if isinstance(x, dict):
        return {k: _clean(v) for k, v in x.items()}
    if isinstance(x, list):
        return [_clean(v) for v in x]
    return x


class SweepFolder:
    def __init__(self, folder: str | Path, spec: SweepSpec, experiment: dict[str, Any]):
        self.folder = Path(folder)
        self.spec = spec
        self.experiment = experiment
        self.rows: list[dict[str, Any]] = []
        self.complete = False
        self._load()

    @property
    def json_path(self) -> Path:
        return self.folder / "sweep.json"

    @property
    def csv_path(self) -> Path:
        return self.folder / "sweep.csv"

    def _load(self) -> None:
        if not self.json_path.exists():
            return
        try:
            doc = json.loads(self.json_path.read_text(encoding="utf-8"))
            if not isinstance(doc, dict) or doc.get("format") != FORMAT:
                raise ValueError("not a sweep file")
            spec, experiment, rows = doc["spec"], doc["experiment"], doc["rows"]
            if not isinstance(rows, list) or not all(isinstance(r, dict) and "cell" in r for r in rows):
                raise ValueError("rows are not a list of cells")
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise SweepError(MSG.unreadable_folder(folder=str(self.folder), problem=str(exc))) from None
        mine = self.spec.to_dict()
        for key in _SAME:
            if spec.get(key) != json.loads(json.dumps(mine[key])):
                raise SweepError(MSG.other_sweep(folder=str(self.folder), what=f"spec {key}"))
        if experiment != json.loads(json.dumps(self.experiment)):
            raise SweepError(MSG.other_sweep(folder=str(self.folder), what="the experiment"))
        self.rows = rows
        self.complete = bool(doc.get("complete"))

    def done(self) -> frozenset[str]:
        """Cells with every seed recorded."""
        count: dict[str, int] = {}
        for row in self.rows:
            count[row["cell"]] = count.get(row["cell"], 0) + 1
        return frozenset(k for k, n in count.items() if n >= self.spec.seeds)

    def add(self, rows: Iterable[dict[str, Any]]) -> None:
        new = list(rows)
        cells = {r["cell"] for r in new}
        self.rows = [r for r in self.rows if r["cell"] not in cells] + new
        self.rows.sort(key=lambda r: (tuple(r["index"]), r["seed"]))

    def write(self, complete: Optional[bool] = None) -> None:
        """sweep.json, then sweep.csv: each replaced whole, atomically."""
        if complete is not None:
            self.complete = complete
        doc = {
            "format": FORMAT,
            "version": FORMAT_VERSION,
            "spec": self.spec.to_dict(),
            "experiment": self.experiment,
            "complete": self.complete,
            "rows": _clean(self.rows),
        }
        atomic_write_text(self.json_path, json.dumps(doc, indent=1, allow_nan=False, ensure_ascii=False) + "\n")
        atomic_write_text(self.csv_path, rows_to_csv(self.spec, self.rows))


def rows_to_csv(spec: SweepSpec, rows: Iterable[dict[str, Any]]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    axes = [a.path for a in spec.axes]
    writer.writerow(axes + ["seed", "status"] + list(TAIL_COLUMNS))
    for row in rows:
        cells = [row["values"].get(p) for p in axes] + [row["seed"], row["status"]]
        cells += [row.get(k) for k in TAIL_COLUMNS]
        writer.writerow(
            [
                ""
                if v is None or (isinstance(v, float) and not math.isfinite(v))
                else repr(v)
                if isinstance(v, float)
                else v
                for v in cells
            ]
        )
    return buf.getvalue()
