"""A non-modal message strip above the dashboard: errors stay visible, training goes on.

A modal message box would stop the lecture until someone clicks it; the banner
keeps the error readable from the back row and closes with one click.
"""

from __future__ import annotations

from typing import Callable, Sequence

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QToolButton, QWidget

_STYLES = {
    "error": "QFrame#MessageBanner { background: #fdecea; border: 1px solid #e57373; border-radius: 4px; }"
    " QLabel { color: #8b1a1a; }",
    "info": "QFrame#MessageBanner { background: #e8f1fb; border: 1px solid #90b4e0; border-radius: 4px; }"
    " QLabel { color: #17375e; }",
}


class MessageBanner(QFrame):
    dismissed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("MessageBanner")
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.close_button = QToolButton(self)
        self.close_button.setText("✕")
        self.close_button.setAutoRaise(True)
        self.close_button.setToolTip(QCoreApplication.translate("MessageBanner", "Dismiss"))
        self.close_button.clicked.connect(self.dismiss)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 6, 6)
        layout.addWidget(self.label, 1)
        self._actions_layout = QHBoxLayout()
        self._actions_layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._actions_layout)
        layout.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        self.kind = "info"
        self.action_buttons: list[QPushButton] = []
        self.hide()

    def show_message(
        self, text: str, kind: str = "error", actions: Sequence[tuple[str, Callable[[], object]]] = ()
    ) -> None:
        """Show `text`; each (label, callback) in `actions` becomes a button that runs the
        callback and closes the banner (e.g. "Restart the trainer", "Use the CPU")."""
        self.kind = kind
        self.setStyleSheet(_STYLES.get(kind, _STYLES["info"]))
        self.label.setText(text)
        for button in self.action_buttons:
            self._actions_layout.removeWidget(button)
            button.hide()
            button.deleteLater()
        self.action_buttons = []
        for label, callback in actions:
            button = QPushButton(label, self)
            button.clicked.connect(lambda _=False, cb=callback: self._run(cb))
            self._actions_layout.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
            self.action_buttons.append(button)
        self.show()

    def action_texts(self) -> list[str]:
        return [b.text() for b in self.action_buttons] if self.isVisible() else []

    def _run(self, callback: Callable[[], object]) -> None:
        self.dismiss()
        callback()

    def text(self) -> str:
        return self.label.text() if self.isVisible() else ""

    def dismiss(self) -> None:
        self.hide()
        self.dismissed.emit()
