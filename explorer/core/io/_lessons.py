"""Check a lesson's claims by training the experiment headless at each of its lesson seeds.

The claims (the `[lesson]` table; grammar in explorer/core/config/_claims.py) are
read against the run's summary, the same numbers metrics.json holds, so a claim
reads like the lesson and a failure shows the numbers that refute it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any, Callable, Optional

from explorer.core.config import (
    Claim,
    Experiment,
    Metric,
    MissingMetric,
    compare_values,
    evaluate_expression,
    experiment_from_dict,
    parse_claim,
)
from explorer.core.protocol import ExplorerError

__all__ = ["ClaimOutcome", "LessonReport", "check_lesson", "judge_claims", "lesson_seeds", "summary_lookup"]


@dataclass(frozen=True)
class ClaimOutcome:
    claim: str
    over: str
    held: bool
    detail: str  # the numbers: per seed for "each", the means for "mean"


@dataclass
class LessonReport:
    name: str
    seeds: list[int]
    outcomes: list[ClaimOutcome] = field(default_factory=list)

    @property
    def held(self) -> bool:
        return bool(self.outcomes) and all(o.held for o in self.outcomes)

    def failures(self) -> list[str]:
        if not self.outcomes:
            return [
                f"{self.name}: the lesson states no claims (add a [lesson] table with claims: see the README's Lesson claims)"
            ]
        return [
            f"{self.name}: claim {o.claim!r} ({o.over} over seeds {self.seeds}) does not hold: {o.detail}"
            for o in self.outcomes
            if not o.held
        ]

    def describe(self) -> str:
        lines = [f"{self.name}: seeds {', '.join(map(str, self.seeds))}"]
        for o in self.outcomes:
            lines.append(f"  {'holds' if o.held else 'FAILS'} ({o.over}): {o.claim}\n      {o.detail}")
        return "\n".join(lines)


def lesson_seeds(experiment: Experiment) -> list[int]:
    lesson = experiment.lesson
    if lesson is not None and lesson.seeds:
        return list(lesson.seeds)
    return [experiment.demo.seed if experiment.kind == "dropout-scaling" else experiment.training.seed]


def _groups(summary: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Per-variant metrics: a trainer's variants, or the demonstration's dropout kinds."""
    groups = summary.get("variants")
    if not isinstance(groups, dict):
        groups = summary.get("kinds")
    return groups if isinstance(groups, dict) else {}


def _number(value: Any, what: str) -> float:
    if value is None:
        raise MissingMetric(f"{what} has no value")
    if isinstance(value, bool):
        return 1.0 if value else 0.0
    if isinstance(value, (int, float)):
        return float(value)
    raise MissingMetric(f"{what} is not a number ({value!r})")


def summary_lookup(summary: dict[str, Any]) -> Callable[[Metric], float]:
    """A metric -> number function over one run's summary (see the claim grammar)."""
    groups = _groups(summary)

    def lookup(m: Metric) -> float:
        if m.variant is not None:
            if m.variant not in groups:
                raise MissingMetric(f"no variant {m.variant!r} (there are: {', '.join(map(repr, groups))})")
            entry = groups[m.variant]
            if m.name not in entry:
                raise MissingMetric(f"{m.text()}: no such metric (known: {', '.join(sorted(entry))})")
            return _number(entry[m.name], m.text())
        if m.name in summary and m.name not in ("variants", "kinds"):
            return _number(summary[m.name], m.name)
        if len(groups) == 1:
            (entry,) = groups.values()
            if m.name in entry:
                return _number(entry[m.name], m.name)
        known = sorted(k for k, v in summary.items() if not isinstance(v, dict))
        raise MissingMetric(
            f"{m.name}: no such run-wide metric (known: {', '.join(known)}); name a variant with \"of 'NAME'\""
        )

    return lookup


def _fmt(x: float) -> str:
    return f"{x:.6g}"


def _values(claim: Claim, lookup: Callable[[Metric], float]) -> tuple[float, float, list[str]]:
    shown = []
    for m in claim.metrics():
        text = f"{m.text()} = {_fmt(lookup(m))}"
        if text not in shown:
            shown.append(text)
    return evaluate_expression(claim.left, lookup), evaluate_expression(claim.right, lookup), shown


def judge_claims(experiment: Experiment, summaries: list[dict[str, Any]], seeds: list[int]) -> list[ClaimOutcome]:
    """Each claim against the runs' summaries (one per seed, in the order of `seeds`)."""
    lesson = experiment.lesson
    outcomes: list[ClaimOutcome] = []
    for cfg in lesson.claims if lesson is not None else []:
        claim = parse_claim(cfg.claim)
        lookups = [summary_lookup(s) for s in summaries]
        try:
            per_seed = [_values(claim, lk) for lk in lookups]
        except MissingMetric as exc:
            outcomes.append(ClaimOutcome(cfg.claim, cfg.over, False, str(exc)))
            continue
        if cfg.over == "mean":
            left = math.fsum(v[0] for v in per_seed) / len(per_seed)
            right = math.fsum(v[1] for v in per_seed) / len(per_seed)
            held = compare_values(left, claim.op, right)
            means: dict[str, float] = {}
            for m in claim.metrics():
                means.setdefault(m.text(), math.fsum(lk(m) for lk in lookups) / len(lookups))
            detail = (
                f"means over seeds: {'; '.join(f'{k} = {_fmt(v)}' for k, v in means.items())} "
                f"-> {_fmt(left)} {claim.op} {_fmt(right)} is {str(held).lower()}"
            )
        else:
            results = [
                (seed, compare_values(lv, claim.op, rv), lv, rv, shown)
                for seed, (lv, rv, shown) in zip(seeds, per_seed)
            ]
            held = all(r[1] for r in results)
            bad = [r for r in results if not r[1]] or results
            detail = " | ".join(
                f"seed {seed}: {', '.join(shown)} -> {_fmt(lv)} {claim.op} {_fmt(rv)} is {str(ok).lower()}"
                for seed, ok, lv, rv, shown in bad
            )
        outcomes.append(ClaimOutcome(cfg.claim, cfg.over, held, detail))
    return outcomes


def _for_seed(experiment: Experiment, seed: int) -> Experiment:
    """The experiment as the check runs it: the lesson seed, the lesson's epochs, no lesson table."""
    data = experiment.model_dump(mode="python")
    data["lesson"] = None
    if experiment.kind == "dropout-scaling":
        data["demo"]["seed"] = seed
    else:
        data["training"]["seed"] = seed
        if experiment.lesson is not None and experiment.lesson.epochs is not None:
            data["training"]["epochs"] = experiment.lesson.epochs
    return experiment_from_dict(data)


def run_summary(experiment: Experiment, should_stop: Optional[Callable[[], bool]] = None) -> dict[str, Any]:
    """Train to the end in this process (no files) and return the run's summary."""
    from explorer.core.training import build_runner

    runner = build_runner(experiment)
    while not runner.finished:
        runner.step()
        if should_stop is not None and should_stop():
            break
    if hasattr(runner, "check_divergence"):
        runner.check_divergence()
    return runner.summary()


def check_lesson(
    experiment: Experiment, name: str = "experiment", progress: Optional[Callable[[str], None]] = None
) -> LessonReport:
    """Train at every lesson seed and judge every claim; a run that fails fails every claim."""
    seeds = lesson_seeds(experiment)
    report = LessonReport(name, seeds)
    if experiment.lesson is None or not experiment.lesson.claims:
        return report
    summaries = []
    for seed in seeds:
        if progress is not None:
            progress(f"{name}: training at seed {seed}")
        try:
            summaries.append(run_summary(_for_seed(experiment, seed)))
        except ExplorerError as exc:  # a run that diverges or is refused fails every claim, with the reason
            report.outcomes = [
                ClaimOutcome(c.claim, c.over, False, f"seed {seed}: the run failed: {exc}")
                for c in experiment.lesson.claims
            ]
            return report
    report.outcomes = judge_claims(experiment, summaries, seeds)
    return report
