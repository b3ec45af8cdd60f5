"""The fit view: what the network predicts, drawn the way the data is shaped.

Which picture is chosen from the snapshot alone:
  extra["scaling"] dict           -> dropout-scaling histograms (ScalingMode)
  regression with grid_x           -> 1-D curve fit (CurveMode)
  regression without grid_x        -> parity plot, predicted vs true on the test set (ParityMode)
  classification with a 2-D grid   -> decision-boundary maps, one per variant (BoundaryMode)
  image                            -> sample images with predictions of the selected variant (ImagesMode)
"""

from __future__ import annotations

from typing import Optional

import numpy as np
import pyqtgraph as pg
from PySide6 import QtCore, QtWidgets

from explorer.core.protocol import Snapshot
from explorer.gui.views import palette
from explorer.gui.views.base import SnapshotView, set_combo_items
from explorer.gui.views.fit_classification import BoundaryMode, boundary_columns, is_binary
from explorer.gui.views.fit_images import ImagesMode, ScalingMode, image_grid
from explorer.gui.views.fit_regression import CurveMode, ParityMode
from explorer.gui.views.fit_test_time import TestTimeControls, mc_states
from explorer.gui.views.seed_choice import SeedChoice


def fit_mode(snap: Snapshot) -> str:
    """ "scaling" | "curve" | "parity" | "boundary" | "images" | "none"."""
    if isinstance(snap.extra.get("scaling"), dict) and snap.extra["scaling"]:
        return "scaling"
    d = snap.data
    if d.task == "regression":
        return "curve" if d.grid_x is not None else "parity"
    if d.task == "classification":
        if d.grid_extent is not None and snap.variants and np.ndim(snap.variants[0].grid_prediction) == 2:
            return "boundary"
        return "none"
    if d.task == "image":
        return "images"
    return "none"


class _NoFitMode(QtCore.QObject):
    """Nothing to draw (e.g. classification with more than two inputs): say so instead of a blank."""

    def __init__(self, layout: pg.GraphicsLayout, snap: Snapshot):
        super().__init__()
        self.label = layout.addLabel(row=0, col=0)

    def apply_styles(self) -> None:
        palette.style_label(
            self.label,
            self.tr(
                "No fit picture for this data set: the decision boundary is "
                "drawn for 2-D inputs. See the loss and accuracy curves."
            ),
            1.0,
            color=palette.current_theme().muted,
        )

    def update(self, snap: Snapshot, selected: int) -> None:
        pass


_MODES = {
    "curve": CurveMode,
    "parity": ParityMode,
    "boundary": BoundaryMode,
    "images": ImagesMode,
    "scaling": ScalingMode,
    "none": _NoFitMode,
}


class FitView(SeedChoice, SnapshotView):
    """Fit of every variant; in image mode a variant selector (toolbar combobox) picks whose predictions show."""

    def __init__(self, parent: Optional[QtWidgets.QWidget] = None):
        super().__init__(parent)
        self.title = self.tr("Fit")
        self.variant_label = QtWidgets.QLabel(self.tr("variant:"))
        self.variant_combo = QtWidgets.QComboBox()
        self.variant_combo.setToolTip(self.tr("Whose predictions the sample images show."))
        self.variant_combo.setSizeAdjustPolicy(QtWidgets.QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.variant_combo.currentIndexChanged.connect(self._on_variant_changed)
        self.test_time = TestTimeControls()  # dropout at test time; the window wires it to the trainer
        self.test_time.setVisible(False)
        self.toolbar.addWidget(self.test_time)
        self._init_seed_choice(
            self.tr("mean of the seeds"),
            self.tr("With several seeds per variant: draw the mean of their predictions, or one seed's run."),
        )
        self.toolbar.addStretch(1)
        self.toolbar.addWidget(self.seed_combo)
        self.toolbar.addWidget(self.variant_label)
        self.toolbar.addWidget(self.variant_combo)
        self._set_selector_visible(False)
        self.mode_name = "none"
        self.mode: Optional[QtCore.QObject] = None

    # --- variant selection (image mode) -----------------------------------------
    def selected_variant(self) -> int:
        return max(0, self.variant_combo.currentIndex())

    def set_selected_variant(self, index: int) -> None:
        self.variant_combo.setCurrentIndex(index)

    def _set_selector_visible(self, visible: bool) -> None:
        self.variant_label.setVisible(visible)
        self.variant_combo.setVisible(visible)

    def _on_variant_changed(self, _index: int) -> None:
        if self._snap is not None and self.mode is not None:
            self._update(self._snap)

    # --- structure ---------------------------------------------------------------
    def _structure_key(self, snap: Snapshot) -> object:
        mode = fit_mode(snap)
        names = tuple(v.name for v in snap.variants)
        if mode == "images":
            size = self.graphics.size()
            detail = (
                np.shape(snap.data.x_train),
                image_grid(len(snap.data.x_train), size.width(), size.height(), snap.data.class_names),
            )
        elif mode == "boundary":
            size = self.graphics.size()
            cols = boundary_columns(len(snap.variants), size.width(), size.height()) if size.width() > 10 else None
            detail = (is_binary(snap), len(snap.data.class_names), snap.data.output_dim, cols)
        elif mode == "scaling":
            detail = tuple(snap.extra["scaling"].keys())
        elif mode == "curve":
            detail = snap.data.true_curve is not None
        else:
            detail = None
        return (mode, names, detail, mc_states(snap) is not None)

    def _teardown(self) -> None:
        super()._teardown()
        self.mode = None

    def _build(self, snap: Snapshot) -> None:
        self.mode_name = self._key[0]
        if self.mode_name == "images":
            cols, shown, short = self._key[2][1]
            self.mode = ImagesMode(self.graphics.ci, snap, cols=cols, shown=shown, short=short)
        elif self.mode_name == "boundary":
            self.mode = BoundaryMode(self.graphics.ci, snap, cols=self._key[2][3])
        else:
            self.mode = _MODES[self.mode_name](self.graphics.ci, snap)
        set_combo_items(self.variant_combo, [v.name for v in snap.variants])
        self._set_selector_visible(self.mode_name == "images" and len(snap.variants) > 1)
        self.test_time.setVisible(self.mode_name in ("curve", "boundary", "images"))

    def _apply_styles(self) -> None:
        self.mode.apply_styles()

    def _update(self, snap: Snapshot) -> None:
        self.mode.update(snap, self.selected_variant())

    def clear(self) -> None:
        super().clear()
        self._set_selector_visible(False)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        # the sample grid's and the decision maps' column counts follow the pane's shape
        if (
            self._snap is not None
            and self.mode_name in ("images", "boundary")
            and self._structure_key(self._snap) != self._key
        ):
            self._render(self._snap)
