"""Replicates: training.replicates = N trains every variant with seeds seed..seed+N-1 in lockstep.

Replicate k must be exactly the run with training.seed = seed + k alone (its own initial weights,
batch order and masks; the data split fixed), stacked or per model; summaries and the metrics
export carry each seed's values and their mean and SD."""

from __future__ import annotations

import math

import numpy as np
import pytest
import torch

from explorer.core.config import Experiment
from explorer.core.io import history_table
from explorer.core.training import (
    Trainer,
    compare,
    mean_sd,
    replicate_groups,
    replicate_summary,
    split_name,
)
from explorer.core.training.stacked import _engine as engine_module
from tests.core.small_runs import run_to_end, sine_run

pytestmark = pytest.mark.usefixtures("one_torch_thread")

LAYERS = [{"width": 24, "dropout_p": 0.3}, {"width": 12, "activation": "tanh", "dropout_p": 0.2}]
VARIANTS = [{"name": "plain", "set": {}}, {"name": "l2", "set": {"regularization.l2_lambda": 0.01}}]


def experiment(**values) -> Experiment:  # type: ignore[no-untyped-def]
    base = {"optimizer.lr": 0.05, "optimizer.momentum": 0.9, "training.epochs": 6, "training.batch_size": 8}
    return sine_run(LAYERS, base, values)


@pytest.mark.parametrize("stacked", [True, False], ids=["stacked", "per-model"])
@pytest.mark.parametrize("batch", [8, None], ids=["minibatch", "full-batch"])
def test_replicate_k_is_the_run_with_seed_plus_k_bit_for_bit(stacked: bool, batch) -> None:  # type: ignore[no-untyped-def]
    many = run_to_end(
        Trainer(
            experiment(
                **{"training.replicates": 3, "training.seed": 5, "training.batch_size": batch}, variants=VARIANTS
            ),
            stacked=stacked,
        )
    )
    assert many.stacked == stacked
    assert [r.name for r in many.variants] == [f"{v} [seed {s}]" for v in ("plain", "l2") for s in (5, 6, 7)]
    for i, run in enumerate(many.variants):
        assert (run.group, run.seed, run.replicate) == (("plain", "l2")[i // 3], 5 + i % 3, i % 3)
        alone = run_to_end(
            Trainer(
                experiment(**{"training.seed": run.seed, "training.batch_size": batch}, variants=VARIANTS),
                stacked=stacked,
            )
        ).variants[i // 3]
        for x, y in zip(run.model.parameters(), alone.model.parameters()):
            assert torch.equal(x, y), run.name
        for key in ("train_loss", "val_loss", "test_loss", "activation_var"):
            assert np.array_equal(run.history.column(key), alone.history.column(key), equal_nan=True), (run.name, key)


def test_replicates_differ_but_share_the_data_split() -> None:
    t = Trainer(experiment(**{"training.replicates": 2}))
    a, b = t.variants
    assert not torch.equal(a.model.linears[0].weight, b.model.linears[0].weight)  # other initial weights
    first = t._batches()
    assert not torch.equal(first[0][0], first[1][0])  # other batch order
    alone = Trainer(experiment(**{"training.seed": 1}))
    assert torch.equal(alone.dataset.x_train, t.dataset.x_train)  # the same data
    assert torch.equal(alone.dataset.y_test, t.dataset.y_test)


def test_classification_replicates_stacked_match_alone() -> None:
    """Cross-entropy takes the per-run labels (V, B) in the stacked engine."""
    exp = Experiment().with_values(
        {
            "dataset.kind": "moons",
            "dataset.n_train": 40,
            "dataset.n_val": 10,
            "dataset.n_test": 10,
            "network.layers": [{"width": 16, "dropout_p": 0.2}],
            "training.batch_size": 10,
            "training.epochs": 3,
            "training.device": "cpu",
            "optimizer.lr": 0.1,
        }
    )
    many = run_to_end(Trainer(exp.with_values({"training.replicates": 2})))
    assert many.stacked
    alone = run_to_end(Trainer(exp.with_values({"training.seed": 1})))
    for x, y in zip(many.variants[1].model.parameters(), alone.variants[0].model.parameters()):
        assert torch.equal(x, y)


def test_one_replicate_keeps_the_plain_names_and_no_replicate_summary() -> None:
    t = run_to_end(Trainer(experiment(variants=VARIANTS)))
    assert [r.name for r in t.variants] == ["plain", "l2"]
    assert "replicates" not in t.summary()


def test_live_change_reaches_every_replicate_of_the_variant() -> None:
    from explorer.core.protocol import SetValue

    t = Trainer(experiment(**{"training.replicates": 2}, variants=VARIANTS))
    t.apply(SetValue("regularization.l2_lambda", 0.5, variant=1))
    assert [r.config.regularization.l2_lambda for r in t.variants] == [0.0, 0.0, 0.5, 0.5]


def test_mean_sd_arithmetic() -> None:
    m, sd = mean_sd([1.0, 2.0, 4.0])
    assert m == pytest.approx(7 / 3)
    assert sd == pytest.approx(math.sqrt(((1 - 7 / 3) ** 2 + (2 - 7 / 3) ** 2 + (4 - 7 / 3) ** 2) / 2))
    assert mean_sd([3.0]) == (3.0, 0.0)
    assert all(math.isnan(v) for v in mean_sd([]))


def test_summary_carries_per_seed_values_mean_and_sd() -> None:
    t = run_to_end(Trainer(experiment(**{"training.replicates": 3}, variants=VARIANTS)))
    summary = t.summary()
    rep = summary["replicates"]
    assert set(rep) == {"plain", "l2"}
    assert rep["l2"]["seeds"] == [0, 1, 2]
    per_seed = [summary["variants"][f"l2 [seed {s}]"]["final_test_loss"] for s in (0, 1, 2)]
    assert rep["l2"]["per_seed"]["final_test_loss"] == per_seed
    assert rep["l2"]["mean"]["final_test_loss"] == pytest.approx(np.mean(per_seed))
    assert rep["l2"]["sd"]["final_test_loss"] == pytest.approx(np.std(per_seed, ddof=1))
    assert rep["l2"]["sd"]["final_test_loss"] > 0  # the seeds really differ


def test_metrics_export_has_mean_and_sd_columns() -> None:
    t = run_to_end(Trainer(experiment(**{"training.replicates": 2}, variants=VARIANTS)))
    columns, rows = history_table(t)
    i_mean, i_sd = columns.index("plain/mean/test_loss"), columns.index("plain/sd/test_loss")
    a, b = columns.index("plain [seed 0]/test_loss"), columns.index("plain [seed 1]/test_loss")
    last = rows[-1]
    assert last[i_mean] == pytest.approx((last[a] + last[b]) / 2)
    assert last[i_sd] == pytest.approx(abs(last[a] - last[b]) / math.sqrt(2))
    assert "l2/sd/train_loss" in columns


def test_names_read_back_into_variants() -> None:
    assert split_name("dropout 0.5 [seed 12]") == ("dropout 0.5", 12)
    assert split_name("model") == ("model", None)
    assert replicate_groups(["a [seed 0]", "a [seed 1]", "b [seed 0]", "b [seed 1]"]) == {"a": [0, 1], "b": [2, 3]}
    summary = replicate_summary({"m": {"final_test_loss": 2.0}})
    assert summary["m"]["sd"]["final_test_loss"] == 0.0


def test_comparison_against_seed_noise() -> None:
    """Paired by seed: b - a per seed, mean and standard error; 2 SE decide."""
    a = {0: 0.949, 1: 0.952, 2: 0.951}
    b = {0: 0.949, 1: 0.956, 2: 0.952}
    c = compare(a, b, "final_test_accuracy", "none", "dropout")
    diffs = [0.0, 0.004, 0.001]
    assert c.difference == pytest.approx(np.mean(diffs))
    assert c.se == pytest.approx(np.std(diffs, ddof=1) / math.sqrt(3))
    assert c.distinguishable is False
    clear = compare(a, {s: v + 0.01 + 0.0001 * s for s, v in a.items()}, "m", "a", "b")
    assert clear.distinguishable is True
    assert compare({0: 1.0}, {0: 2.0}, "m", "a", "b").distinguishable is None  # one seed: no noise estimate


def test_checkpoint_resume_with_replicates_continues_every_batch_order(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Stopping mid-epoch and resuming gives the bits of the run that never stopped."""
    from explorer.core.io import load_checkpoint, restore_trainer, save_checkpoint

    exp = experiment(**{"training.replicates": 3, "training.epochs": 4})
    straight = run_to_end(Trainer(exp))
    first = Trainer(exp)
    for _ in range(5):  # 3 steps an epoch: stop inside epoch 2
        first.step()
    save_checkpoint(first, tmp_path / "mid.pt")
    resumed = run_to_end(restore_trainer(load_checkpoint(tmp_path / "mid.pt"), experiment=exp))
    for a, b in zip(straight.variants, resumed.variants):
        for x, y in zip(a.model.parameters(), b.model.parameters()):
            assert torch.equal(x, y), a.name


def test_headless_run_reports_mean_and_sd_per_variant(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import json

    from explorer.core.io import run_headless

    result = run_headless(experiment(**{"training.replicates": 2}, variants=VARIANTS), tmp_path, progress=False)
    text = result.describe()
    rep = json.loads((tmp_path / "metrics.json").read_text())["summary"]["replicates"]
    m, sd = rep["l2"]["mean"]["final_test_loss"], rep["l2"]["sd"]["final_test_loss"]
    assert "  l2, mean \u00b1 SD over seeds [0, 1]: train_loss" in text
    assert f"test_loss {m:.4g} \u00b1 {sd:.2g}" in text


@pytest.mark.parametrize("one_by_one", [False, True], ids=["batched-eval", "eval-one-by-one"])
@pytest.mark.parametrize("momentum", [0.0, 0.9], ids=["sgd", "momentum"])
def test_image_replicates_share_their_batches_and_match_alone_bit_for_bit(momentum, one_by_one, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Products large enough for the batched kernels (not the per-variant mm of tiny ones): the
    engine copies each replicate's batch once and the first layer reads it for every cell of that
    seed (group by group); SGD without momentum keeps no buffer; large evaluations go one variant
    at a time. Each run must still be the run with its values and seed alone, through the per-model path."""
    monkeypatch.setattr(engine_module, "EVAL_ONE_BY_ONE", 1 if one_by_one else 1 << 40)
    exp = Experiment().with_values(
        {
            "dataset.kind": "digits",
            "dataset.max_samples": 400,
            "network.layers": [{"width": 32, "dropout_p": 0.2}, {"width": 16, "dropout_p": 0.3}],
            "training.batch_size": 32,
            "training.epochs": 2,
            "training.device": "cpu",
            "optimizer.lr": 0.1,
            "optimizer.momentum": momentum,
        }
    )
    variants = [
        {"name": "none", "set": {"network.layers.0.dropout_p": 0.0, "network.layers.1.dropout_p": 0.0}},
        {"name": "half", "set": {"network.layers.0.dropout_p": 0.5, "network.layers.1.dropout_p": 0.5}},
        {"name": "l2", "set": {"regularization.l2_lambda": 0.001}},
    ]
    many = run_to_end(Trainer(exp.with_values({"training.replicates": 2, "variants": variants})))
    assert many.stacked and len(many.variants) == 6
    for i, run in enumerate(many.variants):
        alone = run_to_end(
            Trainer(exp.with_values({"training.seed": run.seed, "variants": variants}), stacked=False)
        ).variants[i // 2]
        for x, y in zip(run.model.parameters(), alone.model.parameters()):
            assert torch.equal(x, y), run.name
        for key in ("train_loss", "val_loss", "test_loss", "test_accuracy"):
            assert np.array_equal(run.history.column(key), alone.history.column(key), equal_nan=True), (run.name, key)


def test_a_live_rename_keeps_the_runs_training_under_the_new_name() -> None:
    import copy

    from explorer.core.config import VARIANT_NAME
    from explorer.core.protocol import SetValue
    from explorer.core.training import Trainer
    from tests.core.small_runs import run_steps, sine_run

    exp = sine_run(
        [{"width": 8, "dropout_p": 0.5}],
        {"training.replicates": 2, "training.epochs": 50},
        {"variants": [{"name": "p = 0", "set": {"network.layers.0.dropout_p": 0.0}}, {"name": "p = 0.5", "set": {}}]},
    )
    trainer = run_steps(Trainer(exp), 3)
    before = [copy.deepcopy(run.model.state_dict()) for run in trainer.variants]
    trainer.apply(SetValue(VARIANT_NAME, "p = 0.85", variant=1))
    trainer.apply(SetValue("network.layers.0.dropout_p", 0.85, variant=1))
    assert [run.name for run in trainer.variants] == [
        "p = 0 [seed 0]",
        "p = 0 [seed 1]",
        "p = 0.85 [seed 0]",
        "p = 0.85 [seed 1]",
    ]
    assert trainer.step_count == 3 and all(
        torch.equal(a, b)
        for run, old in zip(trainer.variants, before)
        for a, b in zip(run.model.state_dict().values(), old.values())
    )
    assert [v.name for v in trainer.snapshot().variants][2:] == ["p = 0.85 [seed 0]", "p = 0.85 [seed 1]"]
    assert trainer.variants[3].model.dropout_p(0) == 0.85
    run_steps(trainer, 2)
    assert trainer.step_count == 5
