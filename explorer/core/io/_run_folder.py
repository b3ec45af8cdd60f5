"""A headless run's output folder: checked before training, locked while in use, filled as one set.

Why: `run --out` into a folder that cannot be written trained for 42 s and then
failed; a full disk left a new experiment.json beside an old metrics.json; two runs
into one folder left the experiment of one and the metrics and checkpoint of the
other, both exiting 0. Here the folder is created and locked before the first step
(a second run into it is refused at once), every result file is written into a
staging folder inside it, and only when all are written are they moved into place
(renames in one folder: no space needed, nothing half-written) and the stale files
of an earlier run that this one does not write (best.pt) removed. A failure while
writing leaves the earlier run's files untouched.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any, Iterable, Optional

from explorer.core.protocol import ExportError, define_messages

MSG = define_messages(
    "run_folder",
    {
        "empty": "the output folder name is empty (it would mean the current folder); name a folder",
        "not_folder": "{out} exists and is not a folder",
        "unwritable": "cannot write into {out} ({reason}); nothing was trained",
        "in_use": "{out} is in use by another run; choose another output folder or let that run end",
    },
)

STAGING_PREFIX = ".staging-"
RESULT_NAMES = ("experiment.json", "metrics.json", "metrics.csv", "checkpoint.pt", "best.pt")


class RunFolder:
    """Use as a context manager around training and writing (see the module docstring)."""

    def __init__(self, out: str | Path):
        if not str(out).strip():
            raise ExportError(MSG.empty())
        self.out = Path(out)
        self.staging: Optional[Path] = None
        self._lock_fd: Optional[int] = None
        self._created = False  # made by this run: removed again when the run ends with nothing in it
        self._committed = False

    def __enter__(self) -> RunFolder:
        self.open()
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def open(self) -> None:
        """Create the folder, take its lock and a staging folder: every check before training."""
        import fcntl

        if self.out.exists() and not self.out.is_dir():
            raise ExportError(MSG.not_folder(out=str(self.out)))
        self._created = not self.out.exists()
        try:
            self.out.mkdir(parents=True, exist_ok=True)
            fd = os.open(self.out, os.O_RDONLY | os.O_DIRECTORY)
        except OSError as exc:
            raise ExportError(MSG.unwritable(out=str(self.out), reason=exc.strerror or str(exc))) from None
        try:  # the folder itself is locked: no lock file is left among the results
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)
            raise ExportError(MSG.in_use(out=str(self.out))) from None
        self._lock_fd = fd
        self._clear_stale_staging()
        try:
            self.staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=self.out))
        except OSError as exc:
            self.close()
            raise ExportError(MSG.unwritable(out=str(self.out), reason=exc.strerror or str(exc))) from None

    def _clear_stale_staging(self) -> None:
        """Staging folders of runs that died before committing (we hold the lock: none is live)."""
        with contextlib.suppress(OSError):
            for entry in self.out.iterdir():
                if entry.name.startswith(STAGING_PREFIX) and entry.is_dir():
                    shutil.rmtree(entry, ignore_errors=True)

    def commit(self, written: Iterable[Path]) -> list[Path]:
        """Move the staged files into the folder; old result files this run did not write go."""
        assert self.staging is not None
        names = [Path(p).name for p in written]
        for name in names:
            os.replace(self.staging / name, self.out / name)
        for name in RESULT_NAMES:
            if name not in names:
                with contextlib.suppress(FileNotFoundError):
                    (self.out / name).unlink()
        with contextlib.suppress(OSError):
            dir_fd = os.open(self.out, os.O_RDONLY)
            try:
                os.fsync(dir_fd)
            finally:
                os.close(dir_fd)
        self._committed = True
        return [self.out / name for name in names]

    def close(self) -> None:
        if self.staging is not None:
            shutil.rmtree(self.staging, ignore_errors=True)
            self.staging = None
        if self._lock_fd is not None:
            if self._created and not self._committed:
                with contextlib.suppress(OSError):  # only when empty: a run that failed leaves no trace
                    self.out.rmdir()
            os.close(self._lock_fd)
            self._lock_fd = None
