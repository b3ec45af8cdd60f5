"""SGD, Adam and AdamW for stacked variants: torch.optim's update math, one row per variant.

The engine (_engine.py) keeps every variant's parameters in one row of a
(V, P) tensor, laid out like the variant's torch optimizer: the weights group
[W_0 | ... | W_L] then the biases group [b_0 | ... | b_L]. Per-variant
hyperparameters are (V, 1) columns, so one elementwise op updates every
variant with its own lr, momentum or betas. The formulas are those of
torch.optim's single-tensor path (torch/optim/sgd.py, adam.py; AdamW is Adam
with decoupled decay):

    SGD (dampening 0):  buf <- momentum * buf + g   (buf <- g on the first step; no buffer at momentum 0)
                        d   <- g + momentum * buf   (nesterov)   or   buf
                        w   <- w - lr * d
    Adam:               t <- t + 1
                        m <- lerp(m, g, 1 - beta1)
                        v <- beta2 * v + (1 - beta2) * g * g
                        w <- w - lr / (1 - beta1^t) * m / (sqrt(v) / sqrt(1 - beta2^t) + eps)
    decoupled decay:    w <- w * (1 - lr * weight_decay)   before the update (AdamW's order;
                        the trainer applies it the same way under SGD and Adam)

Each op is the one torch runs, with a (V, 1) column where torch has a Python
number (checked to give the same bits: add(alpha=s) == addcmul(col), lerp with
a scalar or a column weight, addcdiv(value=s) == addcdiv(g * col, d)), so a
variant's update equals torch.optim's on the same gradients. Every op is
elementwise along a row: a variant's numbers do not depend on which other
variants share the stack.

The torch optimizer of each VariantRun stays the public face of the state: its
``state`` holds views into the stacked buffers (momentum_buffer, or step,
exp_avg and exp_avg_sq), so ``run.optimizer.state_dict()`` and checkpoints keep
torch's format. When that state is replaced (``load_state_dict`` while
restoring a checkpoint), ``needs_import`` notices and ``import_state`` copies
it back into the stack.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional

import torch
from torch import Tensor

from explorer.core.util import BackReference

if TYPE_CHECKING:  # pragma: no cover
    from explorer.core.training.stacked._engine import StackedEngine

SUPPORTED = {"sgd": torch.optim.SGD, "adam": torch.optim.Adam, "adamw": torch.optim.AdamW}


def optimizer_problem(optimizer: torch.optim.Optimizer, kind: str) -> Optional[str]:
    """Why this torch optimizer's update cannot be reproduced here (None: it can)."""
    if type(optimizer) is not SUPPORTED.get(kind):
        return f"optimizer {type(optimizer).__name__} is not the stacked {kind}"
    groups = optimizer.param_groups
    if len(groups) != 2:
        return "the optimizer must have a weights group and a biases group"
    first = groups[0]
    for group in groups:
        if group.get("maximize") or group.get("differentiable"):
            return "maximize/differentiable optimizers are not stacked"
        if kind == "sgd" and group.get("dampening", 0) != 0:
            return "SGD dampening is not stacked"
        if kind != "sgd" and group.get("amsgrad"):
            return "AMSGrad is not stacked"
        if kind == "adam" and group.get("weight_decay", 0) != 0:
            return "Adam's coupled weight decay is not stacked"
        if kind == "sgd" and group.get("weight_decay", 0) != 0:
            return "SGD's coupled weight decay is not stacked"
        for key in ("lr", "momentum", "nesterov", "betas", "eps"):
            if group.get(key) != first.get(key):
                return f"the weights and biases groups differ in {key}"
    return None


def _column(values: list[float], like: Tensor) -> Tensor:
    """(V, 1) column of per-variant values on the parameters' device."""
    return torch.tensor(values, dtype=like.dtype).view(-1, 1).to(like.device, non_blocking=True)


class StackedOptimizer:
    """State and update shared by the three kinds: decoupled decay, frozen rows, torch-state views."""

    state_names: tuple[str, ...] = ()
    engine: BackReference[StackedEngine] = BackReference()  # the engine owns this

    def __init__(self, engine: StackedEngine) -> None:
        self.engine = engine
        self.V = engine.V
        flat = engine.flat
        self.state: dict[str, Tensor] = {name: torch.zeros_like(flat) for name in self.state_names}
        self._state_refs: list[object] = [None] * self.V
        self._group_refs: list[object] = [None] * self.V
        self.has_state = [False] * self.V
        self.decay_w: Optional[Tensor] = None  # (V, 1) factors 1 - lr * wd, None when no variant decays
        self.decay_b: Optional[Tensor] = None

    # -- hyperparameters ------------------------------------------------------------------
    def group(self, v: int, index: int = 0) -> dict:
        return self.engine.runs[v].optimizer.param_groups[index]

    def configure(self) -> None:
        """Re-read hyperparameters: the optimizers' param groups and the runs' configs."""
        fw, fb = [], []
        for v, run in enumerate(self.engine.runs):
            if self.engine.kind == "adamw":
                # AdamW's own decay, per group: w <- w * (1 - lr * weight_decay)
                factors = []
                for index in (0, 1):
                    g = self.group(v, index)
                    wd = float(g["weight_decay"])
                    factors.append(1.0 - float(g["lr"]) * wd if wd != 0 else 1.0)
                fw.append(factors[0])
                fb.append(factors[1])
            else:
                # the trainer's decoupled decay under SGD and Adam (penalties.apply_decoupled_weight_decay)
                reg = run.config.regularization
                wd = float(reg.weight_decay)
                factor = 1.0 - float(run.config.optimizer.lr) * wd if wd > 0 else 1.0
                fw.append(factor)
                fb.append(factor if reg.penalize_biases else 1.0)
        flat = self.engine.flat
        self.decay_w = _column(fw, flat) if any(f != 1.0 for f in fw) else None
        self.decay_b = _column(fb, flat) if any(f != 1.0 for f in fb) else None
        self.configure_kind()

    def configure_kind(self) -> None:
        raise NotImplementedError

    def apply_decay(self) -> None:
        e = self.engine
        if self.decay_w is not None:
            e.flat[:, : e.n_weights].mul_(self.decay_w)
        if self.decay_b is not None:
            e.flat[:, e.n_weights :].mul_(self.decay_b)

    # -- the torch optimizers' state --------------------------------------------------------
    def needs_import(self) -> bool:
        """True when some torch optimizer's state or groups were replaced (load_state_dict)."""
        for v, run in enumerate(self.engine.runs):
            opt = run.optimizer
            if opt.state is not self._state_refs[v] or opt.param_groups is not self._group_refs[v]:
                return True
        return False

    def import_state(self) -> None:
        """Copy every torch optimizer's state into the stack, then point it at the stack."""
        e = self.engine
        with torch.no_grad():
            for v, run in enumerate(e.runs):
                params = e.run_params[v]
                states = [run.optimizer.state.get(p) for p in params]
                self.has_state[v] = self.import_variant(v, params, states)
                if self.has_state[v]:
                    self.install_views(v)
                self._state_refs[v] = run.optimizer.state
                self._group_refs[v] = run.optimizer.param_groups
        self.configure()

    def import_variant(self, v: int, params: list[Tensor], states: list[Optional[dict]]) -> bool:
        raise NotImplementedError

    def install_views(self, v: int) -> None:
        """run.optimizer.state[p] holds views into the stacked state (torch's keys)."""
        e = self.engine
        opt = e.runs[v].optimizer
        for j, p in enumerate(e.run_params[v]):
            opt.state[p] = self.views(v, j)

    def views(self, v: int, j: int) -> dict[str, Tensor]:
        raise NotImplementedError

    def segment(self, name: str, v: int, j: int) -> Tensor:
        off, shape = self.engine.segments[j]
        n = shape.numel()
        return self.state[name][v, off : off + n].view(shape)

    def row_tensors(self) -> list[Tensor]:
        """The (V, P) state a frozen variant must keep exactly."""
        return list(self.state.values())

    def step(self, active: list[bool]) -> None:
        raise NotImplementedError


class StackedSGD(StackedOptimizer):
    state_names = ("momentum_buffer",)

    def configure_kind(self) -> None:
        flat = self.engine.flat
        groups = [self.group(v) for v in range(self.V)]
        self.momentum = [float(g["momentum"]) for g in groups]
        nesterov = [bool(g["nesterov"]) for g in groups]
        self.neg_lr = _column([-float(g["lr"]) for g in groups], flat)
        self.momentum_col = _column(self.momentum, flat)
        # A variant without a buffer yet takes buf <- g: momentum 0 in the buffer update.
        self.buffer_factor = _column([m if h else 0.0 for m, h in zip(self.momentum, self.has_state)], flat)
        self.nesterov = "all" if all(nesterov) else ("none" if not any(nesterov) else "mixed")
        self.nesterov_mask = torch.tensor(nesterov, device=flat.device).view(-1, 1)
        # torch leaves a buffer alone while its momentum is 0: keep those rows as they are.
        keep = [v for v in range(self.V) if self.momentum[v] == 0 and self.has_state[v]]
        self.keep_rows = torch.tensor(keep, dtype=torch.long, device=flat.device) if keep else None

    def import_variant(self, v: int, params: list[Tensor], states: list[Optional[dict]]) -> bool:
        bufs = [None if s is None else s.get("momentum_buffer") for s in states]
        row = self.state["momentum_buffer"][v]
        if any(b is None for b in bufs):
            row.zero_()
            return False
        for j, b in enumerate(bufs):
            self.segment("momentum_buffer", v, j).copy_(b)
        return True

    def views(self, v: int, j: int) -> dict[str, Tensor]:
        return {"momentum_buffer": self.segment("momentum_buffer", v, j)}

    def step(self, active: list[bool]) -> None:
        e = self.engine
        g, w, buf = e.grad, e.flat, self.state["momentum_buffer"]
        self.apply_decay()
        if not any(self.momentum):  # torch's momentum-0 update, p.add_(grad, alpha=-lr): no buffer at all
            w.addcmul_(g, self.neg_lr)
            return
        kept = buf.index_select(0, self.keep_rows) if self.keep_rows is not None else None
        buf.mul_(self.buffer_factor).add_(g)  # buf = momentum * buf + g
        if self.nesterov == "none":
            direction = buf
        else:
            ahead = torch.addcmul(g, buf, self.momentum_col)  # g + momentum * buf
            direction = ahead if self.nesterov == "all" else torch.where(self.nesterov_mask, ahead, buf)
        w.addcmul_(direction, self.neg_lr)  # w - lr * direction
        if kept is not None:
            buf.index_copy_(0, self.keep_rows, kept)
        fresh = [v for v in range(self.V) if active[v] and self.momentum[v] != 0 and not self.has_state[v]]
        if fresh:
            for v in fresh:
                self.has_state[v] = True
                self.install_views(v)
            self.configure_kind()


class StackedAdam(StackedOptimizer):
    """Adam and AdamW (AdamW's decay is apply_decay with the groups' weight_decay)."""

    state_names = ("exp_avg", "exp_avg_sq")

    def __init__(self, engine: StackedEngine) -> None:
        super().__init__(engine)
        n_params = len(engine.segments)
        self.steps = [0] * self.V
        # torch keeps `step` as a float32 CPU scalar per parameter: views into this table
        self.step_table = torch.zeros(self.V, n_params, dtype=torch.float32)
        self.work = torch.empty_like(engine.flat)
        self.work2 = torch.empty_like(engine.flat)

    def configure_kind(self) -> None:
        flat = self.engine.flat
        groups = [self.group(v) for v in range(self.V)]
        self.lr = [float(g["lr"]) for g in groups]
        self.beta1 = [float(g["betas"][0]) for g in groups]
        self.beta2 = [float(g["betas"][1]) for g in groups]
        self.one_minus_beta1 = _column([1.0 - b for b in self.beta1], flat)
        self.one_minus_beta2 = _column([1.0 - b for b in self.beta2], flat)
        self.beta2_col = _column(self.beta2, flat)
        self.eps = _column([float(g["eps"]) for g in groups], flat)

    def import_variant(self, v: int, params: list[Tensor], states: list[Optional[dict]]) -> bool:
        if any(not s for s in states):
            self.state["exp_avg"][v].zero_()
            self.state["exp_avg_sq"][v].zero_()
            self.steps[v] = 0
            self.step_table[v].zero_()
            return False
        for j, s in enumerate(states):
            assert s is not None
            self.segment("exp_avg", v, j).copy_(s["exp_avg"])
            self.segment("exp_avg_sq", v, j).copy_(s["exp_avg_sq"])
            self.step_table[v, j] = float(s["step"])
        self.steps[v] = int(float(states[0]["step"]))
        return True

    def views(self, v: int, j: int) -> dict[str, Tensor]:
        return {
            "step": self.step_table[v, j],
            "exp_avg": self.segment("exp_avg", v, j),
            "exp_avg_sq": self.segment("exp_avg_sq", v, j),
        }

    def step(self, active: list[bool]) -> None:
        e = self.engine
        g, w = e.grad, e.flat
        m, sq = self.state["exp_avg"], self.state["exp_avg_sq"]
        step_sizes, corrections = [], []
        for v in range(self.V):
            if active[v]:
                self.steps[v] += 1
            t = max(self.steps[v], 1)
            b1, b2 = self.beta1[v], self.beta2[v]
            step_sizes.append(-self.lr[v] / (1 - b1**t))  # -lr / (1 - beta1^t)
            corrections.append((1 - b2**t) ** 0.5)  # sqrt(1 - beta2^t)
        cols = torch.tensor([step_sizes, corrections], dtype=w.dtype).to(w.device, non_blocking=True)
        neg_step_size, correction = cols[0].view(-1, 1), cols[1].view(-1, 1)
        self.step_table += torch.tensor(active, dtype=torch.float32).view(-1, 1)
        self.apply_decay()
        m.lerp_(g, self.one_minus_beta1)
        sq.mul_(self.beta2_col).addcmul_(torch.mul(g, self.one_minus_beta2, out=self.work), g)
        denom = torch.sqrt(sq, out=self.work)
        torch.addcdiv(self.eps, denom, correction, out=self.work2)  # sqrt(v) / sqrt(1 - beta2^t) + eps
        w.addcdiv_(torch.mul(m, neg_step_size, out=self.work), self.work2)  # w - step_size * m / denom
        fresh = [v for v in range(self.V) if active[v] and not self.has_state[v]]
        for v in fresh:
            self.has_state[v] = True
            self.install_views(v)


def make_stacked_optimizer(engine: StackedEngine) -> StackedOptimizer:
    return StackedSGD(engine) if engine.kind == "sgd" else StackedAdam(engine)
