"""What the settings panels (network, regularization, data) have in common."""

from __future__ import annotations

from typing import Optional

from PySide6.QtWidgets import QWidget

from explorer.core.config import Experiment
from explorer.gui.i18n import FollowsLanguage


class ExperimentPanel(FollowsLanguage, QWidget):
    """A panel that shows one Experiment and edits it.

    A subclass builds its controls, then calls ``set_experiment(self.experiment)``;
    ``field_widgets`` names its controls by field path, and after a language switch
    ``retranslate`` shows the experiment again (for the texts built from it).
    """

    def __init__(self, experiment: Optional[Experiment] = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._experiment = experiment or Experiment()

    @property
    def experiment(self) -> Experiment:
        return self._experiment

    @property
    def field_widgets(self) -> dict[str, QWidget]:
        """Field path -> the widget that edits it (classroom exercises hide or lock them by path)."""
        raise NotImplementedError

    def set_experiment(self, experiment: Experiment) -> None:
        """Show `experiment` (no signals)."""
        raise NotImplementedError

    def retranslate(self) -> None:
        """After a language switch: the texts built from the experiment (fixed labels are done by i18n)."""
        self.set_experiment(self._experiment)
