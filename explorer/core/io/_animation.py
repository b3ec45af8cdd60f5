"""Animation encoders: RGB frames (numpy) in, an animated GIF or an MP4 file out, atomically.

Qt-free, so the GUI recorder (frames grabbed from the dashboard, encoded on a
worker thread) and the headless runner (frames rendered offscreen every k
epochs) share one implementation. Well-kept libraries do the encoding:
Pillow for GIF, imageio with its ffmpeg plugin (imageio-ffmpeg ships the
ffmpeg binary in its wheel) for MP4 (H.264, yuv420p: plays in browsers,
PowerPoint, Keynote and every phone).

    writer = open_animation_writer("run.mp4", fps=10, size=(1280, 720))
    for frame in frames:            # (height, width, 3) uint8
        writer.add(frame)
    writer.finish()                 # the file appears only now, complete

Never lose work: frames go to a hidden temporary file in the target folder
(".run.mp4.XXXX.tmp.mp4"); `finish` flushes and fsyncs it and renames it over
the target. Any failure (unwritable folder, full disk, a name the filesystem
refuses, ffmpeg missing) raises ExportError naming the file, removes the
temporary file and leaves an existing file of that name untouched. `abort`
throws a recording away the same way.

Pillow writes a frame identical to the one before it as a longer frame (the
timing is kept, the frame count drops); the recorders stamp each frame with
its time, so frames of a paused run still differ.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from pathlib import Path
from typing import Any, Callable, Optional

import numpy as np

from explorer.core.protocol import ExportError, Message, define_messages

FORMATS = ("gif", "mp4")
MAX_FPS = 60
MAX_SIDE = 7680
# Pillow holds every GIF frame until it writes the file (one byte per pixel once reduced to a
# palette): this caps a GIF at about 600 frames of a 1280x1000 dashboard. MP4 streams and has no cap.
GIF_MEMORY_BUDGET = 768 * 2**20

Progress = Callable[[int, int], None]  # (frames done, frames in all)

MSG = define_messages(
    "animation",
    {
        "not_gif_mp4": "cannot record to {name}: use a .gif or .mp4 file name",
        "not_file_name": "cannot record to {name}: not a file name",
        "fps_range": "frame rate must be between 1 and {max} frames per second, got {fps}",
        "frames_too_large": "frames of {w}x{h} pixels are too large (at most {max} per side)",
        "disk_full": "cannot write {path}: the disk is full",
        "cannot_write": "cannot write {path}: {reason}",
        "already_finished": "{name}: the recording is already finished",
        "bad_frame": "a frame must be (height, width, 3) uint8, got {shape} {dtype}",
        "no_frames": "{name}: no frames were recorded; nothing written",
        "gif_full": "{name}: a GIF of {w}x{h} holds at most {frames} frames; record an MP4 for longer runs",
        "mp4_needs_imageio": "MP4 needs imageio and imageio-ffmpeg ({detail}); pip install imageio imageio-ffmpeg",
        "mp4_cannot_start": "cannot start the MP4 encoder for {name}: {detail}",
    },
)


def animation_format(path: str | Path) -> str:
    fmt = Path(path).suffix.lower().lstrip(".")
    if fmt not in FORMATS:
        raise ExportError(MSG.not_gif_mp4(name=repr(Path(path).name)))
    return fmt


def even_size(width: int, height: int) -> tuple[int, int]:
    """H.264 in yuv420p needs even sides; GIF does not care, and the same size keeps things simple."""
    return max(2, int(width) // 2 * 2), max(2, int(height) // 2 * 2)


def _umask_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _message(path: Path, exc: BaseException) -> Message:
    if isinstance(exc, OSError):
        if exc.errno == errno.ENOSPC:
            return MSG.disk_full(path=str(path))
        return MSG.cannot_write(path=str(path), reason=exc.strerror or str(exc))
    return MSG.cannot_write(path=str(path), reason=str(exc))


class AnimationWriter:
    """Base: frame bookkeeping and the temporary-file-then-rename discipline."""

    fmt = ""
    capacity: Optional[int] = None  # most frames this writer takes (None: no limit)

    def __init__(self, path: str | Path, fps: float, size: tuple[int, int]):
        self.path = Path(path)
        if not self.path.name or self.path.name in (".", ".."):
            raise ExportError(MSG.not_file_name(name=repr(str(path))))
        if not 0 < float(fps) <= MAX_FPS:
            raise ExportError(MSG.fps_range(max=MAX_FPS, fps=repr(fps)))
        w, h = even_size(*size)
        if w > MAX_SIDE or h > MAX_SIDE:
            raise ExportError(MSG.frames_too_large(w=w, h=h, max=MAX_SIDE))
        self.fps = float(fps)
        self.size = (w, h)  # (width, height) of every frame written
        self.frames = 0
        self.done = False
        self._tmp: Optional[Path] = None
        self._open_tmp()

    # -- temporary file ---------------------------------------------------------------
    def _open_tmp(self) -> None:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=f".tmp.{self.fmt}", dir=self.path.parent)
            os.close(fd)
        except (OSError, ValueError) as exc:
            raise ExportError(_message(self.path, exc)) from None
        self._tmp = Path(tmp)

    def _commit(self) -> None:
        """fsync the finished temporary file and rename it over the target."""
        assert self._tmp is not None
        try:
            with open(self._tmp, "rb+") as fh:
                os.fsync(fh.fileno())
            os.chmod(self._tmp, _umask_mode())
            os.replace(self._tmp, self.path)
        except OSError as exc:
            self._discard()
            raise ExportError(_message(self.path, exc)) from None
        self._tmp = None

    def _discard(self) -> None:
        if self._tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(self._tmp)
            self._tmp = None

    # -- frames -------------------------------------------------------------------------
    def _check(self, frame: np.ndarray) -> np.ndarray:
        if self.done:
            raise ExportError(MSG.already_finished(name=self.path.name))
        frame = np.asarray(frame)
        if frame.dtype != np.uint8 or frame.ndim != 3 or frame.shape[2] != 3:
            raise ExportError(MSG.bad_frame(shape=str(frame.shape), dtype=str(frame.dtype)))
        w, h = self.size
        if frame.shape[:2] != (h, w):
            frame = _fit(frame, w, h)
        return np.ascontiguousarray(frame)

    def add(self, frame: np.ndarray) -> None:
        """Append one (height, width, 3) uint8 RGB frame (resized/padded to `size` if it differs)."""
        frame = self._check(frame)
        try:
            self._add(frame)
        except ExportError:
            self.abort()
            raise
        except (OSError, RuntimeError, ValueError, BrokenPipeError) as exc:
            self.abort()
            raise ExportError(_message(self.path, exc)) from None
        self.frames += 1

    def finish(self, progress: Optional[Progress] = None) -> Path:
        """Write the file (atomically) and return its path; ExportError if that fails."""
        if self.done:
            raise ExportError(MSG.already_finished(name=self.path.name))
        if self.frames == 0:
            self.abort()
            raise ExportError(MSG.no_frames(name=self.path.name))
        try:
            self._finish(progress)
        except ExportError:
            self.abort()
            raise
        except (OSError, RuntimeError, ValueError, MemoryError) as exc:
            self.abort()
            raise ExportError(_message(self.path, exc)) from None
        self._commit()
        self.done = True
        return self.path

    def abort(self) -> None:
        """Throw the recording away: no file appears, an existing one is untouched."""
        self.done = True
        with contextlib.suppress(Exception):
            self._close_quietly()
        self._discard()

    # -- to implement -------------------------------------------------------------------
    def _add(self, frame: np.ndarray) -> None:
        raise NotImplementedError

    def _finish(self, progress: Optional[Progress]) -> None:
        raise NotImplementedError

    def _close_quietly(self) -> None:
        pass


def _fit(frame: np.ndarray, w: int, h: int) -> np.ndarray:
    """Letterbox a frame of another size into (h, w): scaled to fit, centred, white bars."""
    from PIL import Image

    fh, fw = frame.shape[:2]
    s = min(w / fw, h / fh)
    nw, nh = max(1, round(fw * s)), max(1, round(fh * s))
    img = Image.fromarray(frame).resize((nw, nh), Image.Resampling.LANCZOS)
    canvas = Image.new("RGB", (w, h), (255, 255, 255))
    canvas.paste(img, ((w - nw) // 2, (h - nh) // 2))
    return np.asarray(canvas)


class GifWriter(AnimationWriter):
    """Animated GIF with Pillow. Each frame is reduced to its own 256-colour palette as it
    arrives (fast octree, no dithering: flat plot colours stay clean and compress well), so a
    recording holds one byte per pixel in memory; `finish` writes them all, looping forever."""

    fmt = "gif"

    def __init__(self, path: str | Path, fps: float, size: tuple[int, int], loop: bool = True):
        super().__init__(path, fps, size)
        self.loop = loop
        self._images: list[Any] = []
        self.capacity = max(2, GIF_MEMORY_BUDGET // (self.size[0] * self.size[1]))

    def _add(self, frame: np.ndarray) -> None:
        from PIL import Image

        if self.capacity is not None and len(self._images) >= self.capacity:
            raise ExportError(MSG.gif_full(name=self.path.name, w=self.size[0], h=self.size[1], frames=self.capacity))

        img = Image.fromarray(frame, "RGB").quantize(
            colors=256, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE
        )
        self._images.append(img)

    def _finish(self, progress: Optional[Progress]) -> None:
        images = self._images
        total = len(images)
        duration = max(20, int(round(1000 / self.fps / 10)) * 10)  # GIF counts in 1/100 s

        def frames():
            for i, img in enumerate(images[1:], start=2):
                if progress is not None:
                    progress(i, total)
                yield img

        assert self._tmp is not None
        with open(self._tmp, "wb") as fh:
            if progress is not None:
                progress(1, total)
            save_args: dict[str, Any] = {
                "format": "GIF",
                "save_all": True,
                "append_images": frames(),
                "duration": duration,
                "optimize": False,
                "disposal": 1,
            }
            if self.loop:
                save_args["loop"] = 0
            images[0].save(fh, **save_args)
            fh.flush()
        self._images = []

    def _close_quietly(self) -> None:
        self._images = []


class Mp4Writer(AnimationWriter):
    """H.264 MP4 through imageio's ffmpeg plugin. Frames stream into ffmpeg as they arrive
    (nothing piles up in memory); `finish` lets ffmpeg write the index, then renames."""

    fmt = "mp4"

    def __init__(self, path: str | Path, fps: float, size: tuple[int, int], quality: float = 8.0):
        super().__init__(path, fps, size)
        try:
            import imageio.v2 as imageio

            self._writer = imageio.get_writer(
                str(self._tmp),
                format="FFMPEG",
                mode="I",
                fps=self.fps,
                codec="libx264",
                quality=quality,
                pixelformat="yuv420p",
                macro_block_size=2,
                ffmpeg_log_level="error",
                # one encoder thread at x264's "veryfast": a recording must leave the cores to training
                output_params=["-movflags", "+faststart", "-preset", "veryfast", "-threads", "1"],
            )
        except ImportError as exc:
            self._discard()
            raise ExportError(MSG.mp4_needs_imageio(detail=str(exc))) from None
        except (OSError, RuntimeError, ValueError) as exc:
            self._discard()
            raise ExportError(MSG.mp4_cannot_start(name=self.path.name, detail=str(exc))) from None

    def _add(self, frame: np.ndarray) -> None:
        self._writer.append_data(frame)

    def _finish(self, progress: Optional[Progress]) -> None:
        writer, self._writer = self._writer, None
        if progress is not None:
            progress(self.frames, self.frames)
        writer.close()

    def _close_quietly(self) -> None:
        writer, self._writer = getattr(self, "_writer", None), None
        if writer is not None:
            writer.close()


def open_animation_writer(path: str | Path, fps: float, size: tuple[int, int]) -> AnimationWriter:
    """A GifWriter or Mp4Writer, by the suffix of `path`."""
    fmt = animation_format(path)
    return GifWriter(path, fps, size) if fmt == "gif" else Mp4Writer(path, fps, size)


def count_frames(path: str | Path) -> int:
    """Frames in a GIF (Pillow) or an MP4 (ffmpeg decodes and counts them)."""
    fmt = animation_format(path)
    if fmt == "gif":
        from PIL import Image

        with Image.open(path) as img:
            return int(getattr(img, "n_frames", 1))
    import imageio_ffmpeg

    return int(imageio_ffmpeg.count_frames_and_secs(str(path))[0])
