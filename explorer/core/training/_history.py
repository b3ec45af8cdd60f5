"""Per-evaluation history with bounded memory.

A run of a million steps must not grow without bound: when the buffer is full,
every other row is dropped and the recording stride doubles, so the curve keeps
its shape over the whole run at half the resolution (the first and the newest
rows are always kept).
"""

from __future__ import annotations

from typing import Optional

import numpy as np


class History:
    def __init__(self, columns: dict[str, int], capacity: int = 4096):
        """`columns` maps a name to its width (1 for a scalar per evaluation)."""
        if capacity < 8:
            raise ValueError("capacity must be at least 8")
        self.capacity = capacity
        self.widths = dict(columns)
        self._data = {k: np.full((capacity, w), np.nan) for k, w in columns.items()}
        self.size = 0
        self.stride = 1  # keep one evaluation in `stride`
        self._seen = 0  # evaluations offered since the last kept one
        self._shared: dict[str, tuple[int, np.ndarray]] = {}  # key -> (size when copied, read-only copy)
        self._version = 0  # bumped by every change: a shared column copied before it is stale

    def append(self, row: dict[str, object], force: bool = False) -> bool:
        """Record one evaluation; returns False when the stride skipped it."""
        self._seen += 1
        if not force and self.size > 0 and self._seen < self.stride:
            return False
        self._seen = 0
        if self.size == self.capacity:
            self._halve()
        for key, arr in self._data.items():
            value = row.get(key)
            arr[self.size] = np.nan if value is None else value
        self.size += 1
        self._version += 1
        return True

    def _halve(self) -> None:
        keep = np.arange(0, self.size, 2)
        if keep[-1] != self.size - 1:
            keep = np.append(keep, self.size - 1)
        for key, arr in self._data.items():
            kept = arr[keep].copy()
            arr[:] = np.nan
            arr[: len(kept)] = kept
        self.size = len(keep)
        self.stride *= 2
        self._version += 1

    def column(self, key: str) -> np.ndarray:
        """A copy of one column: (E,) for scalars, (E, width) otherwise."""
        arr = self._data[key][: self.size]
        return arr[:, 0].copy() if self.widths[key] == 1 else arr.copy()

    def shared_column(self, key: str) -> np.ndarray:
        """Like column(), read-only, and the same array object until the history changes: a
        snapshot built between two evaluations shares it with the one before (the process
        transport then does not send it again)."""
        cached = self._shared.get(key)
        if cached is not None and cached[0] == self._version:
            return cached[1]
        arr = self.column(key)
        arr.flags.writeable = False
        self._shared[key] = (self._version, arr)
        return arr

    def last(self, key: str) -> Optional[float]:
        if self.size == 0:
            return None
        value = self._data[key][self.size - 1, 0]
        return None if np.isnan(value) else float(value)

    def state_dict(self) -> dict[str, object]:
        return {
            "size": self.size,
            "stride": self.stride,
            "seen": self._seen,
            "columns": {k: self._data[k][: self.size].copy() for k in self._data},
        }

    def load_state_dict(self, state: dict[str, object]) -> None:
        size = int(state["size"])  # type: ignore[arg-type]
        columns = state["columns"]
        assert isinstance(columns, dict)
        if size > self.capacity:
            raise ValueError("history larger than capacity")
        for key, arr in self._data.items():
            arr[:] = np.nan
            if key in columns:
                values = np.asarray(columns[key], dtype=float).reshape(size, -1)
                arr[:size, : values.shape[1]] = values
        self.size = size
        self.stride = int(state.get("stride", 1))  # type: ignore[arg-type]
        self._version += 1
        self._seen = int(state.get("seen", 0))  # type: ignore[arg-type]
