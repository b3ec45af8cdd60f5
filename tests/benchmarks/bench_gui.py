"""GUI speed figures (explorer/gui/bench_gui.py): training beside a live window, fluidity, start-up, memory.

The window figures need a QApplication of their own; pytest-qt's is reused when present.
    .venv/bin/python -m pytest tests/benchmarks/bench_gui.py -o addopts="" -q -s --bench-rss-steps 1000000
"""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from explorer.gui import bench_gui
from tests.benchmarks.helpers import report


@pytest.mark.parametrize("suffix", list(bench_gui.LIVE_PRESETS), ids=list(bench_gui.LIVE_PRESETS.values()))
def test_live_vs_headless(bench_record, bench_settings, qapp, suffix) -> None:  # type: ignore[no-untyped-def]
    """A shipped preset as it opens, in the real window (default size and layout, child-process
    trainer), against the same experiment trained headless; fps, event-loop delay, snapshot share."""
    preset = bench_gui.LIVE_PRESETS[suffix]
    figures = bench_gui.live_vs_headless(preset, bench_settings["seconds"], max(2, bench_settings["repeats"] // 3))
    report(
        f"live window vs headless: {preset} (steps/s), paints/s, event-loop delay p99, snapshot share",
        {f"{k}{suffix}": v for k, v in figures.items()},
        bench_record,
        bench_settings,
    )


@pytest.mark.parametrize("suffix", list(bench_gui.LIVE_PRESETS), ids=list(bench_gui.LIVE_PRESETS.values()))
def test_dashboard_frames(bench_record, bench_settings, qapp, suffix) -> None:  # type: ignore[no-untyped-def]
    """One dashboard frame at 1600x900, update and paint per view (CPU ms of the GUI thread)."""
    from explorer.gui.bench_frames import dashboard_frames

    preset = bench_gui.LIVE_PRESETS[suffix]
    figures = dashboard_frames(bench_gui.live_experiment(preset))
    report(
        f"dashboard frame: {preset} (ms)",
        {f"dashboard_{k}{suffix}": v for k, v in figures.items()},
        bench_record,
        bench_settings,
    )


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
