"""File > Open on a hostile experiment file: refused at once, with a short banner (the window never freezes)."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from tests.gui.windows import close_window, open_window, tiny_run


@pytest.mark.parametrize(
    "name, text, words",
    [
        ("dotted.toml", "a" + ".a" * 40_000 + " = 1\n", "dotted key of more than 64 parts"),
        ("keys.toml", "\n".join(f"k{i} = 1" for i in range(150_000)), "key = value pairs"),
        (
            "variants.json",
            json.dumps({"variants": [{"name": f"v{i}", "set": {"optimizer.lr": 0.1}} for i in range(100_000)]}),
            "a list of 100,000 items",
        ),
    ],
)
def test_opening_a_hostile_file_is_refused_at_once(qtbot, tmp_path: Path, name: str, text: str, words: str) -> None:
    path = tmp_path / name
    path.write_text(text)
    win = open_window(qtbot, tiny_run())
    try:
        before = win.experiment
        start = time.perf_counter()
        assert not win.open_experiment_file(str(path))
        assert time.perf_counter() - start < 3.0  # was 32 s (TOML) and 40 s (JSON) of a frozen window
        assert win.banner.isVisible() and words in win.banner.text()
        assert len(win.banner.text()) < 500  # was a 3 MB banner over the dashboard
        assert win.experiment == before
    finally:
        close_window(win)
