"""What a checkpoint archive declares, read without loading a single tensor.

Why: torch.load allocates every tensor at the size the file declares before it reads
it, so a 4.5 MB zip holding one compressed 750M-element zero tensor took 3 GB. A
PyTorch checkpoint is a zip of `*/data.pkl` (the pickled structure, small) and one
entry per tensor storage. Here the pickle's opcodes are walked (pickletools; nothing
is unpickled, no code can run) to sum the bytes of every storage it declares and to
find the experiment it was made by; the zip's own sizes are summed too. The loader
compares both with what that experiment's network can need before torch.load runs.
"""

from __future__ import annotations

import pickletools
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Optional

MAX_PICKLE_BYTES = 64 * 1024**2  # the structure: histories and the experiment text, never tensors
MAX_ENTRIES = 100_000

# bytes per element of the storage classes torch pickles (untyped storages count bytes)
_ELEMENT_BYTES = {
    "Double": 8,
    "Float": 4,
    "Half": 2,
    "BFloat16": 2,
    "Long": 8,
    "Int": 4,
    "Short": 2,
    "Char": 1,
    "Byte": 1,
    "Bool": 1,
    "ComplexFloat": 8,
    "ComplexDouble": 16,
    "Untyped": 1,
}
_STRINGS = ("SHORT_BINUNICODE", "BINUNICODE", "BINUNICODE8", "UNICODE", "SHORT_BINSTRING", "BINSTRING", "STRING")
_CLOSES_MARK = (
    "TUPLE",
    "LIST",
    "DICT",
    "APPENDS",
    "SETITEMS",
    "ADDITEMS",
    "FROZENSET",
    "POP_MARK",
    "OBJ",
    "INST",
    "BUILD",
)


class ArchiveProblem(Exception):
    """The archive cannot be what it claims (read by the caller into its own message)."""


@dataclass(frozen=True)
class ArchiveInfo:
    declared_bytes: int  # the larger of: the storages the pickle declares, the zip's entries
    storages: int
    experiment_json: Optional[str]  # the experiment it was made by, when found


def _element_bytes(type_name: str) -> int:
    base = type_name.rsplit(" ", 1)[-1].rsplit(".", 1)[-1]
    base = base[: -len("Storage")] if base.endswith("Storage") else base
    return _ELEMENT_BYTES.get(base, 16)  # an unknown kind counts as the widest


def _walk_pickle(data: bytes) -> tuple[int, int, Optional[str]]:
    """(bytes of all declared storages, their count, the experiment_json string)."""
    total = count = 0
    experiment: Optional[str] = None
    pushed: list[Any] = []  # values pushed since the marks below (a shallow model of the stack)
    marks: list[int] = []
    memo: dict[Any, Any] = {}
    after_key = False
    for op, arg, _ in pickletools.genops(data):
        name = op.name
        if name in _STRINGS:
            if after_key and experiment is None:
                experiment = arg if isinstance(arg, str) else None
            after_key = arg == "experiment_json"
            pushed.append(arg)
            continue
        if name in ("BINPUT", "LONG_BINPUT", "PUT", "MEMOIZE"):
            key = len(memo) if name == "MEMOIZE" else arg
            memo[key] = pushed[-1] if pushed else None
            continue
        after_key = False
        if name in ("GLOBAL", "STACK_GLOBAL"):
            pushed.append(("global", arg if isinstance(arg, str) else ""))
        elif name in ("BINGET", "LONG_BINGET", "GET"):
            pushed.append(memo.get(arg))
        elif name in ("BININT", "BININT1", "BININT2", "LONG1", "LONG4", "INT", "LONG"):
            pushed.append(arg)
        elif name == "MARK":
            marks.append(len(pushed))
        elif name == "TUPLE" and marks:
            start = marks.pop()
            items = tuple(pushed[start:])
            del pushed[start:]
            pushed.append(items)
        elif name in _CLOSES_MARK and marks:
            del pushed[marks.pop() :]
        elif name == "BINPERSID" and pushed:
            pid = pushed.pop()
            if isinstance(pid, tuple) and len(pid) >= 5 and pid[0] == "storage" and isinstance(pid[4], int):
                kind = pid[1][1] if isinstance(pid[1], tuple) and len(pid[1]) == 2 else ""
                total += max(0, pid[4]) * _element_bytes(str(kind))
                count += 1
            pushed.append(None)
        else:
            pushed.append(None)
        if len(pushed) > 1_000_000:  # never a model of a huge stack
            del pushed[: len(pushed) - 1000]
            marks = [m for m in marks if m <= len(pushed)]
    return total, count, experiment


def scan_archive(path: str | Path) -> ArchiveInfo:
    """What the checkpoint at `path` declares; ArchiveProblem when that cannot be read safely."""
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
            if len(infos) > MAX_ENTRIES:
                raise ArchiveProblem(f"holds {len(infos):,} entries")
            pickles = [i for i in infos if i.filename.endswith("data.pkl")]
            if len(pickles) != 1:
                raise ArchiveProblem("holds no data.pkl entry" if not pickles else "holds several data.pkl entries")
            if pickles[0].file_size > MAX_PICKLE_BYTES:
                raise ArchiveProblem(f"declares a {pickles[0].file_size:,}-byte structure (data.pkl)")
            zip_bytes = sum(i.file_size for i in infos if i is not pickles[0])
            data = zf.read(pickles[0])
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError, RuntimeError) as exc:
        raise ArchiveProblem(f"not a readable zip archive ({str(exc)[:80]})") from None
    try:
        storage_bytes, storages, experiment = _walk_pickle(data)
    except (ValueError, TypeError, KeyError, IndexError) as exc:
        raise ArchiveProblem(f"its structure (data.pkl) is not a pickle ({str(exc)[:80]})") from None
    return ArchiveInfo(max(storage_bytes, zip_bytes), storages, experiment)


# -- what an experiment's checkpoint can hold ------------------------------------------------------------

HISTORY_ROWS = 4096  # the trainer's history capacity
SLACK_BYTES = 16 * 1024**2  # generator states, early-stopping tables, the experiment text


def _dims_bound(dataset: Any) -> tuple[int, int]:
    """(inputs, outputs) of the network an experiment's dataset can give, at most."""
    kind = dataset.kind
    if kind in ("linear", "sine", "quadratic"):
        return 1, 1
    if kind == "highdim":
        return int(dataset.input_dim), 1
    if kind == "digits":
        return 64, 10
    if kind == "idx":
        return 128 * 128, 1000  # images up to 128x128, labels below 1000
    if kind == "csv":
        return 10_000, 20  # the CSV reader's column bound; classification up to 20 classes
    return 2, 16  # the 2-D classification sets


def checkpoint_bytes_bound(experiment: Any) -> int:
    """The most a checkpoint of `experiment` can declare: per variant the weights five times (the
    state, the best state, the plain copy, two optimizer moments), the history, the batch order."""
    inputs, outputs = _dims_bound(experiment.dataset)
    sizes = [inputs, *(layer.width for layer in experiment.network.layers), outputs]
    params = sum(a * b + b for a, b in zip(sizes, sizes[1:]))
    variants = max(1, len(experiment.variants))
    columns = 16 + 6 * len(experiment.network.layers)
    ds = experiment.dataset
    if ds.kind in ("idx", "csv", "digits"):
        samples = ds.max_samples or 10_000_000
    else:
        samples = ds.n_train
    return variants * (5 * params * 4 + HISTORY_ROWS * columns * 8) + 8 * samples + SLACK_BYTES
