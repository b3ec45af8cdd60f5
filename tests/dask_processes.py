"""Real `dask scheduler` and `dask worker` processes on 127.0.0.1 for the cluster tests.

Every process is started in its own session (process group) and the fixture kills each group
at teardown, also when the test failed, so no scheduler, nanny or worker outlives a test.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Callable, Iterator, Optional

import pytest

REPO = Path(__file__).resolve().parents[1]
DASK = str(Path(sys.executable).with_name("dask"))
START_TIMEOUT_S = 90.0


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def env(**extra: str) -> dict[str, str]:
    path = os.pathsep.join(p for p in (str(REPO), os.environ.get("PYTHONPATH", "")) if p)
    return {
        **os.environ,
        "PYTHONPATH": path,
        "OMP_NUM_THREADS": "1",
        "MKL_NUM_THREADS": "1",
        **extra,
    }


def kill_group(proc: subprocess.Popen[bytes]) -> None:
    """SIGKILL the process and everything it started (a worker's nanny and its child)."""
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        pass


class DaskProcesses:
    def __init__(self, logs: Path) -> None:
        self.logs = logs
        self.procs: list[subprocess.Popen[bytes]] = []
        self.address = ""

    def _start(self, name: str, args: list[str], **extra: str) -> subprocess.Popen[bytes]:
        log = (self.logs / f"{name}.log").open("wb")
        proc = subprocess.Popen(
            args, stdout=log, stderr=subprocess.STDOUT, env=env(**extra), start_new_session=True, cwd=self.logs
        )
        log.close()
        self.procs.append(proc)
        return proc

    def scheduler(self) -> str:
        port = free_port()
        self.scheduler_proc = self._start(
            "scheduler",
            [
                DASK,
                "scheduler",
                "--host",
                "127.0.0.1",
                "--port",
                str(port),
                "--no-dashboard",
                "--dashboard-address",
                "127.0.0.1:0",
                "--no-show",
            ],
        )
        self.address = f"tcp://127.0.0.1:{port}"
        return self.address

    def worker(self, name: str, preload: Optional[str] = None) -> subprocess.Popen[bytes]:
        args = [DASK, "worker", self.address, "--name", name, "--nthreads", "1", "--host", "127.0.0.1"]
        args += ["--no-dashboard", "--dashboard-address", "127.0.0.1:0", "--death-timeout", "60"]
        if preload:
            args += ["--preload", preload]
        return self._start(name, args)

    def wait_for_workers(self, n: int) -> dict[str, str]:
        """Worker name -> address, once n workers are connected."""
        from distributed import Client

        deadline = time.monotonic() + START_TIMEOUT_S
        while True:
            try:
                with Client(self.address, timeout=5, set_as_default=False) as client:
                    client.wait_for_workers(n, timeout=max(1.0, deadline - time.monotonic()))
                    info = client.scheduler_info(n_workers=-1)["workers"]
                    return {str(w["name"]): addr for addr, w in info.items()}
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.5)

    def log(self, name: str) -> str:
        path = self.logs / f"{name}.log"
        return path.read_text(errors="replace") if path.exists() else ""

    def stop(self) -> None:
        for proc in reversed(self.procs):
            kill_group(proc)
        self.procs.clear()


@pytest.fixture()
def dask_processes(tmp_path: Path) -> Iterator[DaskProcesses]:
    logs = tmp_path / "dask-logs"
    logs.mkdir()
    procs = DaskProcesses(logs)
    try:
        yield procs
    finally:
        procs.stop()


def wait_until(condition: Callable[[], bool], timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout} s waiting for {what}")
        time.sleep(0.1)
