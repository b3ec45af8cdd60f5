"""Restless hands: thousands of random UI actions on a training window, then the trainer, the
host and the panels must agree on the experiment.

A seeded RNG drives the widgets as a person does (slider moves on every
regularization control, typed values, play/pause/step/reset, adding, removing
and moving layers, widths and activations, dataset, optimiser and device
changes, compare mode on/off and variants, opening presets) while the trainer
trains, in a thread of the window's process and in the app's child process.
Events are processed between actions. Any exception in a Qt slot (pytest-qt),
in sys.excepthook or in the trainer thread, or a trainer process that dies, fails
the test; a deadlock ends in pytest-timeout.
"""

from __future__ import annotations

import json
import math
import os
import random
import sys
import threading
import time
from typing import Any, Callable

import pytest

pytest.importorskip("PySide6")

from PySide6.QtWidgets import QApplication

from explorer.core.config import Experiment, parse_experiment
from explorer.core.protocol import RequestSnapshot

ACTIONS = int(os.environ.get("EXPLORER_RESTLESS_ACTIONS", "2000"))
SEED = int(os.environ.get("EXPLORER_RESTLESS_SEED", "20240611"))
MAX_LAYERS = 4  # a person could add twelve; four keeps the nets (and this test) small
PRESETS = [
    "dropout-regression",
    "early-stopping",
    "l1-vs-l2",
    "weight-decay-quadratic",
    "dropout-mlp",
    "weight-decay-highdim",
    "dropout-scaling",
    "gaussian-dropout",
    "dropconnect",
]


def start_experiment() -> Experiment:
    return Experiment.model_validate(
        {
            "dataset": {"kind": "sine", "n_train": 20, "n_val": 10, "n_test": 10, "noise": 0.3},
            "network": {"layers": [{"width": 8, "dropout_p": 0.2}, {"width": 6}]},
            "optimizer": {"kind": "sgd", "lr": 0.01, "momentum": 0.9},
            "training": {"epochs": 1_000_000, "eval_every": 5, "seed": 0, "device": "cpu"},
        }
    )


class Hands:
    """The random person: each action picks a widget a person could reach and uses it."""

    def __init__(self, window: Any, rng: random.Random):
        self.w = window
        self.rng = rng
        self.counts: dict[str, int] = {}
        self.actions: list[tuple[float, Callable[[], None]]] = [
            (6, self.dropout_slider),
            (2, self.dropout_kind),
            (4, self.penalty_slider),
            (2, self.typed_penalty),
            (1, self.penalize_biases),
            (2, self.early_stopping),
            (2, self.variant_target),
            (3, self.lr_slider),
            (1, self.momentum_slider),
            (1, self.optimizer_kind),
            (1, self.batch_size),
            (1, self.dataset_kind),
            (1, self.data_field),
            (0.5, self.device),
            (0.5, self.epochs_or_seed),
            (2, self.play_pause),
            (1.5, self.step),
            (1, self.reset),
            (1, self.add_layer),
            (1, self.remove_layer),
            (1, self.move_layer),
            (1.5, self.width),
            (1, self.activation),
            (1, self.compare),
            (0.7, self.variants),
            (0.4, self.preset),
        ]
        self.weights = [w for w, _ in self.actions]
        self.epoch_values = [5, 50, 100_000]  # short runs finish (and restart on play) too

    def act(self) -> str:
        _, action = self.rng.choices(self.actions, weights=self.weights)[0]
        action()
        name = action.__name__
        self.counts[name] = self.counts.get(name, 0) + 1
        return name

    # -- helpers -------------------------------------------------------------------------
    def usable(self, widget: Any) -> bool:
        """Enabled and shown within its panel (a person switches dock tabs, but cannot reach a
        control whose section is hidden)."""
        if not widget.isEnabled():
            return False
        w = widget
        while w is not None and w not in self.w.panels:
            if w.isHidden():
                return False
            w = w.parentWidget()
        return True

    def slider_to(self, slider: Any) -> None:
        q = slider.slider
        if self.usable(q):
            q.setValue(self.rng.randint(q.minimum(), q.maximum()))

    def combo(self, combo: Any) -> None:
        if self.usable(combo) and combo.count():
            combo.setCurrentIndex(self.rng.randrange(combo.count()))

    @property
    def reg(self) -> Any:
        return self.w.regularization_panel

    @property
    def data(self) -> Any:
        return self.w.data_panel

    @property
    def net(self) -> Any:
        return self.w.network_panel

    # -- regularization --------------------------------------------------------------------
    def dropout_slider(self) -> None:
        if self.reg.dropout_sliders:
            self.slider_to(self.rng.choice(self.reg.dropout_sliders))

    def dropout_kind(self) -> None:
        if self.reg.kind_combos:
            self.combo(self.rng.choice(self.reg.kind_combos))

    def penalty_slider(self) -> None:
        self.slider_to(self.rng.choice([self.reg.l1, self.reg.l2, self.reg.weight_decay]))

    def typed_penalty(self) -> None:
        slider = self.rng.choice([self.reg.l1, self.reg.l2, self.reg.weight_decay, self.data.lr])
        if self.usable(slider):
            slider.set_text(self.rng.choice(["0", "1e-3", "0.05", "2.5", "-1", "abc", "1e9", "nan", "", "0.0001"]))

    def penalize_biases(self) -> None:
        if self.usable(self.reg.penalize_biases):
            self.reg.penalize_biases.toggle()

    def early_stopping(self) -> None:
        r = self.reg
        choice = self.rng.randrange(4)
        widget = [r.es_enabled, r.es_patience, r.es_min_delta, r.es_restore][choice]
        if not self.usable(widget):
            return
        if choice in (0, 3):
            widget.toggle()
        elif choice == 1:
            widget.setValue(self.rng.randint(1, 30))
        else:
            widget.setValue(self.rng.choice([0.0, 0.001, 0.01, 0.5]))

    def variant_target(self) -> None:
        self.combo(self.reg.variant_combo)

    # -- data and optimiser -------------------------------------------------------------------
    def lr_slider(self) -> None:
        self.slider_to(self.data.lr)

    def momentum_slider(self) -> None:
        self.slider_to(self.data.momentum)

    def optimizer_kind(self) -> None:
        self.combo(self.data.optimizer_kind)

    def batch_size(self) -> None:
        if self.usable(self.data.batch_size):
            self.data.batch_size.setValue(self.rng.choice([0, 0, 1, 4, 8, 32]))

    def dataset_kind(self) -> None:
        combo = self.data.dataset_kind
        kind = self.rng.choice(
            [
                "linear",
                "sine",
                "quadratic",
                "circles",
                "xor",
                "moons",
                "spiral",
                "gaussians",
                "highdim",
                "digits",
                "idx",
                "csv",
            ]
        )
        if self.usable(combo):
            combo.setCurrentIndex(combo.findData(kind))

    def data_field(self) -> None:
        d = self.data
        field = self.rng.choice(
            [
                (d.noise, [0.0, 0.1, 0.5, 1.0]),
                (d.n_train, [5, 10, 20, 40]),
                (d.n_val, [0, 5, 10]),
                (d.n_test, [0, 5, 10]),
                (d.input_dim, [2, 5, 20]),
                (d.validation_fraction, [0.1, 0.2]),
                (d.test_fraction, [0.1, 0.2]),
                (d.max_samples, [0, 200, 400]),
            ]
        )
        widget, values = field
        if self.usable(widget):
            widget.setValue(self.rng.choice(values))
        elif self.rng.random() < 0.3 and self.usable(d.regenerate_button):
            d.regenerate_button.click()

    def device(self) -> None:
        self.combo(self.data.device)

    def epochs_or_seed(self) -> None:
        d = self.data
        widget, values = self.rng.choice(
            [(d.epochs, self.epoch_values), (d.seed, [0, 1, 2, 7]), (d.eval_every, [1, 2, 5])]
        )
        if self.usable(widget):
            widget.setValue(self.rng.choice(values))

    # -- run control -----------------------------------------------------------------------------
    def play_pause(self) -> None:
        self.w.play_action.trigger()

    def step(self) -> None:
        self.w.step_action.trigger()

    def reset(self) -> None:
        self.w.reset_action.trigger()

    # -- network ---------------------------------------------------------------------------------
    def add_layer(self) -> None:
        if len(self.net.rows) < MAX_LAYERS and self.usable(self.net.add_button):
            self.net.add_button.click()
            self.shrink()

    def remove_layer(self) -> None:
        if self.net.rows:
            button = self.rng.choice(self.net.rows).remove
            if self.usable(button):
                button.click()

    def move_layer(self) -> None:
        if self.net.rows:
            row = self.rng.choice(self.net.rows)
            button = self.rng.choice([row.up, row.down])
            if self.usable(button):
                button.click()

    def width(self) -> None:
        if self.net.rows:
            spin = self.rng.choice(self.net.rows).width
            if self.usable(spin):
                spin.setValue(self.rng.randint(1, 12))

    def shrink(self) -> None:
        """Keep every hidden layer small (a preset's 200 or 256 neurons would slow this test)."""
        for row in list(self.net.rows):
            if row.width.value() > 12 and self.usable(row.width):
                row.width.setValue(self.rng.randint(2, 12))

    def activation(self) -> None:
        if self.net.rows:
            self.combo(self.rng.choice(self.net.rows).activation)

    def compare(self) -> None:
        check = self.net.compare_check
        if self.usable(check):
            check.toggle()

    def variants(self) -> None:
        n = self.net
        button = self.rng.choice([n.add_variant_button, n.remove_variant_button])
        if self.usable(button) and n.variant_list.count() < 4 or button is n.remove_variant_button:
            if n.variant_list.count():
                n.variant_list.setCurrentRow(self.rng.randrange(n.variant_list.count()))
            if self.usable(button):
                button.click()

    def preset(self) -> None:
        self.w.open_preset(self.rng.choice(PRESETS))
        self.shrink()
        # a preset's big image sets: fewer samples, so each rebuild stays quick
        if self.w.experiment.dataset.kind == "digits" and self.usable(self.data.max_samples):
            self.data.max_samples.setValue(300)


def _differences(a: Any, b: Any, path: str = "") -> list[str]:
    if isinstance(a, dict) and isinstance(b, dict):
        out = []
        for key in sorted(set(a) | set(b)):
            out += _differences(a.get(key), b.get(key), f"{path}.{key}" if path else key)
        return out
    if isinstance(a, list) and isinstance(b, list) and len(a) == len(b):
        return [d for i, (x, y) in enumerate(zip(a, b)) for d in _differences(x, y, f"{path}.{i}")]
    return [] if a == b else [f"{path}: trainer {a!r} vs host {b!r}"]


def _close(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12)


def panel_values_match(window: Any, exp: Experiment) -> list[str]:
    """What the widgets show, compared with `exp` (for the variant the regularization panel edits)."""
    from explorer.gui.panels.edits import variant_view

    bad: list[str] = []

    def check(what: str, shown: Any, wanted: Any) -> None:
        same = _close(shown, wanted) if isinstance(wanted, float) else shown == wanted
        if not same:
            bad.append(f"{what}: panel shows {shown!r}, experiment has {wanted!r}")

    net, reg, data = window.network_panel, window.regularization_panel, window.data_panel
    layers = exp.network.layers
    check("network rows", len(net.rows), len(layers))
    for i, (row, layer) in enumerate(zip(net.rows, layers)):
        check(f"layer {i} width", row.width.value(), layer.width)
        check(f"layer {i} activation", row.activation.currentData(), layer.activation)
    check("compare mode", net.compare_check.isChecked(), bool(exp.variants))
    check(
        "variant list",
        [net.variant_list.item(i).text() for i in range(net.variant_list.count())],
        [v.name for v in exp.variants],
    )
    view = variant_view(exp, reg.selected_variant())
    check("dropout rows", len(reg.dropout_sliders), len(view.network.layers))
    for i, layer in enumerate(view.network.layers):
        check(f"layer {i} dropout p", reg.dropout_sliders[i].value(), layer.dropout_p)
        check(
            f"layer {i} dropout slider",
            reg.dropout_sliders[i].slider.value(),
            reg.dropout_sliders[i].value_to_position(layer.dropout_p),
        )
        check(f"layer {i} dropout kind", reg.kind_combos[i].currentData(), layer.dropout_kind)
    r, es = view.regularization, view.early_stopping
    check("L1", reg.l1.value(), r.l1_lambda)
    check("L2", reg.l2.value(), r.l2_lambda)
    check("weight decay", reg.weight_decay.value(), r.weight_decay)
    check("penalize biases", reg.penalize_biases.isChecked(), r.penalize_biases)
    check("early stopping", reg.es_enabled.isChecked(), es.enabled)
    check("patience", reg.es_patience.value(), es.patience)
    check("min delta", reg.es_min_delta.value(), es.min_delta)
    check("restore best", reg.es_restore.isChecked(), es.restore_best)
    d, o, t = exp.dataset, exp.optimizer, exp.training
    pending = data._pending_kind
    check("dataset", data.dataset_kind.currentData(), pending or d.kind)
    if exp.kind == "training":
        if d.kind in ("linear", "sine", "quadratic", "highdim", "circles", "xor", "gaussians", "spiral", "moons"):
            check("noise", round(data.noise.value(), 3), round(d.noise, 3))
            check("n_train", data.n_train.value(), d.n_train)
        else:
            check("max samples", data.max_samples.value(), d.max_samples or 0)
        check("optimizer", data.optimizer_kind.currentData(), o.kind)
        check("lr", data.lr.value(), o.lr)
        check("momentum", data.momentum.value(), o.momentum)
        check("batch size", data.batch_size.value(), t.batch_size or 0)
        check("epochs", data.epochs.value(), t.epochs)
        check("seed", data.seed.value(), t.seed)
        check("device", data.device.currentData(), t.device)
    return bad


@pytest.mark.timeout(420)  # ~60-90 s alone on 2 cores; more beside other busy processes
@pytest.mark.parametrize("host_mode", ["thread", "process"])  # the window's own thread, the app's child process
def test_restless_hands(qtbot, monkeypatch, host_mode):
    from explorer.gui.host import TrainerHost
    from explorer.gui.main_window import MainWindow

    hooked: list[str] = []
    monkeypatch.setattr(sys, "excepthook", lambda t, v, tb: hooked.append(f"{t.__name__}: {v}"))
    monkeypatch.setattr(
        threading,
        "excepthook",
        lambda args: hooked.append(f"thread {args.thread}: {args.exc_type.__name__}: {args.exc_value}"),
    )

    host = TrainerHost(mode=host_mode)
    window = MainWindow(host=host, experiment=start_experiment())
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    errors: list[str] = []
    host.errorOccurred.connect(lambda m: errors.append(str(m)))
    rng = random.Random(SEED)
    hands = Hands(window, rng)
    try:
        window.start(play=True)
        qtbot.waitUntil(lambda: window.painted_snapshot is not None, timeout=60_000)
        started = time.monotonic()
        log: list[str] = []
        for i in range(ACTIONS):
            log.append(hands.act())
            QApplication.processEvents()
            if i % 25 == 0:
                qtbot.wait(1)  # let the paint timer and the throttles fire now and then
            assert not hooked, (i, log[-10:], hooked)
            assert host.is_alive(), (i, log[-10:], errors[-3:])
        acting = time.monotonic() - started

        # -- quiet hands: everything sent, the trainer reports, all agree --------------------------
        window.regularization_panel.flush()
        window.data_panel.flush()
        QApplication.processEvents()
        if window.state not in ("running", "paused", "finished", "error"):
            qtbot.waitUntil(lambda: window.state in ("running", "paused", "finished", "error"), timeout=60_000)

        def trainer_agrees() -> bool:
            host.send(RequestSnapshot())
            qtbot.wait(50)
            snap = host.latest
            return snap is not None and parse_experiment(snap.experiment_json, "json") == host.experiment

        try:
            qtbot.waitUntil(trainer_agrees, timeout=30_000)
        except Exception:
            snap = host.latest
            theirs = None if snap is None else json.loads(snap.experiment_json)
            pytest.fail(
                f"the trainer's experiment never matched the host's: state {window.state}, "
                f"snapshot {None if snap is None else (snap.generation, snap.step, snap.state)}, "
                f"differences {_differences(theirs, host.experiment.to_dict())}; last actions {log[-15:]}; "
                f"errors {errors[-3:]}"
            )
        trainer_exp = parse_experiment(host.latest.experiment_json, "json")
        assert host.experiment == window.experiment == trainer_exp
        for panel in window.panels:
            assert panel.experiment == window.experiment, type(panel).__name__
        mismatches = panel_values_match(window, window.experiment)
        assert not mismatches, mismatches
        assert not hooked, hooked
        assert host.is_alive()
        print(
            f"\n{ACTIONS} actions in {acting:.1f} s; state {window.state}; "
            f"{len(errors)} trainer errors; counts {json.dumps(hands.counts, sort_keys=True)}"
        )
    finally:
        window.close()
        host.shutdown()
        window.deleteLater()


def test_live_edits_reach_a_demonstration_too(qtbot):
    """The dropout-scaling demonstration has no live fields, but the experiment it reports keeps
    every live edit, so host, panels and trainer agree there as well."""
    from explorer.core.config import load_preset
    from explorer.core.protocol import SetValue
    from explorer.gui.host import TrainerHost

    host = TrainerHost(mode="thread")
    try:
        host.start(load_preset("dropout-scaling"), play=True)
        qtbot.waitUntil(lambda: host.latest is not None, timeout=60_000)
        host.send(SetValue("optimizer.lr", 0.25))
        host.send(SetValue("regularization.l2_lambda", 0.5))

        def agrees() -> bool:
            host.send(RequestSnapshot())
            qtbot.wait(20)
            return parse_experiment(host.latest.experiment_json, "json") == host.experiment

        qtbot.waitUntil(agrees, timeout=10_000)
        assert host.experiment.optimizer.lr == 0.25
    finally:
        host.shutdown()


def test_a_throttled_slider_value_never_outlives_a_rebuild(qtbot):
    """Found by the restless hands (seed 33): a slider moved twice within the throttle interval
    (the second value waits), then a structural edit elsewhere: the waiting value used to be
    applied after the panel had shown the new experiment, so slider and trainer disagreed."""
    from explorer.gui.host import TrainerHost
    from explorer.gui.main_window import MainWindow

    host = TrainerHost(mode="thread")
    window = MainWindow(host=host, experiment=start_experiment())
    window.show()
    qtbot.waitExposed(window)
    try:
        window.start(play=True)
        qtbot.waitUntil(lambda: window.painted_snapshot is not None, timeout=60_000)
        for slider, panel in (
            (window.regularization_panel.weight_decay.slider, window.regularization_panel),
            (window.data_panel.lr.slider, window.data_panel),
        ):
            slider.setValue(10)  # sent at once (leading edge)
            slider.setValue(30)  # waits for the throttle interval
            window.network_panel.add_button.click() if len(
                window.network_panel.rows
            ) < 4 else window.network_panel.rows[-1].remove.click()
            qtbot.wait(150)  # the throttle interval has passed
            panel.flush()
            mismatches = panel_values_match(window, window.experiment)
            assert not mismatches, mismatches
            assert host.experiment == window.experiment
    finally:
        window.close()
        host.shutdown()
        window.deleteLater()
