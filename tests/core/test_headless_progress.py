"""The command line's progress: a bar on a terminal, a plain line every few seconds in a log."""

from __future__ import annotations

import io

from explorer.core.config import load_preset
from explorer.core.io import run_headless
from explorer.core.io._headless import LineProgress, _progress


class Clock:
    def __init__(self) -> None:
        self.t = 0.0

    def __call__(self) -> float:
        return self.t


def test_a_log_gets_one_line_every_few_seconds_not_one_per_update():
    out, clock = io.StringIO(), Clock()
    bar = LineProgress(3000, out, interval=5.0, clock=clock)
    for _ in range(3000):  # one epoch per update, 3 ms apart: 9 s in all
        clock.t += 0.003
        bar.update(1)
    bar.close()
    lines = out.getvalue().splitlines()
    assert lines == ["epoch 1667 / 3000 (56 %), 5 s"]


def test_the_bar_is_chosen_by_whether_the_output_is_a_terminal():
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    assert isinstance(_progress(10, True, io.StringIO()), LineProgress)
    assert not isinstance(_progress(10, True, Terminal()), LineProgress)
    assert _progress(10, False) is None


def test_a_short_run_into_a_pipe_writes_no_progress_lines(tmp_path, capsys, one_torch_thread):
    """A 3000-epoch run used to write about 750 progress lines into a log."""
    exp = load_preset("weight-decay-highdim").with_values({"training.epochs": 300})
    run_headless(exp, tmp_path, progress=True)
    assert capsys.readouterr().err.count("epoch") <= 1  # at most one line in a run of a few seconds
