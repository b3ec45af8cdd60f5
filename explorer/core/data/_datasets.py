"""The Dataset (train/val/test tensors plus the DataView the fit view draws) and how one is assembled.

build_dataset (_build.py) picks the builder: the synthetic draws are in _synthetic.py, the file-based sets
(digits, idx, csv) in _files.py, the file formats in _idx.py and _csv.py. Everything is seeded by cfg.seed through local numpy Generators.

Layout of the fit view's inputs (`grid_inputs`, normalised like x):
- 1-D regression: a dense grid of GRID_POINTS x values, grid_shape (G,);
- 2-D classification: a GRID_2D x GRID_2D meshgrid, row-major (row i is
  y = ymin + i*dy, column j is x = xmin + j*dx), grid_shape (gh, gw);
- images: the first SAMPLE_IMAGES test images (training ones if there is no
  test split), grid_shape (S,); DataView.x_train holds the same images raw;
- n-D regression (highdim, CSV): the test rows (else validation, else
  training), at most VIEW_MAX of them, grid_shape (M,); DataView.x_test and
  y_test hold those rows' true targets, so view.x_test[i] is the truth for
  grid prediction i (a parity plot);
- n-D classification (CSV with 1 or more than 2 inputs): the first
  SAMPLE_IMAGES test rows like images, task "classification", grid_shape (S,),
  DataView.x_train = those rows raw (S, d), sample_labels their labels,
  grid_extent None.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Optional

import numpy as np
import torch

from explorer.core.config import DatasetConfig
from explorer.core.data import _synthetic as syn
from explorer.core.protocol import DataView

GRID_POINTS = 200  # 1-D regression grid
GRID_2D = 60  # 2-D classification grid is GRID_2D x GRID_2D
SAMPLE_IMAGES = 16  # images (and n-D classification rows) shown with predictions
VIEW_MAX = 2000  # points per split in the DataView
MAX_SYNTHETIC_VALUES = 50_000_000  # highdim: samples x inputs over all splits
MIN_STD = 1e-8  # a training std below this counts as a constant input (scaled by 1)

_TENSOR_FIELDS = ("x_train", "y_train", "x_val", "y_val", "x_test", "y_test", "grid_inputs")


@dataclass
class Dataset:
    task: str  # "regression" | "classification" | "image"
    x_train: torch.Tensor  # float32 (N, input_dim), normalised if cfg.normalize; or uint8 pixels (see inputs)
    y_train: torch.Tensor  # regression: float32 (N, 1); otherwise int64 (N,)
    x_val: torch.Tensor
    y_val: torch.Tensor
    x_test: torch.Tensor
    y_test: torch.Tensor
    input_dim: int
    output_dim: int  # 1 for regression, the number of classes otherwise
    grid_inputs: torch.Tensor  # float32, normalised like x (see the module docstring)
    grid_shape: tuple[int, ...]
    view: DataView  # raw coordinates for plotting
    class_names: tuple[str, ...] = ()
    image_shape: Optional[tuple[int, int]] = None
    description: str = ""
    input_mean: Optional[np.ndarray] = None  # normalisation: x_norm = (x_raw - mean) / std
    input_std: Optional[np.ndarray] = None  # (input_dim,), or (1,) for images; None if not normalised
    pixel_affine: Optional[tuple[float, float]] = None  # uint8 x: model input = pixel * scale + shift

    def inputs(self, x: torch.Tensor) -> torch.Tensor:
        """The model's input rows for rows of x_train/x_val/x_test. Downloaded image sets keep their
        pixels as uint8 (a quarter of float32's memory: 47 MB for 60,000 28x28 images instead of 188 MB)
        and are converted here, one batch at a time: (pixel / 255 - mean) / std as one multiply-add."""
        if x.dtype != torch.uint8:
            return x
        scale, shift = self.pixel_affine or (1.0 / 255.0, 0.0)
        return x.to(torch.float32).mul_(scale).add_(shift)

    def to(self, device) -> Dataset:
        return dataclasses.replace(self, **{f: getattr(self, f).to(device) for f in _TENSOR_FIELDS})

    @property
    def n_train(self) -> int:
        return int(self.x_train.shape[0])

    @property
    def n_val(self) -> int:
        return int(self.x_val.shape[0])

    @property
    def n_test(self) -> int:
        return int(self.x_test.shape[0])


# -- assembling -------------------------------------------------------------------


def _view_rows(n: int, cap: int = VIEW_MAX) -> np.ndarray:
    """At most `cap` evenly spaced row indices, in order."""
    if n <= cap:
        return np.arange(n)
    return np.unique(np.linspace(0, n - 1, cap).round().astype(np.int64))


def _sub(a: np.ndarray) -> np.ndarray:
    return a[_view_rows(len(a))]


def _as_2d(x: np.ndarray) -> np.ndarray:
    """(N,) -> (N, 1); (N, h, w) -> (N, h*w); works for N = 0."""
    return x.reshape(len(x), int(np.prod(x.shape[1:], dtype=np.int64)))


def _assemble(
    task: str,
    cfg: DatasetConfig,
    splits: syn.Splits,
    grid_raw: np.ndarray,
    grid_shape: tuple[int, ...],
    view: DataView,
    output_dim: int,
    *,
    scalar_norm: bool = False,
    **extra,
) -> Dataset:
    """Normalise with training statistics and turn the splits into tensors."""
    if task == "image" and all(np.asarray(splits[s][0]).dtype == np.uint8 for s in syn.SPLITS):
        return _assemble_pixels(cfg, splits, grid_raw, grid_shape, view, output_dim, **extra)
    # float32 inputs (images) stay float32 to spare memory; statistics are taken in float64
    dt = np.float32 if np.asarray(splits["train"][0]).dtype == np.float32 else np.float64
    xs = {s: _as_2d(np.asarray(splits[s][0], dtype=dt)) for s in syn.SPLITS}
    grid = _as_2d(np.asarray(grid_raw, dtype=dt))
    input_dim = xs["train"].shape[1]
    mean = std = None
    if cfg.normalize:
        xt = xs["train"]
        if scalar_norm:
            mean, std = np.array([xt.mean(dtype=np.float64)]), np.array([xt.std(dtype=np.float64)])
        else:
            mean, std = xt.mean(axis=0, dtype=np.float64), xt.std(axis=0, dtype=np.float64)
        std = np.where(std < MIN_STD, 1.0, std)
        m, sd = mean.astype(dt), std.astype(dt)
        xs = {s: (x - m) / sd for s, x in xs.items()}
        grid = (grid - m) / sd
    regression = task == "regression"

    def y_tensor(y: np.ndarray) -> torch.Tensor:
        if regression:
            return torch.from_numpy(np.asarray(y, dtype=np.float32).reshape(-1, 1))
        return torch.from_numpy(np.asarray(y, dtype=np.int64).reshape(-1))

    def x_tensor(x: np.ndarray) -> torch.Tensor:
        return torch.from_numpy(np.ascontiguousarray(x, dtype=np.float32).reshape(len(x), input_dim))

    return Dataset(
        task=task,
        x_train=x_tensor(xs["train"]),
        y_train=y_tensor(splits["train"][1]),
        x_val=x_tensor(xs["val"]),
        y_val=y_tensor(splits["val"][1]),
        x_test=x_tensor(xs["test"]),
        y_test=y_tensor(splits["test"][1]),
        input_dim=input_dim,
        output_dim=output_dim,
        grid_inputs=x_tensor(grid),
        grid_shape=tuple(int(g) for g in grid_shape),
        view=view,
        input_mean=None if mean is None else mean.astype(np.float32),
        input_std=None if std is None else std.astype(np.float32),
        **extra,
    )


def split_counts(splits: syn.Splits, unit: str = "points") -> str:
    n = {s: len(splits[s][1]) for s in syn.SPLITS}
    return f"{n['train']} train / {n['val']} val / {n['test']} test {unit}"


def regression_1d_dataset(
    cfg: DatasetConfig, splits: syn.Splits, grid_x: np.ndarray, true_curve: Optional[np.ndarray], description: str
) -> Dataset:
    (xtr, ytr), (xte, yte) = splits["train"], splits["test"]
    view = DataView(
        "regression",
        x_train=_sub(xtr).astype(np.float64),
        y_train=_sub(ytr).astype(np.float64),
        x_test=_sub(xte).astype(np.float64),
        y_test=_sub(yte).astype(np.float64),
        grid_x=grid_x,
        true_curve=true_curve,
        input_dim=1,
        output_dim=1,
    )
    return _assemble("regression", cfg, splits, grid_x, (len(grid_x),), view, 1, description=description)


def regression_nd_dataset(cfg: DatasetConfig, splits: syn.Splits, description: str) -> Dataset:
    """Parity view: grid_inputs = rows of the test split (else val, else train), true targets in the view."""
    src = next((s for s in ("test", "val", "train") if len(splits[s][1])), "train")
    rows = _view_rows(len(splits[src][1]))
    grid = splits[src][0][rows]
    truth = np.asarray(splits[src][1], dtype=np.float64)[rows]
    ytr = _sub(np.asarray(splits["train"][1], dtype=np.float64))
    view = DataView(
        "regression",
        x_train=ytr,
        y_train=ytr.copy(),
        x_test=truth,
        y_test=truth.copy(),
        input_dim=int(_as_2d(splits["train"][0]).shape[1]),
        output_dim=1,
    )
    return _assemble(
        "regression",
        cfg,
        splits,
        grid,
        (len(rows),),
        view,
        1,
        description=f"{description}; fit view: predicted vs true on {len(rows)} {src} rows",
    )


def classification_2d_dataset(
    cfg: DatasetConfig, splits: syn.Splits, extent, n_classes: int, class_names: tuple[str, ...], description: str
) -> Dataset:
    (xtr, ytr), (xte, yte) = splits["train"], splits["test"]
    view = DataView(
        "classification",
        x_train=_sub(xtr),
        y_train=_sub(ytr),
        x_test=_sub(xte),
        y_test=_sub(yte),
        grid_extent=tuple(float(e) for e in extent),
        class_names=class_names,
        input_dim=2,
        output_dim=n_classes,
    )
    grid = syn.grid_2d(extent, GRID_2D, GRID_2D)
    return _assemble(
        "classification",
        cfg,
        splits,
        grid,
        (GRID_2D, GRID_2D),
        view,
        n_classes,
        class_names=class_names,
        description=description,
    )


def samples_dataset(
    cfg: DatasetConfig,
    task: str,
    splits: syn.Splits,
    n_classes: int,
    class_names: tuple[str, ...],
    description: str,
    image_shape: Optional[tuple[int, int]] = None,
) -> Dataset:
    """Images, or n-D classification rows: the first SAMPLE_IMAGES test (else train) samples."""
    src = "test" if len(splits["test"][1]) else "train"
    x, y = splits[src][0][:SAMPLE_IMAGES], np.asarray(splits[src][1][:SAMPLE_IMAGES], dtype=np.int64)
    shown = x.astype(np.float32) / np.float32(255.0) if x.dtype == np.uint8 else x.copy()  # views draw [0, 1]
    empty = np.zeros((0,) + x.shape[1:], dtype=shown.dtype)
    view = DataView(
        task,
        x_train=shown,
        y_train=y.copy(),
        x_test=empty,
        y_test=np.zeros(0, np.int64),
        class_names=class_names,
        sample_labels=y.copy(),
        input_dim=int(np.prod(x.shape[1:])),
        output_dim=n_classes,
    )
    return _assemble(
        task,
        cfg,
        splits,
        x,
        (len(y),),
        view,
        n_classes,
        scalar_norm=(task == "image"),
        class_names=class_names,
        image_shape=image_shape,
        description=description,
    )


# -- uint8 images: kept as bytes, converted per batch (Dataset.inputs) --------------------------

_STAT_ROWS = 4096  # rows per bincount when taking pixel statistics (bounded temporary memory)


def pixel_statistics(images: np.ndarray) -> tuple[float, float]:
    """Mean and standard deviation of uint8 pixels on the [0, 1] scale, exactly, from a histogram of the
    256 byte values (no float copy of the images: 60,000 28x28 images would take 376 MB in float64)."""
    counts = np.zeros(256, dtype=np.int64)
    flat = images.reshape(len(images), -1)
    for start in range(0, len(flat), _STAT_ROWS):
        counts += np.bincount(flat[start : start + _STAT_ROWS].ravel(), minlength=256)
    n = int(counts.sum())
    if n == 0:
        return 0.0, 1.0
    values = np.arange(256, dtype=np.float64) / 255.0
    mean = float(counts @ values) / n
    var = float(counts @ (values - mean) ** 2) / n
    return mean, var**0.5


def _assemble_pixels(
    cfg: DatasetConfig,
    splits: syn.Splits,
    grid_raw: np.ndarray,
    grid_shape: tuple[int, ...],
    view: DataView,
    output_dim: int,
    **extra,
) -> Dataset:
    """_assemble for uint8 images: the splits stay uint8 tensors (sharing the arrays' memory); one scalar
    mean and std from the training pixels give the affine map Dataset.inputs applies per batch."""
    xs = {s: np.ascontiguousarray(_as_2d(np.asarray(splits[s][0]))) for s in syn.SPLITS}
    input_dim = xs["train"].shape[1]
    grid = _as_2d(np.asarray(grid_raw, dtype=np.float32)) / np.float32(255.0)
    mean = std = None
    scale, shift = 1.0 / 255.0, 0.0
    if cfg.normalize:
        m, sd = pixel_statistics(xs["train"])
        sd = sd if sd >= MIN_STD else 1.0
        mean, std = np.array([m]), np.array([sd])
        scale, shift = 1.0 / (255.0 * sd), -m / sd
        grid = (grid - np.float32(m)) / np.float32(sd)

    def y_tensor(y: np.ndarray) -> torch.Tensor:
        return torch.from_numpy(np.asarray(y, dtype=np.int64).reshape(-1))

    return Dataset(
        task="image",
        x_train=torch.from_numpy(xs["train"]),
        y_train=y_tensor(splits["train"][1]),
        x_val=torch.from_numpy(xs["val"]),
        y_val=y_tensor(splits["val"][1]),
        x_test=torch.from_numpy(xs["test"]),
        y_test=y_tensor(splits["test"][1]),
        input_dim=input_dim,
        output_dim=output_dim,
        grid_inputs=torch.from_numpy(np.ascontiguousarray(grid, dtype=np.float32)),
        grid_shape=tuple(int(g) for g in grid_shape),
        view=view,
        input_mean=None if mean is None else mean.astype(np.float32),
        input_std=None if std is None else std.astype(np.float32),
        pixel_affine=(float(scale), float(shift)),
        **extra,
    )
