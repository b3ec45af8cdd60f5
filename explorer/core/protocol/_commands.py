"""Commands the GUI (or a script) sends to a running trainer.

Plain picklable dataclasses, so they cross a thread queue or a process pipe
alike. The trainer drains them between steps: a change takes effect at the
next step, without a restart.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Optional, Union


@dataclass(frozen=True)
class SetValue:
    """Change one live field, e.g. path='network.layers.0.dropout_p', value=0.5.

    Live paths: network.layers.N.dropout_p / dropout_kind, regularization.*,
    optimizer.lr / momentum, early_stopping.*. `variant` None means every variant.
    """

    path: str
    value: Any
    variant: Optional[int] = None


@dataclass(frozen=True)
class Pause:
    pass


@dataclass(frozen=True)
class Resume:
    pass


@dataclass(frozen=True)
class Step:
    """Run `n` optimisation steps, then pause."""

    n: int = 1


@dataclass(frozen=True)
class Stop:
    """End the run (cooperatively: the trainer returns at the next step)."""


@dataclass(frozen=True)
class RequestSnapshot:
    pass


@dataclass(frozen=True)
class SetVisibleViews:
    """The views the window shows now: the trainer builds only the snapshot parts they draw.

    `views` are view ids ("fit", "loss", "histograms", "activations", "norms", "network", or an
    optional part such as a step inspector's id); None means the dashboard's default parts
    (DASHBOARD_VIEWS), as for a headless snapshot. It holds until the next SetVisibleViews, across
    rebuilds. A part that is not wanted is not computed: the snapshot carries its last built value
    (or an empty one) and Snapshot.parts says which parts are fresh. See snapshot.wants().
    """

    views: Optional[frozenset[str]] = None


@dataclass(frozen=True)
class Rebuild:
    """Replace the experiment (structural change or reset): a new model from step 0.

    `experiment_json` is the full experiment; None rebuilds the current one (reset).
    """

    experiment_json: Optional[str] = None
    start_paused: bool = True


@dataclass(frozen=True)
class RestoreCheckpoint:
    """Replace the run with a checkpoint's state (inspect it, or continue training).

    The file is read with torch.load(weights_only=True) in the trainer's process;
    a bad or hostile file becomes an error message and the current run is kept.
    """

    path: str
    start_paused: bool = True


@dataclass(frozen=True)
class SaveCheckpoint:
    """Write a checkpoint of the current state to `path` (atomically).

    `best`: each variant's best weights (those early stopping restored), as in best.pt."""

    path: str
    best: bool = False


Command = Union[
    SetValue, Pause, Resume, Step, Stop, RequestSnapshot, SetVisibleViews, Rebuild, RestoreCheckpoint, SaveCheckpoint
]
