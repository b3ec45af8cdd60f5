"""A non-modal message strip above the dashboard: errors stay visible, training goes on.

A modal message box would stop the lecture until someone clicks it; the banner
keeps the error readable from the back row and closes with one click.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QWidget

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
        layout.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        self.kind = "info"
        self.hide()

    def show_message(self, text: str, kind: str = "error") -> None:
        self.kind = kind
        self.setStyleSheet(_STYLES.get(kind, _STYLES["info"]))
        self.label.setText(text)
        self.show()

    def text(self) -> str:
        return self.label.text() if self.isVisible() else ""

    def dismiss(self) -> None:
        self.hide()
        self.dismissed.emit()
