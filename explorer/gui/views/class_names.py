"""Class names the core's data sets carry (English, in DataView.class_names), in the UI's language.

Fashion-MNIST's ten names are listed here so that pyside6-lupdate finds them (context "ClassNames");
other names (digits, CSV classes) have no entry and are shown as they are.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

FASHION_MNIST = (
    QT_TRANSLATE_NOOP("ClassNames", "T-shirt/top"),
    QT_TRANSLATE_NOOP("ClassNames", "Trouser"),
    QT_TRANSLATE_NOOP("ClassNames", "Pullover"),
    QT_TRANSLATE_NOOP("ClassNames", "Dress"),
    QT_TRANSLATE_NOOP("ClassNames", "Coat"),
    QT_TRANSLATE_NOOP("ClassNames", "Sandal"),
    QT_TRANSLATE_NOOP("ClassNames", "Shirt"),
    QT_TRANSLATE_NOOP("ClassNames", "Sneaker"),
    QT_TRANSLATE_NOOP("ClassNames", "Bag"),
    QT_TRANSLATE_NOOP("ClassNames", "Ankle boot"),
)


def class_name(name: str) -> str:
    """`name` translated when the catalogue has it, else unchanged."""
    return QCoreApplication.translate("ClassNames", name)
