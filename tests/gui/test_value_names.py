"""A variant named for its value ("p = 0.5") is renamed when the value changes; one that only mentions
the value is offered a new name; the runs keep training under it."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

from explorer.core.config import VARIANT_NAME, Experiment, apply_live_value, load_preset
from explorer.core.protocol import SetValue
from explorer.gui.panels import RegularizationPanel
from explorer.gui.panels.value_names import short_e, stale_names


def _changed(preset: str, values: dict, variant=None) -> tuple[Experiment, Experiment]:
    before = load_preset(preset)
    after = before
    for path, value in values.items():
        after = apply_live_value(after, path, value, variant)
    return before, after


def _renames(preset: str, values: dict, variant=None) -> list[tuple[str, str, bool]]:
    return [(r.old, r.new, r.automatic) for r in stale_names(*_changed(preset, values, variant))]


ALL_P = {f"network.layers.{i}.dropout_p": 0.85 for i in range(3)}


@pytest.mark.parametrize(
    "preset, values, variant, expected",
    [
        ("dropout-regression", ALL_P, 1, [("p = 0.5", "p = 0.85", True)]),
        ("dropout-regression", {"network.layers.0.dropout_p": 0.85}, 1, [("p = 0.5", "p = 0.85 / 0.5 / 0.5", True)]),
        ("dropout-mlp", {"network.layers.0.dropout_p": 0.3}, 1, [("dropout 0.2 / 0.5", "dropout 0.3 / 0.5", True)]),
        ("l1-vs-l2", {"regularization.l2_lambda": 0.002}, 2, [("L2 1e-3", "L2 2e-3", True)]),
        ("l1-vs-l2", {"regularization.l2_lambda": 0.002}, 3, []),  # "L1 + L2" states no value
        (
            "weight-decay-quadratic",
            {"regularization.l2_lambda": 0.003},
            1,
            [("L2 lambda = 0.002", "L2 lambda = 0.003", True)],
        ),
        ("dropout-mlp-swap", {"network.layers.0.dropout_p": 0.3}, 0, [("0.2 then 0.5", "0.3 then 0.5", False)]),
        (
            "sweep-dropout-weight-decay",
            {"regularization.l2_lambda": 0.002},
            3,
            [("dropout 0.5 + L2 1e-3", "dropout 0.5 + L2 2e-3", False)],
        ),
        (
            "sweep-dropout-weight-decay",
            {"network.layers.0.dropout_p": 0.8},
            3,
            [("dropout 0.5 + L2 1e-3", "dropout 0.8 / 0.5 + L2 1e-3", False)],
        ),
        # "lambda = 0" states the L2, not the dropout p that changed from 0
        ("sweep-data-or-regularization", {"optimizer.lr": 0.5}, None, []),
        ("dropout-vs-weight-decay", {"network.layers.0.dropout_p": 0.3}, 2, []),  # "L2 1e-4": p is not in it
    ],
)
def test_value_names_follow_their_value(preset, values, variant, expected) -> None:
    assert _renames(preset, values, variant) == expected


def test_a_number_labelled_for_another_setting_is_left_alone() -> None:
    exp = Experiment().with_values(
        {
            "network.layers": [{"width": 8, "dropout_p": 0.0}],
            "variants": [{"name": "lambda = 0", "set": {}}, {"name": "variant 2", "set": {}}],
        }
    )
    after = apply_live_value(exp, "network.layers.0.dropout_p", 0.3)  # every variant's p: 0 -> 0.3
    assert stale_names(exp, after) == []
    after = apply_live_value(exp, "regularization.l2_lambda", 0.5)  # L2: 0 -> 0.5
    assert [(r.new, r.automatic) for r in stale_names(exp, after)] == [("lambda = 0.5", True)]


def test_two_variants_renamed_to_the_same_value_stay_apart() -> None:
    before, after = _changed("dropout-regression", {f"network.layers.{i}.dropout_p": 0.3 for i in range(3)})
    assert [r.new for r in stale_names(before, after)] == ["p = 0.3", "p = 0.3 (2)"]


def test_short_e_notation() -> None:
    assert [short_e(x) for x in (0.002, 1.5e-4, 0.00099999999, 0.0, 12.0)] == ["2e-3", "1.5e-4", "1e-3", "0", "1.2e1"]


def _panel(qtbot, preset: str, variant: int) -> tuple[RegularizationPanel, list]:
    """The preset's Regularization panel, shown, with `variant` selected; and the commands it sends."""
    panel = RegularizationPanel(load_preset(preset))
    qtbot.addWidget(panel)
    panel.show()
    sent: list = []
    panel.commandRequested.connect(sent.append)
    panel.select_variant(variant)
    return panel, sent


def test_the_panel_renames_a_value_named_variant_after_the_edit(qtbot) -> None:
    """dropout-regression, variant "p = 0.5", p -> 0.85 on every layer: the name follows, live."""
    panel, sent = _panel(qtbot, "dropout-regression", 1)
    for i in range(3):
        panel.dropout_sliders[i].slider.setValue(17)  # position 17 of 20: p = 0.85 (a float near it)
    panel.flush()
    assert panel.experiment.variant_names() == ["p = 0", "p = 0.85"]
    assert sent[-1] == SetValue(VARIANT_NAME, "p = 0.85", variant=1)
    assert panel.variant_combo.currentText() == "p = 0.85" and panel.selected_variant() == 1
    assert not panel.renamer.offer.isVisibleTo(panel)
    # setting it back names it back
    for i in range(3):
        panel.request(f"network.layers.{i}.dropout_p", 0.5)
    qtbot.waitUntil(lambda: panel.experiment.variant_names() == ["p = 0", "p = 0.5"], timeout=3000)


def test_the_panel_offers_a_name_it_cannot_be_sure_of(qtbot) -> None:
    panel, sent = _panel(qtbot, "dropout-mlp-swap", 0)
    panel.request("network.layers.0.dropout_p", 0.3)
    panel.flush()
    offer = panel.renamer.offer
    assert offer.isVisibleTo(panel) and "“0.3 then 0.5”" in offer.label.text()
    assert panel.experiment.variant_names() == ["0.2 then 0.5", "0.5 then 0.2"]  # nothing renamed unasked
    offer.rename_button.click()
    assert panel.experiment.variant_names() == ["0.3 then 0.5", "0.5 then 0.2"]
    assert sent[-1] == SetValue(VARIANT_NAME, "0.3 then 0.5", variant=0)
    assert not offer.isVisibleTo(panel)
    # "keep" keeps it
    panel.request("network.layers.1.dropout_p", 0.6)
    panel.flush()
    assert offer.isVisibleTo(panel)
    offer.keep_button.click()
    assert not offer.isVisibleTo(panel) and panel.experiment.variant_names()[0] == "0.3 then 0.5"


def test_in_the_window_the_run_goes_on_under_the_new_name(qtbot) -> None:
    """The rename is a live edit: the trainer keeps its step count and the legends read the new name."""
    from tests.gui.windows import close_window, open_window, tiny_run

    exp = tiny_run(
        variants=[
            {"name": "p = 0", "set": {"network.layers.0.dropout_p": 0.0}},
            {"name": "p = 0.2", "set": {"network.layers.0.dropout_p": 0.2, "network.layers.1.dropout_p": 0.2}},
        ]
    )
    window = open_window(qtbot, exp)
    try:
        window.start(play=True)
        qtbot.waitUntil(
            lambda: window.painted_snapshot is not None and window.painted_snapshot.step > 20, timeout=20_000
        )
        generation = window.painted_snapshot.generation
        panel = window.regularization_panel
        panel.select_variant(1)
        panel.request("network.layers.0.dropout_p", 0.85)
        panel.request("network.layers.1.dropout_p", 0.85)
        panel.flush()
        assert window.experiment.variant_names() == ["p = 0", "p = 0.85"]
        assert window.network_panel.variant_list.item(1).text() == "p = 0.85"
        step = window.painted_snapshot.step
        qtbot.waitUntil(
            lambda: [v.name for v in window.painted_snapshot.variants] == ["p = 0", "p = 0.85"], timeout=20_000
        )
        assert window.painted_snapshot.generation == generation and window.painted_snapshot.step >= step  # not rebuilt
        assert "renamed" in window.statusBar().currentMessage()
    finally:
        close_window(window)


def test_a_variant_renamed_by_hand_in_the_network_panel_trains_on(qtbot) -> None:
    """Editing a name in the Network panel's variant list is a live edit too: same run, new name."""
    from tests.gui.windows import close_window, open_window, tiny_run

    exp = tiny_run(
        variants=[
            {"name": "none", "set": {"network.layers.0.dropout_p": 0.0}},
            {"name": "some", "set": {"network.layers.0.dropout_p": 0.2}},
        ]
    )
    window = open_window(qtbot, exp)
    try:
        window.start(play=True)
        qtbot.waitUntil(
            lambda: window.painted_snapshot is not None and window.painted_snapshot.step > 20, timeout=20_000
        )
        generation, step = window.painted_snapshot.generation, window.painted_snapshot.step
        window.network_panel.variant_list.item(1).setText("  dropout 0.2 ")  # as typed, spaces and all
        assert window.experiment.variant_names() == ["none", "dropout 0.2"]
        combo = window.regularization_panel.variant_combo
        assert combo.itemText(combo.findData(1)) == "dropout 0.2"
        qtbot.waitUntil(
            lambda: [v.name for v in window.painted_snapshot.variants] == ["none", "dropout 0.2"], timeout=20_000
        )
        assert window.painted_snapshot.generation == generation and window.painted_snapshot.step >= step
        assert window.statusBar().currentMessage() == "variant “some” renamed to “dropout 0.2”"
        window.network_panel.variant_list.item(1).setText("none")  # a duplicate is refused, nothing changes
        assert window.experiment.variant_names() == ["none", "dropout 0.2"]
        assert window.network_panel.variant_list.item(1).text() == "dropout 0.2"
    finally:
        close_window(window)
