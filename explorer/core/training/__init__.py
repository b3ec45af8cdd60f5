"""Training: the trainer (one step loop for one or many variants), early stopping, history, the probes that
build snapshots, and the demonstrations (runs that are not training).

The per-variant path (Trainer with one model per variant) is the reference the stacked engine
(training/stacked/) is tested against.
"""

from explorer.core.training._demos import build_runner
from explorer.core.training._early_stopping import EarlyStopping
from explorer.core.training._history import History
from explorer.core.training._report import variant_history
from explorer.core.training._trainer import Trainer, VariantRun

__all__ = ["EarlyStopping", "History", "Trainer", "VariantRun", "build_runner", "variant_history"]
