"""The "what is happening" narrator: each rule on a hand-built history, and its Qt-free contract."""

from __future__ import annotations

import dataclasses
import math
import string

import numpy as np

from explorer.core.protocol import HISTORY_KEYS, DataView, EarlyStoppingState, Snapshot, VariantState
from explorer.core.session import TEMPLATES, Remark, describe, explain, narrator


def es_state(
    enabled=True,
    best_value=math.nan,
    best_epoch=None,
    wait=0,
    patience=20,
    stopped=False,
    stop_epoch=None,
    restored=False,
    monitor="val_loss",
) -> EarlyStoppingState:
    return EarlyStoppingState(
        enabled=enabled,
        monitor=monitor,
        best_value=best_value,
        best_epoch=best_epoch,
        wait=wait,
        patience=patience,
        stopped=stopped,
        stop_epoch=stop_epoch,
        restored=restored,
    )


def variant(name: str, train, val, epochs=None, es: EarlyStoppingState | None = None) -> VariantState:
    train = np.asarray(train, dtype=np.float64)
    n = len(train)
    epochs = np.arange(1, n + 1, dtype=np.float64) * 10 if epochs is None else np.asarray(epochs, dtype=np.float64)
    h = {k: np.full(n, np.nan) for k in HISTORY_KEYS}
    h.update(
        epoch=epochs,
        step=epochs,
        train_loss=train,
        val_loss=np.full(n, np.nan) if val is None else np.asarray(val, dtype=np.float64),
    )
    if es is None:
        es = es_state(enabled=False)
    return VariantState(
        name=name,
        history=h,
        weight_norm_history=np.zeros((n, 1)),
        activation_var_history=np.zeros((n, 1)),
        activation_mean_history=np.zeros((n, 1)),
        linears=(),
        hidden=(),
        grid_prediction=np.zeros(0),
        early_stopping=es,
        histogram_frames=(),
        finished=False,
    )


def snapshot(*variants: VariantState, state="running", message="", extra=None, epoch=None) -> Snapshot:
    last = max((float(v.history["epoch"][-1]) for v in variants if len(v.history["epoch"])), default=0.0)
    data = DataView(task="regression", x_train=np.zeros(3), y_train=np.zeros(3), x_test=np.zeros(3), y_test=np.zeros(3))
    return Snapshot(
        step=int(last),
        epoch=int(epoch if epoch is not None else last),
        total_epochs=10_000,
        steps_per_second=100.0,
        device="cpu",
        state=state,
        message=message,
        variants=tuple(variants),
        data=data,
        extra=extra or {},
    )


def overfitting_history(n=40, best=15):
    """Training loss falls all the way; validation falls to its best at row `best`, then climbs."""
    k = np.arange(n)
    train = 1.0 * np.exp(-k / 6) + 0.01
    val = np.where(k <= best, 1.0 * np.exp(-k / 6) + 0.2, np.exp(-best / 6) + 0.2 + 0.02 * (k - best))
    return train, val


def ids(snap) -> list[str]:
    return [r.template_id for r in describe(snap)]


# --- the rules ---------------------------------------------------------------------------


def test_overfitting_with_early_stopping_countdown():
    train, val = overfitting_history(n=40, best=15)
    es = es_state(enabled=True, best_value=float(val[15]), best_epoch=160, wait=12, patience=20)
    snap = snapshot(variant("p = 0", train, val, es=es))
    assert ids(snap) == ["overfitting", "es_countdown"]
    (line,) = explain(snap)
    assert line == (
        "p = 0: validation loss has risen for 12 evaluations while training loss falls: "
        "the model is overfitting. Early stopping will stop in 8 more."
    )


def test_overfitting_counts_rows_when_early_stopping_watches_something_else():
    train, val = overfitting_history(n=40, best=15)
    es = es_state(enabled=False, monitor="val_accuracy", best_value=0.9, best_epoch=100, wait=3)
    (remark,) = describe(snapshot(variant("model", train, val, es=es)))
    assert remark.template_id == "overfitting"
    assert remark.values["n"] == 40 - 1 - 15  # history rows after the lowest validation loss


def test_no_countdown_when_early_stopping_is_off_and_last_evaluation_wording():
    train, val = overfitting_history()
    off = es_state(enabled=False, best_value=float(val[15]), best_epoch=160, wait=24, patience=20)
    assert ids(snapshot(variant("a", train, val, es=off))) == ["overfitting"]
    one_left = es_state(enabled=True, best_value=float(val[15]), best_epoch=160, wait=19, patience=20)
    assert ids(snapshot(variant("a", train, val, es=one_left))) == ["overfitting", "es_countdown_one"]


def test_too_few_evaluations_since_the_best_is_not_yet_overfitting():
    train, val = overfitting_history(n=19, best=15)  # only 3 rows since the best
    es = es_state(enabled=True, best_value=float(val[15]), best_epoch=160, wait=3, patience=20)
    assert "overfitting" not in ids(snapshot(variant("a", train, val, es=es)))


def test_a_jagged_validation_curve_is_judged_by_its_trend():
    """Dropout makes validation loss jump around a flat level: one lucky dip is not a best to
    have "risen" from, so this is a stall, not overfitting."""
    n = 40
    train = 1.0 * np.exp(-np.arange(n) / 8) + 0.05
    val = 0.30 + 0.04 * np.where(np.arange(n) % 2, 1.0, -1.0)
    val[12] = 0.18  # one lucky evaluation
    es = es_state(enabled=True, best_value=0.18, best_epoch=130, wait=27, patience=50)
    assert ids(snapshot(variant("p = 0.5", train, val, es=es))) == ["stalled", "es_countdown"]
    # the same curve with a real upward trend is overfitting
    rising = val + 0.01 * np.maximum(np.arange(n) - 12, 0)
    assert ids(snapshot(variant("p = 0.5", train, rising, es=es)))[0] == "overfitting"


def test_stalled_validation_without_a_rise():
    n = 30
    train = np.full(n, 0.3)
    val = np.concatenate([np.linspace(1.0, 0.5, 10), np.full(n - 10, 0.5001)])
    es = es_state(enabled=True, best_value=0.5, best_epoch=100, wait=12, patience=50)
    remarks = describe(snapshot(variant("L2", train, val, es=es)))
    assert [r.template_id for r in remarks] == ["stalled", "es_countdown"]
    assert remarks[0].values == {"name": "L2", "n": 12, "best": 100}
    assert remarks[1].values == {"left": 38}


def test_training_loss_still_falling_quickly():
    k = np.arange(12)
    train = 2.0 * np.exp(-k / 4)
    val = train + 0.1
    es = es_state(best_value=float(val[-1]), best_epoch=120, wait=0)
    (remark,) = describe(snapshot(variant("model", train, val, es=es)))
    assert remark.template_id == "falling_fast"
    # over the last WINDOW = 10 recorded evaluations: row 1 -> row 11 (epochs 20 -> 120)
    assert remark.values["epochs"] == 100
    assert remark.values["pct"] == f"{100 * (train[1] - train[-1]) / train[1]:.0f}"


def test_both_losses_flattened():
    n = 30
    train = np.full(n, 0.1) + 1e-4 * np.arange(n)[::-1]
    val = np.full(n, 0.2) + 1e-4 * np.arange(n)[::-1]
    es = es_state(best_value=float(val[-1]), best_epoch=300, wait=0)
    snap = snapshot(variant("model", train, val, es=es))
    assert ids(snap) == ["flat"]
    assert explain(snap) == ["model: both losses have flattened (training 0.1, validation 0.2)."]


def test_slowly_improving_and_training_only():
    n = 30
    train = np.linspace(1.0, 0.9, n)  # ~0.4 % per row: neither fast nor flat
    val = np.linspace(1.2, 1.05, n)
    es = es_state(best_value=1.05, best_epoch=300, wait=0)
    assert ids(snapshot(variant("m", train, val, es=es))) == ["improving"]
    assert ids(snapshot(variant("m", train, None))) == ["improving_train"]
    assert ids(snapshot(variant("m", np.full(n, 0.5), None))) == ["flat_train"]


def test_both_losses_fall_only_when_the_validation_loss_does():
    """dropout-regression at epoch 1250: best validation 9 evaluations ago (not yet "stalled"), training
    still falling slowly; the narration said "both losses are still falling slowly"."""
    n = 30
    train = np.linspace(1.0, 0.9, n)
    rng = np.random.default_rng(0)
    val = np.concatenate([np.linspace(1.2, 1.0, n - 9), 1.02 + 0.01 * rng.standard_normal(9)])
    es = es_state(best_value=1.0, best_epoch=210, wait=9)
    snap = snapshot(variant("p = 0.5", train, val, es=es))
    assert ids(snap) == ["improving_val_level"]
    assert explain(snap) == [
        f"p = 0.5: the training loss is still falling slowly ({train[-1]:.3g}); the validation loss is not "
        f"falling ({val[-1]:.3g})."
    ]


def test_diverged_from_a_nan_loss_or_the_trainers_message():
    train = np.array([1.0, 0.5, np.nan])
    assert ids(snapshot(variant("m", train, [1.0, 0.6, np.nan]))) == ["diverged"]
    ok = variant("p = 0", [1.0, 0.5, 0.4], [1.0, 0.6, 0.5])
    bad = variant("p = 0.5", [1.0, 0.5, 0.4], [1.0, 0.6, 0.5])
    snap = snapshot(
        ok,
        bad,
        state="error",
        message="variant 'p = 0.5': the loss became NaN or infinite at step 30: training diverged.",
    )
    remarks = describe(snap)
    assert [r.template_id for r in remarks if r.variant == 1] == ["diverged"]
    assert "diverged" not in [r.template_id for r in remarks if r.variant == 0]


def test_stopped_early_with_and_without_restored_weights():
    train, val = overfitting_history()
    restored = es_state(
        enabled=True, best_value=0.3, best_epoch=380, wait=20, patience=20, stopped=True, stop_epoch=580, restored=True
    )
    assert explain(snapshot(variant("p = 0", train, val, es=restored))) == [
        "p = 0: stopped early at epoch 580; the best weights, from epoch 380, were restored."
    ]
    kept = dataclasses.replace(restored, restored=False)
    assert ids(snapshot(variant("p = 0", train, val, es=kept))) == ["stopped"]


def test_waiting_before_the_first_evaluation():
    assert explain(snapshot(variant("model", [], []))) == ["model: waiting for the first evaluation."]


def test_several_variants_name_the_best_and_the_end():
    train, val = overfitting_history()
    a = variant("p = 0", train, val)
    b = variant("p = 0.5", train, val * 0.5)
    snap = snapshot(a, b, state="finished")
    lines = explain(snap)
    assert lines[0].startswith("p = 0: ") and lines[1].startswith("p = 0.5: ")
    assert lines[2] == f"Lowest validation loss: p = 0.5 ({narrator.num(val[-1] * 0.5)})."
    assert lines[3] == "Training finished at epoch 400."


def test_dropout_scaling_demo():
    extra = {
        "scaling": {
            "inverted": {"train_outputs": np.array([9990.0, 10010.0]), "eval_output": 10000.0},
            "vanilla": {"train_outputs": np.array([4990.0, 5012.0]), "eval_output": 5000.0},
        }
    }
    lines = explain(snapshot(extra=extra))
    assert lines == [
        "inverted dropout: the train-mode outputs average 10000.0, the eval-mode output is 10000.",
        "vanilla dropout: the train-mode outputs average 5001.0, the eval-mode output is 5000.",
    ]


def test_deterministic_and_pure():
    train, val = overfitting_history()
    snap = snapshot(variant("a", train, val, es=es_state(best_value=float(val[15]), best_epoch=160, wait=24)))
    assert explain(snap) == explain(snap)
    assert describe(snap) == describe(snap)


# --- translation contract -------------------------------------------------------------------


def test_every_remark_uses_a_template_and_exactly_its_fields():
    """Each template is a full sentence whose {fields} are the remark's values (a translator's table)."""
    fields = {tid: {f for _, f, _, _ in string.Formatter().parse(t) if f} for tid, t in TEMPLATES.items()}
    train, val = overfitting_history()
    snaps = [
        snapshot(variant("a", train, val, es=es_state(best_value=float(val[15]), best_epoch=160, wait=24))),
        snapshot(variant("a", [], [])),
        snapshot(
            variant("a", np.linspace(1, 0.1, 20), None),
            variant("b", np.full(20, 0.2), np.full(20, 0.3)),
            state="finished",
        ),
    ]
    seen = set()
    for snap in snaps:
        for r in describe(snap):
            assert isinstance(r, Remark) and r.template_id in TEMPLATES
            assert set(r.values) == fields[r.template_id], r.template_id
            text = r.render()
            assert text.endswith(".") and "{" not in text
            seen.add(r.template_id)
    assert len(seen) >= 5
    for tid, template in TEMPLATES.items():
        assert template[:1].isupper() or template.startswith("{"), tid


def test_narrator_is_qt_free():
    import subprocess
    import sys

    code = (
        "import sys, explorer.core.session._narrator; "
        "bad = [m for m in sys.modules if m.startswith(('PySide6', 'pyqtgraph', 'PyQt'))]; "
        "sys.exit(1 if bad else 0)"
    )
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0


# --- replicates: variants against seed noise ------------------------------------------------------


def _with_accuracy(v: VariantState, acc: float) -> VariantState:
    h = dict(v.history)
    h["test_accuracy"] = np.full(len(h["epoch"]), acc)
    return dataclasses.replace(v, history=h)


def test_seed_noise_sentence_from_the_issue_numbers():
    """EXPERIMENTS.md #6, seeds 0-2: none 0.949/0.952/0.951, dropout 0.949/0.956/0.952:
    +0.17 points, paired SE 0.12: not distinguishable; swapped 0.953/0.958/0.959: a real difference."""
    train, val = [1.0, 0.9, 0.8], [1.1, 1.0, 0.9]
    runs = []
    for name, accs in (
        ("none", (0.949, 0.952, 0.951)),
        ("dropout", (0.949, 0.956, 0.952)),
        ("swapped", (0.953, 0.958, 0.959)),
    ):
        runs += [_with_accuracy(variant(f"{name} [seed {s}]", train, val), a) for s, a in enumerate(accs)]
    remarks = describe(snapshot(*runs))
    seeds = [r for r in remarks if r.template_id.startswith("seeds_")]
    assert [r.template_id for r in seeds] == ["seeds_acc_noise", "seeds_acc_clear"]
    diffs = np.array([0.0, 0.004, 0.001]) * 100
    assert seeds[0].values == {
        "a": "none",
        "b": "dropout",
        "diff": f"{diffs.mean():+.2f}",
        "se": f"{diffs.std(ddof=1) / math.sqrt(3):.2f}",
        "n": 3,
    }
    assert seeds[0].render().startswith("dropout vs none: +0.17 \u00b1 0.12 points of test accuracy over 3 seeds")
    # the per-run sentences: the first seed speaks for each variant (3 lines, not 9)
    speaking = {r.variant for r in remarks if r.variant is not None}
    assert speaking == {0, 3, 6}


def test_seed_sentences_only_with_replicates_and_from_a_real_run():
    from explorer.core.training import Trainer
    from tests.core.small_runs import run_to_end, sine_run

    assert not any(
        i.startswith("seeds_") for i in ids(snapshot(variant("a", [1.0], [1.0]), variant("b", [1.0], [1.0])))
    )
    exp = sine_run(
        [{"width": 8}],
        {"training.epochs": 3, "training.replicates": 3},
        {"variants": [{"name": "plain", "set": {}}, {"name": "huge L2", "set": {"regularization.l2_lambda": 5.0}}]},
    )
    lines = explain(run_to_end(Trainer(exp)).snapshot(state="finished"))
    assert any(line.startswith("huge L2 vs plain: ") and "in test loss over 3 seeds" in line for line in lines)


def test_before_the_first_step_nothing_is_said_to_fall_and_no_variant_is_best():
    """At epoch 0 the narration said "both losses are still falling slowly" and named a best variant."""
    snap = snapshot(variant("p = 0", [0.9], [1.1], epochs=[0]), variant("p = 0.5", [0.9], [1.1], epochs=[0]), epoch=0)
    assert ids(snap) == ["not_started", "not_started"]
    assert explain(snap)[0] == (
        "p = 0: not trained yet; the losses before the first step: training 0.9, validation 1.1."
    )
    alone = snapshot(variant("model", [2.0], None, epochs=[0]), epoch=0)
    assert explain(alone) == ["model: not trained yet; the training loss before the first step: 2."]
    trained = snapshot(
        variant("a", [0.9, 0.8], [1.1, 1.0], epochs=[0, 10]), variant("b", [0.9, 0.7], [1.1, 0.9], epochs=[0, 10])
    )
    assert "not_started" not in ids(trained) and "best_variant" in ids(trained)
