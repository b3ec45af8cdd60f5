"""L1/L2 penalties for stacked variants, exact per variant (nn/_penalties.py's convention).

    penalty_v = sum over layers of  l1_v * sum|W| + l2_v * sum W^2   (+ the same on the
                biases when penalize_biases)                          -- L2 has no 1/2
    grad_v   += l1_v * sign(w) + 2 * l2_v * w

Only the penalised variants' rows are touched, in groups of variants with the
same terms (a slice of the stack when their rows are adjacent, else gathered
into a scratch buffer), so a comparison of "none" against "L2" costs what the
L2 model alone costs. Values are added in penalties.penalty's order and the
gradient as autograd accumulates it for the model alone,
(l1 * sign(w) + 2 * l2 * w) + data gradient, so the bits are the same.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Optional

import torch
from torch import Tensor

from explorer.core.util import BackReference

if TYPE_CHECKING:  # pragma: no cover
    from explorer.core.training.stacked._engine import StackedEngine


@dataclass
class PenaltyGroup:
    """Penalised variants with the same penalty terms; columns hold their coefficients."""

    rows: list[int]
    index: Tensor
    span: Optional[slice]  # the rows as a slice of the stack, when adjacent
    l1: Optional[Tensor]  # (n, 1) per term, None when absent
    l2x2: Optional[Tensor]  # 2 * l2 (exact in float32)
    l1_bias: Optional[Tensor]
    l2x2_bias: Optional[Tensor]
    coefficients: Tensor  # (n, 4L): per layer l1, l2 (weights), l1, l2 (biases); 0 if absent
    key: int


class StackedPenalty:
    """The penalties of all variants, reading and writing the engine's stacked rows."""

    engine: BackReference[StackedEngine] = BackReference()  # the engine owns this

    def __init__(self, engine: StackedEngine) -> None:
        self.engine = engine
        self.groups: list[PenaltyGroup] = []
        self._views: dict[tuple, Tensor] = {}

    @property
    def on(self) -> bool:
        return bool(self.groups)

    def configure(self) -> None:
        e = self.engine
        regs = [run.config.regularization for run in e.runs]
        l1 = [float(r.l1_lambda) for r in regs]
        l2 = [float(r.l2_lambda) for r in regs]
        l1b = [a if r.penalize_biases else 0.0 for a, r in zip(l1, regs)]
        l2b = [a if r.penalize_biases else 0.0 for a, r in zip(l2, regs)]
        by_terms: dict[tuple[bool, ...], list[int]] = {}
        for v in range(e.V):
            terms = (l1[v] > 0, l2[v] > 0, l1b[v] > 0, l2b[v] > 0)
            if any(terms):
                by_terms.setdefault(terms, []).append(v)
        self.groups = []
        self._views = {}
        for key, ((h1, h2, h1b, h2b), rows) in enumerate(by_terms.items()):

            def col(values: list[float], on: bool, factor: float = 1.0) -> Optional[Tensor]:
                return torch.tensor([values[v] * factor for v in rows]).view(-1, 1).to(e.device) if on else None

            adjacent = rows == list(range(rows[0], rows[0] + len(rows)))
            self.groups.append(
                PenaltyGroup(
                    rows=rows,
                    index=torch.tensor(rows, dtype=torch.long, device=e.device),
                    span=slice(rows[0], rows[-1] + 1) if adjacent else None,
                    l1=col(l1, h1),
                    l2x2=col(l2, h2, 2.0),
                    l1_bias=col(l1b, h1b),
                    l2x2_bias=col(l2b, h2b, 2.0),
                    coefficients=torch.tensor([[l1[v], l2[v], l1b[v], l2b[v]] * e.n_linear for v in rows]).to(e.device),
                    key=key,
                )
            )

    def _rows(self, group: PenaltyGroup) -> Tensor:
        e = self.engine
        if group.span is not None:
            return e.flat[group.span]
        return torch.index_select(
            e.flat, 0, group.index, out=e.scratch(("pen rows", group.key), (len(group.rows), e.flat.shape[1]))
        )

    def _segment(self, t: Tensor, j: int) -> Tensor:
        """(n, numel) view of parameter j in the rows of the scratch buffer t (made once)."""
        key = (t.data_ptr(), tuple(t.shape), j)
        view = self._views.get(key)
        if view is None:
            view = self._views[key] = self.engine.columns(t, j)
        return view

    def values(self) -> Tensor:
        """(V, L): each variant's penalty per Linear; zeros for the unpenalised variants.
        Per layer ((l1 * sum|W| + l2 * sum W^2) + l1 * sum|b|) + l2 * sum b^2, as
        penalties.penalty adds them (adding the absent, zero terms is exact)."""
        e = self.engine
        L = e.n_linear
        values = torch.zeros(e.V, L, device=e.device)  # handed to the models: a fresh tensor
        for group in self.groups:
            w = self._rows(group)
            n = w.shape[0]
            absolute = (
                torch.abs(w, out=e.scratch(("pen abs", group.key), tuple(w.shape)))
                if group.l1 is not None or group.l1_bias is not None
                else None
            )
            square = (
                torch.square(w, out=e.scratch(("pen sq", group.key), tuple(w.shape)))
                if group.l2x2 is not None or group.l2x2_bias is not None
                else None
            )
            zero = torch.zeros(n, device=e.device)
            sums = []
            for l in range(L):
                for j, c1, c2 in ((l, group.l1, group.l2x2), (L + l, group.l1_bias, group.l2x2_bias)):
                    sums.append(self._segment(absolute, j).sum(1) if c1 is not None else zero)
                    sums.append(self._segment(square, j).sum(1) if c2 is not None else zero)
            terms = torch.stack(sums, 1).mul_(group.coefficients).view(n, L, 4)
            total = (terms[..., 0] + terms[..., 1]).add_(terms[..., 2]).add_(terms[..., 3])
            values.index_copy_(0, group.index, total)
        return values

    def add_gradients(self) -> None:
        """grad += l1 * sign(w) + 2 * l2 * w, after the backward pass wrote the data gradient."""
        e = self.engine
        nw = e.n_weights
        for group in self.groups:
            w = self._rows(group)
            for block, c1, c2 in (
                (slice(0, nw), group.l1, group.l2x2),
                (slice(nw, None), group.l1_bias, group.l2x2_bias),
            ):
                x = w[:, block]
                pen = None
                if c1 is not None:
                    pen = torch.sign(x, out=e.scratch(("pen sign", group.key, block.start), tuple(x.shape)))
                    pen.mul_(c1)
                if c2 is not None:
                    l2_term = torch.mul(x, c2, out=e.scratch(("pen l2", group.key, block.start), tuple(x.shape)))
                    pen = l2_term if pen is None else pen.add_(l2_term)
                if pen is None:
                    continue
                if group.span is not None:
                    e.grad[group.span, block].add_(pen)
                else:  # index_add_ would scatter element by element
                    for k, v in enumerate(group.rows):
                        e.grad[v, block].add_(pen[k])
