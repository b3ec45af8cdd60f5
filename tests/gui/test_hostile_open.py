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


def test_a_network_too_big_for_the_memory_is_not_applied_and_the_run_goes_on(qtbot, monkeypatch) -> None:
    win = open_window(qtbot, tiny_run())
    try:
        win.start(play=True)
        qtbot.waitUntil(lambda: win.painted_snapshot is not None and win.painted_snapshot.step > 0, timeout=60_000)
        kept = win.experiment
        monkeypatch.setenv("EXPLORER_MEMORY_AVAILABLE", str(10**6))  # a very small machine: 1 MB left
        win.network_panel.rows[0].width.setValue(4000)
        qtbot.waitUntil(lambda: "this experiment needs about" in win.banner.text(), timeout=60_000)
        assert "but this machine has 1.0 MB available" in win.banner.text()
        qtbot.waitUntil(lambda: win.experiment == kept, timeout=10_000)  # the edit is undone, the old run kept
        # the edit cleared the views; the kept run's next snapshot fills them again
        qtbot.waitUntil(lambda: win.painted_snapshot is not None, timeout=10_000)
        step = win.painted_snapshot.step
        qtbot.waitUntil(lambda: win.painted_snapshot.step > step, timeout=60_000)
    finally:
        close_window(win)
