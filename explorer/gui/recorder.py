"""Record a training run as an animated GIF or MP4 while it trains.

    recorder = AnimationRecorder(window.dashboard, "run.gif", fps=10, max_seconds=20,
                                 caption=lambda: "epoch 12 / 300 · step 480")
    recorder.finished.connect(...)      # the path, once the file is complete
    recorder.failed.connect(...)        # a message; no partial file is left
    recorder.start()                    # ... recorder.stop() (or it stops at max_seconds)

Who does what, so that neither training nor the GUI ever waits:
  * the GUI thread, on a QTimer at the chosen frame rate, only copies what the widget
    shows from the window's backing store (a memcpy; QWidget.grab(), which paints the
    widget again, where the platform's backing store is not a plain image) and hands
    the QImage on;
  * a single worker thread, driven through the asyncio loop (qasync is the
    app's loop: loop.run_in_executor), composes the frame (scaled, with a
    caption strip and a time stamp), converts it to RGB and gives it to the
    encoder (explorer.core.io._animation): MP4 frames stream into ffmpeg as they
    come, GIF frames are reduced to a 256-colour palette;
  * stop() (or max length) ends the capture; an asyncio task waits for the
    last frames and lets the encoder write the file in the worker thread,
    reporting progress; the file appears atomically at the end.
The trainer runs in its own process, so it does not notice any of this. If the
encoder falls behind (a slow machine), frames are skipped rather than queued
without bound, and the count of skipped frames is reported.

compose_frame() is shared with the headless renderer (explorer.gui.headless).
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import time
from pathlib import Path
from typing import Any, Callable, Optional

import numpy as np
from PySide6 import QtCore, QtGui, QtWidgets
from PySide6.QtCore import QObject, Signal

from explorer.core.io import AnimationWriter, animation_format, even_size, open_animation_writer
from explorer.core.protocol import ExportError
from explorer.gui.core_messages import tr_message
from explorer.gui.views import palette

DEFAULT_FPS = 10
DEFAULT_MAX_SECONDS = 30.0
MAX_SECONDS = 600.0
DEFAULT_MAX_WIDTH = 1280


# --- frames ------------------------------------------------------------------------------


def caption_height(frame_height: int) -> int:
    """Height of the caption strip under the picture: readable, never dominant."""
    return max(18, int(round(frame_height * 0.045)))


def frame_size_for(
    source: QtCore.QSize, max_width: Optional[int] = DEFAULT_MAX_WIDTH, caption: bool = True
) -> tuple[int, int]:
    """(width, height) of the frames for a source of this logical size: at most `max_width`
    wide, same aspect ratio, plus the caption strip, rounded to even sides (H.264)."""
    w, h = max(2, source.width()), max(2, source.height())
    if max_width and w > max_width:
        h, w = round(h * max_width / w), max_width
    if caption:
        h += caption_height(h)
    return even_size(w, h)


def qimage_to_rgb(image: QtGui.QImage) -> np.ndarray:
    """(height, width, 3) uint8 copy of a QImage."""
    img = image.convertToFormat(QtGui.QImage.Format.Format_RGB888)
    w, h, bpl = img.width(), img.height(), img.bytesPerLine()
    buf = np.frombuffer(img.constBits(), dtype=np.uint8, count=img.sizeInBytes()).reshape(h, bpl)
    return buf[:, : w * 3].reshape(h, w, 3).copy()


def compose_frame(
    image: QtGui.QImage,
    size: tuple[int, int],
    caption: str = "",
    stamp: str = "",
    background: str = "#FFFFFF",
    foreground: str = "#202020",
) -> np.ndarray:
    """One animation frame: `image` scaled to fit above a caption strip (caption left, time
    stamp right), as RGB. Safe on a worker thread: only QImage and QPainter on a QImage."""
    w, h = size
    strip = caption_height(h) if (caption or stamp) else 0
    canvas = QtGui.QImage(w, h, QtGui.QImage.Format.Format_RGB32)
    canvas.fill(QtGui.QColor(background))
    painter = QtGui.QPainter(canvas)
    try:
        painter.setRenderHint(QtGui.QPainter.RenderHint.SmoothPixmapTransform, True)
        painter.setRenderHint(QtGui.QPainter.RenderHint.TextAntialiasing, True)
        box = QtCore.QSize(w, h - strip)
        if not image.isNull() and box.width() > 0 and box.height() > 0:
            src = image
            src.setDevicePixelRatio(1.0)
            if src.size() == box:
                scaled = src
            else:
                scaled = src.scaled(
                    box, QtCore.Qt.AspectRatioMode.KeepAspectRatio, QtCore.Qt.TransformationMode.SmoothTransformation
                )
            painter.drawImage(QtCore.QPoint((w - scaled.width()) // 2, (box.height() - scaled.height()) // 2), scaled)
        if strip:
            rect = QtCore.QRect(0, h - strip, w, strip)
            tint = QtGui.QColor(foreground)
            tint.setAlpha(18)
            painter.fillRect(rect, tint)
            font = QtGui.QFont()
            font.setPixelSize(max(10, int(strip * 0.58)))
            painter.setFont(font)
            painter.setPen(QtGui.QColor(foreground))
            pad = max(6, strip // 3)
            inner = rect.adjusted(pad, 0, -pad, 0)
            flags = QtCore.Qt.AlignmentFlag.AlignVCenter
            stamp_w = painter.fontMetrics().horizontalAdvance(stamp) if stamp else 0
            if caption:
                text = painter.fontMetrics().elidedText(
                    caption, QtCore.Qt.TextElideMode.ElideRight, max(0, inner.width() - stamp_w - pad)
                )
                painter.drawText(inner, flags | QtCore.Qt.AlignmentFlag.AlignLeft, text)
            if stamp:
                painter.drawText(inner, flags | QtCore.Qt.AlignmentFlag.AlignRight, stamp)
    finally:
        painter.end()
    return qimage_to_rgb(canvas)


# Platforms whose backing store is one plain raster image kept between paints: there a frame is
# a copy of what the window already shows (measured: 0.35 ms for a 932x842 dashboard, against
# 30-40 ms for QWidget.grab(), which paints every plot again). Elsewhere (macOS layer-backed
# windows, Wayland buffer pools) the buffer may be swapped after a flush, so grab() is used.
BACKING_STORE_PLATFORMS = ("xcb", "windows", "offscreen")


def capture_widget(widget: QtWidgets.QWidget) -> QtGui.QImage:
    """What `widget` shows on screen now, as a QImage (GUI thread).

    Copied from the window's backing store where that is a persistent raster image and the
    window is exposed; otherwise painted again with QWidget.grab()."""
    top = widget.window()
    handle = top.windowHandle()
    if (
        QtGui.QGuiApplication.platformName() in BACKING_STORE_PLATFORMS
        and handle is not None
        and handle.isExposed()
        and widget.isVisible()
    ):
        store = top.backingStore()
        device = store.paintDevice() if store is not None else None
        if isinstance(device, QtGui.QImage) and not device.isNull():
            dpr = device.devicePixelRatio()
            full = QtCore.QSize(round(top.width() * dpr), round(top.height() * dpr))
            origin = widget.mapTo(top, QtCore.QPoint(0, 0))
            rect = QtCore.QRect(
                round(origin.x() * dpr),
                round(origin.y() * dpr),
                round(widget.width() * dpr),
                round(widget.height() * dpr),
            )
            if device.size() == full and device.rect().contains(rect) and not rect.isEmpty():
                return device.copy(rect)
    return widget.grab().toImage()


def time_stamp(seconds: float, fps: float = 10.0) -> str:
    """m:ss.s, with hundredths above 10 frames/s: every frame's stamp differs (so no two frames
    are identical, which Pillow would merge into one longer GIF frame)."""
    decimals = 1 if fps <= 10 else 2
    m, s = divmod(max(0.0, seconds), 60.0)
    if round(s, decimals) >= 60:
        m, s = m + 1, 0.0
    return f"{int(m)}:{s:0{3 + decimals}.{decimals}f}"


# --- the asyncio loop ----------------------------------------------------------------------


def gui_event_loop() -> asyncio.AbstractEventLoop:
    """The asyncio loop that runs on Qt's event loop: qasync's (the app runs it). Where none
    runs (a test, a script embedding the window), a qasync loop is made the thread's loop:
    its callbacks run whenever Qt processes events, so nothing else needs to drive it."""
    try:
        return asyncio.get_running_loop()
    except RuntimeError:
        pass
    import qasync

    policy = asyncio.get_event_loop_policy()
    current = getattr(getattr(policy, "_local", None), "_loop", None)  # the thread's loop, if one was set
    if isinstance(current, qasync.QEventLoop) and not current.is_closed():
        return current
    loop = _fallback.get("loop")
    if loop is None or loop.is_closed():
        loop = qasync.QEventLoop(QtWidgets.QApplication.instance())
        _fallback["loop"] = loop
    asyncio.set_event_loop(loop)
    return loop


_fallback: dict[str, Any] = {}


# --- the recorder ----------------------------------------------------------------------------


class AnimationRecorder(QObject):
    """Grab `source` at `fps` for at most `max_seconds` and encode it to `path` (.gif or .mp4)."""

    stateChanged = Signal(str)  # "recording" | "encoding" | "done" | "failed" | "cancelled"
    progress = Signal(int, int)  # recording: (frames, max frames); encoding: (frames done, frames)
    finished = Signal(str)  # the file written
    failed = Signal(str)  # why nothing was written

    def __init__(
        self,
        source: QtWidgets.QWidget,
        path: str | Path,
        *,
        fps: float = DEFAULT_FPS,
        max_seconds: float = DEFAULT_MAX_SECONDS,
        max_width: Optional[int] = DEFAULT_MAX_WIDTH,
        caption: Optional[Callable[[], str]] = None,
        parent: Optional[QObject] = None,
    ):
        super().__init__(parent)
        self.path = Path(path)
        self.format = animation_format(self.path)  # ExportError for anything but .gif / .mp4
        if not 1 <= float(fps) <= 60:
            raise ExportError(f"frame rate must be between 1 and 60 frames per second, got {fps!r}")
        if not 0 < float(max_seconds) <= MAX_SECONDS:
            raise ExportError(f"length must be between 1 s and {MAX_SECONDS:.0f} s, got {max_seconds!r}")
        self.source = source
        self.fps = float(fps)
        self.max_seconds = float(max_seconds)
        self.max_frames = max(1, int(round(self.fps * self.max_seconds)))
        self.max_width = max_width
        self.caption = caption
        self.state = "idle"
        self.frames = 0  # grabbed and handed to the encoder
        self.encoded = 0  # composed and given to the encoder
        self.dropped = 0  # skipped because the encoder fell behind
        self.limited = False  # max_frames was lowered to what a GIF of this size can hold
        self.error: Optional[str] = None
        self.result: Optional[Path] = None
        self._writer: Optional[AnimationWriter] = None
        self._executor: Optional[concurrent.futures.ThreadPoolExecutor] = None
        self._loop: Optional[asyncio.AbstractEventLoop] = None
        self._inflight: set[asyncio.Future] = set()
        self._finish_task: Optional[asyncio.Future] = None
        self._finish_submitted = False
        self._size = (0, 0)
        self._theme = ("#FFFFFF", "#202020")
        self._t0 = 0.0
        self._max_backlog = max(8, int(self.fps * 3))
        self._timer = QtCore.QTimer(self)
        self._timer.setTimerType(QtCore.Qt.TimerType.PreciseTimer)
        self._timer.setInterval(max(1, int(round(1000 / self.fps))))
        self._timer.timeout.connect(self._tick)

    # -- control ----------------------------------------------------------------------------
    def start(self) -> None:
        """Open the file (ExportError now if the folder cannot take it) and grab the first frame."""
        if self.state != "idle":
            raise ExportError("this recorder has already been used; make a new one")
        self._size = frame_size_for(self.source.size(), self.max_width)
        theme = palette.current_theme()
        self._theme = (theme.background, theme.foreground)
        self._writer = open_animation_writer(self.path, self.fps, self._size)
        capacity = self._writer.capacity
        if capacity is not None and capacity < self.max_frames:
            self.max_frames = capacity  # a GIF's frames are held in memory: stop in time
            self.limited = True
        self._loop = gui_event_loop()
        self._executor = concurrent.futures.ThreadPoolExecutor(max_workers=1, thread_name_prefix="explorer-recorder")
        self._t0 = time.perf_counter()
        self._set_state("recording")
        self._timer.start()
        self._tick()

    def stop(self) -> None:
        """End the capture and encode what was recorded (in the background)."""
        if self.state != "recording":
            return
        self._timer.stop()
        self._set_state("encoding")
        self.progress.emit(self.encoded, self.frames)
        assert self._loop is not None
        self._finish_task = asyncio.ensure_future(self._finish(), loop=self._loop)

    def cancel(self) -> None:
        """Throw the recording away (no file is written)."""
        if self.state not in ("recording", "encoding"):
            return
        self._timer.stop()
        self._set_state("cancelled")
        for fut in list(self._inflight):
            fut.cancel()
        if self._finish_task is not None:
            self._finish_task.cancel()
        self._close_executor(cancel_pending=True)
        if self._writer is not None:
            self._writer.abort()

    def finish_now(self, timeout: float = 30.0) -> Optional[Path]:
        """Blocking stop-and-write, for when the window closes: the recording is kept.

        Waits for the worker (its frames, or an encode already under way), then writes the
        file here if that has not happened yet. Returns the path, or None on failure."""
        if self.state not in ("recording", "encoding"):
            return self.result
        self._timer.stop()
        started_finish = self._finish_submitted
        self._set_state("encoding")
        self._close_executor()  # every queued frame (and any finish) has run
        if self._finish_task is not None:
            self._finish_task.cancel()
        writer = self._writer
        try:
            if writer is None:
                raise ExportError(self.tr("nothing was recorded"))
            if not started_finish and not writer.done:
                self.result = writer.finish()
            elif writer.done and self.error is None and self.result is None:
                self.result = writer.path if writer.path.exists() else None
        except ExportError as exc:
            self._failed(tr_message(exc.message))
            return None
        if self.result is None:
            self._failed(self.error or self.tr("{0} could not be written").format(self.path.name))
            return None
        if self.state != "done":
            self._set_state("done")
            self.finished.emit(str(self.result))
        return self.result

    @property
    def elapsed(self) -> float:
        return self.frames / self.fps

    @property
    def frame_size(self) -> tuple[int, int]:
        return self._size

    # -- capture (GUI thread) ------------------------------------------------------------------
    def _tick(self) -> None:
        if self.state != "recording":
            return
        if self.frames >= self.max_frames:
            self.stop()
            return
        if len(self._inflight) >= self._max_backlog:
            self.dropped += 1  # the encoder is behind: skip, never queue without end
            return
        try:
            image = capture_widget(self.source)
        except RuntimeError as exc:  # the widget was deleted
            self._failed(self.tr("recording stopped: {0}").format(exc))
            return
        caption = ""
        if self.caption is not None:
            try:
                caption = self.caption()
            except Exception:
                caption = ""
        stamp = time_stamp(self.frames / self.fps, self.fps)
        assert self._loop is not None and self._executor is not None
        fut = self._loop.run_in_executor(self._executor, self._encode_frame, image, caption, stamp)
        self._inflight.add(fut)
        fut.add_done_callback(self._frame_done)
        self.frames += 1
        self.progress.emit(self.frames, self.max_frames)
        if self.frames >= self.max_frames:
            self.stop()

    # -- encoding (worker thread) ---------------------------------------------------------------
    def _encode_frame(self, image: QtGui.QImage, caption: str, stamp: str) -> None:
        writer = self._writer
        if writer is None or writer.done:
            return
        frame = compose_frame(image, self._size, caption, stamp, *self._theme)
        writer.add(frame)

    def _frame_done(self, fut: asyncio.Future) -> None:
        self._inflight.discard(fut)
        if fut.cancelled() or self.state in ("failed", "cancelled", "done"):
            return
        exc = fut.exception()
        if exc is not None:
            self._failed(
                tr_message(exc.message)
                if isinstance(exc, ExportError)
                else self.tr("recording failed: {0}").format(exc)
            )
            return
        self.encoded += 1
        if self.state == "encoding":
            self.progress.emit(self.encoded, self.frames)

    async def _finish(self) -> None:
        loop = self._loop
        assert loop is not None and self._executor is not None and self._writer is not None
        try:
            pending = list(self._inflight)
            if pending:
                await asyncio.gather(*pending, return_exceptions=True)
            if self.state != "encoding":
                return  # failed or cancelled meanwhile
            self._finish_submitted = True
            path = await loop.run_in_executor(self._executor, self._writer.finish, self._progress_threadsafe)
        except asyncio.CancelledError:
            return
        except ExportError as exc:
            self._failed(tr_message(exc.message))
            return
        except Exception as exc:
            self._failed(self.tr("recording failed: {0}").format(exc))
            return
        self._close_executor()
        if self.state != "encoding":
            return
        self.result = Path(path)
        self._set_state("done")
        self.finished.emit(str(path))

    def _progress_threadsafe(self, done: int, total: int) -> None:
        loop = self._loop
        if loop is not None and not loop.is_closed():
            loop.call_soon_threadsafe(self._emit_progress, done, total)

    def _emit_progress(self, done: int, total: int) -> None:
        if self.state == "encoding":
            with contextlib.suppress(RuntimeError):  # the recorder was deleted meanwhile
                self.progress.emit(done, total)

    # -- bookkeeping ---------------------------------------------------------------------------
    def _failed(self, message: str) -> None:
        if self.state in ("failed", "cancelled"):
            return
        self._timer.stop()
        self.error = message
        self._close_executor(cancel_pending=True)  # first: the worker must not be inside the writer
        if self._writer is not None:
            self._writer.abort()
        self._set_state("failed")
        with contextlib.suppress(RuntimeError):
            self.failed.emit(message)

    def _close_executor(self, cancel_pending: bool = False) -> None:
        """Join the worker. It is idle (or nearly: at most one frame in hand) whenever this is
        called, so the GUI thread waits microseconds, and no thread outlives the recording."""
        ex, self._executor = self._executor, None
        if ex is not None:
            ex.shutdown(wait=True, cancel_futures=cancel_pending)

    def _set_state(self, state: str) -> None:
        if state != self.state:
            self.state = state
            with contextlib.suppress(RuntimeError):
                self.stateChanged.emit(state)
