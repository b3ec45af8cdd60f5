"""The stacked engine: all variants of an experiment as one set of batched weight tensors, trained in lockstep.

It talks to its trainer through the small `EngineHost` protocol, not the trainer's private fields.
"""

from explorer.core.training.stacked._engine import ENV_SWITCH, why_not_stacked

__all__ = ["ENV_SWITCH", "why_not_stacked"]
