"""Early stopping, counted in evaluations: stop `patience` evaluations after the best.

The trainer calls ``update(value, epoch)`` after each evaluation of the
monitored metric (validation loss with mode "min", accuracy with mode "max").
It answers whether this evaluation is a new best (time to save the best
weights) and sets ``stopped`` once ``wait`` -- evaluations since the best --
reaches ``patience``. The GUI marks ``best_epoch`` and ``stop_epoch`` on the
loss curve.

Settings (patience, min_delta, mode, enabled) are attributes a panel may edit
mid-run; they are validated on assignment and take effect at the next update,
which re-checks the stop condition from scratch:

    stopped = enabled and wait >= patience

so raising patience, or disabling, after a stop clears ``stopped`` (and
``stop_epoch``) at the next update if training is resumed. Changing ``mode``
forgets the best (a best loss says nothing about a best accuracy).
"""

from __future__ import annotations

import math
from typing import Any, Literal

__all__ = ["EarlyStopping"]

Mode = Literal["min", "max"]
_STATE_KEYS = ("patience", "min_delta", "mode", "enabled", "best_value", "best_epoch", "wait", "stopped", "stop_epoch")


class EarlyStopping:
    """Tracks the best value of a metric and when to stop (see the module docstring)."""

    def __init__(self, patience: int, min_delta: float = 0.0, mode: Mode = "min", enabled: bool = True) -> None:
        self.patience = patience
        self.min_delta = min_delta
        self._mode: Mode = self._checked_mode(mode)
        self.enabled = bool(enabled)
        self.reset()

    # ----- settings, validated on assignment ---------------------------------
    @property
    def patience(self) -> int:
        return self._patience

    @patience.setter
    def patience(self, value: int) -> None:
        if isinstance(value, bool) or int(value) != value or value < 1:
            raise ValueError(f"patience must be an integer >= 1 (evaluations), got {value!r}")
        self._patience = int(value)

    @property
    def min_delta(self) -> float:
        return self._min_delta

    @min_delta.setter
    def min_delta(self, value: float) -> None:
        v = float(value)
        if not (math.isfinite(v) and v >= 0.0):
            raise ValueError(f"min_delta must be a finite number >= 0, got {value!r}")
        self._min_delta = v

    @property
    def mode(self) -> Mode:
        return self._mode

    @mode.setter
    def mode(self, value: Mode) -> None:
        mode = self._checked_mode(value)
        if mode != self._mode:
            self._mode = mode
            self._forget_best()

    @staticmethod
    def _checked_mode(value: str) -> Mode:
        if value not in ("min", "max"):
            raise ValueError(f"mode must be 'min' or 'max', got {value!r}")
        return value  # type: ignore[return-value]

    # ----- progress ----------------------------------------------------------
    def _forget_best(self) -> None:
        self.best_value: float = math.nan
        self.best_epoch: int | None = None
        self.wait: int = 0

    def reset(self) -> None:
        """Forget all progress (for a new run); the settings are kept."""
        self._forget_best()
        self.stopped: bool = False
        self.stop_epoch: int | None = None

    def is_improvement(self, value: float) -> bool:
        """Would ``value`` be a new best? NaN/inf never are; the first finite value is.

        min: value < best - min_delta      max: value > best + min_delta
        """
        v = float(value)
        if not math.isfinite(v):
            return False
        if self.best_epoch is None:
            return True
        if self._mode == "min":
            return v < self.best_value - self._min_delta
        return v > self.best_value + self._min_delta

    def update(self, value: float, epoch: int) -> bool:
        """Record one evaluation; True when it is a new best (save the weights now).

        Evaluations that do not improve -- NaN ones, and those before any finite
        value, included -- count towards ``wait``, so a run that diverges from
        the start still stops.
        """
        improved = self.is_improvement(value)
        if improved:
            self.best_value = float(value)
            self.best_epoch = int(epoch)
            self.wait = 0
        else:
            self.wait += 1
        should_stop = self.enabled and self.wait >= self._patience
        if should_stop and not self.stopped:
            self.stopped = True
            self.stop_epoch = int(epoch)
        elif not should_stop and self.stopped:
            self.stopped = False
            self.stop_epoch = None
        return improved

    # ----- persistence (plain Python types only: JSON/TOML/checkpoint-safe) ---
    def state_dict(self) -> dict[str, Any]:
        return {
            "patience": self._patience,
            "min_delta": self._min_delta,
            "mode": self._mode,
            "enabled": self.enabled,
            "best_value": float(self.best_value),
            "best_epoch": self.best_epoch,
            "wait": int(self.wait),
            "stopped": bool(self.stopped),
            "stop_epoch": self.stop_epoch,
        }

    def load_state_dict(self, state: dict[str, Any]) -> None:
        missing = [k for k in _STATE_KEYS if k not in state]
        unknown = [k for k in state if k not in _STATE_KEYS]
        if missing or unknown:
            raise ValueError(f"early-stopping state: missing keys {missing}, unknown keys {unknown}")
        self.patience = state["patience"]
        self.min_delta = state["min_delta"]
        self._mode = self._checked_mode(state["mode"])  # no reset: the best comes next
        self.enabled = bool(state["enabled"])
        self.best_value = float(state["best_value"])
        self.best_epoch = None if state["best_epoch"] is None else int(state["best_epoch"])
        self.wait = int(state["wait"])
        self.stopped = bool(state["stopped"])
        self.stop_epoch = None if state["stop_epoch"] is None else int(state["stop_epoch"])

    def __repr__(self) -> str:
        return (
            f"EarlyStopping(patience={self._patience}, min_delta={self._min_delta}, "
            f"mode={self._mode!r}, enabled={self.enabled}, best_value={self.best_value}, "
            f"best_epoch={self.best_epoch}, wait={self.wait}, stopped={self.stopped})"
        )
