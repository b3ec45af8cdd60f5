"""The Fashion-MNIST benchmark runs without the set (synthetic images of its size) and says so."""

from __future__ import annotations

import math

import pytest

from explorer.core.io import TARGETS
from explorer.core.io._bench_fashion import BareLoop, fashion_data, fashion_epoch_vs_bare, fashion_experiment

pytestmark = pytest.mark.usefixtures("one_torch_thread")


def test_synthetic_stand_in_has_fashion_mnist_size_and_says_so():
    ds, source = fashion_data(fashion_experiment())
    assert "synthetic" in source and "not cached" in source
    assert ds.n_train + ds.n_val == 60_000 and ds.n_test == 10_000
    assert ds.x_train.dtype.itemsize == 1 and ds.input_dim == 784


def test_epoch_figure_keys_on_a_small_cut(monkeypatch):
    figures = fashion_epoch_vs_bare(repeats=1, samples=600)
    assert figures["fashion_train_samples"] == 540 and "capped at 600" in figures["fashion_data"]
    for key in ("fashion_epoch_vs_bare", "fashion_bare_samples_per_s", "fashion_trainer_samples_per_s"):
        assert math.isfinite(figures[key]) and figures[key] > 0
    assert TARGETS["fashion_epoch_vs_bare"] == 0.9


def test_bare_loop_evaluates_the_test_images():
    exp = fashion_experiment()
    ds, _ = fashion_data(exp, samples=300)
    bare = BareLoop(exp, ds)
    assert bare.epoch() == ds.n_train and 0.0 <= bare.test_accuracy <= 1.0
