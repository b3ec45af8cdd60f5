"""Weight and gradient histograms of every layer and variant in a few batched ops, on shared bins.

A snapshot used to call torch.histc once per layer, variant and kind (weights, gradients), each
after a finite filter and a min/max read back to the host: for the seed network's two variants
that was 16 histograms, 51% of the trainer's time in the window (issue 12). Here a layer's
variants are one (V, n) tensor (a view of the stacked engine's rows, or a stack of the models'),
binned with one bincount on edges SHARED by the variants, so the histogram view compares them
bar for bar. The edges adapt slowly: they grow at once to cover the values (with a margin) and
shrink only when the values fill less than a third of them, so bars do not jitter from frame to
frame, and an unchanged edges array is the same object (sent to the window once).
"""

from __future__ import annotations

import math
from typing import Hashable, Optional, Sequence

import numpy as np
import torch

from explorer.core.protocol import Histogram

BINS = 40
MARGIN = 0.05  # of the span, added on each side when the edges are (re)set
SHRINK_BELOW = 1 / 3  # the values fill less than this fraction of the edges: set them again
F32_MAX = float(np.finfo(np.float32).max)
INSIDE = 1e-3  # values keep this fraction of the span from either edge (else the edges grow)


def empty_histogram(bins: int = BINS) -> Histogram:
    return Histogram(np.zeros(bins, np.int64), np.linspace(-1, 1, bins + 1, dtype=np.float32))


def _padded(lo: float, hi: float) -> tuple[float, float]:
    span = hi - lo
    if span < 1e-12:
        half = max(abs(lo) * 0.05, 0.5)
        return lo - half, hi + half
    return lo - MARGIN * span, hi + MARGIN * span


class SharedBins:
    """Bin edges per key (e.g. ("weight", layer)), shared by all variants, adapting slowly."""

    def __init__(self, bins: int = BINS) -> None:
        self.bins = bins
        self._ranges: dict[Hashable, tuple[float, float]] = {}
        self._edges: dict[Hashable, np.ndarray] = {}

    def adapt(self, key: Hashable, lo: float, hi: float) -> tuple[float, float]:
        """The edges' range for values in [lo, hi]: the current one unless the values left it or
        fill less than SHRINK_BELOW of it."""
        current = self._ranges.get(key)
        if current is None:
            new = _padded(lo, hi)
        else:
            clo, chi = current
            guard = INSIDE * (chi - clo)
            if lo >= clo + guard and hi <= chi - guard:
                if (hi - lo) >= SHRINK_BELOW * (chi - clo):
                    return current
                new = _padded(lo, hi)
            else:  # grow on the side the values left, with a margin; keep the other side
                plo, phi = _padded(min(lo, clo), max(hi, chi))
                new = (plo if lo < clo + guard else clo, phi if hi > chi - guard else chi)
        new = (max(new[0], -F32_MAX), min(new[1], F32_MAX))  # the margin must not overflow float32 edges
        self._ranges[key] = new
        self._edges[key] = np.linspace(new[0], new[1], self.bins + 1, dtype=np.float32)
        self._edges[key].flags.writeable = False
        return new

    def edges(self, key: Hashable) -> np.ndarray:
        return self._edges[key]

    @torch.no_grad()
    def histograms(self, kind: str, stacks: Sequence[Optional[torch.Tensor]]) -> list[Optional[list[Histogram]]]:
        """For each layer's (V, n) tensor (None: no values yet), its V histograms on shared edges.

        Two host syncs in all, whatever the number of layers and variants: the ranges, then the counts."""
        present = [(i, x) for i, x in enumerate(stacks) if x is not None and x.numel() > 0]
        out: list[Optional[list[Histogram]]] = [None] * len(stacks)
        if not present:
            return out
        ranges = torch.stack([torch.stack(torch.aminmax(x.detach())) for _, x in present]).float().tolist()
        counts = []
        for (i, x), (lo, hi) in zip(present, ranges):
            x = x.detach()
            if not (math.isfinite(lo) and math.isfinite(hi)):  # overflowed or NaN: bin the finite values
                finite = x[torch.isfinite(x)]
                if finite.numel() == 0:
                    lo, hi = -1.0, 1.0
                else:
                    lo, hi = float(finite.min()), float(finite.max())
                x = torch.nan_to_num(x, nan=lo, posinf=hi, neginf=lo)
            elo, ehi = self.adapt((kind, i), lo, hi)
            counts.append(self._counts(x.float(), elo, ehi))
        values = torch.cat([c.reshape(-1) for c in counts]).cpu().numpy() if counts else np.zeros(0)
        at = 0
        for i, x in present:
            V = x.shape[0]
            block = values[at : at + V * self.bins].reshape(V, self.bins)
            at += V * self.bins
            edges = self._edges[(kind, i)]
            out[i] = [Histogram(block[v], edges) for v in range(V)]
        return out

    def _counts(self, x: torch.Tensor, lo: float, hi: float) -> torch.Tensor:
        """(V, bins) counts of x's rows on the edges [lo, hi]: one bincount, each row's bin indices
        shifted into its own block.

        The position in the edges is taken from x - lo, not from x * scale - lo * scale: for values
        far from zero with a spread of a few float32 steps (weights near 1e3 that moved by 1e-4),
        the two products are large and their rounding moved values into the next row's block or
        below zero (bincount then raised, and the trainer stopped). The clamp keeps a value that
        rounding puts on the upper edge in the last bin (int64 indices made this 6x slower)."""
        V = x.shape[0]
        bins = self.bins
        scale = bins / (hi - lo)
        rows = torch.arange(V, device=x.device, dtype=torch.float32).unsqueeze(1) * bins
        position = torch.sub(x.reshape(V, -1), lo).mul_(scale).clamp_(0, bins - 1)  # in [0, bins)
        idx = position.add_(rows).to(torch.int32)
        return torch.bincount(idx.reshape(-1), minlength=V * bins)
