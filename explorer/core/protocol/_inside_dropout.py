"""Inside dropout: what the test-time (MC dropout) view and the Step inspector receive, and how the window
asks for them. Plain picklable data, like every other part of the protocol.

Both are costly enough to be built only on request: the window sends `InspectStep` while the Step inspector
is open (and `InspectStep(open=False)` when it closes), and the test-time passes are the live experiment field
`views.test_time_passes` (0 = off), so they persist with the experiment and reach a headless run too.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

import numpy as np

#: Snapshot.extra keys
MC_KEY = "mc_dropout"  # -> tuple[Optional[McDropoutState], ...], one per variant
STEP_KEY = "step_inspection"  # -> StepInspection

#: the regression view draws at most this many of the T passes as faint curves
MC_SHOWN_CURVES = 50


@dataclass(frozen=True)
class InspectStep:
    """Record the inner numbers of every training step while the Step inspector is open.

    `variant`, `layer` (hidden layer index) and `sample` (row of the last batch) say what the snapshot
    shows; the whole batch of that variant's hidden layers is recorded, so another layer or sample of the
    same step can be shown without training on."""

    open: bool = True
    variant: int = 0
    layer: int = 0
    sample: int = 0


@dataclass(frozen=True)
class McDropoutState:
    """T stochastic (train-mode dropout) forward passes of one variant on the fit view's inputs.

    Regression (1-D): `samples` (S, G) the first S <= MC_SHOWN_CURVES passes; `mean`, `sd` (G,) over all T.
    2-D classification: `mean` (gh, gw) mean P(class 1) (binary) or the MC-mean predicted class's probability;
    `sd` (gh, gw) its standard deviation over passes; `entropy` (gh, gw) entropy of the mean prediction (nats).
    Images: `mean`, `sd` (S,) of the probability of the class the eval-mode net predicts, and `changes` (S,)
    the fraction of passes whose predicted class differs from the eval-mode prediction.
    `eval_output`: the eval-mode (weight-scaled) output the mean is compared with, same shape as `mean`.
    `convergence_t`, `convergence_error`: mean |MC mean of the first t passes - eval output| for t = 1..T on
    a log grid; for vanilla dropout `unscaled_error` is the same distance to the eval output *without* its
    (1-p) factor (what a forgotten rescaling costs).
    """

    passes: int
    step: int  # the training step the passes were drawn at
    has_dropout: bool
    mean: np.ndarray
    sd: np.ndarray
    eval_output: np.ndarray
    samples: Optional[np.ndarray] = None
    entropy: Optional[np.ndarray] = None
    changes: Optional[np.ndarray] = None
    convergence_t: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int64))
    convergence_error: np.ndarray = field(default_factory=lambda: np.zeros(0))
    unscaled_error: Optional[np.ndarray] = None
    seconds: float = 0.0  # how long the batched forward took
    grid_stride: int = 1  # 1-D regression: the passes are on DataView.grid_x[::grid_stride]


@dataclass(frozen=True)
class StepInspection:
    """One hidden layer, one sample, of the training step just taken (EXPERIMENTS.md #3 and #11).

    Unit dropout (inverted, vanilla, Gaussian), per unit of the layer:
      a (activation), r (U(0,1) draws; N(0,1) draws eps for Gaussian), m (mask), d = a * m,
      grad_d = de/dd (from the backward pass), grad_a = de/da as the trainer computed it.
    `autograd_grad_a`: torch.autograd's gradient of d = a * m given de/dd (the identity de/da = de/dd * m
    checked numerically); `max_difference` = max |grad_a - autograd_grad_a|.
    Side by side for the same r: inverted m = 0 or 1/(1-p), vanilla m = 0 or 1 (None for Gaussian).
    DropConnect: the layer's units are not masked (m = 1, d = a); the mask sits on the next Linear's
    weights: `weight_r`, `weight_mask`, `weight_grad_effective` (de/d(W*M)) and `weight_grad` (de/dW) of the
    first rows and columns, and `max_difference` checks de/dW = de/d(W*M) * M over the whole matrix.
    """

    step: int
    variant: int
    variant_name: str
    layer: int
    sample: int
    batch_size: int
    kind: str  # "inverted" | "vanilla" | "gaussian" | "dropconnect" | "none"
    p: float
    a: np.ndarray
    r: Optional[np.ndarray]
    m: Optional[np.ndarray]
    d: np.ndarray
    grad_d: np.ndarray
    grad_a: np.ndarray
    autograd_grad_a: np.ndarray
    max_difference: float
    inverted_m: Optional[np.ndarray] = None
    inverted_d: Optional[np.ndarray] = None
    vanilla_m: Optional[np.ndarray] = None
    vanilla_d: Optional[np.ndarray] = None
    weight_r: Optional[np.ndarray] = None
    weight_mask: Optional[np.ndarray] = None
    weight_grad_effective: Optional[np.ndarray] = None
    weight_grad: Optional[np.ndarray] = None
    layers: tuple[str, ...] = ()  # the kind of every hidden layer ("none" without dropout), for the chooser
