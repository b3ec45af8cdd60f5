"""Form rows and fields the settings panels share: a label that carries its control's
tooltip, and spin boxes that do not track the keyboard (typing "200" is one edit,
not "2", "20", "200")."""

from __future__ import annotations

from PySide6.QtWidgets import QDoubleSpinBox, QFormLayout, QLabel, QSpinBox, QWidget


def add_field_row(form: QFormLayout, text: str, widget: QWidget) -> QLabel:
    """Add the row "text: widget" to `form`, the label carrying the widget's tooltip.
    The label is returned: a panel may restyle it later."""
    label = QLabel(text)
    label.setToolTip(widget.toolTip())
    form.addRow(label, widget)
    return label


def int_spin_box(lo: int, hi: int, tooltip: str) -> QSpinBox:
    w = QSpinBox()
    w.setRange(lo, hi)
    w.setKeyboardTracking(False)
    w.setGroupSeparatorShown(False)
    w.setToolTip(tooltip)
    return w


def float_spin_box(lo: float, hi: float, step: float, decimals: int, tooltip: str) -> QDoubleSpinBox:
    w = QDoubleSpinBox()
    w.setRange(lo, hi)
    w.setDecimals(decimals)
    w.setSingleStep(step)
    w.setKeyboardTracking(False)
    w.setToolTip(tooltip)
    return w
