"""Where a sweep from the Sweep window writes its files.

A sweep folder holds one sweep: starting again on it skips the finished cells, and another sweep
is refused there. One fixed default folder would refuse the second sweep a user tries; so, unless
the user picks a folder, every sweep gets its own: <app data>/sweeps/<title>-<hash>, the hash over
the experiment, the axes and the seeds (the metric changes no result). The same sweep started again
(after a cancel) finds its folder and resumes; another sweep gets a new one.
"""

from __future__ import annotations

import hashlib
import json
import re
import tempfile
from pathlib import Path
from typing import Any, Optional

from PySide6 import QtCore, QtWidgets

from explorer.core.config import Experiment


def sweep_home() -> Path:
    """The folder the automatic sweep folders go in (the app's data folder; else the temp folder)."""
    location = QtCore.QStandardPaths.writableLocation(QtCore.QStandardPaths.StandardLocation.AppLocalDataLocation)
    return Path(location) / "sweeps" if location else Path(tempfile.gettempdir()) / "explorer-sweeps"


def default_folder(experiment: Experiment, table: dict[str, Any], home: Optional[Path] = None) -> Path:
    """The sweep's own folder: the same for the same sweep of the same experiment, else another."""
    key = {"experiment": experiment.to_dict(), "axes": table.get("axes"), "seeds": table.get("seeds")}
    digest = hashlib.sha256(json.dumps(key, sort_keys=True, default=str).encode("utf-8")).hexdigest()[:10]
    title = str(getattr(experiment.meta, "title", "") or "")
    slug = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:40] or "sweep"
    return (home or sweep_home()) / f"{slug}-{digest}"


class FolderField(QtWidgets.QWidget):
    """The folder line and a Choose… button; empty (or still the last automatic folder) means
    "a folder of its own for this sweep"."""

    def __init__(self, parent: Optional[QtWidgets.QWidget] = None):
        super().__init__(parent)
        self.line = QtWidgets.QLineEdit()
        self.choose = QtWidgets.QPushButton()
        layout = QtWidgets.QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.line, 1)
        layout.addWidget(self.choose)
        self.choose.clicked.connect(self._choose)
        self._auto: Optional[str] = None  # the text last filled in automatically
        self.retranslate()

    def retranslate(self) -> None:
        self.choose.setText(self.tr("Choose…"))
        self.line.setPlaceholderText(self.tr("a folder of its own for each sweep, in {0}").format(sweep_home()))
        self.line.setToolTip(
            self.tr(
                "The sweep folder (sweep.csv, sweep.json): starting the same sweep again on it skips the "
                "finished cells. Left empty, each sweep gets a folder of its own."
            )
        )

    def text(self) -> str:
        return self.line.text()

    def setText(self, text: str) -> None:
        self.line.setText(text)
        self._auto = None

    def is_automatic(self) -> bool:
        text = self.line.text().strip()
        return not text or text == self._auto

    def resolve(self, experiment: Experiment, table: dict[str, Any]) -> str:
        """The folder this sweep writes to (shown in the line)."""
        if not self.is_automatic():
            return self.line.text().strip()
        path = str(default_folder(experiment, table))
        self.line.setText(path)
        self._auto = path
        return path

    def _choose(self) -> None:
        path = QtWidgets.QFileDialog.getExistingDirectory(self, self.tr("Sweep folder"), self.line.text())
        if path:
            self.setText(path)
