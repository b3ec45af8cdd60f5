"""Fit view modes for regression: the 1-D curve fit and the n-D parity plot."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6 import QtCore

from explorer.core.protocol import Snapshot
from explorer.gui.views import palette
from explorer.gui.views.base import data_fingerprint, legend_row, new_curve, new_plot
from explorer.gui.views.fit_test_time import ConvergencePlot, CurveBands, mc_states


def _finite_range(*arrays) -> tuple[float, float]:
    vals = [np.asarray(a, dtype=np.float64).ravel() for a in arrays if a is not None and np.size(a)]
    if not vals:
        return -1.0, 1.0
    v = np.concatenate(vals)
    v = v[np.isfinite(v)]
    if v.size == 0:
        return -1.0, 1.0
    lo, hi = float(v.min()), float(v.max())
    if hi - lo < 1e-9:
        lo, hi = lo - 1.0, hi + 1.0
    return lo, hi


class CurveMode(QtCore.QObject):
    """1-D regression: points, the noise-free truth, one fitted curve per variant.

    The y range is fixed from the data (not from the predictions), so a wild early
    fit runs off the plot instead of squashing the data into a line.
    """

    Y_PAD = 0.18

    def __init__(self, layout: pg.GraphicsLayout, snap: Snapshot):
        super().__init__()
        self.names = [v.name for v in snap.variants]
        self.legend = legend_row(layout, row=0)
        self.plot = new_plot(layout, row=1, col=0)
        self.true_curve = new_curve(self.plot)
        self.true_curve.setZValue(-2)
        self.curves = [new_curve(self.plot) for _ in self.names]
        for i, c in enumerate(self.curves):
            c.setZValue(i)
        self.train_points = pg.ScatterPlotItem()
        self.test_points = pg.ScatterPlotItem()
        for z, item in ((20, self.train_points), (21, self.test_points)):
            item.setZValue(z)
            self.plot.addItem(item)
        self._data_key = None
        self._has_truth = snap.data.true_curve is not None and snap.data.grid_x is not None
        # dropout at test time (fit_test_time.py): only while the snapshots carry the passes
        self.bands = self.convergence = None
        if mc_states(snap) is not None:
            self.bands = CurveBands(self.plot, len(self.names))
            self.convergence = ConvergencePlot(layout, 2, len(self.names))
            layout.layout.setRowStretchFactor(1, 3)

    def apply_styles(self) -> None:
        theme = palette.current_theme()
        palette.apply_style(self.plot, x_label=self.tr("x"), y_label=self.tr("y"))
        self.true_curve.setPen(palette.muted_pen(2.0, "dash"))
        for i, c in enumerate(self.curves):
            c.setPen(palette.variant_pen(i, 3.0))
        ms = palette.marker_scale()
        self.train_points.setPen(palette.pen(theme.background, 1.2))
        self.train_points.setBrush(palette.brush(theme.foreground))
        self.train_points.setSize(10 * ms)
        self.test_points.setPen(palette.pen(theme.foreground, 1.8))
        self.test_points.setBrush(palette.brush(theme.background, 0.0))
        self.test_points.setSize(10 * ms)
        fg = theme.foreground
        if len(self.names) > 1:
            entries = [(palette.variant_hex(i), "solid", n) for i, n in enumerate(self.names)]
        else:
            entries = [(palette.variant_hex(0), "solid", self.tr("prediction"))]
        entries += [(fg, "●", self.tr("train")), (fg, "○", self.tr("test"))]
        if self._has_truth:
            entries.append((theme.muted, "dash", self.tr("true curve")))
        if self.bands is not None:
            entries += self.bands.legend_entries()
            self.bands.apply_styles()
            self.convergence.apply_styles()
        palette.style_label(self.legend, palette.legend_html(entries), 0.9)

    def update(self, snap: Snapshot, selected: int) -> None:
        d = snap.data
        key = data_fingerprint(snap)
        if key != self._data_key:
            self._data_key = key
            self.train_points.setData(np.ravel(d.x_train), np.ravel(d.y_train))
            self.test_points.setData(np.ravel(d.x_test), np.ravel(d.y_test))
            has_truth = d.true_curve is not None and d.grid_x is not None
            if has_truth != self._has_truth:
                self._has_truth = has_truth
                self.apply_styles()
            if has_truth:
                self.true_curve.setData(d.grid_x, d.true_curve)
            else:
                self.true_curve.setData([], [])
            x0, x1 = _finite_range(d.grid_x, d.x_train, d.x_test)
            y0, y1 = _finite_range(d.y_train, d.y_test, d.true_curve)
            pad = self.Y_PAD * (y1 - y0)
            self.plot.setRange(xRange=(x0, x1), yRange=(y0 - pad, y1 + pad), padding=0.02)
        for i, v in enumerate(snap.variants[: len(self.curves)]):
            pred = np.ravel(v.grid_prediction)
            n = min(len(pred), len(d.grid_x))
            self.curves[i].setData(d.grid_x[:n], pred[:n])
        states = mc_states(snap)
        if self.bands is not None and states is not None:
            self.bands.update(snap, states)
            self.convergence.update(states)


class ParityMode(QtCore.QObject):
    """n-D regression: predicted vs true on the test set; perfect predictions lie on the diagonal.

    VariantState.grid_prediction holds the predictions for DataView.x_test, in order.
    """

    def __init__(self, layout: pg.GraphicsLayout, snap: Snapshot):
        super().__init__()
        self.names = [v.name for v in snap.variants]
        self.legend = legend_row(layout, row=0)
        self.plot = new_plot(layout, row=1, col=0)
        self.plot.setAspectLocked(True)
        self.diagonal = new_curve(self.plot)
        self.diagonal.setZValue(-2)
        self.points = [pg.ScatterPlotItem() for _ in self.names]
        for i, p in enumerate(self.points):
            p.setZValue(i)
            self.plot.addItem(p)
        self._data_key = None

    def apply_styles(self) -> None:
        theme = palette.current_theme()
        palette.apply_style(self.plot, x_label=self.tr("true y (test set)"), y_label=self.tr("predicted y"))
        self.diagonal.setPen(palette.muted_pen(2.0, "dash"))
        for i, p in enumerate(self.points):
            p.setPen(palette.pen(theme.background, 0.8))
            p.setBrush(palette.brush(palette.variant_color(i), 0.75))
            p.setSize(9 * palette.marker_scale())
        entries = [(palette.variant_hex(i), "●", n) for i, n in enumerate(self.names)]
        entries.append((theme.muted, "dash", self.tr("perfect prediction")))
        palette.style_label(self.legend, palette.legend_html(entries), 0.9)

    def update(self, snap: Snapshot, selected: int) -> None:
        y_true = np.ravel(snap.data.y_test)
        key = data_fingerprint(snap)
        if key != self._data_key:
            self._data_key = key
            lo, hi = _finite_range(y_true)
            pad = 0.15 * (hi - lo)
            lo, hi = lo - pad, hi + pad
            self.diagonal.setData([lo, hi], [lo, hi])
            self.plot.setRange(xRange=(lo, hi), yRange=(lo, hi), padding=0.02)
        for i, v in enumerate(snap.variants[: len(self.points)]):
            pred = np.ravel(v.grid_prediction)
            n = min(len(pred), len(y_true))
            self.points[i].setData(y_true[:n], pred[:n])
