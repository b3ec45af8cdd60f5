"""Training: the trainer (one step loop for one or many variants), early stopping, history, the probes that
build snapshots, and the demonstrations (runs that are not training).

The per-variant path (Trainer with one model per variant) is the reference the stacked engine
(training/stacked/) is tested against.
"""

from typing import TYPE_CHECKING

from explorer.core.util import lazy_exports

if TYPE_CHECKING:  # the names, for type checkers; at run time each loads on first use
    from explorer.core.training._demos import build_runner
    from explorer.core.training._early_stopping import EarlyStopping
    from explorer.core.training._history import History
    from explorer.core.training._replicates import (
        Comparison,
        add_replicate_columns,
        compare,
        mean_sd,
        replicate_groups,
        replicate_name,
        replicate_summary,
        split_name,
    )
    from explorer.core.training._report import variant_history
    from explorer.core.training._trainer import Trainer, VariantRun

__getattr__ = lazy_exports(
    __name__,
    {
        "_demos": ("build_runner",),
        "_early_stopping": ("EarlyStopping",),
        "_history": ("History",),
        "_replicates": (
            "Comparison",
            "add_replicate_columns",
            "compare",
            "mean_sd",
            "replicate_groups",
            "replicate_name",
            "replicate_summary",
            "split_name",
        ),
        "_report": ("variant_history",),
        "_trainer": ("Trainer", "VariantRun"),
    },
)

__all__ = [
    "Comparison",
    "EarlyStopping",
    "History",
    "Trainer",
    "VariantRun",
    "add_replicate_columns",
    "build_runner",
    "compare",
    "mean_sd",
    "replicate_groups",
    "replicate_name",
    "replicate_summary",
    "split_name",
    "variant_history",
]
