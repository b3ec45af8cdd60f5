"""The two presets of dropout at test time teach what their lessons say, in numbers."""

from __future__ import annotations

import numpy as np

from explorer.core.config import load_preset
from explorer.core.data import build_dataset
from explorer.core.protocol import MC_KEY
from explorer.core.training import Trainer


def _trained(name: str, steps: int, **values) -> Trainer:
    exp = load_preset(name)
    trainer = Trainer(exp.with_values({"training.device": "cpu", **values}))
    for _ in range(steps):
        trainer.step()
    return trainer


def test_xsinx_data() -> None:
    exp = load_preset("uncertainty-from-dropout")
    ds = build_dataset(exp.dataset.model_copy(update={"normalize": False}))
    x, y = ds.view.x_train, ds.view.y_train
    assert len(x) == 20 and np.abs(x).max() <= 4.0
    assert np.abs(y - x * np.sin(x)).max() < 5 * exp.dataset.noise
    grid = ds.view.grid_x
    assert grid.min() == -8.0 and grid.max() == 8.0  # the view reaches twice as far as the data
    np.testing.assert_allclose(ds.view.true_curve, grid * np.sin(grid))


def test_uncertainty_band_widens_away_from_the_data() -> None:
    trainer = _trained("uncertainty-from-dropout", 300)
    (state,) = trainer.snapshot(state="paused").extra[MC_KEY]
    assert state.passes == 100
    x = trainer.dataset.view.grid_x[:: state.grid_stride][: len(state.sd)]
    inside = state.sd[np.abs(x) <= 3.5].mean()
    far = state.sd[np.abs(x) >= 7.0].mean()
    assert far > 3 * inside, (inside, far)


def test_why_not_dropout_at_test_time() -> None:
    trainer = _trained("why-not-dropout-at-test-time", 150, **{"views.test_time_passes": 400})
    inverted, vanilla = trainer.snapshot(state="paused").extra[MC_KEY]
    for st in (inverted, vanilla):
        assert st.convergence_t.tolist() == [1, 2, 5, 10, 20, 50, 100, 200, 400]
        err = st.convergence_error
        assert err[-1] < 0.5 * err[0]  # the mean of many passes is much closer to the eval output than one pass
        # ... well under the pass-to-pass spread; not 0: the net is nonlinear, so weight scaling only approximates
        # the average of the sampled nets (the plateau the lesson points at)
        assert err[-1] < 0.5 * float(np.mean(st.sd))
    assert inverted.unscaled_error is None
    # vanilla dropout: without its (1-p) factor at eval the passes' mean stays far off, however many are drawn
    assert vanilla.unscaled_error[-1] > 5 * vanilla.convergence_error[-1]
    assert vanilla.unscaled_error[-1] > 0.5 * vanilla.unscaled_error[0]


def test_summary_has_the_passes_in_numbers_for_lesson_claims() -> None:
    trainer = _trained("uncertainty-from-dropout", 100, **{"views.test_time_passes": 40})
    keys = trainer.summary()["variants"]["model"]
    assert keys["mc_passes"] == 40 and keys["mc_error_unscaled"] is None
    assert keys["mc_sd_outside"] > keys["mc_sd_inside"] > 0
    assert keys["mc_error"] >= 0 and keys["mc_error_one_pass"] >= 0 and keys["mc_sd"] > 0
    off = _trained("uncertainty-from-dropout", 1, **{"views.test_time_passes": 0})
    assert not any(k.startswith("mc_") for k in off.summary()["variants"]["model"])
