"""The network builder: hidden layers as rows, and compare mode's variant list.

Everything here changes the model's structure (or the set of variants), so
every edit produces a whole new, validated Experiment (`experimentEdited`);
the window rebuilds the trainer with it. Two exceptions are live edits
(`commandRequested`): renaming a variant (its runs train on under the new name),
and dropout, shown per row but edited in the regularization panel.
"""

from __future__ import annotations

from typing import Optional

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QWidget,
)

from explorer.core.config import VARIANT_NAME, Experiment
from explorer.core.protocol import ConfigError, SetValue
from explorer.gui.core_messages import tr_message
from explorer.gui.panels import edits
from explorer.gui.panels.base import ExperimentPanel
from explorer.gui.panels.common import blocked, fill_combo, note_label, panel_layout, section, select_data
from explorer.gui.panels.form_rows import int_spin_box
from explorer.gui.panels.tooltips import tip

MAX_LAYERS = 12
ACTIVATIONS = ("relu", "tanh", "sigmoid", "gelu", "linear")
# short dropout-kind names for the layer rows, translated where shown
KIND_SHORT = {
    "inverted": QT_TRANSLATE_NOOP("NetworkPanel", "inv"),
    "vanilla": QT_TRANSLATE_NOOP("NetworkPanel", "van"),
    "dropconnect": QT_TRANSLATE_NOOP("NetworkPanel", "DC"),
    "gaussian": QT_TRANSLATE_NOOP("NetworkPanel", "gauss"),
}


class LayerRow:
    """The widgets of one hidden layer's row (they live in the panel's grid)."""

    def __init__(self, panel: NetworkPanel, index: int) -> None:
        self.index = index
        self.label = QLabel(str(index + 1))
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.width = int_spin_box(1, 4096, tip("width"))
        self.width.setAccelerated(True)
        self.activation = QComboBox()
        fill_combo(self.activation, [(a, a) for a in ACTIVATIONS])
        self.activation.setToolTip(tip("activation"))
        self.dropout = QLabel()
        self.up = _tool_button("▲", "")
        self.down = _tool_button("▼", "")
        self.remove = _tool_button("✕", "")
        self.retranslate()

    def retranslate(self) -> None:
        """Tooltips in the current language (the dropout one is built from two texts)."""
        self.dropout.setToolTip(
            QCoreApplication.translate(
                "NetworkPanel", "Dropout p and kind of this layer; change them in the Regularization panel (live). "
            )
            + tip("dropout_p")
        )
        self.up.setToolTip(QCoreApplication.translate("NetworkPanel", "Move this layer towards the input"))
        self.down.setToolTip(QCoreApplication.translate("NetworkPanel", "Move this layer towards the output"))
        self.remove.setToolTip(QCoreApplication.translate("NetworkPanel", "Remove this hidden layer"))

    def widgets(self) -> list[QWidget]:
        return [self.label, self.width, self.activation, self.dropout, self.up, self.down, self.remove]


def _tool_button(text: str, tooltip: str) -> QToolButton:
    b = QToolButton()
    b.setText(text)
    b.setToolTip(tooltip)
    b.setAutoRaise(True)
    b.setFixedWidth(b.fontMetrics().horizontalAdvance("▲") + 12)
    return b


class NetworkPanel(ExperimentPanel):
    """Signals: experimentEdited(Experiment) for structural edits; commandRequested(SetValue) for a
    variant's new name (live); problem(str) for refused ones."""

    experimentEdited = Signal(object)
    commandRequested = Signal(object)
    problem = Signal(str)

    def __init__(self, experiment: Optional[Experiment] = None, parent: QWidget | None = None) -> None:
        super().__init__(experiment, parent)
        self._io_dims: tuple[int, int] | None = None
        self.rows: list[LayerRow] = []

        layout = panel_layout(self)
        self.demo_note = note_label(tip("demo_note"))
        layout.addWidget(self.demo_note)
        self.layers_box, form = section(self.tr("Hidden layers"), self)
        layers_widget = QWidget()
        self._grid = QGridLayout(layers_widget)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setHorizontalSpacing(3)
        self._grid.setVerticalSpacing(2)
        self._grid.setColumnStretch(1, 2)
        self._grid.setColumnStretch(2, 2)
        self._grid.setColumnStretch(3, 1)
        for col, text in enumerate([self.tr("#"), self.tr("neurons"), self.tr("activation"), self.tr("dropout p")]):
            h = QLabel(f"<b>{text}</b>")
            h.setAlignment(Qt.AlignmentFlag.AlignCenter if col == 0 else Qt.AlignmentFlag.AlignLeft)
            self._grid.addWidget(h, 0, col)
        form.addRow(layers_widget)
        self.empty_label = QLabel(self.tr("No hidden layers: a linear model y = W·x + b."))
        self.empty_label.setWordWrap(True)
        form.addRow(self.empty_label)

        self.add_button = QPushButton(self.tr("Add hidden layer"))
        self.add_button.setToolTip(tip("add_layer"))
        self.add_button.clicked.connect(self._on_add)
        form.addRow(self.add_button)
        self.shape_label = QLabel()
        self.shape_label.setWordWrap(True)
        self.shape_label.setToolTip(
            self.tr("Layer sizes from input to output, and the number of trainable parameters Σ(n_in·n_out + n_out).")
        )
        form.addRow(self.shape_label)
        layout.addWidget(self.layers_box)

        self.compare_box, cform = section(self.tr("Compare variants"), self)
        # short: the section title says what it compares, the tooltip how (a long label clipped the dock)
        self.compare_check = QCheckBox(self.tr("Train variants side by side"))
        self.compare_check.setToolTip(tip("compare"))
        self.compare_check.toggled.connect(self._on_compare_toggled)
        cform.addRow(self.compare_check)
        self.variant_list = QListWidget()
        self.variant_list.setToolTip(tip("variant_list"))
        self.variant_list.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.variant_list.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        self.variant_list.itemChanged.connect(self._on_variant_renamed)
        cform.addRow(self.variant_list)
        buttons = QHBoxLayout()
        self.add_variant_button = QPushButton(self.tr("Add variant"))
        self.add_variant_button.setToolTip(
            self.tr(
                "Add a variant (a copy of the selected one, or of the base "
                "settings); tune it in the Regularization panel."
            )
        )
        self.add_variant_button.clicked.connect(self._on_add_variant)
        self.remove_variant_button = QPushButton(self.tr("Remove"))
        self.remove_variant_button.setToolTip(self.tr("Remove the selected variant."))
        self.remove_variant_button.clicked.connect(self._on_remove_variant)
        buttons.addWidget(self.add_variant_button)
        buttons.addWidget(self.remove_variant_button)
        cform.addRow(buttons)
        layout.addWidget(self.compare_box)
        layout.addStretch(1)
        self.set_experiment(self._experiment)

    # -- state in ------------------------------------------------------------------
    @property
    def field_widgets(self) -> dict[str, QWidget]:
        """Field path -> the widget that edits it (classroom exercises hide or lock them by path).

        "network.layers" is the whole layer editor (adding, removing, moving layers), "variants" the
        compare-mode section."""
        widgets: dict[str, QWidget] = {"network.layers": self.layers_box, "variants": self.compare_box}
        for i, row in enumerate(self.rows):
            widgets[f"network.layers.{i}.width"] = row.width
            widgets[f"network.layers.{i}.activation"] = row.activation
        return widgets

    def set_experiment(self, experiment: Experiment) -> None:
        """Show `experiment` (no signals)."""
        self._experiment = experiment
        layers = experiment.network.layers
        if len(self.rows) != len(layers):
            self._rebuild_rows(len(layers))
        views = experiment.resolved_variants() if experiment.variants else [experiment]
        for i, (row, layer) in enumerate(zip(self.rows, layers)):
            with blocked(row.width, row.activation):
                row.width.setValue(layer.width)
            select_data(row.activation, layer.activation)
            ps = [v.network.layers[i].dropout_p for v in views]
            kinds = [v.network.layers[i].dropout_kind for v in views]
            p_text = " | ".join(f"{p:g}" for p in ps) if len(set(ps)) > 1 else f"{ps[0]:g}"
            short = [self.tr(KIND_SHORT[k]) for k in kinds]
            k_text = " | ".join(short) if len(set(kinds)) > 1 else short[0]
            row.dropout.setText(f"{p_text} {k_text}")
            row.up.setEnabled(i > 0)
            row.down.setEnabled(i < len(layers) - 1)
        self.empty_label.setVisible(not layers)
        demo = experiment.kind == "dropout-scaling"
        self.demo_note.setVisible(demo)
        self.layers_box.setEnabled(not demo)
        self.compare_box.setEnabled(not demo)
        self.add_button.setEnabled(len(layers) < MAX_LAYERS)
        self._update_shape()

        with blocked(self.compare_check, self.variant_list):
            self.compare_check.setChecked(bool(experiment.variants))
            selected = self.variant_list.currentRow()
            self.variant_list.clear()
            for v in experiment.variants:
                item = QListWidgetItem(v.name)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
                self.variant_list.addItem(item)
            if experiment.variants:
                self.variant_list.setCurrentRow(min(max(selected, 0), len(experiment.variants) - 1))
        on = bool(experiment.variants)
        self.variant_list.setVisible(on)
        self.add_variant_button.setVisible(on)
        self.remove_variant_button.setVisible(on)
        self.add_variant_button.setEnabled(len(experiment.variants) < 16)
        rows = max(len(experiment.variants), 2)
        self.variant_list.setFixedHeight(self.variant_list.sizeHintForRow(0) * rows + 8 if experiment.variants else 0)

    def retranslate(self) -> None:
        for row in self.rows:
            row.retranslate()
        super().retranslate()

    def update_snapshot(self, snapshot) -> None:
        """Live readout: the true input/output sizes come from the data the trainer built."""
        data = getattr(snapshot, "data", None)
        if data is None:
            return
        dims = (int(data.input_dim), int(data.output_dim))
        if dims != self._io_dims:
            self._io_dims = dims
            self._update_shape()

    # -- rows ------------------------------------------------------------------------
    def _rebuild_rows(self, n: int) -> None:
        for row in self.rows:
            for w in row.widgets():
                self._grid.removeWidget(w)
                w.deleteLater()
        self.rows = []
        for i in range(n):
            row = LayerRow(self, i)
            for col, w in enumerate(row.widgets()):
                self._grid.addWidget(w, i + 1, col)
            row.width.valueChanged.connect(lambda value, i=i: self._edit({f"network.layers.{i}.width": value}))
            row.activation.currentIndexChanged.connect(
                lambda _=0, i=i, combo=row.activation: self._edit(
                    {f"network.layers.{i}.activation": combo.currentData()}
                )
            )
            row.up.clicked.connect(lambda _=False, i=i: self._apply(lambda e: edits.move_layer(e, i, -1)))
            row.down.clicked.connect(lambda _=False, i=i: self._apply(lambda e: edits.move_layer(e, i, +1)))
            row.remove.clicked.connect(lambda _=False, i=i: self.remove_layer(i))
            self.rows.append(row)
        self._order_tabs()

    def _order_tabs(self) -> None:
        """Tab goes top to bottom: rows are rebuilt after the buttons below them were made."""
        chain: list[QWidget] = [self.layers_box.header]
        for row in self.rows:
            chain += [row.width, row.activation, row.up, row.down, row.remove]
        chain += [self.add_button, self.compare_box.header]
        for first, second in zip(chain, chain[1:]):
            QWidget.setTabOrder(first, second)

    def _update_shape(self) -> None:
        widths = [layer.width for layer in self._experiment.network.layers]
        if self._io_dims is None:
            self.shape_label.setText(
                self.tr("in → {0} → out (sizes of input and output follow from the dataset)").format(
                    " → ".join(map(str, widths)) or "·"
                )
            )
            return
        sizes = [self._io_dims[0], *widths, self._io_dims[1]]
        params = sum(a * b + b for a, b in zip(sizes[:-1], sizes[1:]))
        self.shape_label.setText(self.tr("{0} · {1} parameters").format(" → ".join(map(str, sizes)), f"{params:,}"))

    # -- edits -----------------------------------------------------------------------
    def add_layer(self) -> None:
        self._apply(edits.add_layer)

    def remove_layer(self, index: int) -> None:
        self._apply(lambda e: edits.remove_layer(e, index))

    def move_layer(self, index: int, delta: int) -> None:
        self._apply(lambda e: edits.move_layer(e, index, delta))

    def set_compare(self, on: bool) -> None:
        self.compare_check.setChecked(on)

    def _on_add(self) -> None:
        self.add_layer()

    def _edit(self, assignments: dict) -> None:
        self._apply(lambda e: e.with_values(assignments))

    def _apply(self, change) -> None:
        try:
            new = change(self._experiment)
            new.resolved_variants()
        except ConfigError as exc:
            self.problem.emit(tr_message(exc.message))
            self.set_experiment(self._experiment)  # show the unchanged values again
            return
        self.set_experiment(new)
        self.experimentEdited.emit(new)

    def _on_compare_toggled(self, on: bool) -> None:
        if on and not self._experiment.variants:
            self._apply(edits.compare_on)
        elif not on and self._experiment.variants:
            self._apply(edits.compare_off)

    def _on_add_variant(self) -> None:
        row = self.variant_list.currentRow()
        self._apply(lambda e: edits.add_variant(e, copy_of=row if row >= 0 else None))

    def _on_remove_variant(self) -> None:
        row = self.variant_list.currentRow()
        if row < 0:
            row = len(self._experiment.variants) - 1
        if row < 0:
            return
        if len(self._experiment.variants) <= 1:
            self._apply(edits.compare_off)
        else:
            self._apply(lambda e: edits.remove_variant(e, row))

    def rename_variant(self, index: int, name: str) -> None:
        """A live edit: the name is no training setting, so the run is not rebuilt."""
        try:
            new = edits.rename_variant(self._experiment, index, name)
        except ConfigError as exc:
            self.problem.emit(tr_message(exc.message))
            self.set_experiment(self._experiment)  # the list shows the old name again
            return
        self.set_experiment(new)
        self.commandRequested.emit(SetValue(VARIANT_NAME, new.variants[index].name, variant=index))

    def _on_variant_renamed(self, item: QListWidgetItem) -> None:
        index = self.variant_list.row(item)
        if 0 <= index < len(self._experiment.variants) and item.text() != self._experiment.variants[index].name:
            self.rename_variant(index, item.text())
