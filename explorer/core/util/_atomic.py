"""Atomic file writes: a temporary file in the same folder, then a rename.

A reader never sees a half-written file, and a failure (unwritable folder,
full disk, a name the filesystem refuses) leaves any old file untouched.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path
from typing import BinaryIO, Callable, Iterator

from explorer.core.protocol import ExportError, define_messages

MSG = define_messages("atomic", {"cannot_write": "cannot write {path}: {reason}"})


def _target_mode(path: Path) -> int:
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


@contextlib.contextmanager
def atomic_open(path: str | Path) -> Iterator[BinaryIO]:
    """Yield a binary file; on clean exit it replaces `path`, on error it vanishes."""
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        os.fchmod(fd, _target_mode(path))  # mkstemp makes 0600; keep the file's or the umask's mode
    except OSError as exc:
        raise ExportError(MSG.cannot_write(path=str(path), reason=exc.strerror or str(exc))) from None
    try:
        with os.fdopen(fd, "wb") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            raise ExportError(MSG.cannot_write(path=str(path), reason=exc.strerror or str(exc))) from None
        raise


def atomic_write_bytes(path: str | Path, data: bytes) -> None:
    with atomic_open(path) as fh:
        fh.write(data)


def atomic_write_text(path: str | Path, text: str) -> None:
    atomic_write_bytes(path, text.encode("utf-8"))


def atomic_write_with(path: str | Path, writer: Callable[[BinaryIO], None]) -> None:
    """Let `writer` stream into the file (torch.save, Image.save) atomically."""
    with atomic_open(path) as fh:
        writer(fh)
