"""Benchmarks: run only on request (pyproject's addopts ignores this folder).

    .venv/bin/python -m pytest tests/benchmarks -o addopts="" -q -s -p no:cacheprovider
    .venv/bin/python -m pytest tests/benchmarks -o addopts="" -q -s --bench-seconds 20 --bench-json figures.json

Files named bench_*.py are collected here; each test prints a table of
figures (ratios against a bare PyTorch loop in the same process) and fails
only when a figure is not a number, or, with --bench-strict, misses its
target.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("benchmarks")
    group.addoption(
        "--bench-seconds", type=float, default=8.0, help="seconds of measurement per comparison (default 8)"
    )
    group.addoption("--bench-repeats", type=int, default=9, help="alternating burst pairs per comparison (default 9)")
    group.addoption("--bench-json", default=None, help="also write every figure to this JSON file")
    group.addoption("--bench-strict", action="store_true", help="fail when a figure misses its target")
    group.addoption(
        "--bench-rss-steps",
        type=int,
        default=100_000,
        help="training steps for the memory figure (the issue's figure: 1000000)",
    )


def pytest_collect_file(file_path: Path, parent: pytest.Collector):  # type: ignore[no-untyped-def]
    # a file named on the command line is collected by pytest itself
    if file_path.suffix == ".py" and file_path.name.startswith("bench_") and not parent.session.isinitpath(file_path):
        return pytest.Module.from_parent(parent, path=file_path)
    return None


@pytest.fixture(scope="session")
def bench_settings(request: pytest.FixtureRequest) -> dict:  # type: ignore[type-arg]
    config = request.config
    return {
        "seconds": config.getoption("--bench-seconds"),
        "repeats": config.getoption("--bench-repeats"),
        "strict": config.getoption("--bench-strict"),
    }


@pytest.fixture(scope="session")
def bench_record(request: pytest.FixtureRequest):  # type: ignore[no-untyped-def]
    """Collects every test's figures; written to --bench-json at the end of the session."""
    figures: dict = {}
    yield figures
    path = request.config.getoption("--bench-json")
    if path:
        Path(path).write_text(json.dumps(figures, indent=1, sort_keys=True) + "\n")
