"""About and keyboard-shortcut boxes: non-modal, so training and painting go on behind them."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget


def _tr(text: str) -> str:
    return QCoreApplication.translate("HelpDialogs", text)


def info_box(parent: QWidget, title: str, text: str) -> QMessageBox:
    box = QMessageBox(QMessageBox.Icon.Information, title, text, QMessageBox.StandardButton.Close, parent)
    box.setTextFormat(Qt.TextFormat.RichText)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setModal(False)
    box.show()
    return box


def show_about(parent: QWidget) -> QMessageBox:
    from explorer import __version__
    return info_box(parent, _tr("About Regularization Explorer"), _tr(
        "<h3>Regularization Explorer {0}</h3><p>A desktop lab for seeing overfitting and "
        "regularization happen: dropout, L1/L2 penalties, weight decay and early stopping, "
        "live.</p>").format(__version__))


def show_shortcuts(parent: QWidget) -> QMessageBox:
    rows = [(_tr("Space"), _tr("play / pause")), (_tr("S"), _tr("one step")),
            (_tr("R"), _tr("reset to step 0")), ("Ctrl+O", _tr("open experiment")),
            ("Ctrl+S", _tr("save experiment")), ("Ctrl+E", _tr("export figures")),
            ("Ctrl+Q", _tr("quit"))]
    table = "".join(f"<tr><td><b>{k}</b>&nbsp;&nbsp;</td><td>{v}</td></tr>" for k, v in rows)
    return info_box(parent, _tr("Keyboard shortcuts"), f"<table>{table}</table>")
