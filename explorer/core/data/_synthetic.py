"""The synthetic sets as plain numpy draws (assembled into a Dataset by _datasets.py).

Each split (train, validation, test) draws from its own numpy Generator spawned
from the dataset seed, so changing one split's size never changes another
split's values, and no global RNG state is touched.
"""

from __future__ import annotations

from typing import Callable

import numpy as np

from explorer.core.config import DatasetConfig

# the weight-decay experiment: x = 1..10, y = x^2 plus noise (the exact published values).
QUADRATIC_X = np.arange(1.0, 11.0)
QUADRATIC_Y = np.array([0.52, 8.54, 6.94, 20.76, 32.17, 30.65, 40.46, 80.12, 75.12, 98.83])

HIGHDIM_W = 0.01  # d2l's weight-decay experiment: w* = 0.01 * ones(d)
HIGHDIM_B = 0.05  # b* = 0.05

# kind -> (noise-free target, grid low, grid high, grid includes its high end)
CURVES: dict[str, tuple[Callable[[np.ndarray], np.ndarray], float, float, bool]] = {
    "linear": (lambda x: 1.5 * x, -1.1, 1.1, True),
    "sine": (np.sin, -3.3, 3.3, True),
    "quadratic": (np.square, 0.0, 10.0, False),
    # the data cover [-4, 4]; the view twice as wide, where the test-time dropout band widens
    "xsinx": (lambda x: x * np.sin(x), -8.0, 8.0, True),
}

XSINX_HALF_WIDTH = 4.0  # x sin x: data on [-4, 4]

# The 2-D classification sets live in about [-6, 6]^2 (TensorFlow Playground units).
BASE_EXTENT = (-6.0, 6.0, -6.0, 6.0)

Splits = dict[str, tuple[np.ndarray, np.ndarray]]  # "train"/"val"/"test" -> (x, y)
SPLITS = ("train", "val", "test")


def split_rngs(seed: int) -> dict[str, np.random.Generator]:
    children = np.random.SeedSequence(seed).spawn(len(SPLITS))
    return {s: np.random.default_rng(c) for s, c in zip(SPLITS, children)}


def split_sizes(cfg: DatasetConfig) -> dict[str, int]:
    return {"train": cfg.n_train, "val": cfg.n_val, "test": cfg.n_test}


def split_noise(cfg: DatasetConfig, split: str) -> float:
    if split == "train" or cfg.test_noise is None:
        return cfg.noise
    return cfg.test_noise


# -- regression ----------------------------------------------------------------


def linear(cfg: DatasetConfig) -> Splits:
    """x = linspace(-1, 1, n) for every split; y = 1.5 x + N(0, noise) (the dropout-regression experiment)."""
    rngs, out = split_rngs(cfg.seed), {}
    for s, n in split_sizes(cfg).items():
        x = np.linspace(-1.0, 1.0, n)
        out[s] = (x, 1.5 * x + rngs[s].normal(0.0, split_noise(cfg, s), n))
    return out


def sine(cfg: DatasetConfig) -> Splits:
    rngs, out = split_rngs(cfg.seed), {}
    for s, n in split_sizes(cfg).items():
        x = np.sort(rngs[s].uniform(-3.0, 3.0, n))
        out[s] = (x, np.sin(x) + rngs[s].normal(0.0, split_noise(cfg, s), n))
    return out


def xsinx(cfg: DatasetConfig) -> Splits:
    """y = x sin(x) + N(0, noise), x ~ U(-4, 4): Yarin Gal's dropout-uncertainty demo (EXPERIMENTS.md #10)."""
    rngs, out = split_rngs(cfg.seed), {}
    for s, n in split_sizes(cfg).items():
        x = np.sort(rngs[s].uniform(-XSINX_HALF_WIDTH, XSINX_HALF_WIDTH, n))
        out[s] = (x, x * np.sin(x) + rngs[s].normal(0.0, split_noise(cfg, s), n))
    return out


def quadratic(cfg: DatasetConfig) -> Splits:
    """The fixed §4 training points; validation and test lie on y = x^2 (noise-free) over [0, 10)."""
    out = {"train": (QUADRATIC_X.copy(), QUADRATIC_Y.copy())}
    for s, n in (("val", cfg.n_val), ("test", cfg.n_test)):
        x = np.linspace(0.0, 10.0, n, endpoint=False)
        out[s] = (x, x**2)
    return out


def highdim(cfg: DatasetConfig) -> Splits:
    """d2l's weight-decay set: y = X w* + b* + N(0, noise), X ~ N(0, 1) (d2l, section on weight decay)."""
    rngs, out = split_rngs(cfg.seed), {}
    w = np.full(cfg.input_dim, HIGHDIM_W)
    for s, n in split_sizes(cfg).items():
        x = rngs[s].normal(0.0, 1.0, (n, cfg.input_dim))
        out[s] = (x, x @ w + HIGHDIM_B + rngs[s].normal(0.0, split_noise(cfg, s), n))
    return out


# -- 2-D classification ---------------------------------------------------------
# Each generator returns noise-free points of one class; jitter is added after.


def _circles(rng: np.random.Generator, n: int, cls: int) -> np.ndarray:
    r = rng.uniform(0.0, 2.5, n) if cls == 0 else rng.uniform(3.5, 5.0, n)
    t = rng.uniform(0.0, 2 * np.pi, n)
    return np.stack([r * np.cos(t), r * np.sin(t)], axis=1)


def _xor(rng: np.random.Generator, n: int, cls: int) -> np.ndarray:
    """Class 1: x and y of the same sign; class 0: opposite signs (0.3 away from the axes)."""
    mag = rng.uniform(0.3, 5.3, (n, 2))
    sx = rng.choice([-1.0, 1.0], n)
    sy = sx if cls == 1 else -sx
    return mag * np.stack([sx, sy], axis=1)


def _gaussians(rng: np.random.Generator, n: int, cls: int) -> np.ndarray:
    centre = -2.0 if cls == 0 else 2.0
    return rng.normal(centre, 1.0, (n, 2))


def _spiral(rng: np.random.Generator, n: int, cls: int) -> np.ndarray:
    u = rng.uniform(0.0, 1.0, n)
    r = 5.0 * u
    t = 1.75 * 2 * np.pi * u + (0.0 if cls == 0 else np.pi)
    return np.stack([r * np.sin(t), r * np.cos(t)], axis=1)


def _moons(rng: np.random.Generator, n: int, cls: int) -> np.ndarray:
    t = rng.uniform(0.0, np.pi, n)
    if cls == 0:
        x, y = np.cos(t), np.sin(t)
    else:
        x, y = 1.0 - np.cos(t), 0.5 - np.sin(t)
    return 3.0 * np.stack([x - 0.5, y - 0.25], axis=1)


CLASSIFIERS_2D = {"circles": _circles, "xor": _xor, "gaussians": _gaussians, "spiral": _spiral, "moons": _moons}

DESCRIPTIONS_2D = {
    "circles": "inner disc (class 0) vs ring (class 1)",
    "xor": "class 1 where x and y have the same sign",
    "gaussians": "two Gaussian blobs",
    "spiral": "two interleaved spirals",
    "moons": "two interleaved half moons",
}


def classification_2d(cfg: DatasetConfig) -> Splits:
    """Balanced two-class points (class 1 gets the odd one), shuffled, jittered by N(0, noise)."""
    make = CLASSIFIERS_2D[cfg.kind]
    rngs, out = split_rngs(cfg.seed), {}
    for s, n in split_sizes(cfg).items():
        rng = rngs[s]
        n0 = n // 2
        x = np.concatenate([make(rng, n0, 0), make(rng, n - n0, 1)]).reshape(n, 2)
        y = np.concatenate([np.zeros(n0, np.int64), np.ones(n - n0, np.int64)])
        x = x + rng.normal(0.0, split_noise(cfg, s), (n, 2))
        order = rng.permutation(n)
        out[s] = (x[order], y[order])
    return out


def extent_2d(
    points: list[np.ndarray], base: tuple[float, float, float, float] | None = None, pad: float = 0.1
) -> tuple[float, float, float, float]:
    """(xmin, xmax, ymin, ymax): the points' bounds padded by `pad` of their range, joined with base."""
    pts = [p for p in points if len(p)]
    if pts:
        allp = np.concatenate(pts)
        lo, hi = allp.min(axis=0), allp.max(axis=0)
        span = np.where(hi - lo > 0, hi - lo, 1.0)
        lo, hi = lo - pad * span, hi + pad * span
        ext = [float(lo[0]), float(hi[0]), float(lo[1]), float(hi[1])]
    else:
        ext = list(base or (-1.0, 1.0, -1.0, 1.0))
    if base is not None:
        ext = [min(ext[0], base[0]), max(ext[1], base[1]), min(ext[2], base[2]), max(ext[3], base[3])]
    return ext[0], ext[1], ext[2], ext[3]


def grid_2d(extent: tuple[float, float, float, float], gh: int, gw: int) -> np.ndarray:
    """(gh * gw, 2) points, row-major: row i has y = ys[i] (ymin first), column j has x = xs[j]."""
    xs = np.linspace(extent[0], extent[1], gw)
    ys = np.linspace(extent[2], extent[3], gh)
    gx, gy = np.meshgrid(xs, ys)  # (gh, gw) each, rows follow y
    return np.stack([gx.ravel(), gy.ravel()], axis=1)
