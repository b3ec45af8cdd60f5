"""The trainer: trains one experiment (and its variants in lockstep) step by step.

It trains in a tight loop; what the views need is gathered only when a
Snapshot is asked for (see _probes.py), never by default every step. Commands
change live fields between steps without a restart.
"""

from __future__ import annotations

import copy
import dataclasses
import math
import time
from dataclasses import dataclass, field
from typing import Optional, Sequence

import torch
from torch import nn

from explorer.core.config import Experiment, apply_live_value
from explorer.core.data import Dataset, build_dataset
from explorer.core.nn import MLP, apply_decoupled_weight_decay, penalty
from explorer.core.protocol import (
    HISTORY_KEYS,
    Command,
    ConfigError,
    HistogramFrame,
    InspectStep,
    Message,
    SetValue,
    TrainingError,
    define_messages,
    join_messages,
)
from explorer.core.training._early_stopping import EarlyStopping
from explorer.core.training._evaluation import measure, train_subsample
from explorer.core.training._history import History
from explorer.core.training._memory_estimate import check_training_memory
from explorer.core.training._probes import SnapshotParts, build_snapshot, layer_stacks
from explorer.core.training._replicates import replicate_name
from explorer.core.training._report import summarize
from explorer.core.training._step_capture import StepCapture, finish_model, hook_model
from explorer.core.training._test_time import TestTimeDropout
from explorer.core.training.stacked._engine import StackedEngine, stacked_by_default, why_not_stacked
from explorer.core.util import flush_denormals, resolve_device

MSG = define_messages(
    "trainer",
    {
        "demonstration": "experiment kind {kind} is a demonstration, not a training run",
        "no_training_samples": "the dataset has no training samples",
        "cross_entropy_regression": "cross-entropy needs a classification dataset; use loss 'mse' or 'auto'",
        "mse_classes": "MSE on class labels is not supported; use loss 'cross_entropy' or 'auto'",
        "diverged_lr": "the loss became NaN or infinite at step {step} (epoch {epoch}): training "
        "diverged. Likely cause: the learning rate ({lr}) is too large. Lower it and press Reset.",
        "diverged_lr_penalty": "the loss became NaN or infinite at step {step} (epoch {epoch}): training "
        "diverged. Likely cause: the learning rate ({lr}) is too large or the penalty λ (L1 {l1}, L2 {l2}) "
        "is very large. Lower it and press Reset.",
        "in_variant": "variant {variant_name}: {message}",
        "finished": "finished: {epochs} epochs, {steps} steps",
        "stopped_early": "early stopping at epoch {epoch} (best epoch {best})",
        "stopped_early_restored": "early stopping at epoch {epoch} (best epoch {best}, best weights restored)",
        "variant_stopped_early": "{variant}: early stopping at epoch {epoch} (best epoch {best})",
        "variant_stopped_early_restored": "{variant}: early stopping at epoch {epoch} "
        "(best epoch {best}, best weights restored)",
        "monitor_needs_classes": "{who}early_stopping.monitor: 'val_accuracy' needs a classification dataset, and "
        "this one is a regression ({dataset}); monitor 'val_loss'",
        "no_validation_samples": "{who}early_stopping.enabled: early stopping watches the validation split, and "
        "this dataset has no validation samples ({dataset}); give it some or turn early stopping off",
    },
)

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
    group: str = ""  # the variant this run is a replicate of (its name without the seed)
    replicate: int = 0  # k: this run trains with seed training.seed + k
    seed: int = 0
    diverged_step: Optional[int] = None  # the step whose loss was not finite (sweeps record it, not raise)


def _history_columns(n_linear: int, n_hidden: int) -> dict[str, int]:
    cols = dict.fromkeys(HISTORY_KEYS, 1)
    cols.update(weight_norm=n_linear, activation_var=max(n_hidden, 1), activation_mean=max(n_hidden, 1))
    return cols


def _check_monitor(experiment: Experiment, ds: Dataset) -> None:
    """What the config cannot know before the data is read: a CSV's target column decides the task,
    and a validation fraction can round to no samples at all."""
    for name, cfg in zip(experiment.variant_names(), experiment.resolved_variants()):
        es = cfg.early_stopping
        who = f"variant {name!r}: " if experiment.variants else ""
        if es.monitor == "val_accuracy" and ds.task == "regression":
            raise ConfigError([MSG.monitor_needs_classes(who=who, dataset=ds.description)])
        if es.enabled and ds.x_val.shape[0] == 0:
            raise ConfigError([MSG.no_validation_samples(who=who, dataset=ds.description)])


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
        divergence: str = "raise",
    ):
        """`stacked`: train the variants as one stacked network (stacked/_engine.py) when they
        can be; None follows EXPLORER_STACKED (on unless it is 0), False is the per-model path.
        `divergence`: "raise" stops everything with a TrainingError (the app, `run`); "record"
        marks a diverged run finished with its step and trains the others on (sweeps)."""
        if experiment.kind != "training":
            raise TrainingError(MSG.demonstration(kind=repr(experiment.kind)))
        self.experiment = experiment
        self.device, self.device_note = resolve_device(device or experiment.training.device)
        self.dataset = (dataset or build_dataset(experiment.dataset)).to(self.device)
        ds = self.dataset
        if ds.x_train.shape[0] == 0:
            raise TrainingError(MSG.no_training_samples())
        self.task = ds.task
        loss = experiment.training.loss
        if loss == "auto":
            loss = "mse" if ds.task == "regression" else "cross_entropy"
        if loss == "cross_entropy" and ds.task == "regression":
            raise TrainingError(MSG.cross_entropy_regression())
        if loss == "mse" and ds.task != "regression":
            raise TrainingError(MSG.mse_classes())
        self.loss_name = loss
        _check_monitor(experiment, ds)
        self.loss_fn: nn.Module = nn.MSELoss() if loss == "mse" else nn.CrossEntropyLoss()
        check_training_memory(experiment, ds, self.device)  # refused with the numbers, before any weight exists
        self.record_divergence = divergence == "record"
        # Replicate k trains with seed + k: its own initial weights, batch order and masks, exactly
        # what a run with training.seed = seed + k does alone. Runs are ordered variant by variant.
        self.replicates = experiment.training.replicates
        self.seeds = [experiment.training.seed + k for k in range(self.replicates)]
        bases = []
        for seed in self.seeds:
            with torch.random.fork_rng(devices=[]):
                torch.manual_seed(seed)
                bases.append(MLP(ds.input_dim, ds.output_dim, experiment.network).to(self.device))
        self.data_generators = [torch.Generator().manual_seed(seed) for seed in self.seeds]
        self.data_generator = self.data_generators[0]
        self.variants: list[VariantRun] = []
        for name, cfg in zip(experiment.variant_names(), experiment.resolved_variants()):
            for k, seed in enumerate(self.seeds):
                model = copy.deepcopy(bases[k])
                for i, layer in enumerate(cfg.network.layers):
                    model.set_dropout(i, layer.dropout_kind, layer.dropout_p)
                gen = torch.Generator(device=self.device).manual_seed(seed)
                model.set_generator(gen)
                es = cfg.early_stopping
                self.variants.append(
                    VariantRun(
                        name=replicate_name(name, seed, self.replicates),
                        config=cfg,
                        model=model,
                        optimizer=_make_optimizer(cfg, model),
                        early=EarlyStopping(
                            es.patience, es.min_delta, "min" if es.monitor == "val_loss" else "max", es.enabled
                        ),
                        history=History(_history_columns(len(model.linears), model.n_hidden), history_capacity),
                        generator=gen,
                        group=name,
                        replicate=k,
                        seed=seed,
                    )
                )
        n = ds.x_train.shape[0]
        bs = experiment.training.batch_size
        self.batch_size = n if bs is None or bs >= n else bs
        self.steps_per_epoch = math.ceil(n / self.batch_size)
        rows = train_subsample(n, seed)
        self._train_eval: Optional[tuple[torch.Tensor, torch.Tensor]] = None
        if rows is not None:  # live evaluations of a large training split: a fixed subsample (see _evaluation)
            rows = rows.to(self.device)
            self._train_eval = (ds.x_train.index_select(0, rows), ds.y_train.index_select(0, rows))
            ds.view = dataclasses.replace(ds.view, train_eval_rows=int(rows.numel()))
        self.step_count = 0
        self.epoch = 0
        self._batch_in_epoch = 0
        self._perm: Optional[torch.Tensor] = None
        self._perms: list[Optional[torch.Tensor]] = [None] * self.replicates  # replicate k's epoch order
        self._sync_free = self.device.type == "cuda" and not self.record_divergence  # record: the exact step
        self._nonfinite: Optional[torch.Tensor] = None
        self.started = time.perf_counter()
        self.finished = experiment.training.epochs == 0
        self._engine = self._stacked_engine(stacked)
        self.test_time = TestTimeDropout(self.device, seed)  # the fit view's dropout at test time
        self.step_capture: Optional[StepCapture] = None  # set while the Step inspector is open
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
        """Replicate 0's batch (the only one without replicates)."""
        return self._batches()[0]

    def _batches(self) -> list[tuple[torch.Tensor, torch.Tensor]]:
        """This step's batch of each replicate: a full batch is shared; minibatches follow each
        replicate's own shuffled order (its data generator, seeded with its seed)."""
        ds = self.dataset
        if self.batch_size == ds.x_train.shape[0]:
            return [(ds.inputs(ds.x_train), ds.y_train)]
        if self._perm is not self._perms[0]:  # a checkpoint restored replicate 0's order
            self._perms[0] = self._perm
        out = []
        for k, gen in enumerate(self.data_generators):
            if self._batch_in_epoch == 0 or self._perms[k] is None:
                self._perms[k] = torch.randperm(ds.x_train.shape[0], generator=gen).to(self.device)
            start = self._batch_in_epoch * self.batch_size
            idx = self._perms[k][start : start + self.batch_size]  # type: ignore[index]
            out.append((ds.inputs(ds.x_train.index_select(0, idx)), ds.y_train.index_select(0, idx)))
        self._perm = self._perms[0]
        return out

    def step(self) -> None:
        """One optimisation step of every variant that is still training."""
        if self.finished:
            return
        flush_denormals()  # per thread: denormal gradients are tens of times slower on x86 CPUs
        batches = self._batches()
        cap = self.step_capture
        if self._engine is not None:
            self._engine.capture = cap
            if len(batches) == 1:
                self._engine.step(*batches[0])
            else:  # each run gets its replicate's batch
                self._engine.step_each([batches[run.replicate] for run in self.variants])
        else:
            for v, run in enumerate(self.variants):
                if not run.finished:
                    xb, yb = batches[run.replicate if len(batches) > 1 else 0]
                    if cap is not None and cap.variant == v:
                        self._step_recorded(run, xb, yb, cap)
                    else:
                        self._step_variant(run, xb, yb)
        self.step_count += 1
        if cap is not None and cap.fresh:  # the recorded variant trained in this step
            cap.fresh = False
            cap.step = self.step_count
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
        if run.finished:  # diverged and recorded: its weights stay as they were
            return
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

    def _step_recorded(self, run: VariantRun, xb: torch.Tensor, yb: torch.Tensor, cap: StepCapture) -> None:
        """The per-model step with the Step inspector's hooks on (see _step_capture.py)."""
        remove = hook_model(run.model, cap)
        try:
            self._step_variant(run, xb, yb)
        finally:
            remove()
        reg = run.config.regularization
        finish_model(run.model, cap, penalized=reg.l1_lambda > 0 or reg.l2_lambda > 0)

    def inspect_step(self, selection: Optional[InspectStep]) -> None:
        """Open (record every step from now on), re-aim, or close (selection None or not open) the inspector."""
        if selection is None or not selection.open:
            self.step_capture = None
        elif self.step_capture is not None and self.step_capture.variant == selection.variant:
            self.step_capture.selection = selection  # same record, another layer or sample
        else:
            self.step_capture = StepCapture(selection)
        if self._engine is not None:
            self._engine.capture = self.step_capture

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
            for k in bad.nonzero()[:, 0].tolist():  # raises at the first unless recording
                self._diverged(self.variants[indices[k]])

    def check_divergence(self) -> None:
        """Read the device-side flags (see check_finite): the first variant that diverged is named."""
        if self._nonfinite is not None and bool(self._nonfinite.any()):
            first = int(self._nonfinite.nonzero()[0, 0])
            self._nonfinite = None
            self._diverged(self.variants[first])

    def _diverged(self, run: VariantRun) -> None:
        if not self.record_divergence:
            raise self.divergence_error(self.variants.index(run))
        if run.diverged_step is None:
            run.diverged_step = self.step_count  # as divergence_error counts: steps finished before it
        run.finished = True

    def divergence_error(self, index: int = 0) -> TrainingError:
        """What to tell the user when variant `index` diverged, with the likely cause."""
        run = self.variants[index]
        cfg = run.config
        reg = cfg.regularization
        where = {"step": self.step_count, "epoch": self.epoch, "lr": f"{cfg.optimizer.lr:g}"}
        if reg.l1_lambda > 1 or reg.l2_lambda > 1:
            message = MSG.diverged_lr_penalty(**where, l1=f"{reg.l1_lambda:g}", l2=f"{reg.l2_lambda:g}")
        else:
            message = MSG.diverged_lr(**where)
        if len(self.variants) > 1:
            message = MSG.in_variant(variant_name=repr(run.name), message=message)
        return TrainingError(message)

    # -- evaluation -----------------------------------------------------------------
    def eval_splits(self) -> list[tuple[str, torch.Tensor, torch.Tensor]]:
        """(split, x, y) as stored (uint8 images stay uint8) for an evaluation: a large training split is
        its fixed subsample except at the last evaluation, which measures all of it."""
        ds = self.dataset
        train = (ds.x_train, ds.y_train)
        if self._train_eval is not None and self.epoch < self.total_epochs:
            train = self._train_eval
        return [("train", *train), ("val", ds.x_val, ds.y_val), ("test", ds.x_test, ds.y_test)]

    def _measure(self, model: MLP, x: torch.Tensor, y: torch.Tensor) -> tuple[Optional[float], Optional[float]]:
        loss, acc = measure(model, self.dataset.inputs, self.loss_fn, x, y, self.loss_name == "cross_entropy")
        return (None if loss is None else float(loss)), (None if acc is None else float(acc))

    @torch.no_grad()
    def evaluate(self) -> None:
        """Losses and accuracies on every split, history, early stopping."""
        self.check_divergence()
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
                for split, x, y in self.eval_splits():
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
        value = row.get(es_cfg.monitor)
        if value is None:  # no validation split (early stopping is refused then): the training metric, same mode
            value = row.get(es_cfg.monitor.replace("val_", "train_"))
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
            configs = self.experiment.resolved_variants()
            names = self.experiment.variant_names()
            for i, run in enumerate(self.variants):
                self._configure(run, configs[i // self.replicates])  # every replicate of the variant
                if len(names) == len(configs):  # a renamed variant: its runs (each replicate) take the name
                    run.group = names[i // self.replicates]
                    run.name = replicate_name(run.group, run.seed, self.replicates)
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

    def status_line(self) -> Message:
        """What happened at the end, in a sentence (early stopping per variant)."""
        parts = []
        for run in self.variants:
            es = run.early
            if es.stopped:
                where = {"epoch": es.stop_epoch, "best": es.best_epoch}
                if len(self.variants) > 1:
                    stopped = MSG.variant_stopped_early_restored if run.restored else MSG.variant_stopped_early
                    parts.append(stopped(variant=run.name, **where))
                else:
                    stopped = MSG.stopped_early_restored if run.restored else MSG.stopped_early
                    parts.append(stopped(**where))
        if not parts:
            return MSG.finished(epochs=self.epoch, steps=self.step_count)
        return join_messages(parts)
