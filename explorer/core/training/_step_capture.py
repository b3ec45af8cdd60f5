"""The Step inspector's numbers: one real training step, recorded from inside (EXPERIMENTS.md #3 and #11).

    forward:   r ~ U(0,1);  m = 0 if r < p else 1/(1-p) (inverted; 0 or 1 vanilla; 1 + sigma*eps Gaussian);
               d = a * m
    backward:  de/da = de/dd * m

While the inspector is open the trainer records, for one variant and every hidden layer, the whole batch of
a, r, m, d and, from the backward pass, de/dd and de/da, exactly as the step computed them (copies of the
stacked engine's buffers, or hooks on the model in the per-model path). Nothing is re-run: the numbers shown
are the step's. DropConnect masks weights, not units: there the record holds the next Linear's weight draws,
its mask M, de/d(W*M) and de/dW = de/d(W*M) * M.

Closed, the inspector costs nothing: the trainer holds no StepCapture and the engine records nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Optional

import torch
from torch import Tensor

from explorer.core.nn import inverted_and_vanilla_masks
from explorer.core.protocol import InspectStep, StepInspection

#: the DropConnect heatmap shows at most this block of the weight mask
WEIGHT_BLOCK = 24


@dataclass
class LayerRecord:
    """One hidden layer of one variant in the recorded step; unit tensors are (B, width)."""

    kind: str  # dropout kind of the layer, "none" when it does not drop
    p: float
    a: Optional[Tensor] = None
    r: Optional[Tensor] = None
    m: Optional[Tensor] = None
    d: Optional[Tensor] = None
    grad_d: Optional[Tensor] = None
    grad_a: Optional[Tensor] = None
    weight_r: Optional[Tensor] = None  # DropConnect on the Linear after this layer: (out, in)
    weight_mask: Optional[Tensor] = None
    weight_grad_effective: Optional[Tensor] = None
    weight_grad: Optional[Tensor] = None


class StepCapture:
    """What the inspector asked for, and the record of the last step taken while it was open."""

    def __init__(self, selection: InspectStep) -> None:
        self.selection = selection
        self.layers: dict[int, LayerRecord] = {}
        self.step = -1  # the step count after the recorded step; -1: nothing recorded yet
        self.fresh = False  # begin() ran in the step now being taken

    @property
    def variant(self) -> int:
        return self.selection.variant

    def begin(self, kinds: list[str], ps: list[float]) -> None:
        """A new step of the recorded variant: forget the last one."""
        self.fresh = True
        self.layers = {i: LayerRecord(kind=k if p > 0.0 else "none", p=p) for i, (k, p) in enumerate(zip(kinds, ps))}

    def layer(self, i: int) -> LayerRecord:
        return self.layers[i]

    # the stacked engine calls these with its buffers' slices of the recorded variant (copied here: the
    # buffers are reused by the next step)
    def record_forward(self, i: int, a: Tensor, r: Optional[Tensor], m: Optional[Tensor], d: Tensor) -> None:
        rec = self.layers[i]
        masked = m is not None and rec.kind not in ("none", "dropconnect")
        rec.a, rec.d = a.detach().clone(), d.detach().clone()
        rec.m = m.detach().clone() if masked else None  # type: ignore[union-attr]
        rec.r = r.detach().clone() if masked and r is not None and rec.p < 1.0 else None

    def record_backward(self, i: int, grad_d: Tensor, grad_a: Tensor) -> None:
        rec = self.layers[i]
        rec.grad_d, rec.grad_a = grad_d.detach().clone(), grad_a.detach().clone()

    def record_weights(self, i: int, r: Tensor, mask: Tensor) -> None:
        rec = self.layers[i]
        if rec.kind == "dropconnect":
            rec.weight_r = r.detach().clone() if rec.p < 1.0 else None
            rec.weight_mask = mask.detach().clone()

    def record_weight_grads(self, i: int, effective: Tensor, grad: Tensor) -> None:
        rec = self.layers[i]
        if rec.weight_mask is not None:
            rec.weight_grad_effective, rec.weight_grad = effective.detach().clone(), grad.detach().clone()


def _row(t: Optional[Tensor], s: int) -> Optional[Tensor]:
    return None if t is None else t[s].detach()


def _np(t: Optional[Tensor]):  # type: ignore[no-untyped-def]
    return None if t is None else t.detach().double().cpu().numpy()


def inspect(capture: StepCapture, variant_name: str) -> Optional[StepInspection]:
    """The selected layer and sample of the recorded step, with the backward identity checked by autograd."""
    if capture.step < 0 or not capture.layers:
        return None
    sel = capture.selection
    li = min(max(0, sel.layer), len(capture.layers) - 1)
    rec = capture.layers[li]
    if rec.a is None or rec.grad_a is None or rec.grad_d is None or rec.d is None:
        return None
    s = min(max(0, sel.sample), rec.a.shape[0] - 1)
    a, grad_d, grad_a = rec.a[s].detach(), rec.grad_d[s].detach(), rec.grad_a[s].detach()
    m = _row(rec.m, s)
    # autograd of d = a * m given de/dd: the identity de/da = de/dd * m, checked numerically
    with torch.enable_grad():
        leaf = a.clone().requires_grad_(True)
        d = leaf * m if m is not None else leaf * 1.0
        d.backward(grad_d)
    auto = leaf.grad
    assert auto is not None
    diff = float((grad_a - auto).abs().max()) if a.numel() else 0.0
    extra: dict[str, Any] = {}
    r = _row(rec.r, s)
    if rec.kind in ("inverted", "vanilla") and r is not None:
        inv, van = inverted_and_vanilla_masks(r, rec.p)
        extra.update(inverted_m=_np(inv), inverted_d=_np(a * inv), vanilla_m=_np(van), vanilla_d=_np(a * van))
    if rec.weight_mask is not None and rec.weight_grad_effective is not None and rec.weight_grad is not None:
        with torch.enable_grad():
            w = torch.zeros_like(rec.weight_mask).requires_grad_(True)  # de/dW does not depend on W here
            (w * rec.weight_mask).backward(rec.weight_grad_effective)
        assert w.grad is not None
        diff = max(diff, float((rec.weight_grad - w.grad).abs().max()))
        k = WEIGHT_BLOCK
        extra.update(
            weight_r=_np(rec.weight_r[:k, :k]) if rec.weight_r is not None else None,
            weight_mask=_np(rec.weight_mask[:k, :k]),
            weight_grad_effective=_np(rec.weight_grad_effective[:k, :k]),
            weight_grad=_np(rec.weight_grad[:k, :k]),
        )
    return StepInspection(
        step=capture.step,
        variant=capture.variant,
        variant_name=variant_name,
        layer=li,
        sample=s,
        batch_size=int(rec.a.shape[0]),
        kind=rec.kind,
        p=rec.p,
        a=_np(a),
        r=_np(r),
        m=_np(m),
        d=_np(rec.d[s]),
        grad_d=_np(grad_d),
        grad_a=_np(grad_a),
        autograd_grad_a=_np(auto),
        max_difference=diff,
        layers=tuple(capture.layers[i].kind for i in sorted(capture.layers)),
        **extra,
    )


# -- the per-model path: hooks on the model for one step ----------------------------------------------


def _draws(generator: Optional[torch.Generator], like: Tensor, normal: bool) -> Tensor:
    """The numbers the module drew: the same call on a copy of its generator taken just before it drew."""
    if normal:
        return torch.randn(like.shape, generator=generator, device=like.device, dtype=like.dtype)
    return torch.rand(like.shape, generator=generator, device=like.device, dtype=like.dtype)


def hook_model(model: Any, capture: StepCapture) -> Callable[[], None]:
    """Record one training forward and backward of `model` (the per-model path); returns the remover."""
    kinds = list(model.kinds)
    ps = [model.dropout_p(i) for i in range(model.n_hidden)]
    capture.begin(kinds, ps)
    handles: list[Any] = []

    def copy_of(gen: Optional[torch.Generator]) -> Optional[torch.Generator]:
        if gen is None:
            return None
        twin = torch.Generator(device=gen.device)
        twin.set_state(gen.get_state())
        return twin

    for i in range(model.n_hidden):
        rec = capture.layer(i)
        drop = model.dropouts[i]
        state: dict[str, Any] = {}

        def pre(module: Any, args: tuple, state: dict = state) -> None:
            state["gen"] = copy_of(module.generator)

        def post(module: Any, args: tuple, out: Tensor, rec: LayerRecord = rec, state: dict = state) -> None:
            a = args[0]
            rec.a, rec.d = a.detach().clone(), out.detach().clone()
            if rec.kind in ("inverted", "vanilla", "gaussian") and 0.0 < rec.p < 1.0:
                rec.r = _draws(state.get("gen"), a, rec.kind == "gaussian")
            if module.last_mask is not None and rec.kind != "none" and rec.kind != "dropconnect":
                rec.m = module.last_mask.detach().clone()
            if a.requires_grad:
                a.register_hook(lambda g, rec=rec: setattr(rec, "grad_a", g.detach().clone()))
            if out.requires_grad:
                out.register_hook(lambda g, rec=rec: setattr(rec, "grad_d", g.detach().clone()))

        handles.append(drop.register_forward_pre_hook(pre))
        handles.append(drop.register_forward_hook(post))
        if rec.kind == "dropconnect" and 0.0 < rec.p < 1.0:
            lin = model.linears[i + 1]
            lstate: dict[str, Any] = {}

            def lin_pre(module: Any, args: tuple, lstate: dict = lstate) -> None:
                lstate["gen"] = copy_of(module.generator)

            def lin_post(module: Any, args: tuple, out: Tensor, rec: LayerRecord = rec, lstate: dict = lstate) -> None:
                rec.weight_r = _draws(lstate.get("gen"), module.weight, False)
                rec.weight_mask = module.last_mask.detach().clone()
                x = args[0].detach()
                if out.requires_grad:  # de/d(W*M) = (de/dy)^T x: the gradient of F.linear's weight argument
                    out.register_hook(lambda g, rec=rec, x=x: setattr(rec, "weight_grad_effective", g.t() @ x))

            handles.append(lin.register_forward_pre_hook(lin_pre))
            handles.append(lin.register_forward_hook(lin_post))

    def remove() -> None:
        for h in handles:
            h.remove()

    return remove


def finish_model(model: Any, capture: StepCapture, penalized: bool) -> None:
    """After the backward pass: DropConnect's de/dW, read from .grad. With an L1/L2 penalty .grad also holds
    the penalty's gradient, so then it is left out (the stacked engine, the usual path, records it apart)."""
    for i, rec in capture.layers.items():
        if rec.weight_mask is not None and not penalized:
            grad = model.linears[i + 1].weight.grad
            if grad is not None:
                rec.weight_grad = grad.detach().clone()
