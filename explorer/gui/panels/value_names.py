"""Variant names that state a value ("p = 0.5", "L2 0.002", "λ = 0.01") must not lie after the value changes.

A class reads the legend: a variant still called "p = 0.5" after its p became 0.85 is a wrong picture.
`stale_names(before, after)` compares each variant's settings before and after a burst of edits:

- a name that is exactly one of the value-names below for the old value (`value_name`) is renamed to
  the same form for the new value, automatically ("p = 0.5" -> "p = 0.85", "L2 1e-3" -> "L2 2e-3");
- a name that only contains the old value beside the field's label ("dropout 0.5 + L2 1e-3",
  "0.2 then 0.5") gets an offered name, the old number replaced by the new one, for the person to accept.

The value-names are the forms the presets use: dropout "p = X" / "dropout X" / "dropout p = X" (X one p,
or the layers' p joined by " / " when they differ), "L2 X" / "L2 λ = X" / "L2 lambda = X" / "λ = X" /
"lambda = X" (L1 alike), "weight decay X" / "wd = X" (GROUPS has them all). Numbers are written as Python's "g" format (0.002) or as short
e-notation (2e-3), whichever the old name used. Pure functions (no Qt), tested with numbers.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Callable, Optional, Sequence

from explorer.core.config import Experiment

NUMBER = re.compile(r"(?<![\w.])[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?(?![\w.])")


@dataclass(frozen=True)
class FieldGroup:
    """A setting a name can state: its values in a resolved variant, the name forms, the labels seen before it."""

    key: str
    values: Callable[[Experiment], tuple[float, ...]]
    forms: tuple[str, ...]
    labels: tuple[str, ...]  # lower-case words that mark a number in a name as this setting's


def _dropout(cfg: Experiment) -> tuple[float, ...]:
    return tuple(layer.dropout_p for layer in cfg.network.layers)


GROUPS = (
    FieldGroup("dropout", _dropout, ("p = {}", "dropout {}", "dropout p = {}"), ("p", "dropout", "drop")),
    FieldGroup(
        "l1",
        lambda c: (c.regularization.l1_lambda,),
        ("L1 {}", "L1 λ = {}", "L1 lambda = {}", "L1 = {}", "λ = {}", "lambda = {}", "λ₁ = {}"),
        ("l1", "λ₁", "λ", "lambda"),
    ),
    FieldGroup(
        "l2",
        lambda c: (c.regularization.l2_lambda,),
        ("L2 {}", "L2 λ = {}", "L2 lambda = {}", "L2 = {}", "λ = {}", "lambda = {}", "λ₂ = {}"),
        ("l2", "λ₂", "λ", "lambda"),
    ),
    FieldGroup(
        "weight_decay",
        lambda c: (c.regularization.weight_decay,),
        ("weight decay {}", "weight decay = {}", "wd = {}", "wd {}"),
        ("weight decay", "decay", "wd"),
    ),
)


@dataclass(frozen=True)
class Rename:
    """Variant `index` is called `old` and states a value it no longer has; `new` states the new one."""

    index: int
    old: str
    new: str
    automatic: bool  # the old name was exactly a value-name: renamed without asking


def short_e(x: float) -> str:
    """0.002 -> '2e-3', 1.5e-4 -> '1.5e-4', 0 -> '0': the e-notation people type."""
    if x == 0 or not math.isfinite(x):
        return f"{x:g}"
    exponent = math.floor(math.log10(abs(x)))
    mantissa = float(f"{x / 10**exponent:.6g}")
    if abs(mantissa) >= 10:  # 9.9999995 rounded up
        mantissa, exponent = mantissa / 10, exponent + 1
    return f"{mantissa:g}e{exponent}"


FORMATS: tuple[Callable[[float], str], ...] = (lambda x: f"{x:g}", short_e)


def _same(a: Sequence[float], b: Sequence[float]) -> bool:
    return len(a) == len(b) and all(f"{x:.6g}" == f"{y:.6g}" for x, y in zip(a, b))


def value_text(values: Sequence[float], fmt: Callable[[float], str]) -> str:
    """One number when every value is the same, else all of them joined by ' / ' ('0.2 / 0.5')."""
    if not values:
        return ""
    if _same(values, [values[0]] * len(values)):
        return fmt(values[0])
    return " / ".join(fmt(v) for v in values)


def value_name(group: FieldGroup, form: int, values: Sequence[float], fmt: int = 0) -> str:
    """The value-name of `values` in the group's form number `form` and number format `fmt` (0 'g', 1 e)."""
    return group.forms[form].format(value_text(values, FORMATS[fmt]))


def _renamed_exactly(name: str, group: FieldGroup, old: Sequence[float], new: Sequence[float]) -> Optional[str]:
    for form in range(len(group.forms)):
        for fmt in range(len(FORMATS)):
            if name == value_name(group, form, old, fmt):
                return value_name(group, form, new, fmt)
    return None


def _has_label(text: str, labels: Sequence[str]) -> bool:
    """Whether `text` holds one of `labels` as a word of its own ("p" in "p = ", not in "penalty")."""
    lowered = text.lower()
    return any(re.search(rf"(?<![^\W\d_]){re.escape(word)}(?![^\W\d_])", lowered) for word in labels)


def _offered(name: str, group: FieldGroup, old: Sequence[float], new: Sequence[float]) -> Optional[str]:
    """`name` with each number that states one of the group's old values replaced by its new value.

    A number counts unless the text before it (back to the previous number) holds another setting's
    label only ("lambda = 0" is not a p) or is the default "variant N": "dropout 0.5", "0.2 then 0.5",
    "lambda = 3 (d2l) = 1.5 here" count. An old value that became different values in different
    layers is replaced by all the new values ('0.8 / 0.5')."""
    others = [label for g in GROUPS if g.key != group.key for label in g.labels if label not in group.labels]
    changes: dict[str, set[float]] = {}
    for o, n in zip(old, new):
        if not _same([o], [n]):
            changes.setdefault(f"{o:.6g}", set()).add(n)
    whole = value_text(new, FORMATS[0]) if len(set(f"{o:.6g}" for o in old)) == 1 else None
    out, at, previous = [], 0, 0
    for m in NUMBER.finditer(name):
        try:
            value = float(m.group())
        except ValueError:
            continue
        key = f"{value:.6g}"
        before = name[previous : m.start()]  # the text since the previous number
        previous = m.end()
        mine = _has_label(before, group.labels)
        if key not in changes or (not mine and (_has_label(before, others) or _has_label(before, ("variant",)))):
            continue
        fmt = FORMATS[1] if "e" in m.group().lower() else FORMATS[0]
        targets = changes[key]
        text = whole if whole is not None else (fmt(next(iter(targets))) if len(targets) == 1 else None)
        if text is None:
            continue
        if whole is not None and fmt is FORMATS[1]:
            text = value_text(new, fmt)
        out.append(name[at : m.start()] + text)
        at = m.end()
    if not out:
        return None
    return "".join(out) + name[at:]


def _unique(name: str, taken: set[str]) -> str:
    if name not in taken:
        return name
    n = 2
    while f"{name} ({n})" in taken:
        n += 1
    return f"{name} ({n})"


def stale_names(before: Experiment, after: Experiment) -> list[Rename]:
    """The variants whose names (in `before`) state a value that changed between `before` and `after`.

    Both must have the same number of variants: a structural edit rebuilds the run and is not a value
    change. New names never repeat another variant's (a ' (2)' is added)."""
    names = [v.name for v in before.variants]
    if not names or len(names) != len(after.variants):
        return []
    old_cfgs, new_cfgs = before.resolved_variants(), after.resolved_variants()
    out: list[Rename] = []
    taken = set(names)
    for i, name in enumerate(names):
        current, automatic = name, True
        for group in GROUPS:
            old, new = group.values(old_cfgs[i]), group.values(new_cfgs[i])
            if _same(old, new):
                continue
            exact = _renamed_exactly(current, group, old, new)
            if exact is not None:
                current = exact
                continue
            offered = _offered(current, group, old, new)
            if offered is not None:
                current, automatic = offered, False
        if current != name:
            taken.discard(name)
            current = _unique(current, taken)
            taken.add(current)
            out.append(Rename(i, name, current, automatic))
    return out
