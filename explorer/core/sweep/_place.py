"""Where a sweep's chunks run, as plain data: what the app's Sweep panel chooses and sends to
the process that runs the sweep, and what the command line's --workers/--scheduler mean.

    "here"       this process, one chunk after another (LocalExecutor; the default)
    "processes"  an embedded Dask LocalCluster of `workers` processes on this computer
    "scheduler"  an existing Dask cluster: its scheduler's `address`

Checked here (one line naming the field) so a bad address is said before a process starts.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Optional

from explorer.core.sweep._dask_messages import MSG, SweepError

KINDS = ("here", "processes", "scheduler")


@dataclass(frozen=True)
class SweepPlace:
    kind: str = "here"
    workers: int = 2
    address: str = ""
    worker_data: str = "path"

    def checked(self) -> SweepPlace:
        """This place with its address tidied; a SweepError for a bad kind, count or address."""
        from explorer.core.sweep._dask import WORKER_DATA, check_address, check_workers

        if self.kind not in KINDS:
            raise SweepError(MSG.bad_place(kind=self.kind, allowed=", ".join(KINDS)))
        if self.worker_data not in WORKER_DATA:
            raise SweepError(MSG.bad_worker_data(value=self.worker_data))
        if self.kind == "processes":
            check_workers(self.workers)
        if self.kind == "scheduler":
            return SweepPlace(self.kind, self.workers, check_address(self.address), self.worker_data)
        return self

    def executor(self, **options: Any) -> Optional[Any]:
        """None for "here" (run_sweep's LocalExecutor), else a DaskExecutor, not started yet."""
        place = self.checked()
        if place.kind == "here":
            return None
        from explorer.core.sweep._dask import DaskExecutor

        if place.kind == "processes":
            return DaskExecutor(workers=place.workers, worker_data=place.worker_data, **options)
        return DaskExecutor(scheduler=place.address, worker_data=place.worker_data, **options)

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "workers": self.workers, "address": self.address, "worker_data": self.worker_data}

    @classmethod
    def from_dict(cls, data: Optional[dict[str, Any]]) -> SweepPlace:
        data = data or {}
        return cls(
            str(data.get("kind", "here")),
            data.get("workers", 2),
            str(data.get("address", "")),
            str(data.get("worker_data", "path")),
        ).checked()
