"""Snapshots over the pipe without sending what the window already has.

Consecutive snapshots share most of their bulk: the data view, the histories
between two evaluations, the histogram frames, the experiment's JSON, the
parts of hidden views. The trainer reuses those objects (the same Python
objects while they are unchanged), and this codec sends each of them once: a
large array, a long string or a frame that was in the previous snapshot goes
as a reference, the receiver keeps what the last snapshot used. Both sides
forget an object as soon as a snapshot no longer uses it, so the tables stay
as small as one snapshot. Messages must be decoded in the order they were
encoded (a pipe keeps order).
"""

from __future__ import annotations

import io
import pickle
from typing import Any, Optional

import numpy as np

from explorer.core.protocol import DataView, Histogram, HistogramFrame

MIN_BYTES = 512  # smaller arrays and strings cost less to send than to look up
_PLAIN = frozenset((float, int, bool, type(None), tuple, dict, list, np.float64, np.float32, np.int64))


_ALWAYS = (Histogram, HistogramFrame, DataView)


def _shared(obj: Any) -> bool:
    """Objects worth sending once: immutable in practice (the trainer makes new ones for new values).
    A Histogram is small but comes back unchanged while its view is hidden or between rebuilds of
    the slow parts; as the same object, the view sees at once that there is nothing to redraw.
    (Called for every object pickled, floats included: the type tests come first.)"""
    kind = type(obj)
    if kind is np.ndarray:
        return obj.nbytes >= MIN_BYTES
    if kind is str:
        return len(obj) >= MIN_BYTES
    return kind in _ALWAYS


class SnapshotEncoder:
    """The sending side: snapshot -> bytes (see the module docstring)."""

    def __init__(self) -> None:
        self._sent: dict[int, tuple[int, Any]] = {}  # id(obj) -> (key, obj); holding obj keeps its id unique
        self._next_key = 0

    def encode(self, snapshot: Any) -> bytes:
        used: dict[int, tuple[int, Any]] = {}
        fresh: list[tuple[int, Any]] = []
        encoder = self

        class _Pickler(pickle.Pickler):
            def persistent_id(self, obj: Any) -> Optional[int]:
                if type(obj) in _PLAIN or not _shared(obj):
                    return None
                oid = id(obj)
                entry = used.get(oid) or encoder._sent.get(oid)
                if entry is None:
                    entry = (encoder._next_key, obj)
                    encoder._next_key += 1
                    fresh.append(entry)
                used[oid] = entry
                return entry[0]

        body = io.BytesIO()
        _Pickler(body, protocol=pickle.HIGHEST_PROTOCOL).dump(snapshot)
        self._sent = used
        # the new objects themselves, pickled plainly (their own arrays inline), before the body
        return pickle.dumps(([(k, obj) for k, obj in fresh], body.getvalue()), protocol=pickle.HIGHEST_PROTOCOL)


class SnapshotDecoder:
    """The receiving side: bytes -> snapshot, with the objects earlier snapshots brought."""

    def __init__(self) -> None:
        self._known: dict[int, Any] = {}

    def decode(self, data: bytes) -> Any:
        fresh, body = pickle.loads(data)
        known = self._known
        known.update(fresh)
        used: dict[int, Any] = {}

        class _Unpickler(pickle.Unpickler):
            def persistent_load(self, pid: Any) -> Any:
                obj = known[pid]  # KeyError: a message decoded out of order or lost
                used[pid] = obj
                return obj

        snapshot = _Unpickler(io.BytesIO(body)).load()
        self._known = used
        return snapshot
