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
from typing import Any, Optional

import torch

from explorer import __version__
from explorer.core.config import experiment_from_dict, parse_experiment
from explorer.core.io._archive import ArchiveProblem, checkpoint_bytes_bound, scan_archive
from explorer.core.protocol import CheckpointError, ConfigError, define_messages
from explorer.core.util import atomic_write_with, format_bytes, memory_refusal

FORMAT = "regularization-explorer/checkpoint"
FORMAT_VERSION = 1
MAX_BYTES = 2 * 1024**3

MSG = define_messages(
    "checkpoint",
    {
        "cannot_read": "cannot read {name}: {reason}",
        "too_large": "{name}: {size} bytes is too large for an explorer checkpoint",
        "not_zip": "{name}: not an explorer checkpoint (not a PyTorch zip file, or truncated)",
        "unsafe": "{name}: refused: the file holds objects other than tensors and plain values ({asks}), "
        "which could run code when loaded; it was not opened",
        "asks_for": "it asks for {what}",
        "asks_unknown": "it asks for something else",
        "declares_too_much": "{name}: refused: the file declares {declared} of tensors, but a checkpoint of its "
        "experiment holds at most {bound}; opening it would fill the memory",
        "shape_mismatch": "{name} does not fit its experiment: {differences}",
        "layout_differs": "the file holds a {found} network, the experiment a {expected} network",
        "shape_difference": "{key} is {found} in the file, {expected} in the experiment",
        "missing_keys": "{count} weights missing ({keys})",
        "unexpected_keys": "{count} weights the experiment does not have ({keys})",
        "corrupt": "{name}: corrupt or truncated checkpoint ({detail})",
        "not_ours": "{name}: not a Regularization Explorer checkpoint",
        "no_format_version": "{name}: checkpoint has no format version",
        "newer": "{name}: written by a newer Regularization Explorer (checkpoint format {format}, "
        "version {app_version}); this version reads format {max} or older. Update the explorer to open it.",
        "invalid_experiment": "{name}: its experiment is invalid: {problems}",
        "missing_entries": "{name}: checkpoint is missing required entries",
        "variants_disagree": "checkpoint and experiment disagree on the number of variants",
        "does_not_fit": "checkpoint does not fit its experiment: {detail}",
    },
)


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
        **_replicate_order(trainer),
    }


def _replicate_order(trainer) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    """Replicates 1.. shuffle with their own generators: their states and epoch orders (absent
    without replicates, so such checkpoints stay as they were)."""
    gens = getattr(trainer, "data_generators", [])[1:]
    if not gens:
        return {}
    perms = trainer._perms[1:]
    return {
        "replicate_generators": [g.get_state() for g in gens],
        "replicate_permutations": [None if p is None else p.cpu() for p in perms],
    }


def _permutation(perm: Any, n: int) -> Optional[torch.Tensor]:
    """A saved batch order, checked to be a permutation of the n training samples."""
    if perm is not None and (
        not isinstance(perm, torch.Tensor)
        or perm.dtype != torch.int64
        or perm.shape != (n,)
        or not torch.equal(torch.sort(perm).values, torch.arange(n))
    ):
        raise ValueError(f"the batch order is not a permutation of the {n} training samples")
    return perm


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
        raise CheckpointError(MSG.cannot_read(name=name, reason=exc.strerror or str(exc))) from None
    if size > MAX_BYTES:
        raise CheckpointError(MSG.too_large(name=name, size=size))
    if size == 0 or not zipfile.is_zipfile(path):
        raise CheckpointError(MSG.not_zip(name=name))
    _check_declared_sizes(path, name)
    try:
        payload = torch.load(path, map_location="cpu", weights_only=True)
    except pickle.UnpicklingError as exc:
        raise CheckpointError(MSG.unsafe(name=name, asks=_what_it_asks(exc))) from None
    except (RuntimeError, EOFError, OSError, ValueError, zipfile.BadZipFile, KeyError) as exc:
        raise CheckpointError(MSG.corrupt(name=name, detail=str(exc).splitlines()[0][:160])) from None
    return validate_payload(payload, name)


def _check_declared_sizes(path: Path, name: str) -> None:
    """Refuse, before torch.load allocates anything, a file declaring more tensor bytes than a
    checkpoint of its own experiment can hold, or than this machine has (see _archive.py)."""
    try:
        info = scan_archive(path)
    except ArchiveProblem as exc:
        raise CheckpointError(MSG.corrupt(name=name, detail=str(exc))) from None
    experiment = None
    if info.experiment_json is not None:
        try:
            experiment = parse_experiment(info.experiment_json, "json")
        except ConfigError:
            experiment = None  # validate_payload names that problem after loading
    if experiment is not None:
        bound = checkpoint_bytes_bound(experiment)
        if info.declared_bytes > bound:
            raise CheckpointError(
                MSG.declares_too_much(name=name, declared=format_bytes(info.declared_bytes), bound=format_bytes(bound))
            )
    refusal = memory_refusal(info.declared_bytes, name)
    if refusal is not None:
        raise CheckpointError(refusal)


_GLOBAL = re.compile(r"GLOBAL ([\w.]+)")


def _what_it_asks(exc: Exception) -> Any:
    """The class or function a refused pickle names, in our words; PyTorch's advice is not for our users."""
    text = re.sub(r"\x1b\[[0-9;]*m", "", str(exc))
    found = _GLOBAL.search(text)
    return MSG.asks_for(what=found.group(1)) if found else MSG.asks_unknown()


def validate_payload(payload: Any, name: str = "checkpoint") -> dict[str, Any]:
    if not isinstance(payload, dict) or payload.get("format") != FORMAT:
        raise CheckpointError(MSG.not_ours(name=name))
    version = payload.get("format_version")
    if not isinstance(version, int):
        raise CheckpointError(MSG.no_format_version(name=name))
    if version > FORMAT_VERSION:
        raise CheckpointError(
            MSG.newer(name=name, format=version, app_version=payload.get("explorer_version", "?"), max=FORMAT_VERSION)
        )
    try:
        experiment = parse_experiment(str(payload["experiment_json"]), "json")
        variants = payload["variants"]
        assert isinstance(variants, list) and variants
        for v in variants:
            assert isinstance(v, dict) and isinstance(v["state_dict"], dict)
    except ConfigError as exc:
        raise CheckpointError(MSG.invalid_experiment(name=name, problems=exc.problem_messages)) from None
    except (KeyError, AssertionError, TypeError, IndexError, ValueError, AttributeError):
        raise CheckpointError(MSG.missing_entries(name=name)) from None
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


def _shape(value: Any) -> str:
    shape = getattr(value, "shape", None)
    return "x".join(str(n) for n in shape) if shape is not None else type(value).__name__


def _check_shapes(expected: dict[str, Any], saved: Any) -> None:
    """Name the weights whose shapes differ (PyTorch's own message is long, and cut it is useless)."""
    if not isinstance(saved, dict):
        raise TypeError("state_dict is not a table")
    differences: list[Any] = []
    missing = [k for k in expected if k not in saved]
    unexpected = [k for k in saved if k not in expected]
    for key, value in expected.items():
        found = saved.get(key)
        if found is not None and getattr(found, "shape", None) != value.shape:
            differences.append(MSG.shape_difference(key=key, found=_shape(found), expected=_shape(value)))
    if missing:
        differences.append(MSG.missing_keys(count=len(missing), keys=", ".join(map(str, missing[:3]))))
    if unexpected:
        differences.append(MSG.unexpected_keys(count=len(unexpected), keys=", ".join(map(str, unexpected[:3]))))
    if differences:
        found, wanted = _layout(saved), _layout(expected)
        if found and wanted and found != wanted:
            differences = [MSG.layout_differs(found=found, expected=wanted)]
        raise CheckpointError(MSG.shape_mismatch(name="checkpoint", differences=differences[:4]))


_LINEAR_WEIGHT = re.compile(r"^linears\.(\d+)\.weight$")


def _layout(state: dict[str, Any]) -> str:
    """'1-16-8-1' from the Linear weights of a state dict ('' when it has none or they do not chain)."""
    weights = sorted((int(m.group(1)), v) for k, v in state.items() if (m := _LINEAR_WEIGHT.match(str(k))) is not None)
    shapes = [tuple(getattr(v, "shape", ())) for _, v in weights]
    if not shapes or any(len(shape) != 2 for shape in shapes):
        return ""
    return "-".join(str(n) for n in [shapes[0][1], *(shape[0] for shape in shapes)])


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
        raise CheckpointError(MSG.variants_disagree())
    # Everything below reads values of the file: a wrong type or shape anywhere is a refusal,
    # never a traceback (AttributeError/IndexError from a str where a tensor belongs, ...).
    try:
        for run, saved in zip(trainer.variants, payload["variants"]):
            _check_tables(saved)
            _check_shapes(run.model.state_dict(), saved["state_dict"])
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
        n = trainer.dataset.x_train.shape[0]
        perm = _permutation(payload.get("permutation"), n)
        trainer._perm = None if perm is None else perm.to(trainer.device)
        trainer.data_generator.set_state(payload["data_generator"])
        extra = getattr(trainer, "data_generators", [])[1:]
        if extra:
            gens, perms = payload["replicate_generators"], payload["replicate_permutations"]
            if len(gens) != len(extra) or len(perms) != len(extra):
                raise ValueError("checkpoint and experiment disagree on the number of replicates")
            for k, (gen, state, p) in enumerate(zip(extra, gens, perms), start=1):
                gen.set_state(state)
                p = _permutation(p, n)
                trainer._perms[k] = None if p is None else p.to(trainer.device)
        engine = getattr(trainer, "_engine", None)
        if engine is not None:
            engine.configure()  # compare mode's stacked engine re-reads the settings just restored
    except (RuntimeError, KeyError, ValueError, TypeError, AttributeError, IndexError, OverflowError) as exc:
        raise CheckpointError(MSG.does_not_fit(detail=str(exc).splitlines()[0][:200])) from None
    trainer.finished = trainer.epoch >= trainer.total_epochs or all(run.finished for run in trainer.variants)
    return trainer
