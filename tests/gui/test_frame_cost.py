"""What keeps a dashboard frame cheap, checked by what it draws (not timed): stable axes."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

pytest.importorskip("PySide6")

from explorer.gui.views import LossView
from tests.gui.fake_snapshot import make_snapshot
from tests.gui.test_views import shown


def _y_range(view: LossView) -> tuple[float, float]:
    lo, hi = view.loss_plot.getViewBox().viewRange()[1]
    return lo, hi


def _losses(snap, log: bool = False) -> np.ndarray:  # type: ignore[no-untyped-def]
    values = np.concatenate([v.history[f"{s}_loss"] for v in snap.variants for s in ("train", "val", "test")])
    values = values[np.isfinite(values)]
    return np.log10(values[values > 0]) if log else values


def test_the_loss_axis_holds_still_while_the_curves_stay_inside_it(qtbot) -> None:  # type: ignore[no-untyped-def]
    view = shown(qtbot, LossView())
    snap = make_snapshot("regression", step=300, epochs=30, n_variants=2)
    view.update_snapshot(snap)
    lo, hi = _y_range(view)
    values = _losses(snap)
    assert lo <= values.min() and values.max() <= hi  # every curve in view
    assert hi - lo < 1.5 * (values.max() - values.min())  # and not lost in empty space
    # a new evaluation inside the range: the axis is not moved (nor re-laid out)
    v0 = snap.variants[0]
    history = dict(v0.history)
    history["train_loss"] = np.append(history["train_loss"][:-1], (lo + hi) / 2)
    inside = dataclasses.replace(
        snap, step=301, variants=(dataclasses.replace(v0, history=history),) + snap.variants[1:]
    )
    view.update_snapshot(inside)
    assert _y_range(view) == (lo, hi)
    # one above it: the range grows to show it
    history["train_loss"] = np.append(history["train_loss"][:-1], hi * 3)
    above = dataclasses.replace(
        snap, step=302, variants=(dataclasses.replace(v0, history=history),) + snap.variants[1:]
    )
    view.update_snapshot(above)
    assert _y_range(view)[1] >= hi * 3
    # log scale: the range is fitted in log10 units
    view.log_y.setChecked(True)
    lo, hi = _y_range(view)
    logs = _losses(above, log=True)
    assert lo <= logs.min() and logs.max() <= hi
