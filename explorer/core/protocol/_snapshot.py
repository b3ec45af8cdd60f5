"""Snapshot: what the views draw, as plain numpy, immutable, picklable.

The trainer builds one on a wall-clock interval (never by default every step)
and the GUI keeps only the newest. Views never see torch tensors or the trainer.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Optional

import numpy as np

# Keys of VariantState.history; every array has one entry per evaluation.
HISTORY_KEYS = (
    "epoch",
    "step",
    "train_loss",
    "val_loss",
    "test_loss",
    "train_accuracy",
    "val_accuracy",
    "test_accuracy",
    "penalty",
)

# The diagram draws at most this many neurons of each layer.
DIAGRAM_MAX_NEURONS = 16

# The dashboard's views, by id: the snapshot parts built when no view set was given (headless,
# figures, tests). Parts of other views (a step inspector, test-time dropout) are optional: built
# only while a SetVisibleViews command names them.
DASHBOARD_VIEWS = frozenset(("fit", "loss", "histograms", "activations", "norms", "network"))


def wants(parts: Optional[frozenset[str]], view: str) -> bool:
    """Whether a snapshot built for `parts` (None: the dashboard's) should compute `view`'s part.

    Computing only what is on screen is what keeps snapshots within their budget (10% of the
    trainer's time): a part for a hidden view is never built."""
    return view in DASHBOARD_VIEWS if parts is None else view in parts


@dataclass(frozen=True)
class Histogram:
    counts: np.ndarray  # (bins,) int64
    edges: np.ndarray  # (bins + 1,) float32


@dataclass(frozen=True)
class LinearState:
    """One Linear map (hidden layers, then the output layer)."""

    name: str  # "layer 1", ..., "output"
    weight_hist: Histogram
    grad_hist: Optional[Histogram]  # None before the first backward pass
    weight_norm: float  # Frobenius norm ||W||
    penalty: float  # this layer's L1 + L2 contribution to the loss
    display_weights: np.ndarray  # W[:16, :16] (out, in): link colour/width in the diagram
    dropconnect_mask: Optional[np.ndarray]  # (out, in) of the displayed block, when DropConnect is on


@dataclass(frozen=True)
class HiddenState:
    """One hidden layer's units."""

    width: int
    activation: str
    dropout_p: float
    dropout_kind: str
    mask: Optional[np.ndarray]  # (width,) multiplier of the first sample in the last batch; None if no dropout
    activation_mean: float  # mean of h = act(Wx + b) on the last training batch (before dropout)
    activation_var: float  # its variance
    neuron_maps: Optional[np.ndarray] = (
        None  # (n_shown, gh, gw): each shown neuron's output over the input plane (2-D data)
    )


@dataclass(frozen=True)
class EarlyStoppingState:
    enabled: bool
    monitor: str
    best_value: float  # nan before the first evaluation
    best_epoch: Optional[int]
    wait: int  # evaluations since the best one
    patience: int
    stopped: bool
    stop_epoch: Optional[int]
    restored: bool


@dataclass(frozen=True)
class HistogramFrame:
    epoch: int
    hists: tuple[Histogram, ...]  # one per Linear


@dataclass(frozen=True)
class VariantState:
    name: str
    history: dict[str, np.ndarray]  # HISTORY_KEYS -> (E,) float64 (nan where not measured)
    weight_norm_history: np.ndarray  # (E, n_linear)
    activation_var_history: np.ndarray  # (E, n_hidden)
    activation_mean_history: np.ndarray  # (E, n_hidden)
    linears: tuple[LinearState, ...]
    hidden: tuple[HiddenState, ...]
    grid_prediction: (
        np.ndarray
    )  # regression: (G,) y on DataView.grid_x; 2-D: (gh, gw) P(class 1) or argmax; images: (S, C) probs
    early_stopping: EarlyStoppingState
    histogram_frames: tuple[HistogramFrame, ...]  # weight histograms over time (decimated)
    finished: bool  # stopped early or reached the last epoch
    l1_lambda: float = 0.0
    l2_lambda: float = 0.0
    weight_decay: float = 0.0
    lr: float = 0.0


@dataclass(frozen=True)
class DataView:
    """The data as the fit view draws it (subsampled to a few thousand points)."""

    task: str  # "regression" | "classification" | "image"
    x_train: np.ndarray  # regression: (N,) ; 2-D: (N, 2); image: (S, h, w) sample images
    y_train: np.ndarray
    x_test: np.ndarray
    y_test: np.ndarray
    grid_x: Optional[np.ndarray] = None  # regression: (G,)
    grid_extent: Optional[tuple[float, float, float, float]] = None  # 2-D: (xmin, xmax, ymin, ymax)
    true_curve: Optional[np.ndarray] = None  # regression: noise-free target on grid_x, when known
    class_names: tuple[str, ...] = ()
    sample_labels: Optional[np.ndarray] = None  # images: true labels of the sample images
    input_dim: int = 1
    output_dim: int = 1
    train_eval_rows: int = 0  # > 0: live training metrics come from a fixed subsample of this many rows


@dataclass(frozen=True)
class Snapshot:
    step: int
    epoch: int
    total_epochs: int
    steps_per_second: float
    device: str
    state: str  # "running" | "paused" | "finished" | "error"
    message: str  # human-readable status ("" if none)
    variants: tuple[VariantState, ...]
    data: DataView
    wall_seconds: float = 0.0
    generation: int = 0  # increments each time the model is rebuilt
    experiment_json: str = ""  # the experiment the trainer is running now (with live edits)
    extra: dict[str, Any] = field(default_factory=dict)
    # the view ids whose parts were computed for this snapshot; the others carry their last built
    # value (or an empty one): views that were hidden when it was built
    parts: tuple[str, ...] = tuple(sorted(DASHBOARD_VIEWS))
