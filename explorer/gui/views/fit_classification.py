"""Fit view mode for 2-D classification: one decision-boundary map per variant, side by side.

Side by side (not a selector) because the lesson is the comparison: the over-fitted
run's boundary wraps around single noisy points, the regularized one is smooth.
Up to 4 maps sit in one row; more wrap onto further rows.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6 import QtCore

from explorer.core.protocol import Snapshot
from explorer.gui.views import palette
from explorer.gui.views.base import data_fingerprint, legend_row, spaced_axes
from explorer.gui.views.fit_test_time import BoundarySpread, ConvergencePlot, mc_states

MAX_PER_ROW = 4


def boundary_columns(n: int, width: float, height: float) -> int:
    """Maps per row giving the biggest maps in a width x height pane (at most MAX_PER_ROW)."""
    n = max(1, n)
    fs = palette.font_scale()
    w, h = width - 70 * fs, height - 60 * fs  # axes, legend

    def side(cols: int) -> float:
        rows = math.ceil(n / cols)
        return min(w / cols - 50 * fs, h / rows - 70 * fs)

    return max(range(1, min(n, MAX_PER_ROW) + 1), key=side)


def is_binary(snap: Snapshot) -> bool:
    return len(snap.data.class_names) <= 2 and snap.data.output_dim <= 2


class BoundaryMode(QtCore.QObject):
    """grid_prediction (gh, gw): row 0 is ymin, column 0 is xmin, over DataView.grid_extent.

    Binary: P(class 1) in [0, 1] on a pale diverging map (white = 0.5 = the boundary).
    More classes: the argmax class index on a pale categorical map.
    """

    def __init__(self, layout: pg.GraphicsLayout, snap: Snapshot, cols: int | None = None):
        super().__init__()
        self.names = [v.name for v in snap.variants]
        self.binary = is_binary(snap)
        self.class_names = tuple(snap.data.class_names)
        self.n_classes = max(2, len(snap.data.class_names), snap.data.output_dim if not self.binary else 2)
        n = max(1, len(self.names))
        cols = max(1, min(n, cols or MAX_PER_ROW))
        self.cols = cols
        rows = math.ceil(n / cols)
        self.legend = legend_row(layout, row=0, col=0, colspan=cols)
        self.plots: list[pg.PlotItem] = []
        self.images: list[pg.ImageItem] = []
        self.train_points: list[pg.ScatterPlotItem] = []
        self.test_points: list[pg.ScatterPlotItem] = []
        for i in range(len(self.names)):
            plot = layout.addPlot(row=1 + i // cols, col=i % cols, axisItems=spaced_axes())
            plot.hideButtons()
            plot.setAspectLocked(False)  # fill the pane: bigger maps beat exact 1:1 geometry on a projector
            plot.setMenuEnabled(False)
            image = pg.ImageItem(axisOrder="row-major")
            image.setZValue(-10)
            plot.addItem(image)
            tr, te = pg.ScatterPlotItem(), pg.ScatterPlotItem()
            tr.setZValue(5)
            te.setZValue(6)
            plot.addItem(tr)
            plot.addItem(te)
            self.plots.append(plot)
            self.images.append(image)
            self.train_points.append(tr)
            self.test_points.append(te)
        for r in range(rows):
            layout.layout.setRowStretchFactor(1 + r, 2)
        # dropout at test time (fit_test_time.py): only while the snapshots carry the passes
        self.spread = self.convergence = None
        if mc_states(snap) is not None:
            self.spread = BoundarySpread(self.plots)
            self.convergence = ConvergencePlot(layout, 1 + rows, len(self.names), colspan=cols)
        self._data_key = None
        self._extent = None

    def apply_styles(self) -> None:
        theme = palette.current_theme()
        lut = palette.diverging_lut() if self.binary else palette.categorical_lut(self.n_classes)
        for i, plot in enumerate(self.plots):
            palette.apply_style(
                plot, x_label=self.tr("x₁"), y_label=self.tr("x₂") if i % self.cols == 0 else None, grid=False
            )
            palette.set_title(plot, self.names[i], color=palette.variant_hex(i))
            self.images[i].setLookupTable(lut)
        self._class_brushes = [palette.brush(palette.class_color(k)) for k in range(self.n_classes)]
        self._class_pens = [palette.pen(palette.class_color(k), 2.0) for k in range(self.n_classes)]
        ms = palette.marker_scale()
        for tr, te in zip(self.train_points, self.test_points):
            tr.setSize(8 * ms)
            te.setSize(8 * ms)
        self._data_key = None  # re-feed points with the new brushes
        entries = [(palette.class_color(k).name(), "●", self._class_name(k)) for k in range(self.n_classes)]
        fg = theme.foreground
        entries += [(fg, "●", self.tr("train")), (fg, "○", self.tr("test"))]
        note = (
            self.tr("background: P(class 1), white = 0.5 = decision boundary")
            if self.binary
            else self.tr("background: predicted class")
        )
        if self.spread is not None:
            note += "; " + self.spread.note()
            self.convergence.apply_styles()
        palette.style_label(self.legend, palette.legend_html(entries) + "<br>" + palette._esc(note), 0.95)

    def _class_name(self, k: int) -> str:
        if k < len(self.class_names):
            return self.class_names[k]
        return self.tr("class {k}").format(k=k)

    def _feed_points(self, snap: Snapshot) -> None:
        d = snap.data
        white = palette.pen(palette.current_theme().background, 1.0)
        hollow = palette.brush(palette.current_theme().background, 0.0)
        xtr, ytr = np.asarray(d.x_train), np.asarray(d.y_train).astype(int).ravel()
        xte, yte = np.asarray(d.x_test), np.asarray(d.y_test).astype(int).ravel()
        nc = self.n_classes
        brushes = [self._class_brushes[k % nc] for k in ytr]
        pens = [self._class_pens[k % nc] for k in yte]
        for tr, te in zip(self.train_points, self.test_points):
            if xtr.ndim == 2 and xtr.shape[1] >= 2:
                tr.setData(xtr[:, 0], xtr[:, 1], brush=brushes, pen=white)
            else:
                tr.setData([], [])
            if xte.ndim == 2 and xte.shape[1] >= 2:
                te.setData(xte[:, 0], xte[:, 1], pen=pens, brush=hollow, symbol="o")
            else:
                te.setData([], [])

    def update(self, snap: Snapshot, selected: int) -> None:
        key = data_fingerprint(snap)
        if key != self._data_key:
            self._data_key = key
            self._feed_points(snap)
        extent = snap.data.grid_extent
        levels = (0.0, 1.0) if self.binary else (0.0, float(self.n_classes - 1))
        for i, v in enumerate(snap.variants[: len(self.images)]):
            pred = np.asarray(v.grid_prediction)
            if pred.ndim != 2 or extent is None:
                self.images[i].clear()
                continue
            self.images[i].setImage(pred, autoLevels=False, levels=levels)
            if extent != self._extent:
                x0, x1, y0, y1 = extent
                self.images[i].setRect(QtCore.QRectF(x0, y0, x1 - x0, y1 - y0))
        states = mc_states(snap)
        if self.spread is not None and states is not None:
            self.spread.update(snap, states)
            self.convergence.update(states)
        if extent is not None and extent != self._extent:
            self._extent = extent
            x0, x1, y0, y1 = extent
            for plot in self.plots:
                plot.setRange(xRange=(x0, x1), yRange=(y0, y1), padding=0.0)
