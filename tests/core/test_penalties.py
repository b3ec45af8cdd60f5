"""Penalties against closed forms, and against the optimisers' built-in weight decay."""

from __future__ import annotations

import copy

import pytest
import torch
from torch import nn

from explorer.core.nn import apply_decoupled_weight_decay, penalized_parameters, penalty


def known_layers() -> list[nn.Linear]:
    a = nn.Linear(2, 2)
    b = nn.Linear(2, 1)
    with torch.no_grad():
        a.weight.copy_(torch.tensor([[1.0, -2.0], [0.5, 0.0]]))  # sum|w| = 3.5, sum w^2 = 5.25
        a.bias.copy_(torch.tensor([1.0, -1.0]))  # sum|b| = 2,   sum b^2 = 2
        b.weight.copy_(torch.tensor([[-3.0, 4.0]]))  # sum|w| = 7,   sum w^2 = 25
        b.bias.copy_(torch.tensor([0.5]))  # sum|b| = 0.5, sum b^2 = 0.25
    return [a, b]


def test_l1_l2_closed_forms_weights_only() -> None:
    layers = known_layers()
    total, per_layer = penalty(layers, l1_lambda=0.1, l2_lambda=0.01, include_biases=False)
    expected = torch.tensor([0.1 * 3.5 + 0.01 * 5.25, 0.1 * 7 + 0.01 * 25])
    assert torch.allclose(per_layer, expected)
    assert torch.allclose(total, expected.sum())
    assert total.requires_grad and not per_layer.requires_grad
    assert per_layer.shape == (2,)


def test_biases_included_on_request() -> None:
    layers = known_layers()
    _, per_layer = penalty(layers, l1_lambda=0.1, l2_lambda=0.01, include_biases=True)
    expected = torch.tensor([0.1 * (3.5 + 2) + 0.01 * (5.25 + 2), 0.1 * (7 + 0.5) + 0.01 * (25 + 0.25)])
    assert torch.allclose(per_layer, expected)


def test_l2_has_no_half_factor() -> None:
    total, _ = penalty(known_layers(), l1_lambda=0.0, l2_lambda=1.0, include_biases=False)
    assert total.item() == pytest.approx(5.25 + 25)


def test_layer_without_bias() -> None:
    lin = nn.Linear(3, 2, bias=False)
    total, _ = penalty([lin], 0.0, 1.0, include_biases=True)
    assert torch.allclose(total, lin.weight.square().sum())


@pytest.mark.parametrize("include_biases", [False, True])
def test_gradients_match_closed_forms(include_biases: bool) -> None:
    torch.manual_seed(0)
    layers = [nn.Linear(4, 3), nn.Linear(3, 2)]
    l1, l2 = 0.03, 0.2
    total, _ = penalty(layers, l1, l2, include_biases)
    total.backward()
    for lin in layers:
        w = lin.weight.detach()
        # d/dw [l1 sum|w| + l2 sum w^2] = l1 sign(w) + 2 l2 w
        assert torch.allclose(lin.weight.grad, l1 * torch.sign(w) + 2 * l2 * w)
        b = lin.bias.detach()
        if include_biases:
            assert torch.allclose(lin.bias.grad, l1 * torch.sign(b) + 2 * l2 * b)
        else:
            assert lin.bias.grad is None


def test_zero_lambdas_build_no_graph() -> None:
    layers = known_layers()
    total, per_layer = penalty(layers, 0.0, 0.0, include_biases=True)
    assert total.item() == 0.0 and not total.requires_grad
    assert torch.equal(per_layer, torch.zeros(2))


def test_negative_lambda_refused() -> None:
    with pytest.raises(ValueError, match="l2_lambda"):
        penalty(known_layers(), 0.0, -1.0, include_biases=False)


def test_penalized_parameters_split() -> None:
    a, b = known_layers()
    decayed, rest = penalized_parameters([a, b], include_biases=False)
    assert [id(t) for t in decayed] == [id(a.weight), id(b.weight)]
    assert [id(t) for t in rest] == [id(a.bias), id(b.bias)]
    decayed, rest = penalized_parameters([a, b], include_biases=True)
    assert len(decayed) == 4 and rest == []


def regression_problem() -> tuple[nn.Module, torch.Tensor, torch.Tensor]:
    torch.manual_seed(1)
    net = nn.Sequential(nn.Linear(3, 8), nn.Tanh(), nn.Linear(8, 1))
    x, y = torch.randn(16, 3), torch.randn(16, 1)
    return net, x, y


def mse_step(
    net: nn.Module,
    optimizer: torch.optim.Optimizer,
    x: torch.Tensor,
    y: torch.Tensor,
    penalty_args: tuple[object, ...] | None = None,
) -> None:
    """One full-batch step on the mean squared error, plus the total of
    penalty(layers, l1_lambda, l2_lambda, include_biases) when those are given as `penalty_args`."""
    optimizer.zero_grad()
    loss = nn.functional.mse_loss(net(x), y)
    if penalty_args is not None:
        total, _ = penalty(*penalty_args)
        loss = loss + total
    loss.backward()
    optimizer.step()


def test_decoupled_decay_plus_adam_equals_adamw() -> None:
    net_a, x, y = regression_problem()
    net_b = copy.deepcopy(net_a)
    lr, wd = 0.01, 0.1
    adam = torch.optim.Adam(net_a.parameters(), lr=lr, weight_decay=0.0, foreach=False)
    adamw = torch.optim.AdamW(net_b.parameters(), lr=lr, weight_decay=wd, foreach=False)
    for _ in range(10):
        adam.zero_grad()
        nn.functional.mse_loss(net_a(x), y).backward()
        apply_decoupled_weight_decay(net_a.parameters(), lr=lr, weight_decay=wd)
        adam.step()
        mse_step(net_b, adamw, x, y)
    for pa, pb in zip(net_a.parameters(), net_b.parameters()):
        assert torch.allclose(pa, pb, atol=1e-6)


def test_decoupled_decay_zero_is_noop_and_formula() -> None:
    w = torch.tensor([1.0, -2.0])
    apply_decoupled_weight_decay([w], lr=0.1, weight_decay=0.0)
    assert torch.equal(w, torch.tensor([1.0, -2.0]))
    apply_decoupled_weight_decay([w], lr=0.1, weight_decay=0.5)
    assert torch.allclose(w, torch.tensor([0.95, -1.9]))  # w * (1 - 0.1 * 0.5)


def test_adam_l2_penalty_differs_from_adamw() -> None:
    net_a, x, y = regression_problem()
    net_b = copy.deepcopy(net_a)
    linears_a = [m for m in net_a if isinstance(m, nn.Linear)]
    lr, lam = 0.01, 0.05
    adam = torch.optim.Adam(net_a.parameters(), lr=lr)
    adamw = torch.optim.AdamW(net_b.parameters(), lr=lr, weight_decay=2 * lam)
    for _ in range(20):
        mse_step(net_a, adam, x, y, penalty_args=(linears_a, 0.0, lam, True))
        mse_step(net_b, adamw, x, y)
    assert not torch.allclose(net_a[0].weight, net_b[0].weight, atol=1e-4)


@pytest.mark.parametrize("include_biases", [False, True])
def test_sgd_with_l2_penalty_equals_sgd_weight_decay_2lambda(include_biases: bool) -> None:
    net_a, x, y = regression_problem()
    net_b = copy.deepcopy(net_a)
    linears_a = [m for m in net_a if isinstance(m, nn.Linear)]
    linears_b = [m for m in net_b if isinstance(m, nn.Linear)]
    lr, lam = 0.05, 0.03
    sgd_a = torch.optim.SGD(net_a.parameters(), lr=lr, momentum=0.9)
    decayed, rest = penalized_parameters(linears_b, include_biases)
    sgd_b = torch.optim.SGD(
        [{"params": decayed, "weight_decay": 2 * lam}, {"params": rest, "weight_decay": 0.0}], lr=lr, momentum=0.9
    )
    for _ in range(10):
        mse_step(net_a, sgd_a, x, y, penalty_args=(linears_a, 0.0, lam, include_biases))
        mse_step(net_b, sgd_b, x, y)
    for pa, pb in zip(net_a.parameters(), net_b.parameters()):
        assert torch.allclose(pa, pb, atol=1e-6)
