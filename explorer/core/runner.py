"""Headless runs: train an experiment to the end and write its results to a folder.

    DIR/experiment.json   the resolved experiment
    DIR/metrics.json      per-evaluation history and a summary (per variant)
    DIR/checkpoint.pt     the final state (see checkpoint.py)
    DIR/best.pt           the best weights, when early stopping restored them
"""
from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional

from explorer.core.atomic import atomic_write_text
from explorer.core.config import Experiment
from explorer.core.errors import TrainingError
from explorer.core.report import variant_history


@dataclass
class RunResult:
    out: Path
    metrics: dict[str, Any]
    files: list[Path] = field(default_factory=list)

    def describe(self) -> str:
        lines = [f"wrote {', '.join(p.name for p in self.files)} to {self.out}"]
        summary = self.metrics["summary"]
        for name, s in summary.get("variants", {}).items():
            parts = [f"{k.replace('final_', '')} {s[k]:.4g}" for k in
                     ("final_train_loss", "final_val_loss", "final_test_loss", "final_test_accuracy")
                     if s.get(k) is not None]
            stop = f", stopped at epoch {s['stop_epoch']}" if s.get("stop_epoch") is not None else ""
            lines.append(f"  {name}: {', '.join(parts)}; best epoch {s.get('best_epoch')}{stop}")
        for name, s in summary.get("kinds", {}).items():
            lines.append(f"  {name}: train mean {s['train_mean']:.1f} (std {s['train_std']:.1f}), "
                         f"eval {s['eval_output']:.1f}")
        if "steps_per_second" in summary:
            lines.append(f"  {summary['steps']} steps in {summary['wall_seconds']} s "
                         f"({summary['steps_per_second']} steps/s on {summary['device']})")
        return "\n".join(lines)


def _progress(total: int, enabled: bool):  # type: ignore[no-untyped-def]
    if not enabled:
        return None
    from tqdm import tqdm
    return tqdm(total=total, unit="epoch", file=sys.stderr, dynamic_ncols=True, leave=False)


def run_headless(experiment: Experiment, out: Path, *, resume: Optional[str] = None,
                 progress: bool = True) -> RunResult:
    from explorer.core.checkpoint import load_checkpoint, restore_trainer, save_checkpoint
    from explorer.core.demos import build_runner

    out = Path(out)
    if resume:
        runner = restore_trainer(load_checkpoint(resume), experiment=experiment)
    else:
        runner = build_runner(experiment)
    note = getattr(runner, "device_note", "")
    if note:
        print(f"note: {note}", file=sys.stderr)
    bar = _progress(runner.total_epochs, progress)
    shown = runner.epoch
    if bar is not None:
        bar.update(shown)
    try:
        while not runner.finished:
            runner.step()
            if bar is not None and runner.epoch != shown:
                bar.update(runner.epoch - shown)
                shown = runner.epoch
        if hasattr(runner, "check_divergence"):
            runner.check_divergence()
    except TrainingError:
        raise
    finally:
        if bar is not None:
            bar.close()
    files = [out / "experiment.json", out / "metrics.json"]
    atomic_write_text(files[0], runner.experiment.to_json())
    summary = runner.summary()
    metrics: dict[str, Any] = {"summary": summary}
    if hasattr(runner, "variants"):
        metrics["history"] = {run.name: variant_history(run) for run in runner.variants}
        files.append(save_checkpoint(runner, out / "checkpoint.pt"))
        if any(run.restored for run in runner.variants):
            files.append(save_checkpoint(runner, out / "best.pt", best=True))
    else:
        metrics["scaling"] = {k: v["train_outputs"].tolist() for k, v in runner.scaling().items()}
    atomic_write_text(files[1], json.dumps(metrics, indent=1, allow_nan=False) + "\n")
    return RunResult(out, metrics, files)
