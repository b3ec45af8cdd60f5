"""TensorBoard event files for a training run: an optional extra.

    logdir/<variant>/events.out.tfevents...   one run folder per variant

Per evaluation (step = the epoch):
    loss/train, loss/val, loss/test
    accuracy/train, accuracy/val, accuracy/test      (classification)
    penalty                                          (L1 + L2 added to the loss)
    weight_norm/layer 1, ..., weight_norm/output     (||W|| per Linear)
    activation_var/layer 1, ...                      (per hidden layer)
and, at most every `histogram_every` evaluations (plus the last one of a variant):
    weights/layer 1, ..., weights/output             (histograms of W per Linear)
    gradients/layer 1, ...                           (once a backward pass has run)

Values that were not measured (NaN: no test split, accuracy of a regression, the
penalty before the first step) are left out rather than logged as NaN.

The Trainer does not know about TensorBoard: the caller (runner.run_headless)
calls `log_variant(run)` after each step that added a history row.
Needs `pip install 'regularization-explorer[tensorboard]'`.
"""

from __future__ import annotations

import math
import re
from pathlib import Path
from typing import Any, Optional

from explorer.core.io._metrics import variant_series
from explorer.core.protocol import ExplorerError, ExportError, define_messages

INSTALL_HINT = "install the tensorboard extra: pip install 'regularization-explorer[tensorboard]'"

MSG = define_messages(
    "tensorboard",
    {
        "needs_package": "TensorBoard logging needs the tensorboard package ({detail}); " + INSTALL_HINT,
        "cannot_write": "cannot write TensorBoard logs to {path}: {reason}",
    },
)

SCALAR_TAGS = {
    "train_loss": "loss/train",
    "val_loss": "loss/val",
    "test_loss": "loss/test",
    "train_accuracy": "accuracy/train",
    "val_accuracy": "accuracy/val",
    "test_accuracy": "accuracy/test",
    "penalty": "penalty",
}

_UNSAFE = re.compile(r"[^\w.,=+()\-]+")


def run_folder_name(name: str) -> str:
    """A variant name as a folder name: 'p = 0.5' -> 'p=0.5', 'L2 λ' -> 'L2_λ'."""
    text = re.sub(r"\s*=\s*", "=", name.strip())
    text = _UNSAFE.sub("_", text).strip("_.")
    return text or "variant"


def _summary_writer_class():  # type: ignore[no-untyped-def]
    try:
        import tensorboard  # noqa: F401
        from torch.utils.tensorboard import SummaryWriter
    except ImportError as exc:
        raise ExplorerError(MSG.needs_package(detail=str(exc))) from None
    return SummaryWriter


class TensorBoardLogger:
    """Writes a run's scalars and histograms; one SummaryWriter (run folder) per variant."""

    def __init__(self, logdir: str | Path, *, histogram_every: int = 10, flush_secs: int = 10):
        if histogram_every < 1:
            raise ValueError("histogram_every must be at least 1")
        self._writer_class = _summary_writer_class()
        self.logdir = Path(logdir)
        self.histogram_every = histogram_every
        self.flush_secs = flush_secs
        try:
            self.logdir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise ExportError(MSG.cannot_write(path=str(self.logdir), reason=exc.strerror or str(exc))) from None
        self._writers: dict[str, Any] = {}
        self._folders: dict[str, str] = {}
        self._evaluations: dict[str, int] = {}

    # -- folders and writers ------------------------------------------------------------
    def run_dir(self, name: str) -> Path:
        """The run folder of a variant (unique even when two names sanitise alike)."""
        folder = self._folders.get(name)
        if folder is None:
            base = folder = run_folder_name(name)
            taken = set(self._folders.values())
            n = 2
            while folder in taken:
                folder = f"{base}-{n}"
                n += 1
            self._folders[name] = folder
        return self.logdir / folder

    def writer(self, name: str) -> Any:
        w = self._writers.get(name)
        if w is None:
            path = self.run_dir(name)
            try:
                w = self._writer_class(log_dir=str(path), flush_secs=self.flush_secs)
            except OSError as exc:
                raise ExportError(MSG.cannot_write(path=str(path), reason=exc.strerror or str(exc))) from None
            self._writers[name] = w
        return w

    # -- logging ------------------------------------------------------------------------
    def log_scalars(self, name: str, values: dict[str, float], step: int) -> None:
        """Log {tag: value} for one variant at `step`, skipping NaN and infinities."""
        w = self.writer(name)
        for tag, value in values.items():
            if value is not None and math.isfinite(value):
                w.add_scalar(tag, float(value), global_step=step)

    def log_histograms(self, name: str, linears: Any, names: Any, step: int) -> None:
        """Weight and gradient histograms of each Linear (nn.Linear-like: .weight, .weight.grad)."""
        w = self.writer(name)
        for lin, lname in zip(linears, names):
            weight = lin.weight.detach()
            w.add_histogram(f"weights/{lname}", weight.float().cpu(), global_step=step)
            grad = lin.weight.grad
            if grad is not None:
                w.add_histogram(f"gradients/{lname}", grad.detach().float().cpu(), global_step=step)

    def log_variant(self, run: Any, *, histograms: Optional[bool] = None) -> None:
        """Log the newest history row of a trainer's VariantRun (step = its epoch).

        Histograms go out on the variant's 1st, (N+1)th, (2N+1)th, ... logged
        evaluation and on its last one (when the variant has finished), unless
        `histograms` says otherwise.
        """
        series = variant_series(run)
        if series.size == 0:
            return
        row = series.row(-1)
        epoch = int(series.history["epoch"][-1])
        values = {tag: row[key] for key, tag in SCALAR_TAGS.items()}
        values.update({f"weight_norm/{n}": row[f"weight_norm/{n}"] for n in series.linear_names})
        values.update({f"activation_var/{n}": row[f"activation_var/{n}"] for n in series.hidden_names})
        self.log_scalars(run.name, values, epoch)
        count = self._evaluations.get(run.name, 0)
        self._evaluations[run.name] = count + 1
        if histograms is None:
            histograms = count % self.histogram_every == 0 or bool(getattr(run, "finished", False))
        if histograms:
            self.log_histograms(run.name, run.model.linears, series.linear_names, epoch)

    def log_trainer(self, trainer: Any) -> None:
        """Log the newest row of every variant (e.g. the evaluation before the first step)."""
        for run in trainer.variants:
            self.log_variant(run)

    def flush(self) -> None:
        for w in self._writers.values():
            w.flush()

    def close(self) -> None:
        writers, self._writers = self._writers, {}
        for w in writers.values():
            w.close()

    def __enter__(self) -> TensorBoardLogger:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
