"""Figures and animations for `python -m explorer run`, rendered offscreen (no display needed).

    python -m explorer run --preset dropout-regression --out DIR --figures png,svg,pdf --animation gif

  DIR/figures/<view>.<fmt>   one file per view (fit, loss, histograms, activations, norms,
                             network) and format, plus DIR/figures/dashboard.<fmt>, all drawn
                             from the final Snapshot of the run by the app's own views and
                             figure export (explorer.gui.export), so they look like the app;
  DIR/animation.gif|mp4      the dashboard every k epochs while the run trains (frames from
                             snapshots of the headless trainer, encoded as they come by
                             explorer.core.io._animation).

Where there is no display (a server, CI, ssh), Qt's "offscreen" platform is chosen
before the QApplication exists; with a display the dashboard is laid out without
being shown on screen. The QApplication is made only for this (when the process has
none) and shut down again by close(), after the dashboard is deleted.
"""

from __future__ import annotations

import math
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Optional, Sequence

from explorer.core.protocol import ExportError

FIGURE_FORMATS = ("png", "svg", "pdf")
ANIMATION_FORMATS = ("gif", "mp4")
DEFAULT_SIZE = (1280, 720)  # the dashboard's layout size, and the animation's frames
VIEW_FIGURE_SIZE = (1000, 640)  # logical size of one view's figure (times the scale for PNG)
DEFAULT_FRAMES = 100  # --animation-every default: about this many frames per run


def ensure_platform() -> Optional[str]:
    """Choose Qt's offscreen platform when no display can be reached; returns the platform set."""
    if os.environ.get("QT_QPA_PLATFORM"):
        return None
    if sys.platform.startswith(("linux", "freebsd", "openbsd")) and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    ):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        return "offscreen"
    return None


def parse_formats(text: str, allowed: Sequence[str], what: str) -> tuple[str, ...]:
    items = tuple(dict.fromkeys(p.strip().lower().lstrip(".") for p in text.split(",") if p.strip()))
    bad = [p for p in items if p not in allowed]
    if not items or bad:
        raise ExportError(f"unknown {what} format {', '.join(bad) or repr(text)}; use {', '.join(allowed)}")
    return items


def parse_size(text: str) -> tuple[int, int]:
    try:
        w, h = (int(v) for v in text.lower().replace("×", "x").split("x"))
    except ValueError:
        raise ExportError(f"size {text!r} is not WIDTHxHEIGHT, e.g. 1280x720") from None
    if not (320 <= w <= 7680 and 240 <= h <= 4320):
        raise ExportError(f"size {w}x{h} is out of range (320x240 to 7680x4320)")
    return w, h


class OffscreenDashboard:
    """The app's Dashboard, laid out at `size` but never shown on a screen."""

    def __init__(self, size: tuple[int, int] = DEFAULT_SIZE):
        ensure_platform()
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QApplication

        self._previous_handler = _quiet_offscreen_warnings()
        existing = QApplication.instance()
        self._own_app = existing is None
        self.app = existing or QApplication([sys.argv[0] if sys.argv and sys.argv[0] else "explorer"])
        from explorer.gui.app import _configure_app
        from explorer.gui.views.dashboard import Dashboard

        _configure_app(self.app)
        self.dashboard: Any = Dashboard()
        self.dashboard.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
        self.dashboard.resize(*size)
        self.dashboard.show()
        self._settle()

    def _settle(self) -> None:
        for _ in range(2):
            self.app.processEvents()

    def show_snapshot(self, snap: Any, all_views: bool = False) -> None:
        from PySide6.QtCore import QCoreApplication, QEvent

        self.dashboard.update_snapshot(snap)
        if all_views:
            self.dashboard.refresh_all()
        # Only the pending layouts: a full processEvents() would also paint the whole dashboard,
        # which grab() paints again anyway (it was half the cost of a frame).
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)

    def grab(self) -> Any:
        """The dashboard as a QImage."""
        from explorer.gui.export import without_controls

        with without_controls(self.dashboard):  # a frame for slides: no selectors, boxes or tabs
            return self.dashboard.grab().toImage()

    def export_figures(
        self, folder: Path, formats: Sequence[str], scale: float = 2.0, style: str = "screen"
    ) -> list[Path]:
        from explorer.gui.export import export_widget

        folder = Path(folder)
        written: list[Path] = []
        vw, vh = VIEW_FIGURE_SIZE
        for vid, view in self.dashboard.views().items():
            for fmt in formats:
                written.append(
                    export_widget(
                        view,
                        folder / f"{vid}.{fmt}",
                        width=round(vw * scale),
                        height=round(vh * scale),
                        scale=scale,
                        style=style,
                    )
                )
        for fmt in formats:
            written.append(export_widget(self.dashboard, folder / f"dashboard.{fmt}", scale=scale, style=style))
        written += self._export_test_time(folder, formats, scale, style)
        return written

    def _export_test_time(self, folder: Path, formats: Sequence[str], scale: float, style: str) -> list[Path]:
        """figures/mc_dropout.<fmt> when the final snapshot carries test-time dropout passes (--mc-passes)."""
        from PySide6.QtCore import Qt

        from explorer.gui.export import export_widget
        from explorer.gui.views.fit_test_time import mc_states
        from explorer.gui.views.test_time_view import TestTimeView

        snap = self.dashboard.views()["fit"].last_snapshot()
        if snap is None or mc_states(snap) is None:
            return []
        vw, vh = VIEW_FIGURE_SIZE
        view = TestTimeView()
        try:
            view.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
            view.resize(vw, vh)
            view.show()
            view.update_snapshot(snap)
            return [
                export_widget(
                    view,
                    folder / f"mc_dropout.{fmt}",
                    width=round(vw * scale),
                    height=round(vh * scale),
                    scale=scale,
                    style=style,
                )
                for fmt in formats
            ]
        finally:
            view.close()
            view.deleteLater()

    def close(self) -> None:
        from PySide6.QtCore import QCoreApplication, QEvent

        dashboard, self.dashboard = self.dashboard, None
        if dashboard is not None:
            dashboard.close()
            dashboard.deleteLater()
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
            self.app.processEvents()
        if self._own_app:
            app, self.app = self.app, None
            if app is not None and hasattr(app, "shutdown"):
                app.shutdown()
        if self._previous_handler is not False:
            from PySide6.QtCore import qInstallMessageHandler

            qInstallMessageHandler(self._previous_handler)
            self._previous_handler = False


def _quiet_offscreen_warnings() -> Any:
    """Drop the offscreen platform's "does not support propagateSizeHints()" notes (one per
    window, meaningless here); every other Qt message still reaches stderr."""
    from PySide6.QtCore import qFormatLogMessage, qInstallMessageHandler

    def handler(mode: Any, context: Any, message: str) -> None:
        if "propagateSizeHints" in message:
            return
        try:
            text = qFormatLogMessage(mode, context, message)
        except Exception:
            text = message
        print(text, file=sys.stderr)

    return qInstallMessageHandler(handler)


@dataclass
class MediaResult:
    figures: list[Path]
    animation: Optional[Path] = None
    frames: int = 0
    fps: float = 0.0
    problems: tuple[str, ...] = ()

    def describe(self) -> str:
        lines = []
        if self.figures:
            folder = self.figures[0].parent
            lines.append(f"wrote {len(self.figures)} figures to {folder}")
        if self.animation is not None:
            lines.append(f"wrote {self.animation} ({self.frames} frames at {self.fps:g} frames/s)")
        return "\n".join(lines)


class HeadlessMedia:
    """Observer for run_headless: animation frames during the run, figures at the end.

    A failure while recording (a full disk) is reported once and stops only the
    animation; training and the run's other files go on."""

    def __init__(
        self,
        out: Path,
        *,
        figures: Sequence[str] = (),
        animation: Optional[str] = None,
        every: Optional[int] = None,
        fps: float = 10.0,
        size: tuple[int, int] = DEFAULT_SIZE,
        scale: float = 2.0,
        style: str = "screen",
    ):
        if every is not None and every < 1:
            raise ExportError("--animation-every must be at least 1")
        if not 1 <= fps <= 60:
            raise ExportError("--animation-fps must be between 1 and 60")
        if not 0.25 <= scale <= 8:
            raise ExportError("--figure-scale must be between 0.25 and 8")
        if style not in ("screen", "print"):
            raise ExportError("--figure-style must be screen or print")
        self.out = Path(out)
        self.figures = tuple(figures)
        self.animation = animation
        self.every = every
        self.fps = float(fps)
        self.size = size
        self.scale = scale
        self.style = style
        self.renderer: Optional[OffscreenDashboard] = None
        self.writer: Any = None
        self._runner: Any = None
        self._last_epoch: Optional[int] = None
        self._frame_size = (0, 0)
        self.problems: list[str] = []
        self._full_warned = False

    # -- lifetime ------------------------------------------------------------------------
    def open(self) -> HeadlessMedia:
        """Start Qt and open the animation file now, so a problem shows before training."""
        try:
            self.renderer = OffscreenDashboard(self.size)
        except ImportError as exc:
            raise ExportError(f"figures and animations need the desktop app's libraries: {exc}") from None
        if self.animation:
            from PySide6.QtCore import QSize

            from explorer.core.io import open_animation_writer
            from explorer.gui.recorder import frame_size_for

            self._frame_size = frame_size_for(QSize(*self.size), max_width=None)
            self.writer = open_animation_writer(self.out / f"animation.{self.animation}", self.fps, self._frame_size)
        return self

    def close(self) -> None:
        if self.writer is not None and not self.writer.done:
            self.writer.abort()
        if self.renderer is not None:
            self.renderer.close()
            self.renderer = None

    def __enter__(self) -> HeadlessMedia:
        return self.open()

    def __exit__(self, *exc: Any) -> None:
        self.close()

    # -- during the run ----------------------------------------------------------------------
    def observe(self, runner: Any) -> None:
        self._runner = runner
        if self.writer is None or self.writer.done:
            return
        epoch = int(getattr(runner, "epoch", 0))
        if epoch == self._last_epoch:
            return
        if self.every is None:
            self.every = max(1, math.ceil(int(getattr(runner, "total_epochs", 1)) / DEFAULT_FRAMES))
        if epoch % self.every == 0 or runner.finished:
            self._last_epoch = epoch
            capacity = self.writer.capacity
            if capacity is not None and self.writer.frames >= capacity:
                if not self._full_warned:
                    self._full_warned = True
                    print(
                        f"warning: the GIF is full ({capacity} frames of this size); later epochs are "
                        "left out. Use --animation mp4, a larger --animation-every or a smaller "
                        "--frame-size",
                        file=sys.stderr,
                    )
                return
            try:
                self._frame(runner)
            except ExportError as exc:
                self.problems.append(f"animation not written: {exc}")
                print(f"warning: animation stopped ({exc}); training goes on", file=sys.stderr)
                self.writer.abort()

    def _frame(self, runner: Any) -> None:
        from explorer.gui.recorder import compose_frame
        from explorer.gui.views import palette

        assert self.renderer is not None
        snap = runner.snapshot(state="finished" if runner.finished else "running")
        self.renderer.show_snapshot(snap)
        title = runner.experiment.meta.title or ""
        theme = palette.current_theme()
        frame = compose_frame(
            self.renderer.grab(),
            self._frame_size,
            title,
            f"epoch {snap.epoch} / {snap.total_epochs} · step {snap.step}",
            theme.background,
            theme.foreground,
        )
        self.writer.add(frame)

    # -- at the end --------------------------------------------------------------------------------
    def finish(self) -> MediaResult:
        """Write the figures from the final snapshot and close the animation file."""
        result = MediaResult(figures=[], fps=self.fps)
        runner = self._runner
        if self.figures and runner is not None and self.renderer is not None:
            snap = runner.snapshot(state="finished" if runner.finished else "paused")
            self.renderer.show_snapshot(snap, all_views=True)
            try:
                result.figures = self.renderer.export_figures(
                    self.out / "figures", self.figures, self.scale, self.style
                )
            except ExportError as exc:
                self.problems.append(f"figures not written: {exc}")
        if self.writer is not None and not self.writer.done:
            try:
                result.animation = self.writer.finish()
                result.frames = self.writer.frames
            except ExportError as exc:
                self.problems.append(f"animation not written: {exc}")
        result.problems = tuple(self.problems)
        return result
