"""Fit view modes: sample-image predictions, and the dropout-scaling demo (train vs eval outputs)."""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6 import QtCore, QtGui

from explorer.core.protocol import Snapshot
from explorer.gui.views import palette
from explorer.gui.views.base import StableRange, WrappingLabel, data_fingerprint, legend_row, new_curve, new_plot
from explorer.gui.views.class_names import class_name
from explorer.gui.views.fit_test_time import ConvergencePlot, image_note, mc_states

MIN_SIDE = 56  # px: a digit smaller than this cannot be read from the back of the room


def _title_metrics(class_names: tuple[str, ...] = (), short: bool = False) -> tuple[float, float]:
    longest = max(class_names, key=len) if class_names else "8"
    fm = QtGui.QFontMetricsF(palette.font(0.9, bold=True))
    text = f"✓ {longest}" if short else f"✓ {longest} (0.88)"  # one line: "✓ 7 (0.93)" or "✓ 7"
    return fm.horizontalAdvance(text) + 14, fm.height() + 4


def image_grid(n: int, width: float, height: float, class_names: tuple[str, ...] = ()) -> tuple[int, int, bool]:
    """(columns, samples shown, short titles): the biggest images while every title fits its cell.

    In order of preference: all n samples titled "✓ 7 (0.93)"; all n titled "✓ 7"; 12, then 8
    samples titled "✓ 7" -- the first whose images are at least MIN_SIDE px."""
    if n <= 0:
        return 1, 0, False
    width, height = width - 24, height - 12  # the canvas' margins

    def best(k: int, short: bool) -> tuple[int, float]:
        title_w, title_h = _title_metrics(class_names, short)
        max_cols = max(1, int(max(width, 1) // title_w))

        def side(cols: int) -> float:
            rows = math.ceil(k / cols)
            return min(width / cols, (height - 1.5 * title_h) / rows - title_h)

        cols = max(range(1, min(k, max_cols) + 1), key=side)
        return cols, side(cols)

    for k, short in ((n, False), (n, True), (12, True), (8, True)):
        if k > n:
            continue
        cols, side = best(k, short)
        if side >= MIN_SIDE:
            return cols, k, short
    k = min(n, 8)
    return best(k, True)[0], k, True


def image_columns(n: int, width: float, height: float, class_names: tuple[str, ...] = ()) -> int:
    """Columns of the sample grid (see image_grid)."""
    return image_grid(n, width, height, class_names)[0]


class ImagesMode(QtCore.QObject):
    """A grid of sample images, each titled with the selected variant's prediction.

    VariantState.grid_prediction is (S, C) class probabilities for the S sample images.
    Colour says right (green, ✓) or wrong (red, ✗); the mark keeps it readable without colour.
    """

    def __init__(
        self, layout: pg.GraphicsLayout, snap: Snapshot, cols: int = 4, shown: int | None = None, short: bool = False
    ):
        super().__init__()
        self.short = short
        self.names = [v.name for v in snap.variants]
        images = np.asarray(snap.data.x_train)
        self.n = len(images) if shown is None else max(1, min(shown, len(images)))
        cols = max(1, min(cols, self.n))
        self.header = legend_row(layout, row=0, col=0, colspan=cols)
        self.titles: list[pg.LabelItem] = []
        self.images: list[pg.ImageItem] = []
        for s in range(self.n):
            cell = layout.addLayout(row=1 + s // cols, col=s % cols)
            cell.setContentsMargins(2, 2, 2, 2)
            cell.setSpacing(0)
            title = WrappingLabel(justify="center")  # never wider than its cell
            cell.addItem(title, row=0, col=0)
            vb = cell.addViewBox(row=1, col=0, lockAspect=True, enableMouse=False, invertY=True)
            vb.setMenuEnabled(False)
            image = pg.ImageItem(axisOrder="row-major")
            vb.addItem(image)
            self.titles.append(title)
            self.images.append(image)
        self._texts: list[str] = [""] * self.n
        self._header_text = ""
        self._data_key = None
        # dropout at test time (fit_test_time.py): per sample the spread over the passes, and a
        # convergence plot under the grid; only while the snapshots carry the passes
        self.convergence = None
        if mc_states(snap) is not None:
            rows = -(-self.n // cols)
            self.convergence = ConvergencePlot(layout, 1 + rows, len(self.names), colspan=cols)

    def apply_styles(self) -> None:
        self._texts = [""] * self.n  # force titles to be re-rendered with the new font
        self._header_text = ""
        if self.convergence is not None:
            self.convergence.apply_styles()

    def update(self, snap: Snapshot, selected: int) -> None:
        d = snap.data
        key = data_fingerprint(snap)
        if key != self._data_key:
            self._data_key = key
            imgs = np.asarray(d.x_train, dtype=np.float32)
            lo, hi = (float(np.nanmin(imgs)), float(np.nanmax(imgs))) if imgs.size else (0.0, 1.0)
            for s, image in enumerate(self.images):
                image.setImage(imgs[s], autoLevels=False, levels=(lo, hi if hi > lo else lo + 1))
        if not snap.variants:
            return
        selected = min(max(selected, 0), len(snap.variants) - 1)
        probs = np.asarray(snap.variants[selected].grid_prediction)
        labels = None if d.sample_labels is None else np.asarray(d.sample_labels).astype(int)
        correct_count = 0
        states = mc_states(snap)
        mc = states[selected] if states is not None and selected < len(states) else None
        if self.convergence is not None and states is not None:
            self.convergence.update(states)
        for s in range(min(self.n, len(probs))):
            k = int(np.argmax(probs[s]))
            p = float(probs[s, k])
            right = labels is not None and s < len(labels) and k == labels[s]
            correct_count += int(right)
            mark = "✓" if right else ("✗" if labels is not None else "")
            name = class_name(d.class_names[k]) if k < len(d.class_names) else str(k)
            text = f"{mark} " + self.tr("pred {k} (p={p})").format(k=name, p=f"{p:.2f}")
            spread = image_note(mc, s)
            text += spread
            if text != self._texts[s]:
                self._texts[s] = text
                html = palette._esc(f"{mark} {name}" if self.short else f"{mark} {name} ({p:.2f})")
                if spread:
                    html += f'<br><span style="font-size:small; font-weight:normal">{palette._esc(spread)}</span>'

                color = (
                    palette.CORRECT_COLOR
                    if right
                    else (palette.WRONG_COLOR if labels is not None else palette.current_theme().foreground)
                )
                palette.style_label(self.titles[s], html, 0.9, color=color, bold=True)
        header = self.tr("{name}: {c} of {n} right").format(
            name=snap.variants[selected].name, c=correct_count, n=min(self.n, len(probs))
        )
        if header != self._header_text:
            self._header_text = header
            note = self.tr("(predicted class)") if self.short else self.tr("(predicted class, probability)")
            html = (
                f'<b>{palette._esc(header)}</b>&nbsp;&nbsp;<span style="font-weight:normal; '
                f'color:{palette.current_theme().muted}">{palette._esc(note)}</span>'
            )
            palette.style_label(self.header, html, 1.0, color=palette.variant_hex(selected))


class ScalingMode(QtCore.QObject):
    """Dropout scaling demo: the distribution of many train-mode outputs vs the one eval-mode output.

    snap.extra["scaling"] = {kind: {"train_outputs": (n,) array, "eval_output": float}}.
    Inverted dropout: train outputs scatter around 10000 and eval gives exactly 10000;
    vanilla: train around 5000, eval multiplies by (1 - p) and gives 5000. Same expectation.
    """

    BINS = 40

    def __init__(self, layout: pg.GraphicsLayout, snap: Snapshot):
        super().__init__()
        self.kinds = list(snap.extra["scaling"].keys())
        cols = max(1, len(self.kinds))
        self.legend = legend_row(layout, row=0, col=0, colspan=cols)
        self.plots, self.hists, self.eval_lines, self.mean_lines = [], [], [], []
        self.ranges: list[StableRange] = []
        self._keys: list[object] = []
        for j, _kind in enumerate(self.kinds):
            plot = new_plot(layout, row=1, col=j, long_curves=False)
            hist = new_curve(plot, stepMode="center", fillLevel=0, connect="all")
            ev = pg.InfiniteLine(angle=90, label="", labelOpts={"position": 0.93, "anchors": [(0, 0.5), (0, 0.5)]})
            mean = pg.InfiniteLine(angle=90, label="", labelOpts={"position": 0.8, "anchors": [(0, 0.5), (0, 0.5)]})
            for line in (ev, mean):
                line.setZValue(10)
                plot.addItem(line, ignoreBounds=True)
            self.plots.append(plot)
            self.hists.append(hist)
            self.eval_lines.append(ev)
            self.mean_lines.append(mean)
            self.ranges.append(StableRange(pad=0.05, shrink_below=0.3))
            self._keys.append(None)

    def apply_styles(self) -> None:
        theme = palette.current_theme()
        for j, kind in enumerate(self.kinds):
            palette.apply_style(
                self.plots[j], x_label=self.tr("network output"), y_label=self.tr("count") if j == 0 else None
            )
            palette.set_title(self.plots[j], kind, color=palette.variant_hex(j))
            color = palette.variant_color(j)
            self.hists[j].setPen(palette.pen(color, 2.0))
            self.hists[j].setBrush(palette.brush(color, 0.35))
            self.eval_lines[j].setPen(palette.pen(theme.foreground, 3.0))
            self.mean_lines[j].setPen(palette.pen(color, 2.0, "dash"))
            for line, c in ((self.eval_lines[j], theme.foreground), (self.mean_lines[j], color.name())):
                line.label.setColor(c)
                line.label.setFont(palette.font(0.9, bold=True))
            self._keys[j] = None
        fg = theme.foreground
        entries = [
            (fg, "solid", self.tr("output in eval mode")),
            (fg, "dash", self.tr("mean of the train-mode outputs")),
            (fg, "▇", self.tr("histogram of many train-mode outputs")),
        ]
        palette.style_label(self.legend, palette.legend_html(entries), 0.95)

    def _edges(self, values: np.ndarray, lo: float, hi: float) -> np.ndarray:
        """Bins aligned to the values' lattice: inverted-dropout outputs are all even, and
        bins that ignore that alternate between full and empty."""
        width = (hi - lo) / self.BINS
        if values.size > 1 and np.all(values == np.round(values)):
            u = np.unique(values)
            unit = float(np.min(np.diff(u))) if u.size > 1 else 1.0
            width = unit * max(1.0, np.ceil(width / unit))
            lo = np.floor(lo / unit) * unit - width / 2
        n = max(1, int(np.ceil((hi - lo) / width)) + 1)
        return lo + width * np.arange(n + 1)

    def update(self, snap: Snapshot, selected: int) -> None:
        scaling = snap.extra.get("scaling") or {}
        for j, kind in enumerate(self.kinds):
            entry = scaling.get(kind)
            if not entry:
                continue
            outs = np.asarray(entry.get("train_outputs", ()), dtype=np.float64).ravel()
            ev = float(entry.get("eval_output", np.nan))
            key = (outs.size, float(outs[:64].sum()) if outs.size else 0.0, float(outs[-1]) if outs.size else 0.0, ev)
            if key == self._keys[j]:
                continue
            self._keys[j] = key
            finite = outs[np.isfinite(outs)]
            lo = float(finite.min()) if finite.size else (ev if np.isfinite(ev) else 0.0)
            hi = float(finite.max()) if finite.size else (ev if np.isfinite(ev) else 1.0)
            if np.isfinite(ev):
                lo, hi = min(lo, ev), max(hi, ev)
            if hi <= lo:
                lo, hi = lo - 1.0, hi + 1.0
            counts, edges = np.histogram(finite, bins=self._edges(finite, lo, hi))
            self.hists[j].setData(edges, counts)
            new = self.ranges[j].update(lo, hi)
            if new is not None:
                self.plots[j].setXRange(*new, padding=0)
            if np.isfinite(ev):
                self.eval_lines[j].setPos(ev)
                self.eval_lines[j].label.setFormat(self.tr("eval"))
                self.eval_lines[j].setVisible(True)
            else:
                self.eval_lines[j].setVisible(False)
            if finite.size:
                m = float(finite.mean())
                self.mean_lines[j].setPos(m)
                self.mean_lines[j].label.setFormat(self.tr("mean"))
                self.mean_lines[j].setVisible(True)
            else:
                m = np.nan
                self.mean_lines[j].setVisible(False)
            if finite.size:
                sub = self.tr("eval {e} · mean of train {m}").format(e=f"{ev:g}", m=f"{m:.1f}")
            else:  # before any train-mode pass there is no mean to show (it read "nan")
                sub = self.tr("eval {e} · press Play to draw train-mode outputs").format(e=f"{ev:g}")
            palette.set_title(self.plots[j], kind, color=palette.variant_hex(j), subtitle=sub)
