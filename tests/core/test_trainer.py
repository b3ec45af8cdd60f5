"""The trainer: reproducibility, variants in lockstep, live changes, penalties and decay against
torch's own optimisers, early stopping, divergence, snapshots and the headline lesson."""

from __future__ import annotations

import copy
import math
import pickle

import numpy as np
import pytest
import torch
from torch import nn

from explorer.core.config import Experiment, load_preset
from explorer.core.protocol import HISTORY_KEYS, ConfigError, SetValue, Snapshot, TrainingError
from explorer.core.training import History, Trainer
from tests.core.small_runs import run_steps, run_to_end, sine_run, snapshot_leaves

pytestmark = pytest.mark.usefixtures("one_torch_thread")


def small(**values) -> Experiment:  # type: ignore[no-untyped-def]
    return sine_run(
        [{"width": 16, "dropout_p": 0.3}, {"width": 8, "activation": "tanh"}],
        {"optimizer.lr": 0.05, "optimizer.momentum": 0.5, "training.epochs": 20},
        values,
    )


def states_equal(a: nn.Module, b: nn.Module) -> bool:
    return states_equal_dict(a.state_dict(), b.state_dict())


def histories_equal(a: Trainer, b: Trainer) -> bool:
    return all(
        np.array_equal(ra.history.column(k), rb.history.column(k), equal_nan=True)
        for ra, rb in zip(a.variants, b.variants)
        for k in HISTORY_KEYS + ("weight_norm", "activation_var", "activation_mean")
    )


# -- reproducibility -----------------------------------------------------------------------------


def test_same_seed_gives_identical_runs() -> None:
    exp = small(**{"training.batch_size": 5})  # dropout masks and minibatch order both seeded
    a, b = run_to_end(Trainer(exp)), run_to_end(Trainer(exp))
    assert a.step_count == b.step_count == 20 * 5
    assert histories_equal(a, b)
    assert a.variants[0].history.size == 21  # one evaluation per epoch, plus the one at step 0
    assert states_equal(a.variants[0].model, b.variants[0].model)
    assert math.isfinite(a.variants[0].history.last("train_loss"))


def test_different_seed_differs_but_data_does_not() -> None:
    a = Trainer(small())
    b = Trainer(small(**{"training.seed": 1}))
    assert torch.equal(a.dataset.x_train, b.dataset.x_train)  # the data has its own seed
    assert torch.equal(a.dataset.y_train, b.dataset.y_train)
    assert not torch.equal(a.variants[0].model.linears[0].weight, b.variants[0].model.linears[0].weight)
    run_to_end(a)
    run_to_end(b)
    assert not np.array_equal(a.variants[0].history.column("train_loss"), b.variants[0].history.column("train_loss"))


def test_the_global_rng_is_left_alone() -> None:
    torch.manual_seed(123)
    expected = torch.rand(3)
    torch.manual_seed(123)
    run_steps(Trainer(small()), 3)
    assert torch.equal(torch.rand(3), expected)


# -- variants ----------------------------------------------------------------------------------------


def three_variants(**values) -> Experiment:  # type: ignore[no-untyped-def]
    return small(
        variants=[
            {"name": "p0", "set": {"network.layers.0.dropout_p": 0.0}},
            {"name": "l2", "set": {"regularization.l2_lambda": 0.01, "optimizer.lr": 0.02}},
            {"name": "dc", "set": {"network.layers.0.dropout_kind": "dropconnect", "network.layers.1.dropout_p": 0.2}},
        ],
        **values,
    )


def test_variants_start_from_identical_weights() -> None:
    trainer = Trainer(three_variants())
    first = trainer.variants[0].model
    assert [r.name for r in trainer.variants] == ["p0", "l2", "dc"]
    for run in trainer.variants[1:]:
        assert states_equal(first, run.model)
        assert run.model is not first
        assert run.model.linears[0].weight.data_ptr() != first.linears[0].weight.data_ptr()
    assert [r.model.dropout_p(0) for r in trainer.variants] == [0.0, 0.3, 0.3]
    assert [r.model.kinds[0] for r in trainer.variants] == ["inverted", "inverted", "dropconnect"]
    assert [r.optimizer.param_groups[0]["lr"] for r in trainer.variants] == [0.05, 0.02, 0.05]
    run_steps(trainer, 1)
    assert not states_equal(trainer.variants[0].model, trainer.variants[1].model)


@pytest.mark.parametrize("batch_size", [None, 7])
def test_a_variant_equals_the_same_experiment_without_variants(batch_size) -> None:  # type: ignore[no-untyped-def]
    exp = small(
        **{"training.batch_size": batch_size},
        variants=[
            {"name": "p = 0", "set": {"network.layers.0.dropout_p": 0.0}},
            {"name": "p = 0.3", "set": {}},
            {"name": "l2", "set": {"regularization.l2_lambda": 0.01}},
        ],
    )
    with_variants = Trainer(exp)
    alone = {
        "p = 0": Trainer(small(**{"training.batch_size": batch_size, "network.layers.0.dropout_p": 0.0})),
        "p = 0.3": Trainer(small(**{"training.batch_size": batch_size})),
        "l2": Trainer(small(**{"training.batch_size": batch_size, "regularization.l2_lambda": 0.01})),
    }
    for trainer in [with_variants, *alone.values()]:
        run_steps(trainer, 12)
    for run in with_variants.variants:
        assert states_equal(run.model, alone[run.name].variants[0].model), run.name
        assert np.array_equal(
            run.history.column("train_loss"), alone[run.name].variants[0].history.column("train_loss")
        )


# -- live changes ------------------------------------------------------------------------------------------


def test_live_dropout_change_takes_effect_at_the_next_step() -> None:
    a, b = Trainer(small()), Trainer(small())
    run_steps(a, 3)
    run_steps(b, 3)
    a.apply(SetValue("network.layers.0.dropout_p", 0.0))
    assert a.variants[0].model.dropout_p(0) == 0.0 and b.variants[0].model.dropout_p(0) == 0.3
    assert a.experiment.network.layers[0].dropout_p == 0.0
    assert a.variants[0].config.network.layers[0].dropout_p == 0.0
    assert states_equal(a.variants[0].model, b.variants[0].model)  # weights kept
    assert histories_equal(a, b)
    run_steps(a, 1)
    run_steps(b, 1)
    assert a.variants[0].model.unit_mask(0) is None
    assert not states_equal(a.variants[0].model, b.variants[0].model)
    assert a.variants[0].history.last("train_loss") != b.variants[0].history.last("train_loss")
    a.apply(SetValue("network.layers.1.dropout_kind", "dropconnect"))
    a.apply(SetValue("network.layers.1.dropout_p", 0.4))
    assert a.variants[0].model.linears[2].p == 0.4


def test_live_lr_scales_the_next_step_exactly() -> None:
    exp = small(**{"optimizer.momentum": 0.0})
    a, b = Trainer(exp), Trainer(exp)
    run_steps(a, 2)
    run_steps(b, 2)
    a.apply(SetValue("optimizer.lr", 0.15))
    assert [g["lr"] for g in a.variants[0].optimizer.param_groups] == [0.15, 0.15]
    assert [g["lr"] for g in b.variants[0].optimizer.param_groups] == [0.05, 0.05]
    before = [lin.weight.detach().clone() for lin in a.variants[0].model.linears]
    run_steps(a, 1)
    run_steps(b, 1)
    # same weights, same masks, same gradient: plain SGD steps are -lr * g, so the change is 3x
    for w0, la, lb in zip(before, a.variants[0].model.linears, b.variants[0].model.linears):
        assert torch.allclose(la.weight.detach() - w0, 3 * (lb.weight.detach() - w0), atol=1e-6)
    assert a.variants[0].history.last("train_loss") != b.variants[0].history.last("train_loss")


def test_live_l2_reaches_the_loss_at_the_next_step() -> None:
    exp = small(**{"network.layers.0.dropout_p": 0.0, "optimizer.momentum": 0.0})
    a, b = Trainer(exp), Trainer(exp)
    run_steps(a, 2)
    run_steps(b, 2)
    a.apply(SetValue("regularization.l2_lambda", 0.5))
    assert a.variants[0].config.regularization.l2_lambda == 0.5
    weights = [lin.weight.detach().clone() for lin in a.variants[0].model.linears]
    run_steps(a, 1)
    run_steps(b, 1)
    # the extra gradient is 2 * lambda * w: the two runs differ by exactly lr * 2 * 0.5 * w
    for w0, la, lb in zip(weights, a.variants[0].model.linears, b.variants[0].model.linears):
        assert torch.allclose(lb.weight.detach() - la.weight.detach(), 0.05 * 2 * 0.5 * w0, atol=1e-6)
    expected_penalty = 0.5 * sum(float(w.square().sum()) for w in weights)
    assert a.variants[0].history.last("penalty") == pytest.approx(expected_penalty, rel=1e-5)
    assert b.variants[0].history.last("penalty") == 0.0
    assert a.variants[0].history.last("train_loss") != b.variants[0].history.last("train_loss")


def test_live_value_for_one_variant_only() -> None:
    trainer = Trainer(three_variants())
    trainer.apply(SetValue("optimizer.lr", 0.5, variant=2))
    assert [r.optimizer.param_groups[0]["lr"] for r in trainer.variants] == [0.05, 0.02, 0.5]
    trainer.apply(SetValue("network.layers.1.dropout_p", 0.6))  # every variant, overrides included
    assert [r.model.dropout_p(1) for r in trainer.variants] == [0.6, 0.6, 0.6]
    assert trainer.variants[2].model.linears[2].p == 0.0  # layer 1 is unit dropout in "dc"
    trainer.apply(SetValue("early_stopping.patience", 3, variant=0))
    assert [r.early.patience for r in trainer.variants] == [3, 10, 10]


def test_non_live_change_is_refused_and_changes_nothing() -> None:
    trainer = Trainer(small())
    with pytest.raises(ConfigError):
        trainer.apply(SetValue("network.layers.0.width", 3))
    assert trainer.experiment == small()


def test_refused_variant_value_leaves_the_trainer_unchanged() -> None:
    trainer = Trainer(three_variants())
    before = trainer.experiment
    with pytest.raises(ConfigError):
        trainer.apply(SetValue("optimizer.lr", -1.0, variant=0))
    assert trainer.experiment == before
    trainer.apply(SetValue("regularization.l1_lambda", 0.001))  # the trainer still takes edits


# -- penalties and decay against torch's optimisers --------------------------------------------------------


@pytest.mark.parametrize(
    "l1, l2, biases, momentum", [(0.0, 0.05, False, 0.9), (0.01, 0.02, True, 0.0), (0.003, 0.0, False, 0.5)]
)
def test_penalty_under_sgd_equals_a_hand_written_loop(l1: float, l2: float, biases: bool, momentum: float) -> None:
    exp = small(
        **{
            "network.layers.0.dropout_p": 0.0,
            "regularization.l1_lambda": l1,
            "regularization.l2_lambda": l2,
            "regularization.penalize_biases": biases,
            "optimizer.momentum": momentum,
            "optimizer.lr": 0.03,
        }
    )
    trainer = Trainer(exp)
    model = copy.deepcopy(trainer.variants[0].model)
    model.set_generator(None)
    opt = torch.optim.SGD(model.parameters(), lr=0.03, momentum=momentum)
    x, y = trainer.dataset.x_train, trainer.dataset.y_train
    for _ in range(6):
        loss = nn.functional.mse_loss(model(x), y)
        for lin in model.linears:
            tensors = [lin.weight, lin.bias] if biases else [lin.weight]
            for t in tensors:
                loss = loss + l1 * t.abs().sum() + l2 * (t**2).sum()
        opt.zero_grad()
        loss.backward()
        opt.step()
    run_steps(trainer, 6)
    for mine, theirs in zip(model.parameters(), trainer.variants[0].model.parameters()):
        assert torch.allclose(mine, theirs, atol=1e-6)


def test_l2_under_plain_sgd_equals_sgd_weight_decay_of_twice_lambda() -> None:
    exp = small(**{"network.layers.0.dropout_p": 0.0, "regularization.l2_lambda": 0.05, "optimizer.momentum": 0.0})
    trainer = Trainer(exp)
    model = copy.deepcopy(trainer.variants[0].model)
    model.set_generator(None)
    opt = torch.optim.SGD(
        [
            {"params": [lin.weight for lin in model.linears], "weight_decay": 2 * 0.05},
            {"params": [lin.bias for lin in model.linears], "weight_decay": 0.0},
        ],
        lr=0.05,
    )
    for _ in range(5):
        opt.zero_grad()
        nn.functional.mse_loss(model(trainer.dataset.x_train), trainer.dataset.y_train).backward()
        opt.step()
    run_steps(trainer, 5)
    for mine, theirs in zip(model.parameters(), trainer.variants[0].model.parameters()):
        assert torch.allclose(mine, theirs, atol=1e-6)


def reference_run(trainer: Trainer, make_opt, steps: int) -> nn.Module:  # type: ignore[no-untyped-def]
    model = copy.deepcopy(trainer.variants[0].model)
    model.set_generator(None)
    opt = make_opt([lin.weight for lin in model.linears], [lin.bias for lin in model.linears])
    for _ in range(steps):
        opt.zero_grad()
        nn.functional.mse_loss(model(trainer.dataset.x_train), trainer.dataset.y_train).backward()
        opt.step()
    return model


@pytest.mark.parametrize("kind", ["adam", "adamw"])
@pytest.mark.parametrize("biases", [False, True])
def test_decoupled_weight_decay_equals_torch_adamw(kind: str, biases: bool) -> None:
    exp = small(
        **{
            "network.layers.0.dropout_p": 0.0,
            "optimizer.kind": kind,
            "optimizer.lr": 0.01,
            "optimizer.betas": [0.8, 0.99],
            "regularization.weight_decay": 0.5,
            "regularization.penalize_biases": biases,
        }
    )
    trainer = Trainer(exp)
    ref = reference_run(
        trainer,
        lambda w, b: torch.optim.AdamW(
            [{"params": w, "weight_decay": 0.5}, {"params": b, "weight_decay": 0.5 if biases else 0.0}],
            lr=0.01,
            betas=(0.8, 0.99),
        ),
        8,
    )
    run_steps(trainer, 8)
    for mine, theirs in zip(ref.parameters(), trainer.variants[0].model.parameters()):
        assert torch.allclose(mine, theirs, atol=1e-6)


def test_adam_l2_penalty_is_not_decoupled_decay() -> None:
    common = {"network.layers.0.dropout_p": 0.0, "optimizer.kind": "adam", "optimizer.lr": 0.01}
    penalised = run_steps(Trainer(small(**common, **{"regularization.l2_lambda": 0.25})), 8)
    decayed = run_steps(Trainer(small(**common, **{"regularization.weight_decay": 0.5})), 8)
    assert not torch.allclose(
        penalised.variants[0].model.linears[0].weight, decayed.variants[0].model.linears[0].weight, atol=1e-5
    )


def test_decoupled_weight_decay_under_plain_sgd_equals_sgd_weight_decay() -> None:
    exp = small(**{"network.layers.0.dropout_p": 0.0, "optimizer.momentum": 0.0, "regularization.weight_decay": 0.2})
    trainer = Trainer(exp)
    ref = reference_run(
        trainer,
        lambda w, b: torch.optim.SGD([{"params": w, "weight_decay": 0.2}, {"params": b, "weight_decay": 0.0}], lr=0.05),
        6,
    )
    run_steps(trainer, 6)
    for mine, theirs in zip(ref.parameters(), trainer.variants[0].model.parameters()):
        assert torch.allclose(mine, theirs, atol=1e-6)


# -- early stopping --------------------------------------------------------------------------------------------


def test_early_stopping_stops_patience_evaluations_after_the_best_and_restores_it() -> None:
    exp = load_preset("early-stopping").with_values({"training.epochs": 600})
    es = exp.early_stopping
    trainer = run_to_end(Trainer(exp, device="cpu"))
    run = trainer.variants[0]
    assert run.early.stopped and run.finished and trainer.finished
    assert run.early.stop_epoch - run.early.best_epoch == es.patience * exp.training.eval_every == 200
    assert trainer.epoch == run.early.stop_epoch < 600  # it really stopped early
    assert run.restored
    assert states_equal_dict(run.model.state_dict(), run.best_state)
    # the restored weights give the best validation loss back
    run.model.eval()
    with torch.no_grad():
        val = float(nn.functional.mse_loss(run.model(trainer.dataset.x_val), trainer.dataset.y_val))
    assert val == pytest.approx(run.early.best_value, rel=1e-6)
    epochs = run.history.column("epoch")
    best_row = int(np.flatnonzero(epochs == run.early.best_epoch)[0])
    assert run.history.column("val_loss")[best_row] == run.early.best_value
    assert np.nanmin(run.history.column("val_loss")) == run.early.best_value
    assert epochs[-1] == run.early.stop_epoch
    assert (
        f"early stopping at epoch {run.early.stop_epoch} (best epoch {run.early.best_epoch}, "
        "best weights restored)" == str(trainer.status_line())
    )
    assert trainer.status_line().id == "trainer.stopped_early_restored"
    summary = trainer.summary()["variants"]["model"]
    assert (summary["best_epoch"], summary["stop_epoch"], summary["restored_best"]) == (
        run.early.best_epoch,
        run.early.stop_epoch,
        True,
    )


def states_equal_dict(a: dict, b: dict) -> bool:  # type: ignore[type-arg]
    return a.keys() == b.keys() and all(torch.equal(a[k], b[k]) for k in a)


# -- divergence ----------------------------------------------------------------------------------------------------


def test_divergence_raises_a_training_error_naming_nan_and_the_lr() -> None:
    trainer = Trainer(small(**{"optimizer.lr": 100.0, "optimizer.momentum": 0.9, "training.epochs": 200}))
    with pytest.raises(TrainingError) as info:
        run_to_end(trainer)
    message = str(info.value)
    assert "NaN" in message and "learning rate (100)" in message
    assert f"at step {trainer.step_count}" in message


def test_divergence_names_the_variant_and_a_huge_penalty() -> None:
    trainer = Trainer(
        small(
            **{"optimizer.lr": 100.0, "training.epochs": 200},
            variants=[
                {"name": "calm", "set": {"optimizer.lr": 0.01}},
                {"name": "wild", "set": {"regularization.l2_lambda": 50.0}},
            ],
        )
    )
    with pytest.raises(TrainingError) as info:
        run_to_end(trainer)
    message = str(info.value)
    assert message.startswith("variant 'wild': the loss became NaN or infinite")
    assert "learning rate (100)" in message and "L2 50" in message


# -- the headline lesson ------------------------------------------------------------------------------------------


def test_dropout_regression_acceptance() -> None:
    trainer = run_to_end(Trainer(load_preset("dropout-regression"), device="cpu"))
    assert trainer.step_count == trainer.epoch == 2000
    summary = trainer.summary()["variants"]
    p0, p5 = summary["p = 0"], summary["p = 0.5"]
    assert p5["final_test_loss"] < p0["final_test_loss"]  # dropout generalises better
    assert p0["final_train_loss"] < p5["final_train_loss"]  # p = 0 threads the training points
    assert p0["final_train_loss"] < 1e-3
    runs = {r.name: r for r in trainer.variants}
    assert runs["p = 0"].history.column("epoch")[-1] == 2000
    assert runs["p = 0"].history.size == 2000 // 10 + 1


# -- snapshots ------------------------------------------------------------------------------------------------------


def check_numpy_only(snap: Snapshot) -> None:
    leaves = list(snapshot_leaves(snap))
    assert len(leaves) > 50
    bad = [p for p, v in leaves if isinstance(v, (torch.Tensor, nn.Module, torch.Generator))]
    assert not bad, bad
    assert all(isinstance(v, (np.ndarray, np.generic, int, float, str, bool, type(None))) for _, v in leaves), {
        p: type(v) for p, v in leaves if not isinstance(v, (np.ndarray, np.generic, int, float, str, bool, type(None)))
    }
    assert pickle.loads(pickle.dumps(snap)).step == snap.step


def check_snapshot_consistency(trainer: Trainer, snap: Snapshot) -> None:
    assert (snap.step, snap.epoch, snap.total_epochs) == (trainer.step_count, trainer.epoch, trainer.total_epochs)
    assert Experiment.model_validate_json(snap.experiment_json) == trainer.experiment
    for vs, run in zip(snap.variants, trainer.variants):
        assert vs.name == run.name
        lengths = {len(vs.history[k]) for k in HISTORY_KEYS}
        lengths |= {len(vs.weight_norm_history), len(vs.activation_var_history), len(vs.activation_mean_history)}
        assert lengths == {run.history.size}
        assert vs.weight_norm_history.shape[1] == len(run.model.linears)
        assert len(vs.linears) == len(run.model.linears)
        for layer, (ls, lin) in enumerate(zip(vs.linears, run.model.linears)):
            assert int(ls.weight_hist.counts.sum()) == lin.weight.numel()
            assert ls.weight_hist.counts.shape == (40,) and ls.weight_hist.edges.shape == (41,)
            # the edges cover every variant's weights of this layer and are the same for all variants
            w = lin.weight.detach().numpy().ravel()
            edges = ls.weight_hist.edges
            assert edges[0] < w.min() and w.max() < edges[-1]
            assert all(np.array_equal(other.linears[layer].weight_hist.edges, edges) for other in snap.variants)
            np.testing.assert_array_equal(ls.weight_hist.counts, np.histogram(w, edges.astype(np.float64))[0])
            g = lin.weight.grad.detach().numpy().ravel()
            np.testing.assert_array_equal(
                ls.grad_hist.counts, np.histogram(g, ls.grad_hist.edges.astype(np.float64))[0]
            )
            assert ls.weight_norm == pytest.approx(float(lin.weight.detach().norm()), rel=1e-6)
            assert ls.display_weights.shape == (min(16, lin.out_features), min(16, lin.in_features))
        for i, hs in enumerate(vs.hidden):
            p = run.model.dropout_p(i)
            assert hs.dropout_p == p
            if p > 0 and hs.dropout_kind != "dropconnect":
                assert hs.mask is not None and hs.mask.shape == (hs.width,)
                if hs.dropout_kind in ("inverted", "vanilla"):
                    keep = 1 / (1 - p) if hs.dropout_kind == "inverted" else 1.0
                    values = np.unique(hs.mask)
                    assert all(v == 0.0 or v == pytest.approx(keep, rel=1e-6) for v in values), values
            else:
                assert hs.mask is None
        for frame in vs.histogram_frames:
            assert [int(h.counts.sum()) for h in frame.hists] == [lin.weight.numel() for lin in run.model.linears]


def test_snapshot_of_a_regression_is_numpy_only_and_consistent() -> None:
    exp = small(
        **{"network.layers": [{"width": 32, "dropout_p": 0.5}, {"width": 20, "dropout_p": 0.2}], "training.epochs": 6},
        variants=[
            {"name": "inverted", "set": {}},
            {"name": "vanilla", "set": {"network.layers.0.dropout_kind": "vanilla"}},
            {"name": "dropconnect", "set": {"network.layers.1.dropout_kind": "dropconnect"}},
        ],
    )
    trainer = Trainer(exp)
    run_steps(trainer, 4)
    assert all(run.model.training for run in trainer.variants)
    snap = trainer.snapshot(state="paused", message="hi", steps_per_second=12.5, generation=3)
    assert all(run.model.training for run in trainer.variants)  # left in training mode
    check_numpy_only(snap)
    check_snapshot_consistency(trainer, snap)
    assert (snap.state, snap.message, snap.steps_per_second, snap.generation, snap.device) == (
        "paused",
        "hi",
        12.5,
        3,
        "cpu",
    )
    for vs in snap.variants:
        assert vs.grid_prediction.shape == (200,)
        assert vs.history["epoch"].tolist() == [0.0, 1.0, 2.0, 3.0, 4.0]
    assert snap.data.grid_x.shape == (200,)
    dc = snap.variants[2]
    assert dc.linears[2].dropconnect_mask is not None
    assert set(np.unique(dc.linears[2].dropconnect_mask).tolist()) <= {0.0, 1.25}
    assert snap.variants[0].linears[2].dropconnect_mask is None
    # the grid prediction is the eval-mode model on the grid
    run = trainer.variants[0]
    run.model.eval()
    with torch.no_grad():
        expected = run.model(trainer.dataset.grid_inputs)[:, 0].numpy()
    assert np.allclose(snap.variants[0].grid_prediction, expected, atol=1e-6)
    # a snapshot does not disturb training: the same run without snapshots is identical
    twin = Trainer(exp)
    run_steps(twin, 6)
    run_steps(trainer, 2)
    assert all(states_equal(a.model, b.model) for a, b in zip(trainer.variants, twin.variants))


def test_snapshot_before_any_step() -> None:
    trainer = Trainer(small())
    snap = trainer.snapshot()
    check_numpy_only(snap)
    assert all(ls.grad_hist is None for ls in snap.variants[0].linears)
    assert snap.variants[0].hidden[0].mask is None
    assert len(snap.variants[0].history["epoch"]) == 1


def test_snapshot_of_a_2d_classification() -> None:
    exp = Experiment().with_values(
        {
            "dataset.kind": "circles",
            "dataset.n_train": 40,
            "dataset.n_val": 10,
            "dataset.n_test": 10,
            "dataset.noise": 0.1,
            "network.layers": [{"width": 20, "dropout_p": 0.5}, {"width": 8}],
            "training.epochs": 3,
            "training.device": "cpu",
        }
    )
    trainer = Trainer(exp)
    run_steps(trainer, 2)
    snap = trainer.snapshot()
    check_numpy_only(snap)
    check_snapshot_consistency(trainer, snap)
    vs = snap.variants[0]
    assert vs.grid_prediction.shape == (60, 60)
    assert np.all((vs.grid_prediction >= 0) & (vs.grid_prediction <= 1))
    assert vs.hidden[0].neuron_maps.shape == (16, 60, 60) and vs.hidden[1].neuron_maps.shape == (8, 60, 60)
    assert 0.0 <= vs.history["train_accuracy"][-1] <= 1.0


def test_snapshot_of_digits() -> None:
    exp = load_preset("dropout-mlp").with_values(
        {"network.layers.0.width": 24, "network.layers.1.width": 12, "training.epochs": 1, "dataset.max_samples": 300}
    )
    trainer = Trainer(exp, device="cpu")
    run_steps(trainer, 1)
    snap = trainer.snapshot()
    check_numpy_only(snap)
    check_snapshot_consistency(trainer, snap)
    for vs in snap.variants:
        assert vs.grid_prediction.shape == (16, 10)
        assert np.allclose(vs.grid_prediction.sum(axis=1), 1.0, atol=1e-5)
    assert snap.data.x_train.shape == (16, 8, 8)
    assert [vs.hidden[0].dropout_p for vs in snap.variants] == [0.0, 0.2]


# -- history and batches ------------------------------------------------------------------------------------------


def test_history_decimation_keeps_the_first_and_last_rows() -> None:
    h = History({"epoch": 1, "pair": 2}, capacity=8)
    for i in range(100):
        h.append({"epoch": i, "pair": [i, -i]}, force=(i == 99))  # the trainer forces its last evaluation
    epochs = h.column("epoch")
    assert 2 <= h.size <= 8
    assert epochs[0] == 0 and epochs[-1] == 99
    assert np.all(np.diff(epochs) > 0)
    assert np.array_equal(h.column("pair"), np.stack([epochs, -epochs], axis=1))
    assert h.last("epoch") == 99


def test_history_without_force_keeps_a_row_within_one_stride_of_the_end() -> None:
    h = History({"epoch": 1}, capacity=8)
    for i in range(100):
        h.append({"epoch": i})
    epochs = h.column("epoch")
    assert h.size <= 8 and epochs[0] == 0
    assert 99 - epochs[-1] < h.stride
    with pytest.raises(ValueError):
        History({"a": 1}, capacity=7)


def test_trainer_history_is_bounded() -> None:
    trainer = run_to_end(
        Trainer(small(**{"training.epochs": 100, "network.layers": [{"width": 4}]}), history_capacity=8)
    )
    epochs = trainer.variants[0].history.column("epoch")
    assert trainer.variants[0].history.size <= 8
    assert epochs[0] == 0 and epochs[-1] == 100
    assert trainer.summary()["variants"]["model"]["final_train_loss"] == trainer.variants[0].history.last("train_loss")


@pytest.mark.parametrize("batch_size, steps", [(None, 1), (5, 4), (7, 3), (20, 1), (500, 1)])
def test_steps_per_epoch(batch_size, steps: int) -> None:  # type: ignore[no-untyped-def]
    exp = load_preset("weight-decay-highdim").with_values({"training.batch_size": batch_size, "training.epochs": 2})
    trainer = Trainer(exp, device="cpu")
    assert trainer.dataset.n_train == 20
    assert trainer.steps_per_epoch == steps
    assert trainer.batch_size == min(batch_size or 20, 20)
    run_steps(trainer, steps)
    assert trainer.epoch == 1 and trainer.step_count == steps
    run_to_end(trainer)
    assert trainer.step_count == 2 * steps


def test_an_epoch_of_minibatches_visits_every_sample_once() -> None:
    exp = load_preset("weight-decay-highdim").with_values({"training.epochs": 3})
    trainer = Trainer(exp, device="cpu")
    perms = []
    for epoch in range(2):
        for batch in range(4):
            trainer.step()
            if batch == 0:
                perms.append(trainer._perm.clone())
            assert torch.equal(trainer._perm, perms[-1])  # one permutation for the whole epoch
    for perm in perms:
        assert torch.equal(torch.sort(perm).values, torch.arange(20))
    assert not torch.equal(perms[0], perms[1])  # a new order each epoch


def test_zero_epochs_and_demo_kind() -> None:
    trainer = Trainer(small(**{"training.epochs": 0}))
    assert trainer.finished
    trainer.step()
    assert trainer.step_count == 0
    with pytest.raises(TrainingError, match="demonstration"):
        Trainer(load_preset("dropout-scaling"))


def test_summary_counts_weights_at_zero_and_reads_the_activation_variance() -> None:
    """near_zero_weight_fraction counts |w| < 1e-3 over the weights (not the biases); the activation
    variances are the last row the activations view draws, per hidden layer and their mean."""
    from explorer.core.training._report import NEAR_ZERO_WEIGHT

    exp = sine_run([{"width": 6}, {"width": 4}], {"training.epochs": 3}, {})
    trainer = run_to_end(Trainer(exp))
    linears = trainer.variants[0].model.linears
    with torch.no_grad():
        for lin in linears:
            lin.weight.fill_(0.5)
            lin.bias.zero_()  # biases at zero do not count
        linears[0].weight[:3, 0] = torch.tensor([0.0, 0.5 * NEAR_ZERO_WEIGHT, -0.9 * NEAR_ZERO_WEIGHT])
        linears[1].weight[0, :2] = torch.tensor([NEAR_ZERO_WEIGHT, -2 * NEAR_ZERO_WEIGHT])  # not below
    total = 6 * 1 + 4 * 6 + 1 * 4
    summary = trainer.summary()["variants"]["model"]
    assert summary["near_zero_weight_fraction"] == pytest.approx(3 / total)
    last = trainer.variants[0].history.column("activation_var")[-1]
    assert summary["final_activation_variance_1"] == pytest.approx(float(last[0]))
    assert summary["final_activation_variance_2"] == pytest.approx(float(last[1]))
    assert summary["final_activation_variance"] == pytest.approx(float(np.mean(last)))
    assert summary["final_activation_variance_1"] > 0
    # no hidden layer: no activation variance
    flat = run_to_end(Trainer(sine_run([], {"training.epochs": 2}, {}))).summary()["variants"]["model"]
    assert flat["final_activation_variance"] is None and "final_activation_variance_1" not in flat
