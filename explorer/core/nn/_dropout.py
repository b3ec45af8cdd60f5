"""Dropout variants written out in full, so the lesson is in the code.

torch.nn.Dropout hides its mask; the explorer must show it (dark neurons in the
network diagram), compare the inverted and the original (vanilla) scaling, and
offer DropConnect and Gaussian dropout. Every module here therefore:

* keeps its drop probability in a mutable attribute ``p`` (a slider may change
  it between two steps; 0 <= p <= 1, checked on assignment),
* draws all its randomness from ``generator`` when one is set (a
  ``torch.Generator`` on the same device as the data), so a run is
  reproducible and two side-by-side nets can share or separate their noise,
* stores ``last_mask``: the multiplier applied in the last *training* forward.
  An eval forward leaves it alone (the app keeps animating the last mask while
  it evaluates); a forward with p == 0 sets it to None (there is no mask).

A training forward is a few tensor ops on the data's device: no Python loop
over elements, no ``.item()``, no host-device synchronisation.
"""

from __future__ import annotations

import torch
import torch.nn.functional as F
from torch import Tensor, nn

from explorer.core.config import DROPOUT_KINDS
from explorer.core.nn._masks import dropout_mask

__all__ = [
    "DROPOUT_KINDS",
    "DropConnectLinear",
    "GaussianDropout",
    "InvertedDropout",
    "NoDropout",
    "VanillaDropout",
    "make_dropout",
]


def _checked_p(value: float) -> float:
    """Refuse a bad probability when it is set, not deep inside a training step."""
    p = float(value)
    if not 0.0 <= p <= 1.0:  # also refuses NaN
        raise ValueError(f"dropout p must be in [0, 1], got {value!r}")
    return p


def _uniform(like: Tensor, generator: torch.Generator | None) -> Tensor:
    """r ~ U(0, 1) with the shape, device and dtype of ``like``."""
    return torch.rand(like.shape, generator=generator, device=like.device, dtype=like.dtype)


def _inverted_mask(like: Tensor, p: float, generator: torch.Generator | None) -> Tensor:
    """m = (r >= p) / (1 - p) with r ~ U(0, 1): 0 with probability p, else 1/(1-p), so E[m] = 1
    (the formula: _masks.mask_constants).
    The same formula (and op) as ATen's _dropout_impl; for 0 <= p < 1."""
    return dropout_mask("inverted", p, _uniform(like, generator))


def _keep(module: nn.Module, name: str, value: Tensor | None) -> None:
    """Store a mask reference without nn.Module.__setattr__ (which costs microseconds
    per call checking for parameters and buffers, on every training step)."""
    module.__dict__[name] = value


class _DropProbability:
    """The drop probability ``p`` of a module, checked on assignment (a slider may change
    it between two steps)."""

    @property
    def p(self) -> float:
        return self._p

    @p.setter
    def p(self, value: float) -> None:
        self._p = _checked_p(value)


class _Dropout(_DropProbability, nn.Module):
    """Shared state of the unit-wise variants (validated ``p``, ``generator``, ``last_mask``)
    and their forward: a kind says only which mask it draws and what it does at eval."""

    def __init__(self, p: float = 0.5, generator: torch.Generator | None = None) -> None:
        super().__init__()
        self.p = p
        self.generator: torch.Generator | None = generator
        self.last_mask: Tensor | None = None

    def extra_repr(self) -> str:
        return f"p={self._p}"

    def forward(self, x: Tensor) -> Tensor:
        """p == 0: ``x`` itself, no mask. Eval: ``_eval_output``, the mask kept.
        Train: out = x * m, with m = 0 for p == 1, else ``_train_mask`` (0 < p < 1)."""
        p = self._p
        if p == 0.0:
            _keep(self, "last_mask", None)
            return x
        if not self.training:
            return self._eval_output(x, p)
        mask = torch.zeros_like(x) if p == 1.0 else self._train_mask(x, p)
        _keep(self, "last_mask", mask)
        return x * mask

    def _eval_output(self, x: Tensor, p: float) -> Tensor:
        return x

    def _train_mask(self, x: Tensor, p: float) -> Tensor:
        raise NotImplementedError


class InvertedDropout(_Dropout):
    """PyTorch's dropout: rescale while training so that inference is the identity.

    Train:  r ~ U(0,1);  m_i = 0 if r_i < p else 1/(1-p);  out = x * m
            E[m_i] = (1-p) * 1/(1-p) = 1, so E[out] = x = the eval output.
    Eval:   out = x.
    Backward (autograd of out = x * m):  dL/dx = dL/dout * m.
    p == 0 returns ``x`` itself; p == 1 gives zeros (m = 0, nothing is divided by 0).
    At eval it is the identity for every p, p == 1 included, as torch.nn.Dropout.
    """

    def _train_mask(self, x: Tensor, p: float) -> Tensor:
        return _inverted_mask(x, p, self.generator)


class VanillaDropout(_Dropout):
    """The original dropout (Srivastava et al. 2014): scale at inference instead.

    Train:  m_i ~ Bernoulli(1-p) in {0, 1};  out = x * m   (no rescaling)
    Eval:   out = x * (1-p)   -- the expected train output, E[x * m] = (1-p) x.
    p == 1 gives zeros in both modes.
    """

    def _eval_output(self, x: Tensor, p: float) -> Tensor:
        return x * (1.0 - p)

    def _train_mask(self, x: Tensor, p: float) -> Tensor:
        return dropout_mask("vanilla", p, _uniform(x, self.generator))  # keep with prob 1-p


class GaussianDropout(_Dropout):
    """Multiplicative Gaussian noise with the variance of inverted dropout's multiplier.

    Inverted dropout's m has mean 1 and variance
        Var(m) = (1-p) / (1-p)^2 - 1 = p / (1-p),
    so Gaussian dropout draws m ~ N(1, p/(1-p)) instead:
        Train:  out = x * (1 + sqrt(p/(1-p)) * eps),  eps ~ N(0, 1)
        Eval:   out = x.
    p == 1 (infinite variance) gives zeros in training, like the other kinds;
    at eval it stays the identity (E[m] = 1 for every p < 1).
    """

    def _train_mask(self, x: Tensor, p: float) -> Tensor:
        eps = torch.randn(x.shape, generator=self.generator, device=x.device, dtype=x.dtype)
        return dropout_mask("gaussian", p, eps)


class NoDropout(nn.Module):
    """Identity standing in for a layer without unit dropout (p == 0, or DropConnect,
    whose mask lives on the next Linear). ``p`` is always 0 and ``last_mask`` None;
    setting a non-zero p raises, so a slider wired to the wrong module is caught."""

    def __init__(self) -> None:
        super().__init__()
        self.generator: torch.Generator | None = None
        self.last_mask: Tensor | None = None

    @property
    def p(self) -> float:
        return 0.0

    @p.setter
    def p(self, value: float) -> None:
        if _checked_p(value) != 0.0:
            raise ValueError(
                "NoDropout has no drop probability; set p on the dropout module or on the DropConnectLinear instead"
            )

    def forward(self, x: Tensor) -> Tensor:
        return x


class DropConnectLinear(_DropProbability, nn.Linear):
    """DropConnect (Wan et al. 2013): drop *weights*, not units.

    Train (0 < p < 1): one mask per forward, shared by the whole batch,
        M_ij ~ Bernoulli(1-p),  Mb_j ~ Bernoulli(1-p)  (the bias is column 0 of W
        in the paper, so it gets its own independent mask),
        y = x @ (W * M / (1-p)).T + b * Mb / (1-p)
    so that E[y] = x @ W.T + b, the eval output (inverted scaling).
    Eval: y = x @ W.T + b.   p == 0: plain F.linear.   p == 1: zeros.
    ``last_mask`` is the (out, in) multiplier of W (values 0 or 1/(1-p));
    ``last_bias_mask`` the (out,) multiplier of b, or None without a bias.
    A subclass of nn.Linear: state_dict keys are ``weight``/``bias`` and load into
    a plain nn.Linear.
    """

    def __init__(
        self,
        in_features: int,
        out_features: int,
        bias: bool = True,
        p: float = 0.0,
        generator: torch.Generator | None = None,
        device: torch.device | str | None = None,
        dtype: torch.dtype | None = None,
    ) -> None:
        super().__init__(in_features, out_features, bias=bias, device=device, dtype=dtype)
        self.p = p
        self.generator: torch.Generator | None = generator
        self.last_mask: Tensor | None = None
        self.last_bias_mask: Tensor | None = None

    def _multiplier(self, t: Tensor, p: float) -> Tensor:
        if p == 1.0:
            return torch.zeros_like(t)
        # M / (1-p) with M ~ Bernoulli(1-p), from r ~ U(0,1) as in InvertedDropout
        return _inverted_mask(t, p, self.generator)

    def forward(self, x: Tensor) -> Tensor:
        p = self._p
        if p == 0.0:
            _keep(self, "last_mask", None)
            _keep(self, "last_bias_mask", None)
            return F.linear(x, self.weight, self.bias)
        if not self.training:
            return F.linear(x, self.weight, self.bias)
        w_mask = self._multiplier(self.weight, p)
        _keep(self, "last_mask", w_mask)
        if self.bias is None:
            _keep(self, "last_bias_mask", None)
            return F.linear(x, self.weight * w_mask)
        b_mask = self._multiplier(self.bias, p)
        _keep(self, "last_bias_mask", b_mask)
        return F.linear(x, self.weight * w_mask, self.bias * b_mask)

    def extra_repr(self) -> str:
        return f"{super().extra_repr()}, p={self._p}"


def make_dropout(kind: str, p: float) -> nn.Module:
    """The unit-dropout module that follows a layer of the given dropout kind.

    "dropconnect" gives NoDropout: that layer's mask lives on the next
    DropConnectLinear, which the model builder creates with the same p.
    """
    if kind == "inverted":
        return InvertedDropout(p)
    if kind == "vanilla":
        return VanillaDropout(p)
    if kind == "gaussian":
        return GaussianDropout(p)
    if kind == "dropconnect":
        _checked_p(p)
        return NoDropout()
    raise ValueError(f"unknown dropout kind {kind!r}; allowed kinds: {', '.join(DROPOUT_KINDS)}")
