"""Inside dropout in the window: the fit view's test-time switch and the Step inspector dock."""

from __future__ import annotations

import numpy as np
import pytest

from explorer.core.config import load_preset
from explorer.core.protocol import MC_KEY, STEP_KEY, InspectStep, SetValue
from explorer.core.training import Trainer
from explorer.gui.step_inspector import FIRST_UNITS, StepInspector
from explorer.gui.views.fit_view import FitView
from explorer.gui.views.test_time_view import TestTimeView

WAIT_MS = 20_000


def _painted(window):  # type: ignore[no-untyped-def]
    return window.painted_snapshot


@pytest.fixture(scope="module")
def mc_snapshot():  # type: ignore[no-untyped-def]
    trainer = Trainer(load_preset("dropout-regression").with_values({"training.device": "cpu"}))
    trainer.apply(SetValue("views.test_time_passes", 40))
    trainer.inspect_step(InspectStep(True, 1, 1, 4))
    for _ in range(5):
        trainer.step()
    return trainer.snapshot(state="paused")


def test_fit_view_draws_the_band_mean_and_passes(qtbot, mc_snapshot) -> None:
    view = FitView()
    qtbot.addWidget(view)
    view.resize(900, 700)
    view.show()
    view.update_snapshot(mc_snapshot)
    mode = view.mode
    assert view.test_time.isVisible() and mode.bands is not None and mode.convergence is not None
    _, with_dropout = mc_snapshot.extra[MC_KEY]
    x, mean = mode.bands.means[1].getData()
    np.testing.assert_allclose(mean, with_dropout.mean)
    np.testing.assert_allclose(mode.bands.upper[1].getData()[1], with_dropout.mean + 2 * with_dropout.sd, rtol=1e-6)
    np.testing.assert_allclose(mode.bands.lower[1].getData()[1], with_dropout.mean - 2 * with_dropout.sd, rtol=1e-6)
    xs, ys = mode.bands.samples[1].getData()
    assert np.count_nonzero(np.isnan(ys)) == 40  # 40 passes, one NaN break after each
    assert mode.bands.means[0].getData()[0] is None or len(mode.bands.means[0].getData()[0]) == 0  # p = 0: nothing
    t, err = mode.convergence.curves[1].getData()
    assert np.round(10 ** np.asarray(t)).tolist() == [1, 2, 5, 10, 20, 40]  # drawn on log axes
    # the same snapshot without the passes: the plain fit, no band items
    from dataclasses import replace

    plain = replace(mc_snapshot, extra={})
    view.update_snapshot(plain)
    assert view.mode.bands is None


def test_test_time_figure(qtbot, mc_snapshot) -> None:
    view = TestTimeView()
    qtbot.addWidget(view)
    view.resize(800, 600)
    view.show()
    view.update_snapshot(mc_snapshot)
    _, st = mc_snapshot.extra[MC_KEY]
    np.testing.assert_allclose(view.spread_curves[1].getData()[1], st.sd)
    assert view.convergence is not None


def test_step_inspector_shows_the_recorded_numbers(qtbot, mc_snapshot) -> None:
    inspector = StepInspector()
    qtbot.addWidget(inspector)
    sent = []
    inspector.selectionChanged.connect(sent.append)
    inspector.set_open(True)
    assert sent[-1].open
    inspector.update_snapshot(mc_snapshot)
    shown = mc_snapshot.extra[STEP_KEY]
    assert inspector.shown() is shown
    assert "matches autograd: max difference 0" in inspector.check_label.text()
    assert inspector.table.rowCount() == min(FIRST_UNITS, len(shown.a))
    for row in (0, 7):
        assert float(inspector.cell(row, 1)) == pytest.approx(shown.a[row], rel=1e-3, abs=1e-4)
        assert float(inspector.cell(row, 6)) == pytest.approx(shown.grad_a[row], rel=1e-3, abs=1e-7)
    inspector.all_units.setChecked(True)
    assert inspector.table.rowCount() == len(shown.a) == 200
    assert inspector.side.rowCount() == 200
    keep = shown.r >= 0.5
    assert float(inspector.side.item(int(np.argmax(keep)), 1).text()) == 2.0  # inverted: 1/(1-p)
    assert float(inspector.side.item(int(np.argmax(keep)), 3).text()) == 1.0  # vanilla: 1
    inspector.sample_spin.setValue(2)
    assert sent[-1] == InspectStep(
        True, inspector.variant_combo.currentIndex(), inspector.layer_combo.currentIndex(), 2
    )
    inspector.set_open(False)
    assert not sent[-1].open


def test_window_switch_and_inspector_reach_the_trainer(qtbot, window) -> None:
    window.start()
    qtbot.waitUntil(lambda: _painted(window) is not None, timeout=WAIT_MS)
    fit = window.dashboard.views()["fit"]
    assert not fit.test_time.check.isChecked() and window.experiment.views.test_time_passes == 0
    fit.test_time.check.setChecked(True)
    assert window.experiment.views.test_time_passes == 50
    qtbot.waitUntil(lambda: MC_KEY in _painted(window).extra, timeout=WAIT_MS)
    fit.test_time.spin.setValue(7)
    qtbot.waitUntil(lambda: _painted(window).extra.get(MC_KEY, (None,))[0].passes == 7, timeout=WAIT_MS)
    # the inspector records only while its dock is open
    inside = window.inside_dropout
    assert not inside.dock.isVisible()
    window.step_action.trigger()
    qtbot.waitUntil(lambda: _painted(window).step == 1, timeout=WAIT_MS)
    assert STEP_KEY not in _painted(window).extra
    inside.dock.show()
    qtbot.waitUntil(lambda: inside.inspector.is_open(), timeout=WAIT_MS)
    window.step_action.trigger()
    qtbot.waitUntil(lambda: STEP_KEY in _painted(window).extra, timeout=WAIT_MS)
    assert _painted(window).extra[STEP_KEY].step == 2
    qtbot.waitUntil(lambda: inside.inspector.shown() is not None, timeout=WAIT_MS)
    inside.dock.hide()
    window.step_action.trigger()
    qtbot.waitUntil(lambda: _painted(window).step == 3, timeout=WAIT_MS)
    assert STEP_KEY not in _painted(window).extra
    fit.test_time.check.setChecked(False)
    assert window.experiment.views.test_time_passes == 0
    qtbot.waitUntil(lambda: MC_KEY not in _painted(window).extra, timeout=WAIT_MS)


def test_loading_a_preset_sets_the_switch(qtbot, window) -> None:
    window.load_experiment(load_preset("uncertainty-from-dropout").with_values({"training.device": "cpu"}))
    fit = window.dashboard.views()["fit"]
    assert fit.test_time.check.isChecked() and fit.test_time.spin.value() == 100


def test_step_inspector_draws_dropconnects_weight_mask(qtbot) -> None:
    exp = load_preset("dropout-regression").with_values(
        {"training.device": "cpu", "variants": [], "network.layers.0.dropout_kind": "dropconnect"}
    )
    trainer = Trainer(exp)
    trainer.inspect_step(InspectStep(True, 0, 0, 0))
    trainer.step()
    snap = trainer.snapshot(state="paused")
    inspector = StepInspector()
    qtbot.addWidget(inspector)
    inspector.show()
    inspector.set_open(True)
    inspector.update_snapshot(snap)
    shown = snap.extra[STEP_KEY]
    assert shown.kind == "dropconnect" and shown.weight_mask.shape == (24, 24)
    assert not inspector.heat.isHidden() and not inspector.side_title.isVisible()
    np.testing.assert_array_equal(inspector.heat_image.image, shown.weight_mask)
    assert "de/dW = de/d(W*M) * M matches autograd: max difference 0" in inspector.check_label.text()
    assert inspector.cell(0, 3) == "—"  # no unit mask: the units pass as they are
