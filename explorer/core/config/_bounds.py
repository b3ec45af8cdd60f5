"""Limits checked on an experiment file before its parser and validator see it.

Why: Python's TOML parser is quadratic in the parts of a dotted key (an 80 KB key
of 40,000 parts took 32 s and froze the window), and validating 100,000 variants
took 40 s and wrote a 3 MB message. An experiment is small: a few hundred keys, a
dozen levels of nesting, lists of a few hundred items at most. Text or data far
beyond that is refused at once, naming what is too big and where, with the numbers.
"""

from __future__ import annotations

import re
from typing import Any

from explorer.core.protocol import Message, define_messages

MAX_KEY_PARTS = 64  # parts of one dotted key or table header: a.b.c has 3
MAX_BARE_RUN = 256  # characters of one bare key or bare value (a number, a date)
MAX_NESTING = 32  # [ and { inside each other
MAX_ASSIGNMENTS = 20_000  # key = value pairs in one TOML file
MAX_NODES = 100_000  # values of every kind in the parsed data
MAX_ITEMS = 2_000  # items of one list, or keys of one table
MAX_KEY_CHARS = 256  # characters of one key of the parsed data
MAX_PROBLEMS = 20  # problems listed in one message; the rest are counted

MSG = define_messages(
    "bounds",
    {
        "bare_run": "line {line}: a key or value of {count} characters (at most {limit} without quotes)",
        "key_parts": "line {line}: a dotted key of more than {limit} parts",
        "nesting": "{where}: nested more than {limit} levels deep",
        "nesting_line": "line {line}: nested more than {limit} levels deep",
        "assignments": "more than {limit} key = value pairs (an experiment has a few hundred)",
        "values": "more than {limit} values (an experiment has a few hundred)",
        "table_keys": "{where}: a table of {count} keys (at most {limit})",
        "list_items": "{where}: a list of {count} items (at most {limit})",
        "key_chars": "{where}: a key of {count} characters (at most {limit}): {key}",
        "more": "and {count} more problems",
        "long_list": "a list of {count} items",
        "long_table": "a table of {count} keys",
        "long_integer": "an integer of {count} digits",
        "too_many_digits": "a number of {count} digits (at most {limit})",
    },
)

# One token of TOML text: strings (multi-line first), comments, bare runs, blanks, anything else.
_TOKEN = re.compile(
    r'''
      (?P<str>"""(?:[^\\]|\\.)*?"""|\'\'\'.*?\'\'\'|"(?:[^"\\\n]|\\.)*"|'[^'\n]*')
    | (?P<comment>\#[^\n]*)
    | (?P<bare>[A-Za-z0-9_\-+:]+)
    | (?P<blank>[ \t\r]+)
    | (?P<other>[^"'\#A-Za-z0-9_\-+:\s.=\[\]{}]+)
    | (?P<char>.)
''',
    re.VERBOSE | re.DOTALL,
)


def toml_text_problem(text: str) -> Message | None:
    """The first way `text` exceeds what an experiment file can hold, or None.

    A lexical pass only (strings, comments, keys): it never judges TOML syntax, which
    the parser does next, on text now known to be small in every dimension that costs."""
    chain = depth = assignments = 0
    line = 1
    for m in _TOKEN.finditer(text):
        kind = m.lastgroup
        token = m.group()
        if kind == "str":
            line += token.count("\n")
            continue  # a quoted key part keeps the dotted chain going
        if kind == "bare":
            if len(token) > MAX_BARE_RUN:
                return MSG.bare_run(line=line, count=f"{len(token):,}", limit=MAX_BARE_RUN)
            continue
        if kind in ("blank", "comment"):
            continue
        if kind == "other":
            chain = 0
            continue
        if token == ".":
            chain += 1
            if chain >= MAX_KEY_PARTS:
                return MSG.key_parts(line=line, limit=MAX_KEY_PARTS)
            continue
        chain = 0
        if token in "[{":
            depth += 1
            if depth > MAX_NESTING:
                return MSG.nesting_line(line=line, limit=MAX_NESTING)
        elif token in "]}":
            depth = max(0, depth - 1)
        elif token == "=":
            assignments += 1
            if assignments > MAX_ASSIGNMENTS:
                return MSG.assignments(limit=f"{MAX_ASSIGNMENTS:,}")
        elif token == "\n":
            line += 1
    return None


def data_problem(data: Any) -> Message | None:
    """The first way parsed data exceeds what an experiment can hold, or None (no recursion)."""
    nodes = 0
    stack: list[tuple[Any, str, int]] = [(data, "", 0)]
    while stack:
        node, where, depth = stack.pop()
        nodes += 1
        if nodes > MAX_NODES:
            return MSG.values(limit=f"{MAX_NODES:,}")
        if depth > MAX_NESTING:
            return MSG.nesting(where=where or "experiment", limit=MAX_NESTING)
        if isinstance(node, dict):
            if len(node) > MAX_ITEMS:
                return MSG.table_keys(where=where or "experiment", count=f"{len(node):,}", limit=f"{MAX_ITEMS:,}")
            for key, value in node.items():
                if isinstance(key, str) and len(key) > MAX_KEY_CHARS:
                    return MSG.key_chars(
                        where=where or "experiment", count=f"{len(key):,}", limit=MAX_KEY_CHARS, key=abbreviate(key)
                    )
                stack.append((value, f"{where}.{key}" if where else str(key), depth + 1))
        elif isinstance(node, list):
            if len(node) > MAX_ITEMS:
                return MSG.list_items(where=where or "experiment", count=f"{len(node):,}", limit=f"{MAX_ITEMS:,}")
            stack.extend((value, f"{where}[{i}]", depth + 1) for i, value in enumerate(node))
    return None


def abbreviate(value: Any, limit: int = 60) -> str:
    """A value as a message quotes it: repr, cut to `limit` characters; big containers by size."""
    if isinstance(value, (list, tuple)) and len(value) > 8:
        return str(MSG.long_list(count=f"{len(value):,}"))
    if isinstance(value, dict) and len(value) > 8:
        return str(MSG.long_table(count=f"{len(value):,}"))
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) > 10**30:
        return str(MSG.long_integer(count=f"{len(str(abs(value))):,}"))
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def bounded(problems: list[Any], limit: int = MAX_PROBLEMS) -> list[Any]:
    """The first `limit` problems and, when there are more, one line counting the rest."""
    if len(problems) <= limit:
        return problems
    return [*problems[:limit], MSG.more(count=f"{len(problems) - limit:,}")]
