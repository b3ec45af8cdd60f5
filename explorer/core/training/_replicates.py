"""Replicates: every variant trained with seeds seed, seed+1, ... and read as a mean with its
seed spread, so that a difference between variants can be weighed against seed noise.

A replicate run is named "<variant> [seed S]" (trainer.replicate_name); `replicate_groups`
reads the names back into variants, for the trainer's runs and a Snapshot's alike.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any, Iterable, Optional, Sequence

_NAME = re.compile(r"^(?P<variant>.*) \[seed (?P<seed>\d+)\]$")
SUMMARY_KEYS = tuple(
    f"{when}_{split}_{what}"
    for what in ("loss", "accuracy")
    for when in ("final", "best")
    for split in ("train", "val", "test")
) + ("best_epoch", "final_weight_norm", "near_zero_weight_fraction", "final_activation_variance")


def replicate_name(variant: str, seed: int, replicates: int) -> str:
    """A run's name: the variant's, plus its seed when the variant has several replicates."""
    return variant if replicates == 1 else f"{variant} [seed {seed}]"


def split_name(name: str) -> tuple[str, Optional[int]]:
    """'dropout [seed 3]' -> ('dropout', 3); a name without a seed -> (name, None)."""
    m = _NAME.match(name)
    return (m["variant"], int(m["seed"])) if m else (name, None)


def replicate_groups(names: Iterable[str]) -> dict[str, list[int]]:
    """Variant -> indices of its runs, in order (one index each when there are no replicates)."""
    groups: dict[str, list[int]] = {}
    for i, name in enumerate(names):
        groups.setdefault(split_name(name)[0], []).append(i)
    return groups


def mean_sd(values: Sequence[float]) -> tuple[float, float]:
    """Mean and sample standard deviation (n - 1; 0 for a single value); nan for none."""
    n = len(values)
    if n == 0:
        return math.nan, math.nan
    m = math.fsum(values) / n
    if n == 1:
        return m, 0.0
    return m, math.sqrt(math.fsum((v - m) ** 2 for v in values) / (n - 1))


def _finite(values: Iterable[Any]) -> list[float]:
    return [float(v) for v in values if isinstance(v, (int, float)) and math.isfinite(v)]


def replicate_summary(variants: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """From summarize()'s per-run dict: per variant, the seeds, each metric per seed, its mean and
    SD over the seeds (metrics.json's "replicates"). Runs without a seed in their name are
    variants of one replicate each (SD 0)."""
    out: dict[str, Any] = {}
    groups = replicate_groups(variants)
    names = list(variants)
    for group, idx in groups.items():
        seeds = [split_name(names[i])[1] for i in idx]
        entry: dict[str, Any] = {"seeds": seeds, "per_seed": {}, "mean": {}, "sd": {}}
        for key in SUMMARY_KEYS:
            values = [variants[names[i]].get(key) for i in idx]
            if all(v is None for v in values):
                continue
            m, sd = mean_sd(_finite(values))
            entry["per_seed"][key] = values
            entry["mean"][key] = None if math.isnan(m) else m
            entry["sd"][key] = None if math.isnan(sd) else sd
        out[group] = entry
    return out


@dataclass(frozen=True)
class Comparison:
    """Variant b against variant a on one metric, seed by seed (same seed = same initial weights)."""

    metric: str
    a: str
    b: str
    difference: float  # mean over seeds of b - a
    se: float  # standard error of that mean (nan with one seed)
    n: int

    @property
    def distinguishable(self) -> Optional[bool]:
        """Beyond 2 standard errors of seed noise; None with one seed (no noise estimate)."""
        if self.n < 2 or not math.isfinite(self.se):
            return None
        return abs(self.difference) > 2 * self.se


def compare(
    a_values: dict[int, float], b_values: dict[int, float], metric: str, a: str, b: str
) -> Optional[Comparison]:
    """Paired over the seeds both have; None when they share none."""
    seeds = sorted(set(a_values) & set(b_values))
    diffs = [b_values[s] - a_values[s] for s in seeds if math.isfinite(a_values[s]) and math.isfinite(b_values[s])]
    if not diffs:
        return None
    m, sd = mean_sd(diffs)
    se = sd / math.sqrt(len(diffs)) if len(diffs) > 1 else math.nan
    return Comparison(metric, a, b, m, se, len(diffs))


def add_replicate_columns(columns: list[str], rows: list[list[Any]], names: Sequence[str], keys: Sequence[str]) -> None:
    """The metrics table, with "<variant>/mean/<key>" and "<variant>/sd/<key>" appended for each
    variant with several replicates: over the replicates measured at that row (in place)."""
    where = {c: i for i, c in enumerate(columns)}
    for group, idx in replicate_groups(names).items():
        if len(idx) < 2:
            continue
        for key in keys:
            cols = [where[f"{names[i]}/{key}"] for i in idx]
            columns += [f"{group}/mean/{key}", f"{group}/sd/{key}"]
            for row in rows:
                m, sd = mean_sd(_finite(row[c] for c in cols))
                row += [None if math.isnan(m) else m, None if math.isnan(sd) else sd]
