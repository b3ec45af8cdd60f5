"""Lesson claims: a preset's lesson stated so that a machine can check it.

A claim is one comparison between two arithmetic expressions over a run's
summary metrics (the per-variant entries of metrics.json's "summary"):

    final_test_loss of 'L2 2e-3' < final_test_loss of 'no penalty'
    final_train_loss of 'too much' > 10 * final_train_loss of 'no penalty'
    eval_output of 'inverted' == 10000
    best_epoch < stop_epoch

Grammar (no eval(): a small recursive-descent parser builds a tree, and the
tree is evaluated against a dictionary of numbers):

    claim   := sum OP sum                     OP: < <= > >= == !=
    sum     := product (('+' | '-') product)*
    product := unary (('*' | '/') unary)*
    unary   := '-' unary | atom
    atom    := NUMBER | 'true' | 'false' | '(' sum ')' | METRIC ['of' NAME]
    METRIC  := [a-z_][a-z0-9_]*               a summary key
    NAME    := 'quoted' or "quoted"           a variant's name (or a dropout kind of the demo)

Without `of`, a metric is read from the run-wide summary (epochs, steps,
gradient_equals_mask), or from the only variant when there is exactly one.
Per-variant metrics (training/_report.py summarize): final_/best_ train/val/test
_loss and _accuracy, best_epoch, stop_epoch, restored_best, final_weight_norm,
near_zero_weight_fraction (weights with |w| < 1e-3: L1's spike at zero), and
final_activation_variance_N (hidden layer N's last recorded activation variance,
as the activations view draws it) with final_activation_variance their mean.
Why a parser and not Python: preset files are data a stranger may send; a claim
must never run code.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Callable, Optional, Union

OPERATORS = ("<=", ">=", "==", "!=", "<", ">")
_TOKEN = re.compile(
    r"""\s*(?:
    (?P<number>(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)
  | (?P<name>[A-Za-z_][A-Za-z0-9_]*)
  | (?P<string>'[^']*'|"[^"]*")
  | (?P<op><=|>=|==|!=|<|>|[-+*/()])
)""",
    re.VERBOSE,
)


class ClaimSyntaxError(ValueError):
    """A claim that does not parse; the message says where and what was expected."""


@dataclass(frozen=True)
class Metric:
    name: str
    variant: Optional[str]  # None: run-wide, or the only variant

    def text(self) -> str:
        return self.name if self.variant is None else f"{self.name} of {self.variant!r}"


@dataclass(frozen=True)
class Number:
    value: float


@dataclass(frozen=True)
class BinOp:
    op: str
    left: Expr
    right: Expr


@dataclass(frozen=True)
class Negate:
    operand: Expr


Expr = Union[Metric, Number, BinOp, Negate]


@dataclass(frozen=True)
class Claim:
    """A parsed claim: `left op right`."""

    text: str
    left: Expr
    op: str
    right: Expr

    def metrics(self) -> list[Metric]:
        return _metrics(self.left) + _metrics(self.right)


def _metrics(e: Expr) -> list[Metric]:
    if isinstance(e, Metric):
        return [e]
    if isinstance(e, BinOp):
        return _metrics(e.left) + _metrics(e.right)
    if isinstance(e, Negate):
        return _metrics(e.operand)
    return []


def _tokens(text: str) -> list[tuple[str, str, int]]:
    out, pos = [], 0
    while pos < len(text):
        if text[pos:].strip() == "":
            break
        m = _TOKEN.match(text, pos)
        if m is None or m.end() == pos:
            at = len(text) - len(text[pos:].lstrip())
            raise ClaimSyntaxError(f"unexpected {text[at]!r} at character {at + 1}")
        kind = m.lastgroup or ""
        out.append((kind, m.group(kind), m.start(kind)))
        pos = m.end()
    return out


class _Parser:
    def __init__(self, text: str):
        self.text = text
        self.toks = _tokens(text)
        self.i = 0

    def peek(self) -> tuple[str, str, int]:
        return self.toks[self.i] if self.i < len(self.toks) else ("end", "", len(self.text))

    def take(self) -> tuple[str, str, int]:
        tok = self.peek()
        self.i += 1
        return tok

    def fail(self, expected: str) -> ClaimSyntaxError:
        kind, value, pos = self.peek()
        got = "the end" if kind == "end" else repr(value)
        return ClaimSyntaxError(f"expected {expected} at character {pos + 1}, got {got}")

    def claim(self) -> Claim:
        left = self.sum()
        kind, value, _ = self.peek()
        if kind != "op" or value not in OPERATORS:
            raise self.fail("a comparison (< <= > >= == !=)")
        self.take()
        right = self.sum()
        if self.peek()[0] != "end":
            raise self.fail("the end of the claim (one comparison per claim)")
        return Claim(self.text, left, value, right)

    def sum(self) -> Expr:
        e = self.product()
        while self.peek()[:2] in (("op", "+"), ("op", "-")):
            op = self.take()[1]
            e = BinOp(op, e, self.product())
        return e

    def product(self) -> Expr:
        e = self.unary()
        while self.peek()[:2] in (("op", "*"), ("op", "/")):
            op = self.take()[1]
            e = BinOp(op, e, self.unary())
        return e

    def unary(self) -> Expr:
        if self.peek()[:2] == ("op", "-"):
            self.take()
            return Negate(self.unary())
        return self.atom()

    def atom(self) -> Expr:
        kind, value, _ = self.peek()
        if kind == "number":
            self.take()
            return Number(float(value))
        if kind == "name" and value in ("true", "false"):
            self.take()
            return Number(1.0 if value == "true" else 0.0)
        if kind == "name" and value != "of":
            self.take()
            if self.peek()[:2] == ("name", "of"):
                self.take()
                k, v, _ = self.peek()
                if k != "string":
                    raise self.fail("a quoted variant name after 'of'")
                self.take()
                return Metric(value, v[1:-1])
            return Metric(value, None)
        if (kind, value) == ("op", "("):
            self.take()
            e = self.sum()
            if self.peek()[:2] != ("op", ")"):
                raise self.fail("')'")
            self.take()
            return e
        raise self.fail("a number, a metric or '('")


def parse_claim(text: str) -> Claim:
    """Parse one claim (see the module docstring); ClaimSyntaxError names what is wrong where."""
    if not isinstance(text, str) or not text.strip():
        raise ClaimSyntaxError("a claim is a comparison such as \"final_test_loss of 'A' < final_test_loss of 'B'\"")
    if len(text) > 500:
        raise ClaimSyntaxError("a claim is at most 500 characters")
    return _Parser(text).claim()


class MissingMetric(LookupError):
    """A metric the run does not have (or has no value for, such as stop_epoch without a stop)."""


Lookup = Callable[[Metric], float]


def evaluate_expression(e: Expr, lookup: Lookup) -> float:
    if isinstance(e, Number):
        return e.value
    if isinstance(e, Metric):
        return lookup(e)
    if isinstance(e, Negate):
        return -evaluate_expression(e.operand, lookup)
    a, b = evaluate_expression(e.left, lookup), evaluate_expression(e.right, lookup)
    if e.op == "+":
        return a + b
    if e.op == "-":
        return a - b
    if e.op == "*":
        return a * b
    return a / b if b != 0 else math.nan


def compare_values(a: float, op: str, b: float) -> bool:
    """NaN never satisfies a claim (not even !=)."""
    if math.isnan(a) or math.isnan(b):
        return False
    return {"<": a < b, "<=": a <= b, ">": a > b, ">=": a >= b, "==": a == b, "!=": a != b}[op]
