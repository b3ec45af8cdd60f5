"""The test-time dropout figure (figures/mc_dropout.<fmt>): how the passes behave, apart from the fit.

Top, for 1-D regression: the spread of the T passes (their SD) against x, one line per variant, so a band
that widens away from the data reads as a rising curve. Below, for every task: |MC mean - eval output|
against the number of passes T on log axes (and, for vanilla dropout, the distance to the eval output
without its (1-p) factor). The fit view shows the same passes drawn over the data.
"""

from __future__ import annotations

from typing import Optional

import numpy as np
from PySide6 import QtWidgets

from explorer.core.protocol import Snapshot
from explorer.gui.views import palette
from explorer.gui.views.base import SnapshotView, legend_row, new_curve, new_plot
from explorer.gui.views.fit_test_time import ConvergencePlot, mc_states


class TestTimeView(SnapshotView):
    """Dropout at test time: spread against x (1-D regression) and convergence of the passes' mean."""

    __test__ = False

    def __init__(self, parent: Optional[QtWidgets.QWidget] = None) -> None:
        super().__init__(parent)
        self.title = self.tr("Dropout at test time")
        self.spread_plot = None
        self.spread_curves: list = []
        self.convergence: Optional[ConvergencePlot] = None

    def _structure_key(self, snap: Snapshot) -> object:
        states = mc_states(snap)
        curve = snap.data.task == "regression" and snap.data.grid_x is not None
        return (tuple(v.name for v in snap.variants), states is not None, curve)

    def _build(self, snap: Snapshot) -> None:
        names, on, curve = self._key  # type: ignore[misc]
        layout = self.graphics.ci
        row = 0
        self.spread_plot, self.spread_curves = None, []
        if on and curve:
            self.spread_legend = legend_row(layout, row=0)
            self.spread_plot = new_plot(layout, row=1, col=0)
            self.spread_curves = [new_curve(self.spread_plot) for _ in names]
            row = 2
        self.convergence = ConvergencePlot(layout, row, len(names)) if on else None

    def _apply_styles(self) -> None:
        if self.spread_plot is not None:
            palette.apply_style(self.spread_plot, x_label=self.tr("x"), y_label=self.tr("SD of the T passes"))
            for i, c in enumerate(self.spread_curves):
                c.setPen(palette.variant_pen(i, 2.5))
            names = [v.name for v in self._snap.variants] if self._snap is not None else []
            entries = [(palette.variant_hex(i), "solid", n) for i, n in enumerate(names)]
            palette.style_label(self.spread_legend, palette.legend_html(entries), 0.9)
        if self.convergence is not None:
            self.convergence.apply_styles()

    def _update(self, snap: Snapshot) -> None:
        states = mc_states(snap)
        if states is None:
            return
        if self.spread_plot is not None and snap.data.grid_x is not None:
            for i, c in enumerate(self.spread_curves):
                st = states[i] if i < len(states) else None
                if st is None or not st.has_dropout:
                    c.setData([], [])
                    continue
                x = np.asarray(snap.data.grid_x)[:: st.grid_stride][: len(st.sd)]
                c.setData(x, st.sd[: len(x)])
        if self.convergence is not None:
            self.convergence.update(states)

    def _placeholder_text(self) -> str:
        return self.tr("Switch on 'dropout at test time' in the fit view to draw the passes.")
