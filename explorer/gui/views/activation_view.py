"""Per-layer quantities over epochs: activation variance (ActivationView) and weight norm (NormView).

Colour = variant (as everywhere), dash = layer. The d2l exercise asks how dropout
changes the variance of each hidden layer's activations; weight decay's effect is
read off ||W|| shrinking.
"""

from __future__ import annotations

from typing import Optional

import numpy as np
import pyqtgraph as pg
from PySide6 import QtCore, QtWidgets

from explorer.core.protocol import Snapshot, VariantState
from explorer.gui.i18n import layer_label
from explorer.gui.views import palette
from explorer.gui.views.base import SnapshotView, history_fingerprint, legend_row, new_curve, new_plot
from explorer.gui.views.seed_choice import SeedChoice


class _LayerHistoryView(SeedChoice, SnapshotView):
    """One plot: for every variant and layer, a (E, n_layers) history column against epoch; with
    replicates, of one chosen seed per variant."""

    def __init__(self, parent: Optional[QtWidgets.QWidget] = None):
        super().__init__(parent)
        self.log_y = QtWidgets.QCheckBox(self.tr("log scale"))
        self.log_y.setToolTip(self.tr("Logarithmic y axis, for values that span orders of magnitude."))
        self.log_y.toggled.connect(self._on_log_toggled)
        self.toolbar.addStretch(1)
        self.toolbar.addWidget(
            self._init_seed_choice(
                None,
                QtCore.QCoreApplication.translate("SeedChoice", "With several seeds per variant: whose run shows."),
            )
        )
        self.toolbar.addWidget(self.log_y)
        self.plot: Optional[pg.PlotItem] = None
        self.curves: list[list[pg.PlotDataItem]] = []  # [variant][layer]
        self._legend: Optional[pg.LabelItem] = None
        self._x_total: Optional[float] = None
        self._fingerprints: list[object] = []

    # subclasses say which history and how layers are named
    def _history(self, v: VariantState) -> np.ndarray:
        raise NotImplementedError

    def _layer_names(self, snap: Snapshot) -> list[str]:
        raise NotImplementedError

    def _y_label(self) -> str:
        raise NotImplementedError

    def _structure_key(self, snap: Snapshot) -> object:
        return (tuple(v.name for v in snap.variants), tuple(self._layer_names(snap)))

    def _teardown(self) -> None:
        super()._teardown()
        self.plot = None
        self.curves = []
        self._legend = None
        self._x_total = None
        self._fingerprints = []

    def _build(self, snap: Snapshot) -> None:
        names, layers = self._key
        lay = self.graphics.ci
        self._legend = legend_row(lay, row=0)
        self.plot = new_plot(lay, row=1, col=0)
        self.plot.setLogMode(y=self.log_y.isChecked())
        self.curves = [[new_curve(self.plot) for _ in layers] for _ in names]

    def _apply_styles(self) -> None:
        self._fingerprints = []
        names, layers = self._key
        palette.apply_style(self.plot, x_label=self.tr("epoch"), y_label=self._y_label())
        for i, row in enumerate(self.curves):
            for j, c in enumerate(row):
                c.setPen(palette.variant_pen(i, 2.4, palette.DASH_ORDER[j % len(palette.DASH_ORDER)]))
        fg = palette.current_theme().foreground
        variants = [(palette.variant_hex(i), "solid", n) for i, n in enumerate(names)]
        dashes = [(fg, palette.DASH_ORDER[j % len(palette.DASH_ORDER)], n) for j, n in enumerate(layers)]
        palette.style_label(self._legend, palette.legend_html(variants) + "<br>" + palette.legend_html(dashes), 0.95)

    def _update(self, snap: Snapshot) -> None:
        total = float(max(snap.total_epochs, snap.epoch, 1))
        if total != self._x_total:
            self._x_total = total
            self.plot.setXRange(0, total, padding=0.02)
        if len(self._fingerprints) != len(self.curves):
            self._fingerprints = [None] * len(self.curves)
        for i, v in enumerate(snap.variants[: len(self.curves)]):
            hist = np.asarray(self._history(v))
            key = history_fingerprint(v.history, hist)
            if key == self._fingerprints[i]:
                continue  # no new evaluation since the last frame
            self._fingerprints[i] = key
            epochs = v.history["epoch"]
            n = min(len(epochs), hist.shape[0]) if hist.ndim == 2 else 0
            for j, c in enumerate(self.curves[i]):
                if n and j < hist.shape[1]:
                    c.setData(epochs[:n], hist[:n, j])
                else:
                    c.setData([], [])

    def _on_log_toggled(self, checked: bool) -> None:
        if self.plot is not None:
            self.plot.setLogMode(y=checked)
            self.plot.enableAutoRange(axis="y")


class ActivationView(_LayerHistoryView):
    """Variance of each hidden layer's activations (before dropout) on the last training batch."""

    def __init__(self, parent: Optional[QtWidgets.QWidget] = None):
        super().__init__(parent)
        self.title = self.tr("Activations")

    def _history(self, v: VariantState) -> np.ndarray:
        return v.activation_var_history

    def _layer_names(self, snap: Snapshot) -> list[str]:
        n = len(snap.variants[0].hidden) if snap.variants else 0
        return [self.tr("hidden layer {k}").format(k=k + 1) for k in range(n)]

    def _y_label(self) -> str:
        return self.tr("activation variance")


class NormView(_LayerHistoryView):
    """Frobenius norm ||W|| of each Linear's weights: L2 / weight decay keeps it small."""

    def __init__(self, parent: Optional[QtWidgets.QWidget] = None):
        super().__init__(parent)
        self.title = self.tr("Weight norms")

    def _history(self, v: VariantState) -> np.ndarray:
        return v.weight_norm_history

    def _layer_names(self, snap: Snapshot) -> list[str]:
        return [layer_label(lin.name) for lin in snap.variants[0].linears] if snap.variants else []

    def _y_label(self) -> str:
        return self.tr("weight norm ‖W‖")
