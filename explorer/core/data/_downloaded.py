"""The downloadable sets as datasets: Fashion-MNIST and MNIST with their official splits.

Split rule: the official training file gives training and validation (a seeded
permutation, capped at max_samples, validation_fraction of it for validation;
test_fraction is unused), the official test file gives the test split (all
10,000 images, or a seeded subset of max_samples). The images stay uint8
(47 MB for the 60,000 training images instead of 188 MB as float32); the
trainer converts each batch (Dataset.inputs).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional

import numpy as np

from explorer.core.config import DOWNLOADED_KINDS, DatasetConfig, Experiment
from explorer.core.data._idx import read_idx_pair
from explorer.core.data._registry import RemoteSet, is_cached, remote_set, verified_path
from explorer.core.protocol import DatasetError, Message, define_messages

if TYPE_CHECKING:  # _datasets imports torch: loaded when a set is built, not when the window asks what is cached
    from explorer.core.data._datasets import Dataset

MSG = define_messages(
    "data",
    {
        "not_bytes": "{name}: expected unsigned-byte pixels, found {dtype}",
        "in_use_downloaded": "Data in use: {title}, the set this lesson was written for ({n_train} training, "
        "{n_val} validation and {n_test} test images).",
        "in_use_offline": "Data in use: the built-in 8x8 digits, so this runs offline. The lesson was written for "
        "{title}: one click uses it (Use {title}), or fetch it with python -m explorer data fetch {kind}.",
    },
)

Pair = tuple[np.ndarray, np.ndarray]  # images (N, h, w) uint8, labels (N,) int64


def load_arrays(kind: str | RemoteSet) -> tuple[Pair, Pair]:
    """((train images, labels), (test images, labels)) from the cache, every file checked first."""
    rs = remote_set(kind)
    pairs = []
    for split in ("train", "test"):
        images = verified_path(rs, rs.file(split, "images"))
        labels = verified_path(rs, rs.file(split, "labels"))
        x, y = read_idx_pair(images, labels)
        if x.dtype != np.uint8:
            raise DatasetError(MSG.not_bytes(name=images.name, dtype=str(x.dtype)))
        pairs.append((x, y))
    return pairs[0], pairs[1]


def build_downloaded(cfg: DatasetConfig, kind: str | RemoteSet | None = None) -> Dataset:
    rs = remote_set(kind or cfg.kind)
    train, test = load_arrays(rs)
    return dataset_from_arrays(cfg, rs, train, test)


def dataset_from_arrays(
    cfg: DatasetConfig, rs: RemoteSet, train: Pair, test: Pair, source: Optional[str] = None
) -> Dataset:
    """The Dataset of `cfg` from the official training and test arrays (uint8 images)."""
    from explorer.core.data._datasets import samples_dataset, split_counts
    from explorer.core.data._files import _split_pool

    rng = np.random.default_rng(cfg.seed)
    images, labels = train
    tr, va, _ = _split_pool(len(labels), cfg, rng, with_test=False, what="images")
    t_images, t_labels = test
    keep = np.arange(len(t_labels))
    if cfg.max_samples is not None and len(keep) > cfg.max_samples:
        keep = np.sort(rng.permutation(len(t_labels))[: cfg.max_samples])
    splits = {
        "train": (images[tr], labels[tr]),
        "val": (images[va], labels[va]),
        "test": (t_images[keep], t_labels[keep]),
    }
    h, w = images.shape[1:]
    n_classes = len(rs.class_names)
    desc = (
        f"{rs.title} ({source or 'official files'}): {split_counts(splits, 'images')} of {h}x{w}, {n_classes} classes"
    )
    return samples_dataset(cfg, "image", splits, n_classes, rs.class_names, desc, (int(h), int(w)))


# -- the lessons written for a downloadable set (the d2l dropout presets) -------------------------


def with_downloaded_data(experiment: Experiment, kind: str) -> Experiment:
    """`experiment` on the downloadable set `kind` (its other data settings kept)."""
    return experiment.with_values({"dataset.kind": kind, "dataset.path": None})


def prefer_cached_data(experiment: Experiment) -> Experiment:
    """A lesson written for a downloadable set (meta.real_data) uses it when it is cached; otherwise the
    experiment stays on its offline dataset (the 8x8 digits) and the set is offered (data_note)."""
    wanted = experiment.meta.real_data
    if wanted and experiment.dataset.kind != wanted and experiment.dataset.kind not in DOWNLOADED_KINDS:
        if is_cached(wanted):
            return with_downloaded_data(experiment, wanted)
    return experiment


def split_sizes(cfg: DatasetConfig, rs: RemoteSet) -> tuple[int, int, int]:
    """(train, val, test) sizes the builder will give for `cfg`, without reading the files."""
    pool = rs.n_train if cfg.max_samples is None else min(rs.n_train, cfg.max_samples)
    n_val = int(round(pool * cfg.validation_fraction))
    n_test = rs.n_test if cfg.max_samples is None else min(rs.n_test, cfg.max_samples)
    return pool - n_val, n_val, n_test


def data_note(experiment: Experiment) -> Optional[Message]:
    """For a lesson written for a downloadable set: which data set is in use (None for other lessons)."""
    wanted = experiment.meta.real_data
    if not wanted:
        return None
    rs = remote_set(wanted)
    if experiment.dataset.kind == wanted:
        n_train, n_val, n_test = split_sizes(experiment.dataset, rs)
        return MSG.in_use_downloaded(title=rs.title, n_train=f"{n_train:,}", n_val=f"{n_val:,}", n_test=f"{n_test:,}")
    if experiment.dataset.kind == "digits":
        return MSG.in_use_offline(title=rs.title, kind=rs.kind)
    return None
