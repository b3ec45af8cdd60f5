"""Checkpoints: a versioned dict of tensors and plain values, safe to load.

Only torch.load(..., weights_only=True) ever reads a checkpoint, so a file from
a course forum cannot run code: a pickle that names any class outside torch's
allow-list is refused. Files are written atomically.

Layout (format_version 1):
    format            "regularization-explorer/checkpoint"
    format_version    1
    explorer_version  "0.1.0"
    experiment_json   the experiment as it ran (live edits included)
    step, epoch, finished, batch_in_epoch, permutation (int64 tensor or None),
    data_generator    CPU generator state (uint8 tensor)
    variants: list of
        name, state_dict, optimizer (its state_dict), generator (uint8 tensor),
        early_stopping (dict), best_state (state_dict or None), finished, restored,
        history {size, stride, seen, columns: {name: float64 tensor}},
        plain {layers: ["Linear(1, 200)", "ReLU()", "Dropout(p=0.5)", ...],
               state_dict: keyed "0.weight", "0.bias", "3.weight", ...}
"""

from __future__ import annotations

import pickle
import re
import zipfile
from pathlib import Path
from typing import Any

import torch

from explorer import __version__
from explorer.core.config import experiment_from_dict, parse_experiment
from explorer.core.protocol import CheckpointError, ConfigError
from explorer.core.util import atomic_write_with

FORMAT = "regularization-explorer/checkpoint"
FORMAT_VERSION = 1
MAX_BYTES = 2 * 1024**3


def _history_state(history) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    state = history.state_dict()
    state["columns"] = {k: torch.from_numpy(v) for k, v in state["columns"].items()}
    return state


def checkpoint_payload(trainer, *, best: bool = False) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    """Everything needed to inspect the run or continue it bit for bit.

    With best=True the weights are each variant's best (early stopping) state.
    """
    variants = []
    for run in trainer.variants:
        state = run.best_state if best and run.best_state is not None else run.model.state_dict()
        state = {k: v.detach().clone().cpu() for k, v in state.items()}
        variants.append(
            {
                "name": run.name,
                "state_dict": state,
                "optimizer": _to_cpu(run.optimizer.state_dict()),
                "generator": run.generator.get_state().cpu(),
                "early_stopping": run.early.state_dict(),
                "best_state": None
                if run.best_state is None
                else {k: v.detach().clone().cpu() for k, v in run.best_state.items()},
                "finished": run.finished,
                "restored": run.restored,
                "history": _history_state(run.history),
                "plain": {"layers": run.model.plain_layers(), "state_dict": _plain(run.model, state)},
            }
        )
    perm = trainer._perm
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "explorer_version": __version__,
        "experiment_json": trainer.experiment.to_json(),
        "step": trainer.step_count,
        "epoch": trainer.epoch,
        "finished": trainer.finished,
        "batch_in_epoch": trainer._batch_in_epoch,
        "permutation": None if perm is None else perm.cpu(),
        "data_generator": trainer.data_generator.get_state(),
        "variants": variants,
    }


def _plain(model, state: dict[str, torch.Tensor]) -> dict[str, torch.Tensor]:  # type: ignore[no-untyped-def]
    current = {k: v.detach().clone() for k, v in model.state_dict().items()}
    model.load_state_dict(state)
    try:
        return model.plain_state_dict()
    finally:
        model.load_state_dict(current)


def _to_cpu(obj: Any) -> Any:
    if isinstance(obj, torch.Tensor):
        return obj.detach().cpu()
    if isinstance(obj, dict):
        return {k: _to_cpu(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return type(obj)(_to_cpu(v) for v in obj)
    return obj


def save_checkpoint(trainer, path: str | Path, *, best: bool = False) -> Path:  # type: ignore[no-untyped-def]
    payload = checkpoint_payload(trainer, best=best)
    path = Path(path)
    atomic_write_with(path, lambda fh: torch.save(payload, fh))
    return path


def load_checkpoint(path: str | Path) -> dict[str, Any]:
    """Read and check a checkpoint; every failure is a CheckpointError with a clear message."""
    path = Path(path)
    name = path.name
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise CheckpointError(f"cannot read {name}: {exc.strerror or exc}") from None
    if size > MAX_BYTES:
        raise CheckpointError(f"{name}: {size} bytes is too large for an explorer checkpoint")
    if size == 0 or not zipfile.is_zipfile(path):
        raise CheckpointError(f"{name}: not an explorer checkpoint (not a PyTorch zip file, or truncated)")
    try:
        payload = torch.load(path, map_location="cpu", weights_only=True)
    except pickle.UnpicklingError as exc:
        text = re.sub(r"\x1b\[[0-9;]*m", "", str(exc)).strip()
        first = text.splitlines()[0] if text else ""
        raise CheckpointError(
            f"{name}: refused: the file holds objects other than tensors and plain values, "
            f"which could run code when loaded ({first[:160]})"
        ) from None
    except (RuntimeError, EOFError, OSError, ValueError, zipfile.BadZipFile, KeyError) as exc:
        raise CheckpointError(f"{name}: corrupt or truncated checkpoint ({str(exc).splitlines()[0][:160]})") from None
    return validate_payload(payload, name)


def validate_payload(payload: Any, name: str = "checkpoint") -> dict[str, Any]:
    if not isinstance(payload, dict) or payload.get("format") != FORMAT:
        raise CheckpointError(f"{name}: not a Regularization Explorer checkpoint")
    version = payload.get("format_version")
    if not isinstance(version, int):
        raise CheckpointError(f"{name}: checkpoint has no format version")
    if version > FORMAT_VERSION:
        raise CheckpointError(
            f"{name}: written by a newer Regularization Explorer (checkpoint format {version}, "
            f"version {payload.get('explorer_version', '?')}); this version reads format {FORMAT_VERSION} "
            "or older. Update the explorer to open it."
        )
    try:
        experiment = parse_experiment(str(payload["experiment_json"]), "json")
        variants = payload["variants"]
        assert isinstance(variants, list) and variants
        for v in variants:
            assert isinstance(v, dict) and isinstance(v["state_dict"], dict)
    except ConfigError as exc:
        raise CheckpointError(f"{name}: its experiment is invalid: {exc}") from None
    except (KeyError, AssertionError, TypeError, IndexError, ValueError, AttributeError):
        raise CheckpointError(f"{name}: checkpoint is missing required entries") from None
    payload["experiment"] = experiment
    return payload


def _check_tables(saved: dict[str, Any]) -> None:
    """The nested tables read below are tables (and lists where lists belong), checked before
    anything is subscripted: a tensor indexed with a string or walked as a list of groups makes
    PyTorch warn (non-tuple sequence indexing) before it fails."""
    opt, hist = saved.get("optimizer"), saved.get("history")
    if not (isinstance(opt, dict) and isinstance(opt.get("state"), dict) and isinstance(opt.get("param_groups"), list)):
        raise ValueError("optimizer state is not a table")
    if not all(isinstance(g, dict) and isinstance(g.get("params"), list) for g in opt["param_groups"]):
        raise ValueError("optimizer parameter groups are not tables")
    if not (isinstance(hist, dict) and isinstance(hist.get("columns"), dict)):
        raise ValueError("history is not a table")
    if not all(isinstance(v, torch.Tensor) for v in hist["columns"].values()):
        raise ValueError("history columns are not tensors")


def _check_optimizer_state(optimizer: torch.optim.Optimizer) -> None:
    """Per-parameter optimizer state from a file: tensors shaped like their parameter, a step count."""
    for group in optimizer.param_groups:
        for param in group["params"]:
            state = optimizer.state.get(param)
            if state is None:
                continue
            if not isinstance(state, dict):
                raise ValueError("optimizer state is not a table")
            for key, value in state.items():
                if key == "step":
                    number = float(value) if not isinstance(value, torch.Tensor) or value.numel() == 1 else None
                    if number is None or not (number >= 0 and number < 2**53):
                        raise ValueError(f"optimizer state {key!r} is not a step count")
                elif not (
                    isinstance(value, torch.Tensor)
                    and value.shape == param.shape
                    and value.dtype.is_floating_point
                    and bool(torch.isfinite(value).all())
                ):
                    raise ValueError(f"optimizer state {key!r} does not match its parameter {tuple(param.shape)}")


def restore_trainer(
    payload: dict[str, Any],
    *,
    experiment: Any = None,  # type: ignore[no-untyped-def]
    device: str | None = None,
):
    """A trainer in exactly the checkpoint's state, ready to continue.

    `experiment` (default: the checkpoint's own) may differ in what does not change
    shapes, e.g. more epochs to train on.
    """
    from explorer.core.training import Trainer

    if experiment is None:
        experiment = payload.get("experiment") or experiment_from_dict(payload["experiment_json"])
    trainer = Trainer(experiment, device=device)
    if len(trainer.variants) != len(payload["variants"]):
        raise CheckpointError("checkpoint and experiment disagree on the number of variants")
    # Everything below reads values of the file: a wrong type or shape anywhere is a refusal,
    # never a traceback (AttributeError/IndexError from a str where a tensor belongs, ...).
    try:
        for run, saved in zip(trainer.variants, payload["variants"]):
            _check_tables(saved)
            run.model.load_state_dict(saved["state_dict"])
            run.optimizer.load_state_dict(saved["optimizer"])
            _check_optimizer_state(run.optimizer)
            run.generator.set_state(saved["generator"].to(run.generator.get_state().device))
            run.early.load_state_dict(saved["early_stopping"])
            trainer._configure(run, run.config)  # the experiment's lr, momentum, patience…, not the file's
            best = saved.get("best_state")
            run.best_state = None if best is None else {k: v.to(trainer.device) for k, v in best.items()}
            # A run that simply reached its last epoch may go on when more epochs are asked for.
            run.finished = bool(saved["finished"]) and (
                run.early.stopped or int(payload["epoch"]) >= trainer.total_epochs
            )
            run.restored = bool(saved.get("restored", False))
            hist = saved["history"]
            hist = dict(hist, columns={k: v.numpy() for k, v in hist["columns"].items()})
            run.history.load_state_dict(hist)
            if not (
                0 <= run.history.size <= run.history.capacity and run.history.stride >= 1 and run.history._seen >= 0
            ):
                raise ValueError("history size or stride out of range")
        trainer.step_count = int(payload["step"])
        trainer.epoch = int(payload["epoch"])
        trainer._batch_in_epoch = int(payload.get("batch_in_epoch", 0))
        if trainer.step_count < 0 or trainer.epoch < 0 or not 0 <= trainer._batch_in_epoch < trainer.steps_per_epoch:
            raise ValueError("step, epoch or batch position out of range")
        perm = payload.get("permutation")
        if perm is not None:
            n = trainer.dataset.x_train.shape[0]
            if (
                not isinstance(perm, torch.Tensor)
                or perm.dtype != torch.int64
                or perm.shape != (n,)
                or not torch.equal(torch.sort(perm).values, torch.arange(n))
            ):
                raise ValueError(f"the batch order is not a permutation of the {n} training samples")
        trainer._perm = None if perm is None else perm.to(trainer.device)
        trainer.data_generator.set_state(payload["data_generator"])
        engine = getattr(trainer, "_engine", None)
        if engine is not None:
            engine.configure()  # compare mode's stacked engine re-reads the settings just restored
    except (RuntimeError, KeyError, ValueError, TypeError, AttributeError, IndexError, OverflowError) as exc:
        raise CheckpointError(f"checkpoint does not fit its experiment: {str(exc).splitlines()[0][:200]}") from None
    trainer.finished = trainer.epoch >= trainer.total_epochs or all(run.finished for run in trainer.variants)
    return trainer
