"""The window's live run while a sweep trains.

A sweep trains in a child process of its own while the window's current run keeps its trainer:
on a small machine both would share the processor, the sweep would take longer and the live run
would stutter. So starting a sweep pauses a playing live run (the banner says so and offers to
resume it at once), and the end of the sweep (finished, cancelled, failed or its window closed)
plays it on again, but only if the sweep paused it and nobody has touched it since: a run the
user had paused stays paused, one the user resumed or replaced (a clicked cell, a reset) is left
as it is.
"""

from __future__ import annotations

from typing import Any, Optional

from PySide6 import QtCore


class LiveRunDuringSweep(QtCore.QObject):
    """Pauses `window`'s live run while `sweep_window`'s sweep trains; see the module docstring."""

    def __init__(self, window: Any, sweep_window: Any):
        super().__init__(sweep_window)
        self._window, self._sweep = window, sweep_window
        self.paused_for_sweep = False
        self._run: Optional[object] = None  # the run the sweep paused (the window's started experiment)
        self._seen_paused = False
        window.host.stateChanged.connect(self._on_state)
        sweep_window.sweep_started.connect(self.on_sweep_started)
        sweep_window.sweep_ended.connect(self.on_sweep_ended)

    def _current_run(self) -> Optional[object]:
        return getattr(self._window, "_started_experiment", None)

    def on_sweep_started(self) -> None:
        if self._window.state != "running":
            return
        self.paused_for_sweep, self._run, self._seen_paused = True, self._current_run(), False
        self._window.host.pause()
        text = self.tr(
            "Paused the live run while the sweep trains (both would share the processor); "
            "it plays on when the sweep ends."
        )
        self._window.banner.show_message(text, "info", [(self.tr("Resume it now"), self.resume_now)])
        self._sweep.show_live_note(text)

    def resume_now(self) -> None:
        """The user wants both: the live run plays on beside the sweep."""
        self.paused_for_sweep = False
        self._window.host.play()
        self._sweep.show_live_note(self.tr("The live run plays beside the sweep (they share the processor)."))

    def _on_state(self, state: str) -> None:
        if not self.paused_for_sweep:
            return
        if state == "paused":
            self._seen_paused = True
        elif state == "running" and self._seen_paused:  # the user pressed Play meanwhile
            self.paused_for_sweep = False
            self._sweep.show_live_note("")

    def on_sweep_ended(self, _state: str = "") -> None:
        if not self.paused_for_sweep:
            return
        self.paused_for_sweep = False
        window = self._window
        if getattr(window, "_closed", False):
            return  # the app is closing: its trainer stops
        if self._banner_is_ours():
            window.banner.dismiss()
        if self._current_run() is not self._run or window.state != "paused":
            self._sweep.show_live_note("")
            return  # replaced (a clicked cell, a reset, an edit) or ended: not the run the sweep paused
        window.host.play()
        text = self.tr("The sweep ended; the live run plays on.")
        window.statusBar().showMessage(text, 8000)
        self._sweep.show_live_note(text)

    def _banner_is_ours(self) -> bool:
        return self.tr("Resume it now") in self._window.banner.action_texts()
