"""Regularization controls: per-layer dropout, L1/L2, weight decay, early stopping.

All of these are live: each edit becomes a SetValue command that the trainer
applies at its next step, without a restart. Dragging a slider would send
hundreds of commands a second, so slider edits are throttled (at most ~20 a
second per control, the last value always sent). In compare mode the variant
box at the top chooses which variant the controls edit and show.
"""

from __future__ import annotations

import math
from typing import Any, Optional

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QGridLayout, QHBoxLayout, QLabel, QWidget
from superqt.utils import qthrottled

from explorer.core.config import DROPOUT_KINDS, VARIANT_NAME, Experiment
from explorer.core.protocol import ConfigError, SetValue
from explorer.gui.core_messages import tr_message
from explorer.gui.panels import edits
from explorer.gui.panels.base import ExperimentPanel
from explorer.gui.panels.common import blocked, fill_combo, note_label, panel_layout, section, select_data
from explorer.gui.panels.form_rows import add_field_row, float_spin_box, int_spin_box
from explorer.gui.panels.rename_offer import VariantRenamer
from explorer.gui.panels.tooltips import tip
from explorer.gui.widgets import LogSlider, StepSlider

THROTTLE_MS = 50  # ~20 commands a second per control while dragging


class RegularizationPanel(ExperimentPanel):
    """Signals: commandRequested(SetValue) for live edits; problem(str) for refused ones."""

    commandRequested = Signal(object)
    problem = Signal(str)

    def __init__(self, experiment: Optional[Experiment] = None, parent: QWidget | None = None) -> None:
        super().__init__(experiment, parent)
        self._throttlers: dict[str, Any] = {}
        self.dropout_sliders: list[StepSlider] = []
        self.kind_combos: list[QComboBox] = []
        self._dropout_labels: list[QLabel] = []

        layout = panel_layout(self)
        target = QHBoxLayout()
        self.variant_label = QLabel(self.tr("Edit variant:"))
        self.variant_combo = QComboBox()
        self.variant_combo.setToolTip(tip("variant_target"))
        self.variant_combo.currentIndexChanged.connect(self._on_variant_selected)
        target.addWidget(self.variant_label)
        target.addWidget(self.variant_combo, 1)
        layout.addLayout(target)
        self.varies_note = QLabel(self.tr("≠ differs between variants: choose one above to see its value"))
        self.varies_note.setWordWrap(True)
        self.varies_note.setStyleSheet("color: #555;")
        layout.addWidget(self.varies_note)
        # a variant named for a value it no longer has ("p = 0.5" at p = 0.85) is renamed, or offered a name
        self.renamer = VariantRenamer(lambda: self._experiment, self._rename, self)
        layout.addWidget(self.renamer.offer)
        self.demo_note = note_label(tip("demo_note"))
        layout.addWidget(self.demo_note)

        # dropout, one row per hidden layer
        self.dropout_box, form = section(self.tr("Dropout"), self)
        grid_widget = QWidget()
        self._dropout_grid = QGridLayout(grid_widget)
        self._dropout_grid.setContentsMargins(0, 0, 0, 0)
        self._dropout_grid.setHorizontalSpacing(6)
        self._dropout_grid.setColumnStretch(1, 1)
        form.addRow(grid_widget)
        self.no_layers_label = QLabel(self.tr("No hidden layers, so nothing to drop."))
        form.addRow(self.no_layers_label)
        self.p_one_note = QLabel(
            self.tr("p = 1 drops every unit: the layer passes nothing on, and the network cannot learn.")
        )
        self.p_one_note.setWordWrap(True)
        self.p_one_note.setStyleSheet("color: #b35c00;")
        self.p_one_note.setVisible(False)
        form.addRow(self.p_one_note)
        layout.addWidget(self.dropout_box)

        # weight penalties
        self.penalty_box, form = section(self.tr("Weight penalties"), self)
        self.l1 = LogSlider(1e-6, 10.0, typed_maximum=10.0)
        self.l1.setToolTip(tip("l1"))
        self.l2 = LogSlider(1e-6, 10.0, typed_maximum=100.0)
        self.l2.setToolTip(tip("l2"))
        self.weight_decay = LogSlider(1e-6, 10.0, typed_maximum=10.0)
        self.weight_decay.setToolTip(tip("weight_decay"))
        self.penalize_biases = QCheckBox(self.tr("penalise biases too"))
        self.penalize_biases.setToolTip(tip("penalize_biases"))
        self._row_labels: dict[str, tuple[QLabel, str, QWidget]] = {}
        for path, text, widget in (
            ("regularization.l1_lambda", self.tr("L1 λ"), self.l1),
            ("regularization.l2_lambda", self.tr("L2 λ"), self.l2),
            ("regularization.weight_decay", self.tr("weight decay"), self.weight_decay),
        ):
            self._row_labels[path] = (add_field_row(form, text, widget), text, widget)
        form.addRow(self.penalize_biases)
        self.convention_label = QLabel(self.tr("loss = data + λ₁·Σ|w| + λ₂·Σw²  (no ½)"))
        self.convention_label.setToolTip(tip("penalty_convention"))
        self.convention_label.setStyleSheet("color: #555;")
        form.addRow(self.convention_label)
        self.penalty_readout = QLabel("")
        self.penalty_readout.setWordWrap(True)
        form.addRow(self.penalty_readout)
        layout.addWidget(self.penalty_box)

        for path, slider in (
            ("regularization.l1_lambda", self.l1),
            ("regularization.l2_lambda", self.l2),
            ("regularization.weight_decay", self.weight_decay),
        ):
            slider.valueChanged.connect(lambda v, path=path: self._throttled(path, v))
            slider.invalidInput.connect(lambda msg, path=path: self.problem.emit(f"{path}: {msg}"))
        self.penalize_biases.toggled.connect(lambda on: self.request("regularization.penalize_biases", on))

        # early stopping
        self.es_box, form = section(self.tr("Early stopping"), self)
        self.es_enabled = QCheckBox(self.tr("stop when validation stops improving"))
        self.es_enabled.setToolTip(tip("es_enabled"))
        self.es_patience = int_spin_box(1, 100_000, tip("es_patience"))
        self.es_patience.setSuffix(self.tr(" evaluations"))
        self.es_min_delta = float_spin_box(0.0, 1e6, 0.001, 6, tip("es_min_delta"))
        self.es_restore = QCheckBox(self.tr("restore the best weights"))
        self.es_restore.setToolTip(tip("es_restore"))
        form.addRow(self.es_enabled)
        for path, text, widget in (
            ("early_stopping.patience", self.tr("patience P"), self.es_patience),
            ("early_stopping.min_delta", self.tr("min Δ"), self.es_min_delta),
        ):
            self._row_labels[path] = (add_field_row(form, text, widget), text, widget)
        form.addRow(self.es_restore)
        self.es_readout = QLabel("")
        self.es_readout.setWordWrap(True)
        form.addRow(self.es_readout)
        layout.addWidget(self.es_box)
        self.es_enabled.toggled.connect(lambda on: self.request("early_stopping.enabled", on))
        self.es_patience.valueChanged.connect(lambda v: self.request("early_stopping.patience", int(v)))
        self.es_min_delta.valueChanged.connect(lambda v: self.request("early_stopping.min_delta", float(v)))
        self.es_restore.toggled.connect(lambda on: self.request("early_stopping.restore_best", on))
        layout.addStretch(1)
        self.set_experiment(self._experiment)

    # -- state in ----------------------------------------------------------------------
    @property
    def field_widgets(self) -> dict[str, QWidget]:
        widgets: dict[str, QWidget] = {}
        for i, (slider, combo) in enumerate(zip(self.dropout_sliders, self.kind_combos)):
            widgets[f"network.layers.{i}.dropout_p"] = slider
            widgets[f"network.layers.{i}.dropout_kind"] = combo
        widgets.update(
            {
                "regularization.l1_lambda": self.l1,
                "regularization.l2_lambda": self.l2,
                "regularization.weight_decay": self.weight_decay,
                "regularization.penalize_biases": self.penalize_biases,
                "early_stopping.enabled": self.es_enabled,
                "early_stopping.patience": self.es_patience,
                "early_stopping.min_delta": self.es_min_delta,
                "early_stopping.restore_best": self.es_restore,
            }
        )
        return widgets

    def selected_variant(self) -> Optional[int]:
        """None: every variant (or the only model); else the index of the edited variant."""
        data = self.variant_combo.currentData()
        return None if data is None or data < 0 else int(data)

    def select_variant(self, variant: Optional[int]) -> None:
        i = self.variant_combo.findData(-1 if variant is None else variant)
        if i >= 0:
            self.variant_combo.setCurrentIndex(i)

    def set_experiment(self, experiment: Experiment) -> None:
        """Show `experiment` (the selected variant's values); emits nothing.

        A throttled slider value still waiting was meant for the experiment this one
        replaces: it is dropped, so the slider and the trainer never disagree."""
        for throttler in self._throttlers.values():
            throttler.cancel()
        self.renamer.shown(experiment)
        self._experiment = experiment
        names = [v.name for v in experiment.variants]
        current = self.selected_variant()
        fill_combo(self.variant_combo, [(-1, self.tr("all variants"))] + list(enumerate(names)))
        select_data(self.variant_combo, -1 if current is None or current >= len(names) else current)
        self.variant_label.setVisible(bool(names))
        self.variant_combo.setVisible(bool(names))
        self._show_values()

    def _show_values(self) -> None:
        view = edits.variant_view(self._experiment, self.selected_variant())
        layers = view.network.layers
        if len(self.dropout_sliders) != len(layers):
            self._rebuild_dropout_rows(len(layers))
        for i, layer in enumerate(layers):
            self.dropout_sliders[i].setValue(layer.dropout_p)
            select_data(self.kind_combos[i], layer.dropout_kind)
        self.no_layers_label.setVisible(not layers)
        r = view.regularization
        self.l1.setValue(r.l1_lambda)
        self.l2.setValue(r.l2_lambda)
        self.weight_decay.setValue(r.weight_decay)
        es = view.early_stopping
        with blocked(self.penalize_biases, self.es_enabled, self.es_patience, self.es_min_delta, self.es_restore):
            self.penalize_biases.setChecked(r.penalize_biases)
            self.es_enabled.setChecked(es.enabled)
            self.es_patience.setValue(es.patience)
            self.es_min_delta.setValue(es.min_delta)
            self.es_restore.setChecked(es.restore_best)
        for w in (self.es_patience, self.es_min_delta, self.es_restore):
            w.setEnabled(es.enabled)
        self._mark_varying()
        self._warn_p_one()
        demo = self._experiment.kind == "dropout-scaling"
        self.demo_note.setVisible(demo)
        for box in (self.dropout_box, self.penalty_box, self.es_box):
            box.setEnabled(not demo)

    def _mark_varying(self) -> None:
        """With "all variants" selected, mark (≠) the settings on which the variants differ."""
        exp = self._experiment
        views = exp.resolved_variants() if exp.variants and self.selected_variant() is None else []
        any_varies = False

        def mark(label: QLabel, text: str, paths: tuple[str, ...], default_tip: str) -> None:
            nonlocal any_varies
            described = []
            for path in paths:
                values = [v.get(path) for v in views]
                # 6 significant digits: a slider's 0.0010000000000000002 is the 0.001 typed elsewhere
                if len({f"{x:.6g}" if isinstance(x, float) else repr(x) for x in values}) > 1:
                    described.append(
                        ", ".join(
                            f"{v.name}: {val:g}" if isinstance(val, float) else f"{v.name}: {val}"
                            for v, val in zip(exp.variants, values)
                        )
                    )
            varies = bool(described)
            any_varies |= varies
            label.setText(f"{text} ≠" if varies else text)
            label.setStyleSheet("font-style: italic;" if varies else "")
            label.setToolTip(
                self.tr("Differs between variants: {0}").format("; ".join(described)) if varies else default_tip
            )

        for path, (label, text, widget) in self._row_labels.items():
            mark(label, text, (path,), widget.toolTip())
        layers = self._experiment.network.layers
        for i, label in enumerate(self._dropout_labels):
            layer = layers[i] if i < len(layers) else None
            default_tip = (
                self.tr("Hidden layer {0}: {1} neurons, {2}").format(i + 1, layer.width, layer.activation)
                if layer is not None
                else ""
            )
            mark(
                label,
                self.tr("layer {0}").format(i + 1),
                (f"network.layers.{i}.dropout_p", f"network.layers.{i}.dropout_kind"),
                default_tip,
            )
        self.varies_note.setVisible(any_varies)

    def _rebuild_dropout_rows(self, n: int) -> None:
        for w in [*self.dropout_sliders, *self.kind_combos, *self._dropout_labels]:
            self._dropout_grid.removeWidget(w)
            w.deleteLater()
        self.dropout_sliders, self.kind_combos, self._dropout_labels = [], [], []
        kind_labels = {
            "inverted": self.tr("inverted"),
            "vanilla": self.tr("vanilla"),
            "dropconnect": self.tr("DropConnect"),
            "gaussian": self.tr("Gaussian"),
        }
        for i in range(n):
            label = QLabel()
            slider = StepSlider(0.0, 1.0, 0.05)
            slider.setToolTip(tip("dropout_p"))
            combo = QComboBox()
            fill_combo(combo, [(k, kind_labels[k]) for k in DROPOUT_KINDS])
            combo.setToolTip(tip("dropout_kind"))
            for j, k in enumerate(DROPOUT_KINDS):
                combo.setItemData(j, tip(k), Qt.ItemDataRole.ToolTipRole)
            self._dropout_grid.addWidget(label, i, 0)
            self._dropout_grid.addWidget(slider, i, 1)
            self._dropout_grid.addWidget(combo, i, 2)
            path = f"network.layers.{i}"
            slider.valueChanged.connect(lambda v, path=path: self._throttled(f"{path}.dropout_p", v))
            combo.currentIndexChanged.connect(
                lambda _=0, path=path, combo=combo: self.request(f"{path}.dropout_kind", combo.currentData())
            )
            self._dropout_labels.append(label)
            self.dropout_sliders.append(slider)
            self.kind_combos.append(combo)
        self._order_tabs()

    def _order_tabs(self) -> None:
        """Tab goes top to bottom: the dropout rows are (re)built after the controls below them,
        so without this their sliders would come last in the focus chain."""
        chain: list[QWidget] = [self.variant_combo, self.dropout_box.header]
        for slider, combo in zip(self.dropout_sliders, self.kind_combos):
            chain += [slider.slider, combo]
        chain += [self.penalty_box.header, getattr(self.l1, "slider", self.l1)]
        for first, second in zip(chain, chain[1:]):
            QWidget.setTabOrder(first, second)

    def retranslate(self) -> None:
        from explorer.gui.i18n import retranslated

        self._row_labels = {
            path: (label, retranslated(text), widget) for path, (label, text, widget) in self._row_labels.items()
        }
        super().retranslate()

    def update_snapshot(self, snapshot) -> None:
        """Live readouts: the penalty's share of the loss and the early-stopping state, one line per
        variant (with several seeds per variant: the mean over its seeds, not a line per run)."""
        from explorer.core.training import replicate_groups

        variants = getattr(snapshot, "variants", ())
        if not variants:
            return
        groups = list(replicate_groups(v.name for v in variants).items())  # variant -> its runs
        selected = self.selected_variant()
        shown = [groups[selected]] if selected is not None and selected < len(groups) else groups
        many = len(shown) > 1
        pen_lines, es_lines = [], []
        for name, indices in shown:
            runs = [variants[i] for i in indices]
            prefix = f"{name}: " if many else ""
            penalties = [x for x in (_last(r.history.get("penalty")) for r in runs) if x is not None]
            trains = [x for x in (_last(r.history.get("train_loss")) for r in runs) if x is not None]
            if penalties:
                train = sum(trains) / len(trains) if trains else None
                text = self.tr("penalty {0:.4g} (train loss {1})").format(
                    sum(penalties) / len(penalties), "–" if train is None else f"{train:.4g}"
                )
                if len(runs) > 1:
                    text += self.tr(", mean of {0} seeds").format(len(runs))
                pen_lines.append(prefix + text)
            es_text = self._describe_es(runs[0].early_stopping)
            if es_text:  # with several seeds: the first seed's, named
                es_lines.append((f"{runs[0].name}: " if many or len(runs) > 1 else "") + es_text)
        self.penalty_readout.setText("\n".join(pen_lines))
        self.es_readout.setText("\n".join(es_lines))

    def _describe_es(self, es) -> str:
        if es is None or not es.enabled:
            return ""
        if es.best_epoch is None or not math.isfinite(es.best_value):
            return self.tr("waiting for the first evaluation")
        text = self.tr("best {0:.4g} at epoch {1} · wait {2}/{3}").format(
            es.best_value, es.best_epoch, es.wait, es.patience
        )
        if es.stopped:
            text += self.tr(" · stopped at epoch {0}").format(es.stop_epoch)
            if es.restored:
                text += self.tr(" (best weights restored)")
        return text

    # -- edits out -----------------------------------------------------------------------
    def _throttled(self, path: str, value: Any) -> None:
        throttler = self._throttlers.get(path)
        if throttler is None:
            throttler = qthrottled(self._request_for_variant, timeout=THROTTLE_MS, leading=True, parent=self)
            self._throttlers[path] = throttler
        throttler(path, value, self.selected_variant())

    def flush(self) -> None:
        """Send any throttled edit now (tests, and before a rebuild), and rename what must be renamed."""
        for throttler in self._throttlers.values():
            throttler.flush()
        self.renamer.flush()

    def request(self, path: str, value: Any) -> None:
        """Validate and emit a live edit for the selected variant (unthrottled)."""
        self._request_for_variant(path, value, self.selected_variant())

    def _request_for_variant(self, path: str, value: Any, variant: Optional[int]) -> None:
        cmd = SetValue(path, value, variant=variant)
        try:
            new = edits.apply_set_value(self._experiment, cmd)
        except ConfigError as exc:
            self.problem.emit(tr_message(exc.message))
            self._show_values()
            return
        if path == VARIANT_NAME:
            self._experiment = new
            for i, v in enumerate(new.variants):
                self.variant_combo.setItemText(self.variant_combo.findData(i), v.name)
        else:
            self.renamer.edited(self._experiment)
            self._experiment = new
        self._mark_varying()  # an edit can make the variants equal (or differ): the ≠ marks follow
        self._warn_p_one()
        if path == "early_stopping.enabled":
            for w in (self.es_patience, self.es_min_delta, self.es_restore):
                w.setEnabled(bool(value))
        self.commandRequested.emit(cmd)

    def _rename(self, index: int, name: str) -> None:
        """Variant `index` takes `name`: a live edit, its runs train on."""
        self._request_for_variant(VARIANT_NAME, name, index)

    def _warn_p_one(self) -> None:
        """p = 1 is allowed (the demo's edge case), but in training it switches the layer off: say so."""
        views = self._experiment.resolved_variants() if self._experiment.kind == "training" else []
        self.p_one_note.setVisible(any(layer.dropout_p >= 1.0 for v in views for layer in v.network.layers))

    def _on_variant_selected(self, _index: int) -> None:
        self.flush()
        self._show_values()


def _last(values) -> Optional[float]:
    if values is None or len(values) == 0:
        return None
    for x in reversed(values):
        x = float(x)
        if math.isfinite(x):
            return x
    return None
