"""Dropout masks: the formulas of the lessons, for one layer (the dropout modules of _dropout.py) and for
all stacked variants at once (the stacked engine). `mask_constants` is the one place they are written.

A variant draws from its own generator exactly what its model alone would draw,
in the same order and shapes: per hidden layer either a (B, width) uniform
(inverted, vanilla) or normal (Gaussian) draw for unit dropout, or a weight
mask then a bias mask for DropConnect on the next Linear; nothing when p is 0
or 1. The masks are then built for all variants at once:

    mask = scale if r >= threshold else 0        r ~ U(0, 1)
        inverted: threshold p, scale 1/(1-p)     vanilla: threshold p, scale 1
        no dropout here: threshold -inf (all 1)  p = 1: threshold +inf (all 0)
    mask = 1 + sigma * eps,  sigma = sqrt(p/(1-p)),  eps ~ N(0, 1)   (Gaussian)

Variants share a seed, so generators that have drawn the same sequence so far
are in the same state. DrawSharing tracks those classes: within one, variants
that draw the same this step copy the first one's numbers, and afterwards take
its generator state, exactly where their own draws would have left them.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Optional, Sequence

import torch
from torch import Tensor


def mask_constants(kind: str, p: float) -> tuple[float, float, Optional[float]]:
    """(threshold, scale, sigma) of a unit mask from r:

        inverted:  m = 1/(1-p) if r >= p else 0,  r ~ U(0, 1)      -> (p, 1/(1-p), None)
        vanilla:   m = 1       if r >= p else 0,  r ~ U(0, 1)      -> (p, 1, None)
        Gaussian:  m = 1 + sigma * r,  sigma = sqrt(p/(1-p)),  r ~ N(0, 1)   -> (-inf, 1, sigma)
        p = 0: all ones (-inf, 1, None);  p = 1: all zeros (+inf, 1, None), nothing drawn.

    1/(1-p) is rounded as float32 division rounds it, so m equals (r >= p).div_(1 - p) bit for bit."""
    if p <= 0.0:
        return -math.inf, 1.0, None
    if p >= 1.0:
        return math.inf, 1.0, None
    if kind == "gaussian":
        return -math.inf, 1.0, math.sqrt(p / (1.0 - p))
    if kind == "vanilla":
        return p, 1.0, None
    return p, float(torch.tensor(1.0) / torch.tensor(1.0 - p)), None


def dropout_mask(kind: str, p: float, r: Tensor) -> Tensor:
    """One layer's multiplier m from its draws r (uniform, or standard normal for Gaussian), overwriting r.
    The stacked engine applies the same constants to all variants at once (fill_mask)."""
    threshold, scale, sigma = mask_constants(kind, p)
    if sigma is not None:
        return r.mul_(sigma).add_(1.0)
    return torch.ge(r, threshold, out=r).mul_(scale)


@dataclass
class MaskPlan:
    """One hidden layer's unit masks (V, B, width), or DropConnect masks of the next Linear's
    weights (V, out, in) and bias (V, 1, out), for all variants."""

    draws: list[Optional[str]]  # per variant: "uniform", "normal" or None (nothing drawn)
    threshold: Tensor  # (V, 1, 1)
    scale: Tensor  # (V, 1, 1)
    gaussian: Optional[Tensor]  # (V, 1, 1) bool, None if no variant is Gaussian here
    sigma: Optional[Tensor]  # (V, 1, 1)
    on: bool  # some variant masks this layer
    shown: list[bool]  # per variant: its model reports a mask (p > 0)


def mask_plan(specs: Sequence[tuple[bool, str, float]], like: Tensor) -> MaskPlan:
    """specs: per variant (this kind of dropout applies here, kind, p)."""
    draws, thr, scale, gauss, sigma, shown = [], [], [], [], [], []
    for applies, kind, p in specs:
        draw, t, s, gs, sg = None, -math.inf, 1.0, False, 0.0
        if applies and p > 0.0:
            t, s, noise = mask_constants(kind, p)
            if noise is not None:
                draw, gs, sg = "normal", True, noise
            elif p < 1.0:  # p = 1: zeros, nothing drawn
                draw = "uniform"
        draws.append(draw)
        thr.append(t)
        scale.append(s)
        gauss.append(gs)
        sigma.append(sg)
        shown.append(applies and p > 0.0)

    def col(values: list, dtype: torch.dtype = like.dtype) -> Tensor:
        return torch.tensor(values, dtype=dtype).view(-1, 1, 1).to(like.device)

    any_gauss = any(gauss)
    return MaskPlan(
        draws,
        col(thr),
        col(scale),
        col(gauss, torch.bool) if any_gauss else None,
        col(sigma) if any_gauss else None,
        any(shown),
        shown,
    )


def fill_mask(plan: MaskPlan, r: Tensor, mask: Tensor) -> Tensor:
    """The masks from the random numbers r, written into `mask` (same shape)."""
    torch.ge(r, plan.threshold, out=mask).mul_(plan.scale)  # (r >= threshold) in {0., 1.}, times scale
    if plan.gaussian is not None:
        torch.where(plan.gaussian, r * plan.sigma + 1.0, mask, out=mask)  # 1 + sigma * eps (two roundings)
    return mask


class DrawSharing:
    """Which variants can copy another's draws this step (see the module docstring)."""

    def __init__(self, generators: Sequence[torch.Generator]) -> None:
        self.generators = list(generators)
        self.leaders: list[Optional[int]] = [None] * len(self.generators)
        self.followers: list[tuple[int, list[int]]] = []
        self.regroup()

    def regroup(self) -> None:
        """Compare the generators' states (after construction, or a checkpoint was loaded)."""
        states = [g.get_state() for g in self.generators]
        classes: list[list[int]] = []
        for v, state in enumerate(states):
            for members in classes:
                if torch.equal(states[members[0]], state):
                    members.append(v)
                    break
            else:
                classes.append([v])
        self.classes = classes
        self.next_classes = classes
        self.invalidate()

    def invalidate(self) -> None:
        self._planned_for: Optional[tuple[bool, ...]] = None

    def plan(
        self, active: tuple[bool, ...], unit: Sequence[MaskPlan], dropconnect: Sequence[Optional[MaskPlan]]
    ) -> None:
        """Leaders and followers for a step in which `active` variants train."""
        if self._planned_for == active:
            return
        programs = []
        for v, on in enumerate(active):
            program: list[tuple] = []
            if on:
                for l, dc in enumerate(dropconnect):
                    if dc is not None and dc.draws[v] is not None:
                        program.append(("dropconnect", l))
                    if l < len(unit) and unit[l].draws[v] is not None:
                        program.append((unit[l].draws[v], l))
            programs.append(tuple(program))
        leaders: list[Optional[int]] = [None] * len(active)
        followers: list[tuple[int, list[int]]] = []
        classes: list[list[int]] = []
        for members in self.classes:
            groups: dict[tuple, list[int]] = {}
            for v in members:
                groups.setdefault(programs[v], []).append(v)
            for program, group in groups.items():
                classes.append(group)
                if program and len(group) > 1:
                    for v in group[1:]:
                        leaders[v] = group[0]
                    followers.append((group[0], group[1:]))
        self.leaders, self.followers, self.next_classes = leaders, followers, classes
        self._planned_for = active

    def draw(self, plan: MaskPlan, r: Tensor, active: tuple[bool, ...], second: Optional[Tensor] = None) -> None:
        """Fill r[v] (and second[v], DropConnect's bias draw after the weight draw) for every
        variant that draws here."""
        for v, draw in enumerate(plan.draws):
            if draw is None or not active[v]:
                continue
            leader = self.leaders[v]
            if leader is not None:
                r[v].copy_(r[leader])
                if second is not None:
                    second[v].copy_(second[leader])
                continue
            gen = self.generators[v]
            if draw == "normal":
                r[v].normal_(generator=gen)
            else:
                r[v].uniform_(generator=gen)
                if second is not None:
                    second[v].uniform_(generator=gen)

    def finish_step(self) -> None:
        """After the step's draws: followers take their leader's generator state."""
        for leader, group in self.followers:
            state = self.generators[leader].get_state()
            for v in group:
                self.generators[v].set_state(state)
        if self.next_classes != self.classes:
            self.classes = self.next_classes
            self.invalidate()
