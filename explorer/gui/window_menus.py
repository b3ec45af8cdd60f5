"""The main window's actions, run toolbar and menus (File, Run, View, Help), and the preset and
recent-file lists in them. A mixin of MainWindow: it reads the window's docks, dashboard and
settings, and its menu entries call the window's methods.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QStyle, QToolBar

from explorer.core.protocol import ExplorerError
from explorer.gui import i18n
from explorer.gui.widgets import RunStatus


class WindowMenus:
    """Builds and refills what MainWindow shows in its menus and toolbar."""

    def _build_actions(self) -> None:
        style = self.style()
        self._play_icon = style.standardIcon(QStyle.StandardPixmap.SP_MediaPlay)
        self._pause_icon = style.standardIcon(QStyle.StandardPixmap.SP_MediaPause)
        self.play_action = QAction(self._play_icon, self.tr("Play"), self)
        self.play_action.setShortcut(QKeySequence(Qt.Key.Key_Space))
        self.play_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.play_action.setToolTip(self.tr("Play / pause training (Space)"))
        self.play_action.triggered.connect(self.toggle_play)
        self.step_action = QAction(style.standardIcon(QStyle.StandardPixmap.SP_MediaSkipForward), self.tr("Step"), self)
        self.step_action.setShortcut(QKeySequence(Qt.Key.Key_S))
        self.step_action.setToolTip(self.tr("One optimisation step, then pause (S)"))
        self.step_action.triggered.connect(self.step)
        self.reset_action = QAction(style.standardIcon(QStyle.StandardPixmap.SP_BrowserReload), self.tr("Reset"), self)
        self.reset_action.setShortcut(QKeySequence(Qt.Key.Key_R))
        self.reset_action.setToolTip(self.tr("New initial weights from the seed, back to step 0 (R)"))
        self.reset_action.triggered.connect(self.reset)
        for action in (self.play_action, self.step_action, self.reset_action):
            self.addAction(action)  # shortcuts work wherever the focus is in the window

    def _build_toolbar(self) -> None:
        bar = QToolBar(self.tr("Run"), self)
        bar.setObjectName("toolbar_run")
        bar.setMovable(False)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        bar.addAction(self.play_action)
        bar.addAction(self.step_action)
        bar.addAction(self.reset_action)
        bar.addSeparator()
        self.run_status = RunStatus(bar)
        self.run_status.set_state(self._state)
        bar.addWidget(self.run_status)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
        self.toolbar = bar
        for action in (self.play_action, self.step_action, self.reset_action):
            bar.widgetForAction(action).setFocusPolicy(Qt.FocusPolicy.TabFocus)  # in the Tab chain too

    def _build_menus(self) -> None:
        menu = self.menuBar()
        file_menu = menu.addMenu(self.tr("&File"))
        self.file_menu = file_menu
        self.open_action = file_menu.addAction(self.tr("&Open experiment…"), self.open_experiment_dialog)
        self.open_action.setShortcut(QKeySequence.StandardKey.Open)
        self.recent_menu = file_menu.addMenu(self.tr("Open &recent"))
        self.save_action = file_menu.addAction(self.tr("&Save experiment…"), self.save_experiment_dialog)
        self.save_action.setShortcut(QKeySequence.StandardKey.Save)
        self.preset_menu = file_menu.addMenu(self.tr("Open &preset"))
        self._fill_preset_menu()
        file_menu.addSeparator()
        self.export_figures_action = file_menu.addAction(self.tr("Export &figures…"), self.export_figures_dialog)
        self.export_figures_action.setShortcut(QKeySequence("Ctrl+E"))
        from explorer.gui.widgets.window_keys import WindowKeysOverLineEdits

        self._window_keys = WindowKeysOverLineEdits(self, ["Ctrl+E"])  # a number box took Ctrl+E
        self.export_checkpoint_action = file_menu.addAction(
            self.tr("Export &checkpoint…"), self.export_checkpoint_dialog
        )
        file_menu.addSeparator()
        self.quit_action = file_menu.addAction(self.tr("&Quit"), self.close)
        self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        self._fill_recent_menu()

        run_menu = menu.addMenu(self.tr("&Run"))
        for action in (self.play_action, self.step_action, self.reset_action):
            run_menu.addAction(action)
        run_menu.addSeparator()
        self.sweep_action = run_menu.addAction(self.tr("S&weep…"), self.open_sweep_window)

        view_menu = menu.addMenu(self.tr("&View"))
        self.view_menu = view_menu
        for dock in (self.network_dock, self.lesson_dock, self.regularization_dock, self.data_dock):
            view_menu.addAction(dock.toggleViewAction())
        view_menu.addSeparator()
        self.view_actions: dict[str, QAction] = {}
        titles = {
            "fit": self.tr("Fit"),
            "loss": self.tr("Loss curves"),
            "histograms": self.tr("Weight histograms"),
            "activations": self.tr("Activation variance"),
            "norms": self.tr("Weight norms"),
            "network": self.tr("Network diagram"),
        }
        views = self.dashboard.views() if hasattr(self.dashboard, "views") else {}
        for view_id, widget in views.items():
            # the diagram's title "Network" is also the Network dock's, listed above: name it apart
            title = titles["network"] if view_id == "network" else getattr(widget, "title", None)
            action = QAction(title or titles.get(view_id, view_id), self)
            action.setCheckable(True)
            action.setChecked(True)
            action.toggled.connect(lambda on, vid=view_id: self.set_view_visible(vid, on))
            view_menu.addAction(action)
            self.view_actions[view_id] = action

        help_menu = menu.addMenu(self.tr("&Help"))
        help_menu.addAction(self.tr("&Keyboard shortcuts"), self.show_shortcuts)
        help_menu.addAction(self.tr("&About"), self.show_about)

    def open_sweep_window(self) -> None:
        """The Sweep window (one per main window): sweeps of the current experiment; a clicked cell
        opens here as the current experiment."""
        from explorer.gui.sweep_window import SweepWindow

        if getattr(self, "sweep_window", None) is None:
            self.sweep_window = SweepWindow(
                lambda: self.experiment, self.open_sweep_cell, self, settings=self.settings
            )  # a property
            from explorer.gui.sweep_live import LiveRunDuringSweep

            self.sweep_live = LiveRunDuringSweep(self, self.sweep_window)  # pauses the live run while it trains
        self.sweep_window.show()
        self.sweep_window.raise_()

    def open_sweep_cell(self, experiment: Any) -> None:
        """A clicked sweep cell becomes the current experiment and trains, to be watched live; while
        the sweep still trains it opens paused (both would share the processor) and says so."""
        sweep = getattr(self, "sweep_window", None)
        sweeping = sweep is not None and sweep.runner.running()
        note = self.tr("Opened the cell paused while the sweep trains: press Play to watch it.") if sweeping else ""
        self.load_experiment(experiment, play=not sweeping, note=note)

    def set_view_visible(self, view_id: str, visible: bool) -> None:
        if hasattr(self.dashboard, "set_view_visible"):
            self.dashboard.set_view_visible(view_id, visible)
        else:
            self.dashboard.views()[view_id].setVisible(visible)
        action = self.view_actions.get(view_id)
        if action is not None and action.isChecked() != visible:
            action.setChecked(visible)

    def _fill_preset_menu(self) -> None:
        self.preset_menu.clear()
        try:
            from explorer.core.config import list_presets

            presets = list_presets()
        except (ImportError, ExplorerError, OSError) as exc:
            action = self.preset_menu.addAction(self.tr("(presets unavailable: {0})").format(exc))
            action.setEnabled(False)
            return
        for info in presets:
            title, description = i18n.preset_texts(info)  # the Chinese title in Chinese
            action = self.preset_menu.addAction(title)
            action.setToolTip(description)
            action.setStatusTip(description)
            action.setData(info.name)
            action.triggered.connect(lambda _=False, name=info.name: self.open_preset(name))

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        files = self.settings.recent_files
        for path in files:
            self.recent_menu.addAction(path, lambda p=path: self.open_experiment_file(p))
        if files:
            self.recent_menu.addSeparator()
            self.recent_menu.addAction(self.tr("Clear this list"), self._clear_recent_files)
        self.recent_menu.setEnabled(bool(files))

    def _clear_recent_files(self) -> None:
        self.settings.clear_recent_files()
        self._fill_recent_menu()
        self.settings.save()
