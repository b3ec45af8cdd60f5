"""The Step inspector: one real training step of one dropout layer, in numbers (EXPERIMENTS.md #3, #11).

    forward   r ~ U(0,1);  m = 0 if r < p else 1/(1-p)  (inverted);  d = a * m
    backward  de/da = de/dd * m

For the step just taken (press Step, or pause while training) the user picks a variant, a hidden layer and
a sample of the batch; the table shows, per unit, a, r, m, d, de/dd and de/da as the trainer computed them,
and the line above it the identity checked by autograd. Beside it, inverted and vanilla dropout for the same
r, so the 1/(1-p) scaling is visible in numbers. DropConnect drops weights: its weight mask is drawn as a
small heatmap. The trainer records only while this panel is open (InspectStep commands).
"""

from __future__ import annotations

from typing import Optional

import numpy as np
import pyqtgraph as pg
from PySide6 import QtCore, QtWidgets

from explorer.core.protocol import STEP_KEY, InspectStep, Snapshot, StepInspection
from explorer.gui.i18n import FollowsLanguage
from explorer.gui.views import palette
from explorer.gui.views.base import live_canvas

FIRST_UNITS = 32  # rows shown until "all units" is ticked
MATCH_TOLERANCE = 1e-6


def _fmt(value: float) -> str:
    return f"{value:.4g}" if np.isfinite(value) else str(value)


class StepInspector(FollowsLanguage, QtWidgets.QWidget):
    """The panel; `selectionChanged` carries what the trainer should record (open, variant, layer, sample)."""

    selectionChanged = QtCore.Signal(object)  # InspectStep

    def __init__(self, parent: Optional[QtWidgets.QWidget] = None) -> None:
        super().__init__(parent)
        self._open = False
        self._shown: Optional[StepInspection] = None
        self._variant_names: tuple[str, ...] = ()
        self._layer_kinds: tuple[str, ...] = ()
        self.variant_combo = QtWidgets.QComboBox()
        self.layer_combo = QtWidgets.QComboBox()
        for combo in (self.variant_combo, self.layer_combo):
            combo.setSizeAdjustPolicy(QtWidgets.QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.sample_spin = QtWidgets.QSpinBox()
        self.sample_spin.setRange(0, 0)
        self.all_units = QtWidgets.QCheckBox()
        self.variant_label, self.layer_label, self.sample_label = (QtWidgets.QLabel() for _ in range(3))
        form = QtWidgets.QHBoxLayout()
        for label, widget in (
            (self.variant_label, self.variant_combo),
            (self.layer_label, self.layer_combo),
            (self.sample_label, self.sample_spin),
        ):
            form.addWidget(label)
            form.addWidget(widget)
        form.addWidget(self.all_units)
        form.addStretch(1)
        self.status = QtWidgets.QLabel()
        self.status.setWordWrap(True)
        self.check_label = QtWidgets.QLabel()
        self.check_label.setObjectName("autograd_check")
        self.check_label.setWordWrap(True)
        self.table = QtWidgets.QTableWidget(0, 7)
        self.table.setObjectName("step_table")
        self.side_title = QtWidgets.QLabel()
        self.side = QtWidgets.QTableWidget(0, 6)
        self.side.setObjectName("side_by_side_table")
        for t in (self.table, self.side):
            t.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.NoEditTriggers)
            t.verticalHeader().setVisible(False)
            t.horizontalHeader().setSectionResizeMode(QtWidgets.QHeaderView.ResizeMode.ResizeToContents)
        self.heat_title = QtWidgets.QLabel()
        self.heat = live_canvas()
        self.heat.setMinimumHeight(160)
        self.heat_view = self.heat.addViewBox(lockAspect=True, enableMouse=False, invertY=True)
        self.heat_image = pg.ImageItem(axisOrder="row-major")
        self.heat_view.addItem(self.heat_image)
        palette.style_graphics_widget(self.heat)
        tables = QtWidgets.QHBoxLayout()
        left = QtWidgets.QVBoxLayout()
        left.addWidget(self.table, 1)
        right = QtWidgets.QVBoxLayout()
        right.addWidget(self.side_title)
        right.addWidget(self.side, 1)
        right.addWidget(self.heat_title)
        right.addWidget(self.heat, 1)
        tables.addLayout(left, 3)
        tables.addLayout(right, 2)
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addWidget(self.check_label)
        layout.addLayout(tables, 1)
        self.variant_combo.currentIndexChanged.connect(self._selection_edited)
        self.layer_combo.currentIndexChanged.connect(self._selection_edited)
        self.sample_spin.valueChanged.connect(self._selection_edited)
        self.all_units.toggled.connect(lambda _on: self._fill())
        self.retranslate()
        self._fill()

    # -- texts --------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.variant_label.setText(self.tr("variant:"))
        self.layer_label.setText(self.tr("layer:"))
        self.sample_label.setText(self.tr("sample:"))
        self.all_units.setText(self.tr("all units"))
        self.all_units.setToolTip(
            self.tr("Show every unit of the layer, not only the first {n}.").format(n=FIRST_UNITS)
        )
        self.sample_spin.setToolTip(self.tr("Which sample (row) of the last training batch to show."))
        self.layer_combo.setToolTip(self.tr("The hidden layer whose dropout is shown."))
        headers = [
            (self.tr("unit"), self.tr("Index of the unit in the layer.")),
            ("a", self.tr("a: the unit's activation, a = act(W x + b), before dropout.")),
            ("r", self.tr("r ~ U(0, 1): the random number drawn for the unit (Gaussian dropout: ε ~ N(0, 1)).")),
            (
                "m",
                self.tr(
                    "m: the mask. Inverted: m = 0 if r < p else 1/(1-p). Vanilla: m = 0 if r < p else 1. "
                    "Gaussian: m = 1 + sqrt(p/(1-p)) ε."
                ),
            ),
            ("d = a·m", self.tr("d = a * m: what the next layer receives.")),
            ("∂e/∂d", self.tr("de/dd: the gradient of the loss e with respect to d, from the backward pass.")),
            (
                "∂e/∂a = ∂e/∂d·m",
                self.tr(
                    "de/da = de/dd * m, as the trainer computed it: the gradient flows only through kept "
                    "units, scaled the same way."
                ),
            ),
        ]
        self._set_headers(self.table, headers)
        side = [
            ("r", self.tr("The same draws r for both kinds.")),
            (self.tr("m inverted"), self.tr("Inverted dropout: m = 0 if r < p else 1/(1-p); eval: d = a.")),
            (self.tr("d inverted"), self.tr("d = a * m with inverted dropout: E[d] = a.")),
            (self.tr("m vanilla"), self.tr("Vanilla dropout: m = 0 if r < p else 1; eval: d = (1-p) a.")),
            (self.tr("d vanilla"), self.tr("d = a * m with vanilla dropout: E[d] = (1-p) a.")),
            (self.tr("ratio"), self.tr("d inverted / d vanilla = 1/(1-p) for every kept unit.")),
        ]
        self._set_headers(self.side, side)
        self.side_title.setText(self.tr("Inverted vs vanilla dropout, same r"))
        self.side_title.setToolTip(
            self.tr("Both kinds drop the same units; inverted dropout scales the kept ones by 1/(1-p) while training.")
        )
        dock = self.parentWidget()
        if isinstance(dock, QtWidgets.QDockWidget):
            dock.setWindowTitle(self.tr("Step inspector"))
        self.heat_title.setText(self.tr("DropConnect weight mask M (first rows and columns)"))
        self.heat_title.setToolTip(
            self.tr(
                "DropConnect drops weights: y = x (W * M)^T with M = 0 if r < p else 1/(1-p). "
                "Backward: de/dW = de/d(W*M) * M. Dark: dropped."
            )
        )
        self._fill()

    @staticmethod
    def _set_headers(table: QtWidgets.QTableWidget, headers: list[tuple[str, str]]) -> None:
        table.setColumnCount(len(headers))
        for c, (text, tip) in enumerate(headers):
            item = QtWidgets.QTableWidgetItem(text)
            item.setToolTip(tip)
            table.setHorizontalHeaderItem(c, item)

    # -- the trainer's side ---------------------------------------------------------------------------
    def selection(self) -> InspectStep:
        return InspectStep(
            open=self._open,
            variant=max(0, self.variant_combo.currentIndex()),
            layer=max(0, self.layer_combo.currentIndex()),
            sample=self.sample_spin.value(),
        )

    def set_open(self, visible: bool) -> None:
        """The dock was shown or hidden: record from now on, or stop recording."""
        if visible != self._open:
            self._open = visible
            self.selectionChanged.emit(self.selection())

    def is_open(self) -> bool:
        return self._open

    def _selection_edited(self, *_args: object) -> None:
        if self._open:
            self.selectionChanged.emit(self.selection())

    # -- drawing --------------------------------------------------------------------------------------
    def update_snapshot(self, snap: Snapshot) -> None:
        names = tuple(v.name for v in snap.variants)
        if names != self._variant_names:
            self._variant_names = names
            with QtCore.QSignalBlocker(self.variant_combo):
                keep = self.variant_combo.currentIndex()
                self.variant_combo.clear()
                self.variant_combo.addItems(list(names))
                self.variant_combo.setCurrentIndex(min(max(keep, 0), len(names) - 1))
        shown = snap.extra.get(STEP_KEY) if isinstance(snap.extra, dict) else None
        if shown is None and snap.variants:
            self._set_layers(
                tuple(h.dropout_kind if h.dropout_p > 0 else "none" for h in snap.variants[0].hidden), None
            )
        if shown is not self._shown:
            self._shown = shown
            if shown is not None:
                self._set_layers(shown.layers, shown)
                with QtCore.QSignalBlocker(self.sample_spin):
                    self.sample_spin.setRange(0, max(0, shown.batch_size - 1))
            self._fill()

    def _set_layers(self, kinds: tuple[str, ...], shown: Optional[StepInspection]) -> None:
        if kinds == self._layer_kinds:
            return
        self._layer_kinds = kinds
        with QtCore.QSignalBlocker(self.layer_combo):
            keep = self.layer_combo.currentIndex()
            self.layer_combo.clear()
            for i, kind in enumerate(kinds):
                self.layer_combo.addItem(self.tr("layer {n} ({kind})").format(n=i + 1, kind=self._kind_name(kind)))
            self.layer_combo.setCurrentIndex(min(max(keep, 0), len(kinds) - 1))

    def _kind_name(self, kind: str) -> str:
        return {
            "inverted": self.tr("inverted"),
            "vanilla": self.tr("vanilla"),
            "gaussian": self.tr("Gaussian"),
            "dropconnect": self.tr("DropConnect"),
            "none": self.tr("no dropout"),
        }.get(kind, kind)

    def _fill(self) -> None:
        shown = self._shown
        if shown is None:
            self.status.setText(
                self.tr("Press Step (S), or pause while training: the inspector shows the step just taken.")
                if self._open
                else ""
            )
            self.check_label.setText("")
            self.table.setRowCount(0)
            self.side.setRowCount(0)
            self.heat_image.clear()
            return
        n = len(shown.a) if self.all_units.isChecked() else min(FIRST_UNITS, len(shown.a))
        self.status.setText(
            self.tr("step {step} · {variant} · layer {layer} ({kind}, p = {p}) · sample {s} of a batch of {b}").format(
                step=shown.step,
                variant=shown.variant_name,
                layer=shown.layer + 1,
                kind=self._kind_name(shown.kind),
                p=f"{shown.p:g}",
                s=shown.sample,
                b=shown.batch_size,
            )
        )
        diff = shown.max_difference
        ok = diff <= MATCH_TOLERANCE
        if shown.weight_mask is not None:  # DropConnect: the weights' identity (the units pass unmasked)
            text = (
                self.tr("de/dW = de/d(W*M) * M matches autograd: max difference {d}")
                if ok
                else self.tr("de/dW = de/d(W*M) * M does NOT match autograd: max difference {d}")
            )
        else:
            text = (
                self.tr("de/da = de/dd * m matches autograd: max difference {d}")
                if ok
                else self.tr("de/da = de/dd * m does NOT match autograd: max difference {d}")
            )
        text = text.format(d=f"{diff:g}")
        color = palette.CORRECT_COLOR if ok else palette.WRONG_COLOR
        self.check_label.setText(f'<span style="color:{color}; font-weight:bold">{palette._esc(text)}</span>')
        self.check_label.setToolTip(
            self.tr(
                "torch.autograd differentiates d = a * m with the recorded de/dd and gets de/da; this is its largest "
                "difference from the de/da the training step used."
            )
        )
        blank = np.full(len(shown.a), np.nan)
        cols = [
            np.arange(len(shown.a)),
            shown.a,
            shown.r if shown.r is not None else blank,
            shown.m if shown.m is not None else blank,
            shown.d,
            shown.grad_d,
            shown.grad_a,
        ]
        self._fill_table(self.table, cols, n)
        if shown.inverted_m is not None and shown.r is not None:
            with np.errstate(divide="ignore", invalid="ignore"):
                ratio = np.where(shown.vanilla_d != 0, shown.inverted_d / shown.vanilla_d, np.nan)
            side = [shown.r, shown.inverted_m, shown.inverted_d, shown.vanilla_m, shown.vanilla_d, ratio]
            self._fill_table(self.side, side, n)
        else:
            self.side.setRowCount(0)
        has_heat = shown.weight_mask is not None
        self.heat.setVisible(has_heat)
        self.heat_title.setVisible(has_heat)
        self.side.setVisible(shown.inverted_m is not None)
        self.side_title.setVisible(shown.inverted_m is not None)
        if has_heat:
            mask = np.asarray(shown.weight_mask, dtype=np.float64)
            top = float(mask.max()) if mask.size and mask.max() > 0 else 1.0
            self.heat_image.setImage(mask, autoLevels=False, levels=(0.0, top))
            self.heat_view.autoRange(padding=0.02)
        else:
            self.heat_image.clear()

    @staticmethod
    def _fill_table(table: QtWidgets.QTableWidget, cols: list[np.ndarray], n: int) -> None:
        table.setRowCount(n)
        for c, values in enumerate(cols):
            for row in range(n):
                v = values[row]
                if c == 0 and table.objectName() == "step_table":
                    text = str(int(v))  # the unit's index
                else:
                    text = "—" if np.isnan(v) else _fmt(float(v))
                item = table.item(row, c)
                if item is None:
                    item = QtWidgets.QTableWidgetItem(text)
                    item.setTextAlignment(QtCore.Qt.AlignmentFlag.AlignRight | QtCore.Qt.AlignmentFlag.AlignVCenter)
                    table.setItem(row, c, item)
                else:
                    item.setText(text)

    def shown(self) -> Optional[StepInspection]:
        """What is on screen now (tests)."""
        return self._shown

    def cell(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text() if item is not None else ""
