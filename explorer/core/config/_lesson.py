"""The `[lesson]` table of a preset: the seeds and claims a machine checks (see _claims.py).

Why in the schema: a claim that does not parse is refused when the file loads,
naming `lesson.claims.N.claim`, like every other bad field, instead of
surfacing only when the slow lesson test runs.
"""

from __future__ import annotations

from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, Field, field_validator

from explorer.core.config._claims import ClaimSyntaxError, parse_claim
from explorer.core.protocol import define_messages

MSG = define_messages(
    "lesson",
    {
        "seed_range": "seeds must be in 0 .. 2**31 - 1",
        "seeds_distinct": "seeds must be distinct",
    },
)

__all__ = ["ClaimConfig", "LessonConfig"]


class Strict(BaseModel):
    """Unknown keys are refused, as in the rest of the schema (a typo must not drop a claim)."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True)


class ClaimConfig(Strict):
    """One machine-checkable sentence of the lesson."""

    claim: str = Field(
        ...,
        min_length=1,
        max_length=500,
        description="A comparison of summary metrics, e.g. \"final_test_loss of 'L2' < final_test_loss of 'none'\".",
    )
    over: Literal["each", "mean"] = Field(
        "each", description="each: must hold at every lesson seed; mean: each side averaged over the seeds."
    )
    says: str = Field("", max_length=300, description="The sentence of the lesson this claim backs.")

    @field_validator("claim")
    @classmethod
    def _parses(cls, text: str) -> str:
        try:
            parse_claim(text)
        except ClaimSyntaxError as exc:
            raise ValueError(str(exc)) from None
        return text


class LessonConfig(Strict):
    """What the preset teaches, stated so that a test can check it over seeds."""

    seeds: list[int] = Field(
        default_factory=list,
        max_length=20,
        description="Training seeds the claims are checked at; empty: the experiment's seed.",
    )
    epochs: Optional[int] = Field(
        None,
        ge=1,
        le=10_000_000,
        description="Train this many epochs for the check (only where the lesson "
        "holds at that length); None: the experiment's epochs.",
    )
    claims: list[ClaimConfig] = Field(default_factory=list, max_length=50)

    @field_validator("seeds")
    @classmethod
    def _seeds(cls, seeds: list[int]) -> list[int]:
        if any(s < 0 or s > 2**31 - 1 for s in seeds):
            raise ValueError(MSG.seed_range())
        if len(set(seeds)) != len(seeds):
            raise ValueError(MSG.seeds_distinct())
        return seeds
