"""Where a sweep runs, in the Sweep window: this computer, N processes on it, or a lab's Dask
scheduler (the address and the process count remembered), and the workers a running sweep
uses with the cells each has done.

The choice is a plain `SweepPlace` (explorer.core.sweep): the window sends it with the spec
to the process that runs the sweep, which makes the executor from it.
"""

from __future__ import annotations

import os
from typing import Mapping, Optional, Sequence

from PySide6 import QtCore, QtWidgets

from explorer.core.protocol import ExplorerError
from explorer.core.sweep import SweepPlace
from explorer.gui.i18n import FollowsLanguage
from explorer.gui.settings import Settings

SETTINGS_KEY = "sweep_place"
MAX_PROCESSES = 512


def core_text(error: ExplorerError) -> str:
    """A core message in the window's language (catalogue context CoreMessages)."""
    return error.message.render(lambda t: QtCore.QCoreApplication.translate("CoreMessages", t))


class SweepPlaceBox(FollowsLanguage, QtWidgets.QGroupBox):
    changed = QtCore.Signal()

    def __init__(self, settings: Optional[Settings] = None, parent: Optional[QtWidgets.QWidget] = None):
        super().__init__(parent)
        self.settings = settings
        self.here = QtWidgets.QRadioButton()
        self.processes = QtWidgets.QRadioButton()
        self.scheduler = QtWidgets.QRadioButton()
        self.count = QtWidgets.QSpinBox()
        self.count.setRange(1, MAX_PROCESSES)
        self.count.setValue(max(1, min(MAX_PROCESSES, os.cpu_count() or 1)))
        self.address = QtWidgets.QLineEdit()
        self.address.setPlaceholderText("tcp://HOST:8786")
        self.address.setMinimumWidth(self.address.fontMetrics().horizontalAdvance("tcp://255.255.255.255:65535") + 24)
        self.send_data = QtWidgets.QCheckBox()
        self._group = QtWidgets.QButtonGroup(self)
        layout = QtWidgets.QGridLayout(self)
        for row, (button, field) in enumerate(
            ((self.here, None), (self.processes, self.count), (self.scheduler, self.address))
        ):
            self._group.addButton(button, row)
            layout.addWidget(button, row, 0)
            if field is not None:
                layout.addWidget(field, row, 1)
        layout.addWidget(self.send_data, 3, 0, 1, 2)
        layout.setColumnStretch(1, 1)
        self.load()
        self._group.idToggled.connect(lambda *_: self._on_change())
        self.count.valueChanged.connect(lambda *_: self._on_change())
        self.address.textChanged.connect(lambda *_: self._on_change())
        self.send_data.toggled.connect(lambda *_: self._on_change())
        self._enable()
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Where it runs"))
        self.here.setText(self.tr("This computer"))
        self.processes.setText(self.tr("Processes on this computer:"))
        self.scheduler.setText(self.tr("Dask scheduler at"))
        self.send_data.setText(self.tr("Send file data from this computer"))
        self.here.setToolTip(self.tr("Train the chunks one after another in one process: nothing to set up."))
        self.processes.setToolTip(
            self.tr(
                "Start this many worker processes here (a Dask cluster inside the app), one chunk and one "
                "thread each: a sweep uses every core."
            )
        )
        self.count.setToolTip(self.processes.toolTip())
        self.scheduler.setToolTip(
            self.tr(
                "Send the chunks to your lab's cluster: the address of its 'dask scheduler'. The workers need "
                "the same explorer and torch versions as this computer."
            )
        )
        self.address.setToolTip(self.scheduler.toolTip())
        self.send_data.setToolTip(
            self.tr(
                "File and image sets: send the data once to each worker instead of having the workers read "
                "the dataset path (which must then be a folder every worker sees)."
            )
        )

    # -- the choice ---------------------------------------------------------------------------------

    def place(self) -> SweepPlace:
        """The chosen place, checked; a SweepError (one line) for a bad address."""
        kind = ("here", "processes", "scheduler")[max(0, self._group.checkedId())]
        data = "send" if self.send_data.isChecked() else "path"
        return SweepPlace(kind, self.count.value(), self.address.text(), data).checked()

    def problem(self) -> str:
        """What is wrong with the choice, in the window's language; empty when it is fine."""
        try:
            self.place()
        except ExplorerError as exc:
            return core_text(exc)
        return ""

    def load(self) -> None:
        stored = self.settings.get(SETTINGS_KEY) if self.settings is not None else None
        stored = stored if isinstance(stored, dict) else {}
        kind = stored.get("kind", "here")
        self._group.button({"processes": 1, "scheduler": 2}.get(kind, 0)).setChecked(True)
        workers = stored.get("workers")
        if isinstance(workers, int) and 1 <= workers <= MAX_PROCESSES:
            self.count.setValue(workers)
        self.address.setText(str(stored.get("address", "")))
        self.send_data.setChecked(stored.get("worker_data") == "send")

    def remember(self) -> None:
        """Keep the choice (also an address not used right now) for the next sweep and session."""
        if self.settings is None:
            return
        kind = ("here", "processes", "scheduler")[max(0, self._group.checkedId())]
        data = "send" if self.send_data.isChecked() else "path"
        self.settings.set(
            SETTINGS_KEY, SweepPlace(kind, self.count.value(), self.address.text().strip(), data).to_dict()
        )
        self.settings.save()

    def _enable(self) -> None:
        self.count.setEnabled(self.processes.isChecked())
        self.address.setEnabled(self.scheduler.isChecked())
        self.send_data.setEnabled(not self.here.isChecked())

    def _on_change(self) -> None:
        self._enable()
        self.remember()
        self.changed.emit()


class WorkersTable(FollowsLanguage, QtWidgets.QTableWidget):
    """The workers of a running sweep and how many cells each has finished (this run)."""

    def __init__(self, parent: Optional[QtWidgets.QWidget] = None):
        super().__init__(0, 2, parent)
        self.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.NoEditTriggers)
        self.verticalHeader().setVisible(False)
        self.horizontalHeader().setStretchLastSection(True)
        self.horizontalHeader().setSectionResizeMode(0, QtWidgets.QHeaderView.ResizeMode.ResizeToContents)
        self.retranslate()

    def retranslate(self) -> None:
        self.setHorizontalHeaderLabels([self.tr("Worker"), self.tr("Cells done")])
        self.setToolTip(self.tr("The Dask workers this sweep uses and the cells each has finished."))

    def show_workers(self, workers: Sequence[str], done: Mapping[str, int]) -> None:
        """One row per worker, connected ones first in address order, then any that finished cells
        and left (a worker that died); a count of 0 for a worker that has not finished one yet."""
        names = list(dict.fromkeys(sorted(workers))) + sorted(w for w in done if w not in workers)
        self.setRowCount(len(names))
        for row, name in enumerate(names):
            cells = QtWidgets.QTableWidgetItem(str(int(done.get(name, 0))))
            cells.setTextAlignment(QtCore.Qt.AlignmentFlag.AlignRight | QtCore.Qt.AlignmentFlag.AlignVCenter)
            self.setItem(row, 0, QtWidgets.QTableWidgetItem(name))
            self.setItem(row, 1, cells)

    def counts(self) -> dict[str, int]:
        return {self.item(r, 0).text(): int(self.item(r, 1).text()) for r in range(self.rowCount())}
