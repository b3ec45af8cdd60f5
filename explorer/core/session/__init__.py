"""A training session as a process serves it: the session (commands in, snapshots out), the worker process
that hosts it, and the narrator that turns snapshots into sentences.
"""

from typing import TYPE_CHECKING

from explorer.core.util import lazy_exports

if TYPE_CHECKING:  # the names, for type checkers; at run time each loads on first use
    from explorer.core.session import _narrator as narrator
    from explorer.core.session._narrator import TEMPLATES, Remark, describe, explain, group_sentences
    from explorer.core.session._session import Session, coalesce_commands
    from explorer.core.session._transport import SnapshotDecoder, SnapshotEncoder
    from explorer.core.session._worker import (
        SNAPSHOT_BYTES,
        make_receive,
        prestart,
        release_freed_memory,
        spawn_worker,
        take_prestarted,
    )

__getattr__ = lazy_exports(
    __name__,
    {
        "_narrator": ("TEMPLATES", "Remark", "describe", "explain", "group_sentences"),
        "_session": ("Session", "coalesce_commands"),
        "_transport": ("SnapshotDecoder", "SnapshotEncoder"),
        "_worker": (
            "SNAPSHOT_BYTES",
            "make_receive",
            "prestart",
            "release_freed_memory",
            "spawn_worker",
            "take_prestarted",
        ),
    },
    modules={"narrator": "_narrator"},
)

__all__ = [
    "Remark",
    "SNAPSHOT_BYTES",
    "Session",
    "SnapshotDecoder",
    "SnapshotEncoder",
    "TEMPLATES",
    "coalesce_commands",
    "describe",
    "explain",
    "group_sentences",
    "make_receive",
    "narrator",
    "prestart",
    "release_freed_memory",
    "spawn_worker",
    "take_prestarted",
]
