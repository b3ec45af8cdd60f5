"""Where the shipped resources (presets, datasets, translations, icons) live."""
from __future__ import annotations

import os
import sys
from pathlib import Path


def resources_dir() -> Path:
    """The resources/ folder: beside the package in a source tree or editable install,
    inside the bundle for a PyInstaller build, or EXPLORER_RESOURCES when set."""
    env = os.environ.get("EXPLORER_RESOURCES")
    if env:
        return Path(env)
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parents[2] / "resources"
