"""Shared by the bench_*.py files: print a table, record the figures, check them."""

from __future__ import annotations

import math
from typing import Any

from explorer.core.io import TARGETS, table


def report(title: str, figures: dict[str, Any], record: dict[str, Any], settings: dict[str, Any]) -> None:
    """Print the figures under a title, add them to the session's record, check them."""
    print(f"\n== {title} ==\n{table(figures)}")
    record.update(figures)
    numbers = {k: v for k, v in figures.items() if isinstance(v, float)}
    # a memory growth may be zero or negative; every other figure is a positive rate or time
    assert all(math.isfinite(v) and (v > 0 or k.startswith("rss_growth")) for k, v in numbers.items()), numbers
    if settings.get("strict"):
        missed = {k: v for k, v in figures.items() if k in TARGETS and v < TARGETS[k]}
        assert not missed, f"targets missed: {missed} (targets {TARGETS})"
