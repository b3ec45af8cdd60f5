"""Numbers, not smoke: the dropout variants against their formulas and EXPERIMENTS.md §2-3.

Statistical tolerances are stated next to each check as a multiple of the
standard error; every draw comes from a seeded generator, so the tests are
deterministic and the tolerance only guards against a wrong formula.
"""

from __future__ import annotations

import math

import pytest
import torch
import torch.nn.functional as F
from hypothesis import given, settings
from hypothesis import strategies as st
from torch import nn

from explorer.core.nn import (
    DROPOUT_KINDS,
    DropConnectLinear,
    GaussianDropout,
    InvertedDropout,
    NoDropout,
    VanillaDropout,
    make_dropout,
)

UNIT_KINDS = (InvertedDropout, VanillaDropout, GaussianDropout)


def gen(seed: int = 0) -> torch.Generator:
    return torch.Generator().manual_seed(seed)


def clone_gen(g: torch.Generator) -> torch.Generator:
    c = torch.Generator()
    c.set_state(g.get_state())
    return c


# ----- inverted dropout ----------------------------------------------------------
def test_inverted_preserves_mean_and_values_are_zero_or_scaled() -> None:
    p = 0.3
    d = InvertedDropout(p)
    d.generator = gen(1)
    out = d(torch.ones(200_000))
    # m has mean 1, variance p/(1-p) = 0.43: standard error 0.0015, 0.01 is ~7 sigma
    assert abs(out.mean().item() - 1.0) < 0.01
    scale = torch.tensor(1.0) / (1.0 - p)
    assert bool(((out == 0) | (out == scale)).all())
    assert torch.equal(d.last_mask, out)  # x = 1, so out is the mask


def test_inverted_eval_is_exact_identity() -> None:
    d = InvertedDropout(0.5).eval()
    x = torch.randn(64, 32)
    assert torch.equal(d(x), x)


def test_inverted_matches_torch_formula_on_the_same_r() -> None:
    p = 0.37
    g = gen(123)
    r = torch.rand((50, 40), generator=clone_gen(g))  # the same r the module will draw
    x = torch.randn(50, 40)
    d = InvertedDropout(p)
    d.generator = g
    expected = x * ((r >= p) / (1 - p))  # torch.nn.Dropout: m = (r >= p) / (1 - p)
    assert torch.equal(d(x), expected)


def test_inverted_kept_fraction_matches_torch_dropout() -> None:
    p, n = 0.3, 200_000
    torch.manual_seed(0)
    ours = InvertedDropout(p)
    ours.generator = gen(5)
    kept_ours = (ours(torch.ones(n)) != 0).float().mean().item()
    kept_torch = (nn.Dropout(p)(torch.ones(n)) != 0).float().mean().item()
    # each fraction has std sqrt(0.21/n) = 0.001; 0.01 on their difference is ~7 sigma
    assert abs(kept_ours - kept_torch) < 0.01
    assert abs(kept_ours - (1 - p)) < 0.01


# ----- EXPERIMENTS.md §2: Dropout(0.5) -> Linear(10000, 1) of ones -> ReLU --------
def scaling_net(dropout: nn.Module) -> nn.Sequential:
    lin = nn.Linear(10_000, 1, bias=False)
    with torch.no_grad():
        lin.weight.fill_(1.0)
    return nn.Sequential(dropout, lin, nn.ReLU())


@pytest.mark.parametrize(
    "kind, multiple_of, expected, spread, mean_tolerance",
    [
        # 2 * Binomial(10000, 0.5): even integers, std 100; the std of the mean is 14
        (InvertedDropout, 2, 10_000.0, 300, 100),
        # Binomial(10000, 0.5): integers, std 50 (250 is 5 sigma); the std of the mean is 7
        (VanillaDropout, 1, 5_000.0, 250, 50),
    ],
    ids=["inverted", "vanilla"],
)
def test_scaling_experiment(
    kind,
    multiple_of: int,
    expected: float,
    spread: float,  # type: ignore[no-untyped-def]
    mean_tolerance: float,
) -> None:
    d = kind(0.5)
    d.generator = gen(2024)
    net = scaling_net(d)
    x = torch.ones(10_000)
    with torch.no_grad():
        outs = torch.stack([net(x) for _ in range(50)]).flatten()
    assert bool((outs == torch.round(outs)).all())
    assert bool((outs.remainder(multiple_of) == 0).all())
    assert bool(((outs - expected).abs() <= spread).all())
    assert abs(outs.mean().item() - expected) < mean_tolerance
    net.eval()
    assert net(x).item() == expected


# ----- vanilla ------------------------------------------------------------------
def test_vanilla_eval_scales_and_train_keeps_or_zeros() -> None:
    p = 0.4
    d = VanillaDropout(p)
    d.generator = gen(3)
    x = torch.randn(1000)
    out = d(x)
    assert bool(((out == 0) | (out == x)).all())
    assert set(d.last_mask.unique().tolist()) <= {0.0, 1.0}
    d.eval()
    assert torch.equal(d(x), x * (1 - p))


# ----- backward: dL/dx = dL/dout * m --------------------------------------------
@pytest.mark.parametrize("cls", UNIT_KINDS)
def test_gradient_is_the_multiplier(cls: type) -> None:
    d = cls(0.3)
    d.generator = gen(4)
    x = torch.randn(20, 30, requires_grad=True)
    d(x).sum().backward()
    assert torch.equal(x.grad, d.last_mask)


# ----- Gaussian dropout ---------------------------------------------------------
def test_gaussian_multiplier_moments() -> None:
    p, n = 0.3, 200_000
    d = GaussianDropout(p)
    d.generator = gen(6)
    d(torch.ones(n))
    m = d.last_mask
    var = p / (1 - p)  # 0.4286, same as inverted dropout's multiplier
    # mean: std err sqrt(var/n) = 0.0015; variance: std err var*sqrt(2/n) = 0.0014
    assert abs(m.mean().item() - 1.0) < 0.01
    assert abs(m.var().item() - var) < 0.01


def test_gaussian_eval_is_identity() -> None:
    x = torch.randn(10, 10)
    assert torch.equal(GaussianDropout(0.5).eval()(x), x)


# ----- DropConnect --------------------------------------------------------------
def test_dropconnect_expectation_equals_eval_output() -> None:
    torch.manual_seed(0)
    p, n_draws = 0.5, 4000
    layer = DropConnectLinear(16, 4, p=p, generator=gen(7))
    x = torch.randn(3, 16)
    with torch.no_grad():
        mean = torch.stack([layer(x) for _ in range(n_draws)]).mean(0)
        expected = F.linear(x, layer.weight, layer.bias)
        # each term x_i W_ji M_ji/(1-p) has variance (x_i W_ji)^2 p/(1-p), so
        # Var(y_bj) = p/(1-p) * (sum_i (x_bi W_ji)^2 + b_j^2); allow 5 standard errors
        var = p / (1 - p) * ((x[:, None, :] * layer.weight[None]) ** 2).sum(-1) + layer.bias**2
        tol = 5 * torch.sqrt(var / n_draws)
    assert bool(((mean - expected).abs() <= tol).all())


def test_dropconnect_mask_values_and_eval_and_p1() -> None:
    p = 0.25
    layer = DropConnectLinear(8, 5, p=p, generator=gen(8))
    x = torch.randn(4, 8)
    layer(x)
    scale = torch.tensor(1.0) / (1 - p)
    assert layer.last_mask.shape == (5, 8)
    assert bool(((layer.last_mask == 0) | (layer.last_mask == scale)).all())
    assert layer.last_bias_mask.shape == (5,)
    layer.eval()
    assert torch.equal(layer(x), F.linear(x, layer.weight, layer.bias))
    layer.train()
    layer.p = 1.0
    out = layer(x)
    assert torch.equal(out, torch.zeros(4, 5))


def test_dropconnect_gradient_is_masked() -> None:
    layer = DropConnectLinear(6, 3, p=0.5, generator=gen(9))
    x = torch.randn(4, 6)
    layer(x).sum().backward()
    # dL/dW = M/(1-p) * (dL/dy).T @ x
    assert torch.allclose(layer.weight.grad, layer.last_mask * (torch.ones(4, 3).T @ x))


def test_dropconnect_state_dict_loads_into_plain_linear() -> None:
    layer = DropConnectLinear(7, 2, p=0.3)
    plain = nn.Linear(7, 2)
    plain.load_state_dict(layer.state_dict())  # strict: same keys, same shapes
    x = torch.randn(5, 7)
    assert torch.equal(plain(x), layer.eval()(x))


def test_dropconnect_p0_is_plain_linear_even_in_train() -> None:
    layer = DropConnectLinear(7, 2, p=0.0)
    x = torch.randn(5, 7)
    assert torch.equal(layer(x), F.linear(x, layer.weight, layer.bias))
    assert layer.last_mask is None


# ----- edge cases for every kind ------------------------------------------------
@pytest.mark.parametrize("cls", UNIT_KINDS)
@pytest.mark.parametrize("train", [True, False])
def test_p0_returns_input_itself(cls: type, train: bool) -> None:
    d = cls(0.0).train(train)
    x = torch.randn(10, 10)
    assert d(x) is x
    assert d.last_mask is None


@pytest.mark.parametrize("cls", UNIT_KINDS)
def test_p1_train_gives_zeros_without_nan(cls: type) -> None:
    d = cls(1.0)
    x = torch.randn(10, 10, requires_grad=True)
    out = d(x)
    assert torch.equal(out, torch.zeros(10, 10))
    out.sum().backward()
    assert torch.equal(x.grad, torch.zeros(10, 10))  # finite gradient, no 0/0


def test_p1_eval() -> None:
    x = torch.randn(10, 10)
    # vanilla scales by (1-p) = 0 at eval; inverted and Gaussian stay the identity
    assert torch.equal(VanillaDropout(1.0).eval()(x), torch.zeros(10, 10))
    assert torch.equal(InvertedDropout(1.0).eval()(x), x)
    assert torch.equal(GaussianDropout(1.0).eval()(x), x)
    layer = DropConnectLinear(10, 3, p=1.0).eval()
    assert torch.equal(layer(x), F.linear(x, layer.weight, layer.bias))


@pytest.mark.parametrize("cls", UNIT_KINDS)
def test_eval_keeps_last_training_mask(cls: type) -> None:
    d = cls(0.5)
    d.generator = gen(10)
    d(torch.ones(100))
    mask = d.last_mask
    d.eval()
    d(torch.ones(100))
    assert d.last_mask is mask
    d.p = 0.0
    d(torch.ones(100))
    assert d.last_mask is None


def test_changing_p_between_forwards_takes_effect() -> None:
    d = InvertedDropout(0.2)
    d.generator = gen(11)
    x = torch.ones(100_000)
    kept_low = (d(x) != 0).float().mean().item()
    d.p = 0.8
    out = d(x)
    kept_high = (out != 0).float().mean().item()
    assert abs(kept_low - 0.8) < 0.01 and abs(kept_high - 0.2) < 0.01  # std err 0.0013
    assert torch.allclose(out[out != 0], torch.tensor(5.0))
    layer = DropConnectLinear(100, 100, p=0.2, generator=gen(12))
    layer(torch.ones(1, 100))
    assert abs((layer.last_mask != 0).float().mean().item() - 0.8) < 0.02  # std err 0.004
    layer.p = 0.8
    layer(torch.ones(1, 100))
    assert abs((layer.last_mask != 0).float().mean().item() - 0.2) < 0.02


@pytest.mark.parametrize("bad", [-0.1, 1.5, math.nan])
def test_bad_p_is_refused_on_assignment(bad: float) -> None:
    with pytest.raises(ValueError, match="p must be in"):
        InvertedDropout(bad)
    d = VanillaDropout(0.5)
    with pytest.raises(ValueError):
        d.p = bad
    with pytest.raises(ValueError):
        DropConnectLinear(2, 2, p=bad)


# ----- reproducibility ----------------------------------------------------------
@pytest.mark.parametrize("cls", UNIT_KINDS)
def test_generators_seeded_alike_give_identical_masks(cls: type) -> None:
    a, b = cls(0.5), cls(0.5)
    a.generator, b.generator = gen(42), gen(42)
    global_state = torch.get_rng_state()
    for _ in range(3):
        a(torch.ones(50))
        b(torch.ones(50))
        assert torch.equal(a.last_mask, b.last_mask)
    assert torch.equal(torch.get_rng_state(), global_state)  # nothing drawn from the global RNG


def test_dropconnect_generators_seeded_alike_give_identical_masks() -> None:
    a = DropConnectLinear(5, 5, p=0.5, generator=gen(1))
    b = DropConnectLinear(5, 5, p=0.5, generator=gen(1))
    a(torch.ones(1, 5))
    b(torch.ones(1, 5))
    assert torch.equal(a.last_mask, b.last_mask)
    assert torch.equal(a.last_bias_mask, b.last_bias_mask)


@settings(max_examples=30, deadline=None)
@given(p=st.floats(0.0, 1.0), seed=st.integers(0, 2**31 - 1))
def test_inverted_values_are_always_zero_or_one_over_keep(p: float, seed: int) -> None:
    d = InvertedDropout(p)
    d.generator = gen(seed)
    x = torch.ones(500)
    out = d(x)
    assert bool(torch.isfinite(out).all())
    if p == 0.0:
        assert out is x
    elif p == 1.0:
        assert torch.equal(out, torch.zeros(500))
    else:
        assert bool(((out == 0) | (out == torch.tensor(1.0) / (1 - p))).all())


# ----- factory ------------------------------------------------------------------
def test_make_dropout() -> None:
    assert isinstance(make_dropout("inverted", 0.3), InvertedDropout)
    assert isinstance(make_dropout("vanilla", 0.3), VanillaDropout)
    assert isinstance(make_dropout("gaussian", 0.3), GaussianDropout)
    nd = make_dropout("dropconnect", 0.3)
    assert isinstance(nd, NoDropout) and nd.p == 0.0 and nd.last_mask is None
    assert make_dropout("inverted", 0.3).p == 0.3
    assert set(DROPOUT_KINDS) == {"inverted", "vanilla", "gaussian", "dropconnect"}
    with pytest.raises(ValueError, match="inverted, vanilla, dropconnect, gaussian"):
        make_dropout("alpha", 0.3)


def test_no_dropout_is_identity_and_refuses_nonzero_p() -> None:
    nd = NoDropout()
    x = torch.randn(3)
    assert nd(x) is x and nd.eval()(x) is x
    nd.p = 0.0
    with pytest.raises(ValueError):
        nd.p = 0.5


def test_core_modules_do_not_import_qt() -> None:
    import subprocess
    import sys

    code = (
        "import sys, explorer.core.nn._dropout, explorer.core.nn._penalties, "
        "explorer.core.training._early_stopping; "
        "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'pyqtgraph', 'qasync')]; "
        "assert not bad, bad"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
