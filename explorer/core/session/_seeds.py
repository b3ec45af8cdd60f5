"""The narrator's seed sentences: is a difference between variants larger than seed noise?

With replicates (runs "<variant> [seed S]"), every variant is compared with the first one on
the final test accuracy (classification) or test loss (regression), seed by seed: seed s of
each variant starts from the same initial weights and batch order, so the paired difference
removes what the seeds share. Its mean and standard error (SD / sqrt(n)) over the seeds decide:
within 2 standard errors it is "not distinguishable from seed noise" (the issue's example:
dropout vs none, +0.18 +- 0.35 points over 3 seeds).
"""

from __future__ import annotations

import math
from typing import Any, Optional

import numpy as np

from explorer.core.protocol import Snapshot
from explorer.core.training import compare, replicate_groups, split_name

SEED_TEMPLATES: dict[str, str] = {
    "seeds_acc_noise": "{b} vs {a}: {diff} \u00b1 {se} points of test accuracy over {n} seeds: "
    "not distinguishable from seed noise; run more seeds.",
    "seeds_acc_clear": "{b} vs {a}: {diff} \u00b1 {se} points of test accuracy over {n} seeds: "
    "a real difference, beyond seed noise.",
    "seeds_loss_noise": "{b} vs {a}: {diff} \u00b1 {se} in test loss over {n} seeds: "
    "not distinguishable from seed noise; run more seeds.",
    "seeds_loss_clear": "{b} vs {a}: {diff} \u00b1 {se} in test loss over {n} seeds: a real difference, beyond seed noise.",
}


def _last_finite(values: Any) -> Optional[float]:
    a = np.asarray(values if values is not None else (), dtype=np.float64)
    a = a[np.isfinite(a)]
    return float(a[-1]) if a.size else None


def first_replicates(snap: Snapshot) -> set[int]:
    """Indices of the runs the per-run sentences speak for: the first seed of each variant."""
    return {idx[0] for idx in replicate_groups(v.name for v in snap.variants).values()}


def seed_comparisons(snap: Snapshot) -> list[tuple[str, dict[str, Any]]]:
    """(template id, values) per variant after the first, when the variants have replicates."""
    groups = replicate_groups(v.name for v in snap.variants)
    if len(groups) < 2 or max(len(idx) for idx in groups.values()) < 2:
        return []
    accuracy = any(
        np.isfinite(np.asarray(v.history.get("test_accuracy", ()), dtype=float)).any() for v in snap.variants
    )
    key = "test_accuracy" if accuracy else "test_loss"

    def per_seed(idx: list[int]) -> dict[int, float]:
        out = {}
        for i in idx:
            seed = split_name(snap.variants[i].name)[1]
            value = _last_finite(snap.variants[i].history.get(key))
            if seed is not None and value is not None:
                out[seed] = value
        return out

    names = list(groups)
    reference = per_seed(groups[names[0]])
    out = []
    for name in names[1:]:
        c = compare(reference, per_seed(groups[name]), key, names[0], name)
        if c is None or c.n < 2 or not math.isfinite(c.se):
            continue
        scale = 100.0 if accuracy else 1.0
        digits = ".2f" if accuracy else ".3g"
        clear = bool(c.distinguishable)
        tid = ("seeds_acc_" if accuracy else "seeds_loss_") + ("clear" if clear else "noise")
        out.append(
            (
                tid,
                {
                    "a": names[0],
                    "b": name,
                    "diff": format(c.difference * scale, "+" + digits),
                    "se": format(c.se * scale, digits),
                    "n": c.n,
                },
            )
        )
    return out
