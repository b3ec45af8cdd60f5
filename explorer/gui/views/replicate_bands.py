"""Replicates as one line and a band per variant: the mean over the seeds, and either the
min-max range or mean +- 1 SD, row by row (replicates train in lockstep, so row k of every
seed is the same epoch; a seed that stopped early leaves its later rows out).

Plain numpy, no Qt: the loss view draws these, tests check the arithmetic.
"""

from __future__ import annotations

import dataclasses
import warnings
from dataclasses import dataclass, field
from typing import Any, Optional, Sequence

import numpy as np

from explorer.core.protocol import VariantState
from explorer.core.training import replicate_groups

BAND_MODES = ("minmax", "sd")


@dataclass(frozen=True)
class ReplicateLine:
    name: str  # the variant (without the seed)
    runs: tuple[int, ...]  # indices of its runs in the snapshot
    epochs: np.ndarray
    mean: dict[str, np.ndarray] = field(default_factory=dict)
    low: dict[str, np.ndarray] = field(default_factory=dict)  # band; empty with one run
    high: dict[str, np.ndarray] = field(default_factory=dict)


def _stack(variants: Sequence[VariantState], key: str, rows: int) -> np.ndarray:
    out = np.full((len(variants), rows), np.nan)
    for i, v in enumerate(variants):
        a = np.asarray(v.history.get(key, ()), dtype=np.float64)[:rows]
        out[i, : len(a)] = a
    return out


def band(values: np.ndarray, mode: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(mean, low, high) over axis 0, ignoring NaN: low/high are the min and max, or mean -+ SD
    (the sample SD, n - 1; 0 where one value is left)."""
    with warnings.catch_warnings(), np.errstate(all="ignore"):
        warnings.simplefilter("ignore", RuntimeWarning)  # all-NaN columns give NaN
        mean = np.nanmean(values, axis=0)
        if mode == "sd":
            n = np.sum(np.isfinite(values), axis=0)
            sd = np.where(n > 1, np.nanstd(values, axis=0, ddof=1), 0.0)
            return mean, mean - sd, mean + sd
        return mean, np.nanmin(values, axis=0), np.nanmax(values, axis=0)


def replicate_lines(variants: Sequence[VariantState], keys: Sequence[str], mode: str = "minmax") -> list[ReplicateLine]:
    """One line per variant; a band wherever a variant has two or more seeds."""
    lines = []
    for name, idx in replicate_groups(v.name for v in variants).items():
        runs = [variants[i] for i in idx]
        if len(runs) == 1:
            h = runs[0].history
            lines.append(
                ReplicateLine(runs[0].name, tuple(idx), np.asarray(h["epoch"]), {k: np.asarray(h[k]) for k in keys})
            )
            continue
        longest = max(range(len(runs)), key=lambda j: len(runs[j].history["epoch"]))
        epochs = np.asarray(runs[longest].history["epoch"], dtype=np.float64)
        rows = len(epochs)
        mean, low, high = {}, {}, {}
        for key in keys:
            mean[key], low[key], high[key] = band(_stack(runs, key, rows), mode)
        lines.append(ReplicateLine(name, tuple(idx), epochs, mean, low, high))
    return lines


def is_replicated(variants: Sequence[VariantState]) -> bool:
    return any(len(idx) > 1 for idx in replicate_groups(v.name for v in variants).values())


def band_mode_index(mode: Optional[str]) -> int:
    return BAND_MODES.index(mode) if mode in BAND_MODES else 0


def pool_histograms(hists: Sequence[Any]) -> Any:
    """One histogram of all seeds' values: each seed's counts re-binned (at its bin centres) onto
    common edges spanning them all, with as many bins as the first. None if any is None."""
    if not hists or any(h is None for h in hists):
        return None
    from explorer.core.protocol import Histogram

    lo = min(float(h.edges[0]) for h in hists)
    hi = max(float(h.edges[-1]) for h in hists)
    bins = len(hists[0].counts)
    edges = np.linspace(lo, hi if hi > lo else lo + 1e-12, bins + 1)
    counts = np.zeros(bins)
    for h in hists:
        centres = (np.asarray(h.edges[:-1], dtype=np.float64) + np.asarray(h.edges[1:], dtype=np.float64)) / 2
        counts += np.histogram(centres, bins=edges, weights=np.asarray(h.counts, dtype=np.float64))[0]
    return Histogram(counts=np.rint(counts).astype(np.int64), edges=edges.astype(np.float32))


def _pooled(runs: Sequence[Any]) -> dict[str, Any]:
    """The fields of a variant whose seeds are pooled: weight and gradient histograms per layer,
    and the histogram frames over time (frame by frame, where the seeds have the same frames)."""
    first = runs[0]
    linears = tuple(
        dataclasses.replace(
            lin,
            weight_hist=pool_histograms([r.linears[i].weight_hist for r in runs]) or lin.weight_hist,
            grad_hist=pool_histograms([r.linears[i].grad_hist for r in runs]),
        )
        for i, lin in enumerate(first.linears)
    )
    frames = first.histogram_frames
    if all(len(r.histogram_frames) == len(frames) for r in runs):
        frames = tuple(
            dataclasses.replace(
                f,
                hists=tuple(
                    pool_histograms([r.histogram_frames[k].hists[j] for r in runs]) for j in range(len(f.hists))
                ),
            )
            for k, f in enumerate(frames)
        )
    return {"linears": linears, "histogram_frames": frames}


def collapse_replicates(snap: Any, replicate: Optional[int]) -> Any:
    """The snapshot with one entry per variant, named after the variant: its seeds combined
    (`replicate` None: the mean of their predictions, their weight and gradient histograms
    pooled; the rest from its first seed), or the run of its `replicate`-th seed. A snapshot
    without replicates comes back as it is."""
    groups = replicate_groups(v.name for v in snap.variants)
    if all(len(idx) == 1 for idx in groups.values()):
        return snap
    variants = []
    for name, idx in groups.items():
        if replicate is None:
            first = snap.variants[idx[0]]
            preds = [np.asarray(snap.variants[i].grid_prediction, dtype=np.float64) for i in idx]
            mean = np.mean(np.stack(preds), axis=0) if all(p.shape == preds[0].shape for p in preds) else preds[0]
            pooled = _pooled([snap.variants[i] for i in idx])
            variants.append(
                dataclasses.replace(first, name=name, grid_prediction=mean.astype(preds[0].dtype), **pooled)
            )
        else:
            run = snap.variants[idx[min(replicate, len(idx) - 1)]]
            variants.append(dataclasses.replace(run, name=name))
    return dataclasses.replace(snap, variants=tuple(variants))


def replicate_seeds(snap: Any) -> list[int]:
    """The seeds of the first replicated variant, in order (the choices of a seed selector)."""
    from explorer.core.training import split_name

    for idx in replicate_groups(v.name for v in snap.variants).values():
        if len(idx) > 1:
            return [split_name(snap.variants[i].name)[1] or 0 for i in idx]
    return []
