"""Every main control can be reached and worked from the keyboard alone.

A teacher at a lectern (or anyone without a mouse) drives the app with keys: the documented
shortcuts belong to real actions (Space play/pause, S step, R reset, ...), the menus open with
Alt+letter, Tab walks every panel control top to bottom and around again without getting stuck,
and the arrow keys move the regularization sliders, which the trainer then uses.
"""

from __future__ import annotations

import json
import re

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QWidget

from explorer.core.config import Experiment

WAIT_MS = 60_000  # the first run imports torch and builds an optimiser: seconds on a slow box
MAX_TABS = 200  # far more stops than the window has: a chain that does not come back is stuck


def keyboard_run() -> Experiment:
    """Two hidden layers (dropout 0.2 on the first), no penalties: every slider has room both ways."""
    return Experiment.model_validate(
        {
            "meta": {"title": "Keyboard", "lesson": "Only keys."},
            "dataset": {"kind": "linear", "n_train": 10, "n_val": 10, "n_test": 10, "noise": 0.5},
            "network": {"layers": [{"width": 16, "dropout_p": 0.2}, {"width": 16}]},
            "optimizer": {"kind": "sgd", "lr": 0.01, "momentum": 0.9},
            "training": {"epochs": 1_000_000, "eval_every": 5, "seed": 0, "device": "cpu"},
        }
    )


@pytest.fixture
def window(qtbot):
    from explorer.gui.host import TrainerHost
    from explorer.gui.main_window import MainWindow

    host = TrainerHost(mode="thread")
    win = MainWindow(host=host, experiment=keyboard_run())
    win.resize(1280, 720)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    yield win
    for menu in win.menuBar().findChildren(QWidget):
        if menu.isWindow() and menu.isVisible():
            menu.close()
    win.close()  # stops and joins the trainer thread, saves settings
    host.shutdown()  # idempotent
    win.deleteLater()


# --- helpers -------------------------------------------------------------------------------------


def focus(qtbot, widget: QWidget) -> None:
    widget.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is widget, timeout=2000)


def press(qtbot, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """Press `key` where the keyboard focus is, as a person would."""
    target = QApplication.focusWidget()
    assert target is not None, "nothing has the keyboard focus"
    qtbot.keyClick(target, key, modifier)


def tab_chain(qtbot, start: QWidget, key: Qt.Key = Qt.Key.Key_Tab) -> list[QWidget]:
    """The widgets Tab (or Backtab) visits from `start` until it is back at `start`."""
    focus(qtbot, start)
    chain = [start]
    for _ in range(MAX_TABS):
        before = QApplication.focusWidget()
        press(qtbot, key)
        now = QApplication.focusWidget()
        assert now is not None, f"{key.name} left nothing focused after {type(before).__name__}"
        assert now is not before, f"{key.name} is stuck on {type(before).__name__} {describe(before)!r}"
        if now is start:
            return chain
        chain.append(now)
    raise AssertionError(
        f"{key.name} did not come back to the first control in {MAX_TABS} presses: "
        + ", ".join(describe(w) for w in chain[-20:])
    )


def describe(widget: QWidget) -> str:
    text = widget.text() if hasattr(widget, "text") and callable(widget.text) else ""
    return f"{type(widget).__name__}({text})" if text else type(widget).__name__


def painted_json(win) -> dict:
    return json.loads(win.painted_snapshot.experiment_json)


def start_paused(qtbot, win) -> None:
    win.start(play=False)
    qtbot.waitUntil(lambda: win.state == "paused" and win.painted_snapshot is not None, timeout=WAIT_MS)


def documented_shortcuts(win) -> list[str]:
    """The key column of Help > Keyboard shortcuts, e.g. ["Space", "S", ..., "F5 / Ctrl+P", "Tab"]."""
    box = win.show_shortcuts()
    try:
        return re.findall(r"<b>(.*?)</b>", box.text())
    finally:
        box.close()


# --- shortcuts and menus ---------------------------------------------------------------------------


def test_run_keys_are_window_wide_shortcuts(window):
    expected = {window.play_action: "Space", window.step_action: "S", window.reset_action: "R"}
    for action, key in expected.items():
        assert action.shortcut() == QKeySequence(key), action.text()
        # on the window itself, so the key works wherever the focus is, not only in the Run menu
        assert action in window.actions()
        assert f"({key})" in action.toolTip()


def test_every_documented_shortcut_belongs_to_an_action(window):
    keys = documented_shortcuts(window)
    assert {"Space", "S", "R", "Ctrl+O", "Ctrl+S", "Ctrl+E", "Ctrl+Q"} <= set(keys)
    actions = [a for a in window.findChildren(QAction) if a.isEnabled()]
    owned = {s.toString(): a for a in actions for s in a.shortcuts()}
    for cell in keys:
        for key in (k.strip() for k in cell.split("/")):
            if key == "Tab":  # focus movement: Qt's own, tested below
                continue
            assert QKeySequence(key).toString() in owned, f"documented {key!r} has no action"
    assert owned["Space"] is window.play_action
    assert owned["S"] is window.step_action
    assert owned["R"] is window.reset_action
    assert owned["F5"] is owned["Ctrl+P"] is window.looks.presentation_action


def test_menus_have_distinct_mnemonics(window):
    titles = [a.text() for a in window.menuBar().actions() if a.isVisible()]
    letters = []
    for title in titles:
        match = re.search(r"&(\w)", title)
        assert match, f"menu {title!r} cannot be opened with Alt+letter"
        letters.append(match.group(1).lower())
    assert len(letters) == len(set(letters)), titles
    assert {"f", "r", "v", "h"} <= set(letters)


def test_alt_r_opens_the_run_menu_and_return_plays(qtbot, window):
    start_paused(qtbot, window)
    run_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Run")
    focus(qtbot, window.regularization_panel.dropout_sliders[0].slider)
    press(qtbot, Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(run_menu.isVisible, timeout=2000)
    assert run_menu.actions()[0] is window.play_action
    qtbot.waitUntil(lambda: run_menu.activeAction() is window.play_action, timeout=2000)
    qtbot.keyClick(run_menu, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.state == "running", timeout=WAIT_MS)
    assert not run_menu.isVisible()


def test_space_s_and_r_from_a_focused_slider(qtbot, window):
    start_paused(qtbot, window)
    slider = window.regularization_panel.dropout_sliders[0].slider
    focus(qtbot, slider)
    position = slider.value()
    press(qtbot, Qt.Key.Key_S)
    qtbot.waitUntil(lambda: window.painted_snapshot.step == 1, timeout=WAIT_MS)
    press(qtbot, Qt.Key.Key_S)
    qtbot.waitUntil(lambda: window.painted_snapshot.step == 2, timeout=WAIT_MS)
    assert window.state == "paused"
    generation = window.painted_snapshot.generation
    press(qtbot, Qt.Key.Key_R)
    qtbot.waitUntil(
        lambda: window.painted_snapshot is not None and window.painted_snapshot.generation > generation, timeout=WAIT_MS
    )
    assert window.painted_snapshot.step == 0 and window.state == "paused"
    press(qtbot, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: window.state == "running", timeout=WAIT_MS)
    qtbot.waitUntil(lambda: window.painted_snapshot.step > 0, timeout=WAIT_MS)
    press(qtbot, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: window.state == "paused", timeout=WAIT_MS)
    # none of these keys moved the slider that had the focus
    assert QApplication.focusWidget() is slider and slider.value() == position


# --- Tab ---------------------------------------------------------------------------------------------


def test_tab_walks_every_panel_control_and_comes_back(qtbot, window):
    reg, net, data = window.regularization_panel, window.network_panel, window.data_panel
    first = net.layers_box.header  # the first control of the first panel
    chain = tab_chain(qtbot, first)
    wanted = {
        "layer 1 width": net.rows[0].width,
        "layer 1 activation": net.rows[0].activation,
        "add hidden layer": net.add_button,
        "compare mode": net.compare_check,
        "dropout p, layer 1": reg.dropout_sliders[0].slider,
        "dropout kind, layer 1": reg.kind_combos[0],
        "dropout p, layer 2": reg.dropout_sliders[1].slider,
        "dropout kind, layer 2": reg.kind_combos[1],
        "L1 slider": reg.l1.slider,
        "L1 field": reg.l1.edit,
        "L2 slider": reg.l2.slider,
        "L2 field": reg.l2.edit,
        "weight decay slider": reg.weight_decay.slider,
        "weight decay field": reg.weight_decay.edit,
        "penalise biases": reg.penalize_biases,
        "early stopping": reg.es_enabled,
    }
    missing = [name for name, widget in wanted.items() if widget not in chain]
    assert not missing, f"Tab never reaches {missing}"
    # the data & optimiser panel (a tab behind Regularization) is reached too
    assert any(data.isAncestorOf(w) for w in chain)
    # top to bottom within the regularization panel: dropout rows, then the penalties in order
    order = [
        chain.index(wanted[name])
        for name in (
            "dropout p, layer 1",
            "dropout p, layer 2",
            "L1 slider",
            "L2 slider",
            "weight decay slider",
            "penalise biases",
            "early stopping",
        )
    ]
    assert order == sorted(order), order
    assert len(chain) == len(set(map(id, chain))), "a control is visited twice in one round"


def test_shift_tab_walks_the_same_round_backwards(qtbot, window):
    first = window.network_panel.layers_box.header
    forward = tab_chain(qtbot, first)
    backward = tab_chain(qtbot, first, Qt.Key.Key_Backtab)
    assert backward == [first] + forward[:0:-1]


def test_tab_reaches_the_play_button(qtbot, window):
    play_button = window.toolbar.widgetForAction(window.play_action)
    chain = tab_chain(qtbot, window.network_panel.layers_box.header)
    assert play_button in chain


# --- arrow keys on the sliders -------------------------------------------------------------------------


def test_arrow_keys_move_the_sliders_and_the_trainer_uses_the_values(qtbot, window):
    reg = window.regularization_panel
    start_paused(qtbot, window)
    dropout1, dropout2 = reg.dropout_sliders[0], reg.dropout_sliders[1]

    focus(qtbot, dropout1.slider)
    press(qtbot, Qt.Key.Key_Right)  # 0.20 -> 0.25
    assert dropout1.value() == pytest.approx(0.25) and dropout1.label.text() == "0.25"
    focus(qtbot, dropout2.slider)
    press(qtbot, Qt.Key.Key_Up)
    press(qtbot, Qt.Key.Key_Up)  # 0 -> 0.10
    press(qtbot, Qt.Key.Key_Left)  # -> 0.05
    assert dropout2.value() == pytest.approx(0.05)

    expected = {}
    for name, slider, keys in (
        ("l1_lambda", reg.l1, [Qt.Key.Key_Right]),  # off -> 1e-6
        ("l2_lambda", reg.l2, [Qt.Key.Key_Right, Qt.Key.Key_PageUp]),  # -> 1e-5
        ("weight_decay", reg.weight_decay, [Qt.Key.Key_PageUp, Qt.Key.Key_Right]),
    ):
        focus(qtbot, slider.slider)
        for key in keys:
            press(qtbot, key)
        value = slider.position_to_value(slider.slider.value())
        assert value > 0 and slider.value() == value, name
        assert slider.edit.text() == f"{value:.3g}", name  # the typed field follows
        expected[name] = value
    assert expected["l1_lambda"] == pytest.approx(1e-6)
    assert expected["l2_lambda"] == pytest.approx(1e-5)

    reg.flush()  # throttled drags: the last value now
    for exp in (window.experiment, window.host.experiment):
        assert [layer.dropout_p for layer in exp.network.layers] == pytest.approx([0.25, 0.05])
        for name, value in expected.items():
            assert getattr(exp.regularization, name) == pytest.approx(value), name

    # one step (S, the focus still on a slider): the trainer's own copy has the new values
    press(qtbot, Qt.Key.Key_S)
    qtbot.waitUntil(lambda: window.painted_snapshot.step == 1, timeout=WAIT_MS)
    trained = painted_json(window)
    assert [layer["dropout_p"] for layer in trained["network"]["layers"]] == pytest.approx([0.25, 0.05])
    for name, value in expected.items():
        assert trained["regularization"][name] == pytest.approx(value), name
    # the network panel shows the new p (dropout is edited live, not by a rebuild)
    assert "0.25" in window.network_panel.rows[0].dropout.text()
    assert window.state == "paused"


def test_arrow_keys_on_a_slider_stop_at_its_ends(qtbot, window):
    reg = window.regularization_panel
    focus(qtbot, reg.l2.slider)
    press(qtbot, Qt.Key.Key_Left)  # already off: stays off
    assert reg.l2.value() == 0 and reg.l2.slider.value() == 0
    press(qtbot, Qt.Key.Key_End)
    assert reg.l2.value() == pytest.approx(reg.l2.maximum)
    reg.flush()
    assert window.experiment.regularization.l2_lambda == pytest.approx(reg.l2.maximum)
    press(qtbot, Qt.Key.Key_Home)
    reg.flush()
    assert reg.l2.value() == 0 and window.experiment.regularization.l2_lambda == 0


# --- Space on a focused button or check box is that control's, not Play -----------------------------------


@pytest.mark.parametrize("control", ["penalise biases", "compare mode", "early stopping"])
def test_space_toggles_a_focused_check_box(qtbot, window, control):
    box = {
        "penalise biases": window.regularization_panel.penalize_biases,
        "compare mode": window.network_panel.compare_check,
        "early stopping": window.regularization_panel.es_enabled,
    }[control]
    focus(qtbot, box)
    checked = box.isChecked()
    press(qtbot, Qt.Key.Key_Space)
    assert box.isChecked() != checked
    assert window.state != "running"


def test_space_presses_a_focused_push_button(qtbot, window):
    net = window.network_panel
    layers = len(net.rows)
    focus(qtbot, net.add_button)
    press(qtbot, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: len(window.network_panel.rows) == layers + 1, timeout=5000)
    assert window.state != "running"
    focus(qtbot, window.toolbar.widgetForAction(window.play_action))
    press(qtbot, Qt.Key.Key_Space)  # the focused Play button plays, as Space does anywhere
    qtbot.waitUntil(lambda: window.state == "running", timeout=30000)


def test_ctrl_e_exports_figures_while_a_number_box_has_the_focus(qtbot, window, monkeypatch):
    """A spin box's line edit took Ctrl+E (end of line) and File ▸ Export figures did nothing."""
    opened = []
    window.export_figures_action.triggered.disconnect()
    window.export_figures_action.triggered.connect(lambda *_: opened.append(QApplication.focusWidget()))
    box = window.regularization_panel.es_patience
    box.setEnabled(True)
    focus(qtbot, box)
    press(qtbot, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: len(opened) == 1, timeout=2000)
    slider = window.regularization_panel.dropout_sliders[0].slider
    focus(qtbot, slider)
    press(qtbot, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)  # and from anywhere else, as before
    qtbot.waitUntil(lambda: len(opened) == 2, timeout=2000)
