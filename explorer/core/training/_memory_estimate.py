"""The memory a training run needs, estimated from its experiment and its data's shape.

Why: widths of 4096 with a batch of a million are allowed field by field, but together
they need far more than a laptop has; PyTorch finds out only when the allocator fails,
after minutes of swapping. The estimate is an upper bound made of the parts that
grow: per variant the weights (the model, the stacked engine's copy, the gradients,
the optimizer's moments, the best weights kept for early stopping), and the
activations of one training batch and of one evaluation pass, plus the data.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Optional

from explorer.core.protocol import TrainingError, define_messages
from explorer.core.util import available_bytes, format_bytes

FLOAT = 4  # bytes of a float32


@dataclass(frozen=True)
class MemoryEstimate:
    parameters: int  # weights and biases of one variant
    variants: int
    weights_bytes: int  # every copy of the weights, all variants
    activations_bytes: int
    data_bytes: int

    @property
    def total(self) -> int:
        return self.weights_bytes + self.activations_bytes + self.data_bytes


def parameter_count(input_dim: int, widths: list[int], output_dim: int) -> int:
    sizes = [input_dim, *widths, output_dim]
    return sum(a * b + b for a, b in zip(sizes, sizes[1:]))


def estimate_training(
    experiment: Any, *, input_dim: int, output_dim: int, n_train: int, n_largest_split: int, data_bytes: int
) -> MemoryEstimate:
    """An upper estimate for `experiment` on data of this shape (see the module docstring)."""
    widths = [layer.width for layer in experiment.network.layers]
    params = parameter_count(input_dim, widths, output_dim)
    variants = experiment.resolved_variants()
    replicates = getattr(experiment.training, "replicates", 1)  # every variant trains this many seeds
    runs = len(variants) * replicates
    weights = 0
    for cfg in variants:
        copies = 3  # the model, the stacked copy, the gradients
        opt = cfg.optimizer
        copies += 2 if opt.kind in ("adam", "adamw") else (1 if opt.momentum > 0 else 0)
        if cfg.early_stopping.enabled and cfg.early_stopping.restore_best:
            copies += 1  # the best weights
        if any(layer.dropout_kind == "dropconnect" and layer.dropout_p > 0 for layer in cfg.network.layers):
            copies += 1  # DropConnect's weight masks
        weights += copies * params * FLOAT * replicates
    weights += params * FLOAT * replicates  # the base model of each seed, copied into every variant
    batch = experiment.training.batch_size
    batch = n_train if batch is None else min(batch, n_train)
    units = sum(widths) + output_dim
    # training: pre-activation, activation, mask and gradient of every unit of the batch
    train_acts = 4 * batch * units * runs * FLOAT
    # evaluation (no gradients): two layers alive at a time over the largest split
    eval_acts = 3 * n_largest_split * max(widths + [output_dim]) * runs * FLOAT
    return MemoryEstimate(params, runs, weights, train_acts + eval_acts, data_bytes)


MSG = define_messages(
    "training_memory",
    {
        "too_big": "this experiment needs about {needed} ({params} weights per variant, {variants} variants, "
        "batches of {batch}), but this machine has {available} available; use fewer or narrower layers, "
        "a smaller batch or fewer variants",
    },
)


def _device_available(device: Any) -> Optional[int]:
    if getattr(device, "type", "cpu") == "cuda":
        try:
            import torch

            free, _total = torch.cuda.mem_get_info(device)
            return int(free)
        except (RuntimeError, AssertionError, AttributeError):
            return None
    return available_bytes()


def check_training_memory(experiment: Any, dataset: Any, device: Any) -> MemoryEstimate:
    """Refuse (TrainingError) before the model is built when the estimate exceeds what the device has.

    The data is already in memory when this runs, so what is available excludes it."""
    n_train, n_val, n_test = dataset.n_train, dataset.n_val, dataset.n_test
    estimate = estimate_training(
        experiment,
        input_dim=int(dataset.input_dim),
        output_dim=int(dataset.output_dim),
        n_train=n_train,
        n_largest_split=max(n_train, n_val, n_test),
        data_bytes=0,
    )
    available = _device_available(device)
    if available is not None and estimate.total > available:
        batch = experiment.training.batch_size
        raise TrainingError(
            MSG.too_big(
                needed=format_bytes(estimate.total),
                params=f"{estimate.parameters:,}",
                variants=estimate.variants,
                batch=f"{n_train if batch is None else min(batch, n_train):,}",
                available=format_bytes(available),
            )
        )
    return estimate
