"""Weight and gradient histograms per Linear layer, now and over time.

"now": one row per layer (weights left, gradients right), variants overlaid in their
colours. L1 shows up as a spike at exactly 0, L2 as a narrow bell, an unregularized
net as a wide one. With more than MAX_ROWS layers a layer selector shows one row.

"over time": the selected layer's weight histogram at every stored HistogramFrame as a
ridgeline (TensorBoard's "offset" histogram mode): oldest at the top and faint, newest
at the bottom and bold; one column per variant.

y: "count" draws the bars as binned (the variants share each layer's edges, so bar for
bar comparable); "density" divides each variant's counts by its total and the bin width,
so every variant's histogram has area 1: shapes compare even where the variants hold
different numbers of values (pooled seeds, a wider layer) or the edges moved over time.
"""

from __future__ import annotations

from typing import Optional

import numpy as np
import pyqtgraph as pg
from PySide6 import QtGui, QtWidgets

from explorer.core.protocol import Histogram, Snapshot
from explorer.gui.i18n import layer_label
from explorer.gui.views import palette
from explorer.gui.views.base import SnapshotView, StableRange, legend_row, new_curve, new_plot, set_combo_items
from explorer.gui.views.seed_choice import SeedChoice

MAX_ROWS = 4
MIN_PLOT_H = 78  # px a histogram plot needs to be read (stacked layers)
MIN_PLOT_W = 170  # px per layer column (wide panes)
MAX_RIDGES = 40
RIDGE_HEIGHT = 2.6  # a full-height ridge spans this many baselines (they overlap, as in a joyplot)


def _step_data(h: Optional[Histogram]) -> tuple[np.ndarray, np.ndarray]:
    if h is None or len(h.counts) == 0:
        return np.zeros(0), np.zeros(0)
    return np.asarray(h.edges, dtype=np.float64), np.asarray(h.counts, dtype=np.float64)


def heights(counts: np.ndarray, edges: np.ndarray, density: bool) -> np.ndarray:
    """The bar heights drawn: the counts, or the density (area 1 on these edges; all zeros stay zeros)."""
    counts = np.asarray(counts, dtype=np.float64)
    if not density or counts.size == 0:
        return counts
    total = counts.sum()
    if total <= 0:
        return np.zeros_like(counts)
    return counts / (total * np.diff(np.asarray(edges, dtype=np.float64)))


def _blend(c1: QtGui.QColor, c2: QtGui.QColor, t: float) -> QtGui.QColor:
    return QtGui.QColor(
        *(
            int(round(a + (b - a) * t))
            for a, b in ((c1.red(), c2.red()), (c1.green(), c2.green()), (c1.blue(), c2.blue()))
        )
    )


class HistogramView(SeedChoice, SnapshotView):
    def __init__(self, parent: Optional[QtWidgets.QWidget] = None):
        super().__init__(parent)
        self.title = self.tr("Histograms")
        self.mode_combo = QtWidgets.QComboBox()
        self.mode_combo.addItems([self.tr("now"), self.tr("over time")])
        self.mode_combo.setToolTip(
            self.tr(
                "Now: this moment's weight and gradient histograms of every layer. "
                "Over time: how one layer's weight histogram changed during training."
            )
        )
        # a check box, not a "y: count/density" combo: the tabbed pane is ~470 px wide on a 1600 px screen,
        # and in presentation mode a second combo was squeezed to "coun"
        self.density_check = QtWidgets.QCheckBox(self.tr("density"))
        self.density_check.setToolTip(
            self.tr(
                "Off: how many values fall in each bin. On: each variant's histogram scaled to area 1, "
                "to compare shapes when the variants hold different numbers of values."
            )
        )
        # no "layer:" label: the items read "layer 1", and every pixel of this toolbar is the window's
        # minimum width (a 1,280 px projector)
        self.layer_combo = QtWidgets.QComboBox()
        self.layer_combo.setToolTip(self.tr("Which Linear layer's histograms to show."))
        self.toolbar.addWidget(QtWidgets.QLabel(self.tr("show:")))
        self.toolbar.addWidget(self.mode_combo)
        self.toolbar.addWidget(self.density_check)
        self.toolbar.addWidget(self.layer_combo)
        self.toolbar.addWidget(
            self._init_seed_choice(
                self.tr("all seeds pooled"),
                self.tr("With several seeds per variant: all seeds' weights pooled in one histogram, or one seed's."),
            )
        )
        self.toolbar.addStretch(1)
        self.mode_combo.currentIndexChanged.connect(self._on_selection_changed)
        self.layer_combo.currentIndexChanged.connect(self._on_selection_changed)
        self.density_check.toggled.connect(self._on_selection_changed)
        for combo in (self.mode_combo, self.layer_combo):  # fit the longest item at any font size (_style_toolbar)
            combo.setSizeAdjustPolicy(QtWidgets.QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.rows: list[int] = []  # layer index of each shown row
        self.weight_plots: list[pg.PlotItem] = []
        self.grad_plots: list[pg.PlotItem] = []
        self.weight_curves: list[list[pg.PlotDataItem]] = []  # [row][variant]
        self.grad_curves: list[list[pg.PlotDataItem]] = []
        self.ridge_plots: list[pg.PlotItem] = []
        self.ridges: list[list[pg.PlotDataItem]] = []  # [variant][age]: age 0 = newest
        self._ranges: dict[int, tuple[StableRange, StableRange]] = {}
        # (row, "weight_hist" | "grad_hist") -> ids of the Histogram objects drawn there, and those objects
        self._drawn: dict[tuple[int, str], tuple[int, ...]] = {}
        self._drawn_objects: dict[tuple[int, str], tuple[object, ...]] = {}
        self._ridge_keys: list[object] = []
        self._ridge_n: list[int] = []
        self._legend: Optional[pg.LabelItem] = None
        self._set_layer_selector_visible(False)

    # --- selection ---------------------------------------------------------------
    def over_time(self) -> bool:
        return self.mode_combo.currentIndex() == 1

    def set_over_time(self, enabled: bool) -> None:
        self.mode_combo.setCurrentIndex(1 if enabled else 0)

    def density(self) -> bool:
        """True: each variant's histogram drawn with area 1; False: the raw counts."""
        return self.density_check.isChecked()

    def set_density(self, enabled: bool) -> None:
        self.density_check.setChecked(enabled)

    def selected_layer(self) -> int:
        return max(0, self.layer_combo.currentIndex())

    def set_selected_layer(self, index: int) -> None:
        self.layer_combo.setCurrentIndex(index)

    def _set_layer_selector_visible(self, visible: bool) -> None:
        self.layer_combo.setVisible(visible)

    def _on_selection_changed(self, _i: object) -> None:
        if self._snap is not None:
            self._render(self._snap)

    def _style_toolbar(self) -> None:
        """Presentation fonts: the combos keep room for their longest item (the layout squeezed "over time"
        to "ov" and the layer names to "lay")."""
        super()._style_toolbar()
        for combo in (self.mode_combo, self.layer_combo):
            combo.setMinimumWidth(combo.sizeHint().width())
        # An explicit minimum, the toolbar's with the layer selector shown: left to the layout, the view's
        # minimum would change as the selector shows or hides; a pane grown to it fits all layers, hides
        # the selector, shrinks, shows it again... (a rebuild loop that froze the restless-hands test).
        # The seed selector counts only with replicates (it depends on the run, not on the pane's size):
        # counted always, it made the window 1,633 px wide in presentation mode, past a 1,600 px screen.
        widgets = [w for w in self._toolbar_widgets() if w is not self.seed_combo or self._seeds]
        margins = self.toolbar.contentsMargins()
        width = sum(w.minimumSizeHint().width() if w.minimumWidth() == 0 else w.minimumWidth() for w in widgets)
        self.setMinimumWidth(
            width + self.toolbar.spacing() * max(0, len(widgets) - 1) + margins.left() + margins.right()
        )

    # --- structure ---------------------------------------------------------------
    def _structure_key(self, snap: Snapshot) -> object:
        names = tuple(v.name for v in snap.variants)
        layers = tuple(layer_label(lin.name) for lin in snap.variants[0].linears) if snap.variants else ()
        if self.over_time():
            return (names, layers, "time", min(self.selected_layer(), max(0, len(layers) - 1)), self.density())
        wide = self._wide()
        fits = min(MAX_ROWS, self._layers_that_fit(wide))
        shown = tuple(range(len(layers))) if len(layers) <= fits else (min(self.selected_layer(), len(layers) - 1),)
        if len(shown) == 1:
            wide = False  # one layer: weights and gradients side by side
        # the y scale in the key: a switch builds the plots again (legend text, y ranges from zero)
        return (names, layers, "now", shown, wide, self.density())

    def _wide(self) -> bool:
        """Short, wide pane: layers side by side (weights row above gradients row) instead of stacked."""
        size = self.graphics.size()
        return size.width() > 1.6 * size.height()

    def _layers_that_fit(self, wide: bool) -> int:
        """How many layers get a readable plot pair in this pane; fewer than the net has: a layer selector.

        A plot needs about MIN_PLOT_H px of height (ticks, curve, tick labels) and MIN_PLOT_W of width,
        more with presentation-size fonts.
        """
        size = self.graphics.size()
        if size.width() < 10 or size.height() < 10:  # not laid out yet: the old rule
            return MAX_ROWS
        fs = palette.font_scale()
        header = 28 * fs + 24 * fs  # legend row + titles
        if wide:
            return max(1, int(size.width() // (MIN_PLOT_W * fs)))
        return max(1, int((size.height() - header - 26 * fs) // (MIN_PLOT_H * fs)))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if (
            self._snap is not None
            and self._key is not None
            and self._key[2] == "now"
            and self._structure_key(self._snap) != self._key
        ):
            self._render(self._snap)

    def _teardown(self) -> None:
        super()._teardown()
        self.rows, self.weight_plots, self.grad_plots = [], [], []
        self.weight_curves, self.grad_curves = [], []
        self.ridge_plots, self.ridges = [], []
        self._ranges, self._ridge_keys, self._ridge_n = {}, [], []
        self._drawn, self._drawn_objects = {}, {}
        self._legend = None

    def _build(self, snap: Snapshot) -> None:
        names, layers = self._key[0], self._key[1]
        set_combo_items(self.layer_combo, list(layers))
        self._set_layer_selector_visible(
            self.over_time() or (self._key[2] == "now" and len(self._key[3]) < len(layers))
        )
        lay = self.graphics.ci
        if self.over_time():
            self._legend = legend_row(lay, row=0, col=0, colspan=max(1, len(names)))
            for i in range(len(names)):
                plot = new_plot(lay, row=1, col=i, long_curves=False)
                plot.setMouseEnabled(x=True, y=False)
                self.ridge_plots.append(plot)
                items = []
                for age in range(MAX_RIDGES):
                    c = new_curve(plot, connect="all", fillLevel=float(age))
                    c.setZValue(-age)
                    c.setVisible(False)
                    items.append(c)
                self.ridges.append(items)
                self._ridge_keys.append(None)
                self._ridge_n.append(-1)
            return
        self.rows = list(self._key[3])
        wide = self._key[4]
        self._legend = legend_row(lay, row=0, col=0, colspan=len(self.rows) if wide else 2)
        for r, _layer in enumerate(self.rows):
            if wide:  # layers are columns: weights on row 1, gradients on row 2
                wp = new_plot(lay, row=1, col=r, long_curves=False)
                gp = new_plot(lay, row=2, col=r, long_curves=False)
            else:  # layers are rows: weights left, gradients right
                wp = new_plot(lay, row=1 + r, col=0, long_curves=False)
                gp = new_plot(lay, row=1 + r, col=1, long_curves=False)
            self.weight_plots.append(wp)
            self.grad_plots.append(gp)
            self.weight_curves.append([new_curve(wp, stepMode="center", fillLevel=0, connect="all") for _ in names])
            self.grad_curves.append([new_curve(gp, stepMode="center", fillLevel=0, connect="all") for _ in names])
            self._ranges[id(wp)] = (StableRange(0.04), StableRange(0.0, 0.5))
            self._ranges[id(gp)] = (StableRange(0.04), StableRange(0.0, 0.5))

    def _apply_styles(self) -> None:
        names, layers = self._key[0], self._key[1]
        theme = palette.current_theme()
        entries = [(palette.variant_hex(i), "solid", n) for i, n in enumerate(names)]
        if self.over_time():
            layer = layers[min(self.selected_layer(), len(layers) - 1)] if layers else ""
            for i, plot in enumerate(self.ridge_plots):
                palette.apply_style(
                    plot, x_label=self.tr("weight value"), y_label=self.tr("epoch") if i == 0 else None, grid=False
                )
                palette.set_title(plot, names[i], color=palette.variant_hex(i))
                self._ridge_n[i] = -1  # re-pen on the next update
                self._ridge_keys[i] = None
            text = self.tr(
                "{layer}: weight histogram over time — oldest at the top (faint), newest at the bottom (bold)"
            ).format(layer=layer)
            palette.style_label(self._legend, palette._esc(text), 0.95)
            return
        last = len(self.rows) - 1
        wide = self._key[4]
        for r, layer in enumerate(self.rows):
            wp, gp = self.weight_plots[r], self.grad_plots[r]
            if wide:  # rows are named in the legend: rotated labels on short rows collide
                palette.apply_style(wp)
                palette.apply_style(gp)
                palette.set_title(wp, layers[layer])
            else:
                palette.apply_style(wp, x_label=self.tr("weight value") if r == last else None, y_label=layers[layer])
                palette.apply_style(gp, x_label=self.tr("gradient value") if r == last else None)
                if r == 0:
                    palette.set_title(wp, self.tr("weights"))
                    palette.set_title(gp, self.tr("gradients"))
            for group in (self.weight_curves[r], self.grad_curves[r]):
                for i, c in enumerate(group):
                    c.setPen(palette.variant_pen(i, 2.0))
                    c.setBrush(palette.brush(palette.variant_color(i), 0.18))
        if len(names) < 2:
            entries = []
        if wide:
            text = (
                self.tr("(top: weights, bottom: gradients; y: density)")
                if self.density()
                else self.tr("(top: weights, bottom: gradients; y: count)")
            )
        else:
            text = self.tr("(y: density)") if self.density() else self.tr("(y: count)")
        entries.append((theme.muted, "", text))
        palette.style_label(self._legend, palette.legend_html(entries), 0.9)

    # --- per frame -------------------------------------------------------------
    def _update(self, snap: Snapshot) -> None:
        if self.over_time():
            self._update_ridges(snap)
            return
        density = self.density()
        for r, layer in enumerate(self.rows):
            for plot, curves, attr in (
                (self.weight_plots[r], self.weight_curves[r], "weight_hist"),
                (self.grad_plots[r], self.grad_curves[r], "grad_hist"),
            ):
                shown = tuple(
                    getattr(v.linears[layer], attr) if layer < len(v.linears) else None
                    for v in snap.variants[: len(curves)]
                )
                if self._drawn.get((r, attr)) == tuple(map(id, shown)):
                    continue  # the same histograms (the trainer rebuilds them ~10 times a second): no repaint
                self._drawn[(r, attr)] = tuple(map(id, shown))
                self._drawn_objects[(r, attr)] = shown  # keeps the ids above unique
                lo, hi, top = np.inf, -np.inf, 0.0
                for i, hist in enumerate(shown):
                    if hist is None:
                        continue
                    x, y = _step_data(hist)
                    y = heights(y, x, density)
                    curves[i].setData(x, y)
                    if x.size:
                        lo, hi, top = min(lo, x[0]), max(hi, x[-1]), max(top, float(y.max(initial=0)))
                xr, yr = self._ranges[id(plot)]
                new_x = xr.update(lo, hi)
                if new_x is not None:
                    plot.setXRange(*new_x, padding=0)
                new_y = yr.update(0.0, top if top > 0 else 1.0)
                if new_y is not None:
                    plot.setYRange(0.0, new_y[1], padding=0)

    def _update_ridges(self, snap: Snapshot) -> None:
        layer = self.selected_layer()
        theme = palette.current_theme()
        density = self.density()
        for i, v in enumerate(snap.variants[: len(self.ridges)]):
            frames = [f for f in v.histogram_frames if layer < len(f.hists)]
            if len(frames) > MAX_RIDGES:
                keep = np.unique(np.linspace(0, len(frames) - 1, MAX_RIDGES).round().astype(int))
                frames = [frames[k] for k in keep]
            key = (layer, len(frames), frames[-1].epoch if frames else None, frames[0].epoch if frames else None)
            if key == self._ridge_keys[i]:
                continue
            self._ridge_keys[i] = key
            n = len(frames)
            if n != self._ridge_n[i]:
                self._ridge_n[i] = n
                bg = QtGui.QColor(theme.background)
                fill = palette.brush(_blend(bg, palette.variant_color(i), 0.10))
                for age, item in enumerate(self.ridges[i]):
                    t = age / max(1, n - 1)  # 0 newest .. 1 oldest
                    item.setPen(palette.variant_pen(i, 2.8 if age == 0 else 1.3, alpha=1.0 - 0.75 * t))
                    item.setBrush(fill)
            drawn = [heights(f.hists[layer].counts, f.hists[layer].edges, density) for f in frames]
            top = max((float(np.max(d, initial=0)) for d in drawn), default=1.0) or 1.0
            lo, hi = np.inf, -np.inf
            for age, item in enumerate(self.ridges[i]):
                if age >= n:
                    item.setVisible(False)
                    continue
                h = frames[n - 1 - age].hists[layer]
                edges = np.asarray(h.edges, dtype=np.float64)
                if edges.size < 2:
                    item.setVisible(False)
                    continue
                # bin centres, closed down to the baseline at both outer edges
                x = np.concatenate(([edges[0]], 0.5 * (edges[:-1] + edges[1:]), [edges[-1]]))
                y = np.concatenate(([0.0], drawn[n - 1 - age] / top, [0.0]))
                item.setData(x, age + RIDGE_HEIGHT * y)
                item.setVisible(True)
                lo, hi = min(lo, edges[0]), max(hi, edges[-1])
            plot = self.ridge_plots[i]
            if np.isfinite(lo):
                plot.setXRange(lo, hi, padding=0.03)
            plot.setYRange(-0.3, max(1, n - 1) + RIDGE_HEIGHT + 0.2, padding=0)
            step = max(1, int(np.ceil(n / 7)))
            ticks = [(float(age), str(frames[n - 1 - age].epoch)) for age in range(0, n, step)]
            plot.getAxis("left").setTicks([ticks, []])

    def visible_ridge_count(self, variant: int = 0) -> int:
        if variant >= len(self.ridges):
            return 0
        return sum(1 for item in self.ridges[variant] if item.isVisible())
