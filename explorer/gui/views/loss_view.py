"""Train / validation / test loss per variant, with early stopping's best and stop epochs marked.

The lesson of the plot: train loss keeps falling while validation turns up; early
stopping keeps the weights from the bottom of the validation curve (★) and quits
`patience` evaluations later (✕).

With replicates (runs "<variant> [seed S]") each variant is one line, the mean over its
seeds, in a band: min-max or +-1 SD, a choice in the view (replicate_bands.py). Whether a
difference between two variants is real shows as bands that do or do not overlap.
"""

from __future__ import annotations

from typing import Optional

import numpy as np
import pyqtgraph as pg
from PySide6 import QtWidgets

from explorer.core.protocol import Snapshot, VariantState
from explorer.core.training import replicate_groups
from explorer.gui.views import palette
from explorer.gui.views.base import (
    SnapshotView,
    StableRange,
    history_fingerprint,
    legend_row,
    new_curve,
    new_plot,
)
from explorer.gui.views.replicate_bands import BAND_MODES, replicate_lines

SPLITS = ("train", "val", "test")
SPLIT_DASH = {"train": "solid", "val": "dash", "test": "dot"}
SPLIT_WIDTH = {"train": 2.6, "val": 2.4, "test": 1.8}
SPLIT_ALPHA = {"train": 1.0, "val": 1.0, "test": 0.75}  # test is the least looked at: drawn lighter
SPLIT_Z = {"train": 3, "val": 2, "test": 1}


def has_accuracy(snap: Snapshot) -> bool:
    for v in snap.variants:
        for split in SPLITS:
            a = v.history.get(f"{split}_accuracy")
            if a is not None and len(a) and np.isfinite(a).any():
                return True
    return False


def value_at_epoch(v: VariantState, key: str, epoch: Optional[float], fallback: float = np.nan) -> float:
    if epoch is None:
        return np.nan
    series = v.history.get(key)
    epochs = v.history.get("epoch")
    if series is None or epochs is None or not len(epochs):
        return fallback
    idx = np.flatnonzero(epochs == epoch)
    if idx.size == 0:
        idx = [int(np.argmin(np.abs(epochs - epoch)))]
    y = float(series[idx[-1]])
    return y if np.isfinite(y) else fallback


class LossView(SnapshotView):
    def __init__(self, parent: Optional[QtWidgets.QWidget] = None):
        super().__init__(parent)
        self.title = self.tr("Loss")
        self.log_y = QtWidgets.QCheckBox(self.tr("log scale"))
        self.log_y.setToolTip(
            self.tr("Logarithmic loss axis: early, large losses and late, small ones become readable at once.")
        )
        self.log_y.toggled.connect(self._on_log_toggled)
        self.band_mode = QtWidgets.QComboBox()
        self.band_mode.addItems([self.tr("band: min-max over seeds"), self.tr("band: mean ± 1 SD")])
        self.band_mode.setToolTip(
            self.tr(
                "With several seeds per variant: the line is the mean over the seeds; the band shows their "
                "spread, the range from the lowest to the highest seed or the mean ± one standard deviation."
            )
        )
        self.band_mode.currentIndexChanged.connect(self._on_band_mode)
        self.band_mode.setVisible(False)
        self.toolbar.addStretch(1)
        self.toolbar.addWidget(self.band_mode)
        self.toolbar.addWidget(self.log_y)
        self.bands: list[dict[str, tuple[pg.PlotDataItem, pg.PlotDataItem, pg.FillBetweenItem]]] = []
        self.loss_plot: Optional[pg.PlotItem] = None
        self.acc_plot: Optional[pg.PlotItem] = None
        self.loss_curves: list[dict[str, pg.PlotDataItem]] = []
        self.acc_curves: list[dict[str, pg.PlotDataItem]] = []
        self.best_lines: list[pg.InfiniteLine] = []
        self.best_markers: list[pg.PlotDataItem] = []
        self.stop_markers: list[pg.PlotDataItem] = []
        self._legend: Optional[pg.LabelItem] = None
        self._x_total: Optional[float] = None
        self._fingerprints: list[object] = []
        self._es_enabled = False
        # y ranges that grow at once and shrink only when far too wide: pyqtgraph's auto-range moved
        # them (and re-laid out the axis) at every evaluation; None once the user zoomed by hand
        self._y_ranges: dict[int, Optional[StableRange]] = {}

    # --- structure -----------------------------------------------------------
    def _structure_key(self, snap: Snapshot) -> object:
        monitor = snap.variants[0].early_stopping.monitor if snap.variants else ""
        groups = replicate_groups(v.name for v in snap.variants)
        if any(len(idx) > 1 for idx in groups.values()):  # one line and band per variant
            return (tuple(groups), has_accuracy(snap), monitor, True)
        return (tuple(v.name for v in snap.variants), has_accuracy(snap), monitor, False)

    def _teardown(self) -> None:
        super()._teardown()
        self.loss_plot = self.acc_plot = None
        self.loss_curves, self.acc_curves = [], []
        self.bands = []
        self.best_lines, self.best_markers, self.stop_markers = [], [], []
        self._legend = None
        self._x_total = None
        self._fingerprints = []
        self._y_ranges = {}

    def _build(self, snap: Snapshot) -> None:
        names, with_acc, monitor, replicated = self._key
        self.band_mode.setVisible(replicated)
        lay = self.graphics.ci
        self._legend = legend_row(lay, row=0)
        self.loss_plot = new_plot(lay, row=1, col=0)
        self.loss_plot.setLogMode(y=self.log_y.isChecked())
        if with_acc:
            self.acc_plot = new_plot(lay, row=2, col=0)
            self.acc_plot.setXLink(self.loss_plot)
            lay.layout.setRowStretchFactor(1, 3)
            lay.layout.setRowStretchFactor(2, 2)
        for plot in (self.loss_plot, self.acc_plot):
            if plot is not None:
                self._y_ranges[id(plot)] = StableRange(0.05, 0.5)
                plot.enableAutoRange(axis="y", enable=False)
                plot.getViewBox().sigRangeChangedManually.connect(
                    lambda *_a, key=id(plot): self._y_ranges.__setitem__(key, None)
                )
        marker_plot = self.acc_plot if ("acc" in monitor and self.acc_plot is not None) else self.loss_plot
        for i in range(len(names)):
            self.loss_curves.append({s: new_curve(self.loss_plot) for s in SPLITS})
            if self.acc_plot is not None:
                self.acc_curves.append({s: new_curve(self.acc_plot) for s in SPLITS})
            if replicated:
                self.bands.append(self._new_bands(self.loss_plot, "loss"))
                if self.acc_plot is not None:
                    self.bands[-1].update(self._new_bands(self.acc_plot, "accuracy"))
            line = pg.InfiniteLine(
                angle=90,
                movable=False,
                label=self.tr("best"),
                labelOpts={"position": 0.94 - 0.12 * (i % 7), "anchors": [(0, 0.5), (0, 0.5)]},
            )
            line.setZValue(-5)
            line.hide()
            marker_plot.addItem(line, ignoreBounds=True)
            self.best_lines.append(line)
            best = pg.PlotDataItem([], [], pen=None, symbol="star")
            stop = pg.PlotDataItem([], [], pen=None, symbol="x")
            for m in (best, stop):
                m.setZValue(10)
                marker_plot.addItem(m)
            self.best_markers.append(best)
            self.stop_markers.append(stop)

    @staticmethod
    def _new_bands(
        plot: pg.PlotItem, what: str
    ) -> dict[str, tuple[pg.PlotDataItem, pg.PlotDataItem, pg.FillBetweenItem]]:
        """Per split: the band's lower and upper edge (not drawn) and the fill between them."""
        out = {}
        for s in SPLITS:
            low, high = pg.PlotDataItem([], [], connect="finite"), pg.PlotDataItem([], [], connect="finite")
            fill = pg.FillBetweenItem(low, high)
            fill.setZValue(0)
            plot.addItem(fill)
            out[f"{s}_{what}"] = (low, high, fill)
        return out

    def _apply_styles(self) -> None:
        self._fingerprints = []
        names, with_acc, _, _ = self._key
        theme = palette.current_theme()
        palette.apply_style(self.loss_plot, x_label=None if with_acc else self.tr("epoch"), y_label=self.tr("loss"))
        if self.acc_plot is not None:
            palette.apply_style(self.acc_plot, x_label=self.tr("epoch"), y_label=self.tr("accuracy"))
        for i in range(len(names)):
            for group in (self.loss_curves, self.acc_curves):
                if i < len(group):
                    for s, c in group[i].items():
                        c.setPen(palette.variant_pen(i, SPLIT_WIDTH[s], SPLIT_DASH[s], SPLIT_ALPHA[s]))
                        c.setZValue(SPLIT_Z[s])
            color = palette.variant_color(i)
            for key, (low, high, fill) in (self.bands[i] if i < len(self.bands) else {}).items():
                alpha = 0.22 if key.startswith("val") else 0.12
                fill.setBrush(palette.brush(color, alpha))
                fill.setPen(palette.pen(color, 0.0, alpha=0.0))
            self.best_lines[i].setPen(palette.pen(color, 1.2, "dash", alpha=0.8))
            self.best_lines[i].label.setColor(color)
            self.best_lines[i].label.setFont(palette.font(0.9, bold=True))
            s = palette.marker_scale()
            self.best_markers[i].setSymbolSize(17 * s)
            self.best_markers[i].setSymbolBrush(palette.brush(color))
            self.best_markers[i].setSymbolPen(palette.pen(theme.background, 1.2))
            self.stop_markers[i].setSymbolSize(15 * s)
            self.stop_markers[i].setSymbolBrush(palette.brush(color))
            self.stop_markers[i].setSymbolPen(palette.pen(theme.foreground, 1.0))
        self._style_legend()

    def _style_legend(self) -> None:
        """One wrapped paragraph: variants, then the line styles (short, so it rarely needs 2 lines)."""
        names = self._key[0]
        fg = palette.current_theme().foreground
        entries = [(palette.variant_hex(i), "solid", n) for i, n in enumerate(names)] if len(names) > 1 else []
        rows = getattr(self, "_train_rows", 0)
        train = self.tr("train")
        if rows:  # live training metrics of a large set come from a fixed subsample (the trainer's evaluation)
            train = self.tr("train (on a fixed subsample of {0} images; all of them at the last epoch)").format(
                f"{rows:,}"
            )
        entries += [
            (fg, "solid", train),
            (fg, "dash", self.tr("validation")),
            (fg, "dot", self.tr("test")),
        ]
        if self._key[3]:
            entries.append((fg, "▒", self.tr("band over seeds")))
        else:
            entries.append((fg, "★", self.tr("best")))
        if self._es_enabled:
            entries.append((fg, "✕", self.tr("stopped")))
        palette.style_label(self._legend, palette.legend_html(entries), 0.9)

    # --- per frame -------------------------------------------------------------
    def _update(self, snap: Snapshot) -> None:
        es_enabled = any(v.early_stopping.enabled for v in snap.variants)
        rows = int(getattr(snap.data, "train_eval_rows", 0))
        if es_enabled != self._es_enabled or rows != getattr(self, "_train_rows", 0):
            self._es_enabled = es_enabled
            self._train_rows = rows
            self._style_legend()
        total = float(max(snap.total_epochs, snap.epoch, 1))
        stops = [v.early_stopping.stop_epoch for v in snap.variants]
        if stops and all(e is not None and v.early_stopping.stopped for e, v in zip(stops, snap.variants)):
            # every variant stopped early: the curves fill the plot instead of its first fifth
            total = float(max(max(stops) * 1.08, 1))
        if total != self._x_total:
            self._x_total = total
            self.loss_plot.setXRange(0, total, padding=0.02)
        if self._key[3]:
            self._update_replicates(snap)
            return
        if len(self._fingerprints) != len(snap.variants):
            self._fingerprints = [None] * len(snap.variants)
        changed = False
        for i, v in enumerate(snap.variants):
            h = v.history
            es = v.early_stopping
            key = (history_fingerprint(h), es.best_epoch, es.stop_epoch, es.stopped)
            if key == self._fingerprints[i]:
                continue  # no new evaluation since the last frame
            self._fingerprints[i] = key
            epochs = h["epoch"]
            for s, curve in self.loss_curves[i].items():
                curve.setData(epochs, h[f"{s}_loss"])
            if self.acc_plot is not None:
                for s, curve in self.acc_curves[i].items():
                    curve.setData(epochs, h[f"{s}_accuracy"])
            self._update_markers(i, v)
            changed = True
        if changed:
            self._fit_y(self.loss_plot, snap, "loss", self.log_y.isChecked())
            if self.acc_plot is not None:
                self._fit_y(self.acc_plot, snap, "accuracy", False)

    def _fit_y(self, plot: pg.PlotItem, snap: Snapshot, what: str, log: bool) -> None:
        """The y range of every variant's curves, moved only when they leave it or fill too little of it."""
        stable = self._y_ranges.get(id(plot))
        if stable is None:
            return
        values = [np.asarray(v.history[f"{s}_{what}"], dtype=np.float64) for v in snap.variants for s in SPLITS]
        values = [a[np.isfinite(a) & (a > 0)] if log else a[np.isfinite(a)] for a in values]
        values = [a for a in values if a.size]
        if not values:
            return
        lo, hi = min(float(a.min()) for a in values), max(float(a.max()) for a in values)
        if log:
            lo, hi = float(np.log10(lo)), float(np.log10(hi))
        new = stable.update(lo, hi)
        if new is not None:
            plot.setYRange(*new, padding=0)

    def _update_replicates(self, snap: Snapshot) -> None:
        """Mean lines and bands; best/stop markers belong to single runs and are not drawn."""
        key = (tuple(history_fingerprint(v.history) for v in snap.variants), self.band_mode.currentIndex())
        if self._fingerprints == [key]:
            return
        self._fingerprints = [key]
        keys = [f"{s}_{what}" for s in SPLITS for what in ("loss", "accuracy")]
        mode = BAND_MODES[max(0, self.band_mode.currentIndex())]
        for i, line in enumerate(replicate_lines(snap.variants, keys, mode)):
            if i >= len(self.loss_curves):
                break
            for s, curve in self.loss_curves[i].items():
                curve.setData(line.epochs, line.mean[f"{s}_loss"])
            if self.acc_plot is not None:
                for s, curve in self.acc_curves[i].items():
                    curve.setData(line.epochs, line.mean[f"{s}_accuracy"])
            for k, (low, high, _fill) in self.bands[i].items():
                if k in line.low:
                    low.setData(line.epochs, line.low[k])
                    high.setData(line.epochs, line.high[k])
            self.best_lines[i].setVisible(False)

    def _on_band_mode(self, _index: int) -> None:
        self._fingerprints = []
        if self._snap is not None and self._key is not None:
            self._update(self._snap)

    def _update_markers(self, i: int, v: VariantState) -> None:
        es = v.early_stopping
        key = es.monitor if es.monitor in v.history else "val_loss"
        best_y = value_at_epoch(v, key, es.best_epoch, es.best_value)
        trained = len(v.history["epoch"]) and float(v.history["epoch"][-1]) > 0
        if es.best_epoch is not None and np.isfinite(best_y) and trained:  # before training nothing is "best"
            self.best_lines[i].setPos(es.best_epoch)
            # near the right edge the label goes left of its line: to the right it was clipped ("b")
            right = self._x_total is not None and es.best_epoch > 0.75 * self._x_total
            anchors = [(1, 0.5), (1, 0.5)] if right else [(0, 0.5), (0, 0.5)]
            label = self.best_lines[i].label
            if label.anchors != anchors:
                label.anchors = anchors
                label.updatePosition()
            self.best_lines[i].setVisible(True)
            self.best_markers[i].setData([es.best_epoch], [best_y])
        else:
            self.best_lines[i].setVisible(False)
            self.best_markers[i].setData([], [])
        stop_y = value_at_epoch(v, key, es.stop_epoch)
        if es.stopped and es.stop_epoch is not None and np.isfinite(stop_y):
            self.stop_markers[i].setData([es.stop_epoch], [stop_y])
        else:
            self.stop_markers[i].setData([], [])

    def _on_log_toggled(self, checked: bool) -> None:
        if self.loss_plot is not None:
            self.loss_plot.setLogMode(y=checked)
            self._y_ranges[id(self.loss_plot)] = StableRange(0.05, 0.5)  # a new scale: fit it again
            if self._snap is not None:
                self._fit_y(self.loss_plot, self._snap, "loss", checked)
