"""The live "what is happening" line: explorer.core.session._narrator's sentences, one line per variant.

Shown under the lesson text. The sentences come from the Qt-free narrator as
(template id, values) remarks and are translated here, whole sentences at a time
(context "Narrator"), so a translation may reorder the fields. Each variant's line
starts with a dot in the variant's colour, so it doubles as a key to the plots.

The text changes at most REFRESH_MS apart (a class cannot read faster than that,
and rebuilding rich text 30 times a second would cost paint time); the newest
snapshot is always explained in the end, also when training stops between two
refreshes.
"""

from __future__ import annotations

import html
import time
from typing import Optional

from PySide6 import QtCore, QtWidgets

from explorer.core.config import SINGLE_VARIANT_NAME
from explorer.core.protocol import Snapshot
from explorer.core.session import TEMPLATES, Remark, describe, group_sentences
from explorer.gui.i18n import FollowsLanguage
from explorer.gui.views import palette

REFRESH_MS = 400


def translate_remark(remark: Remark) -> str:
    """One remark as a sentence in the user's language (English when no translation is installed)."""
    template = QtCore.QCoreApplication.translate("Narrator", TEMPLATES[remark.template_id])
    values = dict(remark.values)
    if "kind" in values:  # a dropout kind ("inverted", "vanilla") is a word of the sentence too
        values["kind"] = QtCore.QCoreApplication.translate("Narrator", str(values["kind"]))
    if values.get("name") == SINGLE_VARIANT_NAME:  # the run of an experiment without variants
        values["name"] = QtCore.QCoreApplication.translate("Narrator", SINGLE_VARIANT_NAME)
    remark = Remark(remark.template_id, values, remark.variant)
    try:
        return remark.render(template)
    except (KeyError, IndexError, ValueError):  # a broken translation: fall back to English
        return remark.render()


class NarrationView(FollowsLanguage, QtWidgets.QFrame):
    """update_snapshot(snap) / clear() / restyle(), like the views; `text()` for tests."""

    def __init__(self, parent: Optional[QtWidgets.QWidget] = None):
        super().__init__(parent)
        self.setObjectName("NarrationView")
        self.title = self.tr("What is happening")
        self.heading = QtWidgets.QLabel(self.title)
        self.label = QtWidgets.QLabel()
        self.label.setWordWrap(True)
        self.label.setTextFormat(QtCore.Qt.TextFormat.RichText)
        self.label.setTextInteractionFlags(QtCore.Qt.TextInteractionFlag.TextSelectableByMouse)
        self.label.setSizePolicy(QtWidgets.QSizePolicy.Policy.Preferred, QtWidgets.QSizePolicy.Policy.Minimum)
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(2)
        layout.addWidget(self.heading)
        # Many variants make many lines: past half the lesson dock's height they scroll, so the
        # lesson above keeps its room.
        self.scroll = QtWidgets.QScrollArea()
        self.scroll.setObjectName("NarrationScroll")
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QtWidgets.QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(QtCore.Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setWidget(self.label)
        layout.addWidget(self.scroll)
        self._watched_parent: Optional[QtWidgets.QWidget] = None
        self._snap: Optional[Snapshot] = None
        self._shown: Optional[Snapshot] = None
        self._lines: list[tuple[Optional[int], str]] = []
        self._last = 0.0
        self._timer = QtCore.QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._refresh)
        self.restyle()
        self.clear()

    # --- the view contract ----------------------------------------------------------
    def update_snapshot(self, snap: Snapshot) -> None:
        self._snap = snap
        if snap is self._shown:
            return
        wait_ms = REFRESH_MS - (time.monotonic() - self._last) * 1000.0
        if wait_ms <= 0:
            self._refresh()
        elif not self._timer.isActive():
            self._timer.start(int(wait_ms) + 1)

    def clear(self) -> None:
        self._timer.stop()
        self._snap = self._shown = None
        self._lines = [
            (None, self.tr("Press ▶ (Space) to start training; this line explains what the curves are doing."))
        ]
        self._show()

    def restyle(self) -> None:
        theme = palette.current_theme()
        self.heading.setFont(palette.font(1.0, bold=True))
        self.label.setFont(palette.font(1.0))
        accent = palette.variant_hex(0)
        self.setStyleSheet(
            f"QFrame#NarrationView {{ background: {theme.background}; border: 1px solid {theme.muted};"
            f" border-left: 4px solid {accent}; border-radius: 3px; }}"
            f" QLabel {{ color: {theme.foreground}; background: transparent; border: none; }}"
            f" QScrollArea#NarrationScroll, QScrollArea#NarrationScroll > QWidget > QWidget"
            f" {{ background: transparent; border: none; }}"
        )
        self._show()

    def retranslate(self) -> None:
        """After a language switch: the sentences again, in the new language."""
        from explorer.gui.i18n import retranslated

        self.title = retranslated(self.title)
        self.heading.setText(self.title)
        if self._snap is None:
            self.clear()
        else:
            self._shown = None
            self._refresh()

    def text(self) -> str:
        """The plain sentences shown now, one per line."""
        return "\n".join(t for _, t in self._lines)

    def lines(self) -> list[str]:
        return [t for _, t in self._lines]

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_height()

    def eventFilter(self, obj: QtCore.QObject, event: QtCore.QEvent) -> bool:
        if obj is self._watched_parent and event.type() == QtCore.QEvent.Type.Resize:
            self._fit_height()
        return False

    def _fit_height(self) -> None:
        """A word-wrapped label's size hint assumes some default width; inside a dock that left the
        last sentence cut off. Ask for the height the text needs at the width it really has, up to
        half of the dock (the rest scrolls); in presentation mode, whose large type made two
        variants' sentences scroll at 1600x1000, up to two thirds (the lesson text scrolls instead)."""
        parent = self.parentWidget()
        if parent is not None and parent is not self._watched_parent:
            self._watched_parent = parent
            parent.installEventFilter(self)  # the dock grows or shrinks: a new cap
        width = self.scroll.viewport().width()
        if width > 20:
            need = self.label.heightForWidth(width)
            if need > 0 and need != self.label.minimumHeight():
                self.label.setMinimumHeight(need)
            share = 2 / 3 if palette.presentation_enabled() else 1 / 2
            cap = max(80, int(parent.height() * share)) if parent is not None and parent.height() > 0 else need
            height = max(min(need, cap), 1)
            if height != self.scroll.height() or self.scroll.minimumHeight() != height:
                self.scroll.setFixedHeight(height)

    # --- internals ---------------------------------------------------------------------
    def _refresh(self) -> None:
        snap = self._snap
        if snap is None:
            return
        self._last = time.monotonic()
        self._shown = snap
        remarks = describe(snap)
        variants = [r.variant for r in remarks]
        texts = group_sentences(remarks, translate_remark)
        texts = [t.replace("。 ", "。") for t in texts]  # Chinese runs sentences on without a space
        texts = [t.replace(" %", "\u00a0%") for t in texts]  # never "34" at a line's end and "%" below
        # which variant each grouped line belongs to (group_sentences keeps the remark order)
        owners: list[Optional[int]] = []
        last: object = object()
        for v in variants:
            if v is None or v != last:
                owners.append(v)
            last = v
        lines = list(zip(owners, texts))
        if lines != self._lines:
            self._lines = lines
            self._show()

    def _show(self) -> None:
        many = sum(1 for v, _ in self._lines if v is not None) > 1
        rows = []
        for variant, text in self._lines:
            dot = (
                f'<span style="color:{palette.variant_hex(variant)}">●</span>&nbsp;'
                if variant is not None and many
                else ""
            )
            rows.append(f"<div style='margin-bottom:2px'>{dot}{html.escape(text)}</div>")
        self.label.setText("".join(rows))
        self._fit_height()
