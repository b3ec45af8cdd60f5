"""The side panels on their own: every edit becomes the right command or a valid Experiment."""

from __future__ import annotations

import math

import pytest

pytest.importorskip("PySide6")

from explorer.core.config import Experiment, LayerConfig, load_preset
from explorer.core.protocol import SetValue
from explorer.gui.panels import (
    DataPanel,
    NetworkPanel,
    RegularizationPanel,
    edits,
)
from explorer.gui.widgets import LogSlider

FORMULA_CHARS = set("λΣ·²=≥←∼~ηpμσ√⊙/")


def _experiment(**changes) -> Experiment:
    exp = Experiment(
        network={
            "layers": [
                LayerConfig(width=16, dropout_p=0.1),
                LayerConfig(width=8, activation="tanh"),
                LayerConfig(width=4, dropout_p=0.3),
            ]
        }
    )
    return exp.with_values(changes) if changes else exp


def _compare(exp: Experiment | None = None) -> Experiment:
    return edits.compare_on(exp or _experiment())


class Recorder:
    def __init__(self, *signals):
        self.items = []
        for s in signals:
            s.connect(self.items.append)

    def last(self):
        assert self.items, "nothing was emitted"
        return self.items[-1]


# -- regularization panel ---------------------------------------------------------------------


def test_dropout_slider_emits_set_value(qtbot):
    panel = RegularizationPanel(_experiment())
    qtbot.addWidget(panel)
    got = Recorder(panel.commandRequested)
    panel.dropout_sliders[1].slider.setValue(10)  # position 10 of 20 -> p = 0.5
    panel.flush()
    assert got.last() == SetValue("network.layers.1.dropout_p", 0.5, variant=None)
    assert panel.experiment.network.layers[1].dropout_p == 0.5
    assert panel.dropout_sliders[1].label.text() == "0.50"


def test_dropout_kind_emits_set_value(qtbot):
    panel = RegularizationPanel(_experiment())
    qtbot.addWidget(panel)
    got = Recorder(panel.commandRequested)
    combo = panel.kind_combos[2]
    combo.setCurrentIndex(combo.findData("dropconnect"))
    assert got.last() == SetValue("network.layers.2.dropout_kind", "dropconnect", variant=None)


def test_slider_drag_is_throttled(qtbot):
    panel = RegularizationPanel(_experiment())
    qtbot.addWidget(panel)
    got = Recorder(panel.commandRequested)
    for pos in range(1, 21):
        panel.dropout_sliders[0].slider.setValue(pos)
    assert len(got.items) < 5  # a drag does not flood the trainer
    qtbot.waitUntil(lambda: bool(got.items) and got.last().value == 1.0, timeout=2000)  # the last value arrives


def test_edits_go_to_the_selected_variant(qtbot):
    exp = _compare()
    panel = RegularizationPanel(exp)
    qtbot.addWidget(panel)
    assert panel.variant_combo.isVisibleTo(panel)
    assert panel.variant_combo.count() == 3  # all + 2 variants
    panel.select_variant(0)  # "no regularization": its values are shown
    assert panel.dropout_sliders[0].value() == 0.0
    panel.select_variant(1)
    assert panel.dropout_sliders[0].value() == pytest.approx(0.1)
    got = Recorder(panel.commandRequested)
    panel.dropout_sliders[0].slider.setValue(15)
    panel.flush()
    assert got.last() == SetValue("network.layers.0.dropout_p", 0.75, variant=1)
    resolved = panel.experiment.resolved_variants()
    assert resolved[1].network.layers[0].dropout_p == 0.75
    assert resolved[0].network.layers[0].dropout_p == 0.0
    panel.select_variant(None)
    panel.l2.set_text("0.01")
    assert got.last() == SetValue("regularization.l2_lambda", 0.01, variant=None)


def test_the_differs_mark_follows_edits_that_make_variants_equal(qtbot):
    """After setting every variant to the same value the ≠ mark stayed."""
    panel = RegularizationPanel(load_preset("dropout-regression"))
    qtbot.addWidget(panel)
    panel.show()
    assert "≠" in panel._dropout_labels[0].text() and panel.varies_note.isVisibleTo(panel)
    for i in range(3):  # "all variants" stays selected: every variant gets p = 0.2
        panel.request(f"network.layers.{i}.dropout_p", 0.2)
    assert not any("≠" in label.text() for label in panel._dropout_labels)
    assert not panel.varies_note.isVisibleTo(panel)
    panel.request("network.layers.0.dropout_p", 0.30000000000000004)  # all variants: a slider's float
    panel.select_variant(0)
    panel.request("network.layers.0.dropout_p", 0.3)
    panel.select_variant(None)
    assert "≠" not in panel._dropout_labels[0].text()


def test_p_one_is_accepted_with_a_warning(qtbot):
    panel = RegularizationPanel(_experiment())
    qtbot.addWidget(panel)
    panel.show()
    assert not panel.p_one_note.isVisibleTo(panel)
    panel.request("network.layers.1.dropout_p", 1.0)
    assert panel.experiment.network.layers[1].dropout_p == 1.0
    assert panel.p_one_note.isVisibleTo(panel) and "passes nothing" in panel.p_one_note.text()
    panel.request("network.layers.1.dropout_p", 0.5)
    assert not panel.p_one_note.isVisibleTo(panel)


def test_log_slider_positions_span_1e6_to_10_with_off(qtbot):
    s = LogSlider(1e-6, 10.0)
    qtbot.addWidget(s)
    values = [s.position_to_value(p) for p in range(s.position_count())]
    assert values[0] == 0.0  # the off position
    assert values[1] == pytest.approx(1e-6)
    assert values[-1] == pytest.approx(10.0)
    assert all(b > a for a, b in zip(values, values[1:]))  # strictly increasing
    # equal steps in log10
    logs = [math.log10(v) for v in values[1:]]
    steps = [b - a for a, b in zip(logs, logs[1:])]
    assert max(steps) - min(steps) < 0.03
    for p in range(s.position_count()):
        assert s.value_to_position(s.position_to_value(p)) == p


def test_log_slider_typed_values_round_trip(qtbot):
    s = LogSlider(1e-6, 10.0, typed_maximum=100.0)
    qtbot.addWidget(s)
    got = Recorder(s.valueChanged)
    for v in (1e-6, 3.3e-4, 0.01, 0.123, 2.5, 10.0, 42.0, 0.0):
        s.set_text(repr(v))
        assert s.value() == v
        assert got.last() == v
        assert float(s.edit.text()) == pytest.approx(v, rel=1e-3)
        pos = s.slider.value()
        assert pos == s.value_to_position(v)
    s.set_text("off")
    assert s.value() == 0.0 and s.slider.value() == 0


def test_log_slider_drag_updates_field(qtbot):
    s = LogSlider(1e-6, 10.0)
    qtbot.addWidget(s)
    got = Recorder(s.valueChanged)
    s.slider.setValue(s.value_to_position(1e-3))
    assert got.last() == pytest.approx(1e-3)
    assert s.edit.text() == "0.001"


@pytest.mark.parametrize("text", ["abc", "-1", "1e9", "nan", "inf"])
def test_invalid_typed_values_show_the_problem_and_emit_nothing(qtbot, text):
    panel = RegularizationPanel(_experiment())
    qtbot.addWidget(panel)
    commands = Recorder(panel.commandRequested)
    problems = Recorder(panel.problem)
    panel.l1.set_text(text)
    assert commands.items == []
    assert problems.items and "l1_lambda" in problems.last()
    assert panel.l1.is_invalid()
    assert panel.experiment.regularization.l1_lambda == 0.0
    panel.l1.set_text("0.001")  # corrected: accepted, no longer marked
    assert not panel.l1.is_invalid()
    assert commands.last() == SetValue("regularization.l1_lambda", 0.001, variant=None)


def test_schema_refusal_is_shown_and_nothing_applied(qtbot):
    panel = RegularizationPanel(_compare())
    qtbot.addWidget(panel)
    panel.select_variant(1)
    commands = Recorder(panel.commandRequested)
    problems = Recorder(panel.problem)
    panel.request("early_stopping.patience", 0)  # below the schema's minimum
    assert commands.items == []
    assert "patience" in problems.last()


def test_all_variants_marks_settings_that_differ(qtbot):
    exp = _compare()
    panel = RegularizationPanel(exp)
    qtbot.addWidget(panel)
    assert panel.selected_variant() is None
    assert panel.varies_note.isVisibleTo(panel)
    label = panel._dropout_labels[0]
    assert label.text().endswith("≠") and "no regularization: 0" in label.toolTip()
    assert not panel._dropout_labels[1].text().endswith("≠")  # p = 0 in both variants
    panel.select_variant(1)
    assert not label.text().endswith("≠") and not panel.varies_note.isVisibleTo(panel)


def test_demonstration_settings_live_in_the_data_panel(qtbot):
    exp = Experiment(kind="dropout-scaling")
    data, reg, net = DataPanel(exp), RegularizationPanel(exp), NetworkPanel(exp)
    for w in (data, reg, net):
        qtbot.addWidget(w)
    assert data.demo_box.isVisibleTo(data) and not data.data_box.isVisibleTo(data)
    assert reg.demo_note.isVisibleTo(reg) and not reg.dropout_box.isEnabled()
    assert net.demo_note.isVisibleTo(net) and not net.layers_box.isEnabled()
    got = Recorder(data.experimentEdited)
    data.demo_p.slider.setValue(6)  # p = 0.3, rebuilt once the drag pauses
    qtbot.waitUntil(lambda: bool(got.items) and got.last().demo.dropout_p == pytest.approx(0.3), timeout=2000)
    data.demo_inputs.setValue(100)
    assert got.last().demo.n_inputs == 100
    assert FORMULA_CHARS & set(data.demo_p.toolTip())


def test_early_stopping_controls(qtbot):
    panel = RegularizationPanel(_experiment())
    qtbot.addWidget(panel)
    got = Recorder(panel.commandRequested)
    assert not panel.es_patience.isEnabled()
    panel.es_enabled.setChecked(True)
    assert got.last() == SetValue("early_stopping.enabled", True)
    assert panel.es_patience.isEnabled()
    panel.es_patience.setValue(25)
    assert got.last() == SetValue("early_stopping.patience", 25)
    panel.es_restore.setChecked(False)
    assert got.last() == SetValue("early_stopping.restore_best", False)
    panel.penalize_biases.setChecked(True)
    assert got.last() == SetValue("regularization.penalize_biases", True)


def test_regularization_tooltips_have_formulas(qtbot):
    panel = RegularizationPanel(_experiment())
    qtbot.addWidget(panel)
    controls = [
        panel.l1,
        panel.l2,
        panel.weight_decay,
        panel.penalize_biases,
        panel.es_enabled,
        panel.es_patience,
        panel.es_min_delta,
        panel.es_restore,
        panel.variant_combo,
        *panel.dropout_sliders,
        *panel.kind_combos,
    ]
    for w in controls:
        text = w.toolTip()
        assert len(text) > 30, w
        assert FORMULA_CHARS & set(text), text
    assert "λ·Σw²" in panel.l2.toolTip() and "no ½" in panel.l2.toolTip()
    assert "1/(1−p)" in panel.kind_combos[0].itemData(0, 3)  # ToolTipRole of "inverted"


def test_regularization_readouts_from_snapshot(qtbot):
    from tests.gui.fake_snapshot import make_snapshot

    panel = RegularizationPanel(_compare())
    qtbot.addWidget(panel)
    panel.update_snapshot(make_snapshot("regression", n_variants=2, step=300))
    assert "penalty" in panel.penalty_readout.text()


# -- network panel -----------------------------------------------------------------------------


def test_add_remove_and_move_layers(qtbot):
    panel = NetworkPanel(_experiment())
    qtbot.addWidget(panel)
    got = Recorder(panel.experimentEdited)
    panel.add_button.click()
    exp = got.last()
    assert [layer.width for layer in exp.network.layers] == [16, 8, 4, 4]
    assert len(panel.rows) == 4
    panel.rows[0].remove.click()
    exp = got.last()
    assert [layer.width for layer in exp.network.layers] == [8, 4, 4]
    panel.rows[1].up.click()  # the 4-wide layer with p = 0.3 moves up
    exp = got.last()
    assert [(layer.width, layer.dropout_p) for layer in exp.network.layers] == [(4, 0.3), (8, 0.0), (4, 0.3)]
    assert not panel.rows[0].up.isEnabled() and not panel.rows[-1].down.isEnabled()


def test_width_and_activation_edits(qtbot):
    panel = NetworkPanel(_experiment())
    qtbot.addWidget(panel)
    got = Recorder(panel.experimentEdited)
    panel.rows[1].width.setValue(64)
    assert got.last().network.layers[1].width == 64
    combo = panel.rows[0].activation
    combo.setCurrentIndex(combo.findData("gelu"))
    assert got.last().network.layers[0].activation == "gelu"
    assert got.last().network.layers[1].width == 64


def test_layer_edits_keep_variant_overrides_in_step():
    exp = edits.compare_on(_experiment())
    moved = edits.move_layer(exp, 0, +1)
    assert moved.resolved_variants()[1].network.layers[1].dropout_p == pytest.approx(0.1)
    removed = edits.remove_layer(exp, 0)
    assert all(not p.startswith("network.layers.2") for v in removed.variants for p in v.set)
    assert len(removed.resolved_variants()) == 2


def test_a_new_layer_keeps_each_variants_meaning():
    """Adding a layer gave the "p = 0" variant dropout 0.5 in the new layer (the base's p): the
    variants' overrides did not cover it, so the comparison changed silently."""
    exp = load_preset("dropout-regression")
    grown = edits.add_layer(exp)
    assert [[layer.dropout_p for layer in v.network.layers] for v in grown.resolved_variants()] == [
        [0.0] * 4,
        [0.5] * 4,
    ]
    dc = load_preset("dropconnect")
    kinds = [[layer.dropout_kind for layer in v.network.layers] for v in edits.add_layer(dc).resolved_variants()]
    assert kinds == [["inverted"] * 3, ["dropconnect"] * 3]
    # a base without variants is unchanged: the new layer copies the last one
    single = edits.add_layer(load_preset("early-stopping"))
    assert len(single.network.layers) == 4 and single.variants == []


def test_compare_mode_creates_two_variants_and_removes_them(qtbot):
    panel = NetworkPanel(_experiment())
    qtbot.addWidget(panel)
    got = Recorder(panel.experimentEdited)
    assert not panel.variant_list.isVisibleTo(panel)
    panel.compare_check.setChecked(True)
    exp = got.last()
    assert [v.name for v in exp.variants] == ["no regularization", "regularized"]
    none, reg = exp.resolved_variants()
    assert all(layer.dropout_p == 0 for layer in none.network.layers)
    assert none.regularization.l1_lambda == none.regularization.l2_lambda == 0
    assert [layer.dropout_p for layer in reg.network.layers] == [0.1, 0.0, 0.3]  # the current settings
    assert panel.variant_list.count() == 2 and panel.variant_list.isVisibleTo(panel)
    assert "|" in panel.rows[0].dropout.text()  # both variants' p shown compactly
    panel.add_variant_button.click()
    assert len(got.last().variants) == 3
    panel.variant_list.setCurrentRow(2)
    panel.remove_variant_button.click()
    assert len(got.last().variants) == 2
    edited = len(got.items)
    commands = Recorder(panel.commandRequested)
    panel.variant_list.item(0).setText("baseline")  # what editing the list's item does
    assert len(got.items) == edited  # a new name is no new model: nothing to rebuild
    assert (commands.last().path, commands.last().value, commands.last().variant) == ("name", "baseline", 0)
    assert panel.experiment.variants[0].name == "baseline"
    panel.compare_check.setChecked(False)
    assert got.last().variants == []


def test_compare_mode_without_regularization_gets_dropout():
    exp = Experiment()
    on = edits.compare_on(exp)
    assert all(layer.dropout_p == 0.5 for layer in on.resolved_variants()[1].network.layers)


def test_duplicate_variant_name_is_refused(qtbot):
    panel = NetworkPanel(_compare())
    qtbot.addWidget(panel)
    got = Recorder(panel.experimentEdited)
    problems = Recorder(panel.problem)
    commands = Recorder(panel.commandRequested)
    panel.rename_variant(1, "no regularization")
    assert got.items == [] and commands.items == []
    assert "unique" in problems.last()
    assert panel.variant_list.item(1).text() == "regularized"


def test_network_tooltips(qtbot):
    panel = NetworkPanel(_experiment())
    qtbot.addWidget(panel)
    for w in (
        panel.rows[0].width,
        panel.rows[0].activation,
        panel.rows[0].dropout,
        panel.compare_check,
        panel.add_button,
    ):
        assert FORMULA_CHARS & set(w.toolTip()), w.toolTip()


def test_network_shape_readout(qtbot):
    from tests.gui.fake_snapshot import make_snapshot

    panel = NetworkPanel(_experiment())
    qtbot.addWidget(panel)
    snap = make_snapshot("regression", n_variants=1)
    panel.update_snapshot(snap)
    assert "parameters" in panel.shape_label.text()


# -- data panel --------------------------------------------------------------------------------


def test_learning_rate_and_momentum_are_live(qtbot):
    panel = DataPanel(_experiment())
    qtbot.addWidget(panel)
    commands = Recorder(panel.commandRequested)
    rebuilds = Recorder(panel.experimentEdited)
    panel.lr.set_text("0.05")
    panel.flush()
    assert commands.last() == SetValue("optimizer.lr", 0.05)
    panel.momentum.slider.setValue(90)
    panel.flush()
    assert commands.last() == SetValue("optimizer.momentum", 0.9)
    assert rebuilds.items == []


def test_learning_rate_zero_is_refused(qtbot):
    panel = DataPanel(_experiment())
    qtbot.addWidget(panel)
    commands = Recorder(panel.commandRequested)
    problems = Recorder(panel.problem)
    panel.lr.set_text("0")
    assert commands.items == [] and "optimizer.lr" in problems.last()


def test_structural_data_edits(qtbot):
    panel = DataPanel(_experiment())
    qtbot.addWidget(panel)
    got = Recorder(panel.experimentEdited)
    panel.batch_size.setValue(5)
    assert got.last().training.batch_size == 5
    panel.batch_size.setValue(0)
    assert got.last().training.batch_size is None and panel.batch_size.text() == "full batch"
    panel.noise.setValue(0.25)
    assert got.last().dataset.noise == 0.25
    panel.n_train.setValue(40)
    assert got.last().dataset.n_train == 40
    seed = got.last().dataset.seed
    panel.regenerate_button.click()
    assert got.last().dataset.seed == seed + 1
    panel.optimizer_kind.setCurrentIndex(panel.optimizer_kind.findData("adam"))
    assert got.last().optimizer.kind == "adam"
    assert not panel.momentum.isEnabled()
    panel.epochs.setValue(77)
    panel.seed.setValue(3)
    panel.eval_every.setValue(5)
    panel.device.setCurrentIndex(panel.device.findData("cpu"))
    t = got.last().training
    assert (t.epochs, t.seed, t.eval_every, t.device) == (77, 3, 5, "cpu")
    kinds = [panel.dataset_kind.itemData(i) for i in range(panel.dataset_kind.count())]
    from typing import get_args

    from explorer.core.config import DatasetKind

    assert set(kinds) == set(get_args(DatasetKind))


def test_file_dataset_waits_for_a_path(qtbot, tmp_path, monkeypatch):
    panel = DataPanel(_experiment())
    qtbot.addWidget(panel)
    got = Recorder(panel.experimentEdited)
    problems = Recorder(panel.problem)
    panel.dataset_kind.setCurrentIndex(panel.dataset_kind.findData("csv"))
    assert got.items == [] and "csv" in problems.last()
    assert panel.path_edit.isVisibleTo(panel)
    csv = tmp_path / "points.csv"
    csv.write_text("x,y\n1,0\n2,1\n")
    from PySide6.QtWidgets import QFileDialog

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(csv), "")))
    panel.browse_button.click()
    exp = got.last()
    assert exp.dataset.kind == "csv" and exp.dataset.path == str(csv)
    assert panel.validation_fraction.isVisibleTo(panel) and not panel.noise.isVisibleTo(panel)


def test_invalid_structural_edit_is_refused(qtbot):
    exp = _experiment().with_values({"optimizer.nesterov": True, "optimizer.momentum": 0.9})
    panel = DataPanel(exp)
    qtbot.addWidget(panel)
    got = Recorder(panel.experimentEdited, panel.commandRequested)
    problems = Recorder(panel.problem)
    panel.momentum.slider.setValue(0)  # nesterov needs momentum > 0
    panel.flush()
    assert got.items == [] and "nesterov" in problems.last()
    assert panel.momentum.value() == pytest.approx(0.9)


def test_data_tooltips(qtbot):
    panel = DataPanel(_experiment())
    qtbot.addWidget(panel)
    for w in (
        panel.lr,
        panel.momentum,
        panel.batch_size,
        panel.noise,
        panel.n_train,
        panel.epochs,
        panel.seed,
        panel.optimizer_kind,
    ):
        assert FORMULA_CHARS & set(w.toolTip()), w.toolTip()


def test_device_readout(qtbot):
    from tests.gui.fake_snapshot import make_snapshot

    panel = DataPanel(_experiment(**{"training.device": "cuda"}))
    qtbot.addWidget(panel)
    panel.update_snapshot(make_snapshot("regression", n_variants=1))
    assert "in use" in panel.device_readout.text()


# -- settings ------------------------------------------------------------------------------------


def test_settings_round_trip(tmp_path, monkeypatch):
    from explorer.gui.settings import Settings

    monkeypatch.setenv("EXPLORER_CONFIG_DIR", str(tmp_path / "cfg"))
    s = Settings()
    assert s.path == tmp_path / "cfg" / "settings.json"
    s.set_bytes("window/state", b"\x00\x01binary")
    s.language = "zh_CN"
    s.add_recent_file(tmp_path / "a.toml")
    s.add_recent_file(tmp_path / "b.toml")
    s.add_recent_file(tmp_path / "a.toml")
    assert s.save()
    t = Settings()
    assert t.get_bytes("window/state") == b"\x00\x01binary"
    assert t.language == "zh_CN"
    assert [p.endswith(n) for p, n in zip(t.recent_files, ("a.toml", "b.toml"))] == [True, True]
    s.path.write_text("{ not json")
    assert Settings().get("anything") is None  # a corrupt file is ignored


def test_seeds_per_variant_rebuild_with_replicates(qtbot):
    panel = DataPanel(_experiment())
    qtbot.addWidget(panel)
    rebuilds = Recorder(panel.experimentEdited)
    assert panel.replicates.value() == 1 and panel.field_widgets["training.replicates"] is panel.replicates
    panel.replicates.setValue(3)
    assert rebuilds.last().training.replicates == 3
    assert "seed" in panel.replicates.toolTip()
    panel.set_experiment(_experiment().with_values({"training.replicates": 5}))
    assert panel.replicates.value() == 5
