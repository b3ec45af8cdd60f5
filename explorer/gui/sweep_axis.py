"""One axis of the Sweep panel: the field, in its own words, and its values as a log or linear
range or a list."""

from __future__ import annotations

from typing import Any, Optional

from PySide6 import QtCore, QtWidgets

from explorer.core.sweep import SWEEPABLE, parse_values


def field_words() -> list[tuple[str, str]]:
    """(path, the field in its own words) for the field list; "N" is layer 1."""
    return [
        (f.pattern.replace(".N.", ".0."), QtCore.QCoreApplication.translate("SweepFields", f.words)) for f in SWEEPABLE
    ]


class AxisRow(QtWidgets.QWidget):
    """One axis: the field, and its values as a log or linear range or a list."""

    def __init__(self, parent: Optional[QtWidgets.QWidget] = None):
        super().__init__(parent)
        self.field = QtWidgets.QComboBox()
        for path, words in field_words():
            self.field.addItem(f"{words} ({path})", path)
        self.scale = QtWidgets.QComboBox()
        self.scale.addItem(self.tr("log"), "log")
        self.scale.addItem(self.tr("linear"), "lin")
        self.scale.addItem(self.tr("list"), "list")
        self.start = QtWidgets.QLineEdit("1e-5")
        self.stop = QtWidgets.QLineEdit("1e-1")
        self.count = QtWidgets.QSpinBox()
        self.count.setRange(1, 100)
        self.count.setValue(9)
        self.values = QtWidgets.QLineEdit("0,1e-4,1e-3,1e-2")
        layout = QtWidgets.QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for w in (self.field, self.scale, self.start, self.stop, self.count):
            layout.addWidget(w)
        layout.addWidget(self.values, 1)  # a list of values takes the room the range boxes leave
        # the field list is as wide as its words need, not as its longest entry: the values stay readable
        self.field.setSizeAdjustPolicy(QtWidgets.QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.field.setMinimumContentsLength(26)
        self.values.setMinimumWidth(self.values.fontMetrics().horizontalAdvance("0,1e-5,1e-4,3e-4,1e-3,3e-3") + 16)
        self.scale.currentIndexChanged.connect(self._on_scale)
        self.field.currentIndexChanged.connect(self._on_field)
        self._on_field()

    def retranslate(self) -> None:
        for i, (path, words) in enumerate(field_words()):
            self.field.setItemText(i, f"{words} ({path})")
        for i, text in enumerate((self.tr("log"), self.tr("linear"), self.tr("list"))):
            self.scale.setItemText(i, text)

    def _on_field(self) -> None:
        path = self.field.currentData() or ""
        log = any(f.log for f in SWEEPABLE if f.pattern.replace(".N.", ".0.") == path)
        self.scale.setCurrentIndex(0 if log else 1)
        if not log:
            self.start.setText("0")
            self.stop.setText("0.8")
        else:
            self.start.setText("1e-5")
            self.stop.setText("1e-1")
        self._on_scale()

    def _on_scale(self) -> None:
        is_list = self.scale.currentData() == "list"
        for w in (self.start, self.stop, self.count):
            w.setVisible(not is_list)
        self.values.setVisible(is_list)

    def spec_text(self) -> str:
        if self.scale.currentData() == "list":
            return self.values.text()
        return f"{self.scale.currentData()}:{self.start.text()}:{self.stop.text()}:{self.count.value()}"

    def set_axis(self, path: str, values: Any) -> bool:
        """Show an axis of an experiment's [sweep] table (False for a field not in the list)."""
        index = self.field.findData(path)
        if index < 0:
            return False
        self.field.setCurrentIndex(index)
        text = values if isinstance(values, str) else ",".join(str(v) for v in values)
        scale, _, rest = text.partition(":")
        parts = rest.split(":")
        if scale in ("log", "lin") and len(parts) == 3 and parts[2].isdigit():
            self.scale.setCurrentIndex(self.scale.findData(scale))
            self.start.setText(parts[0])
            self.stop.setText(parts[1])
            self.count.setValue(int(parts[2]))
        else:
            self.scale.setCurrentIndex(self.scale.findData("list"))
            self.values.setText(text)
        return True

    def axis_dict(self) -> dict[str, Any]:
        path = self.field.currentData()
        text = self.spec_text()
        parse_values(path, text)  # a bad range is named here, before anything starts
        return {"path": path, "values": text}
