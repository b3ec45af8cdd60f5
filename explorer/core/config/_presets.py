"""Built-in presets: experiment files in resources/presets, one per classic experiment."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from explorer.core.config._schema import Experiment, load_experiment
from explorer.core.protocol import ConfigError, define_messages
from explorer.core.util import resources_dir

MSG = define_messages(
    "presets",
    {
        "unknown": "unknown preset {preset}; the presets are: {names}",
        "none_found": "no built-in presets in {folder}: the installation is incomplete (reinstall the explorer)",
    },
)

DEFAULT_PRESET = "dropout-regression"


@dataclass(frozen=True)
class PresetInfo:
    name: str
    title: str
    description: str
    lesson: str
    path: Path


def presets_dir() -> Path:
    return resources_dir() / "presets"


def _order(path: Path) -> tuple[int, str]:
    # The default first, then alphabetical: a gallery opens on the headline lesson.
    return (0 if path.stem == DEFAULT_PRESET else 1, path.stem)


def list_presets() -> list[PresetInfo]:
    """Every built-in preset, the default first. None found means a broken installation (a wheel built
    without its resources): an error, never a silent empty list."""
    paths = sorted(presets_dir().glob("*.toml"), key=_order)
    if not paths:
        raise ConfigError([MSG.none_found(folder=str(presets_dir()))])
    out = []
    for path in paths:
        exp = load_experiment(path)
        out.append(PresetInfo(path.stem, exp.meta.title or path.stem, exp.meta.description, exp.meta.lesson, path))
    return out


def preset_path(name: str) -> Path:
    path = presets_dir() / f"{name}.toml"
    if not path.is_file():
        names = ", ".join(p.stem for p in sorted(presets_dir().glob("*.toml"), key=_order))
        raise ConfigError([MSG.unknown(preset=repr(name), names=names)])
    return path


def load_preset(name: str) -> Experiment:
    return load_experiment(preset_path(name))
