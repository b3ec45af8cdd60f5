"""Fashion-MNIST figures of `python -m explorer bench`: an epoch of the d2l MLP against a bare loop, the
accuracy after 10 epochs against that loop, and the trainer's peak memory on the full set.

The data: Fashion-MNIST from the cache when it is there; otherwise synthetic
uint8 28x28 noise of the same size (60,000 training and 10,000 test images,
random labels), and the figures say so (`fashion_data`). Speed and memory do
not depend on the pixels; the accuracies on noise are only a check that both
loops run (about 10 %), not a comparison of learning.
"""

from __future__ import annotations

import json
import math
import subprocess
import sys
from typing import Any, Optional

import numpy as np
import torch

from explorer.core.config import Experiment, load_preset
from explorer.core.data import REGISTRY, Dataset, build_dataset, dataset_from_arrays, is_cached, read_idx_pair
from explorer.core.io._bench import MNIST_DIR, _trainer_epochs, bare_image_net, compare, torch_threads
from explorer.core.training import Trainer

FOREVER = 10_000_000


def fashion_experiment(dropout: tuple[float, float] = (0.2, 0.5), epochs: int = FOREVER) -> Experiment:
    """The d2l dropout MLP on Fashion-MNIST, one model: 784-256-256-10, SGD lr 0.5, batch 256, pixels in
    [0, 1] (d2l's ToTensor, no standardising), an evaluation after every epoch."""
    return load_preset("dropout-mlp").with_values(
        {
            "variants": [],
            "dataset.kind": "fashion-mnist",
            "dataset.validation_fraction": 0.1,
            "network.layers.0.dropout_p": dropout[0],
            "network.layers.1.dropout_p": dropout[1],
            "training.epochs": epochs,
            "training.eval_every": 1,
            "training.device": "cpu",
        }
    )


def fashion_data(exp: Experiment, samples: Optional[int] = None, learnable: bool = False) -> tuple[Dataset, str]:
    """The dataset of `exp` from the cache, else synthetic uint8 images of Fashion-MNIST's size; with
    `learnable`, the real MNIST test images (../shared/data/mnist) split 8,000 / 2,000 instead of noise
    when they are there (an accuracy on noise says nothing)."""
    cfg = exp.dataset.model_copy(update={"max_samples": samples})
    cap = f", capped at {samples}" if samples else ""
    if is_cached("fashion-mnist"):
        return build_dataset(cfg), f"Fashion-MNIST (cached files{cap})"
    if learnable and (MNIST_DIR / "t10k-images-idx3-ubyte.gz").is_file():
        x, y = read_idx_pair(MNIST_DIR / "t10k-images-idx3-ubyte.gz", MNIST_DIR / "t10k-labels-idx1-ubyte.gz")
        source = (
            f"stand-in: the real MNIST test images split 8,000 train / 2,000 test (Fashion-MNIST is not cached{cap})"
        )
        return dataset_from_arrays(cfg, REGISTRY["mnist"], (x[:8000], y[:8000]), (x[8000:], y[8000:])), source
    rng = np.random.default_rng(0)
    train = (rng.integers(0, 256, (60_000, 28, 28), dtype=np.uint8), rng.integers(0, 10, 60_000))
    test = (rng.integers(0, 256, (10_000, 28, 28), dtype=np.uint8), rng.integers(0, 10, 10_000))
    source = f"synthetic 28x28 uint8 noise, 60,000 + 10,000 images (Fashion-MNIST is not cached{cap})"
    return dataset_from_arrays(cfg, REGISTRY["fashion-mnist"], train, test, source="synthetic"), source


class BareLoop:
    """What a d2l-style script does: float32 tensors in memory, nn.Sequential with nn.Dropout, SGD,
    shuffled batches of 256 by index, and after each epoch the test accuracy in one no-grad pass."""

    def __init__(self, exp: Experiment, ds: Dataset):
        self.x, self.y = ds.inputs(ds.x_train), ds.y_train
        self.x_test, self.y_test = ds.inputs(ds.x_test), ds.y_test
        self.net, self.opt, self.loss_fn = bare_image_net(exp, self.x.shape[1], ds.output_dim)
        self.gen = torch.Generator().manual_seed(exp.training.seed)
        self.bs = exp.training.batch_size or len(self.y)
        self.test_accuracy = math.nan

    def epoch(self) -> int:
        n = self.x.shape[0]
        self.net.train()
        perm = torch.randperm(n, generator=self.gen)
        for start in range(0, n, self.bs):
            idx = perm[start : start + self.bs]
            self.opt.zero_grad()
            self.loss_fn(self.net(self.x.index_select(0, idx)), self.y.index_select(0, idx)).backward()
            self.opt.step()
        self.net.eval()
        with torch.no_grad():
            self.test_accuracy = float((self.net(self.x_test).argmax(1) == self.y_test).float().mean())
        return n


def fashion_epoch_vs_bare(repeats: int = 3, samples: Optional[int] = None) -> dict[str, Any]:
    """Samples per second of one epoch of the trainer (training and that epoch's evaluation: the training
    subsample, validation, test) against the bare loop (training and the 10,000 test images)."""
    exp = fashion_experiment()
    ds, source = fashion_data(exp, samples)
    out: dict[str, Any] = {"fashion_data": source, "fashion_train_samples": ds.n_train}
    with torch_threads(1):
        bare = BareLoop(exp, ds)
        trainer = Trainer(exp, dataset=ds)
        r = compare(bare.epoch, _trainer_epochs(trainer), repeats=repeats, burst_seconds=0.0, warmup=1)
    out.update(
        fashion_epoch_vs_bare=r["ratio"],
        fashion_epoch_vs_bare_cpu=r["ratio_cpu"],
        fashion_bare_samples_per_s=r["a"],
        fashion_trainer_samples_per_s=r["b"],
    )
    return out


def fashion_accuracy_vs_bare(epochs: int = 10, samples: Optional[int] = None) -> dict[str, Any]:
    """Test accuracy after `epochs` epochs, trainer and bare loop with the same settings and seeds, for
    dropout 0.2/0.5 and none (the issue's bar: within 1 point on Fashion-MNIST)."""
    out: dict[str, Any] = {}
    with torch_threads(1):
        for label, dropout in (("dropout", (0.2, 0.5)), ("no_dropout", (0.0, 0.0))):
            exp = fashion_experiment(dropout, epochs=epochs)
            ds, source = fashion_data(exp, samples, learnable=True)
            out["fashion_accuracy_data"] = source
            trainer = Trainer(exp, dataset=ds)
            while not trainer.finished:
                trainer.step()
            bare = BareLoop(exp, ds)
            for _ in range(epochs):
                bare.epoch()
            ours = float(trainer.variants[0].history.column("test_accuracy")[-1])
            out[f"fashion_{label}_test_accuracy_trainer"] = ours
            out[f"fashion_{label}_test_accuracy_bare"] = bare.test_accuracy
            out[f"fashion_{label}_accuracy_gap_points"] = 100.0 * abs(ours - bare.test_accuracy)
    return out


_RSS_SCRIPT = """
import json, resource, sys, torch
torch.set_num_threads(1)
from explorer.core.io._bench_fashion import fashion_data, fashion_experiment
from explorer.core.config import load_preset
from explorer.core.training import Trainer
exp = load_preset("dropout-mlp").with_values({"dataset.kind": "fashion-mnist", "training.epochs": 1,
                                              "training.device": "cpu"})
ds, source = fashion_data(exp)
trainer = Trainer(exp, dataset=ds)
while not trainer.finished:
    trainer.step()
trainer.snapshot()
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0
print(json.dumps({"rss": peak, "source": source, "n_train": ds.n_train, "variants": len(trainer.variants)}))
"""


def fashion_peak_rss(timeout: float = 1200.0) -> dict[str, Any]:
    """Peak resident memory (MB) of a fresh process that builds the d2l preset's Fashion-MNIST run (its
    two variants) and trains one epoch with its evaluation: the trainer process's footprint."""
    proc = subprocess.run(
        [sys.executable, "-c", _RSS_SCRIPT], capture_output=True, text=True, timeout=timeout, check=False
    )
    if proc.returncode != 0:
        return {"fashion_peak_rss_mb": math.nan, "fashion_peak_rss_error": proc.stderr.strip()[-300:]}
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    return {
        "fashion_peak_rss_mb": result["rss"],
        "fashion_peak_rss_data": result["source"],
        "fashion_peak_rss_train_samples": result["n_train"],
    }


def run_fashion(repeats: int = 3) -> dict[str, Any]:
    figures = fashion_epoch_vs_bare(repeats)
    figures.update(fashion_accuracy_vs_bare())
    figures.update(fashion_peak_rss())
    return figures
