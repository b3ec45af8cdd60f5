"""Compare mode's fast path: every variant's weights stacked along a leading axis.

A small net (1-200-200-200-1 on 10 points) spends most of a training step in
Python and in launching ops, not in arithmetic; eight variants stepped one
after another pay that overhead eight times. Stacked, layer l of all V
variants is one (V, out, in) tensor, the forward pass one torch.baddbmm per
layer, and the backward pass three batched products, written out (no autograd
graph):

    z_l = b_l + a_{l-1} @ W_l^T      dW_l = dz_l^T @ a_{l-1}
    db_l = sum over the batch of dz_l      da_{l-1} = dz_l @ W_l

Everything else stays per variant, exactly as the variant's model alone does it:
dropout masks from its own generator (nn/_masks.py), its own L1/L2 penalty
(_penalty.py), its own optimizer hyperparameters (_optim.py),
and early stopping: a finished variant's row (weights, gradient, optimizer
state, generator) no longer changes.

Bit for bit. Each op is the kernel autograd runs for the model alone (addmm and
mm per batch item, threshold_backward, tanh_backward, mse's 2/n * (out - y),
log_softmax's backward, torch.optim's op sequence) on per-variant slices laid
out like standalone tensors: 64-byte aligned and never fused across variants
(a padded batch stride), because gemm results and some vectorised kernels
(sigmoid) depend on alignment and on where a slice's tail falls. Where
torch.bmm would switch kernel (tiny products, B*in*out < 400) or autograd picks
another formula (an input of width 1), mm runs per variant. A variant therefore
trains to the same bits stacked, alone (V = 1) and through the per-model path
(one torch thread, one machine; tests/core/test_stacked.py checks it).

The VariantRun models stay what the rest of the app reads: their Parameters
*are* views of the stacked rows (Parameter.data is a slice of the stack), their
.grad views of the stacked gradient, their torch optimizers' state views of
the stacked state; each model is handed views of its masks and hidden
activations, and its penalties. Evaluation (batched here too, see measure;
thousands of rows go one variant at a time, forward_one), snapshots, early
stopping (restoring the best weights writes into the stack) and checkpoints
need no copy and no sync; a checkpoint loaded into the torch optimizers is
noticed and copied into the stack at the next step.

Row layout (the optimizer's parameter order: segment j is parameter j of the
torch state_dict; every segment 64-byte aligned):
    [W_0 | W_1 | ... | W_L | b_0 | ... | b_L]

EXPLORER_STACKED=0 (or Trainer(..., stacked=False)) selects the per-model path.
"""

from __future__ import annotations

import math
import os
from typing import Any, Optional, Protocol, Sequence

import torch
from torch import Tensor

from explorer.core.nn import DrawSharing, MaskPlan, fill_mask, mask_plan
from explorer.core.training._evaluation import measure
from explorer.core.training.stacked._optim import make_stacked_optimizer, optimizer_problem
from explorer.core.training.stacked._penalty import StackedPenalty
from explorer.core.util import BackReference


class EngineHost(Protocol):
    """What the engine needs of the trainer that owns it (explorer.core.training.Trainer), and no more."""

    variants: list[Any]  # VariantRun: config, model, optimizer, generator, finished, last_penalty
    device: torch.device
    dataset: Any  # explorer.core.data.Dataset: x/y of the train, val and test splits
    loss_name: str  # "mse" or "cross_entropy"

    def loss_fn(self, out: Tensor, y: Tensor) -> Tensor: ...

    def check_finite(self, totals: Tensor, indices: Sequence[int]) -> None: ...

    def eval_splits(self) -> list[tuple[str, Tensor, Tensor]]: ...


ENV_SWITCH = "EXPLORER_STACKED"
ALIGN = 16  # floats: 64 bytes, the CPU allocator's alignment of a standalone tensor
TINY_PRODUCT = 400  # torch.bmm's naive kernel below B * in * out = 400: mm per variant instead
EVAL_ONE_BY_ONE = 1 << 22  # V * rows * widest layer at which an evaluation goes one variant at a time
_aten = torch.ops.aten


def stacked_by_default() -> bool:
    """EXPLORER_STACKED=0/false/off turns the engine off (A/B timing, bisecting)."""
    return os.environ.get(ENV_SWITCH, "1").strip().lower() not in ("0", "false", "off", "no")


def why_not_stacked(trainer: EngineHost) -> Optional[str]:
    """None when the engine can train these variants, else the reason it cannot."""
    runs = trainer.variants
    kinds = {run.config.optimizer.kind for run in runs}
    if len(kinds) != 1:
        return f"the variants use different optimizers ({', '.join(sorted(kinds))})"
    kind = kinds.pop()
    first = runs[0].model
    shapes = [tuple(lin.weight.shape) for lin in first.linears]
    for run in runs:
        model = run.model
        if [tuple(lin.weight.shape) for lin in model.linears] != shapes:
            return "the variants' networks differ in shape"
        if (
            model.activation_names != first.activation_names
            or model.output_activation_name != first.output_activation_name
        ):
            return "the variants' activations differ"
        params = [lin.weight for lin in model.linears] + [lin.bias for lin in model.linears]
        if any(p is None or p.dtype != torch.float32 or p.device != trainer.device for p in params):
            return "parameters must be float32 on the trainer's device"
        groups = [list(g["params"]) for g in run.optimizer.param_groups]
        expected = [params[: len(shapes)], params[len(shapes) :]]
        if len(groups) != 2 or any(
            len(g) != len(e) or any(a is not b for a, b in zip(g, e)) for g, e in zip(groups, expected)
        ):
            return "the optimizer's groups are not (weights, biases)"
        problem = optimizer_problem(run.optimizer, kind)
        if problem:
            return problem
    return None


def _activate(act: str, z: Tensor, out: Tensor) -> Tensor:
    """One tensor's activation into `out`, by the kernels _activation runs."""
    if act == "relu":
        return torch.clamp_min(z, 0.0, out=out)
    if act == "tanh":
        return torch.tanh(z, out=out)
    if act == "sigmoid":
        return torch.sigmoid(z, out=out)
    return torch._C._nn.gelu(z, out=out)


def _period(batches: Sequence[object]) -> int:
    """The smallest R dividing len(batches) with batches[v] the same object as batches[v % R]."""
    n = len(batches)
    for r in range(1, n):
        if n % r == 0 and all(batches[v] is batches[v % r] for v in range(r, n)):
            return r
    return n


def _aligned(n: int) -> int:
    return -(-n // ALIGN) * ALIGN


class StackedEngine:
    """Trains all of a trainer's variants as one stacked network (see the module docstring)."""

    trainer: BackReference[EngineHost] = BackReference()  # the trainer owns the engine (Trainer._engine)

    def __init__(self, trainer: EngineHost) -> None:
        self.trainer = trainer
        self.runs: list[Any] = trainer.variants
        self.V = V = len(self.runs)
        self.kind = self.runs[0].config.optimizer.kind
        model = self.runs[0].model
        self.n_linear = L = len(model.linears)
        self.n_hidden = L - 1
        self.shapes = [tuple(lin.weight.shape) for lin in model.linears]  # (out, in)
        self.activations = list(model.activation_names) + [model.output_activation_name]
        self.device = model.linears[0].weight.device
        # -- the stacked rows; the models' parameters become views of them ---------------------
        self.segments: list[tuple[int, torch.Size]] = []
        off = 0
        for out, inp in self.shapes:
            self.segments.append((off, torch.Size((out, inp))))
            off = _aligned(off + out * inp)
        self.n_weights = off
        for out, _ in self.shapes:
            self.segments.append((off, torch.Size((out,))))
            off = _aligned(off + out)
        self.flat = torch.zeros(V, off, device=self.device)
        self.grad = torch.zeros(V, off, device=self.device)
        self.W = [self.columns(self.flat, l).view((V,) + s) for l, s in enumerate(self.shapes)]
        self.b = [self.columns(self.flat, L + l).view(V, 1, s[0]) for l, s in enumerate(self.shapes)]
        self.gW = [self.columns(self.grad, l).view((V,) + s) for l, s in enumerate(self.shapes)]
        self.gb = [self.columns(self.grad, L + l).view(V, 1, s[0]) for l, s in enumerate(self.shapes)]
        self.run_params: list[list[Tensor]] = []
        with torch.no_grad():
            for v, run in enumerate(self.runs):
                params = [lin.weight for lin in run.model.linears] + [lin.bias for lin in run.model.linears]
                for j, p in enumerate(params):
                    view = self.row(self.flat, v, j)
                    view.copy_(p)
                    p.data = view  # the same Parameter object; its storage is now the stack
                self.run_params.append(params)
        self._grads_linked = [False] * V
        self._buffers: dict[tuple, Tensor] = {}
        self._views: dict[tuple, tuple[Tensor, ...]] = {}
        self._active: Optional[tuple[bool, ...]] = None
        self._frozen: Optional[Tensor] = None
        self._no_penalty = torch.zeros(V, L, device=self.device)
        self._settings = 0  # bumped by configure()
        self._handed: Optional[tuple] = None  # what the models were last handed
        self.capture: Any = None  # a StepCapture while the Step inspector is open
        self.sharing = DrawSharing([run.generator for run in self.runs])
        self.penalty = StackedPenalty(self)
        self.optimizer = make_stacked_optimizer(self)
        self.optimizer.import_state()
        self.configure()

    # -- layout -------------------------------------------------------------------------------
    def columns(self, t: Tensor, j: int) -> Tensor:
        """Parameter j's columns of a (n, P) tensor laid out like the rows: (n, numel)."""
        off, size = self.segments[j]
        return t[:, off : off + size.numel()]

    def row(self, t: Tensor, v: int, j: int) -> Tensor:
        """Variant v's parameter j in a (V, P) tensor, shaped like the parameter."""
        off, size = self.segments[j]
        return t[v, off : off + size.numel()].view(size)

    def padded(self, key: tuple, shape: tuple[int, ...], count: Optional[int] = None) -> Tensor:
        """A persistent (V, *shape) buffer (`count` rows instead of V if given) whose per-variant
        slices are laid out like standalone tensors: 64-byte aligned, with a batch stride larger
        than the slice, so that no kernel fuses two variants into one loop and bmm works item by item."""
        count = self.V if count is None else count
        buf = self._buffers.get(key)
        if buf is None or tuple(buf.shape) != (count,) + shape:
            n = math.prod(shape)
            rows = torch.zeros(count, (n // ALIGN + 1) * ALIGN, device=self.device)
            buf = self._buffers[key] = rows[:, :n].view((count,) + shape)
            self._views[key] = buf.unbind(0)
        return buf

    def scratch(self, key: tuple, shape: tuple[int, ...]) -> Tensor:
        """A persistent scratch tensor: fresh megabyte temporaries cost page faults every step."""
        buf = self._buffers.get(key)
        if buf is None or tuple(buf.shape) != shape:
            buf = self._buffers[key] = torch.empty(shape, device=self.device)
        return buf

    # -- settings -----------------------------------------------------------------------------
    def configure(self) -> None:
        """Re-read every live setting from the runs (after Trainer.apply changed them)."""
        models = [run.model for run in self.runs]
        self.unit: list[MaskPlan] = []
        self.dropconnect: list[Optional[MaskPlan]] = [None] * self.n_linear
        self.eval_scale: list[Optional[Tensor]] = []
        for i in range(self.n_hidden):
            kinds = [m.kinds[i] for m in models]
            ps = [m.dropout_p(i) for m in models]
            self.unit.append(mask_plan([(k != "dropconnect", k, p) for k, p in zip(kinds, ps)], self.flat))
            dc = mask_plan([(k == "dropconnect", k, p) for k, p in zip(kinds, ps)], self.flat)
            self.dropconnect[i + 1] = dc if dc.on else None
            # at eval only vanilla dropout acts: h * (1 - p), the expected training output
            keep = [1.0 - p if k == "vanilla" and p > 0 else 1.0 for k, p in zip(kinds, ps)]
            self.eval_scale.append(
                torch.tensor(keep).view(-1, 1, 1).to(self.device) if any(k != 1.0 for k in keep) else None
            )
        self.penalty.configure()
        # where the models keep what they show (set_dropout replaces the dropout modules)
        self._unit_dicts = [[m.dropouts[i].__dict__ for i in range(self.n_hidden)] for m in models]
        self._linear_dicts = [[lin.__dict__ for lin in m.linears] for m in models]
        self.sharing.invalidate()
        self._settings += 1
        self.optimizer.configure()

    def _set_active(self, active: tuple[bool, ...]) -> None:
        if self._active is not None:
            for v, (was, now) in enumerate(zip(self._active, active)):
                if was and not now:
                    self._keep_shown(v)
        self._active = active
        frozen = [v for v, a in enumerate(active) if not a]
        self._frozen = torch.tensor(frozen, dtype=torch.long, device=self.device) if frozen else None

    # -- one step -----------------------------------------------------------------------------
    def step_each(self, batches: list[tuple[Tensor, Tensor]]) -> None:
        """One step in which each variant has its own batch (replicates shuffle with their own
        seeds). The inputs are copied into padded rows laid out like standalone tensors, so a
        replicate trains to the same bits as the run with its seed alone. When the batches repeat
        with a period R (variant v takes batch v mod R: R replicates of each cell, the trainer's
        order), only the R distinct inputs are copied, and the first layer reads them group by group."""
        B = batches[0][0].shape[0]
        R = _period(batches)
        if R == 1:  # one batch for all: shared, as step() takes it
            xb = batches[0][0]
        else:
            xb = self.padded(("xb", B, R), tuple(batches[0][0].shape), R)
            for v, (x, _) in enumerate(batches[:R]):
                xb[v].copy_(x)
        if self.trainer.loss_name == "mse":
            yb = self.padded(("yb", B), tuple(batches[0][1].shape))
            for v, (_, y) in enumerate(batches):
                yb[v].copy_(y)
        else:
            yb = torch.stack([y for _, y in batches])  # class indices: (V, B)
        self.step(xb, yb)

    def step(self, xb: Tensor, yb: Tensor) -> None:
        """One optimisation step of every variant still training (finished ones stay frozen).
        xb is (B, in), shared by every variant, (V, B, in), a batch per variant, or (R, B, in) with
        R dividing V, variant v's batch at v mod R (step_each)."""
        if self.optimizer.needs_import():
            self.optimizer.import_state()  # a checkpoint was loaded into the torch optimizers
            self.sharing.regroup()  # ... and into the generators
            self.configure()
        active = tuple(not run.finished for run in self.runs)
        if active != self._active:
            self._set_active(active)
        self.sharing.plan(active, self.unit, self.dropconnect)
        cap, cv = self._begin_capture(active)  # the Step inspector's record (None while it is closed)
        frozen = self._frozen
        kept = None
        if frozen is not None:
            kept = [t.index_select(0, frozen) for t in [self.flat, self.grad] + self.optimizer.row_tensors()]
        V, L, B = self.V, self.n_linear, xb.shape[-2]
        inputs: list[Tensor] = []  # a_{l-1}: x, then each layer's dropped output
        weights: list[Tensor] = []  # W_l, times its DropConnect mask
        dc_masks: list[Optional[tuple[Tensor, Tensor]]] = []
        pre: list[Tensor] = []  # z_l
        post: list[Tensor] = []  # act(z_l)
        unit_masks: list[Optional[Tensor]] = []
        a = xb
        for l in range(L):
            out_w, in_w = self.shapes[l]
            W, b = self.W[l], self.b[l]
            dc = self.dropconnect[l]
            if dc is not None:  # DropConnect: W * M, b * Mb
                rw, rb = self.padded(("dcw", l), (out_w, in_w)), self.padded(("dcb", l), (1, out_w))
                self.sharing.draw(dc, rw, active, rb)
                mw = fill_mask(dc, rw, self.padded(("mw", l), (out_w, in_w)))
                mb = fill_mask(dc, rb, self.padded(("mb", l), (1, out_w)))
                if cap is not None and dc.shown[cv]:
                    cap.record_weights(l - 1, rw[cv], mw[cv])
                W = torch.mul(W, mw, out=self.padded(("We", l), (out_w, in_w)))
                b = torch.mul(b, mb, out=self.padded(("be", l), (1, out_w)))
                dc_masks.append((mw, mb))
            else:
                dc_masks.append(None)
            inputs.append(a)
            weights.append(W)
            z = self._linear(a, W, b, ("z", l, B))
            h = self._activation(self.activations[l], z, ("h", l, B))
            pre.append(z)
            post.append(h)
            if l < L - 1:
                plan = self.unit[l]
                if plan.on:
                    r = self.padded(("r", l, B), (B, out_w))
                    self.sharing.draw(plan, r, active)
                    m = fill_mask(plan, r, self.padded(("m", l, B), (B, out_w)))
                    unit_masks.append(m)
                    a = torch.mul(h, m, out=self.padded(("d", l, B), (B, out_w)))
                else:
                    unit_masks.append(None)
                    a = h
                if cap is not None:
                    m = unit_masks[-1]
                    cap.record_forward(l, h[cv], r[cv] if m is not None else None, None if m is None else m[cv], a[cv])
        self.sharing.finish_step()
        loss, g = self._loss(post[-1], yb, B)
        per_layer = self.penalty.values() if self.penalty.on else self._no_penalty
        self._check_finite(loss + per_layer.sum(1) if self.penalty.on else loss)
        # -- backward, into self.grad (the models' .grad) ---------------------------------------
        for l in range(L - 1, -1, -1):
            out_w, in_w = self.shapes[l]
            g = self._activation_backward(self.activations[l], g, pre[l], post[l], ("gz", l, B))
            a, W, masks = inputs[l], weights[l], dc_masks[l]
            tiny = B * in_w * out_w < TINY_PRODUCT
            gW = self.gW[l] if masks is None else self.padded(("gWe", l), (out_w, in_w))
            if tiny:
                for v in range(V):
                    torch.mm(g[v].t(), a if a.dim() == 2 else a[v % a.shape[0]], out=gW[v])
            elif a.dim() == 3 and a.shape[0] != V:  # a batch per replicate: group by group
                R = a.shape[0]
                for s in range(0, V, R):
                    torch.bmm(g[s : s + R].transpose(1, 2), a, out=gW[s : s + R])
            else:
                torch.bmm(g.transpose(1, 2), a if a.dim() == 3 else a.expand(V, B, in_w), out=gW)
            if masks is None:
                torch.sum(g, 1, keepdim=True, out=self.gb[l])
            else:  # through W * M and b * Mb
                torch.mul(gW, masks[0], out=self.gW[l])
                if cap is not None:
                    cap.record_weight_grads(l - 1, gW[cv], self.gW[l][cv])
                torch.mul(torch.sum(g, 1, keepdim=True), masks[1], out=self.gb[l])
            if l == 0:
                break
            ga = self.padded(("ga", l, B), (B, in_w))
            if in_w == 1:  # autograd's column-major branch for a (B, 1) input: (W^T g^T)^T
                for v in range(V):
                    ga[v].copy_(torch.mm(W[v].t(), g[v].t()).t())
            elif tiny:
                for v in range(V):
                    torch.mm(g[v], W[v], out=ga[v])
            else:
                torch.bmm(g, W, out=ga)
            m = unit_masks[l - 1]
            grad_d = ga[cv].clone() if cap is not None else None  # de/dd, before the in-place * m
            g = ga if m is None else torch.mul(ga, m, out=ga)
            if cap is not None:
                cap.record_backward(l - 1, grad_d, g[cv])
        if self.penalty.on:
            self.penalty.add_gradients()
        self.optimizer.step(list(active))
        if kept is not None:
            for t, rows in zip([self.flat, self.grad] + self.optimizer.row_tensors(), kept):
                t.index_copy_(0, frozen, rows)
        self._hand_over(active, per_layer, B)

    def _begin_capture(self, active: tuple[bool, ...]) -> tuple[Any, int]:
        """The Step inspector's capture (training/_step_capture.py) if it records a variant training now."""
        cap = self.capture
        if cap is None or not 0 <= cap.variant < self.V or not active[cap.variant]:
            return None, 0
        model = self.runs[cap.variant].model
        cap.begin(list(model.kinds), [model.dropout_p(i) for i in range(self.n_hidden)])
        return cap, cap.variant

    def _linear(self, a: Tensor, W: Tensor, b: Tensor, key: tuple) -> Tensor:
        """z = a @ W^T + b into a padded buffer; a is x (B, in) or (V, B, in)."""
        V, B = self.V, a.shape[-2]
        out_w, in_w = W.shape[1], W.shape[2]
        z = self.padded(key, (B, out_w))
        if B * in_w * out_w < TINY_PRODUCT:
            for v in range(V):
                torch.addmm(b[v, 0], a if a.dim() == 2 else a[v % a.shape[0]], W[v].t(), out=z[v])
        elif a.dim() == 3 and a.shape[0] != V:  # a batch per replicate (step_each): group by group
            R = a.shape[0]
            for s in range(0, V, R):
                torch.baddbmm(b[s : s + R], a, W[s : s + R].transpose(1, 2), out=z[s : s + R])
        else:
            torch.baddbmm(b, a if a.dim() == 3 else a.expand(V, B, in_w), W.transpose(1, 2), out=z)
        return z

    def _activation(self, act: str, z: Tensor, key: tuple) -> Tensor:
        if act == "linear":
            return z  # nn.Identity returns its input
        out = self.padded(key, tuple(z.shape[1:]))
        if act == "relu":
            return torch.clamp_min(z, 0.0, out=out)  # what torch.relu runs
        if act == "tanh":
            return torch.tanh(z, out=out)
        if act == "sigmoid":
            return torch.sigmoid(z, out=out)
        for v in range(self.V):  # GELU's kernel takes another path on strided input
            torch._C._nn.gelu(z[v], out=out[v])
        return out

    def _activation_backward(self, act: str, g: Tensor, z: Tensor, h: Tensor, key: tuple) -> Tensor:
        """The kernels autograd runs for these activations."""
        if act == "linear":
            return g
        out = self.padded(key, tuple(g.shape[1:]))
        if act == "relu":
            return _aten.threshold_backward.grad_input(g, h, 0, grad_input=out)
        if act == "tanh":
            return _aten.tanh_backward.grad_input(g, h, grad_input=out)
        if act == "sigmoid":
            return _aten.sigmoid_backward.grad_input(g, h, grad_input=out)
        for v in range(self.V):  # per variant, as in _activation
            _aten.gelu_backward.grad_input(g[v], z[v], grad_input=out[v])
        return out

    def _loss(self, out: Tensor, y: Tensor, B: int) -> tuple[Tensor, Tensor]:
        """(per-variant loss (V,), dloss/dout) of the trainer's mean MSE or cross-entropy."""
        shape = tuple(out.shape[1:])
        g = self.padded(("gout", B), shape)
        if self.trainer.loss_name == "mse":
            d = torch.sub(out, y, out=self.padded(("diff", B), shape))
            torch.mul(d, 2.0 / (shape[0] * shape[1]), out=g)  # mse_loss_backward: 2/n * (out - y)
            return d.square().mean((1, 2)), g
        logp = torch.log_softmax(out, -1)
        idx = y.view(-1, B, 1).expand(self.V, B, 1)
        loss = logp.gather(-1, idx).mean((1, 2)).neg()
        # nll_loss's mean gradient: -(1 / B) at each target, rounded as its kernel rounds it
        weight = -(torch.tensor(1.0) / torch.tensor(float(B))).item()
        g_logp = torch.zeros_like(logp).scatter_(-1, idx, weight)
        g.copy_(_aten._log_softmax_backward_data(g_logp, logp, -1, logp.dtype))
        return loss, g

    def _check_finite(self, total: Tensor) -> None:
        """The trainer's divergence check, per variant (frozen variants are not checked)."""
        if self._frozen is not None:
            total = total.index_fill(0, self._frozen, 0.0)
        self.trainer.check_finite(total, range(self.V))

    # -- evaluation ---------------------------------------------------------------------------
    @torch.no_grad()
    def measure(self) -> list[dict[str, Optional[float]]]:
        """Per variant: loss and accuracy on every split, as Trainer._measure gives them for each
        model in eval mode (one batched eval forward per split, then the trainer's own loss on
        each variant's slice), without switching any model between train and eval."""
        tr = self.trainer
        ds = tr.dataset
        rows: list[dict[str, Optional[float]]] = [{} for _ in range(self.V)]
        for split, x, y in tr.eval_splits():  # large splits in chunks (training/_evaluation.py)
            losses: list[Optional[float]] = [None] * self.V
            accuracies: list[Optional[float]] = [None] * self.V
            if x.shape[0] > 0:
                loss, acc = measure(
                    lambda xb, split=split: self.forward_eval(xb, split),
                    ds.inputs,
                    tr.loss_fn,
                    x,
                    y,
                    tr.loss_name == "cross_entropy",
                    variants=self.V,
                )
                losses = loss.tolist()
                if acc is not None:
                    accuracies = acc.tolist()
            for v in range(self.V):
                rows[v][f"{split}_loss"], rows[v][f"{split}_accuracy"] = losses[v], accuracies[v]
        return rows

    def forward_eval(self, x: Tensor, key: str) -> Tensor:
        """Every variant's eval-mode output on x, (V, B, out): no masks; vanilla dropout scales.
        Large batches go one variant at a time through small scratch buffers (see forward_one)."""
        B = x.shape[0]
        widest = max(out for out, _ in self.shapes)
        if self.V * B * widest >= EVAL_ONE_BY_ONE:
            out = self.padded(("eo", B), (B, self.shapes[-1][0]))
            for v in range(self.V):
                self.forward_one(v, x, out[v])
            return out
        a = x
        for l in range(self.n_linear):
            z = self._linear(a, self.W[l], self.b[l], ("ez", key, l, B))
            a = self._activation(self.activations[l], z, ("eh", key, l, B))
            if l < self.n_hidden and self.eval_scale[l] is not None:
                a = torch.mul(a, self.eval_scale[l], out=self.padded(("ed", key, l, B), tuple(a.shape[1:])))
        return a

    def forward_one(self, v: int, x: Tensor, out: Tensor) -> None:
        """Variant v's eval-mode output on x into `out`, layer after layer while its activations are
        still in cache; layer by layer over all variants, an evaluation of thousands of rows sends
        hundreds of MB of activations through memory. The same kernels as the model alone runs
        (addmm, then the activation on a standalone-laid-out tensor), so the same bits as the batched pass."""
        B = x.shape[0]
        a = x
        for l in range(self.n_linear):
            out_w = self.shapes[l][0]
            act = self.activations[l]
            last = l == self.n_linear - 1
            z = out if last and act == "linear" else self.scratch(("oz", l, B), (B, out_w))
            torch.addmm(self.b[l][v, 0], a, self.W[l][v].t(), out=z)
            a = z
            if act != "linear":
                h = out if last else self.scratch(("oh", l, B), (B, out_w))
                a = _activate(act, z, h)
            if not last and self.eval_scale[l] is not None:
                a = torch.mul(a, self.eval_scale[l][v], out=self.scratch(("od", l, B), (B, out_w)))

    # -- what the models show -----------------------------------------------------------------
    def _hand_over(self, active: tuple[bool, ...], per_layer: Tensor, B: int) -> None:
        """Each model gets its penalties and views of its masks, hidden activations and gradient.
        The views are of buffers every step reuses, so they are handed over only when the
        buffers or settings change; a variant that stops keeps copies (see _keep_shown)."""
        penalties = per_layer.unbind(0)
        for v, run in enumerate(self.runs):
            if active[v]:
                run.last_penalty = penalties[v]
        key = (active, B, self._settings)
        if key == self._handed:
            return
        self._handed = key
        for v, run in enumerate(self.runs):
            if not active[v]:
                continue
            model = run.model
            for i in range(self.n_hidden):
                hidden = ("h", i, B) if self.activations[i] != "linear" else ("z", i, B)
                model.hidden_outputs[i] = self._views[hidden][v]
                self._unit_dicts[v][i]["last_mask"] = self._views[("m", i, B)][v] if self.unit[i].shown[v] else None
            for l in range(1, self.n_linear):
                d = self._linear_dicts[v][l]
                dc = self.dropconnect[l]
                if dc is not None and dc.shown[v]:
                    d["last_mask"] = self._views[("mw", l)][v]
                    d["last_bias_mask"] = self._views[("mb", l)][v].view(-1)
                else:
                    d["last_mask"] = d["last_bias_mask"] = None
            if not self._grads_linked[v]:  # no .grad before the first step, as torch
                self._grads_linked[v] = True
                for j, p in enumerate(self.run_params[v]):
                    p.grad = self.row(self.grad, v, j)

    def _keep_shown(self, v: int) -> None:
        """A variant that stops keeps private copies of what it shows (the buffers move on)."""
        model = self.runs[v].model
        model.hidden_outputs[:] = [None if h is None else h.clone() for h in model.hidden_outputs]
        for d in self._unit_dicts[v] + self._linear_dicts[v]:
            for name in ("last_mask", "last_bias_mask"):
                if d.get(name) is not None:
                    d[name] = d[name].clone()
