"""Checkpoint files a course forum might hand a student: shared by the app and command-line tests.

Each builder writes real files: a truncated checkpoint, other formats (a JSON
file, a plain pickle, a zip that is not ours, another program's torch file),
a newer format version, and pickles whose payload would create a file when
unpickled without weights_only (the marker file must never appear).
"""

from __future__ import annotations

import os
import pathlib
import pickle
import zipfile
from pathlib import Path

import torch


class TouchOnLoad:
    """Unpickled without weights_only, this creates `marker`."""

    def __init__(self, marker: pathlib.Path):
        self.marker = marker

    def __reduce__(self):  # type: ignore[no-untyped-def]
        return (pathlib.Path.touch, (self.marker,))


class SystemOnLoad:
    """Unpickled without weights_only, this runs a shell command that creates `marker`."""

    def __init__(self, marker: pathlib.Path):
        self.marker = marker

    def __reduce__(self):  # type: ignore[no-untyped-def]
        return (os.system, (f"touch '{self.marker}'",))


def small_trainer(epochs: int = 50):  # type: ignore[no-untyped-def]
    from explorer.core.config import Experiment
    from explorer.core.training import Trainer

    exp = Experiment().with_values(
        {
            "dataset.kind": "linear",
            "dataset.n_train": 10,
            "dataset.n_val": 10,
            "dataset.n_test": 10,
            "network.layers": [{"width": 8, "dropout_p": 0.2}, {"width": 8}],
            "optimizer.lr": 0.01,
            "optimizer.momentum": 0.9,
            "training.batch_size": 4,
            "training.epochs": epochs,
            "training.device": "cpu",
        }
    )
    trainer = Trainer(exp)
    for _ in range(3):
        trainer.step()
    return trainer


def bad_checkpoints(folder: Path) -> dict[str, tuple[Path, str]]:
    """name -> (file, words the refusal must contain); markers are folder/'pwned-*'."""
    from explorer.core.io._checkpoint import FORMAT, FORMAT_VERSION, checkpoint_payload, save_checkpoint

    folder.mkdir(parents=True, exist_ok=True)
    trainer = small_trainer()
    good_path = save_checkpoint(trainer, folder / "good.pt")
    good = good_path.read_bytes()
    out: dict[str, tuple[Path, str]] = {}

    def add(name: str, blob: bytes, words: str) -> None:
        (folder / name).write_bytes(blob)
        out[name] = (folder / name, words)

    add("truncated.pt", good[: len(good) // 2], "")
    add("truncated-tail.pt", good[:-64], "")
    add("experiment.json.pt", trainer.experiment.to_json().encode(), "not an explorer checkpoint")
    add("pickle.pt", pickle.dumps({"format": FORMAT, "format_version": 1}), "not an explorer checkpoint")
    add("empty.pt", b"", "not an explorer checkpoint")
    with zipfile.ZipFile(folder / "results.zip.pt", "w") as zf:
        zf.writestr("results/metrics.json", "{}")
    out["results.zip.pt"] = (folder / "results.zip.pt", "corrupt or truncated")
    torch.save({"model": {"w": torch.ones(2)}, "epoch": 3}, folder / "other-program.pt")
    out["other-program.pt"] = (folder / "other-program.pt", "not a Regularization Explorer checkpoint")
    payload = checkpoint_payload(trainer)
    payload["format_version"] = FORMAT_VERSION + 1
    payload["explorer_version"] = "9.9.9"
    torch.save(payload, folder / "future.pt")
    out["future.pt"] = (folder / "future.pt", "newer")
    torch.save(
        {"format": FORMAT, "format_version": 1, "evil": TouchOnLoad(folder / "pwned-touch")}, folder / "evil-touch.pt"
    )
    out["evil-touch.pt"] = (folder / "evil-touch.pt", "could run code")
    payload = torch.load(good_path, weights_only=True)
    payload["variants"][0]["early_stopping"] = SystemOnLoad(folder / "pwned-system")
    torch.save(payload, folder / "evil-system.pt")
    out["evil-system.pt"] = (folder / "evil-system.pt", "could run code")
    good_path.unlink()
    return out


def markers(folder: Path) -> list[Path]:
    return sorted(folder.glob("pwned*"))
