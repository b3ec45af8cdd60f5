"""What one frame of the dashboard costs, view by view: update (feeding the snapshot) and paint.

Measured in this process on a Dashboard at the window's dashboard size, fed snapshots of an
in-process trainer of the experiment (each after a few training steps, with the parts a
Session builds for the views on screen at 30 snapshots a second). A paint is timed at the views' viewports: an event filter
runs each viewport's paint event itself, between two reads of this thread's CPU clock (so that other processes on a busy machine do not
count; on an idle machine it is the wall time). The frame is everything
between one snapshot and the next: update_snapshot of the dashboard and the paints Qt does
for it. Used by `python -m explorer bench` and tests/benchmarks/bench_gui.py.
"""

from __future__ import annotations

import statistics
import time
from collections import defaultdict
from typing import Any

from PySide6 import QtCore, QtWidgets

DASHBOARD_SIZE = (1600, 900)
FRAMES_PER_S = 30.0


class _PaintClock(QtCore.QObject):
    """Times the paint events of some viewports, charged to a view id."""

    def __init__(self) -> None:
        super().__init__()
        self.owner: dict[QtCore.QObject, tuple[str, QtWidgets.QAbstractScrollArea]] = {}
        self.seconds: dict[str, float] = defaultdict(float)
        self._inside = False

    def watch(self, view_id: str, view: QtWidgets.QWidget) -> None:
        for area in view.findChildren(QtWidgets.QGraphicsView):
            self.owner[area.viewport()] = (view_id, area)
            area.viewport().installEventFilter(self)

    def eventFilter(self, obj: QtCore.QObject, event: QtCore.QEvent) -> bool:
        if event.type() != QtCore.QEvent.Type.Paint or self._inside or obj not in self.owner:
            return False
        view_id, area = self.owner[obj]
        self._inside = True
        t0 = time.thread_time()
        try:
            area.viewportEvent(event)  # the view's own paint, run here so that it can be timed
        finally:
            self.seconds[view_id] += time.thread_time() - t0
            self._inside = False
        return True


def _median_ms(values: list[float]) -> float:
    return round(1000 * statistics.median(values), 2) if values else float("nan")


def _mean_ms(values: list[float]) -> float:
    return round(1000 * statistics.fmean(values), 2) if values else float("nan")


def dashboard_frames(experiment: Any, frames: int = 60, steps_between: int = 10) -> dict[str, Any]:
    """frame_ms (median), frame_mean_ms, frame_p90_ms, and per visible view `view_<id>_update_ms` and
    `view_<id>_paint_ms` (means per frame: a view that skips most frames costs its share)."""
    from explorer.core.session import Session
    from explorer.core.training import Trainer
    from explorer.gui.views.dashboard import Dashboard

    app = QtWidgets.QApplication.instance() or QtWidgets.QApplication([])
    trainer = Trainer(experiment)
    session = Session(lambda kind, payload: None)  # decides the parts of each snapshot, as in the app
    session.state = "running"
    dashboard = Dashboard()
    dashboard.resize(*DASHBOARD_SIZE)
    dashboard.show()
    for _ in range(5):
        app.processEvents()
    clock = _PaintClock()
    views = dashboard.views()
    updates: dict[str, float] = defaultdict(float)
    for vid, view in views.items():
        clock.watch(vid, view)
        original = view.update_snapshot

        def timed(snap: Any, _original: Any = original, _vid: str = vid) -> None:
            t0 = time.thread_time()
            try:
                _original(snap)
            finally:
                updates[_vid] += time.thread_time() - t0

        view.update_snapshot = timed  # type: ignore[method-assign]
    per_update: dict[str, list[float]] = defaultdict(list)
    per_paint: dict[str, list[float]] = defaultdict(list)
    frame_s: list[float] = []
    try:
        for f in range(frames + 5):
            for _ in range(steps_between):
                trainer.step()
            session.visible = dashboard.visible_views()
            # the parts the session would build at ~30 snapshots a second (slow parts less often)
            snap = trainer.snapshot(state="running", parts=session._parts_now(f / FRAMES_PER_S))
            updates.clear()
            clock.seconds.clear()
            t0 = time.thread_time()
            dashboard.update_snapshot(snap)
            app.processEvents()
            elapsed = time.thread_time() - t0
            if f < 5:  # the first frames build the items
                continue
            frame_s.append(elapsed)
            for vid in dashboard.visible_views():
                per_update[vid].append(updates.get(vid, 0.0))
                per_paint[vid].append(clock.seconds.get(vid, 0.0))
    finally:
        dashboard.close()
        dashboard.deleteLater()
        app.processEvents()
    ordered = sorted(frame_s)
    out: dict[str, Any] = {
        "frame_ms": _median_ms(frame_s),
        "frame_mean_ms": _mean_ms(frame_s),
        "frame_p90_ms": round(1000 * ordered[int(0.9 * (len(ordered) - 1))], 2) if ordered else float("nan"),
    }
    for vid in sorted(per_update):
        out[f"view_{vid}_update_ms"] = _mean_ms(per_update[vid])
        out[f"view_{vid}_paint_ms"] = _mean_ms(per_paint[vid])
    return out
