"""What the window says, once, about a settings file it could not read or cannot write.

Why: a corrupt settings file used to be replaced silently, a read-only config folder
lost every layout and last experiment without a word, and a second instance overwrote
the first one's state at close. Settings (settings.py) now keeps what it could not read
and refuses to write where it must not; these are the sentences that tell the user.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from explorer.gui.core_messages import tr_message


def settings_notes(settings) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    """(kind, sentence) of the notes that apply now; the window says each kind once."""
    notes: list[tuple[str, str]] = []
    if settings.kept_bad_file is not None:
        text = QCoreApplication.translate(
            "SettingsNotes", "The settings file could not be read; it was kept as {0} and the defaults are used."
        )
        notes.append(("kept", text.format(str(settings.kept_bad_file))))
    if settings.shared:
        text = QCoreApplication.translate(
            "SettingsNotes",
            "Another Regularization Explorer window uses the same settings: this one does not save its "
            "layout or last experiment (File ▸ Save experiment keeps your work).",
        )
        notes.append(("shared", text))
    elif settings.unreadable is not None:
        text = QCoreApplication.translate(
            "SettingsNotes", "The settings file {0} cannot be read ({1}); it is left as it is and nothing is saved."
        )
        notes.append(("unreadable", text.format(str(settings.path), settings.unreadable)))
    else:
        reason = settings.save_error or settings.writable_problem()
        if reason:
            text = QCoreApplication.translate(
                "SettingsNotes",
                "Settings cannot be saved in {0} ({1}): the layout and the last experiment will not be kept.",
            )
            notes.append(("unwritable", text.format(str(settings.path.parent), tr_message(reason))))
    return notes
