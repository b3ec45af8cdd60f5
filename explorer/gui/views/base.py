"""What every plotting view shares: a toolbar row, one pyqtgraph canvas, and the update contract.

Contract (the window and the dashboard rely on it):
  update_snapshot(snap)  called by a ~30 Hz timer with the newest Snapshot; must be fast:
                         items are built once per *structure* (variants, layers, task) and
                         then only fed with setData / setImage / setPen.
  clear()                forget the run; the next snapshot rebuilds everything.
  restyle()              re-read palette (theme, presentation scale) and re-pen every item,
                         keeping data and zoom.
  title                  translated, human-readable name (tab titles, export dialogs).
  figure_widget()        the widget a figure export renders (no toolbar controls in it).
"""

from __future__ import annotations

from typing import Optional

import numpy as np
import pyqtgraph as pg
from PySide6 import QtCore, QtGui, QtWidgets

from explorer.core.protocol import Snapshot
from explorer.gui.i18n import FollowsLanguage
from explorer.gui.views import palette


class SnapshotView(FollowsLanguage, QtWidgets.QWidget):
    """Base for views drawn on one pg.GraphicsLayoutWidget with an optional toolbar above it."""

    title: str = ""

    def __init__(self, parent: Optional[QtWidgets.QWidget] = None):
        super().__init__(parent)
        self._snap: Optional[Snapshot] = None
        self._key: object = None  # structure key of the items built now
        self.toolbar = QtWidgets.QHBoxLayout()
        self.toolbar.setContentsMargins(4, 0, 4, 0)
        self.toolbar.setSpacing(10)
        self.graphics = live_canvas()
        self.graphics.ci.setContentsMargins(4, 4, 16, 4)  # room for the last x tick label
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(self.toolbar)
        layout.addWidget(self.graphics, 1)
        self._placeholder: Optional[pg.LabelItem] = None
        palette.style_graphics_widget(self.graphics)
        self._show_placeholder()

    # --- public contract ---------------------------------------------------
    def figure_widget(self) -> pg.GraphicsView:
        return self.graphics

    def last_snapshot(self) -> Optional[Snapshot]:
        return self._snap

    def update_snapshot(self, snap: Snapshot) -> None:
        """Draw `snap`; the same snapshot again (paused run, 30 Hz timer) costs nothing."""
        if snap is self._snap and self._key is not None:
            return
        self._render(snap)

    def _render(self, snap: Snapshot) -> None:
        self._snap = snap
        key = self._structure_key(snap)
        if key != self._key:
            self._hide_placeholder()
            self._teardown()
            self._key = key
            self._build(snap)
            self._apply_styles()
            self._style_toolbar()
            self._fit_central()
        self._update(snap)

    def _fit_central(self) -> None:
        """Size the layout to the canvas again: a top-level GraphicsLayout grows to fit a wide item
        (a long placeholder, an unwrapped legend) but never shrinks back by itself, which left
        the right part of the plots outside the pane."""
        size = self.graphics.size()
        if size.width() > 1 and size.height() > 1:
            self.graphics.ci.setGeometry(QtCore.QRectF(0, 0, size.width(), size.height()))

    def clear(self) -> None:
        self._snap = None
        self._key = None
        self._teardown()
        self._show_placeholder()

    def restyle(self) -> None:
        palette.style_graphics_widget(self.graphics)
        self._style_toolbar()
        if self._placeholder is not None:
            self._show_placeholder()
        if self._key is not None:
            self._apply_styles()
            self._fit_central()
            if self._snap is not None:
                self._update(self._snap)

    def retranslate(self) -> None:
        """After a language switch: the title, and everything drawn in the canvas (axis labels, legends,
        markers, placeholder) built again in the new language; toolbar labels are done by i18n."""
        from explorer.gui.i18n import retranslated

        self.title = retranslated(self.title)
        if self._snap is not None:
            self._key = None
            self._render(self._snap)
        else:
            self._show_placeholder()

    # --- for subclasses ----------------------------------------------------
    def _structure_key(self, snap: Snapshot) -> object:
        return len(snap.variants)

    def _build(self, snap: Snapshot) -> None:
        raise NotImplementedError

    def _apply_styles(self) -> None:
        raise NotImplementedError

    def _update(self, snap: Snapshot) -> None:
        raise NotImplementedError

    def _teardown(self) -> None:
        self.graphics.clear()

    def _style_toolbar(self) -> None:
        font = palette.font()
        for w in self._toolbar_widgets():
            if w.font() != font:
                w.setFont(font)

    def _toolbar_widgets(self) -> list[QtWidgets.QWidget]:
        out = []
        for i in range(self.toolbar.count()):
            w = self.toolbar.itemAt(i).widget()
            if w is not None:
                out.append(w)
        return out

    def _placeholder_text(self) -> str:
        return self.tr("Press ▶ to start training: this plot fills in live.")

    def _show_placeholder(self) -> None:
        self.graphics.clear()
        self._placeholder = WrappingLabel(justify="center")
        self._placeholder.set_centered()
        palette.style_label(self._placeholder, self._placeholder_text(), 1.1, color=palette.current_theme().muted)
        self.graphics.addItem(self._placeholder)
        self._fit_central()

    def _hide_placeholder(self) -> None:
        if self._placeholder is not None:
            self.graphics.removeItem(self._placeholder)
            self._placeholder = None


class SpacedAxis(pg.AxisItem):
    """An axis whose major tick labels never overlap.

    pyqtgraph draws every major tick label even when a narrow plot (or a presentation-size
    font) makes them run into each other ("0.020.04"); here the major ticks are thinned
    (every 2nd, 5th or 10th, keeping 0) until neighbouring labels have room.
    """

    GAP_PX = 8

    def setStyle(self, **kwargs):
        self.prepareGeometryChange()  # the bounding rect below depends on the style
        return super().setStyle(**kwargs)

    def setGrid(self, grid):
        self.prepareGeometryChange()
        return super().setGrid(grid)

    def boundingRect(self):
        """pyqtgraph ignores the hideOverlappingLabels tolerance when the grid is on, so the end
        labels (0 on an epoch axis) vanished; allow them the same few pixels past the ends."""
        rect = super().boundingRect()
        m = self.style.get("hideOverlappingLabels")
        if self.grid is not False and not isinstance(m, bool) and isinstance(m, int) and m > 0:
            if self.orientation in ("bottom", "top"):
                rect = rect.adjusted(-m, 0, m, 0)
            else:
                rect = rect.adjusted(0, -m, 0, m)
        return rect

    def tickValues(self, minVal, maxVal, size):
        levels = super().tickValues(minVal, maxVal, size)
        try:
            return self._thinned(levels, minVal, maxVal, size)
        except Exception:
            return levels

    def _thinned(self, levels, lo, hi, size):
        if not levels or size <= 0 or hi == lo:
            return levels
        spacing, values = levels[0]
        values = list(values)
        if len(values) < 3:
            return levels
        font = self.style.get("tickFont") or QtGui.QFont()
        fm = QtGui.QFontMetricsF(font)
        horizontal = self.orientation in ("bottom", "top")
        lo, hi = sorted((lo, hi))

        def fits(vals) -> bool:
            if len(vals) < 2:
                return True
            scale = getattr(self, "autoSIPrefixScale", 1.0) * self.scale
            texts = self.tickStrings(vals, scale, spacing)
            pos = [(v - lo) / (hi - lo) * size for v in vals]
            for k in range(1, len(vals)):
                if horizontal:
                    need = (fm.horizontalAdvance(texts[k - 1]) + fm.horizontalAdvance(texts[k])) / 2 + self.GAP_PX
                else:
                    need = fm.height() + 2
                if abs(pos[k] - pos[k - 1]) < need:
                    return False
            return True

        if fits(values):
            return levels
        zero = min(range(len(values)), key=lambda k: abs(values[k]))
        for step in (2, 5, 10, 20, 50):
            kept = [v for k, v in enumerate(values) if (k - zero) % step == 0]
            if fits(kept) or len(kept) <= 2:
                return [(spacing * step, kept)] + [(s, []) for s, _ in levels[1:]]
        return levels


def spaced_axes() -> dict[str, pg.AxisItem]:
    return {name: SpacedAxis(name) for name in ("left", "bottom")}


def live_canvas() -> pg.GraphicsLayoutWidget:
    """A GraphicsLayoutWidget for plots that change every frame and are rebuilt when the run changes.

    Its scene keeps no BSP index of its items. Qt's default index files an item under its scene
    bounding rect and removes it by the rect it has *then*; pyqtgraph's view-dependent items (text,
    infinite lines, curves clipped to the view) change their rects as the view moves, so after a
    rebuild a deleted item could stay filed in the tree, and the next paint that looked it up
    crashed in QGraphicsItem::topLevelItem (the restless-hands test: 10 of 35 runs). A few dozen
    items are found as fast by a plain scan, and moving ones are not re-filed every frame.
    """
    canvas = pg.GraphicsLayoutWidget()
    canvas.scene().setItemIndexMethod(QtWidgets.QGraphicsScene.ItemIndexMethod.NoIndex)
    return canvas


def new_plot(
    layout: pg.GraphicsLayout, row: int, col: int, rowspan: int = 1, colspan: int = 1, long_curves: bool = True
) -> pg.PlotItem:
    """A PlotItem set up for live data: peak downsampling and clip-to-view for long curves.

    Histogram plots pass long_curves=False: pyqtgraph's clipping breaks stepMode curves.
    """
    plot = layout.addPlot(row=row, col=col, rowspan=rowspan, colspan=colspan, axisItems=spaced_axes())
    if long_curves:
        plot.setClipToView(True)
        plot.setDownsampling(auto=True, mode="peak")
    plot.hideButtons()
    plot.getViewBox().setDefaultPadding(0.03)
    cache_axes(plot)
    return plot


def cache_axes(plot: pg.PlotItem) -> None:
    """Paint each axis (its ticks, labels and grid lines over the whole plot) into a pixmap that is
    drawn again until the axis changes. Without it, every new curve repainted the grid and every
    label of the axes it overlaps: a third of a dashboard frame's paint (issue 12's profile)."""
    for name in ("left", "bottom", "top", "right"):
        axis = plot.getAxis(name)
        if axis is not None:
            axis.setCacheMode(QtWidgets.QGraphicsItem.CacheMode.DeviceCoordinateCache)


def new_curve(plot: pg.PlotItem, **kwargs) -> pg.PlotDataItem:
    kwargs.setdefault("antialias", True)
    kwargs.setdefault("connect", "finite")
    curve = pg.PlotDataItem([], [], **kwargs)
    plot.addItem(curve)
    return curve


class WrappingLabel(pg.LabelItem):
    """A LabelItem that wraps its HTML to the width the layout gives it.

    pg.LabelItem makes its text width its minimum width, so a long legend (presentation
    fonts, many variants, a translation) pushes the plots out of the view.
    """

    _source: str = ""
    _packed_width: float = -1.0

    def setText(self, text, **args) -> None:
        self._source = text
        self._packed_width = self.rect().width()
        super().setText(self._packed(text, self._packed_width), **args)

    def resizeEvent(self, ev) -> None:
        # wrap to the new width *before* pyqtgraph places (centres) the text by its bounds
        width = self.rect().width()
        if palette.LEGEND_SEP in self._source and width > 1 and abs(width - self._packed_width) > 0.5:
            self.setText(self._source)  # legend entries packed again for this width
            return
        if width > 1 and abs(self.item.textWidth() - width) > 0.5:
            self.item.setTextWidth(width)
        super().resizeEvent(ev)

    def _packed(self, text: str, width: float) -> str:
        """Legend entries (palette.legend_html) put on lines of their own when they do not fit side
        by side: Qt's rich text breaks Chinese between any two characters, even inside a no-wrap
        span ("测" at a line's end, "试" on the next), so the breaks are chosen here."""
        if width <= 1 or palette.LEGEND_SEP not in text:
            return text
        doc = QtGui.QTextDocument()
        doc.setDocumentMargin(0)
        doc.setDefaultFont(self.item.document().defaultFont())
        style = f"font-size:{self.opts['size']}" if "size" in self.opts else ""

        def advance(fragment: str) -> float:
            doc.setHtml(f"<span style='{style}'>{fragment}</span>")
            return doc.idealWidth()

        room = width - 2 * self.item.document().documentMargin() - 2
        gap = advance(palette.LEGEND_SEP.replace(" ", "&nbsp;"))
        lines = []
        for line in text.split("<br>"):
            rows: list[list[str]] = [[]]
            used = 0.0
            for entry in line.split(palette.LEGEND_SEP):
                w = advance(entry)
                prose = "white-space:nowrap" not in entry  # a note flows on from its row, as prose does
                if rows[-1] and used + gap + w > room and not prose:
                    rows.append([])
                    used = 0.0
                used = room if prose else used + (gap if rows[-1] else 0.0) + w
                rows[-1].append(entry)
            lines.append("<br>".join(palette.LEGEND_SEP.join(row) for row in rows))
        return "<br>".join(lines)

    def set_centered(self) -> None:
        """Centre each wrapped line (a placeholder), not only the text block."""
        option = QtGui.QTextOption(QtCore.Qt.AlignmentFlag.AlignCenter)
        option.setWrapMode(QtGui.QTextOption.WrapMode.WordWrap)
        self.item.document().setDefaultTextOption(option)

    def updateMin(self) -> None:
        width = self.rect().width()
        if width > 1 and abs(self.item.textWidth() - width) > 0.5:
            self.item.setTextWidth(width)
        height = self.itemRect().height()
        self.setMinimumWidth(0)
        self.setMinimumHeight(height)
        # No maximum height: any bound on this row makes Qt shrink the whole top-level
        # GraphicsLayout to its preferred size (plots collapse). The plots below are
        # Expanding, so spare height goes to them anyway.
        self._sizeHint = {
            QtCore.Qt.SizeHint.MinimumSize: (0, height),
            QtCore.Qt.SizeHint.PreferredSize: (0, height),
            QtCore.Qt.SizeHint.MaximumSize: (-1, -1),
            QtCore.Qt.SizeHint.MinimumDescent: (0, 0),
        }
        self.updateGeometry()


def legend_row(layout: pg.GraphicsLayout, row: int, col: int = 0, colspan: int = 1) -> pg.LabelItem:
    """A legend as HTML line(s) *above* a plot, so it never covers the data; wraps when narrow."""
    label = WrappingLabel(justify="left")
    layout.addItem(label, row=row, col=col, colspan=colspan)
    return label


class StableRange:
    """Axis range that does not jump every frame: grows at once, shrinks only when far too wide.

    A projected plot whose axes twitch 30 times a second is unreadable.
    """

    def __init__(self, pad: float = 0.08, shrink_below: float = 0.4):
        self.pad = pad
        self.shrink_below = shrink_below
        self.lo: Optional[float] = None
        self.hi: Optional[float] = None

    def reset(self) -> None:
        self.lo = self.hi = None

    def update(self, lo: float, hi: float) -> Optional[tuple[float, float]]:
        """Return the new range when it must change, else None."""
        if not (np.isfinite(lo) and np.isfinite(hi)):
            return None
        if hi <= lo:
            hi = lo + (abs(lo) * 0.1 or 1.0)
        span = hi - lo
        if self.lo is not None and self.hi is not None:
            cur = self.hi - self.lo
            inside = lo >= self.lo and hi <= self.hi
            if inside and span >= self.shrink_below * cur:
                return None
        self.lo, self.hi = lo - self.pad * span, hi + self.pad * span
        return self.lo, self.hi


def history_fingerprint(history: dict, *arrays) -> tuple:
    """Cheap identity of a growing history: its length and last values.

    Histories grow once per evaluation while snapshots come 30 times a second; views
    skip setData (and pyqtgraph's whole re-layout of the curve) when this is unchanged.
    """
    epochs = history.get("epoch")
    n = 0 if epochs is None else len(epochs)

    def num(x) -> Optional[float]:
        x = float(x)
        return x if x == x else None  # nan != nan would make every frame look new

    last = tuple(num(a[-1]) if len(a) else None for a in history.values())
    extra = tuple((np.shape(a), num(np.nansum(np.asarray(a)[-1:]))) for a in arrays)
    return (n, last, extra)


def data_fingerprint(snap: Snapshot) -> tuple:
    """Cheap identity of the data set (so scatter items are re-fed only when it changes)."""
    d = snap.data

    def summary(a) -> tuple:
        a = np.asarray(a)
        if a.size == 0:
            return (a.shape,)
        flat = a.reshape(-1)
        head = flat[:256].astype(np.float64, copy=False)
        return (a.shape, float(np.nansum(head)), float(flat[-1]))

    return (
        snap.generation,
        d.task,
        summary(d.x_train),
        summary(d.y_train),
        summary(d.x_test),
        summary(d.y_test),
        None if d.grid_x is None else summary(d.grid_x),
        d.grid_extent,
    )


def set_combo_items(combo: QtWidgets.QComboBox, names: list[str]) -> None:
    """Refill a selector keeping the current choice by name (or index) when it still exists."""
    current = combo.currentText()
    index = combo.currentIndex()
    combo.blockSignals(True)
    try:
        combo.clear()
        combo.addItems(names)
        if current in names:
            combo.setCurrentIndex(names.index(current))
        elif 0 <= index < len(names):
            combo.setCurrentIndex(index)
        elif names:
            combo.setCurrentIndex(0)
    finally:
        combo.blockSignals(False)
