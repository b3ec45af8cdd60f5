"""Dropout at test time, as the fit view shows it: T passes per variant, on the snapshot clock, within a budget.

The passes are one batched forward (nn/_mc_forward.py), but on the 1-200-200-200-1 regressor T = 50 passes
over the 200-point grid are ~40x the work of one training step, and snapshots come ~40 times a second. So the
passes are drawn again only when their own cost stays under BUDGET of the wall-clock time since (a 30 ms draw
waits ~0.6 s); between draws the snapshots carry the last result (with the step it was drawn at). While the
run is paused nothing is trained, so a new step or a changed setting is drawn at once.

They are drawn only while the view asks for them (experiment field views.test_time_passes > 0), from their
own generator, so turning the view on or off never changes the training run.
"""

from __future__ import annotations

import dataclasses
import time
from typing import Any, Optional

import numpy as np
import torch

from explorer.core.nn import eval_forward, mc_forward
from explorer.core.protocol import MC_SHOWN_CURVES, McDropoutState

BUDGET = 0.08  # the passes may take at most this share of the wall-clock time while training runs
CURVE_POINTS = 100  # a 1-D regression grid is thinned to at most this many x values for the passes
SEED_OFFSET = 1_000_003  # the test-time generator's seed: the training seed plus this


def convergence_grid(passes: int) -> np.ndarray:
    """t = 1, 2, 5, 10, 20, 50, ... up to T (and T itself): where |MC mean of t passes - eval| is read."""
    ts = {passes}
    decade = 1
    while decade <= passes:
        ts.update(t for t in (decade, 2 * decade, 5 * decade) if t <= passes)
        decade *= 10
    return np.array(sorted(ts), dtype=np.int64)


def _cumulative_error(values: torch.Tensor, target: torch.Tensor, ts: np.ndarray) -> np.ndarray:
    """mean over inputs of |mean of the first t passes - target|, for t in ts. values (T, N, k), target (N, k)."""
    csum = values.double().cumsum(0)
    idx = torch.as_tensor(ts - 1, device=values.device)
    means = csum.index_select(0, idx) / torch.as_tensor(ts, dtype=torch.float64, device=values.device).view(-1, 1, 1)
    return (means - target.double()).abs().mean((1, 2)).cpu().numpy()


def _std(values: torch.Tensor) -> torch.Tensor:
    return values.std(0) if values.shape[0] > 1 else torch.zeros_like(values[0])


def variant_passes(trainer: Any, run: Any, passes: int, generator: torch.Generator) -> McDropoutState:
    """T passes of one variant on the fit view's inputs, summarised for its task (see McDropoutState)."""
    model = run.model
    ds = trainer.dataset
    x = ds.grid_inputs
    stride = 1
    if trainer.loss_name == "mse" and len(ds.grid_shape) == 1 and ds.view.grid_x is not None:
        stride = -(-x.shape[0] // CURVE_POINTS)  # the band is smooth at 100 points; half the work of 200
        x = x[::stride]
    started = time.perf_counter()
    has_dropout = any(model.dropout_p(i) > 0.0 for i in range(model.n_hidden))
    vanilla = any(model.kinds[i] == "vanilla" and model.dropout_p(i) > 0.0 for i in range(model.n_hidden))
    ev = eval_forward(model, x).float()
    outs = mc_forward(model, x, passes, generator).float() if has_dropout else ev.unsqueeze(0)
    unscaled = eval_forward(model, x, unscaled=True).float() if vanilla else None
    T = outs.shape[0]
    ts = convergence_grid(T)
    common: dict[str, Any] = {
        "passes": passes,
        "step": trainer.step_count,
        "has_dropout": has_dropout,
        "grid_stride": stride,
    }
    if trainer.loss_name == "mse":
        err = _cumulative_error(outs, ev, ts)
        un = _cumulative_error(outs, unscaled, ts) if unscaled is not None else None
        y = outs[..., 0]
        state = McDropoutState(
            mean=y.mean(0).cpu().numpy(),
            sd=_std(y).cpu().numpy(),
            eval_output=ev[:, 0].cpu().numpy(),
            samples=y[:MC_SHOWN_CURVES].cpu().numpy(),
            convergence_t=ts,
            convergence_error=err,
            unscaled_error=un,
            **common,
        )
    else:
        probs = torch.softmax(outs, -1)  # (T, N, C)
        ev_p = torch.softmax(ev, -1)
        err = _cumulative_error(probs, ev_p, ts)
        un = _cumulative_error(probs, torch.softmax(unscaled, -1), ts) if unscaled is not None else None
        mean_p = probs.mean(0)
        if len(ds.grid_shape) == 2:  # the decision-boundary plane
            cls = torch.full_like(mean_p[:, 0], 1, dtype=torch.long) if mean_p.shape[1] == 2 else mean_p.argmax(1)
            entropy = -(mean_p * mean_p.clamp_min(1e-12).log()).sum(1)
            extra: dict[str, Any] = {"entropy": entropy.view(ds.grid_shape).cpu().numpy()}
        else:  # sample images: the class the eval-mode net shows
            cls = ev_p.argmax(1)
            changes = (probs.argmax(-1) != cls.unsqueeze(0)).float().mean(0)
            extra = {"changes": changes.cpu().numpy()}
        picked = probs.gather(2, cls.view(1, -1, 1).expand(T, -1, 1))[..., 0]  # (T, N)
        shape = ds.grid_shape
        state = McDropoutState(
            mean=picked.mean(0).view(shape).cpu().numpy(),
            sd=_std(picked).view(shape).cpu().numpy(),
            eval_output=ev_p.gather(1, cls.view(-1, 1))[:, 0].view(shape).cpu().numpy(),
            convergence_t=ts,
            convergence_error=err,
            unscaled_error=un,
            **common,
            **extra,
        )
    seconds = time.perf_counter() - started
    return dataclasses.replace(state, seconds=seconds)


class TestTimeDropout:
    """The trainer's test-time passes: drawn on request, within BUDGET of the time while training runs."""

    __test__ = False  # not a pytest class

    def __init__(self, device: torch.device, seed: int) -> None:
        self.generator = torch.Generator(device=device).manual_seed(seed + SEED_OFFSET)
        self._key: Optional[tuple] = None
        self._states: Optional[tuple[McDropoutState, ...]] = None
        self._not_before = 0.0
        self.draws = 0  # how many times the passes were drawn (tests, benchmarks)
        self.last_seconds = 0.0  # how long the last draw took, all variants

    def states(self, trainer: Any, running: bool) -> Optional[tuple[McDropoutState, ...]]:
        """Per variant, the newest passes (None when the view is off)."""
        passes = int(getattr(getattr(trainer.experiment, "views", None), "test_time_passes", 0) or 0)
        if passes <= 0:
            self._key = self._states = None
            return None
        key = (trainer.step_count, passes, id(trainer.experiment))
        now = time.perf_counter()
        if self._states is not None and (
            key == self._key
            or (running and now < self._not_before and self._key is not None and self._key[1] == passes)
        ):
            return self._states
        started = time.perf_counter()
        self._states = tuple(variant_passes(trainer, run, passes, self.generator) for run in trainer.variants)
        spent = self.last_seconds = time.perf_counter() - started
        self._not_before = now + spent / BUDGET
        self._key = key
        self.draws += 1
        return self._states


def summary_keys(trainer: Any) -> dict[str, dict[str, Any]]:
    """Per variant, the test-time passes in numbers for the run's summary (metrics.json; lesson claims),
    when views.test_time_passes > 0: drawn now, at the final weights.

    mc_passes T; mc_error_one_pass and mc_error: mean |MC mean - eval output| after 1 and after T passes;
    mc_error_unscaled (vanilla dropout): after T passes, against the eval output without its (1-p) factor;
    mc_sd: mean SD of the passes over the fit view's inputs; 1-D regression also mc_sd_inside and
    mc_sd_outside: the mean SD where x lies within the training points' range and where it lies beyond."""
    states = trainer.test_time.states(trainer, running=False)
    if states is None:
        return {}
    out: dict[str, dict[str, Any]] = {}
    view = trainer.dataset.view
    for run, st in zip(trainer.variants, states):
        keys: dict[str, Any] = {
            "mc_passes": st.passes,
            "mc_error_one_pass": float(st.convergence_error[0]),
            "mc_error": float(st.convergence_error[-1]),
            "mc_error_unscaled": None if st.unscaled_error is None else float(st.unscaled_error[-1]),
            "mc_sd": float(np.mean(st.sd)),
        }
        if view.grid_x is not None and np.ndim(st.sd) == 1 and len(view.x_train):
            x = np.asarray(view.grid_x)[:: st.grid_stride][: len(st.sd)]
            lo, hi = float(np.min(view.x_train)), float(np.max(view.x_train))
            inside = (x >= lo) & (x <= hi)
            keys["mc_sd_inside"] = float(np.mean(st.sd[inside])) if inside.any() else None
            keys["mc_sd_outside"] = float(np.mean(st.sd[~inside])) if (~inside).any() else None
        out[run.name] = keys
    return out
