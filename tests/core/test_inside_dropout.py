"""Inside dropout: the Step inspector's numbers against autograd, and dropout at test time (MC dropout)."""

from __future__ import annotations

import math

import numpy as np
import pytest
import torch
from torch import nn

from explorer.core.config import Experiment
from explorer.core.nn import MLP, eval_forward, inverted_and_vanilla_masks, mc_forward
from explorer.core.protocol import MC_KEY, STEP_KEY, InspectStep, SetValue
from explorer.core.training import Trainer
from explorer.core.training._test_time import convergence_grid
from tests.core.small_runs import sine_run

KINDS = ("inverted", "vanilla", "gaussian", "dropconnect")


def _experiment(kind: str, p: float = 0.4, activation: str = "relu", **values) -> Experiment:
    layers = [
        {"width": 12, "activation": activation, "dropout_p": p, "dropout_kind": kind},
        {"width": 9, "activation": activation, "dropout_p": p, "dropout_kind": kind},
    ]
    settings = {"optimizer.kind": "sgd", "optimizer.lr": 0.05, "optimizer.momentum": 0.9, "training.epochs": 50}
    return sine_run(layers, settings, values, points=(16, 4, 4))


def _reference_step(trainer: Trainer, v: int, state: dict, generator_state: torch.Tensor) -> dict:
    """The same step with the variant's model alone under autograd: parameters and generator as they were."""
    run = trainer.variants[v]
    ref = MLP(trainer.dataset.input_dim, trainer.dataset.output_dim, run.config.network)
    for i, layer in enumerate(run.config.network.layers):
        ref.set_dropout(i, layer.dropout_kind, layer.dropout_p)
    ref.load_state_dict(state)
    gen = torch.Generator()
    gen.set_state(generator_state)
    ref.set_generator(gen)
    ref.train()
    outs: dict[int, torch.Tensor] = {}
    for i, drop in enumerate(ref.dropouts):
        drop.register_forward_hook(lambda mod, args, out, i=i: outs.__setitem__(i, out))
    pred = ref(trainer.dataset.x_train)
    hidden = list(ref.hidden_outputs)
    for t in hidden + list(outs.values()):
        t.retain_grad()
    loss = nn.MSELoss()(pred, trainer.dataset.y_train)
    loss.backward()
    return {"model": ref, "a": hidden, "d": outs}


@pytest.mark.parametrize("stacked", [True, False])
@pytest.mark.parametrize("kind", KINDS)
def test_shown_grad_a_is_autograds_for_every_dropout_kind(kind: str, stacked: bool) -> None:
    trainer = Trainer(_experiment(kind), stacked=stacked)
    assert trainer.stacked is stacked
    for layer in (0, 1):
        trainer.inspect_step(InspectStep(True, 0, layer, 5))
        for _ in range(3):
            trainer.step()
        run = trainer.variants[0]
        state = {k: v.detach().clone() for k, v in run.model.state_dict().items()}
        gen_state = run.generator.get_state()
        trainer.step()
        shown = trainer.snapshot(state="paused").extra[STEP_KEY]
        ref = _reference_step(trainer, 0, state, gen_state)
        assert shown.step == trainer.step_count and shown.layer == layer and shown.sample == 5
        assert shown.kind == kind and shown.batch_size == 16
        a = ref["a"][layer]
        np.testing.assert_allclose(shown.a, a[5].detach().numpy(), rtol=0, atol=1e-6)
        np.testing.assert_allclose(shown.grad_a, a.grad[5].numpy(), rtol=1e-5, atol=1e-8)
        np.testing.assert_allclose(shown.autograd_grad_a, a.grad[5].numpy(), rtol=1e-5, atol=1e-8)
        assert shown.max_difference == 0.0
        d = ref["d"][layer]
        np.testing.assert_allclose(shown.d, d[5].detach().numpy(), rtol=0, atol=1e-6)
        np.testing.assert_allclose(shown.grad_d, d.grad[5].numpy(), rtol=1e-5, atol=1e-8)
        if kind == "dropconnect":
            lin = ref["model"].linears[layer + 1]
            assert shown.m is None and shown.weight_mask is not None
            ro, co = shown.weight_mask.shape
            np.testing.assert_array_equal(shown.weight_mask, lin.last_mask[:ro, :co].numpy())
            assert set(np.unique(shown.weight_mask)) <= {0.0, float(np.float32(1) / np.float32(0.6))}
            np.testing.assert_array_equal(shown.weight_r >= 0.4, shown.weight_mask > 0)
            np.testing.assert_allclose(shown.weight_grad, lin.weight.grad[:ro, :co].numpy(), rtol=1e-5, atol=1e-8)
            np.testing.assert_allclose(shown.grad_a, shown.grad_d)  # no unit mask: de/da = de/dd
        else:
            mask = ref["model"].dropouts[layer].last_mask[5].numpy()
            np.testing.assert_array_equal(shown.m, mask)
            np.testing.assert_allclose(shown.grad_a, shown.grad_d * shown.m, rtol=1e-6, atol=1e-9)
            if kind == "gaussian":
                np.testing.assert_allclose(shown.m, 1 + math.sqrt(0.4 / 0.6) * shown.r, rtol=1e-5)
                assert shown.inverted_m is None
            else:
                keep = shown.r >= 0.4
                np.testing.assert_array_equal(shown.m > 0, keep)
                np.testing.assert_allclose(shown.inverted_m, keep / 0.6, rtol=1e-6)
                np.testing.assert_array_equal(shown.vanilla_m, keep.astype(float))
                np.testing.assert_allclose(shown.inverted_d, shown.a * keep / 0.6, rtol=1e-6)
                np.testing.assert_allclose(shown.vanilla_d, shown.a * keep, rtol=1e-6)


def test_capture_only_while_the_inspector_is_open() -> None:
    trainer = Trainer(_experiment("inverted"))
    trainer.step()
    assert trainer.step_capture is None and trainer._engine.capture is None
    assert STEP_KEY not in trainer.snapshot(state="paused").extra
    trainer.inspect_step(InspectStep(True, 0, 1, 0))
    assert STEP_KEY not in trainer.snapshot(state="paused").extra  # nothing recorded yet: no re-run
    trainer.step()
    first = trainer.snapshot(state="paused").extra[STEP_KEY]
    assert first.step == 2 and first.layer == 1
    trainer.inspect_step(InspectStep(True, 0, 0, 3))  # another layer and sample of the same step
    again = trainer.snapshot(state="paused").extra[STEP_KEY]
    assert again.step == 2 and (again.layer, again.sample) == (0, 3)
    trainer.inspect_step(InspectStep(open=False))
    trainer.step()
    assert trainer.step_capture is None and trainer._engine.capture is None
    assert STEP_KEY not in trainer.snapshot(state="paused").extra


def test_side_by_side_masks_from_the_same_draws() -> None:
    r = torch.tensor([0.1, 0.5, 0.49, 0.99, 0.0])
    inverted, vanilla = inverted_and_vanilla_masks(r, 0.5)
    assert inverted.tolist() == [0.0, 2.0, 0.0, 2.0, 0.0]
    assert vanilla.tolist() == [0.0, 1.0, 0.0, 1.0, 0.0]


# -- dropout at test time ----------------------------------------------------------------------------


def _linear_net(kind: str, p: float = 0.5) -> MLP:
    """Linear activations: the mean of the passes then equals the weight-scaled output exactly (in expectation)."""
    exp = _experiment(kind, p=p, activation="linear")
    torch.manual_seed(0)
    model = MLP(1, 1, exp.network)
    model.train()
    return model


@pytest.mark.parametrize("kind", ["inverted", "vanilla", "gaussian", "dropconnect"])
def test_mc_mean_converges_to_the_eval_output(kind: str) -> None:
    model = _linear_net(kind)
    x = torch.linspace(-2, 2, 40).view(-1, 1)
    gen = torch.Generator().manual_seed(1)
    outs = mc_forward(model, x, 4000, gen)
    assert outs.shape == (4000, 40, 1)
    ev = eval_forward(model, x)
    err = {t: float((outs[:t].mean(0) - ev).abs().mean()) for t in (10, 4000)}
    spread = float(outs.std(0).mean())
    assert spread > 0.05  # the passes really differ
    # the error of a mean of t passes falls like spread / sqrt(t): 20x from 10 to 4000 passes
    assert err[4000] < 0.25 * err[10]
    assert err[4000] < 3 * spread / math.sqrt(4000)
    if kind == "vanilla":  # without the (1-p) factor at eval, the passes' mean is far from the output
        unscaled = eval_forward(model, x, unscaled=True)
        assert float((outs.mean(0) - unscaled).abs().mean()) > 10 * err[4000]


def test_mc_forward_is_one_batched_forward() -> None:
    model = _linear_net("inverted")
    calls = []
    model.activations[0].register_forward_hook(lambda m, a, o: calls.append(tuple(o.shape)))
    mc_forward(model, torch.zeros(7, 1), 50)
    assert calls == [(50, 7, 12)]
    calls.clear()
    mc_forward(model, torch.zeros(7, 1), 50, max_values=7 * 12 * 20)  # memory-bound: chunks of 20 passes
    assert calls == [(20, 7, 12), (20, 7, 12), (10, 7, 12)]


def test_mc_forward_leaves_the_model_and_its_masks_alone() -> None:
    model = _linear_net("inverted")
    model(torch.ones(3, 1))
    mask = model.dropouts[0].last_mask.clone()
    hidden = model.hidden_outputs[0]
    mc_forward(model, torch.ones(5, 1), 20)
    assert torch.equal(model.dropouts[0].last_mask, mask) and model.hidden_outputs[0] is hidden


def test_convergence_grid() -> None:
    assert convergence_grid(50).tolist() == [1, 2, 5, 10, 20, 50]
    assert convergence_grid(1).tolist() == [1]
    assert convergence_grid(1000).tolist() == [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000]
    assert convergence_grid(30).tolist() == [1, 2, 5, 10, 20, 30]


def test_passes_are_drawn_only_while_the_view_is_on_and_never_change_training() -> None:
    plain = Trainer(_experiment("inverted"))
    viewed = Trainer(_experiment("inverted"))
    assert MC_KEY not in viewed.snapshot(state="paused").extra and viewed.test_time.draws == 0
    viewed.apply(SetValue("views.test_time_passes", 30))
    for _ in range(5):
        plain.step()
        viewed.step()
        states = viewed.snapshot(state="paused").extra[MC_KEY]
    assert viewed.test_time.draws == 5
    (state,) = states
    assert state.passes == 30 and state.step == 5 and state.has_dropout
    assert state.samples.shape == (30, len(state.mean)) and state.convergence_t.tolist() == [1, 2, 5, 10, 20, 30]
    stride = state.grid_stride
    np.testing.assert_allclose(state.eval_output, viewed.snapshot(state="paused").variants[0].grid_prediction[::stride])
    np.testing.assert_allclose(state.mean, state.samples.mean(0), rtol=1e-5, atol=1e-6)
    for a, b in zip(plain.variants[0].model.parameters(), viewed.variants[0].model.parameters()):
        assert torch.equal(a, b)
    viewed.apply(SetValue("views.test_time_passes", 0))
    assert MC_KEY not in viewed.snapshot(state="paused").extra


def test_while_running_the_passes_stay_within_their_budget() -> None:
    trainer = Trainer(_experiment("inverted"))
    trainer.apply(SetValue("views.test_time_passes", 50))
    first = trainer.snapshot(state="running").extra[MC_KEY]
    trainer.step()
    again = trainer.snapshot(state="running").extra[MC_KEY]  # at once: the last result, with its step
    assert again is first and again[0].step == 0 and trainer.test_time.draws == 1
    paused = trainer.snapshot(state="paused").extra[MC_KEY]  # paused: nothing trains, drawn now
    assert paused[0].step == 1 and trainer.test_time.draws == 2


def test_classification_spread_and_image_changes() -> None:
    exp = Experiment().with_values(
        {
            "dataset.kind": "moons",
            "dataset.n_train": 40,
            "network.layers": [{"width": 16, "activation": "relu", "dropout_p": 0.5}],
            "training.device": "cpu",
            "views.test_time_passes": 20,
        }
    )
    trainer = Trainer(exp)
    state = trainer.snapshot(state="paused").extra[MC_KEY][0]
    shape = trainer.dataset.grid_shape
    assert state.mean.shape == shape and state.sd.shape == shape and state.entropy.shape == shape
    assert state.sd.max() > 0 and 0 <= state.entropy.min() and state.entropy.max() <= math.log(2) + 1e-6
    digits = Experiment().with_values(
        {
            "dataset.kind": "digits",
            "dataset.max_samples": 300,
            "network.layers": [{"width": 32, "activation": "relu", "dropout_p": 0.5}],
            "training.device": "cpu",
            "views.test_time_passes": 40,
        }
    )
    trainer = Trainer(digits)
    state = trainer.snapshot(state="paused").extra[MC_KEY][0]
    n = trainer.dataset.grid_inputs.shape[0]
    assert state.changes.shape == (n,) and state.sd.shape == (n,)
    assert ((state.changes >= 0) & (state.changes <= 1)).all() and state.changes.max() > 0
    assert np.all(np.abs(state.changes * 40 - np.round(state.changes * 40)) < 1e-4)  # a count of passes


@pytest.mark.parametrize("kind", KINDS)
def test_each_pass_is_one_sampled_network(kind: str) -> None:
    """A pass shares its masks across the inputs (a sample curve is a function); passes differ."""
    model = _linear_net(kind)
    outs = mc_forward(model, torch.tensor([[0.7], [0.7], [-0.3]]), 30, torch.Generator().manual_seed(0))
    torch.testing.assert_close(outs[:, 0], outs[:, 1], rtol=1e-6, atol=1e-6)  # a matmul may round rows apart
    assert float(outs[:, 0].std()) > 0.01


def test_the_benchmark_runs_on_the_sessions_snapshot_clock() -> None:
    from explorer.core.io import _bench_test_time
    from explorer.core.session._session import SNAPSHOT_INTERVAL_S

    assert _bench_test_time.SNAPSHOT_INTERVAL_S == SNAPSHOT_INTERVAL_S
    figures = _bench_test_time.mc50_cost(seconds=0.3, repeats=1, passes=5)  # it runs; figures need an idle machine
    assert figures["mc50_draws"] >= 1 and figures["mc50_steps_per_s_on"] > 0


def test_the_session_keeps_the_inspector_open_across_rebuilds() -> None:
    from explorer.core.protocol import commands as C
    from explorer.core.session import Session, coalesce_commands

    events: list = []
    session = Session(lambda kind, payload: events.append((kind, payload)))
    session.handle(InspectStep(True, 0, 1, 2))  # before any run: kept for the first one
    session.handle(C.Rebuild(_experiment("inverted").to_json()))
    assert session.runner.step_capture is not None and session.runner.step_capture.selection.layer == 1
    session.handle(C.Step(1))
    session._train_chunk()
    session._send_snapshot()
    shown = [p for k, p in events if k == "snapshot"][-1].extra[STEP_KEY]
    assert (shown.step, shown.layer, shown.sample) == (1, 1, 2)
    session.handle(C.Rebuild(_experiment("vanilla").to_json()))  # reset / new model: still open
    assert session.runner.step_capture is not None
    session.handle(InspectStep(open=False))
    assert session.runner.step_capture is None
    session.handle(C.Rebuild(_experiment("vanilla").to_json()))
    assert session.runner.step_capture is None
    # restless hands: the last Rebuild wins, but the inspector's settings before it are kept
    queued = [InspectStep(True, 0, 0, 0), C.Rebuild("{}"), C.Pause(), C.Rebuild("{}")]
    assert coalesce_commands(queued) == [queued[0], queued[3]]
