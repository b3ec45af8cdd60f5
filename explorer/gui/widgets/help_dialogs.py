"""About and keyboard-shortcut boxes: non-modal, so training and painting go on behind them."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

# Called by this name, with the context spelled out, so pyside6-lupdate finds every text.
translate = QCoreApplication.translate


def info_box(parent: QWidget, title: str, text: str) -> QMessageBox:
    box = QMessageBox(QMessageBox.Icon.Information, title, text, QMessageBox.StandardButton.Close, parent)
    box.setTextFormat(Qt.TextFormat.RichText)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setModal(False)
    box.show()
    return box


def show_about(parent: QWidget) -> QMessageBox:
    from explorer import __version__

    return info_box(
        parent,
        translate("HelpDialogs", "About Regularization Explorer"),
        translate(
            "HelpDialogs",
            "<h3>Regularization Explorer {0}</h3><p>A desktop lab for seeing overfitting and "
            "regularization happen: dropout, L1/L2 penalties, weight decay and early stopping, "
            "live.</p>",
        ).format(__version__),
    )


def show_shortcuts(parent: QWidget) -> QMessageBox:
    rows = [
        (translate("HelpDialogs", "Space"), translate("HelpDialogs", "play / pause")),
        (translate("HelpDialogs", "S"), translate("HelpDialogs", "one step")),
        (translate("HelpDialogs", "R"), translate("HelpDialogs", "reset to step 0")),
        ("Ctrl+O", translate("HelpDialogs", "open experiment")),
        ("Ctrl+S", translate("HelpDialogs", "save experiment")),
        ("Ctrl+E", translate("HelpDialogs", "export figures")),
        ("Ctrl+Q", translate("HelpDialogs", "quit")),
        ("F5 / Ctrl+P", translate("HelpDialogs", "presentation mode (projector)")),
        (translate("HelpDialogs", "Tab"), translate("HelpDialogs", "next control")),
    ]
    table = "".join(f"<tr><td><b>{k}</b>&nbsp;&nbsp;</td><td>{v}</td></tr>" for k, v in rows)
    return info_box(parent, translate("HelpDialogs", "Keyboard shortcuts"), f"<table>{table}</table>")
