"""File and Edit menu actions: take figures, animations, checkpoints, metrics and experiments
out of the window, without ever stopping training or losing work.

    File ▸ Open checkpoint…             inspect a checkpoint (views show its weights,
                                        histograms and history); Play continues training
    File ▸ Export figures…              dialog: folder, PNG/SVG/PDF, PNG size (up to 4K and
                                        print), print style, one view or the whole dashboard
    File ▸ Export checkpoint…           at any moment, also while training
    File ▸ Export best weights…         best.pt, when early stopping restored the best weights
    File ▸ Export metrics…              CSV or JSON of the history (latest snapshot)
    File ▸ Record animation…            GIF or MP4 of the run; again to stop
    Edit ▸ Copy experiment              TOML text on the clipboard (for a chat or a handout)
    Edit ▸ Paste experiment             JSON or TOML from the clipboard; invalid text changes nothing

Every file is written atomically (temporary file, then rename): an unwritable
folder, a full disk or a refused name gives a message in the status line and
the banner, leaves no partial file and an existing file untouched, and the
trainer goes on. Checkpoints are written by the trainer itself, between two
steps (a consistent state), and in its own process or thread, so the GUI does
not wait for torch.save; its answer comes back as a host message, which is
watched here so a failure shows in the banner as well.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Optional, Union

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Slot
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QMenu, QProgressBar, QToolButton

from explorer.core.config import Experiment, parse_experiment
from explorer.core.protocol import ConfigError, ExplorerError, ExportError, Message
from explorer.core.protocol import commands as C
from explorer.gui.core_messages import tr_message
from explorer.gui.export_dialogs import FigureExportDialog, FigureOptions, RecordDialog, RecordOptions

NAME_MAX = 255


def target_problem(path: Union[str, Path]) -> Optional[str]:
    """Why `path` cannot be written, found before anything is sent or rendered (None if it can).

    The atomic writers report the same problems when they happen; this only lets the
    window say so at once (a checkpoint is written later, by the trainer)."""
    text = str(path)
    if "\x00" in text:
        return QCoreApplication.translate("FileActions", "the name contains a NUL character")
    p = Path(text)
    if not p.name or p.name in (".", ".."):
        return QCoreApplication.translate("FileActions", "{0} is not a file name").format(repr(text))
    if len(p.name.encode("utf-8", "surrogateescape")) > NAME_MAX:
        return QCoreApplication.translate("FileActions", "the name {0}… is too long for the file system").format(
            p.name[:40]
        )
    if p.is_dir():
        return QCoreApplication.translate("FileActions", "{0} is a folder").format(p)
    folder = p.parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    if not folder.is_dir():
        return QCoreApplication.translate("FileActions", "{0} is a file, not a folder").format(folder)
    if not os.access(folder, os.W_OK | os.X_OK):
        return QCoreApplication.translate("FileActions", "the folder {0} is not writable").format(folder)
    return None


def experiment_from_text(text: str) -> Experiment:
    """Parse pasted experiment text: JSON or TOML (told apart by the first character),
    also inside a Markdown code fence as chats wrap it. ConfigError names the field."""
    body = text.strip().lstrip("\ufeff")
    if body.startswith("```"):
        lines = body.splitlines()
        lines = lines[1:]
        if lines and lines[-1].strip().startswith("```"):
            lines = lines[:-1]
        body = "\n".join(lines).strip()
    if not body:
        raise ConfigError([QCoreApplication.translate("FileActions", "the clipboard holds no experiment text")])
    return parse_experiment(body, "json" if body.startswith("{") else "toml")


def _size_text(n: int) -> str:
    for unit in ("bytes", "KB", "MB", "GB"):
        if n < 1024 or unit == "GB":
            if unit == "bytes":
                return QCoreApplication.translate("FileActions", "{0} bytes").format(n)
            return f"{n:.1f} {unit}"
        n /= 1024  # type: ignore[assignment]
    return str(n)


class FileActions(QObject):
    """Builds the actions into the window's File menu and a new Edit menu, and runs them."""

    def __init__(self, window: Any, file_menu: QMenu):
        super().__init__(window)
        self.window = window
        self.host = window.host
        self.file_menu = file_menu
        self.recorder: Any = None
        self._stop_at_end = False
        self._pending_saves: dict[str, bool] = {}
        self._announce: Optional[tuple[str, str]] = None
        self._build_actions(file_menu)
        self._build_edit_menu()
        self._build_status_widgets()
        self.host.message.connect(self._on_host_message)
        self.host.snapshotReady.connect(self._on_snapshot)
        if hasattr(self.host, "checkpointOpened"):
            self.host.checkpointOpened.connect(self._on_checkpoint_opened)
        self.host.stateChanged.connect(self._on_state)

    # -- construction ------------------------------------------------------------------------
    def _action(self, text: str, slot, shortcut: Optional[str] = None, tip: str = "") -> QAction:
        action = QAction(text, self.window)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(tip)
        action.triggered.connect(lambda _=False: slot())
        return action

    def _build_actions(self, menu: QMenu) -> None:
        w = self.window
        self.open_checkpoint_action = self._action(
            self.tr("Open chec&kpoint…"),
            self.open_checkpoint_dialog,
            "Ctrl+Shift+O",
            self.tr(
                "Open a saved checkpoint: look at its weights, histograms and history, or press Play to continue "
                "training it"
            ),
        )
        self.export_best_action = self._action(
            self.tr("Export &best weights (best.pt)…"),
            lambda: self.export_checkpoint_dialog(best=True),
            None,
            self.tr("The weights early stopping restored (the best validation epoch), as a checkpoint"),
        )
        self.export_best_action.setEnabled(False)
        self.export_metrics_action = self._action(
            self.tr("Export &metrics (CSV, JSON)…"),
            self.export_metrics_dialog,
            "Ctrl+Shift+M",
            self.tr("The history as a table: one row per evaluation, one column group per variant"),
        )
        self.record_action = self._action(
            self.tr("&Record animation…"),
            self.toggle_recording,
            "Ctrl+Shift+R",
            self.tr("Record the run as an animated GIF or an MP4 video while it trains"),
        )
        # Open checkpoint after the experiment entries; exports after "Export checkpoint…".
        before = getattr(w, "save_action", None)
        anchor = getattr(w, "export_checkpoint_action", None)
        actions = menu.actions()
        if before is not None and before in actions:
            menu.insertAction(before, self.open_checkpoint_action)
        else:
            menu.insertAction(actions[0] if actions else None, self.open_checkpoint_action)
        actions = menu.actions()
        after = None
        if anchor is not None and anchor in actions:
            i = actions.index(anchor)
            after = actions[i + 1] if i + 1 < len(actions) else None
        for action in (self.export_best_action, self.export_metrics_action):
            if after is not None:
                menu.insertAction(after, action)
            else:
                menu.addAction(action)
        if after is not None:
            menu.insertSeparator(after)
            menu.insertAction(after, self.record_action)
        else:
            menu.addSeparator()
            menu.addAction(self.record_action)
        for action in (
            self.open_checkpoint_action,
            self.export_best_action,
            self.export_metrics_action,
            self.record_action,
        ):
            w.addAction(action)

    def _build_edit_menu(self) -> None:
        bar = self.window.menuBar()
        self.edit_menu = QMenu(self.tr("&Edit"), bar)
        self.copy_experiment_action = self._action(
            self.tr("&Copy experiment"),
            self.copy_experiment,
            "Ctrl+Shift+C",
            self.tr("Put the experiment on the clipboard as TOML text, to paste into a chat or a handout"),
        )
        self.paste_experiment_action = self._action(
            self.tr("&Paste experiment"),
            self.paste_experiment,
            "Ctrl+Shift+V",
            self.tr("Open the experiment whose JSON or TOML text is on the clipboard"),
        )
        self.edit_menu.addAction(self.copy_experiment_action)
        self.edit_menu.addAction(self.paste_experiment_action)
        bar_actions = bar.actions()
        file_action = self.file_menu.menuAction()
        if file_action in bar_actions and bar_actions.index(file_action) + 1 < len(bar_actions):
            bar.insertMenu(bar_actions[bar_actions.index(file_action) + 1], self.edit_menu)
        else:
            bar.addMenu(self.edit_menu)
        self.window.addAction(self.copy_experiment_action)
        self.window.addAction(self.paste_experiment_action)

    def _build_status_widgets(self) -> None:
        bar = self.window.statusBar()
        self.rec_label = QLabel()
        self.rec_label.setObjectName("RecordingLabel")
        self.rec_progress = QProgressBar()
        self.rec_progress.setMaximumWidth(160)
        self.rec_progress.setTextVisible(False)
        self.rec_stop = QToolButton()
        self.rec_stop.setText(self.tr("Stop"))
        self.rec_stop.setToolTip(self.tr("Stop recording and write the file"))
        self.rec_stop.clicked.connect(self.stop_recording)
        for widget in (self.rec_label, self.rec_progress, self.rec_stop):
            bar.addPermanentWidget(widget)
            widget.hide()

    # -- helpers --------------------------------------------------------------------------------
    def last_folder(self) -> str:
        folder = self.window.settings.get("last_folder")
        return folder if isinstance(folder, str) and Path(folder).is_dir() else str(Path.home())

    def _remember_folder(self, folder: Union[str, Path]) -> None:
        self.window.settings.set("last_folder", str(folder))

    def _latest_snapshot(self) -> Any:
        return getattr(self.host, "latest", None) or self.window.painted_snapshot

    def _error(self, text: str) -> None:
        self.window.show_error(text)

    # -- figures ----------------------------------------------------------------------------------
    def export_figures_dialog(self) -> list[Path]:
        options = FigureExportDialog.ask(
            self.window, self.window.dashboard.views(), self.last_folder(), self.window.settings
        )
        return self.export_figures(options) if options is not None else []

    def export_figures(self, options: Union[FigureOptions, str, Path]) -> list[Path]:
        """Write the figures; on the first failure stop, say which file and why, keep the others."""
        from explorer.gui.export import export_widget

        if not isinstance(options, FigureOptions):
            options = FigureOptions(folder=str(options))
        w = self.window
        if hasattr(w, "complete_snapshot"):
            w.complete_snapshot()  # hidden views: their parts were not built while hidden
        w.paint_latest()
        dashboard = w.dashboard
        if hasattr(dashboard, "refresh_all"):
            dashboard.refresh_all()
        folder = Path(options.folder)
        if folder.exists() and not folder.is_dir():
            self._error(self.tr("Figures not exported: {0} is a file, not a folder").format(folder))
            return []
        views = dashboard.views()
        if options.view is not None:
            if options.view not in views:
                self._error(self.tr("Figures not exported: no view called {0}").format(options.view))
                return []
            targets = [(options.view, views[options.view])]
        elif options.dashboard_only:
            targets = [("dashboard", dashboard)]
        else:
            targets = [*views.items(), ("dashboard", dashboard)]
        written: list[Path] = []
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            for name, widget in targets:
                for fmt in options.formats:
                    path = folder / f"{name}.{fmt}"
                    try:
                        written.append(
                            export_widget(
                                widget,
                                path,
                                width=options.width,
                                height=options.height,
                                scale=options.scale,
                                style=options.style,
                            )
                        )
                    except ExportError as exc:
                        done = self.tr(" ({0} file(s) written before it)").format(len(written)) if written else ""
                        self._error(self.tr("Figures not exported: {0}{1}").format(exc, done))
                        return written
        finally:
            QApplication.restoreOverrideCursor()
        self._remember_folder(folder)
        w.show_message(self.tr("wrote {0} figure files to {1}").format(len(written), folder))
        return written

    # -- checkpoints --------------------------------------------------------------------------------
    def export_checkpoint_dialog(self, best: bool = False) -> None:
        if not self._can_save_checkpoint(best):
            return
        name = "best.pt" if best else "checkpoint.pt"
        title = self.tr("Export best weights") if best else self.tr("Export checkpoint")
        path, _ = QFileDialog.getSaveFileName(
            self.window,
            title,
            str(Path(self.last_folder()) / name),
            self.tr("PyTorch checkpoint (*.pt);;All files (*)"),
        )
        if path:
            if not Path(path).suffix:
                path += ".pt"
            self.export_checkpoint(path, best=best)

    def _can_save_checkpoint(self, best: bool = False) -> bool:
        if self.window.experiment.kind == "dropout-scaling":
            self._error(self.tr("Checkpoint not saved: a demonstration has no weights to save"))
            return False
        if not self.host.is_alive() or self.host.latest is None:
            self._error(self.tr("Checkpoint not saved: no model yet; press Play or Step first"))
            return False
        return True

    def export_checkpoint(self, path: Union[str, Path], best: bool = False) -> bool:
        """Ask the trainer to write a checkpoint between two steps; the answer comes as a message."""
        if not self._can_save_checkpoint(best):
            return False
        problem = target_problem(path)
        if problem:
            self._error(self.tr("Checkpoint not saved: {0}").format(problem))
            return False
        key = str(Path(path))
        self._pending_saves[key] = best
        if best:
            self.host.send(C.SaveCheckpoint(key, best=True))
        else:
            self.host.save_checkpoint(key)
        self._remember_folder(Path(key).parent)
        self.window.show_message(self.tr("saving checkpoint to {0}…").format(key))
        return True

    @Slot(object)
    def _on_host_message(self, message: Union[Message, str]) -> None:
        text = str(message)  # the trainer's notes are matched in English; shown in the UI's language
        announce = self._announce
        if announce is not None and announce[0] in text:
            # the trainer's own "opened checkpoint" note replaces ours in the status line: say ours after it
            self._announce = None
            QTimer.singleShot(0, self.window, lambda: self.window.show_message(announce[1]))
        if not self._pending_saves:
            return
        if "no weights to save" in text:
            self._pending_saves.clear()
            self._error(self.tr("Checkpoint not saved: {0}").format(tr_message(message)))
            return
        for key in list(self._pending_saves):
            if key in text:
                self._pending_saves.pop(key)
                if text.lower().startswith("cannot") or "cannot write" in text:
                    self._error(self.tr("Checkpoint not saved: {0}. Training goes on.").format(tr_message(message)))
                return

    # -- opening a checkpoint --------------------------------------------------------------------------
    def open_checkpoint_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self.window,
            self.tr("Open checkpoint"),
            self.last_folder(),
            self.tr("PyTorch checkpoint (*.pt *.pth);;All files (*)"),
        )
        if path:
            self.open_checkpoint(path)

    def open_checkpoint(self, path: Union[str, Path], play: bool = False) -> bool:
        """Replace the run with the checkpoint's (paused unless `play`). A bad, newer-format or
        hostile file is refused by the trainer with a message, and the current run is kept."""
        p = Path(path)
        if not p.is_file():
            self._error(self.tr("Cannot open {0}: no such file").format(p.name or str(p)))
            return False
        self.host.restore_checkpoint(str(p), play=play)
        self._remember_folder(p.parent)
        self.window.show_message(self.tr("opening checkpoint {0}…").format(p.name))
        return True

    @Slot(str, object)
    def _on_checkpoint_opened(self, path: str, snap: Any) -> None:
        """The trainer runs the checkpoint's run now (a refused file never gets here: the host's
        error reaches the window and the current run stays)."""
        experiment = getattr(self.host, "experiment", None)
        if experiment is not None and hasattr(self.window, "adopt_experiment"):
            self.window.adopt_experiment(experiment, snap)
        name = Path(path).name
        self._announce = (
            name,
            self.tr("opened checkpoint {0}: epoch {1}, step {2}. Press Play to continue training it.").format(
                name, snap.epoch, snap.step
            ),
        )
        self.window.show_message(self._announce[1])

    @Slot(object)
    def _on_snapshot(self, snap: Any) -> None:
        restored = any(v.early_stopping.restored for v in getattr(snap, "variants", ()))
        if restored != self.export_best_action.isEnabled():
            self.export_best_action.setEnabled(restored)

    # -- metrics ------------------------------------------------------------------------------------------
    def export_metrics_dialog(self) -> Optional[Path]:
        if self._latest_snapshot() is None:
            self._error(self.tr("No metrics yet: press Play or Step first"))
            return None
        path, selected = QFileDialog.getSaveFileName(
            self.window,
            self.tr("Export metrics"),
            str(Path(self.last_folder()) / "metrics.csv"),
            self.tr("CSV table (*.csv);;JSON (*.json)"),
        )
        if not path:
            return None
        if Path(path).suffix.lower() not in (".csv", ".json"):
            path += ".json" if "json" in selected.lower() else ".csv"
        return self.export_metrics(path)

    def export_metrics(self, path: Union[str, Path]) -> Optional[Path]:
        from explorer.core.io import write_metrics_csv, write_metrics_json

        snap = self._latest_snapshot()
        path = Path(path)
        if snap is None:
            self._error(self.tr("No metrics yet: press Play or Step first"))
            return None
        if not getattr(snap, "variants", ()):
            self._error(self.tr("Metrics not exported: this demonstration has no training history"))
            return None
        fmt = path.suffix.lower()
        if fmt not in (".csv", ".json"):
            self._error(self.tr("Metrics not exported: use a .csv or .json file name, not {0}").format(path.name))
            return None
        try:
            (write_metrics_csv if fmt == ".csv" else write_metrics_json)(snap, path)
        except (ExplorerError, ValueError) as exc:
            text = tr_message(exc.message) if isinstance(exc, ExplorerError) else str(exc)
            self._error(self.tr("Metrics not exported: {0}").format(text))
            return None
        self._remember_folder(path.parent)
        self.window.show_message(self.tr("metrics up to epoch {0} written to {1}").format(snap.epoch, path))
        return path

    # -- experiment files and the clipboard -------------------------------------------------------------
    def save_experiment_dialog(self) -> bool:
        path, selected = QFileDialog.getSaveFileName(
            self.window,
            self.tr("Save experiment"),
            str(Path(self.last_folder()) / "experiment.toml"),
            self.tr("TOML (*.toml);;JSON (*.json)"),
        )
        if not path:
            return False
        if Path(path).suffix.lower() not in (".toml", ".json"):
            path += ".json" if "json" in selected.lower() else ".toml"
        ok = bool(self.window.save_experiment_file(path))
        if ok:
            self._remember_folder(Path(path).parent)
        return ok

    def copy_experiment(self) -> str:
        experiment = getattr(self.host, "experiment", None) or self.window.experiment
        text = experiment.to_toml()
        QGuiApplication.clipboard().setText(text)
        self.window.show_message(
            self.tr("experiment copied to the clipboard as TOML ({0} lines)").format(text.count("\n"))
        )
        return text

    def paste_experiment(self) -> bool:
        text = QGuiApplication.clipboard().text()
        try:
            experiment = experiment_from_text(text)
        except ConfigError as exc:
            self.window.show_problem(self.tr("pasted experiment: {0}").format(tr_message(exc.message)))
            return False
        title = experiment.meta.title or self.tr("untitled")
        self.window.load_experiment(experiment, note=self.tr("pasted experiment: {0}").format(title))
        return True

    # -- recording ------------------------------------------------------------------------------------------
    @property
    def recording(self) -> bool:
        return self.recorder is not None and self.recorder.state == "recording"

    def toggle_recording(self) -> None:
        if self.recording:
            self.stop_recording()
            return
        if self.recorder is not None and self.recorder.state == "encoding":
            self.window.show_message(self.tr("still writing the last recording; one moment"))
            return
        name = "training.gif"
        remembered = self.window.settings.get("export/animation")
        folder = remembered.get("folder") if isinstance(remembered, dict) else None
        folder = folder if isinstance(folder, str) and Path(folder).is_dir() else self.last_folder()
        options = RecordDialog.ask(
            self.window, self.window.dashboard.views(), str(Path(folder) / name), self.window.settings
        )
        if options is not None:
            self.start_recording(options)

    def start_recording(self, options: RecordOptions) -> Any:
        from explorer.gui.recorder import AnimationRecorder

        if self.recorder is not None and self.recorder.state in ("recording", "encoding"):
            self._error(self.tr("A recording is already running"))
            return None
        w = self.window
        views = w.dashboard.views()
        if options.source is None:
            source = w.dashboard
        elif options.source in views:
            source = views[options.source]
            w.set_view_visible(options.source, True)
            if hasattr(w.dashboard, "show_tab"):
                try:
                    w.dashboard.show_tab(options.source)
                except (ValueError, KeyError):
                    pass
        else:
            self._error(self.tr("Not recording: no view called {0}").format(options.source))
            return None
        problem = target_problem(options.path)
        if problem:
            self._error(self.tr("Not recording: {0}").format(problem))
            return None
        try:
            recorder = AnimationRecorder(
                source,
                options.path,
                fps=options.fps,
                max_seconds=options.max_seconds,
                max_width=options.max_width,
                caption=self._caption,
                parent=self,
            )
            recorder.progress.connect(self._on_record_progress)
            recorder.finished.connect(self._on_record_finished)
            recorder.failed.connect(self._on_record_failed)
            recorder.stateChanged.connect(self._on_record_state)
            self.recorder = recorder
            recorder.start()
        except ExportError as exc:
            self.recorder = None
            self._error(self.tr("Not recording: {0}").format(tr_message(exc.message)))
            return None
        self._stop_at_end = options.stop_at_end
        self._remember_folder(Path(options.path).parent)
        if options.play and w.state in ("paused", "idle"):
            w.toggle_play()
        return recorder

    def stop_recording(self) -> None:
        if self.recorder is not None:
            self.recorder.stop()

    def _caption(self) -> str:
        w = self.window
        snap = w.painted_snapshot
        title = w.experiment.meta.title or ""
        if snap is None:
            return title
        count = self.tr("epoch {0} / {1} · step {2}").format(snap.epoch, snap.total_epochs, snap.step)
        return f"{title} — {count}" if title else count

    @Slot(str)
    def _on_record_state(self, state: str) -> None:
        recording = state == "recording"
        busy = state in ("recording", "encoding")
        self.record_action.setText(self.tr("Stop &recording") if recording else self.tr("&Record animation…"))
        for widget in (self.rec_label, self.rec_progress):
            widget.setVisible(busy)
        self.rec_stop.setVisible(recording)
        if state == "recording":
            self.rec_label.setStyleSheet("color: #c62828; font-weight: bold;")
        elif state == "encoding":
            self.rec_label.setStyleSheet("")
            fmt = self.recorder.format.upper() if self.recorder is not None else ""
            self.rec_label.setText(self.tr("writing {0}…").format(fmt))

    @Slot(int, int)
    def _on_record_progress(self, done: int, total: int) -> None:
        rec = self.recorder
        if rec is None:
            return
        self.rec_progress.setRange(0, max(1, total))
        self.rec_progress.setValue(min(done, max(1, total)))
        if rec.state == "recording":
            self.rec_label.setText(self.tr("● REC {0} / {1}").format(_clock(done / rec.fps), _clock(rec.max_seconds)))
        elif rec.state == "encoding":
            self.rec_label.setText(self.tr("writing {0}: frame {1} / {2}").format(rec.format.upper(), done, total))

    @Slot(str)
    def _on_record_finished(self, path: str) -> None:
        rec = self.recorder
        try:
            size = _size_text(Path(path).stat().st_size)
        except OSError:
            size = "?"
        frames = rec.frames if rec is not None else 0
        seconds = frames / rec.fps if rec is not None else 0.0
        text = self.tr("recorded {0} frames ({1:.1f} s) to {2} ({3})").format(frames, seconds, path, size)
        if rec is not None and rec.dropped:
            text += self.tr("; {0} frames skipped because encoding fell behind").format(rec.dropped)
        if rec is not None and rec.limited and rec.frames >= rec.max_frames:
            text += self.tr("; a GIF of this size holds at most {0} frames: record an MP4 for longer runs").format(
                rec.max_frames
            )
        self.window.show_message(text)

    @Slot(str)
    def _on_record_failed(self, message: str) -> None:
        self._error(self.tr("Recording not saved: {0}. Training goes on.").format(message))

    @Slot(str)
    def _on_state(self, state: str) -> None:
        if state == "finished" and self.recording and self._stop_at_end:
            rec = self.recorder
            # let the last paint land in a frame or two first
            QTimer.singleShot(int(2000 / rec.fps) + 100, self, lambda r=rec: r.stop())

    # -- lifetime ------------------------------------------------------------------------------------------------
    def shutdown(self) -> None:
        """The window closes: a recording under way is stopped and written (blocking), not lost."""
        rec = self.recorder
        if rec is not None and rec.state in ("recording", "encoding"):
            rec.finish_now()


def _clock(seconds: float) -> str:
    m, s = divmod(int(round(seconds)), 60)
    return f"{m}:{s:02d}"
