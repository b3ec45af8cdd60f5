"""Window shortcuts that a focused text or number box would otherwise swallow.

A QLineEdit (also the one inside every spin box, which gets its keys from the spin box) claims Ctrl+E as "move to the end of the line"
on Linux, so File ▸ Export figures (Ctrl+E) did nothing while a number box had the focus. The
filter is installed on a line edit of the window when it first gets the focus (a signal that
fires on focus changes only, not an application-wide event filter, which would run on every
paint), and lets the listed keys through to the window's shortcut.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QLineEdit, QWidget

_MARK = "explorerWindowKeys"


class WindowKeysOverLineEdits(QObject):
    """Lets `sequences` (e.g. "Ctrl+E") reach `window`'s shortcuts from its line edits."""

    def __init__(self, window: QWidget, sequences: list[str]) -> None:
        super().__init__(window)
        self._window = window
        self._keys = {QKeySequence(s)[0].toCombined() for s in sequences}
        app = QApplication.instance()
        if app is not None:
            app.focusChanged.connect(self._on_focus_changed)

    def _on_focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        # a spin box has the focus itself and hands key events to its line edit directly
        if isinstance(new, (QLineEdit, QAbstractSpinBox)) and not new.property(_MARK) and new.window() is self._window:
            new.installEventFilter(self)
            new.setProperty(_MARK, True)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            if event.keyCombination().toCombined() in self._keys:
                return True  # not accepted by the line edit: the window's shortcut fires
        return False
