"""Dropout at test time in the fit view: what T stochastic passes add to each picture.

Regression: T faint sample curves, their mean (dashed) and a mean +- 2 SD band, beside the usual eval-mode
curve. 2-D classification: the spread of the predicted probability over the passes (its SD) as a shade on
each decision map. Images: under each sample, the SD of its predicted class's probability and how often
the predicted class changed from pass to pass. Under every picture a small plot of |MC mean - eval output|
against the number of passes T (log axes): the mean of T sampled nets approaches the weight-scaled net;
for vanilla dropout the dashed line is the distance to the eval output *without* its (1-p) factor.

The numbers come from the trainer (snap.extra[MC_KEY], one McDropoutState per variant); this module draws.
"""

from __future__ import annotations

from typing import Optional, Sequence

import numpy as np
import pyqtgraph as pg
from PySide6 import QtCore, QtWidgets

from explorer.core.protocol import MC_KEY, McDropoutState, Snapshot
from explorer.gui.i18n import FollowsLanguage
from explorer.gui.views import palette
from explorer.gui.views.base import legend_row, new_curve, new_plot

DEFAULT_PASSES = 50  # T when the switch is first turned on
SPREAD_FULL = 0.25  # an SD of the class probability this large is drawn fully shaded


def mc_states(snap: Snapshot) -> Optional[tuple[Optional[McDropoutState], ...]]:
    states = snap.extra.get(MC_KEY) if isinstance(snap.extra, dict) else None
    return states if isinstance(states, tuple) and states else None


def _nan_joined(x: np.ndarray, curves: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Many curves on one x as one polyline broken by NaN: one item draws all T of them."""
    s, g = curves.shape
    xs = np.empty((s, g + 1))
    ys = np.empty((s, g + 1))
    xs[:, :g], xs[:, g] = x[:g], np.nan
    ys[:, :g], ys[:, g] = curves, np.nan
    return xs.ravel(), ys.ravel()


class CurveBands(QtCore.QObject):
    """Per variant with dropout: faint pass curves, the passes' mean and a +-2 SD band on the curve plot."""

    def __init__(self, plot: pg.PlotItem, n_variants: int) -> None:
        super().__init__()
        self.samples = [new_curve(plot, connect="finite", antialias=False) for _ in range(n_variants)]
        self.means = [new_curve(plot) for _ in range(n_variants)]
        self.upper = [pg.PlotDataItem([], []) for _ in range(n_variants)]
        self.lower = [pg.PlotDataItem([], []) for _ in range(n_variants)]
        self.bands = []
        for i in range(n_variants):
            band = pg.FillBetweenItem(self.upper[i], self.lower[i])
            band.setZValue(-5)
            plot.addItem(band)
            self.bands.append(band)
            self.samples[i].setZValue(-4)
            self.means[i].setZValue(10 + i)

    def apply_styles(self) -> None:
        for i in range(len(self.means)):
            self.samples[i].setPen(palette.variant_pen(i, 1.0, alpha=0.18))
            self.means[i].setPen(palette.variant_pen(i, 2.5, "dash"))
            self.bands[i].setBrush(palette.brush(palette.variant_color(i), 0.18))
            self.bands[i].setPen(palette.pen(palette.variant_color(i), 0.0, alpha=0.0))

    def legend_entries(self) -> list[tuple[str, str, str]]:
        """What the regression legend adds while the passes are shown."""
        fg = palette.current_theme().foreground
        return [
            (fg, "dash", self.tr("mean of T passes")),
            (fg, "▇", self.tr("±2 SD of the passes")),
            (palette.current_theme().muted, "solid", self.tr("single passes (faint)")),
        ]

    def update(self, snap: Snapshot, states: Sequence[Optional[McDropoutState]]) -> None:
        grid_x = snap.data.grid_x
        for i in range(len(self.means)):
            st = states[i] if i < len(states) else None
            if st is None or not st.has_dropout or grid_x is None:
                for item in (self.samples[i], self.means[i], self.upper[i], self.lower[i]):
                    item.setData([], [])
                continue
            x = np.asarray(grid_x)[:: st.grid_stride][: len(st.mean)]
            if st.samples is not None and len(st.samples):
                self.samples[i].setData(*_nan_joined(x, np.asarray(st.samples)[:, : len(x)]))
            self.means[i].setData(x, st.mean[: len(x)])
            self.upper[i].setData(x, (st.mean + 2 * st.sd)[: len(x)])
            self.lower[i].setData(x, (st.mean - 2 * st.sd)[: len(x)])


class BoundarySpread(QtCore.QObject):
    """A shade over each decision map: darker where the passes disagree (SD of the class probability)."""

    def __init__(self, plots: Sequence[pg.PlotItem]) -> None:
        super().__init__()
        self.images = []
        for plot in plots:
            image = pg.ImageItem(axisOrder="row-major")
            image.setZValue(-9)  # over the map, under the points
            plot.addItem(image)
            self.images.append(image)
        self._extent = None

    def update(self, snap: Snapshot, states: Sequence[Optional[McDropoutState]]) -> None:
        extent = snap.data.grid_extent
        ink = pg.mkColor(palette.current_theme().foreground)
        rgb = np.array([ink.red(), ink.green(), ink.blue()], dtype=np.uint8)
        for i, image in enumerate(self.images):
            st = states[i] if i < len(states) else None
            if st is None or extent is None or np.ndim(st.sd) != 2:
                image.clear()
                continue
            sd = np.nan_to_num(np.asarray(st.sd, dtype=np.float64))
            rgba = np.empty(sd.shape + (4,), dtype=np.uint8)
            rgba[..., :3] = rgb
            rgba[..., 3] = (np.clip(sd / SPREAD_FULL, 0.0, 1.0) * 170).astype(np.uint8)
            image.setImage(rgba, autoLevels=False)
            x0, x1, y0, y1 = extent
            image.setRect(QtCore.QRectF(x0, y0, x1 - x0, y1 - y0))

    def note(self) -> str:
        return self.tr("shade: spread of the predicted probability over the T passes (its SD; darker = less sure)")


def image_note(state: Optional[McDropoutState], s: int) -> str:
    """One line under sample s: the SD of its class probability over the passes and how often its class flipped."""
    if state is None or state.changes is None or s >= len(state.changes):
        return ""
    return QtCore.QCoreApplication.translate("ImagesMode", "±{sd} · {pct}% flips").format(
        sd=f"{float(state.sd[s]):.2f}", pct=f"{100 * float(state.changes[s]):.0f}"
    )


class ConvergencePlot(QtCore.QObject):
    """|MC mean of T passes - eval output| against T, both axes logarithmic, one line per variant."""

    def __init__(self, layout: pg.GraphicsLayout, row: int, n_variants: int, colspan: int = 1) -> None:
        super().__init__()
        self.legend = legend_row(layout, row=row, col=0, colspan=colspan)
        self.plot = new_plot(layout, row=row + 1, col=0, colspan=colspan, long_curves=False)
        # log10 of T and of the error on linear axes with explicit ticks (pyqtgraph's log mode drops the
        # labels of a short y range): a 1/sqrt(T) fall is a straight line of slope -1/2
        self.plot.enableAutoRange(x=False, y=False)
        self.curves = [new_curve(self.plot, symbol="o", symbolSize=5) for _ in range(n_variants)]
        self.unscaled = [new_curve(self.plot, symbol="t", symbolSize=6) for _ in range(n_variants)]
        layout.layout.setRowStretchFactor(row + 1, 1)
        self._vanilla = False

    def apply_styles(self) -> None:
        palette.apply_style(self.plot, x_label=self.tr("passes T"), y_label=self.tr("|MC mean − eval|"))
        for i, (c, u) in enumerate(zip(self.curves, self.unscaled)):
            c.setPen(palette.variant_pen(i, 2.0))
            c.setSymbolBrush(palette.brush(palette.variant_color(i)))
            c.setSymbolPen(palette.variant_pen(i, 1.0))
            u.setPen(palette.variant_pen(i, 2.0, "dash"))
            u.setSymbolBrush(palette.brush(palette.variant_color(i), 0.3))
            u.setSymbolPen(palette.variant_pen(i, 1.0))
        self._legend()

    def _legend(self) -> None:
        fg = palette.current_theme().foreground
        entries = [(fg, "solid", self.tr("mean of T passes vs the eval-mode (weight-scaled) output"))]
        if self._vanilla:
            entries.append((fg, "dash", self.tr("vanilla: vs the eval output without its (1-p) factor")))
        palette.style_label(self.legend, palette.legend_html(entries), 0.85)

    def _set_decades(self, states: Sequence[Optional[McDropoutState]]) -> None:
        """Whole decades on both axes (log10 units), so every axis has labelled ticks."""
        ts, errs = [], []
        for st in states:
            if st is not None and st.has_dropout and len(st.convergence_t):
                ts.append(np.asarray(st.convergence_t, dtype=np.float64))
                errs.append(np.asarray(st.convergence_error, dtype=np.float64))
                if st.unscaled_error is not None:
                    errs.append(np.asarray(st.unscaled_error, dtype=np.float64))
        if not ts:
            return
        grid = sorted({int(v) for t in ts for v in t})
        e = np.concatenate(errs)
        e = e[np.isfinite(e) & (e > 0)]
        if e.size == 0:
            return
        lo, hi = float(np.log10(e.min())), float(np.log10(e.max()))
        pad = max(0.15, 0.08 * (hi - lo))
        y0, y1 = lo - pad, hi + pad
        # explicit ticks (log10 units): the T values drawn, and 1, 2, 5 x 10^k inside the error's range
        ticks = [
            (float(np.log10(m * 10.0**k)), f"{m * 10.0**k:g}")
            for k in range(int(np.floor(y0)), int(np.ceil(y1)) + 1)
            for m in ((1, 2, 5) if y1 - y0 < 1.5 else (1,))  # decades only over a wide range
            if y0 + 0.03 < np.log10(m * 10.0**k) < y1 - 0.03
        ]
        self.plot.getAxis("bottom").setTicks([[(float(np.log10(t)), str(t)) for t in grid]])
        self.plot.getAxis("left").setTicks([ticks])
        x1 = float(np.log10(max(grid[-1], 2)))
        self.plot.setRange(xRange=(-0.04 * x1, 1.04 * x1), yRange=(y0, y1), padding=0.0)

    def update(self, states: Sequence[Optional[McDropoutState]]) -> None:
        vanilla = False
        for i, c in enumerate(self.curves):
            st = states[i] if i < len(states) else None
            if st is None or not st.has_dropout or len(st.convergence_t) == 0:
                c.setData([], [])
                self.unscaled[i].setData([], [])
                continue
            t = np.asarray(st.convergence_t, dtype=np.float64)
            floor = 1e-12  # log axes: an exact 0 is drawn at the floor
            t = np.log10(t)
            c.setData(t, np.log10(np.maximum(np.asarray(st.convergence_error, dtype=np.float64), floor)))
            if st.unscaled_error is not None:
                vanilla = True
                self.unscaled[i].setData(
                    t, np.log10(np.maximum(np.asarray(st.unscaled_error, dtype=np.float64), floor))
                )
            else:
                self.unscaled[i].setData([], [])
        self._set_decades(states)
        if vanilla != self._vanilla:
            self._vanilla = vanilla
            self._legend()


class TestTimeControls(FollowsLanguage, QtWidgets.QWidget):
    """The fit view's "dropout at test time: T passes" switch (off by default; T from 1 to 1000, 50 to start).

    Emits passesChanged(T) when switched on or T changes, passesChanged(0) when switched off; the window
    turns that into the live field views.test_time_passes, which the trainer reads."""

    __test__ = False
    passesChanged = QtCore.Signal(int)

    def __init__(self, parent: Optional[QtWidgets.QWidget] = None) -> None:
        super().__init__(parent)
        self.check = QtWidgets.QCheckBox()
        self.check.setObjectName("test_time_check")
        self.spin = QtWidgets.QSpinBox()
        self.spin.setObjectName("test_time_passes")
        self.spin.setRange(1, 1000)
        self.spin.setValue(DEFAULT_PASSES)
        self.spin.setKeyboardTracking(False)  # typing "200" sends 200, not 2, 20 and 200
        self.spin.setEnabled(False)
        layout = QtWidgets.QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.check)
        layout.addWidget(self.spin)
        # never the reason the fit view is wide: in a narrow pane the label is cut, the plots keep their room
        self.check.setMinimumWidth(24)
        self.check.toggled.connect(self._changed)
        self.spin.valueChanged.connect(self._changed)
        self.retranslate()

    def retranslate(self) -> None:
        self.check.setText(self.tr("dropout at test time: T passes"))
        tip = self.tr(
            "Keep dropout on at prediction time and draw T stochastic passes (MC dropout): "
            "y_t = f(x; m_t), t = 1..T, with a fresh mask m_t each pass. Drawn: their mean "
            "(1/T) Σ y_t, a band of ±2 SD and the single passes, beside the usual eval-mode output. "
            "The mean approaches the eval-mode (weight-scaled) output as T grows; the spread is a cheap "
            "uncertainty estimate (Gal and Ghahramani 2016)."
        )
        self.check.setToolTip(tip)
        self.spin.setToolTip(
            self.tr("T, the number of stochastic passes (1 to 1000), drawn as one batched forward of T copies.")
        )

    def passes(self) -> int:
        return self.spin.value() if self.check.isChecked() else 0

    def set_passes(self, passes: int) -> None:
        """Show the experiment's setting (a loaded file or preset) without sending it back."""
        blockers = (QtCore.QSignalBlocker(self.check), QtCore.QSignalBlocker(self.spin))
        self.check.setChecked(passes > 0)
        if passes > 0:
            self.spin.setValue(int(passes))
        self.spin.setEnabled(passes > 0)
        del blockers

    def _changed(self, *_args: object) -> None:
        self.spin.setEnabled(self.check.isChecked())
        self.passesChanged.emit(self.passes())
