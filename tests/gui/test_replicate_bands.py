"""Replicate bands in the loss view: one mean line per variant and a band over its seeds
(min-max or mean +- 1 SD), from a real run with replicates."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from explorer.core.training import Trainer
from explorer.gui.views import LossView
from explorer.gui.views.replicate_bands import band, replicate_lines
from tests.core.small_runs import run_to_end, sine_run


def data_of(item):  # type: ignore[no-untyped-def]
    x, y = item.getOriginalDataset()
    return np.asarray(x), np.asarray(y)


def test_band_arithmetic() -> None:
    values = np.array([[1.0, 2.0, np.nan], [3.0, 2.0, 5.0], [5.0, 2.0, np.nan]])
    mean, low, high = band(values, "minmax")
    np.testing.assert_allclose(mean, [3.0, 2.0, 5.0])
    np.testing.assert_allclose(low, [1.0, 2.0, 5.0])
    np.testing.assert_allclose(high, [5.0, 2.0, 5.0])
    mean, low, high = band(values, "sd")
    np.testing.assert_allclose(low, [1.0, 2.0, 5.0])  # SD of 1,3,5 is 2; one value left: SD 0
    np.testing.assert_allclose(high, [5.0, 2.0, 5.0])


@pytest.fixture(scope="module")
def replicated_snapshot():  # type: ignore[no-untyped-def]
    exp = sine_run(
        [{"width": 8}],
        {"training.epochs": 6, "training.replicates": 3, "training.device": "cpu"},
        {"variants": [{"name": "plain", "set": {}}, {"name": "L2", "set": {"regularization.l2_lambda": 0.5}}]},
    )
    return run_to_end(Trainer(exp)).snapshot(state="finished")


def test_loss_view_draws_a_mean_line_and_a_band_per_variant(qtbot, replicated_snapshot) -> None:  # type: ignore[no-untyped-def]
    snap = replicated_snapshot
    view = LossView()
    qtbot.addWidget(view)
    view.resize(900, 600)
    view.show()
    view.update_snapshot(snap)
    assert len(view.loss_curves) == 2 and len(view.bands) == 2  # not 6 lines
    assert view.band_mode.isVisibleTo(view)
    runs = [v for v in snap.variants if v.name.startswith("L2 [seed")]
    val = np.array([v.history["val_loss"] for v in runs])
    x, y = data_of(view.loss_curves[1]["val"])
    np.testing.assert_allclose(x, runs[0].history["epoch"])
    np.testing.assert_allclose(y, val.mean(0))
    low, high, _fill = view.bands[1]["val_loss"]
    np.testing.assert_allclose(data_of(low)[1], val.min(0))
    np.testing.assert_allclose(data_of(high)[1], val.max(0))
    assert (val.max(0) > val.min(0)).any()  # the seeds differ: a band of some width
    view.band_mode.setCurrentIndex(1)  # +-1 SD
    np.testing.assert_allclose(data_of(low)[1], val.mean(0) - val.std(0, ddof=1))
    np.testing.assert_allclose(data_of(high)[1], val.mean(0) + val.std(0, ddof=1))


def test_lines_without_replicates_are_the_runs_themselves(replicated_snapshot) -> None:  # type: ignore[no-untyped-def]
    first = replicated_snapshot.variants[0]
    single = replicate_lines([first], ["val_loss"])
    assert single[0].low == {} and np.array_equal(single[0].mean["val_loss"], first.history["val_loss"], equal_nan=True)


def test_fit_view_draws_the_mean_of_the_seeds_or_one_seed(qtbot, replicated_snapshot) -> None:  # type: ignore[no-untyped-def]
    from explorer.gui.views import FitView

    snap = replicated_snapshot
    view = FitView()
    qtbot.addWidget(view)
    view.resize(800, 500)
    view.show()
    view.update_snapshot(snap)
    assert view.seed_combo.isVisibleTo(view) and view.seed_combo.count() == 4  # mean, seeds 0, 1, 2
    assert view.mode.names == ["plain", "L2"]  # one curve per variant, not per seed
    runs = [v for v in snap.variants if v.name.startswith("L2 [seed")]
    mean = np.mean([v.grid_prediction for v in runs], axis=0)
    np.testing.assert_allclose(data_of(view.mode.curves[1])[1], mean, rtol=1e-5, atol=1e-6)
    view.seed_combo.setCurrentIndex(2)  # seed 1
    np.testing.assert_allclose(data_of(view.mode.curves[1])[1], runs[1].grid_prediction, rtol=1e-6)


def test_histogram_view_pools_the_seeds_or_picks_one(qtbot, replicated_snapshot) -> None:  # type: ignore[no-untyped-def]
    from explorer.gui.views import HistogramView

    snap = replicated_snapshot
    view = HistogramView()
    qtbot.addWidget(view)
    view.resize(800, 600)
    view.show()
    view.update_snapshot(snap)
    assert view.seed_combo.count() == 4 and view.seed_choice() is None  # pooled, then seeds 0, 1, 2
    shown = view.last_snapshot().variants
    assert [v.name for v in shown] == ["plain", "L2"]
    seeds = [v for v in snap.variants if v.name.startswith("L2 [seed")]
    pooled = shown[1].linears[0].weight_hist
    assert pooled.counts.sum() == sum(int(v.linears[0].weight_hist.counts.sum()) for v in seeds)
    assert pooled.edges[0] == pytest.approx(min(float(v.linears[0].weight_hist.edges[0]) for v in seeds))
    view.seed_combo.setCurrentIndex(2)  # seed 1
    picked = view.last_snapshot().variants[1]
    assert np.array_equal(picked.linears[0].weight_hist.counts, seeds[1].linears[0].weight_hist.counts)


def test_pooling_histograms_adds_counts_on_common_edges() -> None:
    from explorer.core.protocol import Histogram
    from explorer.gui.views.replicate_bands import pool_histograms

    a = Histogram(np.array([1, 2], dtype=np.int64), np.array([0.0, 1.0, 2.0], dtype=np.float32))
    b = Histogram(np.array([3, 4], dtype=np.int64), np.array([2.0, 3.0, 4.0], dtype=np.float32))
    pooled = pool_histograms([a, b])
    np.testing.assert_allclose(pooled.edges, [0.0, 2.0, 4.0])
    assert pooled.counts.tolist() == [3, 7]  # centres 0.5, 1.5 | 2.5, 3.5
    assert pool_histograms([a, None]) is None


def test_activation_and_norm_views_pick_a_seed(qtbot, replicated_snapshot) -> None:  # type: ignore[no-untyped-def]
    from explorer.gui.views import ActivationView, NormView

    for cls in (ActivationView, NormView):
        view = cls()
        qtbot.addWidget(view)
        view.resize(700, 400)
        view.show()
        view.update_snapshot(replicated_snapshot)
        assert view.seed_combo.count() == 3 and len(view.curves) == 2  # one per variant
        view.seed_combo.setCurrentIndex(1)
        assert view.last_snapshot().variants[1].name == "L2"
        assert view.last_snapshot().variants[1] is not replicated_snapshot.variants[4]  # renamed copy
        assert np.array_equal(
            view.last_snapshot().variants[1].weight_norm_history, replicated_snapshot.variants[4].weight_norm_history
        )


def test_network_diagram_lists_variants_and_picks_a_seed(qtbot, replicated_snapshot) -> None:  # type: ignore[no-untyped-def]
    """With 3 seeds per variant the diagram's list holds the 2 variants, not the 6 runs; the seed
    choice decides whose weights the links show."""
    from explorer.gui.views import NetworkDiagram

    snap = replicated_snapshot
    assert [v.name for v in snap.variants][:2] == ["plain [seed 0]", "plain [seed 1]"]
    view = NetworkDiagram()
    qtbot.addWidget(view)
    view.resize(700, 500)
    view.show()
    view.update_snapshot(snap)
    names = [view.variant_combo.itemText(i) for i in range(view.variant_combo.count())]
    assert names == ["plain", "L2"]
    seeds = [view.seed_combo.itemText(i) for i in range(view.seed_combo.count())]
    assert seeds == ["seed 0", "seed 1", "seed 2"] and view.seed_combo.isVisibleTo(view)
    view.set_selected_variant(1)
    view.seed_combo.setCurrentIndex(2)  # L2, seed 2: the 6th run
    shown = view.last_snapshot().variants[view.selected_variant()]
    run = snap.variants[5]
    assert run.name == "L2 [seed 2]" and shown.name == "L2"
    for a, b in zip(shown.linears, run.linears):
        assert np.array_equal(a.display_weights, b.display_weights)
    assert not np.array_equal(shown.linears[0].display_weights, snap.variants[3].linears[0].display_weights)
    # one variant, several seeds: no variant list, only the seed choice
    one = dataclasses.replace(snap, variants=snap.variants[:3])
    view.update_snapshot(one)
    assert not view.variant_combo.isVisibleTo(view) and view.seed_combo.isVisibleTo(view)


def test_regularization_panel_reads_out_each_variant_over_its_seeds(qtbot, replicated_snapshot) -> None:  # type: ignore[no-untyped-def]
    """One line per variant, the mean over its seeds (it listed every run, and an edited variant's
    index picked a run of the wrong variant)."""
    from explorer.gui.panels import RegularizationPanel

    snap = replicated_snapshot
    exp = sine_run(
        [{"width": 8}],
        {"training.epochs": 6, "training.replicates": 3},
        {"variants": [{"name": "plain", "set": {}}, {"name": "L2", "set": {"regularization.l2_lambda": 0.5}}]},
    )
    panel = RegularizationPanel(exp)
    qtbot.addWidget(panel)
    panel.update_snapshot(snap)
    lines = panel.penalty_readout.text().split("\n")
    assert [line.split(":")[0] for line in lines] == ["plain", "L2"]
    l2 = [snap.variants[i].history["penalty"][-1] for i in (3, 4, 5)]
    train = [snap.variants[i].history["train_loss"][-1] for i in (3, 4, 5)]
    assert lines[1] == f"L2: penalty {np.mean(l2):.4g} (train loss {np.mean(train):.4g}), mean of 3 seeds"
    assert np.mean(l2) > 0
    panel.select_variant(1)
    panel.update_snapshot(snap)
    assert panel.penalty_readout.text() == lines[1].removeprefix("L2: ")
