"""Fashion-MNIST and MNIST in one click: the download (or folder import) runs in a QThread with a progress
dialog and Cancel, while the window stays live and the current run goes on; the trainer starts on the new
data once it is in the cache. Offline, a message names the two ways out: copy the four files into the
folder it names, or import a folder that holds them.

The work itself is explorer.core.data's (fetch, import_folder): checked against the published md5s, and
nothing half downloaded is ever kept.
"""

from __future__ import annotations

import threading
from typing import Any, Callable, Optional

from PySide6.QtCore import QObject, Qt, QThread, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog, QWidget

from explorer.core.config import DOWNLOADED_KINDS, Experiment
from explorer.core.data import FetchCancelled, FetchProgress, fetch, import_folder, is_cached, remote_set, set_folder
from explorer.core.protocol import ExplorerError, Message
from explorer.gui.core_messages import tr_message

PROGRESS_STEPS = 1000
MIN_REPORT_SECONDS = 0.05  # progress signals at most ~20 per second


class _Job(QThread):
    """fetch(kind) or import_folder(kind, folder) off the GUI thread; `cancel()` is cooperative."""

    progressed = Signal(object)  # FetchProgress
    ended = Signal(str, object)  # "ok" | "cancelled" | "failed", Message or None

    def __init__(self, kind: str, folder: Optional[str], parent: QObject):
        super().__init__(parent)
        self.kind, self.folder = kind, folder
        self._cancel = threading.Event()
        self._last = 0.0

    def cancel(self) -> None:
        self._cancel.set()

    def _report(self, p: FetchProgress) -> None:
        import time

        now = time.monotonic()
        if now - self._last >= MIN_REPORT_SECONDS or p.done >= p.total:
            self._last = now
            self.progressed.emit(p)

    def run(self) -> None:
        try:
            if self.folder is None:
                fetch(self.kind, progress=self._report, cancelled=self._cancel.is_set)
            else:
                import_folder(self.kind, self.folder)
        except FetchCancelled as exc:
            self.ended.emit("cancelled", exc.message)
            return
        except ExplorerError as exc:
            self.ended.emit("failed", exc.message)
            return
        except Exception as exc:
            self.ended.emit("failed", Message("text.plain", {"text": f"{type(exc).__name__}: {exc}"}))
            return
        self.ended.emit("ok", None)


class DataDownload(QObject):
    """Gets the data set an experiment needs into the cache before its trainer starts (see `gate`)."""

    status = Signal(str)  # a line for the status bar / banner

    def __init__(self, window: QWidget):
        super().__init__(window)
        self.window = window
        self.job: Optional[_Job] = None
        self.dialog: Optional[QProgressDialog] = None
        self.message_box: Optional[QMessageBox] = None
        self._kind = ""
        self._on_ready: Callable[[], None] = lambda: None
        self._on_gave_up: Callable[[], None] = lambda: None

    @staticmethod
    def needed(experiment: Experiment) -> Optional[str]:
        """The downloadable set `experiment` trains on when it is not cached yet, else None."""
        kind = experiment.dataset.kind if experiment.kind == "training" else ""
        return kind if kind in DOWNLOADED_KINDS and not is_cached(kind) else None

    @property
    def busy(self) -> bool:
        return self.job is not None

    def gate(self, experiment: Experiment, on_ready: Callable[[], None], on_gave_up: Callable[[], None]) -> bool:
        """True when `experiment` must wait for its data: the download starts and `on_ready` runs once the
        data is in the cache (`on_gave_up` after Cancel, or when it cannot be had). False: go ahead now.
        A new gate replaces a pending one (the user chose something else meanwhile)."""
        kind = self.needed(experiment)
        self._on_ready, self._on_gave_up = on_ready, on_gave_up
        if kind is None:
            self._stop_job()
            return False
        if self.job is not None and self._kind == kind and self.job.folder is None:
            return True  # already on its way
        self._begin(kind, None)
        return True

    def import_into_cache(self, kind: str, folder: str) -> None:
        """Import a folder (a USB stick) for `kind`, then go on as after a download."""
        self._begin(kind, folder)

    def choose_folder_and_import(self, kind: str) -> None:
        folder = QFileDialog.getExistingDirectory(
            self.window, self.tr("Folder with the {0} files").format(remote_set(kind).title)
        )
        if folder:
            self.import_into_cache(kind, folder)

    def cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()

    def shutdown(self) -> None:
        """Window closing: stop the job and wait for its thread."""
        self._on_ready = self._on_gave_up = lambda: None
        self._stop_job()
        for box in (self.dialog, self.message_box):
            if box is not None:
                box.close()

    # -- the job ----------------------------------------------------------------------------------------
    def _begin(self, kind: str, folder: Optional[str]) -> None:
        self._stop_job()
        self._kind = kind
        rs = remote_set(kind)
        job = _Job(kind, folder, self)
        job.progressed.connect(self._on_progress)
        job.ended.connect(self._on_ended)
        self.job = job
        if self.message_box is not None:
            self.message_box.close()
        dialog = self.dialog
        if dialog is None:
            dialog = self.dialog = QProgressDialog(self.window)
            dialog.canceled.connect(self.cancel)
        dialog.setWindowTitle(self.tr("Data set"))
        dialog.setWindowModality(Qt.WindowModality.NonModal)  # the window stays live
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setMinimumDuration(0)
        dialog.setRange(0, PROGRESS_STEPS)
        dialog.setValue(0)
        dialog.setCancelButtonText(self.tr("Cancel"))
        if folder is None:
            text = self.tr("Downloading {0} (about {1} MB, once; it is kept in {2})…").format(
                rs.title, f"{rs.size_mb:g}", str(set_folder(kind))
            )
        else:
            text = self.tr("Importing {0} from {1}…").format(rs.title, folder)
        dialog.setLabelText(text)
        dialog.show()
        self.status.emit(text)
        job.start()

    def _stop_job(self) -> None:
        job, self.job = self.job, None
        if job is not None:
            job.progressed.disconnect(self._on_progress)
            job.ended.disconnect(self._on_ended)
            job.cancel()
            job.wait()
            if self.dialog is not None:
                self.dialog.hide()

    def _on_progress(self, p: FetchProgress) -> None:
        if self.dialog is None or self.job is None:
            return
        part = p.done / p.total if p.total else 0.0
        self.dialog.setValue(int(PROGRESS_STEPS * (p.index + min(part, 1.0)) / max(p.count, 1)))
        self.dialog.setLabelText(
            self.tr("Downloading {0}: file {1} of {2} ({3}), {4} of {5} MB").format(
                p.title, p.index + 1, p.count, p.name, f"{p.done / 1e6:.1f}", f"{p.total / 1e6:.1f}"
            )
        )

    def _on_ended(self, outcome: str, message: Any) -> None:
        job, self.job = self.job, None
        if job is not None:
            job.wait()
        if self.dialog is not None:
            self.dialog.hide()
        rs = remote_set(self._kind)
        if outcome == "ok":
            self.status.emit(self.tr("{0} is ready: training starts").format(rs.title))
            self._on_ready()
            return
        gave_up = self._on_gave_up
        if outcome == "cancelled":
            self.status.emit(self.tr("Download of {0} cancelled; nothing half downloaded was kept").format(rs.title))
            gave_up()
            return
        self._show_ways_out(tr_message(message))
        gave_up()

    def _show_ways_out(self, detail: str) -> None:
        """Offline (or refused): what went wrong and the two ways out, without blocking the window."""
        kind = self._kind
        rs = remote_set(kind)
        box = self.message_box
        if box is None:
            box = self.message_box = QMessageBox(self.window)
            box.setIcon(QMessageBox.Icon.Warning)
            self.import_button = box.addButton(self.tr("Import folder…"), QMessageBox.ButtonRole.ActionRole)
            box.addButton(QMessageBox.StandardButton.Close)
            box.buttonClicked.connect(self._on_box_button)
            box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.setWindowTitle(self.tr("{0} is not available").format(rs.title))
        box.setText(self.tr("{0} could not be downloaded or imported.").format(rs.title))
        box.setInformativeText(
            self.tr(
                "Two ways out:\n"
                "1. Copy the four files ({0}) into this folder, then choose {1} again:\n{2}\n"
                "2. Import a folder that holds them (a USB stick): Import folder…"
            ).format(", ".join(rs.file_names), rs.title, str(set_folder(kind)))
        )
        box.setDetailedText(detail)  # why: each mirror's answer (Show Details…)
        box.setWindowModality(Qt.WindowModality.NonModal)
        box.show()
        self.status.emit(self.tr("{0} could not be downloaded: {1}").format(rs.title, detail))

    def _on_box_button(self, button: Any) -> None:
        if button is getattr(self, "import_button", None):
            self.choose_folder_and_import(self._kind)
