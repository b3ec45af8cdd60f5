"""Sweeps on a Dask LocalCluster (worker processes on 127.0.0.1): the same bits as in-process,
progress and cells per worker, cancel stopping the chunks that run, file sets (a path the
workers must see, or data sent once), the version check, and no `distributed` at app start."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path
from typing import Iterator

import pytest

from explorer.core.config import Experiment
from explorer.core.sweep import ChunkCancelled, SweepError, SweepSpec, parse_axis, plan_sweep, run_sweep
from explorer.core.sweep._dask import DaskExecutor, check_address
from tests.core.small_runs import sine_run

pytestmark = [pytest.mark.usefixtures("one_torch_thread"), pytest.mark.slow]
REPO = Path(__file__).resolve().parents[2]


def small(**values) -> Experiment:  # type: ignore[no-untyped-def]
    base = {"optimizer.lr": 0.05, "training.epochs": 3, "training.batch_size": 8}
    return sine_run([{"width": 16, "dropout_p": 0.1}, {"width": 8}], base, values)


def results(rows: list[dict]) -> list[dict]:
    return [{k: v for k, v in r.items() if k != "seconds"} for r in json.loads(json.dumps(rows))]


@pytest.fixture(scope="module")
def client() -> Iterator[object]:
    """One worker process (processes=True), shared by the tests that need no fresh cluster."""
    from distributed import Client, LocalCluster

    cluster = LocalCluster(
        n_workers=1, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address="127.0.0.1:0"
    )
    client = Client(cluster, set_as_default=False)
    try:
        yield client
    finally:
        client.close(timeout=10)
        cluster.close(timeout=20)


def set_worker_version(version: str) -> str:
    """Run on a worker: pretend its explorer is another version (the version test)."""
    import explorer

    old, explorer.__version__ = explorer.__version__, version
    return old


def test_local_cluster_sweep_equals_in_process(tmp_path: Path) -> None:
    """--workers 2: an embedded LocalCluster of two processes gives the in-process rows bit for bit,
    streamed into the same folder, with progress and the cells each worker did."""
    spec = SweepSpec(
        (parse_axis("network.layers.*.dropout_p=0,0.3"), parse_axis("regularization.l2_lambda=0,0.01")),
        seeds=2,
        max_memory_mb=0.06,
    )
    reference = run_sweep(plan_sweep(small(), spec, tmp_path / "here"))
    epochs: list[tuple[str, int, int]] = []
    with DaskExecutor(workers=2) as executor:
        assert len(executor.worker_addresses()) == 2
        plan = plan_sweep(small(), spec, tmp_path / "cluster", executor=executor)
        assert len(plan.tasks) >= 2
        rows = run_sweep(plan, executor, on_epoch=lambda t, e, n: epochs.append((t.cells[0].key, e, n)))
        assert sum(executor.cells_by_worker.values()) == 4
        assert set(executor.cells_by_worker) <= set(executor.worker_addresses())
    assert results(rows) == results(reference)
    on_disk = json.loads((tmp_path / "cluster" / "sweep.json").read_text())
    assert on_disk["complete"] and results(on_disk["rows"]) == results(reference)
    for task in plan.tasks:  # every epoch of every chunk told once, in order
        assert [e for k, e, n in epochs if k == task.cells[0].key] == [1, 2, 3]
    # the folder is the one truth: resumed in-process, nothing is left to train
    assert plan_sweep(small(), spec, tmp_path / "cluster").tasks == []


def test_cancel_stops_the_chunk_that_runs_and_the_rest(client, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    spec = SweepSpec((parse_axis("regularization.l2_lambda=0,0.001,0.01"),), seeds=1, max_memory_mb=0.03)
    plan = plan_sweep(small(**{"training.epochs": 100_000}), spec, tmp_path)  # minutes per chunk
    assert len(plan.tasks) == 3
    executor = DaskExecutor(client=client)
    executor.start()
    seen: list[int] = []
    with pytest.raises(ChunkCancelled):
        run_sweep(
            plan, executor, should_stop=lambda: bool(seen) and seen[-1] >= 5, on_epoch=lambda t, e, n: seen.append(e)
        )
    stopped = time.monotonic()

    def busy() -> int:
        return sum(client.run(lambda dask_worker: len(dask_worker.state.executing)).values())

    while busy() and time.monotonic() - stopped < 20:
        time.sleep(0.1)
    assert busy() == 0 and time.monotonic() - stopped < 10  # the running chunk stopped, not finished
    assert client.run_on_scheduler(lambda dask_scheduler: len(dask_scheduler.tasks)) == 0
    assert json.loads((tmp_path / "sweep.json").read_text())["rows"] == []


def test_pause_holds_the_workers_and_resume_goes_on(client, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    spec = SweepSpec((parse_axis("regularization.l2_lambda=0"),), seeds=1)
    plan = plan_sweep(small(**{"training.epochs": 100_000}), spec, tmp_path)
    executor = DaskExecutor(client=client)
    executor.start()
    seen: list[tuple[float, int]] = []
    marks: dict[str, float] = {}

    def on_epoch(task, epoch, total) -> None:  # type: ignore[no-untyped-def]
        seen.append((time.monotonic(), epoch))
        if "paused" not in marks and epoch >= 3:
            executor.pause()
            marks["paused"] = time.monotonic()

    def should_stop() -> bool:
        now = time.monotonic()
        if "paused" in marks and "resumed" not in marks and now - marks["paused"] > 4:
            executor.resume()
            marks["resumed"] = now
        return "resumed" in marks and now - marks["resumed"] > 3

    with pytest.raises(ChunkCancelled):
        run_sweep(plan, executor, should_stop=should_stop, on_epoch=on_epoch)

    def last_epoch(until: float) -> int:
        return max(e for t, e in seen if t <= until)

    held = last_epoch(marks["paused"] + 1.5)  # the worker looks at the events twice a second
    assert last_epoch(marks["resumed"]) == held  # nothing trained while paused
    assert last_epoch(marks["resumed"] + 3) > held  # and it went on after resume


def test_a_file_set_path_is_checked_on_the_workers_or_the_data_sent(client, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    csv = tmp_path / "points.csv"
    csv.write_text("".join(f"{i * 0.1:.2f},{(i % 7) * 0.3:.2f},{(i * 0.37) % 2:.3f}\n" for i in range(60)))
    exp = small(**{"dataset.kind": "csv", "dataset.path": str(csv)})
    spec = SweepSpec((parse_axis("regularization.l2_lambda=0,0.01"),), seeds=2, max_memory_mb=0.06)
    reference = run_sweep(plan_sweep(exp, spec))

    reading = DaskExecutor(client=client)
    plan = plan_sweep(exp, spec, tmp_path / "path", executor=reading)
    assert results(run_sweep(plan, reading)) == results(reference)  # the workers read the path

    sending = DaskExecutor(client=client, worker_data="send")
    plan = plan_sweep(exp, spec, tmp_path / "send", executor=sending)  # read here, once
    reading = DaskExecutor(client=client)
    other = plan_sweep(exp, spec, tmp_path / "missing", executor=reading)
    csv.unlink()  # the workers cannot see it any more (as on another machine)
    worker = next(iter(client.scheduler_info()["workers"]))
    with pytest.raises(SweepError) as err:
        run_sweep(other, reading)
    assert str(err.value) == (
        f"worker {worker} cannot read the dataset path {csv}: give the workers that path (a shared folder) "
        "or send the data from this computer (--worker-data send)"
    )
    assert json.loads((tmp_path / "missing" / "sweep.json").read_text())["rows"] == []  # nothing trained
    assert results(run_sweep(plan, sending)) == results(reference)  # sent: no worker reads the path


def test_a_worker_with_another_explorer_is_refused(client) -> None:  # type: ignore[no-untyped-def]
    import explorer

    worker = next(iter(client.scheduler_info()["workers"]))
    client.run(set_worker_version, "9.9.9")
    try:
        executor = DaskExecutor(client=client)
        words = f"worker {worker} is refused: it runs explorer 9.9.9 with torch "
        with pytest.raises(SweepError, match=f"^{words}.* this computer explorer {explorer.__version__} with torch"):
            executor.start()
        # a worker that joins after the check is refused by the chunk itself
        plan = plan_sweep(small(), SweepSpec((parse_axis("regularization.l2_lambda=0,0.01"),)))
        with pytest.raises(SweepError, match=f"^{words}"):
            run_sweep(plan, executor)
    finally:
        client.run(set_worker_version, explorer.__version__)


def live_then_echo(task, number, expected, control, topic, dataset=None, live=False):  # type: ignore[no-untyped-def]
    """Run on a worker as a chunk: one live row (as run_chunk's on_live sends), then the result."""
    from distributed import get_worker

    from explorer.core.sweep._dask_worker import echo_chunk

    if live:
        get_worker().log_event(topic, {"chunk": number, "live": [{"cell": task.cells[0].key, "status": "running"}]})
        time.sleep(1.0)  # the event travels through the scheduler; let it arrive before the result
    return echo_chunk(task)


def test_live_rows_of_running_chunks_reach_on_live(client) -> None:  # type: ignore[no-untyped-def]
    plan = plan_sweep(small(), SweepSpec((parse_axis("regularization.l2_lambda=0,0.01"),), max_memory_mb=0.03))
    assert len(plan.tasks) == 2
    executor = DaskExecutor(client=client, function=live_then_echo)
    executor.start()
    live: list[tuple[str, list]] = []
    results = list(executor.map(plan.tasks, on_live=lambda task, rows: live.append((task.cells[0].key, rows))))
    assert sorted(r.cells for r in results) == [("0",), ("1",)]
    assert sorted(live) == [("0", [{"cell": "0", "status": "running"}]), ("1", [{"cell": "1", "status": "running"}])]
    assert not list(DaskExecutor(client=client, function=live_then_echo).map(plan.tasks[:1]))[0].rows


def die(*args: object) -> None:
    """Run on a worker as a chunk: the worker process dies (killed, out of memory)."""
    import os

    os._exit(1)


def test_a_chunk_whose_workers_keep_dying_ends_the_sweep_in_one_line(tmp_path: Path) -> None:
    import dask

    plan = plan_sweep(small(), SweepSpec((parse_axis("regularization.l2_lambda=0,0.01"),)), tmp_path)
    with dask.config.set({"distributed.scheduler.allowed-failures": 0}):
        with DaskExecutor(workers=1, function=die) as executor:
            with pytest.raises(SweepError) as err:
                run_sweep(plan, executor)
    assert str(err.value).startswith("a chunk of 2 cells was on workers that died 1 times (")
    assert str(err.value).endswith("the finished cells are kept: check the workers' memory and rerun to go on")


@pytest.mark.parametrize("address", ["10.0.0.5", "http://host:8786", "tcp://host", "tcp://a b:1"])
def test_scheduler_addresses_are_checked(address: str) -> None:
    with pytest.raises(SweepError, match="is not a scheduler address; use tcp://HOST:PORT"):
        check_address(address)
    assert check_address("tcp://10.0.0.5:8786") == "tcp://10.0.0.5:8786"


def test_the_app_and_the_cli_start_without_distributed() -> None:
    """`distributed` costs about a second to import: only a sweep on a cluster may import it."""
    code = (
        "import sys, explorer.cli, explorer.cli_sweep, explorer.cli_cluster, explorer.core.sweep, "
        "explorer.core.session, explorer.gui.app, explorer.gui.main_window\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('distributed', 'dask'))\n"
        "print(bad)\nsys.exit(1 if bad else 0)"
    )
    env = {"PYTHONPATH": str(REPO), "QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, env=env)
    assert done.returncode == 0, done.stdout + done.stderr


def test_a_place_is_plain_data_checked_before_anything_starts() -> None:
    from explorer.core.sweep import SweepPlace

    assert SweepPlace().executor() is None  # this process
    processes = SweepPlace("processes", workers=3).executor()
    assert isinstance(processes, DaskExecutor) and processes.local_workers == 3 and processes.client is None
    lab = SweepPlace.from_dict({"kind": "scheduler", "address": " tcp://10.0.0.5:8786 ", "worker_data": "send"})
    assert lab.address == "tcp://10.0.0.5:8786" and SweepPlace.from_dict(lab.to_dict()) == lab
    executor = lab.executor()
    assert executor.address == "tcp://10.0.0.5:8786" and executor.worker_data == "send"
    for data, words in [
        ({"kind": "cloud"}, "place: 'cloud' is not allowed; use one of here, processes, scheduler"),
        ({"kind": "processes", "workers": 0}, "--workers: '0' is not allowed"),
        ({"kind": "scheduler", "address": ""}, "--scheduler: '' is not a scheduler address"),
        ({"worker_data": "copy"}, "--worker-data: 'copy' is not allowed; use path"),
    ]:
        with pytest.raises(SweepError, match=f"^{words}"):
            SweepPlace.from_dict(data)
