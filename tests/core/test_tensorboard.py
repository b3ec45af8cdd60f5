"""TensorBoard event files (issue 4, item 6), read back with TensorBoard's own reader."""

from __future__ import annotations

import math
import sys
from pathlib import Path

import numpy as np
import pytest

from explorer.cli import main
from explorer.core.config import Experiment
from explorer.core.io import INSTALL_HINT, TensorBoardLogger, run_folder_name, run_headless
from explorer.core.protocol import ExplorerError


def _tensorboard_importable() -> bool:
    try:
        import tensorboard  # noqa: F401
        from tensorboard.backend.event_processing import event_accumulator  # noqa: F401
        from torch.utils.tensorboard import SummaryWriter  # noqa: F401
    except ImportError:
        return False
    return True


HAVE_TENSORBOARD = _tensorboard_importable()
needs_tensorboard = pytest.mark.skipif(
    not HAVE_TENSORBOARD,
    reason="tensorboard is not installed (pip install 'regularization-explorer[tensorboard]' or the test extra)",
)

HISTOGRAM_EVERY = 4
EPOCHS = 10


def experiment(epochs: int = EPOCHS) -> Experiment:
    return Experiment().with_values(
        {
            "dataset.kind": "circles",
            "dataset.n_train": 24,
            "dataset.n_val": 12,
            "dataset.n_test": 12,
            "network.layers": [{"width": 8}, {"width": 6}],
            "regularization.l2_lambda": 0.01,
            "optimizer.lr": 0.05,
            "training.epochs": epochs,
            "training.seed": 5,
            "training.device": "cpu",
            "variants": [{"name": "p = 0", "set": {}}, {"name": "p = 0.5", "set": {"network.layers.0.dropout_p": 0.5}}],
        }
    )


def accumulator(folder: Path):  # type: ignore[no-untyped-def]
    from tensorboard.backend.event_processing import event_accumulator as ea

    acc = ea.EventAccumulator(str(folder), size_guidance={ea.SCALARS: 0, ea.HISTOGRAMS: 0, ea.TENSORS: 0})
    acc.Reload()
    return acc


def assert_scalar_equals(acc, tag: str, epochs: np.ndarray, values: np.ndarray) -> None:  # type: ignore[no-untyped-def]
    keep = np.isfinite(values)
    events = acc.Scalars(tag)
    assert [e.step for e in events] == [int(x) for x in epochs[keep]], tag
    np.testing.assert_allclose(
        [e.value for e in events], values[keep].astype(np.float32), rtol=1e-6, atol=0, err_msg=tag
    )


@pytest.fixture(scope="module")
def logged(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    if not HAVE_TENSORBOARD:
        pytest.skip("tensorboard is not installed (pip install 'regularization-explorer[tensorboard]')")
    tmp = tmp_path_factory.mktemp("tb_run")
    result = run_headless(
        experiment(), tmp / "out", progress=False, tensorboard=tmp / "tb", tensorboard_histogram_every=HISTOGRAM_EVERY
    )
    from explorer.core.io import load_checkpoint

    payload = load_checkpoint(tmp / "out" / "checkpoint.pt")
    return tmp / "tb", result, payload


@needs_tensorboard
def test_one_run_folder_per_variant(logged) -> None:  # type: ignore[no-untyped-def]
    tb, result, _ = logged
    assert sorted(p.name for p in tb.iterdir()) == ["p=0", "p=0.5"]
    for folder in tb.iterdir():
        assert any(f.name.startswith("events.out.tfevents") for f in folder.iterdir())
    assert result.tensorboard == tb
    assert f"tensorboard --logdir {tb}" in result.describe()


@needs_tensorboard
def test_scalars_equal_the_history_with_epochs_as_steps(logged) -> None:  # type: ignore[no-untyped-def]
    tb, result, _ = logged
    for name, folder in (("p = 0", "p=0"), ("p = 0.5", "p=0.5")):
        acc = accumulator(tb / folder)
        h = {
            k: np.array([math.nan if v is None else v for v in vals], float)
            for k, vals in result.metrics["history"][name].items()
        }
        epochs = h["epoch"]
        assert list(epochs) == list(range(EPOCHS + 1))
        tags = set(acc.Tags()["scalars"])
        assert {
            "loss/train",
            "loss/val",
            "loss/test",
            "accuracy/train",
            "accuracy/val",
            "accuracy/test",
            "penalty",
            "weight_norm/layer 1",
            "weight_norm/layer 2",
            "weight_norm/output",
            "activation_var/layer 1",
            "activation_var/layer 2",
        } <= tags
        for key, tag in (
            ("train_loss", "loss/train"),
            ("val_loss", "loss/val"),
            ("test_loss", "loss/test"),
            ("train_accuracy", "accuracy/train"),
            ("val_accuracy", "accuracy/val"),
            ("test_accuracy", "accuracy/test"),
            ("penalty", "penalty"),
        ):
            assert_scalar_equals(acc, tag, epochs, h[key])
        # the penalty is NaN before the first step: left out, not logged as NaN
        assert acc.Scalars("penalty")[0].step == 1


@needs_tensorboard
def test_weight_norms_and_activation_variance_equal_the_history(logged) -> None:  # type: ignore[no-untyped-def]
    tb, _, payload = logged
    for saved in payload["variants"]:
        acc = accumulator(tb / run_folder_name(saved["name"]))
        cols = {k: np.asarray(v, float) for k, v in saved["history"]["columns"].items()}
        epochs = cols["epoch"].reshape(-1)
        for i, layer in enumerate(("layer 1", "layer 2", "output")):
            assert_scalar_equals(acc, f"weight_norm/{layer}", epochs, cols["weight_norm"][:, i])
        for i, layer in enumerate(("layer 1", "layer 2")):
            assert_scalar_equals(acc, f"activation_var/{layer}", epochs, cols["activation_var"][:, i])


@needs_tensorboard
def test_histograms_every_n_evaluations_and_at_the_end(logged) -> None:  # type: ignore[no-untyped-def]
    tb, _, _ = logged
    for folder in ("p=0", "p=0.5"):
        acc = accumulator(tb / folder)
        tags = set(acc.Tags()["histograms"])
        assert {
            "weights/layer 1",
            "weights/layer 2",
            "weights/output",
            "gradients/layer 1",
            "gradients/layer 2",
            "gradients/output",
        } <= tags
        # evaluations 0, 4, 8 (epochs 0, 4, 8) and the last one (epoch 10)
        assert [e.step for e in acc.Histograms("weights/layer 1")] == [0, 4, 8, EPOCHS]
        # no gradient before the first backward pass
        assert [e.step for e in acc.Histograms("gradients/output")] == [4, 8, EPOCHS]
        for e in acc.Histograms("weights/layer 1"):
            hv = e.histogram_value
            assert hv.num == 8 * 2  # layer 1: 8 units x 2 inputs
            assert hv.min < hv.max and sum(hv.bucket) == hv.num


@needs_tensorboard
def test_final_weight_histogram_matches_the_model(logged) -> None:  # type: ignore[no-untyped-def]
    import torch

    tb, _, payload = logged
    for saved in payload["variants"]:
        w = saved["state_dict"]
        key = next(k for k in w if k.endswith("weight") and tuple(w[k].shape) == (8, 2))
        acc = accumulator(tb / run_folder_name(saved["name"]))
        hv = acc.Histograms("weights/layer 1")[-1].histogram_value
        t = w[key].float()
        assert hv.min == pytest.approx(float(t.min()), rel=1e-6)
        assert hv.max == pytest.approx(float(t.max()), rel=1e-6)
        assert hv.sum == pytest.approx(float(t.sum()), rel=1e-4, abs=1e-5)
        assert hv.sum_squares == pytest.approx(float((t * t).sum()), rel=1e-4)
        assert isinstance(t, torch.Tensor)


@needs_tensorboard
def test_cli_tensorboard_option(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    exp_file = tmp_path / "exp.json"
    exp_file.write_text(experiment(epochs=2).to_json())
    code = main(
        [
            "run",
            str(exp_file),
            "--out",
            str(tmp_path / "out"),
            "--quiet",
            "--tensorboard",
            str(tmp_path / "logs"),
            "--tensorboard-histograms",
            "1",
        ]
    )
    assert code == 0
    assert sorted(p.name for p in (tmp_path / "logs").iterdir()) == ["p=0", "p=0.5"]
    assert (tmp_path / "out" / "metrics.csv").is_file()
    acc = accumulator(tmp_path / "logs" / "p=0")
    assert [e.step for e in acc.Histograms("weights/output")] == [0, 1, 2]
    assert "TensorBoard logs in" in capsys.readouterr().out


def test_cli_help_documents_tensorboard(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["run", "--help"])
    text = capsys.readouterr().out
    assert "--tensorboard LOGDIR" in text and "regularization-explorer[tensorboard]" in text


def test_missing_tensorboard_gives_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "torch.utils.tensorboard", None)  # import fails as if not installed
    with pytest.raises(ExplorerError) as info:
        TensorBoardLogger(tmp_path / "tb")
    assert INSTALL_HINT in str(info.value)
    assert "pip install 'regularization-explorer[tensorboard]'" in str(info.value)
    # and nothing is trained or written when the run cannot log
    with pytest.raises(ExplorerError, match="tensorboard extra"):
        run_headless(experiment(epochs=1), tmp_path / "out", progress=False, tensorboard=tmp_path / "tb")
    assert not (tmp_path / "out").exists()
    # the command line turns it into a one-line error, exit code 2
    exp_file = tmp_path / "exp.json"
    exp_file.write_text(experiment(epochs=1).to_json())
    assert (
        main(["run", str(exp_file), "--out", str(tmp_path / "out"), "--quiet", "--tensorboard", str(tmp_path / "tb")])
        == 2
    )


def test_run_folder_names() -> None:
    assert run_folder_name("p = 0.5") == "p=0.5"
    assert run_folder_name("dropout + L2") == "dropout_+_L2"
    assert run_folder_name("L2 λ=0.01") == "L2_λ=0.01"
    assert run_folder_name("a/b\\c:d") == "a_b_c_d"
    assert run_folder_name("..") == "variant"
    assert run_folder_name("   ") == "variant"


@needs_tensorboard
def test_names_that_sanitise_alike_get_distinct_folders(tmp_path: Path) -> None:
    with TensorBoardLogger(tmp_path) as tb:
        assert tb.run_dir("a/b") == tmp_path / "a_b"
        assert tb.run_dir("a:b") == tmp_path / "a_b-2"
        assert tb.run_dir("a/b") == tmp_path / "a_b"


@needs_tensorboard
def test_a_failing_write_mid_run_warns_and_training_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from explorer.core.protocol import ExportError

    calls = {"n": 0}
    real = TensorBoardLogger.log_scalars

    def flaky(self, name, values, step):  # type: ignore[no-untyped-def]
        calls["n"] += 1
        if calls["n"] > 4:
            raise ExportError("cannot write TensorBoard logs: No space left on device")
        real(self, name, values, step)

    monkeypatch.setattr(TensorBoardLogger, "log_scalars", flaky)
    result = run_headless(experiment(epochs=5), tmp_path / "out", progress=False, tensorboard=tmp_path / "tb")
    assert result.metrics["summary"]["epochs"] == 5
    assert (tmp_path / "out" / "checkpoint.pt").is_file() and (tmp_path / "out" / "metrics.csv").is_file()
    err = capsys.readouterr().err
    assert err.count("TensorBoard logging stopped") == 1 and "No space left" in err
