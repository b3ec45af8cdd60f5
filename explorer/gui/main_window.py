"""The main window: panels left and right, the dashboard in the centre, a run toolbar.

The window owns the GUI's copy of the Experiment. Panels propose edits: live
ones (SetValue) go to the trainer at once and take effect at its next step;
structural ones (a whole new Experiment) restart the trainer with the new model
and say so. Every edit is validated first; an invalid one changes nothing and
its problem shows in the status line and the banner.

Snapshots are never painted as they arrive: the host's signal only stores the
newest one, and a ~30 Hz timer paints whatever is newest, so a fast trainer
can never queue stale frames behind a slow paint.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any, Optional, Union

from PySide6.QtCore import QByteArray, QEvent, Qt, QTimer, Slot
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QDockWidget,
    QFileDialog,
    QMainWindow,
    QMessageBox,
    QScrollArea,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from explorer.core.config import VARIANT_NAME, Experiment, load_experiment
from explorer.core.protocol import ConfigError, ExplorerError, Message, SetValue
from explorer.gui import i18n
from explorer.gui.core_messages import tr_message
from explorer.gui.i18n import FollowsLanguage
from explorer.gui.panels import DataPanel, NetworkPanel, RegularizationPanel
from explorer.gui.panels.edits import apply_set_value
from explorer.gui.panels.lesson_panel import LessonPanel
from explorer.gui.settings import Settings
from explorer.gui.settings_notes import settings_notes
from explorer.gui.widgets import MessageBanner, help_dialogs
from explorer.gui.window_menus import WindowMenus

PAINT_INTERVAL_MS = 15  # look for a new snapshot at ~60 Hz; the trainer sends ~40 a second
STATE_VERSION = 1  # bump when docks/toolbars change, so an old saved layout is ignored
STALL_SECONDS = 5  # running, but no snapshot for this long: the status says so
AUTOSAVE_MS = 3000  # the experiment on screen is saved this long after its last change


def _make_dashboard(parent: QWidget) -> QWidget:
    try:
        from explorer.gui.views import Dashboard  # type: ignore[attr-defined]
    except ImportError:
        from explorer.gui.views.dashboard import Dashboard  # type: ignore[no-redef]
    return Dashboard(parent)


class MainWindow(FollowsLanguage, QMainWindow, WindowMenus):  # menus and toolbar: window_menus.py
    def __init__(
        self,
        host: Any = None,
        experiment: Optional[Experiment] = None,
        settings: Optional[Settings] = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        from explorer.gui.gui_gc import collect_in_gui_thread

        collect_in_gui_thread()  # never let a worker thread free Qt widgets (see gui_gc.py)
        if host is None:
            from explorer.gui.host import TrainerHost

            host = TrainerHost(mode="process", parent=self)
        self.host = host
        self.settings = settings if settings is not None else Settings()
        if experiment is None:
            experiment = getattr(host, "experiment", None) or _default_experiment()
        self._experiment: Experiment = experiment
        self._state = "idle"
        self._latest = None  # newest snapshot received, not yet painted
        # ids of snapshot parts that views outside the dashboard need while shown (optional parts)
        self.extra_visible_views: frozenset[str] = frozenset()
        self._want_all_parts = False  # an export waits for a snapshot with every part
        self._painted = None  # the snapshot on screen
        self._seen_generation: Optional[int] = None
        self._generation_floor = 0  # snapshots of older models (before a rebuild) are dropped
        self._closed = False
        self._settings_notes_said: set[str] = set()  # each note about the settings file is said once
        self._banner_for_dead_trainer = False  # the banner says the trainer died (cleared by a restart)
        self._last_snapshot_at = time.monotonic()
        self._stalled = False
        self.setObjectName("MainWindow")
        self.setWindowTitle(self.tr("Regularization Explorer"))

        # centre: banner + dashboard
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(4)
        self.banner = MessageBanner(central)
        layout.addWidget(self.banner)
        self.dashboard = _make_dashboard(central)
        layout.addWidget(self.dashboard, 1)
        self.setCentralWidget(central)

        # panels in docks
        self.network_panel = NetworkPanel(experiment)
        self.regularization_panel = RegularizationPanel(experiment)
        self.data_panel = DataPanel(experiment)
        self.lesson_panel = LessonPanel()
        self.lesson_panel.language = i18n.current_language()
        self.lesson_panel.dataRequested.connect(self.use_downloaded_data)
        from explorer.gui.data_download import DataDownload

        self.data_download = DataDownload(self)  # Fashion-MNIST / MNIST fetched before their trainer starts
        self.data_download.status.connect(self.show_message)
        self._started_experiment: Optional[Experiment] = None  # what the host runs (or last ran)
        self.panels = (self.network_panel, self.regularization_panel, self.data_panel)
        self.network_dock = self._dock(
            "network", self.tr("Network"), self.network_panel, Qt.DockWidgetArea.LeftDockWidgetArea
        )
        from explorer.gui.views.narration import NarrationView

        self.narration = NarrationView()  # the live "what is happening" line, under the lesson
        lesson_box = QWidget()
        lesson_layout = QVBoxLayout(lesson_box)
        lesson_layout.setContentsMargins(0, 0, 0, 0)
        lesson_layout.setSpacing(4)
        lesson_layout.addWidget(self.lesson_panel, 1)
        lesson_layout.addWidget(self.narration)
        self.lesson_dock = self._dock(
            "lesson", self.tr("Lesson"), lesson_box, Qt.DockWidgetArea.LeftDockWidgetArea, scroll=False
        )
        self.regularization_dock = self._dock(
            "regularization",
            self.tr("Regularization"),
            self.regularization_panel,
            Qt.DockWidgetArea.RightDockWidgetArea,
        )
        self.data_dock = self._dock(
            "data", self.tr("Data && optimiser"), self.data_panel, Qt.DockWidgetArea.RightDockWidgetArea
        )
        self.tabifyDockWidget(self.regularization_dock, self.data_dock)
        self.regularization_dock.raise_()
        self.resizeDocks([self.network_dock, self.regularization_dock], [330, 310], Qt.Orientation.Horizontal)
        # the network builder gets the height it needs, the lesson (and its live narration) the rest
        self.resizeDocks(
            [self.network_dock, self.lesson_dock],
            [min(460, self.network_panel.sizeHint().height() + 60), 400],
            Qt.Orientation.Vertical,
        )

        for panel in self.panels:
            panel.problem.connect(self.show_problem)
        self.network_panel.experimentEdited.connect(self._on_experiment_edited)
        self.data_panel.experimentEdited.connect(self._on_experiment_edited)
        self.regularization_panel.commandRequested.connect(self._on_command)
        self.network_panel.commandRequested.connect(self._on_command)  # a variant renamed in the list
        self.data_panel.commandRequested.connect(self._on_command)

        self._build_actions()
        self._build_toolbar()
        self._build_menus()
        self.statusBar().setSizeGripEnabled(True)
        from explorer.gui.classroom import ClassroomController
        from explorer.gui.theme import Looks, apply_initial_geometry

        self.looks = Looks(self)  # View ▸ theme, presentation mode
        self.language_menu = i18n.LanguageMenu(self)  # View ▸ Language, switched at run time
        self.classroom = ClassroomController(self)  # Classroom ▸ focused exercises
        from explorer.gui.file_actions import FileActions

        self.file_actions = FileActions(self, self.file_menu)  # checkpoints, metrics, recording, Edit menu
        from explorer.gui.inside_dropout import InsideDropout

        self.inside_dropout = InsideDropout(self)  # the test-time dropout switch and the Step inspector dock

        host.snapshotReady.connect(self._on_snapshot)
        host.stateChanged.connect(self._on_state)
        host.message.connect(self.show_message)
        host.errorOccurred.connect(self.show_error)
        if hasattr(host, "rebuildRejected"):
            host.rebuildRejected.connect(self._on_rebuild_rejected)

        # the experiment on screen survives a crash or a power cut: saved shortly after each change
        self._autosave_timer = QTimer(self)
        self._autosave_timer.setSingleShot(True)
        self._autosave_timer.setInterval(AUTOSAVE_MS)
        self._autosave_timer.timeout.connect(self._autosave)

        self._timer = QTimer(self)
        self._timer.setInterval(PAINT_INTERVAL_MS)
        self._timer.timeout.connect(self.paint_latest)
        self._timer.start()
        self._stall_timer = QTimer(self)
        self._stall_timer.setInterval(1000)
        self._stall_timer.timeout.connect(self._check_stall)
        self._stall_timer.start()

        apply_initial_geometry(self)
        self._restore_layout()
        self._show_experiment_info()
        self._raise_relevant_dock()
        QTimer.singleShot(0, self.data_panel, self.data_panel.probe_devices)

    # -- construction helpers -------------------------------------------------------------
    def _dock(
        self, name: str, title: str, widget: QWidget, area: Qt.DockWidgetArea, scroll: bool = True
    ) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(f"dock_{name}")
        dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetClosable
            | QDockWidget.DockWidgetFeature.DockWidgetFloatable
        )
        if scroll:
            area_widget = QScrollArea()
            area_widget.setWidgetResizable(True)
            area_widget.setFrameShape(QScrollArea.Shape.NoFrame)
            area_widget.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
            area_widget.setWidget(widget)
            dock.setWidget(area_widget)
            # never clip a panel's rows: the dock is at least as wide as the panel needs
            scrollbar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
            dock.setMinimumWidth(widget.minimumSizeHint().width() + scrollbar + 4)
        else:
            dock.setWidget(widget)
        self.addDockWidget(area, dock)
        return dock

    # -- the experiment --------------------------------------------------------------------
    @property
    def experiment(self) -> Experiment:
        return self._experiment

    def start(self, play: bool = False) -> None:
        """(Re)start the trainer with the window's experiment (the app calls this after the first paint).

        A downloadable set that is not cached yet is fetched first (progress dialog, Cancel); the current
        run goes on meanwhile, and the window goes back to it if the data cannot be had."""
        pending = self._experiment
        if self.data_download.gate(pending, lambda: self._start_on(pending, play), lambda: self._give_up_on(pending)):
            return
        self._start_now(play)

    def _start_now(self, play: bool) -> None:
        self._begin_run()
        self._started_experiment = self._experiment
        try:
            self.host.start(self._experiment, play=play)
        except Exception as exc:
            self.show_error(self.tr("Could not start the trainer: {0}").format(exc))
            return
        if self._banner_for_dead_trainer:  # a new trainer runs: the old one's red banner is no longer true
            self._banner_for_dead_trainer = False
            self.banner.dismiss()

    def _start_on(self, experiment: Experiment, play: bool) -> None:
        """Its data is in the cache now: show `experiment` (again, after an import) and train it."""
        if experiment is not self._experiment:
            self._show_everywhere(experiment)
        self._start_now(play)

    def _give_up_on(self, experiment: Experiment) -> None:
        """The data of `experiment` cannot be had (cancelled, offline): back to what runs."""
        if self._experiment is experiment and self._started_experiment is not None:
            self._show_everywhere(self._started_experiment)

    def _show_everywhere(self, experiment: Experiment) -> None:
        self._set_experiment(experiment)
        for panel in self.panels:
            panel.set_experiment(experiment)
        self._show_experiment_info()

    @Slot(str)
    def use_downloaded_data(self, kind: str) -> None:
        """The lesson's one click: this experiment on Fashion-MNIST (downloaded first if need be)."""
        from explorer.core.data import with_downloaded_data

        self._on_experiment_edited(with_downloaded_data(self._experiment, kind))

    def load_experiment(self, experiment: Experiment, play: bool = False, note: str = "") -> None:
        self._set_experiment(experiment)
        for panel in self.panels:
            panel.set_experiment(experiment)
        self._show_experiment_info()
        self._raise_relevant_dock()
        self.start(play=play)
        if note:
            self.show_message(note)

    def _raise_relevant_dock(self) -> None:
        """The demonstration's settings live in the data panel; a training run's in regularization."""
        demo = self._experiment.kind == "dropout-scaling"
        (self.data_dock if demo else self.regularization_dock).raise_()

    def _begin_run(self) -> None:
        alive = getattr(self.host, "is_alive", lambda: False)()
        self._generation_floor = (self._seen_generation + 1) if alive and self._seen_generation is not None else 0
        self._latest = None
        self._painted = None
        if hasattr(self.dashboard, "clear"):
            self.dashboard.clear()
        self.run_status.clear(self._experiment.training.epochs)
        self.narration.clear()

    def _show_experiment_info(self) -> None:
        title = i18n.localized_meta(self._experiment.meta, "title")
        # Qt appends the application's display name ("— Regularization Explorer") itself
        self.setWindowTitle(title or self.tr("Regularization Explorer"))
        self.lesson_panel.set_experiment(self._experiment)
        if hasattr(self, "classroom"):
            self.classroom.apply(self._experiment)

    @Slot(object)
    def _on_experiment_edited(self, experiment: Experiment) -> None:
        """A structural edit: a new model from step 0, playing on if it was playing."""
        was_playing = self._state == "running"
        self._set_experiment(experiment)
        for panel in self.panels:
            if panel is not self.sender():
                panel.set_experiment(experiment)
        self._show_experiment_info()
        self.start(play=was_playing)
        n = len(experiment.network.layers)
        widths = "-".join(str(layer.width) for layer in experiment.network.layers)
        text = self.tr("model rebuilt: {0} hidden layer(s)").format(n) + (f" ({widths})" if widths else "")
        if experiment.variants:
            text += self.tr(", {0} variants").format(len(experiment.variants))
        self.show_message(text)

    @Slot(object)
    def _on_command(self, command: Any) -> None:
        """A live edit from a panel: validated, sent to the trainer, shown in the other panels."""
        if isinstance(command, SetValue):
            try:
                new = apply_set_value(self._experiment, command)
                self.host.send(command)
            except ConfigError as exc:
                self.show_problem(exc.message)
                for panel in self.panels:
                    panel.set_experiment(self._experiment)
                return
            before = self._experiment
            self._set_experiment(new)
            source = self.sender()
            for panel in self.panels:
                if panel is not source:
                    panel.set_experiment(new)
            target = (
                self.tr("all variants")
                if command.variant is None or not new.variants
                else new.variants[command.variant].name
            )
            if command.path == VARIANT_NAME and command.variant is not None:
                old_name = before.variants[command.variant].name
                text = (
                    self.tr("variant “{0}” renamed to “{1}”").format(old_name, target)
                    if source is self.network_panel  # by hand; elsewhere the name followed its value
                    else self.tr("variant “{0}” renamed to “{1}”: its name states its value").format(old_name, target)
                )
                self.statusBar().showMessage(text, 6000)
                return
            value = f"{command.value:.4g}" if isinstance(command.value, float) else str(command.value)
            self.statusBar().showMessage(f"{command.path} = {value}" + (f"  ({target})" if new.variants else ""), 4000)
        else:
            self.host.send(command)

    # -- run control -------------------------------------------------------------------------
    def toggle_play(self) -> None:
        if self._state == "running":
            self.host.pause()
        elif self._state in ("finished", "error") or (self._state == "idle" and not self._host_alive()):
            self.start(play=True)
        else:
            self.host.play()

    def step(self) -> None:
        if not self._host_alive():
            self.start(play=False)
        self.host.step(1)

    def reset(self) -> None:
        self.start(play=self._state == "running")
        self.show_message(self.tr("reset: new model from step 0"))

    def _host_alive(self) -> bool:
        return bool(getattr(self.host, "is_alive", lambda: True)())

    @Slot(str)
    def _on_state(self, state: str) -> None:
        self._state = state
        self._last_snapshot_at = time.monotonic()
        self._stalled = False
        running = state == "running"
        self.play_action.setText(self.tr("Pause") if running else self.tr("Play"))
        self.play_action.setIcon(self._pause_icon if running else self._play_icon)
        self.run_status.set_state(state)

    @property
    def state(self) -> str:
        return self._state

    @Slot(object)
    def _on_rebuild_rejected(self, kept: Any) -> None:
        """The trainer could not build the new settings (e.g. a bad data file) and kept its run:
        show that run's settings again, and its snapshots (no longer "from an older model")."""
        text = self.banner.label.text() if self.banner.isVisible() else ""
        written = getattr(self, "_error_text", "") or text  # the banner shows it translated
        if kept is not None:
            self._set_experiment(kept)
            for panel in self.panels:
                panel.set_experiment(kept)
            self._show_experiment_info()
        self._generation_floor = self._seen_generation or 0
        if text:
            self.show_problem(text)
            if self._error_actions(written):  # e.g. out of memory while building: offer the CPU
                self.banner.show_message(self.banner.label.text(), "error", self._error_actions(written))

    @Slot(object)
    def _on_snapshot(self, snapshot: Any) -> None:
        generation = getattr(snapshot, "generation", 0)
        if generation < self._generation_floor:
            return  # from the model before a rebuild
        self._seen_generation = generation
        self._latest = snapshot
        self._last_snapshot_at = time.monotonic()
        if self._stalled:
            self._stalled = False
            self.run_status.set_state(self._state)

    def _check_stall(self) -> None:
        """A running trainer that sends nothing (stopped by a debugger or SIGSTOP, a step that takes
        minutes) must not leave "running, 78 steps/s" on screen: say how long no step has arrived."""
        quiet = time.monotonic() - self._last_snapshot_at
        if self._state == "running" and quiet >= STALL_SECONDS and self._host_alive():
            self._stalled = True
            self.run_status.set_stalled(int(quiet))

    def _tell_visible_views(self) -> None:
        """The trainer builds only what the views on screen draw: tell it when that set changes.
        A window not shown (tests, start-up) asks for everything, as does an export (see complete_snapshot)."""
        set_visible = getattr(self.host, "set_visible_views", None)
        visible = getattr(self.dashboard, "visible_views", None)
        if set_visible is None or visible is None:
            return
        everything = self._want_all_parts or not self.isVisible()
        set_visible(None if everything else visible() | self.extra_visible_views)

    def complete_snapshot(self, timeout_s: float = 3.0) -> None:
        """Before exporting hidden views: their parts of the snapshot are as last built (or empty), so
        ask the trainer for every part and wait, briefly, for that snapshot, then paint it."""
        from PySide6.QtCore import QEventLoop
        from PySide6.QtWidgets import QApplication

        from explorer.core.protocol import DASHBOARD_VIEWS

        snap = self._latest or self._painted
        alive = getattr(self.host, "is_alive", lambda: False)()
        if snap is None or not alive or DASHBOARD_VIEWS <= set(getattr(snap, "parts", DASHBOARD_VIEWS)):
            return
        self._want_all_parts = True
        try:
            self._tell_visible_views()
            deadline = time.monotonic() + timeout_s
            while time.monotonic() < deadline:
                QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
                latest = self._latest
                if latest is not None and DASHBOARD_VIEWS <= set(getattr(latest, "parts", ())):
                    break
            self.paint_latest()
        finally:
            self._want_all_parts = False

    def paint_latest(self) -> None:
        """Paint the newest snapshot, if there is one not yet on screen (the ~30 Hz timer)."""
        self._tell_visible_views()
        snap = self._latest
        if snap is None:
            snap = getattr(self.host, "latest", None)  # a host that only keeps `latest`
            if snap is not None and getattr(snap, "generation", 0) < self._generation_floor:
                snap = None
        if snap is None or snap is self._painted:
            return
        self._painted = snap
        try:
            self.dashboard.update_snapshot(snap)
        except Exception as exc:
            self.statusBar().showMessage(self.tr("a view failed to draw: {0}").format(exc), 8000)
        for panel in self.panels:
            panel.update_snapshot(snap)
        self.run_status.update_snapshot(snap)
        self.narration.update_snapshot(snap)
        self.inside_dropout.update_snapshot(snap)

    @property
    def painted_snapshot(self) -> Any:
        return self._painted

    # -- messages ------------------------------------------------------------------------------
    @Slot(object)
    def show_message(self, text: Union[Message, str]) -> None:
        self.statusBar().showMessage(tr_message(text), 8000)  # the core's messages in the UI's language

    @Slot(object)
    def show_error(self, text: Union[Message, str]) -> None:
        """An error the user should see: the status line and the banner (non-modal; training goes on).

        The banner offers the way out where there is one: the CPU after CUDA ran out of
        memory, a restart when the trainer is gone (its process killed or crashed)."""
        self._error_text = str(text)  # in English, for _error_actions after a rejected rebuild
        self._banner_for_dead_trainer = not self._closed and not self._host_alive()
        shown = tr_message(text)  # the core's messages in the UI's language
        self.statusBar().showMessage(shown)
        self.banner.show_message(shown, "error", self._error_actions(str(text)))

    def _error_actions(self, text: str) -> list:
        actions = []
        if "out of memory" in text.lower() and self._experiment.training.device != "cpu":
            actions.append((self.tr("Use the CPU"), self.use_cpu))
        if not self._closed and getattr(self.host, "experiment", None) is not None and not self._host_alive():
            actions.append((self.tr("Restart the trainer"), lambda: self.start(play=True)))
        return actions

    def use_cpu(self) -> None:
        """Train this experiment on the CPU (after CUDA ran out of memory): a new model from step 0."""
        try:
            experiment = self._experiment.with_values({"training.device": "cpu"})
        except ConfigError as exc:
            self.show_problem(exc.message)
            return
        self._set_experiment(experiment)
        for panel in self.panels:
            panel.set_experiment(experiment)
        self.start(play=True)
        self.show_message(self.tr("training on the CPU now: model rebuilt from step 0"))

    @Slot(object)
    def show_problem(self, text: Union[Message, str]) -> None:
        """A refused edit: nothing was applied."""
        text = tr_message(text)  # ConfigError problems in the UI's language
        self.statusBar().showMessage(self.tr("Not applied: {0}").format(text), 10000)
        self.banner.show_message(self.tr("Not applied: {0}").format(text), "error")

    # -- files -----------------------------------------------------------------------------------
    def open_preset(self, name: str) -> None:
        try:
            from explorer.core.config import load_preset
            from explorer.core.data import prefer_cached_data

            experiment = prefer_cached_data(load_preset(name))  # d2l lessons: Fashion-MNIST when cached
        except ExplorerError as exc:
            self.show_error(_problems(exc))
            return
        self.load_experiment(experiment, note=self.tr("opened preset {0}").format(name))

    def open_experiment_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open experiment"), self._last_folder(), self.tr("Experiments (*.json *.toml);;All files (*)")
        )
        if path:
            self.open_experiment_file(path)

    def open_experiment_file(self, path: str) -> bool:
        try:
            experiment = load_experiment(path)
        except ExplorerError as exc:
            self.show_error(self.tr("Cannot open {0}: {1}").format(Path(path).name, _problems(exc)))
            if not Path(path).exists() and str(Path(path).resolve()) in self.settings.recent_files:
                self.settings.set(
                    "recent_files", [f for f in self.settings.recent_files if f != str(Path(path).resolve())]
                )
                self._fill_recent_menu()
            return False
        self.settings.add_recent_file(path)
        self._fill_recent_menu()
        self.settings.save()
        self.load_experiment(experiment, note=self.tr("opened {0}").format(path))
        return True

    def save_experiment_dialog(self) -> None:
        self.file_actions.save_experiment_dialog()  # adds .toml/.json by the chosen filter

    def save_experiment_file(self, path: str) -> bool:
        experiment = getattr(self.host, "experiment", None) or self._experiment
        try:
            experiment.save(path)
        except (ExplorerError, OSError) as exc:
            self.show_error(self.tr("Cannot save {0}: {1}").format(path, _problems(exc)))
            return False
        self.settings.add_recent_file(path)
        self._fill_recent_menu()
        self.settings.save()
        self.show_message(self.tr("experiment saved to {0}").format(path))
        return True

    def export_figures_dialog(self) -> None:
        """Folder, formats, PNG size (up to 4K and print), print style, one view or all (file_actions)."""
        self.file_actions.export_figures_dialog()

    def export_checkpoint_dialog(self) -> None:
        """Written by the trainer between two steps, also while training; failures reach the banner."""
        self.file_actions.export_checkpoint_dialog()

    def adopt_experiment(self, experiment: Experiment, snapshot: Any = None) -> None:
        """Show a run the trainer already has (an opened checkpoint) without restarting it:
        its settings in the panels, its snapshot in the views."""
        self._set_experiment(experiment)
        for panel in self.panels:
            panel.set_experiment(experiment)
        self._show_experiment_info()
        if snapshot is not None:
            self._generation_floor = min(self._generation_floor, getattr(snapshot, "generation", 0))
            self._painted = None
            if hasattr(self.dashboard, "clear"):
                self.dashboard.clear()
            self.run_status.clear(experiment.training.epochs)
            self._on_snapshot(snapshot)

    def _last_folder(self) -> str:
        folder = self.settings.get("last_folder")
        return folder if isinstance(folder, str) and Path(folder).is_dir() else str(Path.home())

    # -- help --------------------------------------------------------------------------------------
    def show_about(self) -> QMessageBox:
        return help_dialogs.show_about(self)

    def show_shortcuts(self) -> QMessageBox:
        return help_dialogs.show_shortcuts(self)

    # -- keyboard ------------------------------------------------------------------------------------
    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and _space_belongs_to_focus(event, self.focusWidget()):
            event.accept()  # Space presses the focused button or ticks the focused box, not Play
            return True
        return super().event(event)

    # -- language ----------------------------------------------------------------------------------
    def retranslate(self) -> None:
        """After View ▸ Language (or any LanguageChange): what is built from state, in the new language.

        Fixed labels, menus and tooltips everywhere were retranslated by i18n.switch_language; the
        panels and views retranslate their own plots and derived texts in their changeEvent."""
        self.lesson_panel.language = i18n.current_language()
        if hasattr(self, "classroom") and hasattr(self.classroom, "retranslate"):
            self.classroom.retranslate()  # before _show_experiment_info re-applies the exercise
        self._show_experiment_info()  # window title, lesson
        self._on_state(self._state)  # Play / Pause
        self._fill_preset_menu()
        self._fill_recent_menu()
        if hasattr(self, "language_menu"):
            self.language_menu.sync()
        # live readouts after the children have handled the same event (they are sent it after us)
        QTimer.singleShot(0, self, self._retranslate_readouts)  # dropped if the window is gone

    def _retranslate_readouts(self) -> None:
        if self._closed:
            return
        snap = self._painted
        if snap is None:
            self.run_status.clear(self._experiment.training.epochs)
            return
        self.run_status.update_snapshot(snap)
        for panel in self.panels:
            panel.update_snapshot(snap)

    # -- layout and lifetime ----------------------------------------------------------------------
    def _restore_layout(self) -> None:
        geometry = self.settings.get_bytes("window/geometry")
        if geometry:
            self.restoreGeometry(QByteArray(geometry))
        state = self.settings.get_bytes("window/state")
        if state:
            self.restoreState(QByteArray(state), STATE_VERSION)
        dashboard_layout = self.settings.get_bytes("dashboard/layout")
        if dashboard_layout and hasattr(self.dashboard, "restore_layout"):
            self.dashboard.restore_layout(QByteArray(dashboard_layout))
        hidden = self.settings.get("dashboard/hidden_views")
        if isinstance(hidden, list):
            for view_id in hidden:
                if view_id in self.view_actions:
                    self.set_view_visible(view_id, False)

    def _set_experiment(self, experiment: Experiment) -> None:
        """The experiment the window shows and edits now; saved shortly after (see _autosave)."""
        self._experiment = experiment
        self._autosave_timer.start()
        if hasattr(self, "inside_dropout"):
            self.inside_dropout.sync(experiment)

    def _autosave(self) -> None:
        if not self._closed:
            self.settings.last_experiment_json = self._experiment.to_json()
            if not self.settings.save():  # atomic: a failed write leaves the old file
                self.show_settings_notes()

    def show_settings_notes(self) -> None:
        """Say once why settings are not saved, or what became of a file that could not be read."""
        notes = [(kind, n) for kind, n in settings_notes(self.settings) if kind not in self._settings_notes_said]
        if not notes:
            return
        self._settings_notes_said.update(kind for kind, _ in notes)
        text = "\n".join(n for _, n in notes)
        if self.banner.isVisible() and self.banner.text():
            self.banner.show_message(self.banner.text() + "\n" + text, self.banner.kind)
        else:
            self.banner.show_message(text, "info")

    def save_settings(self) -> None:
        self.settings.set_bytes("window/geometry", self.saveGeometry().data())
        self.settings.set_bytes("window/state", self.saveState(STATE_VERSION).data())
        if hasattr(self.dashboard, "save_layout"):
            self.settings.set_bytes("dashboard/layout", self.dashboard.save_layout().data())
        self.settings.set(
            "dashboard/hidden_views", [vid for vid, action in self.view_actions.items() if not action.isChecked()]
        )
        self.settings.last_experiment_json = self._experiment.to_json()
        self.settings.save()
        self.settings.release_instance()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Stop the trainer and wait for it, then save settings, then close."""
        if not self._closed:
            self._closed = True
            self._timer.stop()
            self._stall_timer.stop()
            self._autosave_timer.stop()
            if hasattr(self, "file_actions"):
                self.file_actions.shutdown()  # a recording under way is written, not lost
            for panel in (self.regularization_panel, self.data_panel):
                panel.flush()
            self.data_download.shutdown()  # a download under way is cancelled, its thread joined
            if getattr(self, "sweep_window", None) is not None:
                self.sweep_window.close()  # a running sweep is cancelled and its process joined
            self.host.shutdown()
            self.save_settings()
        event.accept()


def _space_belongs_to_focus(event: QEvent, focus: Optional[QWidget]) -> bool:
    """Space on a focused button or check box is that control's key (the Play shortcut would
    otherwise take it, and the control would have no keyboard route left)."""
    from PySide6.QtGui import QKeyEvent

    return (
        isinstance(event, QKeyEvent)
        and event.key() == Qt.Key.Key_Space
        and event.modifiers() == Qt.KeyboardModifier.NoModifier
        and isinstance(focus, QAbstractButton)
        and focus.isEnabled()
    )


def _problems(exc: Exception) -> str:
    """What went wrong, in the UI's language: our errors translated, an OS error's own words as they are."""
    return tr_message(exc.message) if isinstance(exc, ExplorerError) else str(exc)


def _default_experiment() -> Experiment:
    try:
        from explorer.core.config import DEFAULT_PRESET, load_preset

        return load_preset(DEFAULT_PRESET)
    except (ImportError, ExplorerError):
        return Experiment()
