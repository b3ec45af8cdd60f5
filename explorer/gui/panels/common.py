"""Bits the panels share: section boxes, combobox helpers, signal blocking."""

from __future__ import annotations

import contextlib
from typing import Any, Iterator, Sequence

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from explorer.gui.widgets.section import Section


@contextlib.contextmanager
def blocked(*objects: QObject) -> Iterator[None]:
    """Set widgets from code without emitting their change signals (no echo to the trainer)."""
    old = [o.blockSignals(True) for o in objects]
    try:
        yield
    finally:
        for o, was in zip(objects, old):
            o.blockSignals(was)


def fill_combo(combo: QComboBox, items: Sequence[tuple[Any, str]]) -> None:
    with blocked(combo):
        combo.clear()
        for data, label in items:
            combo.addItem(label, data)


def select_data(combo: QComboBox, data: Any) -> None:
    with blocked(combo):
        i = combo.findData(data)
        if i >= 0:
            combo.setCurrentIndex(i)


def section(title: str, parent: QWidget | None = None) -> tuple[Section, QFormLayout]:
    """A foldable section (expanded) holding a form."""
    box = Section(title, parent)
    form = QFormLayout(box.content)
    form.setContentsMargins(6, 2, 0, 8)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
    return box, form


def panel_layout(widget: QWidget) -> QVBoxLayout:
    layout = QVBoxLayout(widget)
    layout.setContentsMargins(4, 4, 4, 4)
    layout.setSpacing(4)
    return layout


def note_label(text: str) -> QLabel:
    """A hint box at the top of a panel (hidden until needed)."""
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet("QLabel { background: #fff8e1; border: 1px solid #e0c060; border-radius: 3px; padding: 4px; }")
    label.hide()
    return label
