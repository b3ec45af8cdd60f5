"""`python -m explorer sweep --scheduler ...` against real `dask scheduler` and `dask worker`
processes on 127.0.0.1: a worker killed mid-sweep, a scheduler that goes away, a worker with
other versions, a scheduler that is not there. Every process is stopped, also on failure
(tests/dask_processes.py), and every wait is bounded."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest
import torch

from explorer.cli import main
from explorer.core.config import load_experiment
from explorer.core.sweep import SweepSpec, parse_axis, plan_sweep, run_sweep
from tests.dask_processes import REPO, DaskProcesses, dask_processes, env, free_port, kill_group, wait_until

__all__ = ["dask_processes"]  # the fixture

pytestmark = pytest.mark.slow

EXPERIMENT = """
[dataset]
kind = "sine"
n_train = 64
n_val = 16
n_test = 16

[[network.layers]]
width = 32

[training]
epochs = {epochs}
batch_size = 16
device = "cpu"
"""
LAMBDAS = "0,1e-4,1e-3,1e-2,3e-2,0.1"
MEMORY_MB = "0.2"  # one cell per chunk: six chunks


def sweep_args(exp: Path, out: Path, address: str, seeds: int = 2) -> list[str]:
    return ["sweep", str(exp), "--out", str(out), "--axis", f"regularization.l2_lambda={LAMBDAS}"] + [
        "--seeds",
        str(seeds),
        "--max-memory-mb",
        MEMORY_MB,
        "--scheduler",
        address,
    ]


def start_cli(args: list[str], logs: Path) -> subprocess.Popen[bytes]:
    out = (logs / "cli.log").open("wb")
    proc = subprocess.Popen(
        [sys.executable, "-m", "explorer", *args],
        stdout=out,
        stderr=subprocess.STDOUT,
        env=env(),
        cwd=REPO,
        start_new_session=True,
    )
    out.close()
    return proc


def finish(proc: subprocess.Popen[bytes], timeout: float) -> int:
    try:
        return proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        kill_group(proc)
        raise AssertionError(f"the sweep did not end within {timeout} s") from None


def in_process_rows(exp: Path, seeds: int = 2) -> list[dict]:
    before = torch.get_num_threads()
    torch.set_num_threads(1)
    try:
        spec = SweepSpec((parse_axis(f"regularization.l2_lambda={LAMBDAS}"),), seeds=seeds, max_memory_mb=0.2)
        return run_sweep(plan_sweep(load_experiment(exp), spec))
    finally:
        torch.set_num_threads(before)


def results(rows: list[dict]) -> list[dict]:
    return [{k: v for k, v in r.items() if k != "seconds"} for r in json.loads(json.dumps(rows))]


def done_cells(out: Path) -> int:
    try:
        return len({r["cell"] for r in json.loads((out / "sweep.json").read_text())["rows"]})
    except (OSError, ValueError):
        return 0


def test_a_worker_killed_mid_sweep_loses_no_cell(dask_processes: DaskProcesses, tmp_path: Path) -> None:
    from distributed import Client

    exp = tmp_path / "exp.toml"
    exp.write_text(EXPERIMENT.format(epochs=150))
    out = tmp_path / "out"
    address = dask_processes.scheduler()
    victim = dask_processes.worker("victim")
    dask_processes.worker("survivor")
    names = dask_processes.wait_for_workers(2)
    cli = start_cli(sweep_args(exp, out, address), dask_processes.logs)
    dask_processes.procs.append(cli)  # stopped with the others whatever happens
    with Client(address, timeout=10, set_as_default=False) as watcher:

        def victim_is_training() -> bool:
            busy = watcher.processing(workers=[names["victim"]]).get(names["victim"], ())
            return done_cells(out) >= 1 and any("explorer-chunk" in str(k) for k in busy)

        wait_until(victim_is_training, 120, "a finished cell and a chunk on the victim worker")
        time.sleep(0.5)  # into the chunk's training
        kill_group(victim)
        assert finish(cli, 180) == 0, dask_processes.log("cli")
    log = dask_processes.log("cli")
    doc = json.loads((out / "sweep.json").read_text())
    assert doc["complete"]
    keys = [(r["cell"], r["seed"]) for r in doc["rows"]]
    assert sorted(keys) == sorted({(str(i), s) for i in range(6) for s in (0, 1)})  # every cell once
    assert results(doc["rows"]) == results(in_process_rows(exp))  # bit for bit
    assert "cells per worker:" in log and names["survivor"] in log and "Traceback" not in log


def test_a_scheduler_that_goes_away_ends_the_sweep_with_one_line(dask_processes: DaskProcesses, tmp_path: Path) -> None:
    exp = tmp_path / "exp.toml"
    exp.write_text(EXPERIMENT.format(epochs=150))
    out = tmp_path / "out"
    address = dask_processes.scheduler()
    dask_processes.worker("only")
    dask_processes.wait_for_workers(1)
    cli = start_cli(sweep_args(exp, out, address), dask_processes.logs)
    dask_processes.procs.append(cli)
    wait_until(lambda: done_cells(out) >= 1 or cli.poll() is not None, 120, "a finished cell")
    kill_group(dask_processes.scheduler_proc)
    assert finish(cli, 90) == 2
    log = dask_processes.log("cli")
    assert f"the Dask scheduler at {address} went away; every finished cell is kept" in log, log
    assert "Traceback" not in log
    kept = done_cells(out)
    assert 1 <= kept < 6
    reference = results(in_process_rows(exp))
    ref = {(r["cell"], r["seed"]): r for r in reference}
    for row in results(json.loads((out / "sweep.json").read_text())["rows"]):
        assert row == ref[(row["cell"], row["seed"])]
    # the folder is the one truth: the same command without --scheduler finishes it here
    before = torch.get_num_threads()
    try:
        assert main(sweep_args(exp, out, address)[:-2] + ["--quiet"]) == 0
    finally:
        torch.set_num_threads(before)
    doc = json.loads((out / "sweep.json").read_text())
    assert doc["complete"] and results(doc["rows"]) == reference


def test_a_worker_with_other_versions_is_refused(dask_processes: DaskProcesses, tmp_path: Path) -> None:
    exp = tmp_path / "exp.toml"
    exp.write_text(EXPERIMENT.format(epochs=2))
    address = dask_processes.scheduler()
    dask_processes.worker("old", preload=str(REPO / "tests" / "dask_fake_version.py"))
    names = dask_processes.wait_for_workers(1)
    cli = start_cli(sweep_args(exp, tmp_path / "out", address), dask_processes.logs)
    dask_processes.procs.append(cli)
    assert finish(cli, 90) == 2
    log = dask_processes.log("cli")
    import explorer

    line = (
        f"worker {names['old']} is refused: it runs explorer 0.0.1-other with torch {torch.__version__}, "
        f"this computer explorer {explorer.__version__} with torch {torch.__version__}"
    )
    assert line in log, log
    assert "Traceback" not in log
    assert done_cells(tmp_path / "out") == 0


def test_an_unreachable_scheduler_is_one_line(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    exp = tmp_path / "exp.toml"
    exp.write_text(EXPERIMENT.format(epochs=2))
    address = f"tcp://127.0.0.1:{free_port()}"
    started = time.monotonic()
    code = main([*sweep_args(exp, tmp_path / "out", address), "--connect-timeout", "2"])
    err = capsys.readouterr().err
    assert code == 2 and time.monotonic() - started < 60
    assert f"no Dask scheduler answers at {address} (waited 2 s)" in err
    assert "Traceback" not in err


@pytest.mark.parametrize(
    ("extra", "words"),
    [
        (["--scheduler", "10.0.0.5"], "--scheduler: '10.0.0.5' is not a scheduler address; use tcp://HOST:PORT"),
        (["--workers", "0"], "--workers: '0' is not allowed; use a whole number of processes from 1 to 512"),
    ],
)
def test_bad_cluster_options_are_one_line(tmp_path: Path, capsys, extra: list[str], words: str) -> None:  # type: ignore[no-untyped-def]
    exp = tmp_path / "exp.toml"
    exp.write_text(EXPERIMENT.format(epochs=2))
    args = ["sweep", str(exp), "--out", str(tmp_path / "out"), "--axis", "regularization.l2_lambda=0,0.1", *extra]
    assert main(args) == 2
    err = capsys.readouterr().err
    assert words in err and "Traceback" not in err
    assert not (tmp_path / "out" / "sweep.json").exists() or done_cells(tmp_path / "out") == 0


def test_ctrl_c_on_local_workers_keeps_the_finished_cells_quietly(tmp_path: Path) -> None:
    """--workers N: Ctrl+C reaches the whole process group; the sweep stops its workers itself."""
    import os
    import signal

    exp = tmp_path / "exp.toml"
    exp.write_text(EXPERIMENT.format(epochs=600))
    out = tmp_path / "out"
    args = sweep_args(exp, out, "unused")[:-2] + ["--workers", "2"]
    cli = start_cli(args, tmp_path)
    try:
        wait_until(lambda: done_cells(out) >= 1 or cli.poll() is not None, 180, "a finished cell")
        os.killpg(cli.pid, signal.SIGINT)
        assert finish(cli, 90) == 130
    finally:
        kill_group(cli)
    log = (tmp_path / "cli.log").read_text()
    assert "rerun the same command to go on" in log and "Traceback" not in log, log
    assert 1 <= done_cells(out) < 6
