"""A slider over evenly spaced values (dropout p in steps of 0.05) with a value label.

superqt's QLabeledDoubleSlider is continuous; dropout p is taught in round
steps, and a slider that lands on 0.35 rather than 0.3517 reads better on a
projector. Positions are integers; the value is minimum + position * step.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QSlider, QWidget


class StepSlider(QWidget):
    """Signals carry user edits only; `setValue` from code is silent."""

    valueChanged = Signal(float)

    def __init__(
        self,
        minimum: float = 0.0,
        maximum: float = 1.0,
        step: float = 0.05,
        decimals: int = 2,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._minimum = minimum
        self._step = step
        self._decimals = decimals
        n = int(round((maximum - minimum) / step))
        self.slider = QSlider(Qt.Orientation.Horizontal, self)
        self.slider.setRange(0, n)
        self.slider.setPageStep(max(1, n // 10))
        self.slider.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.slider.setMinimumWidth(70)
        self.label = QLabel(self)
        self.label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.label.setMinimumWidth(self.label.fontMetrics().horizontalAdvance("0." + "0" * decimals) + 6)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.slider, 1)
        layout.addWidget(self.label)
        self._value = minimum
        self.slider.valueChanged.connect(self._on_slider)
        self._show(minimum)

    def position_to_value(self, position: int) -> float:
        return round(self._minimum + position * self._step, 10)

    def value_to_position(self, value: float) -> int:
        return int(round((value - self._minimum) / self._step))

    def value(self) -> float:
        return self._value

    def setValue(self, value: float) -> None:
        self._value = float(value)
        self._show(self._value)

    def setToolTip(self, text: str) -> None:
        super().setToolTip(text)
        self.slider.setToolTip(text)
        self.label.setToolTip(text)

    def _show(self, value: float) -> None:
        self.slider.blockSignals(True)
        self.slider.setValue(self.value_to_position(value))
        self.slider.blockSignals(False)
        self.label.setText(f"{value:.{self._decimals}f}")

    def _on_slider(self, position: int) -> None:
        self._value = self.position_to_value(position)
        self.label.setText(f"{self._value:.{self._decimals}f}")
        self.valueChanged.emit(self._value)
