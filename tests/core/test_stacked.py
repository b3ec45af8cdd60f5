"""The stacked engine (compare mode's fast path): each variant trains as it would alone.

The contract is allclose (rtol 1e-5, atol 1e-6) against the per-model path; the
engine is built to give the same bits, which the bit-identity tests check too
(one torch thread)."""

from __future__ import annotations

import math

import numpy as np
import pytest
import torch

from explorer.core.config import Experiment
from explorer.core.io import checkpoint_payload, load_checkpoint, restore_trainer, save_checkpoint
from explorer.core.protocol import HISTORY_KEYS, SetValue, TrainingError
from explorer.core.training import Trainer
from explorer.core.training import _trainer as trainer_module
from explorer.core.training.stacked import ENV_SWITCH, why_not_stacked
from explorer.core.training.stacked import _engine as engine_module
from tests.core.small_runs import run_steps, sine_run, snapshot_leaves

pytestmark = pytest.mark.usefixtures("one_torch_thread")


def small(**values) -> Experiment:  # type: ignore[no-untyped-def]
    return sine_run(
        [{"width": 32, "dropout_p": 0.3}, {"width": 16, "activation": "tanh", "dropout_p": 0.2}],
        {"optimizer.lr": 0.05, "optimizer.momentum": 0.9, "training.epochs": 200},
        values,
    )


def alone(exp: Experiment, index: int) -> Experiment:
    """The experiment without variants, carrying variant `index`'s settings."""
    return exp.resolved_variants()[index]


def params(trainer: Trainer, v: int) -> list[torch.Tensor]:
    return [p.detach().clone() for p in trainer.variants[v].model.parameters()]


def optimizer_state(trainer: Trainer, v: int) -> dict:  # type: ignore[type-arg]
    return {
        k: {n: t.clone() if isinstance(t, torch.Tensor) else t for n, t in s.items()}
        for k, s in trainer.variants[v].optimizer.state_dict()["state"].items()
    }


def same_state(a: dict, b: dict) -> bool:  # type: ignore[type-arg]
    return a.keys() == b.keys() and all(
        a[k].keys() == b[k].keys() and all(torch.equal(a[k][n], b[k][n]) for n in a[k]) for k in a
    )


def assert_trainers_equal(a: Trainer, b: Trainer, va: int = 0, vb: int = 0, *, exact: bool = True) -> None:
    ra, rb = a.variants[va], b.variants[vb]
    for (name, x), y in zip(ra.model.named_parameters(), rb.model.parameters()):
        if exact:
            assert torch.equal(x, y), (ra.name, name, float((x - y).abs().max().detach()))
        else:
            assert torch.allclose(x, y, rtol=1e-5, atol=1e-6), (ra.name, name, float((x - y).abs().max().detach()))
    if exact:
        assert same_state(optimizer_state(a, va), optimizer_state(b, vb)), ra.name
        assert torch.equal(ra.generator.get_state(), rb.generator.get_state()), ra.name
        for key in HISTORY_KEYS + ("weight_norm", "activation_var", "activation_mean"):
            assert np.array_equal(ra.history.column(key), rb.history.column(key), equal_nan=True), (ra.name, key)


# -- a stacked variant trains as it does alone -----------------------------------------------------------

OPTIMIZERS = {
    "sgd": {"optimizer.kind": "sgd", "optimizer.momentum": 0.9, "optimizer.nesterov": True},
    "adam": {"optimizer.kind": "adam", "optimizer.lr": 0.01, "optimizer.betas": [0.85, 0.99]},
    "adamw": {"optimizer.kind": "adamw", "optimizer.lr": 0.01, "regularization.weight_decay": 0.05},
}
DROPOUT = ["none", "inverted", "vanilla", "gaussian", "dropconnect"]


def comparison(optimizer: str, dropout: str) -> Experiment:
    kind = "inverted" if dropout == "none" else dropout
    p = 0.0 if dropout == "none" else 0.4
    layers = [
        {"width": 32, "dropout_p": p, "dropout_kind": kind},
        {"width": 16, "activation": "tanh", "dropout_p": p / 2, "dropout_kind": kind},
    ]
    return small(
        **OPTIMIZERS[optimizer],
        **{"network.layers": layers, "training.batch_size": 8},
        variants=[
            {"name": "as set", "set": {}},
            {
                "name": "p and L2",
                "set": {"network.layers.0.dropout_p": p / 2, "regularization.l2_lambda": 0.003, "optimizer.lr": 0.02},
            },
            {
                "name": "L1 on biases",
                "set": {"regularization.l1_lambda": 0.001, "regularization.penalize_biases": True},
            },
        ],
    )


@pytest.mark.parametrize("dropout", DROPOUT)
@pytest.mark.parametrize("optimizer", list(OPTIMIZERS))
def test_a_stacked_variant_trains_as_it_does_alone(optimizer: str, dropout: str) -> None:
    exp = comparison(optimizer, dropout)
    stacked = Trainer(exp)
    assert stacked.stacked
    run_steps(stacked, 30)
    for v in range(3):
        single = run_steps(Trainer(alone(exp, v), stacked=False), 30)  # the per-model path
        assert not single.stacked
        assert_trainers_equal(stacked, single, v, 0, exact=False)


@pytest.mark.parametrize(
    "name, exp",
    [
        ("sgd, dropout and penalties", comparison("sgd", "inverted")),
        ("adam, gaussian", comparison("adam", "gaussian")),
        ("adamw, dropconnect, minibatches", comparison("adamw", "dropconnect")),
        (
            "sigmoid, gelu and vanilla",
            small(
                **{
                    "network.layers": [
                        {"width": 13, "activation": "sigmoid", "dropout_p": 0.3, "dropout_kind": "vanilla"},
                        {"width": 7, "activation": "gelu", "dropout_p": 0.5},
                    ],
                    "training.batch_size": 5,
                },
                variants=[{"name": "a", "set": {}}, {"name": "b", "set": {"regularization.l2_lambda": 0.01}}],
            ),
        ),
        (
            "digits, cross-entropy",
            Experiment().with_values(
                {
                    "dataset.kind": "digits",
                    "dataset.max_samples": 300,
                    "network.layers": [{"width": 24, "dropout_p": 0.2}],
                    "training.batch_size": 64,
                    "optimizer.lr": 0.1,
                    "training.device": "cpu",
                    "variants": [
                        {"name": "p", "set": {}},
                        {"name": "none", "set": {"network.layers.0.dropout_p": 0.0}},
                    ],
                }
            ),
        ),
        ("hidden width 1", small(**{"network.layers": [{"width": 1}, {"width": 9, "dropout_p": 0.5}]})),
    ],
)
@pytest.mark.parametrize("one_by_one", [False, True], ids=["batched-eval", "eval-one-by-one"])
def test_stacked_is_bit_identical_to_the_per_model_path(
    name: str, exp: Experiment, one_by_one: bool, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """Also with every evaluation (and the fit view's grid) one variant at a time, as large ones go."""
    monkeypatch.setattr(engine_module, "EVAL_ONE_BY_ONE", 1 if one_by_one else 1 << 40)
    a, b = Trainer(exp, stacked=False), Trainer(exp)
    assert b.stacked and not a.stacked
    for _ in range(3):  # evaluations in between (batch_size < n: epochs of several steps)
        run_steps(a, 7)
        run_steps(b, 7)
        for v in range(len(a.variants)):
            assert_trainers_equal(a, b, v, v)


# -- penalties, live changes, early stopping --------------------------------------------------------------


def test_penalty_per_variant_is_exact() -> None:
    exp = small(
        **{"network.layers": [{"width": 32}, {"width": 16, "activation": "tanh"}]},
        variants=[
            {"name": "none", "set": {}},
            {"name": "L1", "set": {"regularization.l1_lambda": 0.01}},
            {"name": "L2 + biases", "set": {"regularization.l2_lambda": 0.02, "regularization.penalize_biases": True}},
            {"name": "both", "set": {"regularization.l1_lambda": 0.003, "regularization.l2_lambda": 0.5}},
        ],
    )
    trainer = Trainer(exp)
    assert trainer.stacked
    linears = trainer.variants[0].model.linears
    weights = [lin.weight.detach().clone() for lin in linears]  # all variants start here
    biases = [lin.bias.detach().clone() for lin in linears]
    trainer.step()  # no dropout: the same data gradient
    data_grads = [p.grad.clone() for p in trainer.variants[0].model.parameters()]
    for run in trainer.variants:
        reg = run.config.regularization
        l1, l2, pb = reg.l1_lambda, reg.l2_lambda, reg.penalize_biases
        expected = [
            l1 * float(w.abs().sum())
            + l2 * float(w.square().sum())
            + (l1 * float(b.abs().sum()) + l2 * float(b.square().sum()) if pb else 0.0)
            for w, b in zip(weights, biases)
        ]
        assert run.last_penalty.tolist() == pytest.approx(expected, rel=1e-6, abs=1e-12), run.name
        # grad = data gradient + l1 sign(w) + 2 l2 w  (no 1/2 in L2)
        for lin, w, b, gw, gb in zip(run.model.linears, weights, biases, data_grads[0::2], data_grads[1::2]):
            assert torch.allclose(lin.weight.grad, gw + l1 * torch.sign(w) + 2 * l2 * w, atol=1e-6), run.name
            pen_b = l1 * torch.sign(b) + 2 * l2 * b if pb else torch.zeros_like(b)
            assert torch.allclose(lin.bias.grad, gb + pen_b, atol=1e-6), run.name
    trainer.evaluate()
    assert [run.history.last("penalty") for run in trainer.variants] == pytest.approx(
        [float(run.last_penalty.sum()) for run in trainer.variants]
    )
    assert trainer.variants[0].history.last("penalty") == 0.0


def test_a_live_lr_for_one_variant_changes_only_that_variant() -> None:
    exp = comparison("sgd", "inverted")
    a, b, per_model = Trainer(exp), Trainer(exp), Trainer(exp, stacked=False)
    for t in (a, b, per_model):
        run_steps(t, 3)
    a.apply(SetValue("optimizer.lr", 0.5, variant=1))
    per_model.apply(SetValue("optimizer.lr", 0.5, variant=1))
    assert [r.optimizer.param_groups[0]["lr"] for r in a.variants] == [0.05, 0.5, 0.05]
    for t in (a, b, per_model):
        run_steps(t, 4)
    assert_trainers_equal(a, b, 0, 0)
    assert_trainers_equal(a, b, 2, 2)
    assert not all(torch.equal(x, y) for x, y in zip(params(a, 1), params(b, 1)))
    assert_trainers_equal(a, per_model, 1, 1)  # the change is the per-model path's change


def test_live_dropout_and_penalty_changes_match_the_per_model_path() -> None:
    exp = comparison("adam", "inverted")
    a, b = Trainer(exp), Trainer(exp, stacked=False)
    for command in (
        SetValue("network.layers.0.dropout_p", 0.0, variant=2),
        SetValue("network.layers.1.dropout_kind", "dropconnect", variant=0),
        SetValue("network.layers.1.dropout_p", 0.5),
        SetValue("regularization.l1_lambda", 0.002, variant=1),
        SetValue("regularization.weight_decay", 0.1, variant=0),
        SetValue("optimizer.betas", [0.5, 0.9], variant=2),
    ):
        run_steps(a, 3)
        run_steps(b, 3)
        a.apply(command)
        b.apply(command)
    run_steps(a, 5)
    run_steps(b, 5)
    for v in range(3):
        assert_trainers_equal(a, b, v, v)
    assert a.variants[2].model.unit_mask(0) is None  # p = 0: no mask, as the model alone
    assert a.variants[0].model.dropconnect_mask(2) is not None
    assert a.variants[1].model.dropconnect_mask(2) is None


def test_a_finished_variant_stays_frozen() -> None:
    # min_delta is unreachable: variant "stops" at its second evaluation and restores the first
    exp = comparison("adam", "gaussian").with_values({"training.batch_size": None})
    exp = exp.with_values(
        {
            "variants": [
                {"name": "runs on", "set": {}},
                {
                    "name": "stops",
                    "set": {
                        "early_stopping.enabled": True,
                        "early_stopping.patience": 1,
                        "early_stopping.min_delta": 1e6,
                    },
                },
                {"name": "runs on too", "set": {"network.layers.0.dropout_kind": "dropconnect"}},
            ]
        }
    )
    trainer = Trainer(exp)
    start = params(trainer, 1)
    run_steps(trainer, 1)
    stopped = trainer.variants[1]
    assert stopped.finished and stopped.restored and not trainer.finished
    assert all(torch.equal(x, y) for x, y in zip(params(trainer, 1), start))  # the best: epoch 0
    frozen = (
        params(trainer, 1),
        optimizer_state(trainer, 1),
        stopped.generator.get_state(),
        [p.grad.clone() for p in stopped.model.parameters()],
        [h.clone() for h in stopped.model.hidden_outputs],
        stopped.model.unit_mask(0).clone(),
        stopped.history.size,
    )
    others = [params(trainer, v) for v in (0, 2)]
    run_steps(trainer, 6)
    assert all(torch.equal(x, y) for x, y in zip(params(trainer, 1), frozen[0]))
    assert same_state(optimizer_state(trainer, 1), frozen[1])
    assert torch.equal(stopped.generator.get_state(), frozen[2])
    assert all(torch.equal(p.grad, g) for p, g in zip(stopped.model.parameters(), frozen[3]))
    assert all(torch.equal(h, k) for h, k in zip(stopped.model.hidden_outputs, frozen[4]))
    assert torch.equal(stopped.model.unit_mask(0), frozen[5])
    assert stopped.history.size == frozen[6]
    for v, before in zip((0, 2), others):  # the others kept training
        assert not all(torch.equal(x, y) for x, y in zip(params(trainer, v), before))
    # and they trained exactly as without the stopped variant beside them
    single = run_steps(Trainer(alone(exp, 2), stacked=False), 7)
    assert_trainers_equal(trainer, single, 2, 0)


# -- checkpoints -----------------------------------------------------------------------------------------


def checkpoint_experiment() -> Experiment:
    return comparison("adam", "dropconnect").with_values(
        {
            "variants": [
                {"name": "dropconnect", "set": {}},
                {
                    "name": "gaussian + decay",
                    "set": {"network.layers.1.dropout_kind": "gaussian", "regularization.weight_decay": 0.1},
                },
                {"name": "stops early", "set": {"early_stopping.enabled": True, "early_stopping.patience": 2}},
            ]
        }
    )


def test_checkpoint_round_trip_through_the_stacked_path(tmp_path) -> None:
    exp = checkpoint_experiment()
    uninterrupted = run_steps(Trainer(exp), 25)
    first = run_steps(Trainer(exp), 11)
    resumed = restore_trainer(load_checkpoint(save_checkpoint(first, tmp_path / "c.pt")))
    assert resumed.stacked
    run_steps(first, 14)
    run_steps(resumed, 14)
    for v in range(3):
        assert_trainers_equal(resumed, first, v, v)
        assert_trainers_equal(resumed, uninterrupted, v, v)


@pytest.mark.parametrize("saved_stacked", [True, False])
def test_checkpoints_move_between_the_two_paths(tmp_path, monkeypatch, saved_stacked: bool) -> None:
    """Checkpoints keep torch's per-variant optimizer state_dict format, whichever path wrote them."""
    exp = checkpoint_experiment()
    writer = run_steps(Trainer(exp, stacked=saved_stacked), 9)
    payload = load_checkpoint(save_checkpoint(writer, tmp_path / "c.pt"))
    monkeypatch.setenv(ENV_SWITCH, "1" if not saved_stacked else "0")
    reader = restore_trainer(payload)
    assert reader.stacked is not saved_stacked
    run_steps(writer, 8)
    run_steps(reader, 8)
    for v in range(3):
        assert_trainers_equal(reader, writer, v, v)


def test_checkpoint_holds_torch_optimizer_state_of_every_variant() -> None:
    trainer = run_steps(Trainer(comparison("sgd", "inverted")), 2)
    payload = checkpoint_payload(trainer)
    for run, saved in zip(trainer.variants, payload["variants"]):
        state = saved["optimizer"]["state"]
        assert sorted(state) == list(range(6))  # 3 weights, then 3 biases
        weights = [lin.weight for lin in run.model.linears] + [lin.bias for lin in run.model.linears]
        for j, p in enumerate(weights):
            assert state[j]["momentum_buffer"].shape == p.shape
        assert saved["optimizer"]["param_groups"][0]["lr"] == run.config.optimizer.lr


# -- the models show what the stacked step did -------------------------------------------------------------


def test_snapshots_of_the_two_paths_are_identical(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    # histogram frames are taken on a wall clock: off here, or a slow moment on a busy machine
    # gives one trainer a frame more than the other
    monkeypatch.setattr(trainer_module, "FRAME_SECONDS", math.inf)
    exp = comparison("sgd", "dropconnect").with_values({"training.batch_size": None})
    a, b = run_steps(Trainer(exp), 4), run_steps(Trainer(exp, stacked=False), 4)
    sa, sb = a.snapshot(), b.snapshot()

    timings = ("wall_seconds", "steps_per_second")
    la, lb = list(snapshot_leaves(sa, skip=timings)), list(snapshot_leaves(sb, skip=timings))
    assert [p for p, _ in la] == [p for p, _ in lb]
    for (path, x), (_, y) in zip(la, lb):
        if isinstance(x, np.ndarray):
            assert np.array_equal(x, y, equal_nan=True), path
        elif isinstance(x, float) and math.isnan(x):
            assert math.isnan(y), path
        else:
            assert x == y, path
    dc = sa.variants[0].linears[2].dropconnect_mask  # p = 0.2 on layer 2
    assert dc is not None and set(np.unique(dc).tolist()) <= {0.0, float(np.float32(1) / np.float32(0.8))}


# -- when the engine is used --------------------------------------------------------------------------------


def test_the_engine_is_chosen_only_when_it_can_be(monkeypatch) -> None:
    exp = comparison("sgd", "inverted")
    assert Trainer(exp).stacked
    assert Trainer(alone(exp, 1)).stacked  # one variant: a stack of one
    assert not Trainer(exp, stacked=False).stacked
    mixed = exp.with_values(
        {"variants": [{"name": "sgd", "set": {}}, {"name": "adam", "set": {"optimizer.kind": "adam"}}]}
    )
    trainer = Trainer(mixed)
    assert not trainer.stacked
    assert "different optimizers" in why_not_stacked(trainer)
    run_steps(trainer, 3)  # the per-model path still trains them
    assert trainer.step_count == 3
    monkeypatch.setenv(ENV_SWITCH, "0")
    assert not Trainer(exp).stacked
    assert Trainer(exp, stacked=True).stacked  # an explicit request wins


def test_divergence_names_the_first_diverging_variant() -> None:
    exp = small(
        **{"optimizer.lr": 100.0, "optimizer.momentum": 0.0},
        variants=[
            {"name": "calm", "set": {"optimizer.lr": 0.001}},
            {"name": "wild", "set": {"regularization.l2_lambda": 50.0}},
        ],
    )
    trainer = Trainer(exp)
    assert trainer.stacked
    with pytest.raises(TrainingError) as info:
        run_steps(trainer, 200)
    assert str(info.value).startswith("variant 'wild': the loss became NaN or infinite")
    # the check comes before the update: nothing was stepped with the non-finite loss
    assert all(bool(torch.isfinite(p).all()) for p in trainer.variants[0].model.parameters())
