"""Pydantic's validation messages as message ids: its error `type` names the message, its `ctx` fills it.

Pydantic writes English sentences ("Input should be greater than 0"); the explorer shows them in the
language of the interface, so each error type we meet has its own id here with the same English text.
"""

from __future__ import annotations

from typing import Any, Optional

from explorer.core.protocol import Message, as_message, define_messages

# Pydantic's own messages, by its error type, with its context's values (`pydantic_message`).
PYDANTIC = define_messages(
    "pydantic",
    {
        "greater_than": "Input should be greater than {limit}",
        "greater_than_equal": "Input should be greater than or equal to {limit}",
        "less_than": "Input should be less than {limit}",
        "less_than_equal": "Input should be less than or equal to {limit}",
        "float_parsing": "Input should be a valid number, unable to parse string as a number",
        "float_type": "Input should be a valid number",
        "finite_number": "Input should be a finite number",
        "int_parsing": "Input should be a valid integer, unable to parse string as an integer",
        "int_from_float": "Input should be a valid integer, got a number with a fractional part",
        "int_type": "Input should be a valid integer",
        "int_parsing_size": "Unable to parse input string as an integer, exceeded maximum size",
        "bool_parsing": "Input should be a valid boolean, unable to interpret input",
        "bool_type": "Input should be a valid boolean",
        "string_type": "Input should be a valid string",
        "list_type": "Input should be a valid list",
        "tuple_type": "Input should be a valid tuple",
        "dict_type": "Input should be a valid dictionary",
        "model_type": "Input should be a valid dictionary or instance of {model}",
        "literal_error": "Input should be {choices}",
        "list_too_long": "List should have at most {n} items after validation, not {m}",
        "list_too_short": "List should have at least {n} items after validation, not {m}",
        "tuple_too_long": "Tuple should have at most {n} items after validation, not {m}",
        "tuple_too_short": "Tuple should have at least {n} items after validation, not {m}",
        "string_too_short_one": "String should have at least {n} character",
        "string_too_short": "String should have at least {n} characters",
        "string_too_long": "String should have at most {n} characters",
        "one_of": "{first} or {last}",  # the choices of a Literal: "'sgd', 'adam' or 'adamw'"
    },
)
_LIMITS = {"greater_than": "gt", "greater_than_equal": "ge", "less_than": "lt", "less_than_equal": "le"}


def _number(value: Any) -> Any:
    """A limit as pydantic writes it (0.0 as 0)."""
    return int(value) if isinstance(value, float) and value.is_integer() else value


def choices(expected: str) -> Any:
    """pydantic's "'a', 'b' or 'c'" with its "or" translatable."""
    first, sep, last = expected.rpartition(" or ")
    return PYDANTIC.one_of(first=first, last=last) if sep else expected


def pydantic_message(err: dict[str, Any]) -> Message:
    """pydantic's message as a Message of its error type, with its context's values; pydantic's own
    English text where the type is not one we know (or reads differently from ours)."""
    kind = err.get("type", "")
    ctx = err.get("ctx") or {}
    message: Optional[Message] = None
    if kind in _LIMITS:
        message = getattr(PYDANTIC, kind)(limit=_number(ctx.get(_LIMITS[kind])))
    elif kind in ("too_long", "too_short") and str(ctx.get("field_type", "")).lower() in ("list", "tuple"):
        size = ctx.get("max_length" if kind == "too_long" else "min_length")
        name = f"{str(ctx['field_type']).lower()}_{kind}"
        message = getattr(PYDANTIC, name)(n=size, m=ctx.get("actual_length"))
    elif kind == "string_too_short":
        n = ctx.get("min_length")
        message = (PYDANTIC.string_too_short_one if n == 1 else PYDANTIC.string_too_short)(n=n)
    elif kind == "string_too_long":
        message = PYDANTIC.string_too_long(n=ctx.get("max_length"))
    elif kind == "model_type":
        message = PYDANTIC.model_type(model=ctx.get("class_name", ""))
    elif kind == "literal_error":
        message = PYDANTIC.literal_error(choices=choices(str(ctx.get("expected", ""))))
    elif f"pydantic.{kind}" in PYDANTIC.ids():
        message = getattr(PYDANTIC, kind)()
    text = str(err.get("msg", "invalid"))
    return message if message is not None and str(message) == text else as_message(text)
