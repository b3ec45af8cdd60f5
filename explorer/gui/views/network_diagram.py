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

from explorer.core.protocol import DIAGRAM_MAX_NEURONS, Snapshot, VariantState
from explorer.gui.i18n import FollowsLanguage
from explorer.gui.views import palette
from explorer.gui.views.base import set_combo_items
from explorer.gui.views.diagram_parts import (
    DARK,
    DROPCONNECT,
    GAUSS_LEVELS,
    LEVELS,
    LIT,
    UNIT_DROPPED,
    DiagramGraphicsView,
    DiagramStyle,
    NeuronTooltip,
    place_text,
)
from explorer.gui.views.seed_choice import SeedChoice

R_BASE = 10.5  # neuron radius (px) at which links have their nominal widths
R_MAX = 13.0  # largest neuron radius (px), times the presentation scale
MIN_PITCH = 20.0  # smallest vertical distance between neurons (px) before fewer are shown
MAX_PITCH = 44.0  # largest one: a 3-neuron layer must not spread over the whole pane
MIN_SHOWN = 4  # never fewer neurons than this per column (when the layer has them)
PAD = 6.0  # px around everything
ACT_SHORT = {"sigmoid": "σ", "linear": "lin", "identity": "lin"}
KIND_SHORT = {
    "inverted": "",
    "vanilla": QtCore.QT_TRANSLATE_NOOP("NetworkDiagram", "vanilla"),  # shown translated
    "dropconnect": QtCore.QT_TRANSLATE_NOOP("NetworkDiagram", "DC"),
    "gaussian": QtCore.QT_TRANSLATE_NOOP("NetworkDiagram", "gauss"),
}


class _Neuron(QtWidgets.QGraphicsEllipseItem):
    def __init__(self, diagram: NetworkDiagram, col: int, index: int):
        super().__init__(0.0, 0.0, 1.0, 1.0)  # placed by NetworkDiagram._layout
        self.diagram, self.col, self.index = diagram, col, index
        self.state = -1
        self.setAcceptHoverEvents(True)
        self.setZValue(5)

    def hoverEnterEvent(self, event) -> None:
        self.diagram.hover_neuron(self.col, self.index)

    def hoverLeaveEvent(self, event) -> None:
        self.diagram.unhover()


class _DrawsSnapshots:
    """Where SeedChoice.update_snapshot hands its (collapsed) snapshot on: the diagram's drawing."""

    def update_snapshot(self, snap: Snapshot) -> None:
        self._draw_snapshot(snap)  # type: ignore[attr-defined]


class NetworkDiagram(SeedChoice, _DrawsSnapshots, FollowsLanguage, QtWidgets.QWidget):
    """Input, hidden and output layers of the selected variant, at most DIAGRAM_MAX_NEURONS per layer.

    With several seeds per variant (training.replicates) the list holds the variants, not every
    run, and a seed choice (SeedChoice) picks whose run (masks, weights) shows.
    """

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
        seeds = self._init_seed_choice(
            None, QtCore.QCoreApplication.translate("SeedChoice", "With several seeds per variant: whose run shows.")
        )
        bar.insertWidget(2, seeds)
        seeds.setFont(palette.font())
        self.variant_label.setFont(palette.font())
        self.variant_combo.setFont(palette.font())
        self.neurons: list[list[_Neuron]] = []  # [column][shown index]; column 0 = input
        self.links: list[list[QtWidgets.QGraphicsLineItem]] = []  # [linear] flat (out, in) order
        self._link_idx: list[tuple[np.ndarray, np.ndarray]] = []
        self._link_codes: list[np.ndarray] = []
        self._col_labels: list[QtWidgets.QGraphicsSimpleTextItem] = []
        self._col_texts: list[str] = []
        self._col_compact: list[str] = []
        self._more_labels: list[QtWidgets.QGraphicsSimpleTextItem] = []
        self._io_labels: list[QtWidgets.QGraphicsSimpleTextItem] = []
        self._hover: Optional[tuple[int, int]] = None
        self._radius = R_BASE
        self._label_factor = 1.0
        self._shown_limit = DIAGRAM_MAX_NEURONS
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

    def _draw_snapshot(self, snap: Snapshot) -> None:
        """Draw `snap`; the same snapshot again (paused run, 30 Hz timer) costs nothing."""
        if snap is self._snap and self._key is not None:
            return
        self._render(snap)

    def _render(self, snap: Snapshot) -> None:
        self._snap = snap
        if not snap.variants:
            return
        names = [v.name for v in snap.variants]
        if (
            self.variant_combo.count() != len(names)
            or [self.variant_combo.itemText(i) for i in range(len(names))] != names
        ):
            set_combo_items(self.variant_combo, names)
            self._set_selector_visible(len(names) > 1)
            # A new comparison opens on a variant whose neurons go dark (the lesson's "half the
            # neurons go dark each step"), not on its "p = 0" arm where nothing moves.
            dropping = [i for i, var in enumerate(snap.variants) if any(h.dropout_p > 0 for h in var.hidden)]
            if dropping and not any(h.dropout_p > 0 for h in snap.variants[self.selected_variant()].hidden):
                self.variant_combo.blockSignals(True)
                self.variant_combo.setCurrentIndex(dropping[0])
                self.variant_combo.blockSignals(False)
        v = snap.variants[min(self.selected_variant(), len(names) - 1)]
        self._shown_limit = self._fitting_limit()
        key = (
            snap.data.input_dim,
            snap.data.output_dim,
            tuple(h.width for h in v.hidden),
            tuple(np.shape(lin.display_weights) for lin in v.linears),
            self._shown_limit,
        )
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
        self.seed_combo.setFont(palette.font())
        if self._snap is not None and self._key is not None:
            self._key = None
            self._render(self._snap)
        else:
            self._show_placeholder()

    def retranslate(self) -> None:
        """After a language switch: the title and the layer labels in the new language."""
        from explorer.gui.i18n import retranslated

        self.title = retranslated(self.title)
        self.restyle()

    def dark_neuron_count(self, hidden_layer: int) -> int:
        """Shown neurons of hidden layer k (0-based) drawn dark (dropped) right now."""
        return sum(1 for n in self.neurons[hidden_layer + 1] if n.state == DARK)

    # --- styles ------------------------------------------------------------------
    def _make_styles(self) -> None:
        self.style = DiagramStyle(self._radius / R_BASE if hasattr(self, "_radius") else 1.0)
        self.view.setBackgroundBrush(self.style.background)

    # --- structure ---------------------------------------------------------------
    def _reset_scene(self) -> None:
        self.unhover()
        for item in list(self.scene.items()):
            if item.parentItem() is None and item is not self.tooltip.panel:
                self.scene.removeItem(item)
        self.neurons, self.links, self._link_idx, self._link_codes = [], [], [], []
        self._col_labels, self._col_texts, self._more_labels, self._io_labels = [], [], [], []
        self._col_compact = []

    def _show_placeholder(self) -> None:
        self._reset_scene()
        self._placeholder = self._text(
            self.tr("The network appears here when training starts."), palette.font(1.1), palette.current_theme().muted
        )
        self._placeholder.setData(0, self._placeholder.text())
        self.fit()

    def _build(self, snap: Snapshot, v: VariantState) -> None:
        self._reset_scene()
        self._placeholder = None
        widths = [snap.data.input_dim] + [h.width for h in v.hidden] + [len_out(snap, v)]
        limit = self._shown_limit
        shown = [min(w, limit) for w in widths]
        for col, (w, n) in enumerate(zip(widths, shown)):
            self.neurons.append([_Neuron(self, col, i) for i in range(n)])
            for item in self.neurons[-1]:
                self.scene.addItem(item)
            self._col_labels.append(self._text("", self.style.text_font))
            if w > n:
                more = self._text(self.tr("…+{n}").format(n=w - n), self.style.small_font)
                more.setData(0, col)
                self._more_labels.append(more)
        for k, lin in enumerate(v.linears[: len(self.neurons) - 1]):
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
        self._label_factor = 1.0
        self.fit()

    def _fitting_limit(self) -> int:
        """How many neurons a column shows: all up to DIAGRAM_MAX_NEURONS when the pane is tall enough,
        fewer (never below MIN_SHOWN) so that they stay big enough to see them go dark."""
        vh = self.view.viewport().height()
        if vh < 10:  # not laid out yet (hidden tab, export before showing): the full diagram
            return DIAGRAM_MAX_NEURONS
        label_h = (
            QtGui.QFontMetricsF(self.style.text_font).height() * 3
            + QtGui.QFontMetricsF(self.style.small_font).height()
            + 4 * PAD
        )
        pitch = MIN_PITCH * palette.marker_scale()
        return int(np.clip(1 + (vh - label_h) // pitch, MIN_SHOWN, DIAGRAM_MAX_NEURONS))

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
        item = self.scene.addSimpleText(text)
        item.setFont(font)
        item.setBrush(QtGui.QBrush(QtGui.QColor(color)) if color else self.style.text_brush)
        item.setZValue(20)
        return item

    def fit(self) -> None:
        """Lay the diagram out in the pane's pixels (the view is never scaled).

        Text keeps its point size whatever the pane's size (shrunk to at most 60 % where
        columns are narrow), neurons get as big as the height allows (up to R_MAX), and a
        pane too short for 16 neurons a column shows fewer (rebuilt with a new limit).
        """
        view = self.view
        vw, vh = max(1, view.viewport().width()), max(1, view.viewport().height())
        view.resetTransform()
        view.setSceneRect(QtCore.QRectF(0, 0, vw, vh))
        if not self.neurons:
            placeholder = getattr(self, "_placeholder", None)
            if placeholder is not None and placeholder.scene() is self.scene:
                placeholder.setText(_wrapped(str(placeholder.data(0)), placeholder.font(), vw - 2 * PAD))
                place_text(placeholder, vw / 2, vh / 2, "center")
            return
        if self._snap is not None and self._key is not None and self._fitting_limit() != self._shown_limit:
            self._key = None
            self._render(self._snap)  # rebuilds with more or fewer neurons, then comes back here
            return
        self._layout(vw, vh)

    def _layout(self, vw: int, vh: int) -> None:
        n_cols = len(self.neurons)
        self._fit_label_font(vw, n_cols)

        def extent(items, attr) -> float:
            return max((getattr(i.boundingRect(), attr)() for i in items), default=0.0)

        top = extent(self._col_labels, "height") + PAD + 4
        bottom = (extent(self._more_labels, "height") + 2 if self._more_labels else 0.0) + PAD
        n_max = max(len(c) for c in self.neurons)
        avail = max(10.0, vh - top - bottom - PAD)
        ms = palette.marker_scale() * max(1.0, vh / 700.0)  # a big pane (4K) gets bigger neurons
        if n_max > 1:
            pitch = min(MAX_PITCH * ms, avail / (n_max - 1 + 0.8))
            r = float(np.clip(0.38 * pitch, 3.0, R_MAX * ms))
        else:
            pitch = 0.0
            r = float(np.clip(avail / 2 - 2, 3.0, R_MAX * ms))
        span = (n_max - 1) * pitch
        cy = top + r + max(0.0, (avail - span - 2 * r) / 2) + span / 2
        # horizontal: first/last column far enough in for the io names and half their column label
        io_left = extent([t for t in self._io_labels if t.data(0)[1]], "width")
        io_right = extent([t for t in self._io_labels if not t.data(0)[1]], "width")

        def half(col: int) -> float:  # the widest text centred on a column: its label or "…+N"
            texts = [t for t in self._more_labels if t.data(0) == col] + self._col_labels[col : col + 1]
            return extent(texts, "width") / 2

        half0, half1 = (half(0), half(n_cols - 1)) if self._col_labels else (0.0, 0.0)
        left = PAD + max(half0, io_left + 4 + r, r)
        right = PAD + max(half1, io_right + 4 + r, r)
        step = (vw - left - right) / (n_cols - 1) if n_cols > 1 else 0.0
        xs = [left + c * step for c in range(n_cols)] if n_cols > 1 else [vw / 2]
        if abs(r - self._radius) > 0.12 * self._radius:
            self._radius = r
            self._make_styles()
            self._restyle_items()
        self._radius = r
        for c, col in enumerate(self.neurons):
            n = len(col)
            for i, neuron in enumerate(col):
                y = cy + (i - (n - 1) / 2) * pitch
                neuron.setRect(xs[c] - r, y - r, 2 * r, 2 * r)
        for k, items in enumerate(self.links):
            out_idx, in_idx = self._link_idx[k]
            src, dst = self.neurons[k], self.neurons[k + 1]
            x0, x1 = xs[k] + r, xs[k + 1] - r
            for line, i, j in zip(items, out_idx, in_idx):
                line.setLine(x0, src[j].rect().center().y(), x1, dst[i].rect().center().y())
        top_y = cy - span / 2 - r - 4
        for c, label in enumerate(self._col_labels):
            place_text(label, xs[c], top_y, "bottom")
        for more in self._more_labels:
            c = more.data(0)
            last = self.neurons[c][-1].rect()
            place_text(more, xs[c], last.bottom() + 2, "top")
        for t in self._io_labels:
            neuron, is_left = t.data(0)
            ctr = neuron.rect().center()
            place_text(t, ctr.x() - r - 4 if is_left else ctr.x() + r + 4, ctr.y(), "left" if is_left else "right")
        if self._hover is not None and self._snap is not None:
            self._fill_inset(*self._hover)

    def _restyle_items(self) -> None:
        """New pens after the neurons' size changed: neurons now, links at the next update."""
        for c, col in enumerate(self.neurons):
            io = c == 0 or c == len(self.neurons) - 1
            for n in col:
                if io:
                    n.setPen(self.style.neuron_pen)
                    n.setBrush(self.style.io_brush)
                else:
                    n.state = -1  # re-pen at the next update
        self._link_codes = [np.full(len(items), -1) for items in self.links]
        if self._snap is not None and self._snap.variants and self.neurons:
            v = self._snap.variants[min(self.selected_variant(), len(self._snap.variants) - 1)]
            self._update_states(v)

    def _fit_label_font(self, vw: int, n_cols: int) -> None:
        """Column labels side by side without overlap: the full texts ("hidden 1 / 200 relu"), shrunk
        down to 80 %, or else the compact ones ("h1 / 200 / relu"), shrunk down to 60 %."""
        if not self._col_labels or n_cols < 1 or len(self._col_texts) != len(self._col_labels):
            return
        fm = QtGui.QFontMetricsF(self.style.text_font)

        def widest(texts: list[str]) -> float:
            return max((fm.horizontalAdvance(line) for t in texts for line in t.split("\n")), default=0.0)

        room = (vw - 2 * PAD) / n_cols - 12  # px per column, with a gap
        factor_full = room / max(widest(self._col_texts), 1.0)
        if factor_full >= 0.8:
            texts, factor = self._col_texts, min(1.0, factor_full)
        else:
            texts = self._col_compact
            # never below ~7.5 pt, whatever the presentation scale
            floor = min(1.0, 7.5 / max(self.style.text_font.pointSizeF(), 1.0))
            factor = float(np.clip(room / max(widest(texts), 1.0), floor, 1.0))
        if abs(factor - self._label_factor) < 0.03 and [t.text() for t in self._col_labels] == texts:
            return
        self._label_factor = factor
        font = QtGui.QFont(self.style.text_font)
        font.setPointSizeF(self.style.text_font.pointSizeF() * factor)
        small = QtGui.QFont(self.style.small_font)
        small_floor = min(1.0, 7.0 / max(self.style.small_font.pointSizeF(), 1.0))
        small.setPointSizeF(self.style.small_font.pointSizeF() * max(min(factor * 1.1, 1.0), small_floor))
        for label, text in zip(self._col_labels, texts):
            label.setFont(font)
            if label.text() != text:
                label.setText(text)
        compact_more = texts is self._col_compact
        for item in self._more_labels:
            item.setFont(small)
            text = item.text().lstrip("…")
            item.setText(text if compact_more else "…" + text)
        for item in self._io_labels:
            item.setFont(small)

    # --- per frame ---------------------------------------------------------------
    def _update(self, snap: Snapshot, v: VariantState) -> None:
        self._update_labels(snap, v)
        self._update_states(v)

    def _update_states(self, v: VariantState) -> None:
        hidden_dropped: list[Optional[np.ndarray]] = [None]  # input column never drops
        for h, col in zip(v.hidden, self.neurons[1:-1]):
            hidden_dropped.append(self._update_neurons(h, col))
        hidden_dropped.append(None)
        for k, lin in enumerate(v.linears[: len(self.links)]):
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
        full = [self.tr("input\n{n}").format(n=snap.data.input_dim)]
        compact = [self.tr("in\n{n}").format(n=snap.data.input_dim)]
        for k, h in enumerate(v.hidden):
            full.append(self.tr("hidden {k}\n{w} {act}").format(k=k + 1, w=h.width, act=h.activation))
            compact.append(
                self.tr("h{k}\n{w}\n{act}").format(
                    k=k + 1, w=h.width, act=ACT_SHORT.get(h.activation.lower(), h.activation)
                )
            )
            if h.dropout_p > 0 and h.dropout_kind not in ("", "none"):
                kind = KIND_SHORT.get(h.dropout_kind, h.dropout_kind)
                kind = self.tr(kind) if kind else ""
                p = f"{h.dropout_p:g}"
                full[-1] += "\n" + (
                    self.tr("p={p} {kind}").format(kind=kind, p=p) if kind else self.tr("p={p}").format(p=p)
                )
                compact[-1] += "\n" + self.tr("p={p}").format(p=p)
        full.append(self.tr("output\n{n}").format(n=len_out(snap, v)))
        compact.append(self.tr("out\n{n}").format(n=len_out(snap, v)))
        if (full, compact) != (self._col_texts, self._col_compact):
            self._col_texts, self._col_compact = full, compact
            self._label_factor = 0.0  # re-fit the labels to the new texts
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
        self.tooltip.show(
            self.view,
            self.neurons[col][index].rect().center(),
            self._radius,
            to_left=col > (len(self.neurons) - 1) / 2,
            layer=col,
            index=index,
            h=v.hidden[col - 1],
        )

    def _set_selector_visible(self, visible: bool) -> None:
        self.variant_label.setVisible(visible)
        self.variant_combo.setVisible(visible)

    def _on_variant_changed(self, _i: int) -> None:
        if self._snap is not None:
            self._key = None
            self._render(self._snap)


def _wrapped(text: str, font: QtGui.QFont, width: float) -> str:
    """`text` broken into lines no wider than `width` px (at word boundaries)."""
    fm = QtGui.QFontMetricsF(font)
    lines: list[str] = []
    for word in text.split():
        if lines and fm.horizontalAdvance(lines[-1] + " " + word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return "\n".join(lines)


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
