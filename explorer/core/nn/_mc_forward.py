"""Dropout at test time (MC dropout): T stochastic forward passes of an MLP as ONE batched forward.

Gal and Ghahramani (2016) keep dropout on at inference and read the spread of T passes as uncertainty;
Srivastava et al. (2014, section 7.5) compare the mean of T sampled nets with the weight-scaled (eval-mode)
net. Either needs T forward passes. T Python calls of the model pay T times the per-op overhead, so the
input is expanded to (T, N, in) and each layer runs once on all T copies:

    unit dropout:  h_t = act(x_t W^T + b),   d_t = h_t * m_t,     m_t from mask_plan/fill_mask (nn/_masks.py);
    DropConnect:   y_t = x_t (W * M_t / (1-p))^T + b * Mb_t / (1-p), one weight mask per pass (torch.baddbmm).

Pass t is one sampled network: its masks are shared by every input row (as in Srivastava et al.'s k sampled
nets and Gal's sample curves), so a pass drawn over the x grid is a function, not noise; pass to pass the
masks are independent. The masks come from the same mask function the trainer's stacked engine uses, so a "pass" is a training-mode
forward in every respect but the randomness, which comes from `generator` (a separate one: drawing test-time
passes never changes the training run).
"""

from __future__ import annotations

from typing import Optional

import torch
from torch import Tensor

from explorer.core.nn._masks import fill_mask, mask_plan
from explorer.core.nn._model import MLP


def _unit_masks(
    kind: str, p: float, shape: tuple[int, ...], like: Tensor, generator: Optional[torch.Generator]
) -> Tensor:
    """Train-mode multipliers of `shape` for one hidden layer: the stacked engine's formulas (V = 1)."""
    plan = mask_plan([(True, kind, p)], like)
    r = torch.empty((1,) + shape, device=like.device, dtype=like.dtype)
    if plan.draws[0] == "normal":
        r.normal_(generator=generator)
    elif plan.draws[0] == "uniform":
        r.uniform_(generator=generator)
    else:  # p == 1: nothing drawn, every unit dropped
        r.zero_()
    return fill_mask(plan, r, torch.empty_like(r))[0]


#: at most this many activation values in flight (T x N x width): 16 MB of float32; more passes go in chunks
MAX_VALUES = 4_000_000


@torch.no_grad()
def mc_forward(
    model: MLP, x: Tensor, passes: int, generator: Optional[torch.Generator] = None, max_values: int = MAX_VALUES
) -> Tensor:
    """Outputs of `passes` train-mode (dropout on) passes of `model` on `x` (N, in): (T, N, out).

    One batched forward of all T copies, or, where T x N x width would pass `max_values`, of as many as fit
    at a time (T = 1000 on a wide net); the model's recorded masks and activations are left as they were."""
    T = int(passes)
    if T < 1:
        raise ValueError(f"passes must be at least 1, got {passes}")
    widest = max([x.shape[1]] + [lin.weight.shape[0] for lin in model.linears])
    chunk = max(1, min(T, max_values // max(1, x.shape[0] * widest)))
    if chunk >= T:
        return _batched_passes(model, x, T, generator)
    return torch.cat([_batched_passes(model, x, min(chunk, T - t), generator) for t in range(0, T, chunk)])


def _batched_passes(model: MLP, x: Tensor, T: int, generator: Optional[torch.Generator]) -> Tensor:
    a = x.unsqueeze(0).expand(T, *x.shape)  # (T, N, in): a view, no copy
    n_hidden = model.n_hidden
    for l, lin in enumerate(model.linears):
        W, b = lin.weight, lin.bias
        p_dc = float(lin.p) if l > 0 and model.kinds[l - 1] == "dropconnect" else 0.0
        if p_dc > 0.0:
            out_w, in_w = W.shape
            wm = _unit_masks("inverted", p_dc, (T * out_w, in_w), W, generator).view(T, out_w, in_w)
            bm = _unit_masks("inverted", p_dc, (T, out_w), W, generator).view(T, 1, out_w)
            z = torch.baddbmm(b * bm, a, (W * wm).transpose(1, 2))
        else:
            z = torch.matmul(a, W.t()) + b
        if l < n_hidden:
            h = model.activations[l](z)
            kind, p = model.kinds[l], model.dropout_p(l)
            if kind != "dropconnect" and p > 0.0:
                h = h * _unit_masks(kind, p, (T, h.shape[2]), h, generator).view(T, 1, h.shape[2])
            a = h
        else:
            a = model.output_activation(z)
    return a


def eval_forward(model: MLP, x: Tensor, *, unscaled: bool = False) -> Tensor:
    """The eval-mode (weight-scaled) output; `unscaled` leaves out vanilla dropout's (1-p) factor, i.e. the
    output a net trained with vanilla dropout gives when nobody rescales it at test time."""
    with torch.no_grad():
        was_training = model.training
        model.eval()
        try:
            if not unscaled:
                return model(x)
            a = x
            for l in range(model.n_hidden):
                a = model.activations[l](model.linears[l](a))  # no dropout module: no (1-p)
            return model.output_activation(model.linears[-1](a))
        finally:
            if was_training:
                model.train()


def inverted_and_vanilla_masks(r: Tensor, p: float) -> tuple[Tensor, Tensor]:
    """For the same draws r ~ U(0, 1): inverted dropout's mask (0 or 1/(1-p)) and vanilla dropout's (0 or 1),
    from the one mask function of the trainer (Step inspector: the scaling in numbers)."""
    plan = mask_plan([(True, "inverted", p), (True, "vanilla", p)], r)
    both = r.reshape(1, 1, -1).expand(2, 1, r.numel())
    masks = fill_mask(plan, both, torch.empty_like(both))
    return masks[0].view_as(r), masks[1].view_as(r)
