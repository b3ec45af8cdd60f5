"""Messages of sweeps on a Dask cluster (ids "cluster.*"): each one line, naming what to do."""

from __future__ import annotations

from explorer.core.protocol import define_messages
from explorer.core.sweep._messages import SweepError

MSG = define_messages(
    "cluster",
    {
        "no_distributed": "--workers and --scheduler need the 'distributed' package: pip install distributed",
        "bad_address": "--scheduler: '{address}' is not a scheduler address; use tcp://HOST:PORT, e.g. tcp://10.0.0.5:8786",
        "bad_workers": "--workers: '{workers}' is not allowed; use a whole number of processes from 1 to {limit}",
        "bad_place": "place: '{kind}' is not allowed; use one of {allowed}",
        "both": "use --workers N (processes on this computer) or --scheduler ADDRESS (a cluster), not both",
        "unreachable": "no Dask scheduler answers at {address} (waited {seconds} s): start one with "
        "'dask scheduler' or check the address and the firewall",
        "no_workers": "the Dask scheduler at {address} has no workers (waited {seconds} s): start some with "
        "'dask worker {address}'",
        "version_mismatch": "worker {worker} is refused: it runs explorer {worker_explorer} with torch {worker_torch}, "
        "this computer explorer {client_explorer} with torch {client_torch}; install the same versions there "
        "or stop that worker",
        "worker_failed": "worker {worker} cannot run this explorer's code ({problem}); install explorer "
        "{client_explorer} with torch {client_torch} there",
        "missing_path": "worker {worker} cannot read the dataset path {path}: give the workers that path "
        "(a shared folder) or send the data from this computer (--worker-data send)",
        "bad_worker_data": "--worker-data: '{value}' is not allowed; use path (workers read the dataset path) "
        "or send (this computer sends the data once to each worker)",
        "scheduler_lost": "the Dask scheduler at {address} went away; every finished cell is kept in the sweep "
        "folder: rerun the same command to go on",
        "chunk_failed": "a chunk of {cells} cells failed on the cluster: {problem}",
        "workers_lost": "a chunk of {cells} cells was on workers that died {times} times ({problem}); "
        "the finished cells are kept: check the workers' memory and rerun to go on",
    },
)

__all__ = ["MSG", "SweepError"]
