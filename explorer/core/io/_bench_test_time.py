"""Benchmark figure `mc50_cost`: what dropout at test time (T = 50 passes) costs the training run.

The dropout-regression preset (both variants, 1-200-200-200-1, 10 points) trains in a loop that builds a
snapshot on the session's clock (SNAPSHOT_INTERVAL_S), as the trainer process does while the window is
open: once with the test-time view off, once with views.test_time_passes = 50, in alternating bursts (see
_bench.compare). mc50_cost = 1 - (steps/s with the view on) / (steps/s with it off): the share of training
throughput the passes take. Target: at most 0.10 (training/_test_time.py keeps the passes within BUDGET).
"""

from __future__ import annotations

import time
from typing import Any

from explorer.core.config import load_preset
from explorer.core.io._bench import FOREVER, Step, compare, torch_threads
from explorer.core.protocol import SetValue
from explorer.core.training import Trainer

SNAPSHOT_INTERVAL_S = 1 / 40  # the session's clock (session/_session.py; io sits below session)


def _trainer(passes: int) -> Trainer:
    exp = load_preset("dropout-regression").with_values({"training.epochs": FOREVER, "training.device": "cpu"})
    trainer = Trainer(exp)
    if passes:
        trainer.apply(SetValue("views.test_time_passes", passes))
    return trainer


def _on_the_snapshot_clock(trainer: Trainer) -> Step:
    """One training step, and a snapshot whenever SNAPSHOT_INTERVAL_S has passed since the last one."""
    last = [time.perf_counter()]

    def step() -> int:
        trainer.step()
        now = time.perf_counter()
        if now - last[0] >= SNAPSHOT_INTERVAL_S:
            last[0] = now
            trainer.snapshot(state="running")
        return 1

    return step


def mc50_cost(seconds: float = 8.0, repeats: int = 7, passes: int = 50) -> dict[str, Any]:
    with torch_threads(1):
        off, on = _trainer(0), _trainer(passes)
        r = compare(_on_the_snapshot_clock(off), _on_the_snapshot_clock(on), repeats=repeats, burst_seconds=seconds)
    return {
        "mc50_cost": 1.0 - r["ratio"],
        "mc50_cost_cpu": 1.0 - r["ratio_cpu"],
        "mc50_steps_per_s_off": r["a"],
        "mc50_steps_per_s_on": r["b"],
        "mc50_draws": on.test_time.draws,
        "mc50_draw_ms": 1000.0 * on.test_time.last_seconds,
    }
