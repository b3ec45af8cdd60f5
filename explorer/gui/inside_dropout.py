"""The window's wiring for "inside dropout": the fit view's test-time switch and the Step inspector dock.

- The fit view's "dropout at test time: T passes" becomes the live field views.test_time_passes (the
  trainer draws the passes only while it is above 0); a loaded experiment or preset sets the switch.
- The Step inspector lives in a dock (View menu, closed at first); while it is shown the trainer records
  every step (InspectStep), and hiding it stops the recording.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt

from explorer.core.protocol import InspectStep, SetValue, Snapshot
from explorer.gui.step_inspector import StepInspector

PASSES_PATH = "views.test_time_passes"


class InsideDropout(QObject):
    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        self.fit = window.dashboard.views()["fit"]
        self.fit.test_time.passesChanged.connect(self._passes_changed)
        self.inspector = StepInspector()
        self.dock = window._dock(
            "step_inspector",
            self.tr("Step inspector"),
            self.inspector,
            Qt.DockWidgetArea.BottomDockWidgetArea,
            scroll=False,
        )
        self.dock.setToolTip(
            self.tr("One training step inside a dropout layer: a, r, m, d = a * m, de/dd and de/da = de/dd * m.")
        )
        self.dock.hide()
        self.dock.visibilityChanged.connect(self.inspector.set_open)
        self.dock.visibilityChanged.connect(self._first_show)
        self._sized = False
        self.inspector.selectionChanged.connect(self._send_selection)
        view_menu = getattr(window, "view_menu", None)
        if view_menu is not None:
            actions = view_menu.actions()
            separator = next((a for a in actions if a.isSeparator()), None)
            action = self.dock.toggleViewAction()
            action.setShortcut("Ctrl+I")
            if separator is not None:
                view_menu.insertAction(separator, action)
            else:
                view_menu.addAction(action)
        self.sync(window.experiment)

    def _first_show(self, visible: bool) -> None:
        """The first time it opens, a third of the window's height: the dashboard keeps the rest."""
        if visible and not self._sized and not self.dock.isFloating():
            self._sized = True
            self.window.resizeDocks([self.dock], [max(220, self.window.height() // 3)], Qt.Orientation.Vertical)

    def sync(self, experiment: Any) -> None:
        """Show the experiment's test-time setting in the fit view (no command goes back)."""
        self.fit.test_time.set_passes(int(experiment.views.test_time_passes))

    def update_snapshot(self, snap: Snapshot) -> None:
        if self.inspector.is_open():
            self.inspector.update_snapshot(snap)

    def _passes_changed(self, passes: int) -> None:
        self.window._on_command(SetValue(PASSES_PATH, int(passes)))

    def _send_selection(self, selection: InspectStep) -> None:
        self.window.host.send(selection)
        if selection.open and self.window.host is not None:  # paused: show the last step's record at once
            self.window.host.send(_request())


def _request() -> Any:
    from explorer.core.protocol import RequestSnapshot

    return RequestSnapshot()
