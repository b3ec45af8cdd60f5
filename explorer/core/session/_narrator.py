"""The "what is happening" line: the state of a run in plain sentences, from one Snapshot.

Qt-free and deterministic: the same Snapshot always gives the same sentences, so
they can be unit-tested on hand-built histories and shown, unchanged, in a
notebook or a headless report.

Translation. Every sentence is a *template* (a full sentence with named fields,
in `TEMPLATES`) plus the values for its fields. `describe(snap)` returns
`Remark(template_id, values, variant)` objects; `explain(snap)` renders them in
English. The GUI renders the same remarks through Qt's translator
(`QCoreApplication.translate("Narrator", TEMPLATES[id])`), so a translator
translates whole sentences and may reorder the fields; numbers are formatted
here (`:.3g`) and passed in as text.

The rules, per variant, in this order (the first that applies gives the main
sentence; thresholds are the module constants named in brackets):

1. No evaluation yet: "waiting for the first evaluation". Only the evaluation before the
   first step (epoch 0): "not trained yet", with the starting losses (no trend to tell).
2. Diverged: the last training loss is NaN or infinite (or the trainer reports
   an error saying "diverged").
3. Stopped early (EarlyStoppingState.stopped): where it stopped, where the best
   was, and whether the best weights were restored.
4. Overfitting: validation loss has not improved for at least
   [OVERFIT_MIN_WAIT] = 5 evaluations, it is now at least [RISE_REL] = 5 % above
   its best, and the training loss is at least [TRAIN_DROP_REL] = 5 % below its
   value at the best epoch. "Now", "best" and "at the best" are read off a running
   mean of [SMOOTH] = 5 recorded evaluations, and the rise must also exceed
   [NOISE_K] = 2 times the curve's jitter (the standard deviation of validation loss
   around that mean over the last 2 x WINDOW evaluations), so a jagged (dropout)
   validation curve is judged by its trend, not by one lucky or unlucky evaluation. When early stopping is on, the countdown follows:
   "early stopping will stop in N more" (N = patience - wait).
5. Validation stalled: no improvement for [STALL_MIN_WAIT] = 10 evaluations, but
   the rule above does not hold (validation flat, or training not falling).
6. Still learning fast: the training loss fell by more than [FAST_DROP_REL] =
   10 % over the last [WINDOW] = 10 recorded evaluations.
7. Flattened: training and validation losses each changed by less than
   [FLAT_REL] = 2 % over the last [WINDOW] evaluations.
8. Otherwise, the training loss is still improving slowly; "both losses" only when the
   validation loss reached its best within the last [OVERFIT_MIN_WAIT] evaluations,
   else the validation loss is said not to be falling (rule 5 waits STALL_MIN_WAIT
   evaluations, and meanwhile "both losses are falling" was said of a level curve).

"Evaluations" counts the early-stopping state's `wait` (exact even when the
history is thinned out on long runs) when it monitors the validation loss;
otherwise the recorded history rows after the best validation loss.

With two or more variants a last sentence names the variant with the lowest
validation loss now. With replicates (runs "<variant> [seed S]") the first seed of each
variant speaks for it, and each variant is weighed against the first one over the seeds:
a real difference or one not distinguishable from seed noise (_seeds.py). The dropout-scaling demonstration (Snapshot.extra["scaling"])
gets one sentence per dropout kind comparing the mean train-mode output with the
eval-mode output.
"""

from __future__ import annotations

import math
import warnings
from dataclasses import dataclass, field
from typing import Any, Optional

import numpy as np

from explorer.core.protocol import Snapshot, VariantState
from explorer.core.session._seeds import SEED_TEMPLATES, first_replicates, seed_comparisons

OVERFIT_MIN_WAIT = 5  # evaluations without a new best validation loss before "overfitting"
RISE_REL = 0.05  # validation loss this far above its best counts as "risen"
TRAIN_DROP_REL = 0.05  # training loss this far below its value at the best epoch counts as "falling"
STALL_MIN_WAIT = 10  # evaluations without improvement before "validation has stopped improving"
WINDOW = 10  # recent history rows for "falling quickly" and "flattened"
FAST_DROP_REL = 0.10  # training loss fell more than this over WINDOW rows: "falling quickly"
FLAT_REL = 0.02  # both losses changed less than this over WINDOW rows: "flattened"
SMOOTH = 5  # rows of the running mean that "risen" and "falling" compare
NOISE_K = 2.0  # "risen" must also exceed this many times the validation curve's jitter

# Full English sentences with named fields. Ids are stable: translations key on the text,
# tests and the GUI on the id.
TEMPLATES: dict[str, str] = {
    "waiting": "{name}: waiting for the first evaluation.",
    "not_started": "{name}: not trained yet; the losses before the first step: training {train}, validation {val}.",
    "not_started_train": "{name}: not trained yet; the training loss before the first step: {train}.",
    "diverged": "{name}: the loss is no longer a finite number: training diverged. "
    "Lower the learning rate or the penalty and press Reset.",
    "stopped_restored": "{name}: stopped early at epoch {stop}; the best weights, from epoch {best}, were restored.",
    "stopped": "{name}: stopped early at epoch {stop}; validation loss was best at epoch {best}.",
    "overfitting": "{name}: validation loss has risen for {n} evaluations while training loss falls: "
    "the model is overfitting.",
    "es_countdown": "Early stopping will stop in {left} more.",
    "es_countdown_one": "Early stopping will stop at the next evaluation.",
    "stalled": "{name}: validation loss has not improved for {n} evaluations (best at epoch {best}).",
    "falling_fast": "{name}: training loss is still falling fast (down {pct} % in {epochs} epochs).",
    "flat": "{name}: both losses have flattened (training {train}, validation {val}).",
    "flat_train": "{name}: the training loss has flattened at {train}.",
    "improving": "{name}: both losses are still falling slowly (training {train}, validation {val}).",
    "improving_train": "{name}: the training loss is still falling slowly ({train}).",
    "improving_val_level": "{name}: the training loss is still falling slowly ({train}); the validation loss "
    "is not falling ({val}).",
    "finished": "Training finished at epoch {epoch}.",
    "best_variant": "Lowest validation loss: {name} ({val}).",
    "scaling": "{kind} dropout: the train-mode outputs average {mean}, the eval-mode output is {eval}.",
    **SEED_TEMPLATES,  # variants against seed noise, with replicates (_seeds.py)
}


@dataclass(frozen=True)
class Remark:
    """One sentence: TEMPLATES[template_id].format(**values). variant: index, or None for the run."""

    template_id: str
    values: dict[str, Any] = field(default_factory=dict)
    variant: Optional[int] = None

    def render(self, template: Optional[str] = None) -> str:
        return (template or TEMPLATES[self.template_id]).format(**self.values)


def num(x: float) -> str:
    """Numbers as a class reads them: 3 significant digits."""
    if x is None or not math.isfinite(x):
        return "–"
    if abs(x) >= 1000:
        return f"{x:.0f}"  # 10000, not 1e+04
    if x != 0 and abs(x) < 1e-3:
        return f"{x:.2e}"
    return f"{x:.3g}"


def describe(snap: Snapshot) -> list[Remark]:
    """The remarks for `snap`, variants in order, run-wide remarks last (see the module docstring)."""
    remarks: list[Remark] = []
    scaling = snap.extra.get("scaling") if isinstance(snap.extra, dict) else None
    if isinstance(scaling, dict) and scaling:
        for kind, entry in scaling.items():
            outs = np.asarray((entry or {}).get("train_outputs", ()), dtype=np.float64).ravel()
            outs = outs[np.isfinite(outs)]
            ev = float((entry or {}).get("eval_output", math.nan))
            if outs.size:
                remarks.append(Remark("scaling", {"kind": str(kind), "mean": f"{outs.mean():.1f}", "eval": num(ev)}))
        return remarks
    message = snap.message or ""
    error_diverged = snap.state == "error" and "diverg" in message.lower()
    speaking = first_replicates(snap)  # with replicates, the first seed speaks for its variant
    for i, v in enumerate(snap.variants):
        if i not in speaking:
            continue
        # the trainer names the variant ("variant 'p = 0': ...") when there are several
        named = len(snap.variants) == 1 or f"variant {v.name!r}" in message
        remarks.extend(_variant_remarks(i, v, error_diverged and named))
    remarks.extend(Remark(tid, values) for tid, values in seed_comparisons(snap))
    if len(snap.variants) >= 2 and snap.epoch > 0:  # at epoch 0 they all start from the same weights
        best = _best_variant(snap)
        if best is not None:
            remarks.append(
                Remark(
                    "best_variant",
                    {
                        "name": snap.variants[best].name,
                        "val": num(_last_finite(snap.variants[best].history.get("val_loss"))),
                    },
                )
            )
    if snap.state == "finished" and snap.variants and not all(v.early_stopping.stopped for v in snap.variants):
        remarks.append(Remark("finished", {"epoch": int(snap.epoch)}))
    return remarks


def explain(snap: Snapshot) -> list[str]:
    """English sentences: one string per variant (its sentences joined), then the run-wide ones."""
    return group_sentences(describe(snap), lambda r: r.render())


def group_sentences(remarks: list[Remark], render) -> list[str]:
    """Join each variant's rendered remarks into one line; run-wide remarks stay separate lines."""
    lines: list[str] = []
    last_variant: object = object()
    for r in remarks:
        text = render(r)
        if r.variant is not None and r.variant == last_variant and lines:
            lines[-1] = lines[-1] + " " + text
        else:
            lines.append(text)
        last_variant = r.variant
    return lines


# --- rules -----------------------------------------------------------------------------


def _variant_remarks(i: int, v: VariantState, diverged: bool) -> list[Remark]:
    h = v.history
    epochs = np.asarray(h.get("epoch", ()), dtype=np.float64)
    train = np.asarray(h.get("train_loss", ()), dtype=np.float64)
    val = np.asarray(h.get("val_loss", ()), dtype=np.float64)
    name = v.name
    if diverged:
        return [Remark("diverged", {"name": name}, i)]
    if epochs.size == 0 or train.size == 0:
        return [Remark("waiting", {"name": name}, i)]
    if float(epochs[-1]) <= 0:  # only the evaluation before training: nothing is falling yet
        first_val = _last_finite(val) if val.size == train.size else None
        if first_val is None:
            return [Remark("not_started_train", {"name": name, "train": num(float(train[-1]))}, i)]
        return [Remark("not_started", {"name": name, "train": num(float(train[-1])), "val": num(first_val)}, i)]
    if not math.isfinite(float(train[-1])):
        return [Remark("diverged", {"name": name}, i)]
    es = v.early_stopping
    if es.stopped and es.stop_epoch is not None:
        best = es.best_epoch if es.best_epoch is not None else es.stop_epoch
        tid = "stopped_restored" if es.restored else "stopped"
        return [Remark(tid, {"name": name, "stop": int(es.stop_epoch), "best": int(best)}, i)]

    has_val = val.size == train.size and np.isfinite(val).any()
    if has_val:
        finite = np.where(np.isfinite(val), val, np.inf)
        k_best = int(np.argmin(finite))
        if es.monitor == "val_loss" and es.best_epoch is not None and math.isfinite(es.best_value):
            n_since, best_epoch = int(es.wait), int(es.best_epoch)
        else:
            n_since, best_epoch = int(len(val) - 1 - k_best), int(epochs[k_best])
        # compare running medians: a dropout run's validation loss is jagged, and one lucky dip
        # (the raw best) or one bad evaluation must not decide "overfitting"
        vs, ts = _smoothed(val), _smoothed(train)
        if np.isfinite(vs).any():
            k_best_s = int(np.nanargmin(vs))
            best_s, now_s = float(vs[k_best_s]), float(vs[-1])
            tail = slice(max(0, len(val) - 2 * WINDOW), len(val))
            with np.errstate(all="ignore"), warnings.catch_warnings():
                warnings.simplefilter("ignore", RuntimeWarning)
                noise = float(np.nanstd(val[tail] - vs[tail]))
            noise = noise if math.isfinite(noise) else 0.0
            risen = math.isfinite(now_s) and now_s > best_s + max(RISE_REL * abs(best_s), NOISE_K * noise)
            train_falling = bool(np.isfinite(ts[[k_best_s, -1]]).all()) and float(ts[-1]) < float(ts[k_best_s]) * (
                1.0 - TRAIN_DROP_REL
            )
        else:
            risen = train_falling = False
        if n_since >= OVERFIT_MIN_WAIT and risen and train_falling:
            return [Remark("overfitting", {"name": name, "n": n_since}, i)] + _countdown(i, v)
        if n_since >= STALL_MIN_WAIT:
            return [Remark("stalled", {"name": name, "n": n_since, "best": best_epoch}, i)] + _countdown(i, v)

    recent = slice(max(0, len(train) - WINDOW - 1), len(train))
    t0, t1 = float(train[recent][0]), float(train[-1])
    span_epochs = int(epochs[-1] - epochs[recent][0])
    if len(train[recent]) >= 3 and math.isfinite(t0) and t0 > 0 and (t0 - t1) / t0 > FAST_DROP_REL:
        return [Remark("falling_fast", {"name": name, "pct": f"{100 * (t0 - t1) / t0:.0f}", "epochs": span_epochs}, i)]
    train_flat = len(train[recent]) >= WINDOW and _rel_change(train[recent]) < FLAT_REL
    if has_val:
        v_recent = val[recent]
        val_flat = len(v_recent) >= WINDOW and _rel_change(v_recent) < FLAT_REL
        values = {"name": name, "train": num(t1), "val": num(_last_finite(val))}
        if train_flat and val_flat:
            return [Remark("flat", values, i)]
        # falling: a new best within the last OVERFIT_MIN_WAIT evaluations (a falling curve, even a jagged
        # one, keeps setting new lows); the rules above took longer waits
        return [Remark("improving" if n_since < OVERFIT_MIN_WAIT else "improving_val_level", values, i)]
    if train_flat:
        return [Remark("flat_train", {"name": name, "train": num(t1)}, i)]
    return [Remark("improving_train", {"name": name, "train": num(t1)}, i)]


def _countdown(i: int, v: VariantState) -> list[Remark]:
    es = v.early_stopping
    if not es.enabled or es.stopped:
        return []
    left = max(0, int(es.patience) - int(es.wait))
    if left <= 1:
        return [Remark("es_countdown_one", {}, i)]
    return [Remark("es_countdown", {"left": left}, i)]


def _smoothed(a: np.ndarray) -> np.ndarray:
    """Trailing running mean over SMOOTH rows (the first rows over what there is)."""
    a = np.asarray(a, dtype=np.float64)
    if a.size == 0:
        return a
    padded = np.concatenate([np.full(SMOOTH - 1, np.nan), a])
    windows = np.lib.stride_tricks.sliding_window_view(padded, SMOOTH)
    with np.errstate(all="ignore"), warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # all-nan windows give nan
        return np.nanmean(windows, axis=1)


def _rel_change(a: np.ndarray) -> float:
    """Largest distance from the window's last value, relative to it (inf when undefined)."""
    a = np.asarray(a, dtype=np.float64)
    a = a[np.isfinite(a)]
    if a.size < 2:
        return math.inf
    ref = abs(float(a[-1])) or 1e-12
    return float(np.max(np.abs(a - a[-1]))) / ref


def _last_finite(a) -> Optional[float]:
    if a is None:
        return None
    a = np.asarray(a, dtype=np.float64)
    for x in a[::-1]:
        if math.isfinite(x):
            return float(x)
    return None


def _best_variant(snap: Snapshot) -> Optional[int]:
    best, best_val = None, math.inf
    for i, v in enumerate(snap.variants):
        x = _last_finite(v.history.get("val_loss"))
        if x is not None and x < best_val:
            best, best_val = i, x
    return best
