"""Comparisons that used to go silently wrong: early stopping without a validation split, a CSV's
continuous target taken for classes, and a divergence on the GPU named after the wrong variant."""

from __future__ import annotations

import math

import pytest
import torch

from explorer.core.config import DatasetConfig, experiment_from_dict, load_preset
from explorer.core.protocol import ConfigError, TrainingError
from explorer.core.training import Trainer
from tests.core.small_runs import run_steps, run_to_end, sine_run

# -- early stopping needs a validation split ---------------------------------------------------------


def test_early_stopping_on_val_accuracy_without_a_validation_split_is_refused():
    """The d2l MLP with no validation split used to stop at epoch 3 with "best epoch 0": the fallback
    to the training loss kept the "higher is better" mode and restored the worst weights."""
    data = load_preset("dropout-mlp").to_dict()
    data["dataset"]["validation_fraction"] = 0.0
    data["early_stopping"] = {"enabled": True, "monitor": "val_accuracy", "patience": 3}
    with pytest.raises(ConfigError) as info:
        experiment_from_dict(data)
    text = str(info.value)
    assert "early_stopping.enabled" in text and "dataset.validation_fraction = 0" in text
    assert "\n" not in text


def test_early_stopping_without_validation_points_is_refused_also_in_a_variant():
    exp = sine_run([{"width": 8}], {}, {"training.epochs": 5}, points=(12, 0, 6))
    with pytest.raises(ConfigError, match=r"early_stopping.enabled: .*dataset.n_val = 0"):
        exp.with_values({"early_stopping.enabled": True})
    with_variant = exp.with_values(
        {"variants": [{"name": "a", "set": {}}, {"name": "stops", "set": {"early_stopping.enabled": True}}]}
    )
    with pytest.raises(ConfigError, match=r"variants\[stops\]\.early_stopping.enabled"):
        with_variant.resolved_variants()


def test_without_validation_the_best_epoch_follows_the_training_metric_in_its_own_direction(one_torch_thread):
    """Early stopping off, no validation split, monitor val_accuracy: the best epoch is the one with
    the highest training accuracy (it was the lowest training loss, read as "higher is better")."""
    data = {
        "dataset": {"kind": "moons", "n_train": 60, "n_val": 0, "n_test": 20, "noise": 0.2},
        "network": {"layers": [{"width": 16}]},
        "optimizer": {"lr": 0.2},
        "early_stopping": {"enabled": False, "monitor": "val_accuracy"},
        "training": {"epochs": 40, "device": "cpu"},
    }
    run = run_to_end(Trainer(experiment_from_dict(data))).variants[0]
    acc = run.history.column("train_accuracy")
    epochs = run.history.column("epoch")
    assert run.early.best_epoch == int(epochs[int(acc.argmax())])
    assert acc.max() > acc[0]


# -- a CSV's target decides the task ------------------------------------------------------------------


def _csv(tmp_path, target):  # type: ignore[no-untyped-def]
    path = tmp_path / "data.csv"
    rows = [f"{i / 40:.4f},{target(i)}" for i in range(40)]
    path.write_text("x,y\n" + "\n".join(rows) + "\n")
    return path


def test_a_csv_with_a_continuous_target_is_not_taken_for_classification(tmp_path, one_torch_thread):
    path = _csv(tmp_path, lambda i: f"{math.sin(i / 6):.5f}")
    assert DatasetConfig(kind="csv", path=str(path)).task is None  # the file decides, not the kind
    data = {
        "dataset": {"kind": "csv", "path": str(path), "validation_fraction": 0.25, "test_fraction": 0.25},
        "network": {"layers": [{"width": 4}]},
        "early_stopping": {"enabled": True, "monitor": "val_accuracy"},
        "training": {"epochs": 3, "device": "cpu"},
    }
    exp = experiment_from_dict(data)
    with pytest.raises(ConfigError) as info:
        Trainer(exp)
    assert "early_stopping.monitor: 'val_accuracy' needs a classification dataset" in str(info.value)
    assert "regression" in str(info.value)
    data["dataset"]["path"] = str(_csv(tmp_path, lambda i: i % 3))  # integer labels: classes
    trainer = run_to_end(Trainer(experiment_from_dict(data)))
    assert trainer.task == "classification"


# -- a divergence flagged on the device names the variant that diverged ----------------------------------


@pytest.mark.parametrize("stacked", [True, False])
def test_a_device_side_divergence_names_the_variant_that_diverged(stacked, one_torch_thread):
    """On CUDA the loss is not read back each step: non-finite losses are flagged on the device
    and read at the next evaluation. The flag used to be one for all, naming variant 0."""
    exp = sine_run(
        [{"width": 16}],
        {"optimizer.lr": 0.01},
        {
            "training.epochs": 50,
            "variants": [
                {"name": "calm", "set": {}},
                {"name": "wild", "set": {"optimizer.lr": 80.0}},
                {"name": "calm too", "set": {}},
            ],
        },
    )
    trainer = Trainer(exp, stacked=stacked)
    trainer._sync_free = True  # the CUDA path's flag logic, on the CPU
    with pytest.raises(TrainingError) as info:
        run_steps(trainer, 500)
    assert "variant 'wild'" in str(info.value)
    assert "calm" not in str(info.value)


def test_the_device_flags_keep_the_variant_of_each_loss():
    exp = sine_run([{"width": 4}], {}, {"variants": [{"name": n, "set": {}} for n in ("a", "b", "c")]})
    trainer = Trainer(exp)
    trainer._sync_free = True
    trainer.check_finite(torch.tensor([1.0]), [0])
    trainer.check_finite(torch.tensor([float("nan"), 2.0]), [2, 1])
    with pytest.raises(TrainingError, match="variant 'c'"):
        trainer.check_divergence()
    trainer.check_divergence()  # read once: cleared
