"""Sweeps on an embedded Dask cluster: 2 worker processes against 1, and the cost of one chunk."""

from __future__ import annotations

from tests.benchmarks.helpers import report


def test_dask2_vs_dask1(bench_record, bench_settings) -> None:  # type: ignore[no-untyped-def]
    """One 8-chunk CPU-bound sweep on 2 local worker processes against 1 (target 1.7x on 2 cores)."""
    from explorer.core.sweep._dask_bench import dask2_vs_dask1

    report(
        "sweep on 2 Dask workers vs 1 (seconds)",
        dask2_vs_dask1(bench_settings["seconds"]),
        bench_record,
        bench_settings,
    )


def test_dask_chunk_overhead(bench_record, bench_settings) -> None:  # type: ignore[no-untyped-def]
    """Round trip of a chunk that trains nothing through DaskExecutor.map (ceiling 50 ms, median)."""
    from explorer.core.sweep._dask_bench import dask_chunk_overhead

    report("Dask chunk overhead (ms)", dask_chunk_overhead(bench_settings["repeats"]), bench_record, bench_settings)
