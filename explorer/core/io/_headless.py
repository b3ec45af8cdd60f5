"""Headless runs: train an experiment to the end and write its results to a folder.

    DIR/experiment.json   the resolved experiment
    DIR/metrics.json      per-evaluation history and a summary (per variant)
    DIR/metrics.csv       the same history as a table: one row per evaluation,
                          one column group per variant (see _metrics.py)
    DIR/checkpoint.pt     the final state (see _checkpoint.py)
    DIR/best.pt           the best weights, when early stopping restored them

The folder is created and locked before training (a second run into it is refused),
the files are written into a staging folder inside it and moved into place together
only when all are written (see _run_folder.py). Ctrl+C ends training between two
steps; the files then hold what was trained, with "interrupted": true in the summary.

With `tensorboard=LOGDIR`, TensorBoard event files are written as training goes,
one run folder per variant (see _tensorboard.py; needs the tensorboard extra).
"""

from __future__ import annotations

import json
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Optional

from explorer.core.config import Experiment
from explorer.core.io._run_folder import RunFolder
from explorer.core.protocol import ExplorerError
from explorer.core.training import variant_history
from explorer.core.util import atomic_write_text


@dataclass
class RunResult:
    out: Path
    metrics: dict[str, Any]
    files: list[Path] = field(default_factory=list)
    tensorboard: Optional[Path] = None  # the TensorBoard log folder, when one was written
    interrupted: bool = False  # Ctrl+C ended training early; the files hold what was trained

    def describe(self) -> str:
        lines = [f"wrote {', '.join(p.name for p in self.files)} to {self.out}"]
        if self.interrupted:
            s = self.metrics["summary"]
            lines[0] += f" (interrupted at epoch {s.get('epochs', '?')}: the files hold what was trained)"
        summary = self.metrics["summary"]
        for name, s in summary.get("variants", {}).items():
            parts = [
                f"{k.replace('final_', '')} {s[k]:.4g}"
                for k in ("final_train_loss", "final_val_loss", "final_test_loss", "final_test_accuracy")
                if s.get(k) is not None
            ]
            stop = f", stopped at epoch {s['stop_epoch']}" if s.get("stop_epoch") is not None else ""
            lines.append(f"  {name}: {', '.join(parts)}; best epoch {s.get('best_epoch')}{stop}")
        for name, r in summary.get("replicates", {}).items():  # mean +- SD over the seeds
            parts = [
                f"{k.replace('final_', '')} {r['mean'][k]:.4g} \u00b1 {r['sd'][k]:.2g}"
                for k in ("final_train_loss", "final_test_loss", "final_test_accuracy")
                if r["mean"].get(k) is not None and r["sd"].get(k) is not None
            ]
            lines.append(f"  {name}, mean \u00b1 SD over seeds {r['seeds']}: {', '.join(parts)}")
        for name, s in summary.get("kinds", {}).items():
            lines.append(
                f"  {name}: train mean {s['train_mean']:.1f} (std {s['train_std']:.1f}), eval {s['eval_output']:.1f}"
            )
        if "steps_per_second" in summary:
            lines.append(
                f"  {summary['steps']} steps in {summary['wall_seconds']} s "
                f"({summary['steps_per_second']} steps/s on {summary['device']})"
            )
        if self.tensorboard is not None:
            lines.append(f"TensorBoard logs in {self.tensorboard} (view: tensorboard --logdir {self.tensorboard})")
        return "\n".join(lines)


LOG_PROGRESS_SECONDS = 5.0  # a log file or a pipe gets one progress line this often, at most


class LineProgress:
    """Progress for a log file or a pipe: one plain line every `interval` seconds (and none for a
    run shorter than that). tqdm's bar redraws with carriage returns, which in a file become a
    line per update: a 3000-epoch run wrote about 750 of them into a log."""

    def __init__(self, total: int, stream: Any, interval: float = LOG_PROGRESS_SECONDS,
                 clock: Callable[[], float] = time.monotonic) -> None:  # fmt: skip
        self.total, self.stream, self.interval, self.clock = total, stream, interval, clock
        self.n = 0
        self.started = clock()
        self.last = self.started

    def update(self, n: int) -> None:
        self.n += n
        now = self.clock()
        if now - self.last >= self.interval:
            self.last = now
            pct = f" ({100 * self.n / self.total:.0f} %)" if self.total else ""
            print(f"epoch {self.n} / {self.total}{pct}, {now - self.started:.0f} s", file=self.stream, flush=True)

    def close(self) -> None:
        pass


def _progress(total: int, enabled: bool, stream: Any = None):  # type: ignore[no-untyped-def]
    if not enabled:
        return None
    stream = sys.stderr if stream is None else stream
    isatty = getattr(stream, "isatty", None)
    if not (callable(isatty) and isatty()):
        return LineProgress(total, stream)
    from tqdm import tqdm

    return tqdm(total=total, unit="epoch", file=stream, dynamic_ncols=True, leave=False)


def _open_tensorboard(runner, logdir: Optional[Path], histogram_every: int):  # type: ignore[no-untyped-def]
    """A TensorBoardLogger that has logged the current rows, or None (no logdir, or a demo)."""
    if logdir is None:
        return None
    if not hasattr(runner, "variants"):
        print("note: this demonstration has no training history; no TensorBoard logs written", file=sys.stderr)
        return None
    from explorer.core.io._tensorboard import TensorBoardLogger

    tb = TensorBoardLogger(logdir, histogram_every=histogram_every)
    try:
        tb.log_trainer(runner)  # the evaluation before the first step (or the resumed state)
    except BaseException:
        tb.close()
        raise
    return tb


def _close_quietly(tb) -> None:  # type: ignore[no-untyped-def]
    """Close the event files; a failure there must not cost the run's results."""
    try:
        tb.close()
    except Exception as exc:
        print(f"warning: could not finish the TensorBoard logs ({exc})", file=sys.stderr)


def run_headless(
    experiment: Experiment,
    out: Path,
    *,
    resume: Optional[str] = None,
    progress: bool = True,
    tensorboard: Optional[Path] = None,
    tensorboard_histogram_every: int = 10,
    observer: Optional[Callable[[Any], None]] = None,
) -> RunResult:
    """Train to the end, then write the files listed in the module docstring.

    `tensorboard`: a folder for TensorBoard event files, logged after every step that
    added a history row (histograms every `tensorboard_histogram_every` evaluations).
    A TensorBoard write that fails mid-run is reported once and does not stop training.
    `observer(runner)` is called before the first step, after every step and once at the
    end (explorer.gui.headless renders animation frames and figures from it); it must be
    cheap when it has nothing to do, and must not raise for a failure of its own.
    """
    from explorer.core.io._checkpoint import load_checkpoint, restore_trainer
    from explorer.core.training import build_runner

    with RunFolder(out) as folder, _StopOnInterrupt() as interrupt:  # checked and locked before training
        if resume:
            runner = restore_trainer(load_checkpoint(resume), experiment=experiment)
        else:
            runner = build_runner(experiment)
        note = getattr(runner, "device_note", "")
        if note:
            print(f"note: {note}", file=sys.stderr)
        tb = _open_tensorboard(runner, None if tensorboard is None else Path(tensorboard), tensorboard_histogram_every)
        bar = _progress(runner.total_epochs, progress)
        shown = runner.epoch
        if bar is not None:
            bar.update(shown)
        try:
            if observer is not None:
                observer(runner)
            while not runner.finished and not interrupt.requested:
                sizes = [run.history.size for run in runner.variants] if tb is not None else None
                runner.step()
                if observer is not None:
                    observer(runner)
                if tb is not None and sizes is not None:
                    # A new row changes the size (a full history halves, then appends).
                    try:
                        for run, size in zip(runner.variants, sizes):
                            if run.history.size != size:
                                tb.log_variant(run)
                    except (ExplorerError, OSError) as exc:
                        print(f"warning: TensorBoard logging stopped ({exc}); training goes on", file=sys.stderr)
                        _close_quietly(tb)
                        tb = None
                if bar is not None and runner.epoch != shown:
                    bar.update(runner.epoch - shown)
                    shown = runner.epoch
            if hasattr(runner, "check_divergence"):
                runner.check_divergence()
            if observer is not None and not interrupt.requested:
                observer(runner)
        finally:
            if bar is not None:
                bar.close()
            if tb is not None:
                _close_quietly(tb)
        interrupted = interrupt.requested
        files, metrics = _write_results(runner, folder.staging, interrupted)
        files = folder.commit(files)  # all or nothing: an earlier run's set stays whole until here
    logdir = Path(tensorboard) if tensorboard is not None and hasattr(runner, "variants") else None
    return RunResult(Path(out), metrics, files, tensorboard=logdir, interrupted=interrupted)


def _write_results(runner: Any, stage: Any, interrupted: bool) -> tuple[list[Path], dict[str, Any]]:
    """The run's files, written into the staging folder (see _run_folder.py)."""
    from explorer.core.io._checkpoint import save_checkpoint
    from explorer.core.io._metrics import write_metrics_csv

    files = [stage / "experiment.json", stage / "metrics.json"]
    atomic_write_text(files[0], runner.experiment.to_json())
    summary = runner.summary()
    summary["interrupted"] = interrupted
    metrics: dict[str, Any] = {"summary": summary}
    if hasattr(runner, "variants"):
        metrics["history"] = {run.name: variant_history(run) for run in runner.variants}
        files.append(write_metrics_csv(runner, stage / "metrics.csv"))
        files.append(save_checkpoint(runner, stage / "checkpoint.pt"))
        if any(run.restored for run in runner.variants):
            files.append(save_checkpoint(runner, stage / "best.pt", best=True))
    else:
        metrics["scaling"] = {k: v["train_outputs"].tolist() for k, v in runner.scaling().items()}
    atomic_write_text(files[1], json.dumps(metrics, indent=1, allow_nan=False) + "\n")
    return files, metrics


class _StopOnInterrupt:
    """Ctrl+C ends training between two steps, so what was trained is written (marked interrupted);
    a second Ctrl+C stops at once. Only in the main thread (signals are delivered there)."""

    def __init__(self) -> None:
        self.requested = False
        self._previous: Any = None

    def __enter__(self) -> _StopOnInterrupt:
        import signal
        import threading

        if threading.current_thread() is threading.main_thread():
            self._previous = signal.signal(signal.SIGINT, self._on_interrupt)
        return self

    def _on_interrupt(self, signum: int, frame: Any) -> None:
        if self.requested:
            raise KeyboardInterrupt
        self.requested = True
        print("\ninterrupted: writing what was trained (Ctrl+C again to stop at once)", file=sys.stderr)

    def __exit__(self, *exc: Any) -> None:
        if self._previous is not None:
            import signal

            signal.signal(signal.SIGINT, self._previous)
