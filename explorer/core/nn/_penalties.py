"""L1 / L2 penalties and decoupled weight decay, with one stated convention.

Convention (shown in the UI, used everywhere in the explorer):

    L1 = l1_lambda * sum |w|
    L2 = l2_lambda * sum w^2          (no factor 1/2)

summed over EVERY weight tensor of the given Linear layers; biases are added
only when ``include_biases`` is True. The classic script this replaces
penalised only the last parameter tensor (it overwrote the sum in a loop); here
each layer's term is kept so the GUI can show it per layer.

Consequences worth knowing when comparing with optimisers' ``weight_decay``:

* d(L2)/dw = 2 * l2_lambda * w, so SGD on loss + L2 equals
  torch.optim.SGD(weight_decay=2 * l2_lambda).
* d(L1)/dw = l1_lambda * sign(w) (0 at w == 0, autograd's subgradient), a
  constant pull that drives small weights to exactly zero.
* Under Adam an L2 penalty is rescaled by the adaptive step; decoupled weight
  decay (AdamW) is not: it shrinks w <- w - lr * weight_decay * w directly.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import torch
from torch import Tensor, nn

__all__ = ["apply_decoupled_weight_decay", "penalized_parameters", "penalty"]


def _check_non_negative(name: str, value: float) -> float:
    v = float(value)
    if not v >= 0.0:  # also refuses NaN
        raise ValueError(f"{name} must be >= 0, got {value!r}")
    return v


def _penalized_tensors(linear: nn.Linear, include_biases: bool) -> list[Tensor]:
    tensors: list[Tensor] = [linear.weight]
    if include_biases and linear.bias is not None:
        tensors.append(linear.bias)
    return tensors


def penalty(
    linears: Sequence[nn.Linear], l1_lambda: float, l2_lambda: float, include_biases: bool
) -> tuple[Tensor, Tensor]:
    """(total, per_layer): total is a scalar to add to the loss (with its autograd
    graph); per_layer, shape (len(linears),), is detached for display.

    When both lambdas are 0 no graph is built: the training step then costs
    nothing extra and ``total.requires_grad`` is False.
    """
    l1 = _check_non_negative("l1_lambda", l1_lambda)
    l2 = _check_non_negative("l2_lambda", l2_lambda)
    if len(linears) == 0:
        return torch.zeros(()), torch.zeros(0)
    ref = linears[0].weight
    if l1 == 0.0 and l2 == 0.0:
        return (
            torch.zeros((), device=ref.device, dtype=ref.dtype),
            torch.zeros(len(linears), device=ref.device, dtype=ref.dtype),
        )
    per_layer: list[Tensor] = []
    for linear in linears:
        term = torch.zeros((), device=ref.device, dtype=ref.dtype)
        for t in _penalized_tensors(linear, include_biases):
            if l1 != 0.0:
                term = term + l1 * t.abs().sum()  # l1 * sum |w|
            if l2 != 0.0:
                term = term + l2 * t.square().sum()  # l2 * sum w^2  (no 1/2)
        per_layer.append(term)
    stacked = torch.stack(per_layer)
    return stacked.sum(), stacked.detach()


@torch.no_grad()
def apply_decoupled_weight_decay(params: Iterable[Tensor], lr: float, weight_decay: float) -> None:
    """Shrink in place: w <- w - lr * weight_decay * w = w * (1 - lr * weight_decay).

    Exactly what torch.optim.AdamW does before its Adam update, so calling this
    and then a plain Adam step (weight_decay=0) reproduces AdamW; with any other
    optimiser it gives "decoupled" decay that ignores the adaptive scaling.
    Call it after backward() and before optimizer.step().
    """
    wd = _check_non_negative("weight_decay", weight_decay)
    if wd == 0.0:
        return
    factor = 1.0 - float(lr) * wd
    for p in params:
        p.mul_(factor)


def penalized_parameters(linears: Sequence[nn.Linear], include_biases: bool) -> tuple[list[Tensor], list[Tensor]]:
    """(decayed, not_decayed) parameters of the given layers, for optimizer param
    groups, e.g. [{"params": decayed, "weight_decay": wd}, {"params": not_decayed,
    "weight_decay": 0.0}]. Weights are always decayed; biases only when
    include_biases, matching ``penalty``. Parameters of other modules are not
    listed: the caller adds them to the group it wants."""
    decayed: list[Tensor] = []
    not_decayed: list[Tensor] = []
    for linear in linears:
        decayed.append(linear.weight)
        if linear.bias is not None:
            (decayed if include_biases else not_decayed).append(linear.bias)
    return decayed, not_decayed
