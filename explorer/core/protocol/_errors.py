"""Errors the user can act on: each carries a `Message` (an id and its values) that names what is wrong.

`str(error)` is the English sentence (the command line prints it); the GUI translates `error.message`.
A plain string is still accepted for text that is not ours (an OS error's own words).
"""

from __future__ import annotations

from typing import Iterable, Union

from explorer.core.protocol._messages import Message, as_message

Text = Union[Message, str]


class ExplorerError(Exception):
    """Base of every error meant to be shown to a person rather than as a traceback."""

    def __init__(self, message: Text):
        self.message: Message = as_message(message)
        super().__init__(str(self.message))


class ConfigError(ExplorerError):
    """An experiment (file, --set or GUI edit) is invalid. `problems` lists every finding."""

    def __init__(self, problems: Iterable[Text]):
        self.problem_messages: list[Message] = [as_message(p) for p in problems]
        self.problems = [str(p) for p in self.problem_messages]
        Exception.__init__(self, "; ".join(self.problems))
        self.message = _JOINED.problems(problems=self.problem_messages)


class DatasetError(ExplorerError):
    """A dataset cannot be built or read (bad file, wrong format, bad shape)."""


class CheckpointError(ExplorerError):
    """A checkpoint is unreadable, of another format, too new, or unsafe."""


class TrainingError(ExplorerError):
    """Training cannot go on (non-finite loss, device failure)."""


class ExportError(ExplorerError):
    """A file could not be written; nothing partial was left behind."""


from explorer.core.protocol._messages import define_messages  # noqa: E402  (after the classes it serves)

_JOINED = define_messages("errors", {"problems": "{problems}"})
