"""Realistic, fully populated synthetic Snapshots for GUI tests (no torch, no trainer).

    from tests.gui.fake_snapshot import make_snapshot
    snap = make_snapshot("classification", n_variants=3, step=400)

Successive `step` values give a run that moves: predictions converge, masks are
redrawn, histograms widen, the histories grow with `epochs`. Every array is
read-only, as the trainer's are, so a view that writes into one fails loudly.
"""

from __future__ import annotations

import numpy as np

from explorer.core.protocol import (
    DIAGRAM_MAX_NEURONS,
    HISTORY_KEYS,
    DataView,
    EarlyStoppingState,
    HiddenState,
    Histogram,
    HistogramFrame,
    LinearState,
    Snapshot,
    VariantState,
)

TASKS = ("regression", "classification", "image", "highdim", "scaling")

# variant i: (name, dropout_p, dropout_kind, l1, l2)
_VARIANTS = [
    ("no regularization", 0.0, "inverted", 0.0, 0.0),
    ("dropout p=0.5", 0.5, "inverted", 0.0, 0.0),
    ("DropConnect p=0.3", 0.3, "dropconnect", 0.0, 0.0),
    ("Gaussian dropout", 0.3, "gaussian", 0.0, 0.0),
    ("L1 1e-3", 0.0, "inverted", 1e-3, 0.0),
    ("L2 1e-2", 0.0, "inverted", 0.0, 1e-2),
    ("vanilla p=0.5", 0.5, "vanilla", 0.0, 0.0),
    ("dropout + L2", 0.5, "inverted", 0.0, 1e-2),
]


def _ro(a) -> np.ndarray:
    a = np.asarray(a)
    a.setflags(write=False)
    return a


def _hist(values: np.ndarray, bins: int = 40) -> Histogram:
    counts, edges = np.histogram(values, bins=bins)
    return Histogram(counts=_ro(counts.astype(np.int64)), edges=_ro(edges.astype(np.float32)))


def _sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def _data(task: str, rng: np.random.Generator):
    """The DataView and a function f(variant, progress, x) -> prediction."""
    if task in ("regression", "scaling"):
        x = np.linspace(-1, 1, 10)
        grid = np.linspace(-1.2, 1.2, 300)
        dv = DataView(
            task="regression",
            x_train=_ro(x),
            y_train=_ro(1.5 * x + rng.normal(0, 0.5, 10)),
            x_test=_ro(x.copy()),
            y_test=_ro(1.5 * x + rng.normal(0, 0.3, 10)),
            grid_x=_ro(grid),
            true_curve=_ro(1.5 * grid),
            input_dim=1,
            output_dim=1,
        )
        return dv
    if task == "highdim":
        w = np.full(200, 0.01)
        xtr, xte = rng.normal(size=(20, 200)), rng.normal(size=(100, 200))
        return DataView(
            task="regression",
            x_train=_ro(xtr),
            y_train=_ro(xtr @ w + 0.05 + rng.normal(0, 0.01, 20)),
            x_test=_ro(xte),
            y_test=_ro(xte @ w + 0.05 + rng.normal(0, 0.01, 100)),
            input_dim=200,
            output_dim=1,
        )
    if task == "classification":

        def moons(n):
            t = rng.uniform(0, np.pi, n)
            lab = rng.integers(0, 2, n)
            xs = np.where(lab == 0, np.cos(t), 1 - np.cos(t))
            ys = np.where(lab == 0, np.sin(t), 0.5 - np.sin(t))
            return np.stack([xs, ys], 1) + rng.normal(0, 0.2, (n, 2)), lab

        xtr, ytr = moons(120)
        xte, yte = moons(80)
        return DataView(
            task="classification",
            x_train=_ro(xtr),
            y_train=_ro(ytr),
            x_test=_ro(xte),
            y_test=_ro(yte),
            grid_extent=(-1.5, 2.5, -1.0, 1.5),
            class_names=("class 0", "class 1"),
            input_dim=2,
            output_dim=2,
        )
    if task == "image":
        s = 16
        labels = np.arange(s) % 10
        yy, xx = np.mgrid[0:28, 0:28]
        imgs = []
        for k in labels:  # a ring, a bar or a blob per digit class: recognisable, not random noise
            ang = k * np.pi / 10
            bar = np.exp(-((np.cos(ang) * (xx - 14) + np.sin(ang) * (yy - 14)) ** 2) / 6)
            ring = np.exp(-((np.hypot(xx - 14, yy - 14) - 4 - k * 0.6) ** 2) / 3)
            imgs.append(np.clip(bar * (k % 2) + ring * (1 - k % 2) + rng.normal(0, 0.05, (28, 28)), 0, 1))
        imgs = np.array(imgs, dtype=np.float32)
        return DataView(
            task="image",
            x_train=_ro(imgs),
            y_train=_ro(labels),
            x_test=_ro(imgs[:0]),
            y_test=_ro(labels[:0]),
            class_names=tuple(str(i) for i in range(10)),
            sample_labels=_ro(labels),
            input_dim=784,
            output_dim=10,
        )
    raise ValueError(f"unknown task {task!r}; expected one of {TASKS}")


def _histories(v: int, epochs: int, rng: np.random.Generator, classification: bool):
    e = np.arange(1, epochs + 1, dtype=np.float64)
    reg = min(v, 3) / 3.0  # 0 = overfits, 1 = regularized
    train = 0.05 + 1.2 * np.exp(-e / 8) * (1 + 0.3 * reg) + 0.01 * rng.random(epochs)
    val = 0.25 + 1.0 * np.exp(-e / 8) + (1 - reg) * 0.006 * np.maximum(e - 12, 0) + 0.015 * rng.random(epochs)
    test = val * 1.05 + 0.01 * rng.random(epochs)
    h = {k: np.full(epochs, np.nan) for k in HISTORY_KEYS}
    h.update(epoch=e, step=e * 10, train_loss=train, val_loss=val, test_loss=test, penalty=np.full(epochs, 0.01 * v))
    if classification:
        h["train_accuracy"] = np.clip(1 - train / 1.4, 0, 1)
        h["val_accuracy"] = np.clip(1 - val / 1.5, 0, 1)
        h["test_accuracy"] = np.clip(1 - test / 1.5, 0, 1)
    return {k: _ro(a) for k, a in h.items()}, val


def make_snapshot(
    task: str = "regression",
    n_variants: int = 2,
    n_layers: int = 2,
    epochs: int = 50,
    step: int = 100,
    rng_seed: int = 0,
) -> Snapshot:
    if task not in TASKS:
        raise ValueError(f"unknown task {task!r}; expected one of {TASKS}")
    data_rng = np.random.default_rng(rng_seed)  # data fixed by the seed
    rng = np.random.default_rng([rng_seed, step])  # everything else moves with the step
    dv = _data(task, data_rng)
    progress = 1 - np.exp(-step / 800)
    classification = task in ("classification", "image")
    widths = [200] * n_layers if task != "image" else [256] * n_layers
    if task == "classification":
        widths = [12] + [200] * (n_layers - 1)  # one layer small enough to show in full
    in_dim, out_dim = dv.input_dim, dv.output_dim
    dims = [in_dim] + widths + [out_dim]
    gh, gw = 60, 80

    variants = []
    for v in range(n_variants):
        name, p, kind, l1, l2 = _VARIANTS[v % len(_VARIANTS)]
        hist, val = _histories(v, epochs, rng, classification)
        best = int(np.nanargmin(val))
        patience = 10
        stopped = v == 0 and epochs - 1 - best >= patience
        es = EarlyStoppingState(
            enabled=True,
            monitor="val_loss",
            best_value=float(val[best]),
            best_epoch=int(hist["epoch"][best]),
            wait=epochs - 1 - best,
            patience=patience,
            stopped=stopped,
            stop_epoch=int(hist["epoch"][-1]) if stopped else None,
            restored=False,
        )
        scale = 0.3 + 0.4 * progress / (1 + v)
        linears, hidden = [], []
        for li in range(len(dims) - 1):
            n_in, n_out = dims[li], dims[li + 1]
            wvals = rng.normal(0, scale, 2000)
            if l1 > 0:
                wvals[rng.random(2000) < 0.6] = 0.0  # L1: a spike at exactly zero
            dw = rng.normal(0, scale, (min(n_out, DIAGRAM_MAX_NEURONS), min(n_in, DIAGRAM_MAX_NEURONS)))
            dcm = (rng.random(dw.shape) >= p).astype(np.float32) if kind == "dropconnect" else None
            linears.append(
                LinearState(
                    name="output" if li == len(dims) - 2 else f"layer {li + 1}",
                    weight_hist=_hist(wvals),
                    grad_hist=_hist(rng.normal(0, 0.01 / (1 + li), 2000)),
                    weight_norm=float(scale * np.sqrt(n_in * n_out) / 10),
                    penalty=l1 + l2,
                    display_weights=_ro(dw.astype(np.float32)),
                    dropconnect_mask=None if dcm is None else _ro(dcm),
                )
            )
        for hi, w in enumerate(widths):
            if kind in ("inverted", "vanilla"):
                keep = rng.random(w) >= p
                mask = np.where(keep, 1.0 / (1 - p) if kind == "inverted" else 1.0, 0.0)
            elif kind == "gaussian":
                mask = np.clip(rng.normal(1.0, np.sqrt(p / (1 - p)), w), 0, None)
            else:
                mask = None
            maps = None
            if task == "classification":
                ys, xs = np.mgrid[0:gh, 0:gw]
                maps = np.stack(
                    [
                        np.maximum(0, np.sin(xs / (5 + k) + k) * np.cos(ys / (7 + hi)))
                        for k in range(min(w, DIAGRAM_MAX_NEURONS))
                    ]
                ).astype(np.float32)
            hidden.append(
                HiddenState(
                    width=w,
                    activation="ReLU",
                    dropout_p=p,
                    dropout_kind=kind,
                    mask=None if mask is None else _ro(mask.astype(np.float32)),
                    activation_mean=0.3 + 0.1 * hi,
                    activation_var=0.1 * (1 + hi) * (1 + v),
                    neuron_maps=None if maps is None else _ro(maps),
                )
            )
        e = hist["epoch"]
        norm_hist = np.stack([(1 + li) * (1 + np.log1p(e) / (1 + v)) for li in range(len(dims) - 1)], 1)
        var_hist = np.stack([(0.2 + 0.05 * hi) * (1 + v) * (1 + 0.5 * np.sin(e / 7)) for hi in range(len(widths))], 1)
        frames = []
        for fe in np.unique(np.linspace(1, epochs, min(epochs, 25)).astype(int)):
            s = 0.1 + 0.4 * (fe / epochs) / (1 + v)
            frames.append(
                HistogramFrame(epoch=int(fe), hists=tuple(_hist(rng.normal(0, s, 1000)) for _ in range(len(dims) - 1)))
            )
        variants.append(
            VariantState(
                name=name,
                history=hist,
                weight_norm_history=_ro(norm_hist),
                activation_var_history=_ro(var_hist),
                activation_mean_history=_ro(var_hist * 0.5),
                linears=tuple(linears),
                hidden=tuple(hidden),
                grid_prediction=_ro(_prediction(task, dv, v, progress, rng, gh, gw)),
                early_stopping=es,
                histogram_frames=tuple(frames),
                finished=False,
                l1_lambda=l1,
                l2_lambda=l2,
                lr=0.01,
            )
        )

    extra = {}
    if task == "scaling":
        n = 200 + step // 10
        extra["scaling"] = {
            "inverted": {"train_outputs": _ro(2.0 * rng.binomial(10000, 0.5, n)), "eval_output": 10000.0},
            "vanilla": {"train_outputs": _ro(1.0 * rng.binomial(10000, 0.5, n)), "eval_output": 5000.0},
        }
    return Snapshot(
        step=step,
        epoch=epochs,
        total_epochs=max(epochs * 2, 1),
        steps_per_second=850.0,
        device="cpu",
        state="running",
        message="",
        variants=tuple(variants),
        data=dv,
        wall_seconds=step / 850.0,
        generation=1,
        experiment_json="{}",
        extra=extra,
    )


def _prediction(task, dv: DataView, v: int, progress: float, rng, gh: int, gw: int) -> np.ndarray:
    wiggle = (1.0 - min(v, 3) / 3.0) * progress
    if task in ("regression", "scaling"):
        g = dv.grid_x
        return (1.5 * g * progress + wiggle * 0.8 * np.sin(9 * g + v) + 0.05 * rng.normal()).astype(np.float64)
    if task == "highdim":
        return (dv.y_test + (0.02 + 0.2 * wiggle) * rng.normal(size=dv.y_test.shape)).astype(np.float64)
    if task == "classification":
        x0, x1, y0, y1 = dv.grid_extent
        xs = np.linspace(x0, x1, gw)
        ys = np.linspace(y0, y1, gh)
        X, Y = np.meshgrid(xs, ys)  # row 0 = ymin
        z = 3 * progress * (Y - 0.25 + 0.5 * np.sin(2 * X)) + wiggle * 1.5 * np.sin(6 * X) * np.cos(5 * Y)
        return _sigmoid(-z).astype(np.float32)
    # images: (S, C) probabilities, mostly right, some wrong
    s = len(dv.sample_labels)
    logits = rng.normal(0, 1, (s, 10))
    logits[np.arange(s), dv.sample_labels] += 4 * progress + 0.5 * v
    p = np.exp(logits - logits.max(1, keepdims=True))
    return (p / p.sum(1, keepdims=True)).astype(np.float32)
