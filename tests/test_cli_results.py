"""`run --out` keeps a run's results whole: checked before training, one set of files, a lock,
Ctrl+C writes what was trained, and an unforeseen error is one line plus a report file."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from explorer.cli import main
from explorer.core.io import load_checkpoint
from tests.test_cli import ENV, REPO, assert_clean_failure_in_process


@pytest.fixture()
def run_main(capsys, one_torch_thread):  # type: ignore[no-untyped-def]
    """`python -m explorer ARGS` in this process: (rc, out, err)."""

    def call(*args: object) -> tuple[int, str, str]:
        rc = main([str(a) for a in args])
        captured = capsys.readouterr()
        return rc, captured.out, captured.err

    return call


RESULTS = ("experiment.json", "metrics.json", "metrics.csv", "checkpoint.pt")


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_an_output_folder_that_cannot_be_written_fails_before_training(tmp_path, run_main, monkeypatch) -> None:
    import explorer.core.training as training

    def no_training(*_a, **_k):
        raise AssertionError("training started before the output folder was checked")

    monkeypatch.setattr(training, "build_runner", no_training)
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    line = assert_clean_failure_in_process(
        run_main("run", "--preset", "dropout-regression", "--epochs", "3", "--out", blocker / "out", "--quiet"),
        "cannot write into",
        "nothing was trained",
    )
    assert str(blocker / "out") in line
    assert_clean_failure_in_process(
        run_main("run", "--preset", "dropout-regression", "--epochs", "3", "--out", blocker, "--quiet"),
        "exists and is not a folder",
    )


def test_an_empty_out_is_refused(tmp_path, run_main, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    for empty in ("", "  "):
        assert_clean_failure_in_process(
            run_main("run", "--preset", "dropout-regression", "--epochs", "3", "--out", empty, "--quiet"),
            '--out "": name the output folder',
        )
    assert list(tmp_path.iterdir()) == []


def test_a_second_run_into_a_folder_in_use_is_refused(tmp_path, run_main) -> None:
    from explorer.core.io._run_folder import RunFolder

    out = tmp_path / "out"
    assert (
        run_main("run", "--preset", "dropout-regression", "--epochs", "3", "--seed", "11", "--out", out, "--quiet")[0]
        == 0
    )
    before = _tree(out)
    with RunFolder(out):  # another run holds it
        assert_clean_failure_in_process(
            run_main("run", "--preset", "dropout-regression", "--epochs", "3", "--seed", "22", "--out", out, "--quiet"),
            "is in use by another run",
        )
    assert _tree(out) == before
    # once it is free, the next run replaces the whole set
    assert (
        run_main("run", "--preset", "dropout-regression", "--epochs", "3", "--seed", "22", "--out", out, "--quiet")[0]
        == 0
    )
    assert json.loads((out / "experiment.json").read_text())["training"]["seed"] == 22
    assert load_checkpoint(out / "checkpoint.pt")["experiment"].training.seed == 22
    assert sorted(_tree(out)) == sorted(RESULTS)


def test_a_failed_write_leaves_the_earlier_run_whole(tmp_path, run_main, monkeypatch) -> None:
    import explorer.core.io._checkpoint as checkpoint
    from explorer.core.protocol import ExportError

    out = tmp_path / "out"
    assert (
        run_main("run", "--preset", "dropout-regression", "--epochs", "3", "--seed", "11", "--out", out, "--quiet")[0]
        == 0
    )
    before = _tree(out)

    def disk_full(*_a, **_k):
        raise ExportError("cannot write checkpoint.pt: No space left on device")

    monkeypatch.setattr(checkpoint, "save_checkpoint", disk_full)
    assert_clean_failure_in_process(
        run_main("run", "--preset", "dropout-regression", "--epochs", "3", "--seed", "22", "--out", out, "--quiet"),
        "No space left on device",
    )
    assert _tree(out) == before  # no new experiment.json beside the old metrics, no staging folder left


def test_interrupted_training_writes_what_was_trained(tmp_path) -> None:
    from explorer.core.config import load_preset
    from explorer.core.io import run_headless

    calls = []

    def ctrl_c_after_five_steps(runner) -> None:
        calls.append(runner.step_count)
        if len(calls) == 6:
            os.kill(os.getpid(), signal.SIGINT)

    exp = load_preset("dropout-regression").with_values({"training.epochs": 100_000})
    result = run_headless(exp, tmp_path / "out", progress=False, observer=ctrl_c_after_five_steps)
    assert result.interrupted
    summary = json.loads((tmp_path / "out" / "metrics.json").read_text())["summary"]
    assert summary["interrupted"] is True and summary["steps"] == 5
    payload = load_checkpoint(tmp_path / "out" / "checkpoint.pt")
    assert payload["step"] == 5 and payload["epoch"] == summary["epochs"] < 100_000
    assert "interrupted at epoch" in result.describe()


def test_ctrl_c_on_the_command_line_keeps_the_run(tmp_path) -> None:
    out = tmp_path / "out"
    proc = subprocess.Popen(
        [sys.executable, "-m", "explorer", "run", "--preset", "dropout-regression", "--epochs", "10000000"]
        + ["--out", str(out), "--quiet"],
        cwd=REPO,
        env=ENV,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 90
        while not any(out.glob(".staging-*")) and time.monotonic() < deadline:
            time.sleep(0.2)
        time.sleep(1.0)  # training under way
        proc.send_signal(signal.SIGINT)
        stdout, stderr = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == 130, stderr
    assert "Traceback" not in stderr and "interrupted at epoch" in stdout
    assert sorted(p.name for p in out.iterdir()) == sorted(RESULTS)
    assert json.loads((out / "metrics.json").read_text())["summary"]["interrupted"] is True


@pytest.mark.parametrize(
    "error, words",
    [(RuntimeError("boom\nsecond line"), "unexpected RuntimeError: boom"), (MemoryError(), "out of memory")],
)
def test_an_unforeseen_error_is_one_line_and_a_report(run_main, monkeypatch, tmp_path, error, words) -> None:
    import explorer.cli as cli

    monkeypatch.setenv("TMPDIR", str(tmp_path))
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", None)

    def fail() -> int:
        raise error

    monkeypatch.setattr(cli, "cmd_presets", fail)
    line = assert_clean_failure_in_process(run_main("presets"), words, "the full report is in")
    report = Path(line.rsplit(" ", 1)[-1])
    assert report.parent == tmp_path and report.is_file()
    text = report.read_text()
    assert "Traceback" in text and "command: python -m explorer presets" in text


def test_check_of_a_file_with_many_problems_prints_a_bounded_list(tmp_path, run_main) -> None:
    path = tmp_path / "unknown.toml"
    path.write_text("\n".join(f"unknown_{i} = 1" for i in range(1_500)))
    rc, out, err = run_main("check", path)
    assert rc == 2
    assert "and 1,480 more problems" in err and len(err) < 3_000  # was 7 MB for 150k keys
    path.write_text("\n".join(f"unknown_{i} = 1" for i in range(150_000)))
    rc, out, err = run_main("check", path)
    assert rc == 2 and "more than 20,000 key = value pairs" in err and len(err) < 300


def test_an_experiment_too_big_for_the_memory_is_refused_on_the_command_line(tmp_path, run_main, monkeypatch) -> None:
    monkeypatch.setenv("EXPLORER_MEMORY_AVAILABLE", str(2 * 10**9))
    layers = json.dumps([{"width": 4096}] * 12)
    line = assert_clean_failure_in_process(
        run_main(
            "run",
            "--preset",
            "dropout-mlp",
            "--set",
            f"network.layers={layers}",
            "--set",
            "training.batch_size=1000000",
            "--out",
            tmp_path / "out",
            "--quiet",
        ),
        "this experiment needs about",
        "but this machine has 2.0 GB available",
    )
    assert len(line) < 400
    assert not (tmp_path / "out").exists()
