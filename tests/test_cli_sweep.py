"""`python -m explorer sweep`: files, resume, one line per cell when not a terminal, Ctrl+C, bad specs."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import torch

from explorer.cli import main

REPO = Path(__file__).resolve().parents[1]
ENV = {**os.environ, "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}

EXPERIMENT = """
[dataset]
kind = "sine"
n_train = 16
n_val = 8
n_test = 8

[[network.layers]]
width = 12

[training]
epochs = 3
device = "cpu"

[sweep]
axes = [{ path = "regularization.l2_lambda", values = "0,0.01" }]
seeds = 2
"""


@pytest.fixture(autouse=True)
def _one_thread():  # type: ignore[no-untyped-def]
    before = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(before)


@pytest.fixture()
def experiment_file(tmp_path: Path) -> Path:
    path = tmp_path / "exp.toml"
    path.write_text(EXPERIMENT)
    return path


def test_sweep_from_the_file_table_writes_and_resumes(experiment_file: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "out"
    assert main(["sweep", str(experiment_file), "--out", str(out)]) == 0
    captured = capsys.readouterr()
    lines = [line for line in captured.err.splitlines() if line.startswith("cell ")]
    assert len(lines) == 2 and lines[0].startswith("cell 1/2 regularization.l2_lambda=0: final_test_loss")
    assert "(SD over 2 seeds)" in lines[0] and "left]" in lines[0]
    assert "best: regularization.l2_lambda=" in captured.out
    with (out / "sweep.csv").open() as fh:
        rows = list(csv.DictReader(fh))
    assert [(r["regularization.l2_lambda"], r["seed"]) for r in rows] == [
        ("0.0", "0"),
        ("0.0", "1"),
        ("0.01", "0"),
        ("0.01", "1"),
    ]
    doc = json.loads((out / "sweep.json").read_text())
    assert doc["complete"] and doc["experiment"]["training"]["replicates"] == 2
    assert main(["sweep", str(experiment_file), "--out", str(out)]) == 0
    err = capsys.readouterr().err
    assert "2 cells already in" in err and "cell 1/2" not in err


def test_axis_seeds_and_epochs_from_the_command_line(experiment_file: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "grid"
    code = main(
        ["sweep", str(experiment_file), "--out", str(out), "--seeds", "1", "--epochs", "2"]
        + ["--axis", "network.layers.0.dropout_p=0,0.5", "--axis", "regularization.l2_lambda=0,0.01", "--quiet"]
    )
    assert code == 0
    out_text = capsys.readouterr().out
    assert "additivity:" in out_text and "undecided: one seed" in out_text
    doc = json.loads((out / "sweep.json").read_text())
    assert len(doc["rows"]) == 4 and {r["steps"] for r in doc["rows"]} == {2}


@pytest.mark.parametrize(
    "axis, message",
    [
        (
            "regularization.l2_lambda=log:0:1:3",
            "error: regularization.l2_lambda: 'log:0:1:3': a log range must stay above 0",
        ),
        ("dataset.kind=1,2", "error: dataset.kind: cannot be swept"),
        ("regularization.l2_lambda=lin:0:1:101", None),
    ],
)
def test_bad_specs_end_in_one_line_and_exit_2(experiment_file: Path, tmp_path: Path, capsys, axis, message) -> None:  # type: ignore[no-untyped-def]
    args = ["sweep", str(experiment_file), "--out", str(tmp_path / "o"), "--axis", axis]
    if message is None:  # 101 x 100 cells
        args += ["--axis", "optimizer.lr=lin:0.01:1:100"]
        message = "error: regularization.l2_lambda, optimizer.lr: 101 x 100 = 10100 cells is over the limit of 10000"
    assert main(args) == 2
    err = capsys.readouterr().err
    assert err.startswith(message) and err.count("\n") == 1
    assert not (tmp_path / "o" / "sweep.json").exists()  # refused before anything trained


def test_ctrl_c_keeps_finished_cells(experiment_file: Path, tmp_path: Path, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from explorer.core.sweep import _run

    real = _run.run_chunk
    calls = []

    def interrupted_second(task, **kw):  # type: ignore[no-untyped-def]
        calls.append(task)
        if len(calls) == 2:
            raise KeyboardInterrupt
        return real(task, **kw)

    monkeypatch.setattr(_run, "run_chunk", interrupted_second)
    out = tmp_path / "o"
    args = ["sweep", str(experiment_file), "--out", str(out), "--max-memory-mb", "0.03", "--seeds", "1"]
    assert main(args) == 130
    assert "interrupted: 1 of 2 cells are in" in capsys.readouterr().err
    assert len(json.loads((out / "sweep.json").read_text())["rows"]) == 1
    monkeypatch.setattr(_run, "run_chunk", real)
    assert main(args) == 0
    assert "1 cells already in" in capsys.readouterr().err
    assert len(json.loads((out / "sweep.json").read_text())["rows"]) == 2


def test_the_command_runs_as_a_user_runs_it(experiment_file: Path, tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "explorer", "sweep", str(experiment_file), "--out", str(tmp_path / "s")],
        cwd=REPO,
        env=ENV,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "s" / "sweep.csv").exists() and "cell 2/2" in done.stderr


def test_check_validates_the_sweep_table(experiment_file: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["check", str(experiment_file)]) == 0
    assert "sweep regularization.l2_lambda (2) = 2 cells x 2 seeds" in capsys.readouterr().out
    bad = tmp_path / "bad.toml"
    bad.write_text(EXPERIMENT.replace('values = "0,0.01"', 'values = "log:0:1:3"'))
    assert main(["check", str(bad)]) == 2
    assert "a log range must stay above 0" in capsys.readouterr().err


def test_figures_option_writes_the_sweep_view(experiment_file: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    out = tmp_path / "f"
    assert main(["sweep", str(experiment_file), "--out", str(out), "--figures", "png", "--quiet"]) == 0
    assert (out / "figures" / "sweep.png").read_bytes()[:4] == b"\x89PNG"
    assert main(["sweep", str(experiment_file), "--out", str(out), "--figures", "gif"]) == 2
    assert "--figures: 'gif' is not a figure format; use png, svg, pdf" in capsys.readouterr().err
