"""Shared by the bench_*.py files: print a table, record the figures, check them."""

from __future__ import annotations

import math
from typing import Any

from explorer.core.io import CEILINGS, TARGETS, table


def report(title: str, figures: dict[str, Any], record: dict[str, Any], settings: dict[str, Any]) -> None:
    """Print the figures under a title, add them to the session's record, check them."""
    print(f"\n== {title} ==\n{table(figures)}")
    record.update(figures)
    numbers = {k: v for k, v in figures.items() if isinstance(v, float)}
    # a memory growth may be zero or negative, a view that had nothing new to paint costs nothing;
    # every other figure is a positive rate or time
    assert all(
        math.isfinite(v) and (v > 0 or k.startswith(("rss_growth", "dashboard_view_"))) for k, v in numbers.items()
    ), numbers
    if settings.get("strict"):
        missed = {k: v for k, v in figures.items() if k in TARGETS and v < TARGETS[k]}
        missed.update({k: v for k, v in figures.items() if k in CEILINGS and v > CEILINGS[k]})
        assert not missed, f"targets missed: {missed} (targets {TARGETS}, ceilings {CEILINGS})"
