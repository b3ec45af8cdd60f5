"""build_dataset: the dataset a DatasetConfig describes, synthetic (here) or read from files (_files.py)."""

from __future__ import annotations

import numpy as np

from explorer.core.config import DOWNLOADED_KINDS, DatasetConfig
from explorer.core.data import _synthetic as syn
from explorer.core.data._datasets import (
    GRID_POINTS,
    MAX_SYNTHETIC_VALUES,
    Dataset,
    classification_2d_dataset,
    regression_1d_dataset,
    regression_nd_dataset,
    split_counts,
)
from explorer.core.data._downloaded import build_downloaded
from explorer.core.data._files import BUILDERS as FILE_BUILDERS
from explorer.core.protocol import DatasetError, define_messages

MSG = define_messages(
    "datasets",
    {
        "unknown_kind": "unknown dataset kind {kind}",
        "highdim_too_large": "highdim: {samples} samples x {inputs} inputs is {values} values, more than the {max} "
        "this explorer draws; lower n_train/n_val/n_test or input_dim",
    },
)


def build_dataset(cfg: DatasetConfig) -> Dataset:
    """The dataset `cfg` describes; the same cfg (seed included) always gives the same data."""
    if cfg.kind in ("linear", "sine", "quadratic", "xsinx"):
        return _build_curve(cfg)
    if cfg.kind == "highdim":
        return _build_highdim(cfg)
    if cfg.kind in syn.CLASSIFIERS_2D:
        return _build_2d(cfg)
    if cfg.kind in ("digits", "idx", "csv"):
        return FILE_BUILDERS[cfg.kind](cfg)
    if cfg.kind in DOWNLOADED_KINDS:
        return build_downloaded(cfg)
    raise DatasetError(MSG.unknown_kind(kind=repr(cfg.kind)))


# -- synthetic sets -------------------------------------------------------------------


def _noise_text(cfg: DatasetConfig) -> str:
    text = f"noise {cfg.noise:g}"
    if cfg.test_noise is not None and cfg.test_noise != cfg.noise:
        text += f" (val/test {cfg.test_noise:g})"
    return text


def _build_curve(cfg: DatasetConfig) -> Dataset:
    fn, lo, hi, endpoint = syn.CURVES[cfg.kind]
    splits = {"linear": syn.linear, "sine": syn.sine, "quadratic": syn.quadratic, "xsinx": syn.xsinx}[cfg.kind](cfg)
    grid_x = np.linspace(lo, hi, GRID_POINTS, endpoint=endpoint)
    if cfg.kind == "quadratic":
        desc = (
            f"quadratic: the 10 fixed training points of the weight-decay experiment "
            f"(x = 1..10, y = x^2 + noise; n_train and noise are ignored) / "
            f"{cfg.n_val} val / {cfg.n_test} test points on the true curve y = x^2 over [0, 10)"
        )
    else:
        curve = {"linear": "y = 1.5x", "sine": "y = sin(x)", "xsinx": "y = x sin(x), x in [-4, 4]"}[cfg.kind]
        desc = f"{cfg.kind} ({curve}): {split_counts(splits)}, {_noise_text(cfg)}"
    return regression_1d_dataset(cfg, splits, grid_x, fn(grid_x), desc)


def _build_highdim(cfg: DatasetConfig) -> Dataset:
    n_values = (cfg.n_train + cfg.n_val + cfg.n_test) * cfg.input_dim
    if n_values > MAX_SYNTHETIC_VALUES:
        raise DatasetError(
            MSG.highdim_too_large(
                samples=cfg.n_train + cfg.n_val + cfg.n_test,
                inputs=cfg.input_dim,
                values=n_values,
                max=MAX_SYNTHETIC_VALUES,
            )
        )
    splits = syn.highdim(cfg)
    desc = (
        f"highdim (y = X w* + b*, w* = {syn.HIGHDIM_W:g}·1, b* = {syn.HIGHDIM_B:g}, "
        f"{cfg.input_dim} inputs): {split_counts(splits, 'samples')}, {_noise_text(cfg)}"
    )
    return regression_nd_dataset(cfg, splits, desc)


def _build_2d(cfg: DatasetConfig) -> Dataset:
    splits = syn.classification_2d(cfg)
    extent = syn.extent_2d([splits[s][0] for s in syn.SPLITS], syn.BASE_EXTENT)
    desc = f"{cfg.kind} ({syn.DESCRIPTIONS_2D[cfg.kind]}): {split_counts(splits)}, input jitter {_noise_text(cfg)}"
    return classification_2d_dataset(cfg, splits, extent, 2, ("class 0", "class 1"), desc)
