"""Messages as data: an id, its parameters, and one English template per id.

The core never hands a person a finished sentence. It raises or sends a `Message`: an id such as
"trainer.diverged" and the values that go into it (step, epoch, lr, ...). The command line renders the
English template; the GUI looks the template up in Qt's catalogue (context "CoreMessages") and fills in
the same values, so a translation never depends on parsing English text.

Each part of the core declares its messages where they are raised:

    MSG = define_messages("checkpoint", {
        "too_large": "{name}: {size} bytes is too large for an explorer checkpoint",
    })
    raise CheckpointError(MSG.too_large(name=path.name, size=size))

Templates use plain `str.format` fields without format specs ("{lr}", not "{lr:g}"): a number is
formatted where the message is built (lr=f"{lr:g}"), so the English template and its translation share
the same placeholders. A parameter that is itself a `Message`, or a list of Messages (several problems,
joined with the separator "; " in the same language), is rendered in turn.
"""

from __future__ import annotations

import importlib
import string
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Mapping

#: Every declared message: id -> English template. Filled by `define_messages` as modules are imported;
#: `explorer.core.protocol.all_messages()` imports every core module first.
CATALOGUE: dict[str, str] = {}

Translate = Callable[[str], str]


def _same(template: str) -> str:
    return template


@dataclass(frozen=True)
class Message:
    """One message: its id and the values that fill its template."""

    id: str
    params: Mapping[str, Any] = field(default_factory=dict)

    @property
    def template(self) -> str:
        if self.id not in CATALOGUE:  # sent by another process: its module may not be imported here yet
            importlib.import_module("explorer.core.protocol").all_messages()
        return CATALOGUE[self.id]

    def render(self, translate: Translate = _same) -> str:
        """The sentence in the language `translate` maps English templates to (English by default)."""
        values = {key: _render_value(value, translate) for key, value in self.params.items()}
        return _format(translate(self.template), values)

    def __str__(self) -> str:
        return self.render()


def _render_value(value: Any, translate: Translate) -> Any:
    if isinstance(value, Message):
        return value.render(translate)
    if isinstance(value, (list, tuple)) and value and all(isinstance(v, Message) for v in value):
        return translate(SEPARATOR).join(v.render(translate) for v in value)
    return value


class _Values(dict[str, Any]):
    """Format values that leave an unknown field visible instead of raising (a translation's typo)."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def _format(template: str, values: Mapping[str, Any]) -> str:
    try:
        return string.Formatter().vformat(template, (), _Values(values))
    except (ValueError, TypeError, IndexError, KeyError):  # a spec that does not fit the value: plain str()
        out = []
        for literal, name, _spec, _conv in string.Formatter().parse(template):
            out.append(literal)
            if name is not None:
                out.append(str(values[name]) if name in values else "{" + name + "}")
        return "".join(out)


def fields_of(template: str) -> set[str]:
    """The field names a template uses ("{lr:g} at {step}" -> {"lr", "step"})."""
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


class MessageSet:
    """The messages of one part of the core: `MSG.name(**params)` makes the Message "prefix.name"."""

    def __init__(self, prefix: str, templates: Mapping[str, str]):
        self._prefix = prefix
        self._names = set(templates)

    def __getattr__(self, name: str) -> Callable[..., Message]:
        if name.startswith("_") or name not in self._names:
            raise AttributeError(f"no message {self._prefix}.{name}")
        message_id = f"{self._prefix}.{name}"

        def make(**params: Any) -> Message:
            missing = fields_of(CATALOGUE[message_id]) - set(params)
            if missing:
                raise TypeError(f"message {message_id} needs {sorted(missing)}")
            return Message(message_id, params)

        return make

    def ids(self) -> Iterable[str]:
        return (f"{self._prefix}.{name}" for name in sorted(self._names))


def define_messages(prefix: str, templates: Mapping[str, str]) -> MessageSet:
    """Declare the messages "prefix.name" -> English template; ids are unique across the core."""
    for name, template in templates.items():
        message_id = f"{prefix}.{name}"
        if any(spec or conv for _, _, spec, conv in string.Formatter().parse(template)):
            raise ValueError(f"message {message_id}: format the values where the message is built, not in {template!r}")
        if CATALOGUE.get(message_id, template) != template:
            raise ValueError(f"message id {message_id} is declared twice with different texts")
        CATALOGUE[message_id] = template
    return MessageSet(prefix, templates)


#: Text that is not ours (an operating system's or a library's message): shown as it is.
_TEXT = define_messages("text", {"plain": "{text}"})

#: What joins several messages (a list parameter): "; " in English, translated like a template.
SEPARATOR = "; "
_JOINED = define_messages("text", {"separator": SEPARATOR, "joined": "{messages}"})


def join_messages(messages: Iterable[Message]) -> Message:
    """Several messages as one ("a; b"), each still translated on its own; one message as it is."""
    parts = list(messages)
    return parts[0] if len(parts) == 1 else _JOINED.joined(messages=parts)


def as_message(value: Message | str) -> Message:
    """A Message as it is; a plain string (an OS or library message) wrapped so it is shown untouched."""
    return value if isinstance(value, Message) else _TEXT.plain(text=str(value))
