"""Speed figures of sweeps on a Dask cluster (`python -m explorer bench`, tests/benchmarks).

dask2_vs_dask1: one CPU-bound sweep (8 cells of a small MLP, one cell per chunk, 3 seeds)
on an embedded LocalCluster of 2 worker processes against 1, each with one torch thread; the
ratio of the times (higher is better; the issue's target on a 2-core machine is 1.7). Each
cluster is started and warmed (a chunk on every worker) before the clock starts: what is
measured is the sweep, not Python starting.

dask_chunk_overhead_ms: the median round trip of one chunk that trains nothing (a real
ChunkTask: the experiment and its cells go to the worker, a ChunkResult comes back) through
DaskExecutor.map: submit, schedule, transfer both ways, as_completed. The issue's ceiling is
50 ms. dask_chunk_throughput_ms: the same chunks submitted 50 at a time, time per chunk.

Figures from a busy machine are indicative only: take them on an idle one.
"""

from __future__ import annotations

import statistics
import time
from typing import Any

from explorer.core.config import Experiment
from explorer.core.io import _bench as bench
from explorer.core.sweep._dask import DaskExecutor
from explorer.core.sweep._dask_worker import echo_chunk
from explorer.core.sweep._run import plan_sweep, run_sweep
from explorer.core.sweep._spec import SweepSpec, parse_axis

TARGETS = {"dask2_vs_dask1": 1.7}
CEILINGS = {"dask_chunk_overhead_ms": 50.0}
CELLS = "0,1e-5,1e-4,3e-4,1e-3,3e-3,1e-2,3e-2"


def cpu_bound_experiment(epochs: int) -> Experiment:
    """A sine regression with a 1-64-64-1 MLP: small enough for one core, big enough to be CPU work."""
    return Experiment().with_values(
        {
            "dataset.kind": "sine",
            "dataset.n_train": 256,
            "dataset.n_val": 64,
            "dataset.n_test": 64,
            "network.layers": [{"width": 64}, {"width": 64}],
            "training.epochs": epochs,
            "training.batch_size": 32,
            "training.device": "cpu",
        }
    )


def _spec(values: str = CELLS) -> SweepSpec:
    # a memory limit that fits one cell of 3 seeds per chunk, so the chunks can be shared out
    return SweepSpec((parse_axis(f"regularization.l2_lambda={values}"),), seeds=3, max_memory_mb=3.0)


def _epochs_for(seconds_per_chunk: float) -> int:
    """Epochs that make one chunk last about `seconds_per_chunk` here (one torch thread)."""
    probe = 20
    with bench.torch_threads(1):
        plan = plan_sweep(cpu_bound_experiment(probe), _spec("0"))
        run_sweep(plan)  # warm: the first optimizer and the stacked engine load lazily
        started = time.perf_counter()
        run_sweep(plan)
        spent = time.perf_counter() - started
    return max(probe, int(probe * seconds_per_chunk / max(spent, 1e-3)))


def _timed_sweep(workers: int, epochs: int) -> float:
    with DaskExecutor(workers=workers) as executor:
        warm = plan_sweep(cpu_bound_experiment(1), _spec(",".join(str(i * 1e-3) for i in range(workers))))
        run_sweep(warm, executor)
        plan = plan_sweep(cpu_bound_experiment(epochs), _spec(), executor=executor)
        started = time.perf_counter()
        run_sweep(plan, executor)
        return time.perf_counter() - started


def register_targets() -> None:
    """The issue's target and ceiling, where bench.table and --bench-strict look for them."""
    bench.TARGETS.update(TARGETS)
    bench.CEILINGS.update(CEILINGS)


def dask2_vs_dask1(seconds: float = 8.0) -> dict[str, Any]:
    """2 worker processes against 1 on the same 8-chunk sweep (each run once: they take long)."""
    register_targets()
    epochs = _epochs_for(max(0.5, seconds / 4))
    one = _timed_sweep(1, epochs)
    two = _timed_sweep(2, epochs)
    return {"dask2_vs_dask1": one / two, "dask1_sweep_s": one, "dask2_sweep_s": two, "dask_sweep_epochs": epochs}


def dask_chunk_overhead(repeats: int = 9) -> dict[str, Any]:
    """Round trip of chunks that train nothing, one at a time (median) and 50 at once (mean)."""
    register_targets()
    plan = plan_sweep(cpu_bound_experiment(1), _spec())
    task = plan.tasks[0]
    with DaskExecutor(workers=1, function=echo_chunk) as executor:
        for _ in range(3):  # warm: the worker imports the sweep modules once
            list(executor.map([task]))
        trips = []
        for _ in range(max(10, 3 * repeats)):
            started = time.perf_counter()
            list(executor.map([task]))
            trips.append(time.perf_counter() - started)
        started = time.perf_counter()
        list(executor.map([task] * 50))
        batch = (time.perf_counter() - started) / 50
    return {"dask_chunk_overhead_ms": statistics.median(trips) * 1e3, "dask_chunk_throughput_ms": batch * 1e3}


def run_dask_figures(seconds: float = 8.0, repeats: int = 9) -> dict[str, Any]:
    """Every cluster figure."""
    figures = dask_chunk_overhead(repeats)
    figures.update(dask2_vs_dask1(seconds))
    return figures
