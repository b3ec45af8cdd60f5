"""Reading a sweep: each cell's mean and spread over seeds, the best cell, and the additivity of
two regularizers (d2l's dropout exercise 5: is gain(both) = gain(dropout) + gain(L2)?).

Seeds are paired: seed s of every cell starts from the same initial weights and batch order,
so differences between cells are taken seed by seed before averaging; their standard error,
SD / sqrt(n), is the seed uncertainty. "Not distinguishable" means within 2 standard errors.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, Optional, Sequence

from explorer.core.protocol import Message, define_messages
from explorer.core.sweep._spec import SweepSpec, lower_is_better
from explorer.core.training import mean_sd

WORDS = define_messages(
    "sweep_readout",
    {
        "additive": "additive",
        "more_than_additive": "more than additive",
        "diminishing": "less than additive (diminishing returns)",
        "cancelling": "cancelling: together no better than the better one alone",
        "one_seed": "undecided: one seed gives no uncertainty; run more seeds",
        "additivity": "{a} alone: gain {gain_a}; {b} alone: {gain_b}; both: {gain_both} against {sum} for the "
        "sum; interaction {interaction} \u00b1 {se} over {n} seeds: {verdict}",
        "no_zero": "the additivity readout needs the value 0 on both axes (the unregularized cell)",
    },
)


def metric_value(row: dict[str, Any], metric: str) -> Optional[float]:
    """A row's value of a metric; the gaps are final test - final train loss, train - test accuracy."""
    if metric == "gap_loss":
        a, b = row.get("final_test_loss"), row.get("final_train_loss")
    elif metric == "gap_accuracy":
        a, b = row.get("final_train_accuracy"), row.get("final_test_accuracy")
    else:
        v = row.get(metric)
        return float(v) if isinstance(v, (int, float)) and math.isfinite(v) else None
    if a is None or b is None:
        return None
    return float(a) - float(b)


@dataclass(frozen=True)
class CellStats:
    key: str
    index: tuple[int, ...]
    values: dict[str, Any]
    per_seed: dict[int, float]  # seed -> value (finite only)
    diverged: tuple[int, ...]  # seeds that diverged
    mean: float
    sd: float
    low: float  # min over seeds
    high: float  # max over seeds

    @property
    def n(self) -> int:
        return len(self.per_seed)


def cell_stats(rows: Sequence[dict[str, Any]], metric: str) -> dict[str, CellStats]:
    by_cell: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        by_cell.setdefault(row["cell"], []).append(row)
    out = {}
    for key, cell_rows in by_cell.items():
        per_seed = {}
        for r in cell_rows:
            v = metric_value(r, metric)
            if v is not None:
                per_seed[int(r["seed"])] = v
        values = list(per_seed.values())
        m, sd = mean_sd(values)
        first = cell_rows[0]
        out[key] = CellStats(
            key,
            tuple(first["index"]),
            dict(first["values"]),
            per_seed,
            tuple(int(r["seed"]) for r in cell_rows if r.get("status") == "diverged"),
            m,
            sd,
            min(values) if values else math.nan,
            max(values) if values else math.nan,
        )
    return out


def best_cell(stats: dict[str, CellStats], metric: str) -> Optional[CellStats]:
    finite = [s for s in stats.values() if math.isfinite(s.mean) and not s.diverged]
    if not finite:
        return None
    return (min if lower_is_better(metric) else max)(finite, key=lambda s: s.mean)


@dataclass(frozen=True)
class Additivity:
    cell_a: str  # the best cell's a-value with b = 0
    cell_b: str
    cell_both: str
    gain_a: float  # mean over seeds; positive = better than the unregularized cell
    gain_b: float
    gain_both: float
    interaction: float  # gain_both - gain_a - gain_b, mean over paired seeds
    se: float  # its standard error (nan with one seed)
    n: int
    verdict: str  # additive | more_than_additive | diminishing | cancelling | one_seed

    def message(self, name_a: str, name_b: str) -> Message:
        return WORDS.additivity(
            a=name_a,
            b=name_b,
            gain_a=f"{self.gain_a:+.4g}",
            gain_b=f"{self.gain_b:+.4g}",
            gain_both=f"{self.gain_both:+.4g}",
            sum=f"{self.gain_a + self.gain_b:+.4g}",
            interaction=f"{self.interaction:+.4g}",
            se=f"{self.se:.2g}" if math.isfinite(self.se) else "?",
            n=self.n,
            verdict=getattr(WORDS, self.verdict)(),
        )


def additivity(
    spec: SweepSpec, rows: Sequence[dict[str, Any]], metric: str, cell: Optional[tuple[int, int]] = None
) -> Optional[Additivity]:
    """At `cell` (default: the best cell with both values above 0), compare the gain of both
    regularizers with the sum of their gains alone, seed by seed. None when an axis has no 0."""
    if len(spec.axes) != 2:
        return None
    try:
        z0 = spec.axes[0].values.index(0)
        z1 = spec.axes[1].values.index(0)
    except ValueError:
        return None
    stats = cell_stats(rows, metric)
    key = lambda i, j: f"{i},{j}"  # noqa: E731  (cell_key of a 2-D index)
    if cell is None:
        both = {k: s for k, s in stats.items() if s.index[0] != z0 and s.index[1] != z1}
        best = best_cell(both, metric)
        if best is None:
            return None
        cell = (best.index[0], best.index[1])
    i, j = cell
    needed = [key(z0, z1), key(i, z1), key(z0, j), key(i, j)]
    if any(k not in stats for k in needed):
        return None
    base, a, b, ab = (stats[k].per_seed for k in needed)
    sign = -1.0 if lower_is_better(metric) else 1.0
    seeds = sorted(set(base) & set(a) & set(b) & set(ab))
    if not seeds:
        return None
    ga = [sign * (a[s] - base[s]) for s in seeds]
    gb = [sign * (b[s] - base[s]) for s in seeds]
    gab = [sign * (ab[s] - base[s]) for s in seeds]
    inter = [x - y - z for x, y, z in zip(gab, ga, gb)]
    m_i, sd_i = mean_sd(inter)
    n = len(seeds)
    se = sd_i / math.sqrt(n) if n > 1 else math.nan
    m_a, m_b, m_ab = mean_sd(ga)[0], mean_sd(gb)[0], mean_sd(gab)[0]
    if n < 2:
        verdict = "one_seed"
    elif abs(m_i) <= 2 * se:
        verdict = "additive"
    elif m_i > 0:
        verdict = "more_than_additive"
    else:
        better = [x - max(y, z) for x, y, z in zip(gab, ga, gb)]
        m_b2, sd_b2 = mean_sd(better)
        verdict = "diminishing" if m_b2 > 2 * sd_b2 / math.sqrt(n) else "cancelling"
    return Additivity(key(i, z1), key(z0, j), key(i, j), m_a, m_b, m_ab, m_i, se, n, verdict)
