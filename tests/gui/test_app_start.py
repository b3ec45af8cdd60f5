"""The app starts, shows its window, trains and quits cleanly: in a subprocess.

A second QApplication inside the test process would abort, and a crash at exit
(a window still alive when the interpreter tears down) only shows up in a real
process exit code.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def run_app(tmp_path: Path, args: list[str], exit_after_ms: int, **env: str) -> tuple[int, str]:
    """Run `python -m explorer args` offscreen with its own config folder; it closes itself
    after `exit_after_ms`. Returns the exit code and the output (stdout, then stderr)."""
    if not (REPO / "explorer" / "cli.py").exists():
        pytest.skip("explorer/cli.py is not there yet")
    full_env = dict(os.environ)
    full_env.update(
        {
            "QT_QPA_PLATFORM": "offscreen",
            "EXPLORER_SMOKE_EXIT_AFTER_MS": str(exit_after_ms),
            "EXPLORER_CONFIG_DIR": str(tmp_path / "config"),
            **env,
        }
    )
    proc = subprocess.run(
        [sys.executable, "-m", "explorer", *args], cwd=REPO, env=full_env, capture_output=True, text=True, timeout=60
    )
    return proc.returncode, proc.stdout + proc.stderr


def test_app_starts_plays_and_exits_cleanly(tmp_path):
    returncode, output = run_app(tmp_path, ["--preset", "dropout-regression", "--play"], 3000, PYTHONFAULTHANDLER="1")
    assert returncode == 0, output
    assert "Traceback" not in output, output
    assert "Fatal Python error" not in output, output
    # the window closed through closeEvent: the layout and the experiment were saved
    assert (tmp_path / "config" / "settings.json").is_file(), output


def test_bad_preset_falls_back_to_the_default(tmp_path):
    returncode, output = run_app(tmp_path, ["--preset", "no-such-preset", "--thread-host", "--lang", "zh_CN"], 1500)
    assert returncode == 0, output
    assert "Traceback" not in output, output
    import json

    saved = json.loads((tmp_path / "config" / "settings.json").read_text())
    assert "Dropout tames" in saved["last_experiment"]
    assert "language" not in saved  # --lang is for this start only (the menu choice is kept)


@pytest.mark.parametrize("good", [True, False])
def test_a_checkpoint_given_on_the_command_line_is_opened(tmp_path, good):
    """`python -m explorer run.pt` opens the checkpoint's run (its experiment is the window's when it
    closes); a file that is no checkpoint is refused with a message and the default run stays."""
    import json

    from explorer.core.config import load_preset
    from explorer.core.io import save_checkpoint
    from explorer.core.training import Trainer

    path = tmp_path / "run.pt"
    if good:
        exp = load_preset("dropout-regression").with_values(
            {
                "meta.title": "Checkpointed lesson",
                "network.layers.0.width": 8,
                "network.layers.1.width": 8,
                "network.layers.2.width": 8,
                "training.epochs": 30,
            }
        )
        trainer = Trainer(exp)
        for _ in range(12):
            trainer.step()
        save_checkpoint(trainer, path)
    else:
        path.write_bytes(b"not a checkpoint at all")
    returncode, output = run_app(tmp_path, [str(path), "--thread-host"], 6000)
    assert returncode == 0, output
    assert "Traceback" not in output, output
    saved = json.loads((tmp_path / "config" / "settings.json").read_text())
    if good:
        assert "Checkpointed lesson" in saved["last_experiment"]
    else:
        assert "Dropout tames" in saved["last_experiment"]
