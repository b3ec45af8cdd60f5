"""Core speed figures (explorer/core/io/_bench.py): the trainer against a bare PyTorch loop."""

from __future__ import annotations

from explorer.core.io import bench
from tests.benchmarks.helpers import report


def test_machine(bench_record, bench_settings) -> None:  # type: ignore[no-untyped-def]
    report("machine", bench.machine(), bench_record, bench_settings)


def test_trainer_vs_bare(bench_record, bench_settings) -> None:  # type: ignore[no-untyped-def]
    """Trainer.step on the dropout-regression preset (no variants) against nn.Sequential + SGD."""
    figures = bench.trainer_vs_bare(bench_settings["seconds"], bench_settings["repeats"])
    report("trainer vs bare loop (1-200-200-200-1, p = 0.5, 10 points; steps/s)", figures, bench_record, bench_settings)


def test_compare8_vs_sequential(bench_record, bench_settings) -> None:  # type: ignore[no-untyped-def]
    """8 variants in lockstep: the stacked engine against 8 separate models (rounds/s)."""
    figures = bench.compare8_vs_sequential(bench_settings["seconds"], bench_settings["repeats"])
    report("compare mode: 8 variants stacked vs one after another (rounds/s)", figures, bench_record, bench_settings)


def test_mlp_vs_bare(bench_record, bench_settings) -> None:  # type: ignore[no-untyped-def]
    """The image preset's shape (784-256-256-10, batch 256, dropout 0.2/0.5, SGD lr 0.5)."""
    figures = bench.mlp_vs_bare(bench_settings["seconds"], max(3, bench_settings["repeats"] - 2))
    report("image preset shape vs bare loop with index batching (samples/s)", figures, bench_record, bench_settings)


def test_fashion_epoch_vs_bare(bench_record, bench_settings) -> None:  # type: ignore[no-untyped-def]
    """One epoch of the d2l MLP on Fashion-MNIST's 60k images (synthetic ones of that size when the set is
    not cached) with its evaluation, against a bare loop that trains and evaluates the 10k test images."""
    from explorer.core.io._bench_fashion import fashion_accuracy_vs_bare, fashion_epoch_vs_bare, fashion_peak_rss

    figures = fashion_epoch_vs_bare(max(2, bench_settings["repeats"] // 3))
    figures.update(fashion_accuracy_vs_bare())
    figures.update(fashion_peak_rss())
    report("Fashion-MNIST epoch (d2l MLP, batch 256) vs bare loop (samples/s)", figures, bench_record, bench_settings)


def test_mc50_cost(bench_record, bench_settings) -> None:  # type: ignore[no-untyped-def]
    """Dropout at test time, T = 50, on the dropout-regression preset: the share of steps/s it costs."""
    from explorer.core.io._bench_test_time import mc50_cost

    figures = mc50_cost(bench_settings["seconds"], max(3, bench_settings["repeats"] - 2))
    report("dropout at test time, T = 50 (share of training throughput)", figures, bench_record, bench_settings)
    assert figures["mc50_cost"] <= 0.10


def test_sweep24_vs_sequential(bench_record, bench_settings) -> None:  # type: ignore[no-untyped-def]
    """8 dropout values x 3 seeds of the d2l MLP as one sweep against 24 bare loops one after another."""
    from explorer.core.sweep._bench import sweep24_vs_sequential

    report("sweep of 24 runs vs 24 bare loops (seconds)", sweep24_vs_sequential(), bench_record, bench_settings)


def test_replicates_overhead(bench_record, bench_settings) -> None:  # type: ignore[no-untyped-def]
    """5 replicates of one variant against 1 (steps/s; the cost factor should be at most 2.5)."""
    from explorer.core.sweep._bench import replicates_overhead

    figures = replicates_overhead(bench_settings["seconds"], bench_settings["repeats"])
    report("replicates: 5 seeds stacked vs 1 (steps/s)", figures, bench_record, bench_settings)
