"""Focused exercises: a teacher hides controls, panels and views and locks fields; students see only that.

The exercise lives in the experiment (Experiment.classroom), so File ▸ Save experiment
keeps it and opening the file brings it back:

  classroom.hidden   ids of what students do not see:
                       "panel:network" | "panel:regularization" | "panel:data" | "panel:lesson"
                       "view:fit" | "view:loss" | ... (the dashboard's view ids) | "view:narration"
                       "action:step" | "action:reset"
                       "field:<path>", e.g. "field:regularization.l1_lambda"
  classroom.locked   field paths shown but not editable, e.g. "network.layers.0.dropout_p"

A field path names a control through the panels' `field_widgets` registries. A locked
control is disabled and says so in its tooltip; a hidden one disappears with its label.
Panels enable, disable, show and hide rows themselves as the experiment changes (early
stopping's settings follow its check box, the data rows follow the dataset), so the
controller keeps watching its controls and undoes such changes at once.

The Classroom menu: "Edit exercise…" opens a checklist of every panel, view, button and
field (hide / lock), "Show hidden controls" lets the teacher peek without changing the
exercise, "Clear exercise" removes it.
"""

from __future__ import annotations

from typing import Iterable, Optional

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from explorer.core.config import ClassroomConfig, Experiment
from explorer.core.protocol import ConfigError

LOCK_PREFIX = "🔒 "
# Called by this name, with the context spelled out, so pyside6-lupdate finds every text.
translate = QCoreApplication.translate
SETTING_HIDDEN_DOCKS = "classroom/hidden_docks"
PANELS = ("network", "regularization", "data", "lesson")
ACTIONS = ("step", "reset")


# --- what there is to hide ------------------------------------------------------------


def field_widgets(window) -> dict[str, QWidget]:
    """Every registered field path of the window's panels -> its widget."""
    out: dict[str, QWidget] = {}
    for panel in getattr(window, "panels", ()):
        out.update(getattr(panel, "field_widgets", {}) or {})
    return out


def classroom_items(window) -> list[tuple[str, str, list[tuple[str, str]]]]:
    """[(group title, group key, [(id, label), ...]), ...] for the checklist dialog."""
    panel_titles = {
        "network": translate("Classroom", "Network"),
        "regularization": translate("Classroom", "Regularization"),
        "data": translate("Classroom", "Data & optimiser"),
        "lesson": translate("Classroom", "Lesson"),
    }
    panels = [(f"panel:{p}", panel_titles[p]) for p in PANELS]
    views = []
    for vid, widget in (window.dashboard.views() if hasattr(window.dashboard, "views") else {}).items():
        views.append((f"view:{vid}", getattr(widget, "title", "") or vid))
    views.append(("view:narration", translate("Classroom", "What is happening (under the lesson)")))
    actions = [
        ("action:step", translate("Classroom", "Step button")),
        ("action:reset", translate("Classroom", "Reset button")),
    ]
    groups = [
        (translate("Classroom", "Panels"), "panels", panels),
        (translate("Classroom", "Views"), "views", views),
        (translate("Classroom", "Buttons"), "actions", actions),
    ]
    panel_names = {
        id(p): name
        for name, p in (
            ("network", getattr(window, "network_panel", None)),
            ("regularization", getattr(window, "regularization_panel", None)),
            ("data", getattr(window, "data_panel", None)),
        )
    }
    for panel in getattr(window, "panels", ()):
        name = panel_names.get(id(panel), type(panel).__name__)
        fields = [(f"field:{path}", path) for path in (getattr(panel, "field_widgets", {}) or {})]
        if fields:
            groups.append(
                (translate("Classroom", "Fields: {0}").format(panel_titles.get(name, name)), f"fields:{name}", fields)
            )
    return groups


# --- the controller ---------------------------------------------------------------------


class ClassroomController(QObject):
    """Applies Experiment.classroom to one main window and edits it (the Classroom menu)."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.hidden: set[str] = set()
        self.locked: set[str] = set()
        self.peek = False
        self._watched: dict[int, QWidget] = {}
        self._tooltips: dict[int, str] = {}
        self._fixing = False
        self._hidden_widgets: set[int] = set()
        self._locked_widgets: set[int] = set()
        settings = getattr(window, "settings", None)
        previous = settings.get(SETTING_HIDDEN_DOCKS) if settings is not None else None
        # docks a classroom hid in the last session: shown again unless this exercise hides them too
        self._docks_hidden: set[str] = {d for d in previous if d in PANELS} if isinstance(previous, list) else set()
        self._build_menu()

    # -- menu ----------------------------------------------------------------------------------
    def _build_menu(self) -> None:
        w = self.window
        bar = w.menuBar()
        self.menu = bar.addMenu(self.tr("&Classroom"))
        actions = bar.actions()
        if len(actions) >= 2:  # before Help, the last menu
            bar.removeAction(self.menu.menuAction())
            bar.insertAction(actions[-2], self.menu.menuAction())
        self.edit_action = self.menu.addAction(self.tr("&Edit exercise…"), self.edit_dialog)
        self.edit_action.setToolTip(self.tr("Choose what students see and may change; saved with the experiment."))
        self.peek_action = self.menu.addAction(self.tr("&Show hidden controls"))
        self.peek_action.setCheckable(True)
        self.peek_action.setToolTip(self.tr("Show everything for now (the teacher's view); the exercise is unchanged."))
        self.peek_action.toggled.connect(self.set_peek)
        self.menu.addSeparator()
        self.clear_action = self.menu.addAction(self.tr("&Clear exercise"), self.clear)
        self._update_menu()

    def _update_menu(self) -> None:
        active = bool(self.hidden or self.locked)
        self.clear_action.setEnabled(active)
        self.peek_action.setEnabled(active)

    # -- state -----------------------------------------------------------------------------------
    def config(self) -> ClassroomConfig:
        return ClassroomConfig(hidden=sorted(self.hidden), locked=sorted(self.locked))

    def set_classroom(self, hidden: Iterable[str], locked: Iterable[str]) -> None:
        """Change the exercise: stored in the window's experiment (and the host's, which Save writes)."""
        cfg = ClassroomConfig(hidden=sorted(set(hidden)), locked=sorted(set(locked)))
        w = self.window
        values = {"classroom": cfg.model_dump(mode="python")}
        try:
            new = w.experiment.with_values(values)
        except ConfigError as exc:
            w.show_problem(exc.message)
            return
        w._experiment = new
        host = getattr(w, "host", None)
        if getattr(host, "experiment", None) is not None:
            host.experiment = host.experiment.with_values(values)
        for panel in getattr(w, "panels", ()):
            panel.set_experiment(new)  # their copies carry it into later edits
        self.apply(new)

    def clear(self) -> None:
        self.set_classroom((), ())

    def apply(self, experiment: Experiment) -> None:
        """Show the window as `experiment`'s exercise says (everything, when it has none)."""
        cfg = getattr(experiment, "classroom", None)
        self.hidden = set(cfg.hidden) if cfg is not None else set()
        self.locked = set(cfg.locked) if cfg is not None else set()
        self._update_menu()
        self._apply_all()

    def set_peek(self, on: bool) -> None:
        self.peek = bool(on)
        if self.peek_action.isChecked() != self.peek:
            self.peek_action.setChecked(self.peek)
        self._apply_all()

    def is_hidden(self, item: str) -> bool:
        return item in self.hidden and not self.peek

    def is_locked(self, path: str) -> bool:
        return path in self.locked and not self.peek

    # -- applying ----------------------------------------------------------------------------------
    def _apply_all(self) -> None:
        w = self.window
        # panels (docks)
        hidden_docks = set()
        for name in PANELS:
            dock = getattr(w, f"{name}_dock", None)
            if dock is None:
                continue
            hide = self.is_hidden(f"panel:{name}")
            dock.toggleViewAction().setVisible(not hide)
            if hide:
                hidden_docks.add(name)
                dock.hide()
            elif name in self._docks_hidden:
                dock.show()
        self._docks_hidden = hidden_docks
        settings = getattr(w, "settings", None)
        if settings is not None:
            settings.set(SETTING_HIDDEN_DOCKS, sorted(hidden_docks) or None)
        # views
        dashboard = getattr(w, "dashboard", None)
        views = dashboard.views() if hasattr(dashboard, "views") else {}
        actions = getattr(w, "view_actions", {})
        for vid in views:
            hide = self.is_hidden(f"view:{vid}")
            action = actions.get(vid)
            user_on = action.isChecked() if action is not None else True
            if action is not None:
                action.setVisible(not hide)
            if hasattr(dashboard, "set_view_visible"):
                dashboard.set_view_visible(vid, user_on and not hide)
        narration = getattr(w, "narration", None)
        if narration is not None:
            narration.setVisible(not self.is_hidden("view:narration"))
        # toolbar buttons
        for name in ACTIONS:
            action = getattr(w, f"{name}_action", None)
            if action is not None:
                action.setVisible(not self.is_hidden(f"action:{name}"))
        # fields
        self._apply_fields()

    def _apply_fields(self) -> None:
        widgets = field_widgets(self.window)
        was_hidden, was_locked = self._hidden_widgets, self._locked_widgets
        hide = {path for path in widgets if self.is_hidden(f"field:{path}")}
        lock = {path for path in widgets if self.is_locked(path)}
        # the new state first: the event filter must not undo what happens below
        self._hidden_widgets = {id(widgets[p]) for p in hide}
        self._locked_widgets = {id(widgets[p]) for p in lock}
        # watch only what the exercise hides or locks: an event filter on every control would also
        # see the events of rows the panels delete and rebuild (PySide and half-destroyed widgets
        # do not mix)
        keep = {id(widgets[p]) for p in hide | lock}
        for key in [k for k in self._watched if k not in keep]:
            self._unwatch(key)
        for path, widget in widgets.items():
            if id(widget) in keep:
                self._watch(widget)
            if path in hide or id(widget) in was_hidden:
                _set_field_visible(widget, path not in hide)
            if path in lock:
                self._lock(widget)
            elif id(widget) in was_locked:
                self._unlock(widget)

    def _lock(self, widget: QWidget) -> None:
        if id(widget) not in self._tooltips:
            self._tooltips[id(widget)] = widget.toolTip()
        tip = self._tooltips[id(widget)]
        text = LOCK_PREFIX + self.tr("Locked in this exercise.") + (f"\n{tip}" if tip else "")
        if widget.toolTip() != text:
            widget.setToolTip(text)
        if widget.isEnabled():
            widget.setEnabled(False)

    def retranslate(self) -> None:
        """After a language switch: the tooltips kept for unlocking, in the new language (the window
        re-applies the exercise next, which rebuilds the "locked" tooltips from them)."""
        from explorer.gui.i18n import retranslated

        self._tooltips = {key: retranslated(tip) for key, tip in self._tooltips.items()}

    def _unlock(self, widget: QWidget) -> None:
        widget.setToolTip(self._tooltips.pop(id(widget), widget.toolTip()))
        widget.setEnabled(True)
        # the panel decides again what is enabled (e.g. early stopping's rows follow its check box)
        panel = _panel_of(widget, getattr(self.window, "panels", ()))
        if panel is not None:
            panel.set_experiment(panel.experiment)

    def _watch(self, widget: QWidget) -> None:
        if id(widget) not in self._watched:
            self._watched[id(widget)] = widget
            widget.installEventFilter(self)
            widget.destroyed.connect(lambda _=None, key=id(widget): self._forget(key))

    def _unwatch(self, key: int) -> None:
        widget = self._watched.pop(key, None)
        if widget is not None:
            try:
                widget.removeEventFilter(self)
            except RuntimeError:  # already deleted on the C++ side
                pass

    def _forget(self, key: int) -> None:
        self._watched.pop(key, None)
        self._tooltips.pop(key, None)
        self._hidden_widgets.discard(key)
        self._locked_widgets.discard(key)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        """A panel re-enabled a locked control or re-showed a hidden one: undo it."""
        if self._fixing or not isinstance(obj, QWidget):
            return False
        kind = event.type()
        if kind == QEvent.Type.EnabledChange and id(obj) in self._locked_widgets and obj.isEnabled():
            QTimer.singleShot(0, self, lambda w=obj: self._relock(w))
            self._relock(obj)
        elif kind == QEvent.Type.Show and id(obj) in self._hidden_widgets:
            QTimer.singleShot(0, self, lambda w=obj: self._rehide(w))
        return False

    def _relock(self, widget: QWidget) -> None:
        if id(widget) in self._locked_widgets and widget.isEnabled():
            self._fixing = True
            try:
                widget.setEnabled(False)
            finally:
                self._fixing = False

    def _rehide(self, widget: QWidget) -> None:
        if id(widget) in self._hidden_widgets:
            self._fixing = True
            try:
                _set_field_visible(widget, False)
            finally:
                self._fixing = False

    # -- editing ---------------------------------------------------------------------------------
    def edit_dialog(self) -> ExerciseDialog:
        dialog = ExerciseDialog(self.window, self.hidden, self.locked)
        dialog.accepted.connect(lambda: self.set_classroom(dialog.hidden(), dialog.locked()))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog


def _panel_of(widget: QWidget, panels) -> Optional[QWidget]:
    w: Optional[QWidget] = widget
    while w is not None:
        if w in panels:
            return w
        w = w.parentWidget()
    return None


def _set_field_visible(widget: QWidget, visible: bool) -> None:
    """Hide or show a control with its label: a form row, a grid cell (its row's label when the
    whole row is hidden), or the widget alone."""
    parent = widget.parentWidget()
    layout = parent.layout() if parent is not None else None
    if isinstance(layout, QFormLayout) and layout.indexOf(widget) >= 0:
        layout.setRowVisible(widget, visible)
        return
    if isinstance(layout, QGridLayout) and layout.indexOf(widget) >= 0:
        widget.setVisible(visible)
        row = layout.getItemPosition(layout.indexOf(widget))[0]
        cells = [layout.itemAtPosition(row, c) for c in range(layout.columnCount())]
        cells = [c.widget() for c in cells if c is not None and c.widget() is not None]
        labels = [c for c in cells if isinstance(c, QLabel)]
        others = [c for c in cells if not isinstance(c, QLabel)]
        row_visible = any(not c.isHidden() for c in others)
        for label in labels:
            label.setVisible(row_visible)
        return
    widget.setVisible(visible)


# --- the checklist dialog -----------------------------------------------------------------


class ExerciseDialog(QDialog):
    """Every panel, view, button and field with a Hide box (fields also a Lock box)."""

    HIDE, LOCK = 1, 2

    def __init__(self, window: QMainWindow, hidden: Iterable[str] = (), locked: Iterable[str] = ()) -> None:
        super().__init__(window)
        self.setWindowTitle(self.tr("Edit exercise"))
        hidden, locked = set(hidden), set(locked)
        intro = QLabel(
            self.tr(
                "Tick what students should not see, and the fields they may look at but not "
                "change. Save the experiment (File ▸ Save experiment) to hand the exercise out."
            )
        )
        intro.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setColumnCount(3)
        self.tree.setHeaderLabels([self.tr("Control"), self.tr("Hide"), self.tr("Lock")])
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in (1, 2):
            self.tree.header().setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.items: dict[str, QTreeWidgetItem] = {}
        for title, _key, entries in classroom_items(window):
            group = QTreeWidgetItem(self.tree, [title])
            group.setFlags(group.flags() & ~Qt.ItemFlag.ItemIsSelectable)
            for item_id, label in entries:
                item = QTreeWidgetItem(group, [label])
                item.setData(0, Qt.ItemDataRole.UserRole, item_id)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(self.HIDE, Qt.CheckState.Checked if item_id in hidden else Qt.CheckState.Unchecked)
                if item_id.startswith("field:"):
                    path = item_id[len("field:") :]
                    item.setCheckState(self.LOCK, Qt.CheckState.Checked if path in locked else Qt.CheckState.Unchecked)
                self.items[item_id] = item
            group.setExpanded(
                not _key.startswith("fields:") or any(i in hidden or i[len("field:") :] in locked for i, _ in entries)
            )
        # ids in the exercise that no control here has (e.g. a layer removed since): kept as they are
        self._extra_hidden = {h for h in hidden if h not in self.items}
        self._extra_locked = {p for p in locked if f"field:{p}" not in self.items}
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.tree, 1)
        layout.addWidget(buttons)
        self.resize(560, 620)

    def set_hidden(self, item_id: str, on: bool = True) -> None:
        self.items[item_id].setCheckState(self.HIDE, Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def set_locked(self, path: str, on: bool = True) -> None:
        self.items[f"field:{path}"].setCheckState(self.LOCK, Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def hidden(self) -> list[str]:
        out = set(self._extra_hidden)
        for item_id, item in self.items.items():
            if item.checkState(self.HIDE) == Qt.CheckState.Checked:
                out.add(item_id)
        return sorted(out)

    def locked(self) -> list[str]:
        out = set(self._extra_locked)
        for item_id, item in self.items.items():
            if item_id.startswith("field:") and item.checkState(self.LOCK) == Qt.CheckState.Checked:
                out.add(item_id[len("field:") :])
        return sorted(out)
