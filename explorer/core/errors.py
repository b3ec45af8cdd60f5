"""Errors the user can act on: each carries a message that names what is wrong."""
from __future__ import annotations


class ExplorerError(Exception):
    """Base of every error meant to be shown to a person rather than as a traceback."""


class ConfigError(ExplorerError):
    """An experiment (file, --set or GUI edit) is invalid. `problems` lists every finding."""

    def __init__(self, problems: list[str]):
        self.problems = list(problems)
        super().__init__("; ".join(self.problems))


class DatasetError(ExplorerError):
    """A dataset cannot be built or read (bad file, wrong format, bad shape)."""


class CheckpointError(ExplorerError):
    """A checkpoint is unreadable, of another format, too new, or unsafe."""


class TrainingError(ExplorerError):
    """Training cannot go on (non-finite loss, device failure)."""


class ExportError(ExplorerError):
    """A file could not be written; nothing partial was left behind."""
