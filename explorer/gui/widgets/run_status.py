"""The toolbar's live readout: epoch and step, progress, steps per second, device.

Readable from the back of a lecture hall: a bold, larger counter; the numbers
that change every frame have fixed-width slots so the toolbar does not jitter.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QSizePolicy, QWidget


class RunStatus(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.counter = QLabel()
        font = self.counter.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.25)
        self.counter.setFont(font)
        self.counter.setMinimumWidth(
            self.counter.fontMetrics().horizontalAdvance(
                self.tr("epoch {0} / {1} · step {2}").format(99999, 99999, 999999)
            )
        )
        self.counter.setToolTip(
            self.tr("Epochs done / epochs planned, and optimisation steps taken (steps per epoch = ⌈N/B⌉).")
        )
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.setTextVisible(False)
        self.progress.setFixedWidth(140)
        self.progress.setToolTip(self.tr("Share of the planned epochs done."))
        self.speed = QLabel()
        self.speed.setMinimumWidth(self.speed.fontMetrics().horizontalAdvance(self.tr("{0} steps/s").format("99,999")))
        self.speed.setToolTip(self.tr("Optimisation steps per second (all variants together)."))
        self.device = QLabel()
        self.device.setToolTip(self.tr("The device the trainer is using."))
        self.state = QLabel()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 0, 8, 0)
        layout.setSpacing(12)
        layout.addWidget(self.counter)
        layout.addWidget(self.progress)
        layout.addWidget(self.speed)
        layout.addWidget(self.device)
        layout.addWidget(self.state)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.counter.setAlignment(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft)
        self.clear()

    def clear(self, total_epochs: int | None = None) -> None:
        self.counter.setText(self.tr("epoch {0} / {1} · step {2}").format(0, total_epochs if total_epochs else "–", 0))
        self.progress.setValue(0)
        self.speed.setText(self.tr("{0} steps/s").format("–"))
        self.device.setText("")

    def set_state(self, state: str) -> None:
        names = {
            "idle": self.tr("idle"),
            "running": self.tr("running"),
            "paused": self.tr("paused"),
            "finished": self.tr("finished"),
            "error": self.tr("error"),
        }
        self.state.setText(names.get(state, state))

    def set_stalled(self, seconds: int) -> None:
        """Running, but no step has arrived for `seconds`: the speed shown is no longer true."""
        self.state.setText(self.tr("no step for {0} s").format(seconds))
        self.speed.setText(self.tr("{0} steps/s").format("0"))

    def update_snapshot(self, snap) -> None:
        if snap.data.task == "scaling":  # the dropout-scaling demo draws passes; it has no epochs
            self.counter.setText(
                self.tr("{0} / {1} train-mode passes").format(f"{snap.epoch:,}", f"{snap.total_epochs:,}")
            )
        else:
            self.counter.setText(
                self.tr("epoch {0} / {1} · step {2}").format(
                    f"{snap.epoch:,}", f"{snap.total_epochs:,}", f"{snap.step:,}"
                )
            )
        if snap.total_epochs > 0:
            self.progress.setValue(int(round(1000 * min(1.0, snap.epoch / snap.total_epochs))))
        else:
            self.progress.setValue(1000 if snap.state == "finished" else 0)
        self.speed.setText(self.tr("{0} steps/s").format(f"{snap.steps_per_second:,.0f}"))
        self.device.setText(self.tr("device: {0}").format(snap.device) if snap.device else "")

    def text(self) -> str:
        return " · ".join(w.text() for w in (self.counter, self.speed, self.device, self.state) if w.text())
