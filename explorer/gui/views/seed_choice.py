"""A seed selector for views that draw one thing per variant (fit, histograms): with replicates
they show the mean of the seeds' predictions (where a mean means something) or one chosen seed's
run, instead of one entry per seed. A mixin of SnapshotView subclasses, listed before it."""

from __future__ import annotations

from typing import Any, Optional

from PySide6 import QtCore, QtWidgets

from explorer.gui.views.base import set_combo_items
from explorer.gui.views.replicate_bands import collapse_replicates, replicate_seeds


class SeedChoice:
    """Call `_init_seed_choice(toolbar, with_mean)` in __init__; update_snapshot does the rest."""

    def _init_seed_choice(self, combined: Optional[str], tooltip: str) -> QtWidgets.QComboBox:
        """`combined`: the name of the first entry, the seeds combined (collapse_replicates with
        None: mean predictions, pooled histograms); None offers single seeds only."""
        self._seed_with_mean = combined is not None
        self._combined_label = combined or ""
        self.seed_combo = QtWidgets.QComboBox()
        self.seed_combo.setToolTip(tooltip)
        self.seed_combo.currentIndexChanged.connect(self._on_seed_changed)
        self.seed_combo.setVisible(False)
        self._seeds: list[int] = []
        self._collapsed: tuple = (None, None, None)  # (source snapshot, choice, collapsed snapshot)
        return self.seed_combo

    def update_snapshot(self, snap: Any) -> None:
        seeds = replicate_seeds(snap)
        if seeds != self._seeds:
            self._seeds = seeds
            # a mixin: its own context, whatever the view
            names = [QtCore.QCoreApplication.translate("SeedChoice", "seed {0}").format(s) for s in seeds]
            if self._seed_with_mean:
                names.insert(0, self._combined_label)
            self.seed_combo.blockSignals(True)
            set_combo_items(self.seed_combo, names)
            self.seed_combo.blockSignals(False)
            self.seed_combo.setVisible(bool(seeds))
        if seeds:
            choice = self.seed_choice()
            source, made_for, collapsed = self._collapsed
            if source is not snap or made_for != choice:
                collapsed = collapse_replicates(snap, choice)
                self._collapsed = (snap, choice, collapsed)
            snap = collapsed
        super().update_snapshot(snap)  # type: ignore[misc]

    def seed_choice(self) -> Optional[int]:
        """None: the mean of the seeds' predictions; k: the run of the k-th seed."""
        index = max(0, self.seed_combo.currentIndex())
        if self._seed_with_mean:
            return None if index == 0 else index - 1
        return index

    def _on_seed_changed(self, _index: int) -> None:
        source = self._collapsed[0]
        if source is not None:
            self.update_snapshot(source)
