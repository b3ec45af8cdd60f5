"""The GUI's own small settings store: window layout, last experiment, language, recent files.

A JSON file in the user's config folder (platformdirs), or in $EXPLORER_CONFIG_DIR
when set (tests point it at a temporary folder so they never touch a real profile).
It is written atomically: a crash while saving never leaves a half-written file.
What could not be read is never overwritten: a corrupt file (garbage, empty, not a
table) is kept under a timestamped name and the window says so once; a file that
cannot be read at all (permissions) is left alone and nothing is saved over it. A
second app instance on the same folder (detected by a lock) saves nothing, so the
first one's state is not overwritten by whichever closes last; a folder that cannot
be written is said once too (see MainWindow.show_settings_notes).
"""

from __future__ import annotations

import base64
import contextlib
import datetime
import json
import os
import tempfile
from pathlib import Path
from typing import Any, Optional

from explorer.core.protocol import ExportError
from explorer.core.util import atomic_write_text

APP_DIR_NAME = "regularization-explorer"
FILE_NAME = "settings.json"
INSTANCE_LOCK = "instance.lock"
MAX_RECENT_FILES = 8


def config_dir() -> Path:
    override = os.environ.get("EXPLORER_CONFIG_DIR")
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_config_dir(APP_DIR_NAME, appauthor=False))


class Settings:
    """Key/value settings with typed helpers for the few things the window keeps."""

    def __init__(self, path: str | Path | None = None) -> None:
        self.path = Path(path) if path is not None else config_dir() / FILE_NAME
        self._data: dict[str, Any] = {}
        self.kept_bad_file: Optional[Path] = None  # a corrupt settings file, kept under this name
        self.unreadable: Optional[str] = None  # why the file could not be read; it is never overwritten
        self.save_error: Optional[str] = None  # why the last save failed (None after a good one)
        self.shared = False  # another instance holds this folder: nothing is saved
        self._instance_fd: Optional[int] = None
        self.load()

    # -- generic ---------------------------------------------------------------
    def load(self) -> None:
        self.unreadable = None
        try:
            raw = self.path.read_bytes()
        except (FileNotFoundError, NotADirectoryError):  # no file there (yet)
            self._data = {}
            return
        except OSError as exc:
            self.unreadable = exc.strerror or str(exc)
            self._data = {}
            return
        try:
            data = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, ValueError, RecursionError):
            data = None
        if not isinstance(data, dict):
            try:
                self.kept_bad_file = keep_bad_file(self.path)
            except OSError as exc:
                self.unreadable = exc.strerror or str(exc)
            data = {}
        self._data = data

    def save(self) -> bool:
        """Write the file; False (and nothing partial on disk) when that fails or must not happen."""
        if self.shared or self.unreadable is not None:
            return False
        try:
            atomic_write_text(self.path, json.dumps(self._data, indent=2, ensure_ascii=False) + "\n")
        except ExportError as exc:
            self.save_error = str(exc)
            return False
        self.save_error = None
        return True

    def writable_problem(self) -> Optional[str]:
        """Why nothing can be saved in the settings folder (None when a file can be created there)."""
        folder = self.path.parent
        try:
            folder.mkdir(parents=True, exist_ok=True)
            fd, probe = tempfile.mkstemp(prefix=".probe-", dir=folder)
            os.close(fd)
            os.unlink(probe)
        except OSError as exc:
            return exc.strerror or str(exc)
        return None

    def claim_instance(self) -> bool:
        """Hold this settings folder for this process; False (and `shared`) when another instance holds it."""
        import fcntl

        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(self.path.parent / INSTANCE_LOCK, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError:
            return True  # a folder that cannot be written: said by writable_problem
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)
            self.shared = True
            return False
        self._instance_fd = fd  # released when the process ends (or release_instance)
        return True

    def release_instance(self) -> None:
        if self._instance_fd is not None:
            with contextlib.suppress(OSError):
                os.close(self._instance_fd)
            self._instance_fd = None

    def get(self, key: str, default: Any = None) -> Any:
        return self._data.get(key, default)

    def set(self, key: str, value: Any) -> None:
        if value is None:
            self._data.pop(key, None)
        else:
            self._data[key] = value

    # -- bytes (QByteArray from saveGeometry/saveState) ---------------------------
    def get_bytes(self, key: str) -> bytes | None:
        text = self._data.get(key)
        if not isinstance(text, str):
            return None
        try:
            return base64.b64decode(text.encode("ascii"), validate=True)
        except (ValueError, UnicodeEncodeError):
            return None

    def set_bytes(self, key: str, value: bytes | bytearray | Any) -> None:
        self._data[key] = base64.b64encode(bytes(value)).decode("ascii")

    # -- typed helpers -----------------------------------------------------------
    @property
    def language(self) -> str | None:
        lang = self._data.get("language")
        return lang if isinstance(lang, str) and lang else None

    @language.setter
    def language(self, lang: str | None) -> None:
        self.set("language", lang or None)

    @property
    def last_experiment_json(self) -> str | None:
        text = self._data.get("last_experiment")
        return text if isinstance(text, str) and text else None

    @last_experiment_json.setter
    def last_experiment_json(self, text: str | None) -> None:
        self.set("last_experiment", text or None)

    @property
    def recent_files(self) -> list[str]:
        files = self._data.get("recent_files")
        if not isinstance(files, list):
            return []
        return [f for f in files if isinstance(f, str)][:MAX_RECENT_FILES]

    def add_recent_file(self, path: str | Path) -> None:
        path = str(Path(path).resolve())
        files = [f for f in self.recent_files if f != path]
        self._data["recent_files"] = [path, *files][:MAX_RECENT_FILES]

    def clear_recent_files(self) -> None:
        self._data.pop("recent_files", None)


def keep_bad_file(path: Path, text: Optional[str] = None) -> Path:
    """Keep what could not be read under `<name>.bad-<timestamp>`: renamed, or (`text`) written there."""
    stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.bad-{stamp}")
    n = 1
    while target.exists():
        n += 1
        target = path.with_name(f"{path.name}.bad-{stamp}-{n}")
    if text is None:
        os.rename(path, target)
    else:
        try:
            atomic_write_text(target, text)
        except ExportError as exc:
            raise OSError(str(exc)) from None
    return target
