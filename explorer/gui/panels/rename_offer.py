"""An inline, non-modal offer to rename a variant whose name states a value it no longer has.

Shown in the Regularization panel under the edited controls: "'dropout 0.5 + L2 1e-3' names the old
value. Rename it to 'dropout 0.5 + L2 2e-3'?" with Rename / Keep buttons. Nothing blocks: training
and every other control go on while it is shown (a modal dialog would stop a lesson, and tests).
Names that are exactly a value-name ("p = 0.5") are renamed without asking (panels.value_names).
"""

from __future__ import annotations

from typing import Callable, Optional

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from explorer.core.config import Experiment
from explorer.gui.panels.value_names import Rename, stale_names

RENAME_AFTER_MS = 400  # after the last edit of a burst (a slider drag) the names are checked


class RenameOffer(QFrame):
    """Offers one rename at a time; `accepted(index, name)` when the person takes it."""

    accepted = Signal(int, str)

    def __init__(self, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.setObjectName("renameOffer")
        self.setStyleSheet("QFrame#renameOffer { background: #fff8e1; border: 1px solid #e0c060; border-radius: 3px; }")
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.rename_button = QPushButton(self.tr("Rename"))
        self.keep_button = QPushButton(self.tr("Keep the name"))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.rename_button)
        buttons.addWidget(self.keep_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addWidget(self.label)
        layout.addLayout(buttons)
        self.rename_button.clicked.connect(self._accept)
        self.keep_button.clicked.connect(self._next)
        self._pending: list[Rename] = []
        self.hide()

    def offer(self, renames: list[Rename]) -> None:
        """Offer these renames (replacing what was offered before), the first now."""
        self._pending = list(renames)
        self._show_first()

    def clear(self) -> None:
        self._pending = []
        self.hide()

    def pending(self) -> list[Rename]:
        return list(self._pending)

    def _show_first(self) -> None:
        if not self._pending:
            self.hide()
            return
        r = self._pending[0]
        self.label.setText(
            self.tr("“{0}” names a value this variant no longer has. Rename it to “{1}”?").format(r.old, r.new)
        )
        self.show()

    def _accept(self) -> None:
        if self._pending:
            r = self._pending.pop(0)
            self.accepted.emit(r.index, r.new)
        self._show_first()

    def _next(self) -> None:
        if self._pending:
            self._pending.pop(0)
        self._show_first()


class VariantRenamer(QObject):
    """Watches a panel's live edits and keeps value-names true once the edits pause.

    `edited(before)` after each value edit (the experiment before it); RENAME_AFTER_MS after the last one
    (not mid-drag: every rename rebuilds the legends), a variant named exactly for its old value is
    renamed through `rename(index, name)`, and one whose name only mentions it is offered a new name
    in `offer` (a RenameOffer to place in the panel)."""

    def __init__(self, current: Callable[[], Experiment], rename: Callable[[int, str], None], parent: QWidget) -> None:
        super().__init__(parent)
        self._current, self._do_rename = current, rename
        self.offer = RenameOffer(parent)
        self.offer.accepted.connect(self._rename)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(RENAME_AFTER_MS)
        self._timer.timeout.connect(self.check)
        self._base: Optional[Experiment] = None  # before the edits not yet checked
        self._offer_base: Optional[Experiment] = None  # before the edits the shown offers are about

    def edited(self, before: Experiment) -> None:
        if not before.variants:
            return
        if self._base is None:
            self._base = before
        self._timer.start()  # (again): checked when the edits pause

    def shown(self, experiment: Experiment) -> None:
        """The panel shows another experiment: offers about variants renamed or rebuilt meanwhile go."""
        names = [v.name for v in experiment.variants]
        for base in (self._base, self._offer_base):
            if base is not None and [v.name for v in base.variants] != names:
                self._timer.stop()
                self._base = self._offer_base = None
                self.offer.clear()

    def flush(self) -> None:
        if self._timer.isActive():
            self._timer.stop()
            self.check()

    def check(self) -> None:
        base, self._base = self._base, None
        if base is None:
            return
        now = self._current()
        for r in stale_names(base, now):
            if r.automatic and now.variants[r.index].name == r.old:
                self._rename(r.index, r.new)
        now = self._current()
        if not self.offer.pending():  # every earlier offer taken or declined: they are settled
            self._offer_base = None
        offer_base = self._offer_base or base
        offers = [r for r in stale_names(offer_base, now) if not r.automatic and now.variants[r.index].name == r.old]
        self._offer_base = offer_base if offers else None
        self.offer.offer(offers)

    def _rename(self, index: int, name: str) -> None:
        now = self._current()
        if index < len(now.variants) and now.variants[index].name != name:
            self._do_rename(index, name)
