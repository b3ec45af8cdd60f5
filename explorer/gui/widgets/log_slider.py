"""A log-scale slider with a typed field, for penalties and learning rates.

Penalty strengths worth showing span seven decades (1e-6 … 10): on a linear
slider everything interesting would sit in the first pixel. The slider moves in
equal steps of log10(λ) and snaps to two significant digits (1.0, 1.3, 1.6, 2.0,
2.5, 3.2, …), so dragging shows readable numbers; position 0 is "off" (λ = 0)
when `allow_off` is set. The typed field takes any value (validated); the slider
then shows the nearest position while the exact typed value is kept.
"""

from __future__ import annotations

import math

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QSizePolicy, QSlider, QWidget


def round_sig(value: float, digits: int = 2) -> float:
    if value == 0 or not math.isfinite(value):
        return value
    return round(value, digits - 1 - int(math.floor(math.log10(abs(value)))))


def format_value(value: float) -> str:
    if value == 0:
        return "0"
    return f"{value:.3g}"


class LogSlider(QWidget):
    """Slider + text field for a non-negative value on a log scale.

    Signals carry only user edits (drag, keys, a valid typed value); `setValue`
    from code is silent, so panels can show the trainer's state without echoing
    it back as a command.
    """

    valueChanged = Signal(float)
    invalidInput = Signal(str)

    def __init__(
        self,
        minimum: float = 1e-6,
        maximum: float = 10.0,
        *,
        allow_off: bool = True,
        steps_per_decade: int = 10,
        typed_maximum: float | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        if not (0 < minimum < maximum):
            raise ValueError("LogSlider needs 0 < minimum < maximum")
        self._lo = math.log10(minimum)
        self._hi = math.log10(maximum)
        self._minimum = minimum
        self._maximum = maximum
        self._typed_maximum = typed_maximum if typed_maximum is not None else maximum
        self._allow_off = allow_off
        self._n_log = int(round((self._hi - self._lo) * steps_per_decade)) + 1  # positions on the log scale
        self._offset = 1 if allow_off else 0
        self._value = 0.0 if allow_off else minimum

        self.slider = QSlider(Qt.Orientation.Horizontal, self)
        self.slider.setRange(0, self._n_log - 1 + self._offset)
        self.slider.setSingleStep(1)
        self.slider.setPageStep(steps_per_decade)
        self.slider.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.slider.setMinimumWidth(80)
        self.edit = QLineEdit(self)
        self.edit.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.edit.setMaximumWidth(self.edit.fontMetrics().horizontalAdvance("0.000000") + 16)
        self.edit.setMinimumWidth(self.edit.fontMetrics().horizontalAdvance("1.3e-06") + 14)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.slider, 1)
        layout.addWidget(self.edit)

        self.slider.valueChanged.connect(self._on_slider)
        self.edit.editingFinished.connect(self._on_edited)
        self._show(self._value)

    # -- mapping -----------------------------------------------------------------
    @property
    def minimum(self) -> float:
        return self._minimum

    @property
    def maximum(self) -> float:
        return self._maximum

    def position_count(self) -> int:
        return self.slider.maximum() + 1

    def position_to_value(self, position: int) -> float:
        if self._allow_off and position <= 0:
            return 0.0
        i = min(max(position - self._offset, 0), self._n_log - 1)
        exponent = self._lo + (self._hi - self._lo) * i / (self._n_log - 1)
        return round_sig(10.0**exponent, 2)

    def value_to_position(self, value: float) -> int:
        if value <= 0:
            return 0
        exponent = min(max(math.log10(value), self._lo), self._hi)
        if self._allow_off and value < self._minimum / 10:
            return 0  # far below the scale: closest to "off"
        i = int(round((exponent - self._lo) / (self._hi - self._lo) * (self._n_log - 1)))
        return i + self._offset

    # -- value -------------------------------------------------------------------
    def value(self) -> float:
        return self._value

    def setValue(self, value: float) -> None:
        """Show `value` (no signal): the exact number in the field, the nearest slider position."""
        self._value = float(value)
        self._show(self._value)

    def setToolTip(self, text: str) -> None:
        super().setToolTip(text)
        self.slider.setToolTip(text)
        self.edit.setToolTip(text)

    def _show(self, value: float) -> None:
        self.slider.blockSignals(True)
        self.slider.setValue(self.value_to_position(value))
        self.slider.blockSignals(False)
        self.edit.setText(format_value(value))
        self._set_invalid(None)

    def _set_invalid(self, problem: str | None) -> None:
        self.edit.setProperty("invalid", problem is not None)
        self.edit.setStyleSheet("QLineEdit { border: 2px solid #c62828; background: #ffebee; }" if problem else "")
        if problem:
            self.edit.setToolTip(problem)
        else:
            self.edit.setToolTip(self.toolTip())

    def is_invalid(self) -> bool:
        return bool(self.edit.property("invalid"))

    # -- user edits ----------------------------------------------------------------
    def _on_slider(self, position: int) -> None:
        value = self.position_to_value(position)
        self._value = value
        self.edit.setText(format_value(value))
        self._set_invalid(None)
        self.valueChanged.emit(value)

    def parse(self, text: str) -> float:
        """The typed text as a value, or ValueError with a message for a person."""
        text = text.strip().replace(",", ".").replace("−", "-")
        if self._allow_off and text.lower() in ("off", "none", ""):
            return 0.0
        try:
            value = float(text)
        except ValueError:
            raise ValueError(self.tr("'{0}' is not a number").format(text)) from None
        if not math.isfinite(value):
            raise ValueError(self.tr("'{0}' is not a finite number").format(text))
        if value < 0:
            raise ValueError(self.tr("must be 0 or more (got {0})").format(format_value(value)))
        if value == 0 and not self._allow_off:
            raise ValueError(self.tr("must be greater than 0"))
        if value > self._typed_maximum:
            raise ValueError(
                self.tr("must be at most {0} (got {1})").format(format_value(self._typed_maximum), format_value(value))
            )
        return value

    def set_text(self, text: str) -> None:
        """Type `text` and press Enter (what a person does; used by tests)."""
        self.edit.setText(text)
        self._on_edited()

    def _on_edited(self) -> None:
        text = self.edit.text()
        if text == format_value(self._value) and not self.is_invalid():
            return
        try:
            value = self.parse(text)
        except ValueError as exc:
            self._set_invalid(str(exc))
            self.invalidInput.emit(str(exc))
            return
        self._value = value
        self.slider.blockSignals(True)
        self.slider.setValue(self.value_to_position(value))
        self.slider.blockSignals(False)
        self._set_invalid(None)
        self.valueChanged.emit(value)
