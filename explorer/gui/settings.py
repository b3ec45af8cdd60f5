"""The GUI's own small settings store: window layout, last experiment, language, recent files.

A JSON file in the user's config folder (platformdirs), or in $EXPLORER_CONFIG_DIR
when set (tests point it at a temporary folder so they never touch a real profile).
It is written atomically: a crash while saving never leaves a half-written file,
and a corrupt or unreadable file is ignored rather than stopping the app.
"""

from __future__ import annotations

import base64
import json
import os
from pathlib import Path
from typing import Any

from explorer.core.protocol import ExportError
from explorer.core.util import atomic_write_text

APP_DIR_NAME = "regularization-explorer"
FILE_NAME = "settings.json"
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
        self.load()

    # -- generic ---------------------------------------------------------------
    def load(self) -> None:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            data = {}
        self._data = data if isinstance(data, dict) else {}

    def save(self) -> bool:
        """Write the file; False (and nothing partial on disk) when that fails."""
        try:
            atomic_write_text(self.path, json.dumps(self._data, indent=2, ensure_ascii=False) + "\n")
        except ExportError:
            return False
        return True

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
