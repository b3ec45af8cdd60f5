"""Evaluation in chunks, the fixed training subsample, and uint8 images converted per batch."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from explorer.core.config import load_preset
from explorer.core.data import samples_dataset
from explorer.core.training import Trainer, _evaluation

pytestmark = pytest.mark.usefixtures("one_torch_thread")


def _images(n_train=300, n_val=60, n_test=100, seed=0, as_bytes=True):
    rng = np.random.default_rng(seed)
    splits = {}
    for split, n in (("train", n_train), ("val", n_val), ("test", n_test)):
        labels = rng.integers(0, 10, n)
        pixels = rng.integers(0, 256, (n, 8, 8)).astype(np.uint8)
        pixels[:, labels % 8, :] //= 4  # a learnable hint: a darker row per class
        splits[split] = (pixels if as_bytes else pixels.astype(np.float32) / np.float32(255.0), labels)
    return splits


def _experiment(variants=True, epochs=3, normalize=True):
    exp = load_preset("dropout-mlp").with_values(
        {
            "training.epochs": epochs,
            "training.batch_size": 64,
            "training.device": "cpu",
            "network.layers.0.width": 32,
            "network.layers.1.width": 32,
            "dataset.normalize": normalize,
        }
    )
    return exp if variants else exp.with_values({"variants": []})


def _dataset(exp, **kw):
    return samples_dataset(exp.dataset, "image", _images(**kw), 10, tuple("0123456789"), "test images", (8, 8))


@pytest.mark.parametrize("stacked", [False, True])
def test_bytes_converted_per_batch_train_like_float_images(stacked):
    """The same pixels stored as uint8 (converted per batch) or as float32 give the same training run."""
    exp = _experiment()
    as_bytes = Trainer(exp, dataset=_dataset(exp), stacked=stacked)
    as_float = Trainer(exp, dataset=_dataset(exp, as_bytes=False), stacked=stacked)
    assert as_bytes.dataset.x_train.dtype == torch.uint8 and as_float.dataset.x_train.dtype == torch.float32
    assert as_bytes.dataset.x_train.element_size() * 4 == as_float.dataset.x_train.element_size()
    for _ in range(3 * as_bytes.steps_per_epoch):
        as_bytes.step()
        as_float.step()
    for a, b in zip(as_bytes.variants, as_float.variants):
        for key in ("train_loss", "val_loss", "test_loss", "test_accuracy"):
            np.testing.assert_allclose(a.history.column(key), b.history.column(key), rtol=1e-4, atol=1e-5)


@pytest.mark.parametrize("stacked", [False, True])
def test_chunked_evaluation_matches_one_pass(monkeypatch, stacked):
    exp = _experiment(epochs=2)
    whole = Trainer(exp, dataset=_dataset(exp), stacked=stacked)
    monkeypatch.setattr(_evaluation, "EVAL_BATCH", 7)  # 300 rows: 43 chunks, the last of 6
    chunked = Trainer(exp, dataset=_dataset(exp), stacked=stacked)
    for _ in range(2 * whole.steps_per_epoch):
        whole.step()
        chunked.step()
    for a, b in zip(whole.variants, chunked.variants):
        for key in ("train_loss", "val_loss", "test_loss", "train_accuracy", "test_accuracy"):
            np.testing.assert_allclose(a.history.column(key), b.history.column(key), rtol=1e-5, atol=1e-6)


@pytest.mark.parametrize("stacked", [False, True])
def test_large_training_split_is_measured_on_a_fixed_subsample_then_in_full(monkeypatch, stacked):
    monkeypatch.setattr(_evaluation, "TRAIN_EVAL_ROWS", 50)
    exp = _experiment(epochs=2, variants=stacked)
    tr = Trainer(exp, dataset=_dataset(exp), stacked=stacked)
    assert tr.dataset.view.train_eval_rows == 50
    rows = _evaluation.train_subsample(300, exp.training.seed)
    assert rows is not None and len(rows) == 50 and torch.equal(rows, rows.sort().values)
    ds = tr.dataset

    def loss_on(run, idx):
        model = run.model
        model.eval()
        with torch.no_grad():
            x = ds.inputs(ds.x_train if idx is None else ds.x_train[idx])
            y = ds.y_train if idx is None else ds.y_train[idx]
            out = model(x)
        model.train()
        return float(tr.loss_fn(out, y)), float((out.argmax(1) == y).float().mean())

    for _ in range(tr.steps_per_epoch):
        tr.step()
    for run in tr.variants:  # epoch 1 of 2: the subsample
        loss, acc = loss_on(run, rows)
        assert run.history.column("train_loss")[-1] == pytest.approx(loss, rel=1e-5)
        assert run.history.column("train_accuracy")[-1] == pytest.approx(acc)
        assert loss != pytest.approx(loss_on(run, None)[0], rel=1e-6)
    for _ in range(tr.steps_per_epoch):
        tr.step()
    assert tr.finished
    for run in tr.variants:  # the last evaluation: every training row
        assert run.history.column("train_loss")[-1] == pytest.approx(loss_on(run, None)[0], rel=1e-5)


def test_small_sets_are_measured_in_full():
    exp = _experiment(variants=False)
    tr = Trainer(exp, dataset=_dataset(exp))
    assert tr.dataset.view.train_eval_rows == 0
    assert [s for s, x, _ in tr.eval_splits()] == ["train", "val", "test"]
    assert tr.eval_splits()[0][1] is tr.dataset.x_train
