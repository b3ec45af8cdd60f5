"""The trainer's weight and gradient histograms: shared, slowly adapting edges and exact counts."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from explorer.core.training._histograms import BINS, SharedBins


def _reference(x: torch.Tensor, edges: np.ndarray) -> np.ndarray:
    """np.histogram of each row on the same float32 edges."""
    return np.stack([np.histogram(row.numpy(), bins=edges.astype(np.float64))[0] for row in x])


def test_rows_are_binned_on_one_set_of_edges_as_numpy_bins_them() -> None:
    g = torch.Generator().manual_seed(0)
    x = torch.stack([torch.randn(500, generator=g), 0.3 * torch.randn(500, generator=g) + 1.0])
    bins = SharedBins()
    hists = bins.histograms("weight", [x])[0]
    edges = hists[0].edges
    assert hists[1].edges is edges and len(edges) == BINS + 1
    assert edges[0] < float(x.min()) and edges[-1] > float(x.max())
    counts = np.stack([h.counts for h in hists])
    assert counts.sum(axis=1).tolist() == [500, 500]
    # the same bins up to a value that float32 rounding puts on the other side of an edge
    assert np.abs(counts - _reference(x, edges)).sum() <= 2


@pytest.mark.parametrize(
    "centre, steps",
    [(104.17, 6), (-2822.45, 10), (2.85e6, 3), (-9.0e7, 2), (1.0e3, 40), (1.0e3, 2000)],
)
def test_values_far_from_zero_with_a_spread_of_a_few_float32_steps_keep_every_count(centre, steps) -> None:
    """Weights near 1e3 that moved by 1e-4: the bin index came from x * scale - lo * scale, two products
    so large that their rounding moved values into the other variant's block or below zero
    (bincount raised, and the training thread stopped)."""
    g = torch.Generator().manual_seed(1)
    ulp = float(np.spacing(np.float32(abs(centre))))
    x = (centre + steps * ulp * torch.randn(2, 300, generator=g, dtype=torch.float64)).float()
    bins = SharedBins()
    for _ in range(4):  # the first call sets the edges, later ones keep or grow them
        hists = bins.histograms("weight", [x])[0]
        counts = np.stack([h.counts for h in hists])
        assert (counts >= 0).all() and counts.sum(axis=1).tolist() == [300, 300]
        if steps >= 1000:  # bins many float32 steps wide: numpy's bins (narrower ones round their edges)
            assert np.abs(counts - _reference(x, hists[0].edges)).sum() <= 0.02 * counts.sum()
        x = x + float(steps * ulp) * 0.3 * torch.randn(2, 300, generator=g)


def test_non_finite_values_are_binned_at_the_finite_extremes() -> None:
    x = torch.tensor([[0.0, 1.0, float("nan"), float("inf")], [-1.0, 0.5, float("-inf"), 2.0]])
    hists = SharedBins().histograms("grad", [x])[0]
    assert [int(h.counts.sum()) for h in hists] == [4, 4]
    assert np.isfinite(hists[0].edges).all()


def test_values_near_the_float32_limit_give_finite_edges_without_overflow_warnings() -> None:
    """A diverging run's weights reach 3e38: the 5 % margin took the edges past float32's range
    ("overflow encountered in cast", infinite edges)."""
    import warnings

    x = torch.tensor([[3.0e38, -3.0e38, 1.0, 0.0], [2.0e38, -1.0, 5.0, 3.2e38]])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        hists = SharedBins().histograms("weight", [x])[0]
    assert np.isfinite(hists[0].edges).all()
    assert [int(h.counts.sum()) for h in hists] == [4, 4]
