"""Messages of explorer.core (an id and its values) shown in the language of the interface.

The core never hands the window a finished sentence: it raises or sends a `Message` (see
explorer.core.protocol), an id such as "trainer.finished" with its values (epochs, steps, a field
path, a file name ...). ``tr_message(message)`` looks its English template up in the catalogue,
context "CoreMessages" (the source text is the template), and fills in the same values; a value
that is itself a Message (a problem inside "{where}: {problem}", several problems joined by "; ")
is translated in turn. Numbers, paths and what a user typed are kept as they are.

Text that is not ours (an operating system's or a library's message, or a text the window has
already translated) is shown as it is. English is always the fallback: a template without a
translation reads as the core's own English.

packaging/update_translations.sh lists every template of explorer.core.protocol.all_messages() in
explorer/gui/i18n_strings.py so lupdate keeps them; translate the new ones in
resources/translations/explorer_zh_CN.ts and run it again (see explorer/gui/i18n.py).
"""

from __future__ import annotations

from typing import Union

from PySide6.QtCore import QCoreApplication

from explorer.core.protocol import Message, as_message

CONTEXT = "CoreMessages"


def translate_template(template: str) -> str:
    """One English template in the language installed now (itself when it has no translation)."""
    return QCoreApplication.translate(CONTEXT, template)


def tr_message(message: Union[Message, str]) -> str:
    """A message of explorer.core in the language installed now; a plain string unchanged."""
    return as_message(message).render(translate_template)
