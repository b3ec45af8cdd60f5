"""What crosses between the trainer and its hosts: commands, snapshots, errors and message ids.

Plain data only: nothing here imports another part of explorer.core, so the GUI, the command line and the
trainer process all speak it. Messages are data too (`Message`: an id and its values); each part of the core
declares its own with `define_messages`, and `all_messages()` lists them all.
"""

from explorer.core.protocol import _commands as commands
from explorer.core.protocol._commands import Command, RequestSnapshot, SetValue, SetVisibleViews
from explorer.core.protocol._errors import (
    CheckpointError,
    ConfigError,
    DatasetError,
    ExplorerError,
    ExportError,
    TrainingError,
)
from explorer.core.protocol._inside_dropout import (
    MC_KEY,
    MC_SHOWN_CURVES,
    STEP_KEY,
    InspectStep,
    McDropoutState,
    StepInspection,
)
from explorer.core.protocol._messages import (
    CATALOGUE,
    Message,
    MessageSet,
    as_message,
    define_messages,
    fields_of,
    join_messages,
)
from explorer.core.protocol._snapshot import (
    DASHBOARD_VIEWS,
    DIAGRAM_MAX_NEURONS,
    HISTORY_KEYS,
    DataView,
    EarlyStoppingState,
    HiddenState,
    Histogram,
    HistogramFrame,
    LinearState,
    Snapshot,
    VariantState,
    wants,
)


def all_messages() -> dict[str, str]:
    """Every message id of the core with its English template (imports each core module to find them)."""
    import importlib
    import pkgutil

    import explorer.core

    for info in pkgutil.walk_packages(explorer.core.__path__, "explorer.core."):
        importlib.import_module(info.name)
    return dict(CATALOGUE)


__all__ = [
    "InspectStep",
    "MC_KEY",
    "MC_SHOWN_CURVES",
    "McDropoutState",
    "STEP_KEY",
    "StepInspection",
    "CATALOGUE",
    "CheckpointError",
    "Command",
    "ConfigError",
    "DASHBOARD_VIEWS",
    "DIAGRAM_MAX_NEURONS",
    "DataView",
    "DatasetError",
    "EarlyStoppingState",
    "ExplorerError",
    "ExportError",
    "HISTORY_KEYS",
    "HiddenState",
    "Histogram",
    "HistogramFrame",
    "LinearState",
    "Message",
    "MessageSet",
    "RequestSnapshot",
    "SetValue",
    "SetVisibleViews",
    "Snapshot",
    "TrainingError",
    "VariantState",
    "all_messages",
    "as_message",
    "wants",
    "commands",
    "define_messages",
    "fields_of",
    "join_messages",
]
