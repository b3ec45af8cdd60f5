"""The file-based sets: the bundled 8x8 digits, IDX folders/files (MNIST, Fashion-MNIST), numeric CSV.

Split rule (digits, csv, a lone IDX pair): a permutation seeded by cfg.seed,
capped at cfg.max_samples, then test_fraction for test, validation_fraction
for validation, the rest for training. With an IDX train pair and a t10k/test
pair the train file gives train/validation (test_fraction is unused) and the
test file gives the test split, in file order; max_samples caps each file's
pool separately (a seeded subset).
"""

from __future__ import annotations

import gzip
from functools import lru_cache
from pathlib import Path

import numpy as np

from explorer.core.config import DatasetConfig
from explorer.core.data import _synthetic as syn
from explorer.core.data._csv import classify_target, read_numeric_csv
from explorer.core.data._datasets import (
    GRID_POINTS,
    Dataset,
    classification_2d_dataset,
    regression_1d_dataset,
    regression_nd_dataset,
    samples_dataset,
    split_counts,
)
from explorer.core.data._idx import find_idx_pairs, images_to_unit, labels_path_for, pair_role, read_idx_pair
from explorer.core.data._registry import FASHION_CLASSES
from explorer.core.protocol import DatasetError, define_messages
from explorer.core.util import resources_dir

MSG = define_messages(
    "data_files",
    {
        "no_training_samples": "only {n} samples: nothing left for training after the validation and test fractions",
        "no_training_images": "only {n} images: nothing left for training after the validation and test fractions",
        "no_training_rows": "only {n} rows: nothing left for training after the validation and test fractions",
        "cannot_read_digits": "cannot read the digits data {path}: {detail}",
        "digits_columns": "{name}: expected 65 columns (64 pixels and the label), found {shape}",
        "idx_missing": "idx dataset: {path} does not exist",
        "idx_pairs": "{name}: found {n} IDX images files ({files}); expected one pair, "
        "or one train and one t10k/test pair",
        "idx_test_shape": "{name}: images are {shape}, but {other} has {other_shape}",
        "csv_not_file": "csv dataset: {path} is not a file",
        "single_class": "{name}: the target column {target} has a single value ({number}); nothing to learn",
    },
)


def _split_pool(
    n: int, cfg: DatasetConfig, rng: np.random.Generator, with_test: bool = True, what: str = "samples"
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(train, val, test) indices: a seeded permutation capped at max_samples, then the fractions."""
    perm = rng.permutation(n)
    if cfg.max_samples is not None:
        perm = perm[: cfg.max_samples]
    m = len(perm)
    n_test = int(round(m * cfg.test_fraction)) if with_test else 0
    n_val = int(round(m * cfg.validation_fraction))
    if m - n_test - n_val < 1:
        too_few = {"images": MSG.no_training_images, "rows": MSG.no_training_rows}.get(what, MSG.no_training_samples)
        raise DatasetError(too_few(n=m))
    return perm[n_test + n_val :], perm[n_test : n_test + n_val], perm[:n_test]


def _take(x: np.ndarray, y: np.ndarray, idx: dict[str, np.ndarray]) -> syn.Splits:
    return {s: (x[idx[s]], y[idx[s]]) for s in syn.SPLITS}


@lru_cache(maxsize=1)
def _digits_array() -> np.ndarray:
    path = resources_dir() / "data" / "digits.csv.gz"
    try:
        with gzip.open(path, "rt") as fh:
            data = np.loadtxt(fh, delimiter=",", dtype=np.float64)
    except (OSError, EOFError, ValueError) as exc:
        raise DatasetError(MSG.cannot_read_digits(path=str(path), detail=str(exc))) from None
    if data.ndim != 2 or data.shape[1] != 65:
        raise DatasetError(MSG.digits_columns(name=path.name, shape=str(data.shape)))
    data.setflags(write=False)
    return data


def _build_digits(cfg: DatasetConfig) -> Dataset:
    data = _digits_array()
    images = (data[:, :64] / 16.0).reshape(-1, 8, 8).astype(np.float32)
    labels = data[:, 64].astype(np.int64)
    idx = dict(zip(syn.SPLITS, _split_pool(len(labels), cfg, np.random.default_rng(cfg.seed))))
    splits = _take(images, labels, idx)
    desc = f"digits (8x8 handwritten digits, UCI): {split_counts(splits, 'images')}, 10 classes"
    return samples_dataset(cfg, "image", splits, 10, tuple(str(i) for i in range(10)), desc, (8, 8))


def _build_idx(cfg: DatasetConfig) -> Dataset:
    path = Path(str(cfg.path)).expanduser()
    if not path.exists():
        raise DatasetError(MSG.idx_missing(path=str(path)))
    if path.is_dir():
        pairs = find_idx_pairs(path)
        roles = {pair_role(prefix): pair for prefix, pair in pairs.items()}
        if len(pairs) == 1:
            train_pair, test_pair = next(iter(pairs.values())), None
        elif len(pairs) == 2 and set(roles) == {"train", "test"}:
            train_pair, test_pair = roles["train"], roles["test"]
        else:
            names = ", ".join(p[0].name for p in pairs.values())
            raise DatasetError(MSG.idx_pairs(name=path.name, n=len(pairs), files=names))
    else:
        train_pair, test_pair = (path, labels_path_for(path)), None
    rng = np.random.default_rng(cfg.seed)
    split: dict[str, np.ndarray] = {}

    def choose_train(n: int) -> np.ndarray:
        """Only the images the splits use are read (max_samples of millions costs max_samples)."""
        split["train"], split["val"], split["test"] = _split_pool(
            n, cfg, rng, with_test=test_pair is None, what="images"
        )
        used = np.zeros(n, dtype=bool)
        for indices in split.values():
            used[indices] = True
        split["rows"] = np.flatnonzero(used)
        return split["rows"]

    images, labels = read_idx_pair(*train_pair, choose=choose_train)
    at = {s: np.searchsorted(split["rows"], split[s]) for s in ("train", "val", "test")}
    parts = {s: (images[at[s]], labels[split[s]]) for s in ("train", "val")}
    n_classes = int(labels.max()) + 1
    if test_pair is None:
        parts["test"] = (images[at["test"]], labels[split["test"]])
    else:
        kept: dict[str, np.ndarray] = {}

        def choose_test(n: int) -> np.ndarray:
            kept["rows"] = np.arange(n)
            if cfg.max_samples is not None and n > cfg.max_samples:
                kept["rows"] = np.sort(rng.permutation(n)[: cfg.max_samples])
            return kept["rows"]

        t_images, t_labels = read_idx_pair(*test_pair, choose=choose_test)
        if t_images.shape[1:] != images.shape[1:]:
            raise DatasetError(
                MSG.idx_test_shape(
                    name=test_pair[0].name,
                    shape=str(t_images.shape[1:]),
                    other=train_pair[0].name,
                    other_shape=str(images.shape[1:]),
                )
            )
        parts["test"] = (t_images, t_labels[kept["rows"]])
        n_classes = max(n_classes, int(t_labels.max()) + 1)
    del images
    splits = {s: (images_to_unit(x), y) for s, (x, y) in parts.items()}
    h, w = splits["train"][0].shape[1:]
    fashion = "fashion" in str(path.resolve()).lower() and n_classes == 10
    names = FASHION_CLASSES if fashion else tuple(str(i) for i in range(n_classes))
    source = f"{train_pair[0].name}" + (f" + {test_pair[0].name}" if test_pair else "")
    desc = (
        f"idx ({'Fashion-MNIST, ' if fashion else ''}{source}): {split_counts(splits, 'images')} "
        f"of {h}x{w}, {n_classes} classes"
    )
    return samples_dataset(cfg, "image", splits, n_classes, names, desc, (int(h), int(w)))


def _build_csv(cfg: DatasetConfig) -> Dataset:
    path = Path(str(cfg.path)).expanduser()
    if not path.is_file():
        raise DatasetError(MSG.csv_not_file(path=str(path)))
    x, y, names = read_numeric_csv(path)
    d = x.shape[1]
    idx = dict(zip(syn.SPLITS, _split_pool(len(y), cfg, np.random.default_rng(cfg.seed), what="rows")))
    classes = classify_target(y)
    target = names[-1]
    if classes is not None:
        if len(classes) < 2:
            raise DatasetError(MSG.single_class(name=path.name, target=repr(target), number=f"{classes[0]:g}"))
        labels = np.searchsorted(classes, y).astype(np.int64)
        class_names = tuple(f"{c:g}" for c in classes)
        splits = _take(x, labels, idx)
        desc = (
            f"csv {path.name}: {split_counts(splits, 'rows')}, {d} inputs, "
            f"classification of {target!r} into {len(classes)} classes"
        )
        if d == 2:
            extent = syn.extent_2d([x])
            return classification_2d_dataset(cfg, splits, extent, len(classes), class_names, desc)
        return samples_dataset(cfg, "classification", splits, len(classes), class_names, desc)
    splits = _take(x, y, idx)
    desc = f"csv {path.name}: {split_counts(splits, 'rows')}, {d} inputs, regression of {target!r}"
    if d == 1:
        lo, hi = float(x.min()), float(x.max())
        pad = 0.05 * (hi - lo) if hi > lo else 1.0
        grid_x = np.linspace(lo - pad, hi + pad, GRID_POINTS)
        splits = {s: (xs[:, 0], ys) for s, (xs, ys) in splits.items()}
        return regression_1d_dataset(cfg, splits, grid_x, None, desc)
    return regression_nd_dataset(cfg, splits, desc)


BUILDERS = {"digits": _build_digits, "idx": _build_idx, "csv": _build_csv}
