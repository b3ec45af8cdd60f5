"""GUI speed figures (explorer/gui/bench_gui.py): training beside a live window, fluidity, start-up, memory.

The window figures need a QApplication of their own; pytest-qt's is reused when present.
    .venv/bin/python -m pytest tests/benchmarks/bench_gui.py -o addopts="" -q -s --bench-rss-steps 1000000
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from explorer.gui import bench_gui
from tests.benchmarks.helpers import report


def test_live_vs_bare(bench_record, bench_settings, qapp) -> None:  # type: ignore[no-untyped-def]
    """The app open, every view painting on its ~30 Hz timer, trainer in its child process."""
    figures = bench_gui.live_vs_bare(bench_settings["seconds"], max(2, bench_settings["repeats"] // 3))
    report("live window vs bare loop (steps/s), paints/s, event-loop delay p99", figures, bench_record, bench_settings)


def test_startup(bench_record, bench_settings) -> None:  # type: ignore[no-untyped-def]
    report(
        "start-up: first paint and first training step (s, warm)", bench_gui.startup(3), bench_record, bench_settings
    )


def test_rss_growth(bench_record, bench_settings, qapp, request) -> None:  # type: ignore[no-untyped-def]
    steps = int(request.config.getoption("--bench-rss-steps"))
    report(
        f"resident memory over {steps} steps with views live (MB)",
        bench_gui.rss_growth(steps),
        bench_record,
        bench_settings,
    )
