"""Where the shipped resources (presets, datasets, translations, icons) live.

In the source tree they are the top-level resources/ folder; a built wheel carries the same files as the
package `explorer._resources` (setup.py maps the folder), found through importlib.resources.
"""

from __future__ import annotations

import os
import sys
from importlib import resources
from pathlib import Path

_SOURCE_TREE = Path(__file__).resolve().parents[3]


def resources_dir() -> Path:
    """The resources folder: EXPLORER_RESOURCES when set, inside the bundle of a PyInstaller build, the
    source tree's resources/ (a checkout or an editable install), else the installed package's copy."""
    env = os.environ.get("EXPLORER_RESOURCES")
    if env:
        return Path(env)
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    if (_SOURCE_TREE / "pyproject.toml").is_file() and (_SOURCE_TREE / "resources" / "presets").is_dir():
        return _SOURCE_TREE / "resources"
    return Path(str(resources.files("explorer").joinpath("_resources")))
