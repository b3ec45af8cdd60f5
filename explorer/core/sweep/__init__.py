"""Sweeps: one or two fields over a range, every cell with the experiment's seeds, results
streamed into a resumable folder. See _spec (what can be swept), _plan (cells, groups, chunks,
memory), _chunk (the unit of work every executor runs), _run (the loop), _folder (the files),
_stats (means over seeds, the best cell, the additivity readout); _dask and _place (chunks on a
Dask cluster: embedded processes or a lab's scheduler)."""

from explorer.core.sweep._chunk import CellTask, ChunkCancelled, ChunkResult, ChunkTask, run_chunk
from explorer.core.sweep._dask import DaskExecutor
from explorer.core.sweep._folder import SweepFolder, rows_to_csv
from explorer.core.sweep._messages import SweepError
from explorer.core.sweep._place import SweepPlace
from explorer.core.sweep._run import Executor, LocalExecutor, SweepPlan, plan_sweep, run_sweep
from explorer.core.sweep._spec import (
    CELL_LIMIT,
    METRICS,
    SWEEPABLE,
    Axis,
    SweepField,
    SweepSpec,
    lower_is_better,
    parse_axis,
    parse_values,
    sweep_field,
)
from explorer.core.sweep._stats import Additivity, CellStats, additivity, best_cell, cell_stats, metric_value

__all__ = [
    "Additivity",
    "Axis",
    "CELL_LIMIT",
    "CellStats",
    "CellTask",
    "ChunkCancelled",
    "ChunkResult",
    "ChunkTask",
    "DaskExecutor",
    "Executor",
    "LocalExecutor",
    "METRICS",
    "SWEEPABLE",
    "SweepError",
    "SweepField",
    "SweepFolder",
    "SweepPlace",
    "SweepPlan",
    "SweepSpec",
    "additivity",
    "best_cell",
    "cell_stats",
    "lower_is_better",
    "metric_value",
    "parse_axis",
    "parse_values",
    "plan_sweep",
    "rows_to_csv",
    "run_chunk",
    "run_sweep",
    "sweep_field",
]
