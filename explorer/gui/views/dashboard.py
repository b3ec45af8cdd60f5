"""All views in one teacher-friendly layout.

    +----------------------------+-------------------+
    |  fit (large)               |  losses (large)   |
    +-------------------+--------+-------------------+
    |  network diagram  |  [histograms|activations|norms] tabs
    +-------------------+----------------------------+

The fit and the losses carry the lesson and stay large; the diagram's mask
animation is always in view; the rest sit in tabs. Splitters let a teacher give
any part more room (save_layout/restore_layout keep that between sessions).
Only visible views are updated each frame; a view shown later (tab switch) is
brought up to date at once from the newest snapshot.
"""

from __future__ import annotations

import json
from typing import Optional

from PySide6 import QtCore, QtWidgets

from explorer.core.protocol import Snapshot
from explorer.gui.views.activation_view import ActivationView, NormView
from explorer.gui.views.fit_view import FitView, fit_mode
from explorer.gui.views.histogram_view import HistogramView
from explorer.gui.views.loss_view import LossView
from explorer.gui.views.network_diagram import NetworkDiagram

VIEW_IDS = ("fit", "loss", "histograms", "activations", "norms", "network")
TABBED = ("histograms", "activations", "norms")


class Dashboard(QtWidgets.QWidget):
    def __init__(self, parent: Optional[QtWidgets.QWidget] = None):
        super().__init__(parent)
        self.title = self.tr("Dashboard")
        self._snap: Optional[Snapshot] = None
        self._stale: set[str] = set()
        self._hidden: set[str] = set()  # views the user (or an exercise) hid
        self._demo = False
        self._views: dict[str, QtWidgets.QWidget] = {
            "fit": FitView(),
            "loss": LossView(),
            "histograms": HistogramView(),
            "activations": ActivationView(),
            "norms": NormView(),
            "network": NetworkDiagram(),
        }
        self.tabs = QtWidgets.QTabWidget()
        self.tabs.setDocumentMode(True)
        for vid in TABBED:
            view = self._views[vid]
            self.tabs.addTab(view, view.title)
        self.tabs.currentChanged.connect(lambda _i: self._refresh_stale())
        self.top = QtWidgets.QSplitter(QtCore.Qt.Orientation.Horizontal)
        self.top.addWidget(self._views["fit"])
        self.top.addWidget(self._views["loss"])
        self.top.setStretchFactor(0, 3)
        self.top.setStretchFactor(1, 2)
        self.bottom = QtWidgets.QSplitter(QtCore.Qt.Orientation.Horizontal)
        self.bottom.addWidget(self._views["network"])
        self.bottom.addWidget(self.tabs)
        self.bottom.setStretchFactor(0, 2)
        self.bottom.setStretchFactor(1, 3)
        self.main = QtWidgets.QSplitter(QtCore.Qt.Orientation.Vertical)
        self.main.addWidget(self.top)
        self.main.addWidget(self.bottom)
        self.main.setStretchFactor(0, 3)
        self.main.setStretchFactor(1, 2)
        for s in (self.top, self.bottom, self.main):
            s.setChildrenCollapsible(False)
            s.setHandleWidth(6)
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.main)

    # --- public API -----------------------------------------------------------
    def views(self) -> dict[str, QtWidgets.QWidget]:
        """Stable ids -> view widgets: "fit", "loss", "histograms", "activations", "norms", "network"."""
        return dict(self._views)

    def visible_views(self) -> frozenset[str]:
        """The ids of the views on screen now (a tab only while it is the current one): the trainer
        builds only their parts of each snapshot (explorer.core.protocol.commands.SetVisibleViews)."""
        return frozenset(vid for vid, view in self._views.items() if view.isVisible())

    def update_snapshot(self, snap: Snapshot) -> None:
        """Forward to the views on screen; the others are marked stale and caught up when shown.

        The same snapshot again (the timer fires while training is paused) is skipped."""
        if snap is self._snap:
            return
        self._snap = snap
        self._set_demo(fit_mode(snap) == "scaling")
        for vid, view in self._views.items():
            if view.isVisible():
                view.update_snapshot(snap)
                self._stale.discard(vid)
            else:
                self._stale.add(vid)

    def refresh_all(self) -> None:
        """Bring every view, visible or not, up to the newest snapshot (before exporting them all)."""
        if self._snap is not None:
            for view in self._views.values():
                view.update_snapshot(self._snap)
            self._stale.clear()

    def clear(self) -> None:
        self._snap = None
        self._stale.clear()
        for view in self._views.values():
            view.clear()
        self._set_demo(False)

    def _set_demo(self, demo: bool) -> None:
        """The dropout-scaling demonstration trains nothing: only its fit picture is shown, full size
        (empty loss curves, histograms and a diagram would only puzzle the class)."""
        if demo == self._demo:
            return
        self._demo = demo
        self.bottom.setVisible(not demo)
        self._views["loss"].setVisible(not demo and "loss" not in self._hidden)

    def restyle(self) -> None:
        """Re-read palette (theme, presentation mode) in every view."""
        for view in self._views.values():
            view.restyle()
        self.tabs.setFont(self.font())
        for i, vid in enumerate(TABBED):
            self.tabs.setTabText(i, self._views[vid].title)

    def changeEvent(self, event: QtCore.QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QtCore.QEvent.Type.LanguageChange:
            from explorer.gui.i18n import retranslated

            self.title = retranslated(self.title)  # the views and tab titles retranslate themselves

    def set_view_visible(self, view_id: str, visible: bool) -> None:
        """Hide or show one view (its tab, for tabbed ones); hidden views cost nothing per frame."""
        view = self._views[view_id]
        if visible:
            self._hidden.discard(view_id)
        else:
            self._hidden.add(view_id)
        if view_id in TABBED:
            self.tabs.setTabVisible(TABBED.index(view_id), visible)
        elif not (self._demo and view_id == "loss"):
            view.setVisible(visible)
        if visible:
            self._refresh_stale()

    def show_tab(self, view_id: str) -> None:
        self.tabs.setCurrentIndex(TABBED.index(view_id))

    def save_layout(self) -> QtCore.QByteArray:
        """Splitter positions and the current tab, for QSettings (restore_layout reads it back)."""
        state = {
            name: bytes(s.saveState().toBase64().data()).decode("ascii")
            for name, s in (("main", self.main), ("top", self.top), ("bottom", self.bottom))
        }
        state["tab"] = self.tabs.currentIndex()
        return QtCore.QByteArray(json.dumps(state).encode("utf-8"))

    def restore_layout(self, data) -> bool:
        """False (and the default layout kept) for anything unreadable, e.g. from another version."""
        try:
            state = json.loads(bytes(QtCore.QByteArray(data).data()).decode("utf-8"))
            ok = all(
                s.restoreState(QtCore.QByteArray.fromBase64(state[name].encode("ascii")))
                for name, s in (("main", self.main), ("top", self.top), ("bottom", self.bottom))
            )
            tab = int(state.get("tab", 0))
            if 0 <= tab < self.tabs.count():
                self.tabs.setCurrentIndex(tab)
            return bool(ok)
        except (ValueError, KeyError, TypeError, AttributeError):
            return False

    # --- internals --------------------------------------------------------------
    def _refresh_stale(self) -> None:
        if self._snap is None:
            return
        for vid in list(self._stale):
            view = self._views[vid]
            if view.isVisible():
                view.update_snapshot(self._snap)
                self._stale.discard(vid)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        QtCore.QTimer.singleShot(0, self, self._refresh_stale)
