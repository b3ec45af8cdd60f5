"""The live network diagram: neurons light up or go dark with each dropout mask; links show weights.

Plain QGraphicsView (not pyqtgraph): all items are created once per network shape and
afterwards only re-penned / re-brushed, and only where their look changed, so the
diagram repaints at 30 Hz without allocating. Links use a fixed set of pens
(sign x |w| level x dropped state); a frame computes every link's pen index with numpy.

Hovering a hidden neuron shows an in-scene tooltip (drawn at screen size) saying what
the neuron computes, its dropout state, and for 2-D data a live map of its output
over the input plane (HiddenState.neuron_maps).
"""
from __future__ import annotations

from typing import Optional

import numpy as np
from PySide6 import QtCore, QtGui, QtWidgets

from explorer.core.snapshot import DIAGRAM_MAX_NEURONS, Snapshot, VariantState
from explorer.gui.views import palette
from explorer.gui.views.base import set_combo_items
from explorer.gui.views.diagram_parts import (DARK, DROPCONNECT, GAUSS_LEVELS, LEVELS, LIT, UNIT_DROPPED,
                                              DiagramGraphicsView, DiagramStyle, NeuronTooltip, place_text)

COL_DX, DY, R = 215.0, 31.0, 10.5
MIN_DX, MAX_DX = 110.0, 420.0               # column spacing adapts to the pane's shape within these


class _Neuron(QtWidgets.QGraphicsEllipseItem):
    def __init__(self, diagram: "NetworkDiagram", col: int, index: int, x: float, y: float):
        super().__init__(x - R, y - R, 2 * R, 2 * R)
        self.diagram, self.col, self.index, self.y0 = diagram, col, index, y
        self.state = -1
        self.setAcceptHoverEvents(True)
        self.setZValue(5)

    def hoverEnterEvent(self, event) -> None:  # noqa: N802 (Qt name)
        self.diagram.hover_neuron(self.col, self.index)

    def hoverLeaveEvent(self, event) -> None:  # noqa: N802
        self.diagram.unhover()


class NetworkDiagram(QtWidgets.QWidget):
    """Input, hidden and output layers of the selected variant, at most DIAGRAM_MAX_NEURONS per layer."""

    def __init__(self, parent: Optional[QtWidgets.QWidget] = None):
        super().__init__(parent)
        self.title = self.tr("Network")
        self._snap: Optional[Snapshot] = None
        self._key: object = None
        self.variant_label = QtWidgets.QLabel(self.tr("variant:"))
        self.variant_combo = QtWidgets.QComboBox()
        self.variant_combo.setToolTip(self.tr("Whose network the diagram shows."))
        self.variant_combo.currentIndexChanged.connect(self._on_variant_changed)
        bar = QtWidgets.QHBoxLayout()
        bar.setContentsMargins(4, 0, 4, 0)
        bar.addWidget(self.variant_label)
        bar.addWidget(self.variant_combo)
        bar.addStretch(1)
        self.scene = QtWidgets.QGraphicsScene(self)
        self.scene.setItemIndexMethod(QtWidgets.QGraphicsScene.ItemIndexMethod.NoIndex)
        self.view = DiagramGraphicsView(self.scene)
        self.view.on_resize = self.fit
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        self._set_selector_visible(False)
        self.variant_label.setFont(palette.font())
        self.variant_combo.setFont(palette.font())
        self.neurons: list[list[_Neuron]] = []          # [column][shown index]; column 0 = input
        self.links: list[list[QtWidgets.QGraphicsLineItem]] = []   # [linear] flat (out, in) order
        self._link_idx: list[tuple[np.ndarray, np.ndarray]] = []
        self._link_codes: list[np.ndarray] = []
        self._col_labels: list[QtWidgets.QGraphicsSimpleTextItem] = []
        self._col_texts: list[str] = []
        self._more_labels: list[QtWidgets.QGraphicsSimpleTextItem] = []
        self._io_labels: list[QtWidgets.QGraphicsSimpleTextItem] = []
        self._hover: Optional[tuple[int, int]] = None
        self._dx = COL_DX
        self._label_factor = 1.0
        self.tooltip = NeuronTooltip(self.scene)
        self._make_styles()
        self._show_placeholder()

    # --- public contract ---------------------------------------------------------
    def figure_widget(self) -> QtWidgets.QWidget:
        return self.view

    def last_snapshot(self) -> Optional[Snapshot]:
        return self._snap

    def selected_variant(self) -> int:
        return max(0, self.variant_combo.currentIndex())

    def set_selected_variant(self, index: int) -> None:
        self.variant_combo.setCurrentIndex(index)

    def update_snapshot(self, snap: Snapshot) -> None:
        """Draw `snap`; the same snapshot again (paused run, 30 Hz timer) costs nothing."""
        if snap is self._snap and self._key is not None:
            return
        self._render(snap)

    def _render(self, snap: Snapshot) -> None:
        self._snap = snap
        if not snap.variants:
            return
        names = [v.name for v in snap.variants]
        if self.variant_combo.count() != len(names) or [self.variant_combo.itemText(i) for i in range(len(names))] != names:
            set_combo_items(self.variant_combo, names)
            self._set_selector_visible(len(names) > 1)
        v = snap.variants[min(self.selected_variant(), len(names) - 1)]
        key = (snap.data.input_dim, snap.data.output_dim, tuple(h.width for h in v.hidden),
               tuple(np.shape(lin.display_weights) for lin in v.linears))
        if key != self._key:
            self._key = key
            self._build(snap, v)
        self._update(snap, v)

    def clear(self) -> None:
        self._snap = None
        self._key = None
        self._show_placeholder()

    def restyle(self) -> None:
        self._make_styles()
        self.variant_combo.setFont(palette.font())
        self.variant_label.setFont(palette.font())
        if self._snap is not None and self._key is not None:
            self._key = None
            self._render(self._snap)
        else:
            self._show_placeholder()

    def dark_neuron_count(self, hidden_layer: int) -> int:
        """Shown neurons of hidden layer k (0-based) drawn dark (dropped) right now."""
        return sum(1 for n in self.neurons[hidden_layer + 1] if n.state == DARK)

    # --- styles ------------------------------------------------------------------
    def _make_styles(self) -> None:
        self.style = DiagramStyle()
        self.view.setBackgroundBrush(self.style.background)

    # --- structure ---------------------------------------------------------------
    def _reset_scene(self) -> None:
        self.unhover()
        for item in list(self.scene.items()):
            if item.parentItem() is None and item is not self.tooltip.panel:
                self.scene.removeItem(item)
        self.neurons, self.links, self._link_idx, self._link_codes = [], [], [], []
        self._col_labels, self._col_texts, self._more_labels, self._io_labels = [], [], [], []

    def _show_placeholder(self) -> None:
        self._reset_scene()
        t = self._text(self.tr("The network appears here when training starts."), palette.font(1.1),
                       palette.current_theme().muted)
        place_text(t, 0, 0, "center")
        self.fit()

    def _build(self, snap: Snapshot, v: VariantState) -> None:
        self._reset_scene()
        widths = [snap.data.input_dim] + [h.width for h in v.hidden] + [len_out(snap, v)]
        shown = [min(w, DIAGRAM_MAX_NEURONS) for w in widths]
        top = -(max(shown) - 1) / 2 * DY
        for col, (w, n) in enumerate(zip(widths, shown)):
            x = col * COL_DX
            ys = [(i - (n - 1) / 2) * DY for i in range(n)]
            self.neurons.append([_Neuron(self, col, i, x, y) for i, y in enumerate(ys)])
            for item in self.neurons[-1]:
                self.scene.addItem(item)
            label = self._text("", self.style.text_font)
            label.setData(0, (col, top - R - 6))
            self._col_labels.append(label)
            self._col_texts.append("")
            if w > n:
                more = self._text(self.tr("…+{n}").format(n=w - n), self.style.small_font)
                more.setData(0, (col, ys[-1] + R + 3))
                self._more_labels.append(more)
        for k, lin in enumerate(v.linears[:len(self.neurons) - 1]):
            rows, cols = np.shape(lin.display_weights)
            rows, cols = min(rows, len(self.neurons[k + 1])), min(cols, len(self.neurons[k]))
            out_idx, in_idx = np.divmod(np.arange(rows * cols), max(cols, 1))
            items = []
            for _ in range(len(out_idx)):
                line = QtWidgets.QGraphicsLineItem()
                line.setZValue(-1)
                self.scene.addItem(line)
                items.append(line)
            self.links.append(items)
            self._link_idx.append((out_idx, in_idx))
            self._link_codes.append(np.full(len(items), -1))
        for col_neurons in (self.neurons[0], self.neurons[-1]):
            for n in col_neurons:
                n.setPen(self.style.neuron_pen)
                n.setBrush(self.style.io_brush)
        self._add_io_names(snap)
        self._dx = COL_DX
        self._label_factor = 1.0
        self._place_columns()
        self.fit()

    def _place_columns(self) -> None:
        """Position everything for the current column spacing self._dx (changes with the pane's shape)."""
        dx = self._dx
        for col in self.neurons:
            for n in col:
                n.setRect(n.col * dx - R, n.y0 - R, 2 * R, 2 * R)
        for k, items in enumerate(self.links):
            out_idx, in_idx = self._link_idx[k]
            x0, x1 = k * dx + R, (k + 1) * dx - R
            for line, i, j in zip(items, out_idx, in_idx):
                line.setLine(x0, self.neurons[k][j].y0, x1, self.neurons[k + 1][i].y0)
        for label in self._col_labels:
            col, y = label.data(0)
            place_text(label, col * dx, y, "bottom")
        for more in self._more_labels:
            col, y = more.data(0)
            place_text(more, col * dx, y, "top")
        for t in self._io_labels:
            neuron, left = t.data(0)
            c = neuron.rect().center()
            place_text(t, c.x() - R - 3 if left else c.x() + R + 3, c.y(), "left" if left else "right")

    def _add_io_names(self, snap: Snapshot) -> None:
        def put(col: int, names: list[str], left: bool) -> None:
            for n, text in zip(self.neurons[col], names):
                t = self._text(text, self.style.small_font)
                t.setData(0, (n, left))
                self._io_labels.append(t)
        d_in, d_out = snap.data.input_dim, len(self.neurons[-1])
        if d_in == 1:
            put(0, ["x"], True)
        elif d_in <= 3:
            put(0, [f"x{'₁₂₃'[i]}" for i in range(d_in)], True)
        if d_out == 1:
            put(len(self.neurons) - 1, ["ŷ"], False)

    def _text(self, text: str, font: QtGui.QFont, color: Optional[str] = None) -> QtWidgets.QGraphicsSimpleTextItem:
        """Text drawn at screen size whatever the diagram's zoom (readable on a projector)."""
        item = self.scene.addSimpleText(text)
        item.setFont(font)
        item.setBrush(QtGui.QBrush(QtGui.QColor(color)) if color else self.style.text_brush)
        item.setFlag(QtWidgets.QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations, True)
        item.setZValue(20)
        return item

    def fit(self) -> None:
        """Scale the neurons and links to the view, keeping pixel margins for the screen-size labels."""
        view = self.view
        vw, vh = max(1, view.viewport().width()), max(1, view.viewport().height())
        if not self.neurons:
            view.resetTransform()
            view.setSceneRect(QtCore.QRectF(-vw / 2, -vh / 2, vw, vh))
            return
        core = QtCore.QRectF()
        for col in self.neurons:
            for n in col:
                core = core.united(n.rect())

        def extent(items, attr):
            return max((getattr(i.boundingRect(), attr)() for i in items), default=0.0)

        self._fit_label_font(vw, len(self.neurons))
        top = extent(self._col_labels, "height") + 10
        bottom = extent(self._more_labels, "height") + 8
        left = extent([t for t in self._io_labels if t.data(1) == "left"], "width") + 10
        right = extent([t for t in self._io_labels if t.data(1) == "right"], "width") + 10
        # column labels are centred on the first and last columns: keep half of them inside too
        half_label = extent(self._col_labels + self._more_labels, "width") / 2
        left, right = max(left, half_label + 2), max(right, half_label + 2)
        # spread the columns to the pane's width (height decides the scale: 16 neurons a column)
        # and far enough apart that the screen-size column labels do not overlap
        n_cols = len(self.neurons)
        if n_cols > 1:
            label_px = extent(self._col_labels + self._more_labels, "width") + 14
            scale = max(0.05, (vh - top - bottom) / max(core.height(), 1))
            dx = self._dx
            for _ in range(4):   # a few fixed-point steps: spacing and scale depend on each other
                dx = float(np.clip(((vw - left - right) / scale - 2 * R) / (n_cols - 1),
                                   max(MIN_DX, label_px / scale), MAX_DX))
                width = (n_cols - 1) * dx + 2 * R
                scale = max(0.05, min((vw - left - right) / width, (vh - top - bottom) / max(core.height(), 1)))
            if abs(dx - self._dx) > 0.01 * self._dx:
                self._dx = dx
                self._place_columns()
                core = QtCore.QRectF()
                for col in self.neurons:
                    for n in col:
                        core = core.united(n.rect())
        scale = min((vw - left - right) / max(core.width(), 1), (vh - top - bottom) / max(core.height(), 1))
        scale = max(scale, 0.05)
        view.setTransform(QtGui.QTransform.fromScale(scale, scale))
        view.setSceneRect(core.adjusted(-left / scale, -top / scale, right / scale, bottom / scale))

    def _fit_label_font(self, vw: int, n_cols: int) -> None:
        """Shrink the column labels (down to 65 %) when the pane is too narrow for them side by side."""
        if not self._col_labels or n_cols < 1:
            return
        fm = QtGui.QFontMetricsF(self.style.text_font)
        natural = max((fm.horizontalAdvance(line) for t in self._col_texts for line in t.split("\n")), default=0.0)
        factor = float(np.clip((vw - 20) / n_cols / (natural + 14), 0.65, 1.0)) if natural > 0 else 1.0
        if abs(factor - self._label_factor) < 0.04:
            return
        self._label_factor = factor
        font = QtGui.QFont(self.style.text_font)
        font.setPointSizeF(self.style.text_font.pointSizeF() * factor)
        small = QtGui.QFont(self.style.small_font)
        small.setPointSizeF(self.style.small_font.pointSizeF() * factor)
        for label in self._col_labels:
            label.setFont(font)
        for item in self._more_labels + self._io_labels:
            item.setFont(small)
        self._place_columns()

    # --- per frame ---------------------------------------------------------------
    def _update(self, snap: Snapshot, v: VariantState) -> None:
        self._update_labels(snap, v)
        hidden_dropped: list[Optional[np.ndarray]] = [None]      # input column never drops
        for h, col in zip(v.hidden, self.neurons[1:-1]):
            hidden_dropped.append(self._update_neurons(h, col))
        hidden_dropped.append(None)
        for k, lin in enumerate(v.linears[:len(self.links)]):
            out_idx, in_idx = self._link_idx[k]
            if not len(out_idx):
                continue
            w = np.asarray(lin.display_weights, dtype=np.float64)[out_idx, in_idx]
            mag = np.abs(w)
            top = float(mag.max()) if mag.size else 0.0
            level = np.minimum(LEVELS - 1, (mag / top * LEVELS).astype(int)) if top > 0 else np.zeros(len(w), int)
            state = np.zeros(len(w), int)
            src, dst = hidden_dropped[k], hidden_dropped[k + 1]
            if src is not None:
                state[src[in_idx]] = UNIT_DROPPED
            if dst is not None:
                state[dst[out_idx]] = UNIT_DROPPED
            if lin.dropconnect_mask is not None:
                state[np.asarray(lin.dropconnect_mask)[out_idx, in_idx] == 0] = DROPCONNECT
            codes = ((w > 0).astype(int) * LEVELS + level) * 3 + state
            changed = np.flatnonzero(codes != self._link_codes[k])
            items, pens = self.links[k], self.style.link_pens
            for idx in changed:
                items[idx].setPen(pens[codes[idx]])
            self._link_codes[k] = codes
        if self._hover is not None:
            self._fill_inset(*self._hover)

    def _update_neurons(self, h, col: list[_Neuron]) -> Optional[np.ndarray]:
        n = len(col)
        mask = None if h.mask is None else np.asarray(h.mask, dtype=np.float64)[:n]
        gaussian = "gauss" in (h.dropout_kind or "").lower()
        if mask is None:
            states = np.full(n, LIT)
        elif gaussian:
            states = 2 + np.clip(np.round(mask / 2.0 * (GAUSS_LEVELS - 1)), 0, GAUSS_LEVELS - 1).astype(int)
            states[mask == 0] = DARK
        else:
            states = np.where(mask == 0, DARK, LIT)
        states = np.pad(states, (0, n - len(states)), constant_values=LIT)
        for item, s in zip(col, states):
            if s != item.state:
                item.state = int(s)
                if s == DARK:
                    item.setPen(self.style.dark_pen)
                    item.setBrush(self.style.dark_brush)
                else:
                    item.setPen(self.style.neuron_pen)
                    item.setBrush(self.style.lit_brush if s == LIT else self.style.gauss_brushes[s - 2])
        return states == DARK

    def _update_labels(self, snap: Snapshot, v: VariantState) -> None:
        texts = [self.tr("input\n{n}").format(n=snap.data.input_dim)]
        for k, h in enumerate(v.hidden):
            text = self.tr("hidden {k}\n{w} {act}").format(k=k + 1, w=h.width, act=h.activation)
            if h.dropout_p > 0 and h.dropout_kind not in ("", "none"):
                text += "\n" + self.tr("{kind} p={p}").format(kind=h.dropout_kind, p=f"{h.dropout_p:.2f}")
            texts.append(text)
        texts.append(self.tr("output\n{n}").format(n=len_out(snap, v)))
        changed = False
        for label, text, i in zip(self._col_labels, texts, range(len(texts))):
            if text != self._col_texts[i]:
                self._col_texts[i] = text
                label.setText(text)
                col, bottom = label.data(0)
                place_text(label, col * self._dx, bottom, "bottom")
                changed = True
        if changed:
            self.fit()

    # --- hover tooltip -------------------------------------------------------------
    def hover_neuron(self, col: int, index: int) -> None:
        """Show the in-scene tooltip for a hidden neuron (column 1..H); called on mouse hover."""
        if self._snap is None or not (1 <= col <= len(self.neurons) - 2):
            return
        self._hover = (col, index)
        self._fill_inset(col, index)

    def unhover(self) -> None:
        self._hover = None
        self.tooltip.hide()

    def inset_visible(self) -> bool:
        return self.tooltip.is_visible()

    def inset_map_size(self) -> tuple[int, int]:
        return self.tooltip.map_size()

    def _fill_inset(self, col: int, index: int) -> None:
        v = self._snap.variants[min(self.selected_variant(), len(self._snap.variants) - 1)]
        if col - 1 >= len(v.hidden) or index >= len(self.neurons[col]):
            return
        self.tooltip.show(self.view, self.neurons[col][index].rect().center(), R,
                          to_left=col > (len(self.neurons) - 1) / 2, layer=col, index=index, h=v.hidden[col - 1])

    def _set_selector_visible(self, visible: bool) -> None:
        self.variant_label.setVisible(visible)
        self.variant_combo.setVisible(visible)

    def _on_variant_changed(self, _i: int) -> None:
        if self._snap is not None:
            self._key = None
            self._render(self._snap)


def len_out(snap: Snapshot, v: VariantState) -> int:
    """Width of the output layer: the last Linear's rows when all are shown, else DataView.output_dim.

    (A binary classifier may have one sigmoid output although the data has two classes.)
    """
    if v.linears:
        rows = int(np.shape(v.linears[-1].display_weights)[0])
        if 0 < rows < DIAGRAM_MAX_NEURONS:
            return rows
        return max(rows, snap.data.output_dim, 1)
    return max(snap.data.output_dim, 1)
