"""Evaluation in large no-grad batches, and the fixed training subsample of live evaluations.

Why: on Fashion-MNIST (54,000 training rows after validation) measuring every
split after every epoch is 70,000 forward passes against 54,000 forward and
backward ones of training, and an evaluation forward of a whole split at once
holds every layer's activations for all its rows (hundreds of MB). So a split
is evaluated EVAL_BATCH rows at a time (uint8 images converted per chunk), and
a training split larger than TRAIN_EVAL_ROWS is measured on a fixed, seeded
subsample of that many rows at each evaluation, and in full at the last one
(the view says so: DataView.train_eval_rows). Smaller sets are measured exactly
as before, in one pass over every row.
"""

from __future__ import annotations

from typing import Callable, Optional

import torch
from torch import Tensor

EVAL_BATCH = 4096  # rows per no-grad forward when a split is larger
TRAIN_EVAL_ROWS = 10_000  # live evaluations measure a larger training split on this many fixed rows

Split = tuple[str, Tensor, Tensor]


def train_subsample(n_train: int, seed: int) -> Optional[Tensor]:
    """Sorted row indices of the fixed training subsample, or None when the whole split is small enough.
    Drawn from its own generator: the batch order and the dropout masks do not change."""
    if n_train <= TRAIN_EVAL_ROWS:
        return None
    generator = torch.Generator().manual_seed(seed)
    return torch.randperm(n_train, generator=generator)[:TRAIN_EVAL_ROWS].sort().values


@torch.no_grad()
def measure(
    forward: Callable[[Tensor], Tensor],
    inputs: Callable[[Tensor], Tensor],
    loss_fn: Callable[[Tensor, Tensor], Tensor],
    x: Tensor,
    y: Tensor,
    classification: bool,
    variants: Optional[int] = None,
) -> tuple[Optional[Tensor], Optional[Tensor]]:
    """Mean loss and accuracy of `forward` on (x, y), as tensors: scalars for one model, (V,) when
    `variants` is given (forward returns (V, B, out)). `inputs` turns stored rows into model inputs.
    A split of at most EVAL_BATCH rows is one pass, as the trainer always measured it; a larger one is
    summed chunk by chunk (loss_fn is a mean, so each chunk's mean is weighted by its rows)."""
    n = int(x.shape[0])
    if n == 0:
        return None, None
    loss_sum: Optional[Tensor] = None
    correct: Optional[Tensor] = None
    for start in range(0, n, EVAL_BATCH):
        xb, yb = inputs(x[start : start + EVAL_BATCH]), y[start : start + EVAL_BATCH]
        out = forward(xb)
        rows = int(yb.shape[0])
        if variants is None:
            loss = loss_fn(out, yb)
            hits = (out.argmax(1) == yb).float() if classification else None
        else:
            loss = torch.stack([loss_fn(out[v], yb) for v in range(variants)])
            hits = torch.stack([(out[v].argmax(1) == yb).float() for v in range(variants)]) if classification else None
        if n <= EVAL_BATCH:
            return loss, None if hits is None else hits.mean(-1)
        loss_sum = loss * rows if loss_sum is None else loss_sum + loss * rows
        if hits is not None:
            correct = hits.sum(-1) if correct is None else correct + hits.sum(-1)
    assert loss_sum is not None
    return loss_sum / n, None if correct is None else correct / n
