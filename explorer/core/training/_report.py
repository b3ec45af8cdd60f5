"""Summaries of a finished (or running) trainer, for metrics.json and the terminal."""

from __future__ import annotations

import math
from typing import Any, Optional

import numpy as np

from explorer.core.protocol import HISTORY_KEYS
from explorer.core.training._replicates import replicate_summary


def _clean(x: Any) -> Any:
    """JSON has no NaN: missing values become null."""
    if isinstance(x, float) and not math.isfinite(x):
        return None
    return x


def _final(col: np.ndarray) -> Optional[float]:
    finite = col[np.isfinite(col)]
    return _clean(float(finite[-1])) if finite.size else None


def _best(col: np.ndarray, lower_is_better: bool) -> Optional[float]:
    finite = col[np.isfinite(col)]
    if not finite.size:
        return None
    return float(finite.min() if lower_is_better else finite.max())


NEAR_ZERO_WEIGHT = 1e-3  # |w| below this counts as "at zero" (near_zero_weight_fraction)


def near_zero_weight_fraction(model) -> Optional[float]:  # type: ignore[no-untyped-def]
    """The fraction of the Linear layers' weights (biases not counted) with |w| < NEAR_ZERO_WEIGHT.

    L1's constant pull drives small weights to zero, but a gradient step leaves them jittering
    around it (about lr * lambda wide), never exactly 0; 1e-3 is far below a typical weight of an
    unpenalised net (~0.1) and above that jitter for the presets' settings: the histogram's spike."""
    total = sum(lin.weight.numel() for lin in model.linears)
    if total == 0:
        return None
    near = sum(int((lin.weight.detach().abs() < NEAR_ZERO_WEIGHT).sum()) for lin in model.linears)
    return near / total


def activation_variances(run) -> dict[str, Optional[float]]:  # type: ignore[no-untyped-def]
    """The last recorded variance of each hidden layer's activations (the training batch, before
    dropout: what the activations view draws), as final_activation_variance_1, _2, ..., and their
    mean over the layers as final_activation_variance (None without hidden layers)."""
    n_hidden = run.model.n_hidden
    if n_hidden == 0 or run.history.size == 0:
        return {"final_activation_variance": None}
    columns = run.history.column("activation_var").reshape(run.history.size, -1)
    out: dict[str, Optional[float]] = {
        f"final_activation_variance_{i + 1}": _final(columns[:, i]) for i in range(n_hidden)
    }
    layers = [v for v in out.values() if v is not None]
    out["final_activation_variance"] = float(np.mean(layers)) if len(layers) == n_hidden else None
    return out


def variant_history(run) -> dict[str, list]:  # type: ignore[no-untyped-def]
    return {key: [_clean(float(v)) for v in run.history.column(key)] for key in HISTORY_KEYS}


def summarize(trainer) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    variants = {}
    for run in trainer.variants:
        h = {key: run.history.column(key) for key in HISTORY_KEYS}
        es = run.early
        summary: dict[str, Any] = {}
        for split in ("train", "val", "test"):
            summary[f"final_{split}_loss"] = _final(h[f"{split}_loss"])
            summary[f"best_{split}_loss"] = _best(h[f"{split}_loss"], True)
            summary[f"final_{split}_accuracy"] = _final(h[f"{split}_accuracy"])
            summary[f"best_{split}_accuracy"] = _best(h[f"{split}_accuracy"], False)
        summary.update(
            best_epoch=es.best_epoch,
            stop_epoch=es.stop_epoch if es.stopped else None,
            restored_best=run.restored,
            final_weight_norm=_clean(
                float(np.sqrt(sum(float(lin.weight.detach().norm()) ** 2 for lin in run.model.linears)))
            ),
            near_zero_weight_fraction=near_zero_weight_fraction(run.model),
        )
        summary.update(activation_variances(run))
        variants[run.name] = summary
    test_time = getattr(trainer, "test_time", None)
    if test_time is not None:  # dropout at test time, when it is on (training/_test_time.py)
        from explorer.core.training._test_time import summary_keys

        for name, keys in summary_keys(trainer).items():
            variants[name].update(keys)
    wall = trainer.wall_seconds
    out = {
        "steps": trainer.step_count,
        "epochs": trainer.epoch,
        "wall_seconds": round(wall, 3),
        "steps_per_second": round(trainer.step_count / wall, 1) if wall > 0 else None,
        "device": str(trainer.device),
        "variants": variants,
    }
    if getattr(trainer, "replicates", 1) > 1:  # per seed, then mean and SD per variant
        out["replicates"] = replicate_summary(variants)
    return out
