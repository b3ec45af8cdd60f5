"""The trainer: trains one experiment (and its variants in lockstep) step by step.

It trains in a tight loop; what the views need is gathered only when a
Snapshot is asked for (see probes.py), never by default every step. Commands
change live fields between steps without a restart.
"""

from __future__ import annotations

import copy
import math
import time
from dataclasses import dataclass, field
from typing import Optional, Sequence

import torch
from torch import nn

from explorer.core.config import Experiment, apply_live_value
from explorer.core.data import Dataset, build_dataset
from explorer.core.nn import MLP, apply_decoupled_weight_decay, penalty
from explorer.core.protocol import Command, HistogramFrame, SetValue, TrainingError
from explorer.core.training._early_stopping import EarlyStopping
from explorer.core.training._history import History
from explorer.core.training._probes import SnapshotParts, build_snapshot, layer_stacks
from explorer.core.training._report import summarize
from explorer.core.training.stacked._engine import StackedEngine, stacked_by_default, why_not_stacked
from explorer.core.util import resolve_device

HISTOGRAM_FRAMES = 48
FRAME_SECONDS = 0.25  # weight-histogram frames over time: on a clock, not every evaluation


@dataclass
class VariantRun:
    """One arm of the experiment: its model, optimizer, early stopping and history."""

    name: str
    config: Experiment
    model: MLP
    optimizer: torch.optim.Optimizer
    early: EarlyStopping
    history: History
    generator: torch.Generator
    best_state: Optional[dict[str, torch.Tensor]] = None
    finished: bool = False
    restored: bool = False
    last_penalty: Optional[torch.Tensor] = None  # per Linear, detached
    last_frame_time: float = 0.0
    histogram_frames: list[HistogramFrame] = field(default_factory=list)


def _history_columns(n_linear: int, n_hidden: int) -> dict[str, int]:
    cols = {
        k: 1
        for k in (
            "epoch",
            "step",
            "train_loss",
            "val_loss",
            "test_loss",
            "train_accuracy",
            "val_accuracy",
            "test_accuracy",
            "penalty",
        )
    }
    cols.update(weight_norm=n_linear, activation_var=max(n_hidden, 1), activation_mean=max(n_hidden, 1))
    return cols


def _make_optimizer(cfg: Experiment, model: MLP) -> torch.optim.Optimizer:
    """Two groups, weights then biases, so decay and penalties can treat biases apart."""
    opt = cfg.optimizer
    reg = cfg.regularization
    weights = [lin.weight for lin in model.linears]
    biases = [lin.bias for lin in model.linears]
    if opt.kind == "sgd":
        return torch.optim.SGD(
            [{"params": weights}, {"params": biases}], lr=opt.lr, momentum=opt.momentum, nesterov=opt.nesterov
        )
    if opt.kind == "adam":
        return torch.optim.Adam([{"params": weights}, {"params": biases}], lr=opt.lr, betas=opt.betas)
    return torch.optim.AdamW(
        [
            {"params": weights, "weight_decay": reg.weight_decay},
            {"params": biases, "weight_decay": reg.weight_decay if reg.penalize_biases else 0.0},
        ],
        lr=opt.lr,
        betas=opt.betas,
    )


class Trainer:
    def __init__(
        self,
        experiment: Experiment,
        *,
        dataset: Optional[Dataset] = None,
        device: Optional[str] = None,
        history_capacity: int = 4096,
        stacked: Optional[bool] = None,
    ):
        """`stacked`: train the variants as one stacked network (stacked.py) when they
        can be; None follows EXPLORER_STACKED (on unless it is 0), False is the per-model path."""
        if experiment.kind != "training":
            raise TrainingError(f"experiment kind {experiment.kind!r} is a demonstration, not a training run")
        self.experiment = experiment
        self.device, self.device_note = resolve_device(device or experiment.training.device)
        self.dataset = (dataset or build_dataset(experiment.dataset)).to(self.device)
        ds = self.dataset
        if ds.x_train.shape[0] == 0:
            raise TrainingError("the dataset has no training samples")
        self.task = ds.task
        loss = experiment.training.loss
        if loss == "auto":
            loss = "mse" if ds.task == "regression" else "cross_entropy"
        if loss == "cross_entropy" and ds.task == "regression":
            raise TrainingError("cross-entropy needs a classification dataset; use loss 'mse' or 'auto'")
        if loss == "mse" and ds.task != "regression":
            raise TrainingError("MSE on class labels is not supported; use loss 'cross_entropy' or 'auto'")
        self.loss_name = loss
        self.loss_fn: nn.Module = nn.MSELoss() if loss == "mse" else nn.CrossEntropyLoss()
        seed = experiment.training.seed
        with torch.random.fork_rng(devices=[]):
            torch.manual_seed(seed)
            base = MLP(ds.input_dim, ds.output_dim, experiment.network)
        base.to(self.device)
        self.data_generator = torch.Generator().manual_seed(seed)
        self.variants: list[VariantRun] = []
        for name, cfg in zip(experiment.variant_names(), experiment.resolved_variants()):
            model = copy.deepcopy(base)
            for i, layer in enumerate(cfg.network.layers):
                model.set_dropout(i, layer.dropout_kind, layer.dropout_p)
            gen = torch.Generator(device=self.device).manual_seed(seed)
            model.set_generator(gen)
            es = cfg.early_stopping
            self.variants.append(
                VariantRun(
                    name=name,
                    config=cfg,
                    model=model,
                    optimizer=_make_optimizer(cfg, model),
                    early=EarlyStopping(
                        es.patience, es.min_delta, "min" if es.monitor == "val_loss" else "max", es.enabled
                    ),
                    history=History(_history_columns(len(model.linears), model.n_hidden), history_capacity),
                    generator=gen,
                )
            )
        n = ds.x_train.shape[0]
        bs = experiment.training.batch_size
        self.batch_size = n if bs is None or bs >= n else bs
        self.steps_per_epoch = math.ceil(n / self.batch_size)
        self.step_count = 0
        self.epoch = 0
        self._batch_in_epoch = 0
        self._perm: Optional[torch.Tensor] = None
        self._sync_free = self.device.type == "cuda"
        self._nonfinite: Optional[torch.Tensor] = None
        self.started = time.perf_counter()
        self.finished = experiment.training.epochs == 0
        self._engine = self._stacked_engine(stacked)
        self.snapshot_parts = SnapshotParts()
        self._json: tuple[Optional[Experiment], str] = (None, "")
        self.evaluate()

    def _stacked_engine(self, wanted: Optional[bool]):  # type: ignore[no-untyped-def]
        if not (stacked_by_default() if wanted is None else wanted) or why_not_stacked(self) is not None:
            return None
        return StackedEngine(self)

    @property
    def stacked(self) -> bool:
        """True when the variants train as one stacked network (compare mode's fast path)."""
        return self._engine is not None

    # -- training -------------------------------------------------------------------
    @property
    def total_epochs(self) -> int:
        return self.experiment.training.epochs

    def _batch(self) -> tuple[torch.Tensor, torch.Tensor]:
        ds = self.dataset
        if self.batch_size == ds.x_train.shape[0]:
            return ds.x_train, ds.y_train
        if self._batch_in_epoch == 0 or self._perm is None:
            self._perm = torch.randperm(ds.x_train.shape[0], generator=self.data_generator).to(self.device)
        start = self._batch_in_epoch * self.batch_size
        idx = self._perm[start : start + self.batch_size]
        return ds.x_train.index_select(0, idx), ds.y_train.index_select(0, idx)

    def step(self) -> None:
        """One optimisation step of every variant that is still training."""
        if self.finished:
            return
        xb, yb = self._batch()
        if self._engine is not None:
            self._engine.step(xb, yb)
        else:
            for run in self.variants:
                if not run.finished:
                    self._step_variant(run, xb, yb)
        self.step_count += 1
        self._batch_in_epoch += 1
        if self._batch_in_epoch >= self.steps_per_epoch:
            self._batch_in_epoch = 0
            self.epoch += 1
            if self.epoch % self.experiment.training.eval_every == 0 or self.epoch >= self.total_epochs:
                self.evaluate()

    def _step_variant(self, run: VariantRun, xb: torch.Tensor, yb: torch.Tensor) -> None:
        cfg = run.config
        reg = cfg.regularization
        model = run.model
        if not model.training:  # train() walks every submodule: not on every step
            model.train()
        data_loss = self.loss_fn(model(xb), yb)
        pen, per_layer = penalty(model.linears, reg.l1_lambda, reg.l2_lambda, reg.penalize_biases)
        total = data_loss + pen
        self._check_finite(run, total)
        run.optimizer.zero_grad(set_to_none=True)
        total.backward()
        if reg.weight_decay > 0 and cfg.optimizer.kind != "adamw":
            # Decoupled decay, w <- w - lr * wd * w, applied as AdamW does, outside the loss.
            params = [lin.weight for lin in model.linears]
            if reg.penalize_biases:
                params += [lin.bias for lin in model.linears]
            apply_decoupled_weight_decay(params, cfg.optimizer.lr, reg.weight_decay)
        run.optimizer.step()
        run.last_penalty = per_layer

    def _check_finite(self, run: VariantRun, total: torch.Tensor) -> None:
        self.check_finite(total.detach().reshape(1), [self.variants.index(run)])

    def check_finite(self, totals: torch.Tensor, indices: Sequence[int]) -> None:
        """Divergence check of one loss per variant (`totals[k]` is variant `indices[k]`'s).

        On a GPU a per-step check would sync host and device: the non-finite ones are flagged on
        the device, one flag per variant, and read at the next evaluation or snapshot."""
        bad = ~torch.isfinite(totals)
        if self._sync_free:
            if self._nonfinite is None:
                self._nonfinite = torch.zeros(len(self.variants), dtype=torch.bool, device=totals.device)
            self._nonfinite.index_put_((torch.as_tensor(list(indices), device=totals.device),), bad, accumulate=True)
            return
        if bool(bad.any()):
            self._diverged(self.variants[indices[int(bad.nonzero()[0, 0])]])

    def check_divergence(self) -> None:
        """Read the device-side flags (see check_finite): the first variant that diverged is named."""
        if self._nonfinite is not None and bool(self._nonfinite.any()):
            first = int(self._nonfinite.nonzero()[0, 0])
            self._nonfinite = None
            self._diverged(self.variants[first])

    def _diverged(self, run: VariantRun) -> None:
        raise self.divergence_error(self.variants.index(run))

    def divergence_error(self, index: int = 0) -> TrainingError:
        """What to tell the user when variant `index` diverged, with the likely cause."""
        run = self.variants[index]
        cfg = run.config
        reg = cfg.regularization
        who = f"variant {run.name!r}: " if len(self.variants) > 1 else ""
        causes = [f"the learning rate ({cfg.optimizer.lr:g}) is too large"]
        if reg.l1_lambda > 1 or reg.l2_lambda > 1:
            causes.append(f"the penalty λ (L1 {reg.l1_lambda:g}, L2 {reg.l2_lambda:g}) is very large")
        return TrainingError(
            f"{who}the loss became NaN or infinite at step {self.step_count} (epoch {self.epoch}): "
            f"training diverged. Likely cause: {' or '.join(causes)}. Lower it and press Reset."
        )

    # -- evaluation -----------------------------------------------------------------
    @torch.no_grad()
    def _measure(self, model: MLP, x: torch.Tensor, y: torch.Tensor) -> tuple[Optional[float], Optional[float]]:
        if x.shape[0] == 0:
            return None, None
        out = model(x)
        loss = float(self.loss_fn(out, y))
        acc = float((out.argmax(1) == y).float().mean()) if self.loss_name == "cross_entropy" else None
        return loss, acc

    @torch.no_grad()
    def evaluate(self) -> None:
        """Losses and accuracies on every split, history, early stopping."""
        self.check_divergence()
        ds = self.dataset
        now = time.perf_counter()
        measured = self._engine.measure() if self._engine is not None else None  # all variants at once
        framed: list[VariantRun] = []
        rows: list[tuple[VariantRun, dict[str, object]]] = []
        for v, run in enumerate(self.variants):
            if run.finished and run.history.size:
                continue
            model = run.model
            row: dict[str, object] = {"epoch": self.epoch, "step": self.step_count}
            if measured is not None:
                row.update(measured[v])
            else:
                model.eval()
                for split, x, y in (
                    ("train", ds.x_train, ds.y_train),
                    ("val", ds.x_val, ds.y_val),
                    ("test", ds.x_test, ds.y_test),
                ):
                    row[f"{split}_loss"], row[f"{split}_accuracy"] = self._measure(model, x, y)
                model.train()
            row["penalty"] = None if run.last_penalty is None else float(run.last_penalty.sum())
            row["weight_norm"] = [float(lin.weight.norm()) for lin in model.linears]
            acts = [h for h in model.hidden_outputs]
            row["activation_var"] = [float(h.var()) if h is not None and h.numel() > 1 else math.nan for h in acts] or [
                math.nan
            ]
            row["activation_mean"] = [float(h.mean()) if h is not None else math.nan for h in acts] or [math.nan]
            appended = run.history.append(row, force=self.epoch >= self.total_epochs)
            rows.append((run, row))
            if appended and (
                now - run.last_frame_time >= FRAME_SECONDS
                or self.epoch >= self.total_epochs
                or not run.histogram_frames
            ):
                run.last_frame_time = now
                framed.append(run)  # recorded below, all variants in one batch, before early stopping restores
        if framed:
            self._record_histograms(framed)
        for run, row in rows:
            self._early_stopping(run, row)
        if self.epoch >= self.total_epochs or all(r.finished for r in self.variants):
            self.finished = True
            for run in self.variants:
                run.finished = True

    def _early_stopping(self, run: VariantRun, row: dict[str, object]) -> None:
        es_cfg = run.config.early_stopping
        key = "val_loss" if es_cfg.monitor == "val_loss" else "val_accuracy"
        value = row.get(key)
        if value is None:  # no validation split: fall back to the training loss
            value = row.get("train_loss")
        improved = run.early.update(float(value) if value is not None else math.nan, self.epoch)
        if improved and es_cfg.enabled and es_cfg.restore_best:
            run.best_state = {k: v.detach().clone() for k, v in run.model.state_dict().items()}
        if run.early.stopped and not run.finished:
            run.finished = True
            if es_cfg.restore_best and run.best_state is not None:
                run.model.load_state_dict(run.best_state)
                run.restored = True

    def _record_histograms(self, runs: list[VariantRun]) -> None:
        """A weight-histogram frame for each of `runs`: every variant binned in one batch (on the
        edges the snapshots' histograms share), the others' discarded."""
        hists = self.snapshot_parts.bins.histograms("weight", layer_stacks(self))
        for run in runs:
            v = self.variants.index(run)
            frames = run.histogram_frames
            frames.append(HistogramFrame(self.epoch, tuple(h[v] for h in hists if h is not None)))
            if len(frames) > HISTOGRAM_FRAMES:
                del frames[1:-1:2]  # decimate evenly, keep the first and the newest

    # -- commands -------------------------------------------------------------------
    def apply(self, command: Command) -> None:
        """Apply a live change; it takes effect at the next step."""
        if isinstance(command, SetValue):
            self.experiment = apply_live_value(self.experiment, command.path, command.value, command.variant)
            for run, cfg in zip(self.variants, self.experiment.resolved_variants()):
                self._configure(run, cfg)
            if self._engine is not None:
                self._engine.configure()

    def _configure(self, run: VariantRun, cfg: Experiment) -> None:
        run.config = cfg
        model = run.model
        for i, layer in enumerate(cfg.network.layers):
            if model.kinds[i] != layer.dropout_kind or model.dropout_p(i) != layer.dropout_p:
                model.set_dropout(i, layer.dropout_kind, layer.dropout_p)
        opt, reg = cfg.optimizer, cfg.regularization
        for gi, group in enumerate(run.optimizer.param_groups):
            group["lr"] = opt.lr
            if "momentum" in group:
                group["momentum"] = opt.momentum
                group["nesterov"] = opt.nesterov
            if "betas" in group:
                group["betas"] = opt.betas
            if opt.kind == "adamw":
                group["weight_decay"] = reg.weight_decay if gi == 0 or reg.penalize_biases else 0.0
        es = cfg.early_stopping
        run.early.patience, run.early.min_delta, run.early.enabled = es.patience, es.min_delta, es.enabled
        run.early.mode = "min" if es.monitor == "val_loss" else "max"

    # -- reporting ----------------------------------------------------------------------
    @property
    def wall_seconds(self) -> float:
        return time.perf_counter() - self.started

    def summary(self) -> dict[str, object]:
        """Final and best metrics per variant, for metrics.json and the command line."""
        return summarize(self)

    @property
    def experiment_json(self) -> str:
        """The experiment as JSON, serialised again only when it changed (a live edit replaces it):
        every snapshot carries it, and encoding it was ~5% of a snapshot's cost."""
        cached, text = self._json
        if cached is not self.experiment:
            text = self.experiment.to_json()
            self._json = (self.experiment, text)
        return text

    def snapshot(
        self,
        *,
        state: str = "running",
        message: str = "",
        steps_per_second: float = 0.0,
        generation: int = 0,
        parts: Optional[frozenset[str]] = None,
    ):  # type: ignore[no-untyped-def]
        """What the views draw now; `parts`: the view ids on screen (None: all of the dashboard's)."""
        return build_snapshot(
            self, state=state, message=message, steps_per_second=steps_per_second, generation=generation, parts=parts
        )

    def status_line(self) -> str:
        """What happened at the end, in a sentence (early stopping per variant)."""
        parts = []
        for run in self.variants:
            es = run.early
            who = f"{run.name}: " if len(self.variants) > 1 else ""
            if es.stopped:
                restored = ", best weights restored" if run.restored else ""
                parts.append(f"{who}early stopping at epoch {es.stop_epoch} (best epoch {es.best_epoch}{restored})")
        if not parts:
            return f"finished: {self.epoch} epochs, {self.step_count} steps"
        return "; ".join(parts)
