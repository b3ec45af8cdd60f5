"""The command line, as a user runs it: `python -m explorer ...` in a subprocess from the repo root.

Every bad input must end with exit code 2 and a message (never a traceback)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import torch

from explorer.cli import main
from explorer.core.config import list_presets, load_experiment, load_preset, presets_dir
from explorer.core.io import load_checkpoint

REPO = Path(__file__).resolve().parents[1]
PRESETS = sorted(p.stem for p in presets_dir().glob("*.toml"))
# one torch thread: the tiny nets of these runs are faster that way on a small machine
ENV = {**os.environ, "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}


def cli(*args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "explorer", *map(str, args)],
        cwd=REPO,
        env=ENV,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


@pytest.fixture()
def _one_torch_thread():
    before = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(before)


@pytest.fixture()
def run_main(capsys, _one_torch_thread):  # type: ignore[no-untyped-def]
    """`python -m explorer ARGS` in this process (same code path, no interpreter start-up): (rc, out, err)."""

    def call(*args: object) -> tuple[int, str, str]:
        rc = main([str(a) for a in args])
        captured = capsys.readouterr()
        return rc, captured.out, captured.err

    return call


def assert_clean_failure_in_process(result: tuple[int, str, str], *needles: str) -> str:
    rc, out, err = result
    return assert_clean_failure(subprocess.CompletedProcess([], rc, out, err), *needles)


def assert_clean_failure(proc: subprocess.CompletedProcess, *needles: str) -> str:
    """Exit 2, one line "error: ..." on stderr, no traceback; returns that line."""
    assert proc.returncode == 2, (proc.returncode, proc.stdout, proc.stderr)
    assert "Traceback" not in proc.stderr + proc.stdout
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert lines[0].startswith("error: ")
    for needle in needles:
        assert needle in lines[0], (needle, lines[0])
    return lines[0]


# -- presets and check ------------------------------------------------------------------------------


def test_presets_lists_every_preset() -> None:
    proc = cli("presets")
    assert proc.returncode == 0, proc.stderr
    listed = [line.split()[0] for line in proc.stdout.splitlines() if line and not line.startswith(" ")]
    assert sorted(listed) == PRESETS
    assert listed[0] == "dropout-regression"
    for info in list_presets():
        assert info.title in proc.stdout


def test_no_presets_is_an_error_never_an_empty_list(run_main, tmp_path, monkeypatch) -> None:
    """A wheel built without its resources once listed nothing and exited 0."""
    monkeypatch.setenv("EXPLORER_RESOURCES", str(tmp_path))
    line = assert_clean_failure_in_process(run_main("presets"), "no built-in presets", "installation is incomplete")
    assert str(tmp_path) in line
    assert_clean_failure_in_process(run_main("run", "--preset", "dropout-regression", "--out", tmp_path / "o"))


def test_resources_of_an_installed_package_are_found_inside_it(tmp_path, monkeypatch) -> None:
    """Outside a source tree the resources are the package's own copy (explorer/_resources in the wheel)."""
    from explorer.core.util import _resources

    monkeypatch.delenv("EXPLORER_RESOURCES", raising=False)
    monkeypatch.setattr(_resources, "_SOURCE_TREE", tmp_path)  # no pyproject.toml there: not a checkout
    found = _resources.resources_dir()
    assert found.parts[-2:] == ("explorer", "_resources")


def test_check_good_file(tmp_path) -> None:
    path = tmp_path / "mine.json"
    load_preset("l1-vs-l2").save(path)
    proc = cli("check", path)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == (
        f"{path}: OK (training; dataset sine; 2 hidden layers; variants: none, L1 1e-3, L2 1e-3, L1 + L2)"
    )
    proc = cli("check", presets_dir() / "dropout-scaling.toml")
    assert proc.returncode == 0 and "OK (dropout-scaling;" in proc.stdout


def test_check_bad_file_lists_every_problem(tmp_path) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(
        "[netwrk]\nlayers = []\n\n"
        "[[network.layers]]\nwidth = 0\ndropout_p = 1.5\n\n"
        "[optimizer]\nlr = 0.1\nkind = \"rmsprop\"\n\n"
        "[training]\nepochs = -3\n",
        encoding="utf-8",
    )
    proc = cli("check", path)
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr + proc.stdout
    lines = proc.stderr.strip().splitlines()
    assert lines[0] == f"{path}: 5 problem(s)"
    problems = [line.removeprefix("  - ") for line in lines[1:]]
    assert len(problems) == 5 and all(line.startswith("  - ") for line in lines[1:])
    paths = sorted(p.split(":")[0] for p in problems)
    assert paths == sorted(
        ["netwrk", "network.layers.0.dropout_p", "network.layers.0.width", "optimizer.kind", "training.epochs"]
    )
    assert any("1.5" in p for p in problems) and any("rmsprop" in p for p in problems)


def test_check_catches_bad_variants_and_bad_bytes(tmp_path) -> None:
    path = tmp_path / "variants.json"
    path.write_text(json.dumps({"variants": [{"name": "v", "set": {"regularization.l2_lambda": -1}}]}))
    proc = cli("check", path)
    assert proc.returncode == 2 and "variants[v].regularization.l2_lambda" in proc.stderr
    path = tmp_path / "binary.json"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\xff\xff")
    proc = cli("check", path)
    assert proc.returncode == 2 and "not UTF-8" in proc.stderr and "Traceback" not in proc.stderr


# -- run ---------------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def regression_run(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("regression")
    proc = cli("run", "--preset", "dropout-regression", "--epochs", "50", "--out", out, "--quiet")
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    return out


def test_run_writes_experiment_metrics_and_checkpoint(regression_run: Path) -> None:
    out = regression_run
    for name in ("experiment.json", "metrics.json", "checkpoint.pt"):
        assert (out / name).is_file(), name
    assert not (out / "best.pt").exists()
    assert not [p.name for p in out.iterdir() if p.name.startswith(".")]  # no temp files
    exp = load_experiment(out / "experiment.json")
    assert exp == load_preset("dropout-regression").with_values({"training.epochs": 50})

    metrics = json.loads((out / "metrics.json").read_text())
    summary = metrics["summary"]
    assert summary["steps"] == 50 and summary["epochs"] == 50
    assert summary["device"] in ("cpu", "cuda")
    assert summary["wall_seconds"] > 0
    assert summary["steps_per_second"] == pytest.approx(50 / summary["wall_seconds"], rel=0.05)
    assert sorted(summary["variants"]) == ["p = 0", "p = 0.5"]
    assert sorted(metrics["history"]) == ["p = 0", "p = 0.5"]
    for name, s in summary["variants"].items():
        h = metrics["history"][name]
        assert h["epoch"] == [0, 10, 20, 30, 40, 50] and h["step"] == h["epoch"]
        assert all(len(v) == 6 for v in h.values())
        for split in ("train", "val", "test"):
            assert s[f"final_{split}_loss"] == h[f"{split}_loss"][-1]
            assert s[f"best_{split}_loss"] == min(h[f"{split}_loss"])
            assert s[f"final_{split}_accuracy"] is None  # regression: no accuracy
        assert h["val_loss"][h["epoch"].index(s["best_epoch"])] == s["best_val_loss"]
        assert s["stop_epoch"] is None and s["restored_best"] is False
        assert s["final_weight_norm"] > 0

    payload = load_checkpoint(out / "checkpoint.pt")
    assert payload["step"] == 50 and payload["finished"] is True
    assert payload["experiment"] == exp
    assert [v["name"] for v in payload["variants"]] == ["p = 0", "p = 0.5"]
    # the checkpoint's weights give the reported final test loss
    from explorer.core.io import restore_trainer

    trainer = restore_trainer(payload, device="cpu")
    for run in trainer.variants:
        run.model.eval()
        with torch.no_grad():
            test = float(torch.nn.functional.mse_loss(run.model(trainer.dataset.x_test), trainer.dataset.y_test))
        assert test == pytest.approx(summary["variants"][run.name]["final_test_loss"], rel=1e-5)


def test_run_with_early_stopping_writes_best(tmp_path) -> None:
    proc = cli("run", "--preset", "early-stopping", "--epochs", "800", "--out", tmp_path, "--quiet")
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "best.pt").is_file() and (tmp_path / "checkpoint.pt").is_file()
    s = json.loads((tmp_path / "metrics.json").read_text())["summary"]["variants"]["model"]
    assert s["stop_epoch"] - s["best_epoch"] == 20 * 10  # patience x eval_every
    assert s["restored_best"] is True
    assert f"stopped at epoch {s['stop_epoch']}" in proc.stdout
    best = load_checkpoint(tmp_path / "best.pt")
    last = load_checkpoint(tmp_path / "checkpoint.pt")
    assert best["epoch"] == last["epoch"] == s["stop_epoch"]
    for key, value in best["variants"][0]["state_dict"].items():  # restored: final = best
        assert torch.equal(value, last["variants"][0]["state_dict"][key])
        assert torch.equal(value, best["variants"][0]["best_state"][key])


def test_set_values_land_in_the_experiment(tmp_path) -> None:
    proc = cli(
        "run",
        "--preset",
        "early-stopping",
        "--epochs",
        "2",
        "--seed",
        "5",
        "--device",
        "cpu",
        "--set",
        "network.layers.0.dropout_p=0.5",
        "--set",
        "regularization.l2_lambda=1e-3",
        "--set",
        "optimizer.kind=adam",
        "--out",
        tmp_path,
        "--quiet",
    )
    assert proc.returncode == 0, proc.stderr
    data = json.loads((tmp_path / "experiment.json").read_text())
    assert data["network"]["layers"][0]["dropout_p"] == 0.5
    assert data["network"]["layers"][1]["dropout_p"] == 0.0
    assert data["regularization"]["l2_lambda"] == 0.001
    assert data["optimizer"]["kind"] == "adam"
    assert (data["training"]["epochs"], data["training"]["seed"], data["training"]["device"]) == (2, 5, "cpu")
    assert json.loads((tmp_path / "metrics.json").read_text())["summary"]["steps"] == 2


def test_run_from_a_file(tmp_path, run_main) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "exp.toml"
    load_preset("weight-decay-highdim").with_values({"training.epochs": 3}).save(path)
    rc, out, err = run_main("run", path, "--out", tmp_path / "out", "--quiet")
    assert rc == 0, err
    summary = json.loads((tmp_path / "out" / "metrics.json").read_text())["summary"]
    assert summary["steps"] == 3 * 4  # 20 samples, batch 5
    assert out.startswith("wrote experiment.json, metrics.json")


@pytest.mark.parametrize(
    "args, needles",
    [
        (["--set", "network.layers.0.dropout_p=1.5"], ["network.layers.0.dropout_p", "1.5"]),
        (["--set", "nosuch.path=1"], ["nosuch: unknown field"]),
        (["--set", "justtext"], ["--set 'justtext': expected path=value"]),
        (["--set", "network.layers.9.dropout_p=0.1"], ["network.layers.9: no such index"]),
        (["--epochs", "-1"], ["training.epochs"]),
    ],
)
def test_bad_set_fails_cleanly(tmp_path, args: list[str], needles: list[str]) -> None:
    proc = cli("run", "--preset", "dropout-regression", *args, "--out", tmp_path / "out", "--quiet")
    assert_clean_failure(proc, *needles)
    assert not (tmp_path / "out").exists()


def test_unknown_preset_fails_cleanly(tmp_path) -> None:
    line = assert_clean_failure(
        cli("run", "--preset", "dropout-regresion", "--out", tmp_path, "--quiet"), "unknown preset 'dropout-regresion'"
    )
    assert "dropout-regression" in line  # the list of names


def test_missing_file_fails_cleanly(tmp_path) -> None:
    assert_clean_failure(
        cli("run", tmp_path / "nope.toml", "--out", tmp_path / "out", "--quiet"), "cannot read nope.toml"
    )
    assert not (tmp_path / "out").exists()


def test_resume_of_a_garbage_file_fails_cleanly(tmp_path, run_main) -> None:  # type: ignore[no-untyped-def]
    garbage = tmp_path / "garbage.pt"
    garbage.write_bytes(b"\x00\x01 this is not a checkpoint" * 50)
    assert_clean_failure(
        cli("run", "--preset", "dropout-regression", "--resume", garbage, "--out", tmp_path / "out", "--quiet"),
        "garbage.pt: not an explorer checkpoint",
    )
    assert not (tmp_path / "out").exists()
    assert_clean_failure_in_process(
        run_main(
            "run",
            "--preset",
            "dropout-regression",
            "--resume",
            tmp_path / "none.pt",
            "--out",
            tmp_path / "out",
            "--quiet",
        ),
        "cannot read none.pt",
    )
    assert not (tmp_path / "out").exists()


def test_resume_of_a_checkpoint_of_another_experiment_fails_cleanly(tmp_path, regression_run: Path, run_main) -> None:  # type: ignore[no-untyped-def]
    assert_clean_failure_in_process(
        run_main(
            "run",
            "--preset",
            "weight-decay-highdim",
            "--resume",
            regression_run / "checkpoint.pt",
            "--out",
            tmp_path / "out",
            "--quiet",
        ),
        "checkpoint",
    )


def test_resume_at_the_same_length_reproduces_the_run(tmp_path, regression_run: Path, run_main) -> None:  # type: ignore[no-untyped-def]
    rc, out, err = run_main(
        "run",
        "--preset",
        "dropout-regression",
        "--epochs",
        "50",
        "--resume",
        regression_run / "checkpoint.pt",
        "--out",
        tmp_path,
        "--quiet",
    )
    assert rc == 0, err
    before = json.loads((regression_run / "metrics.json").read_text())
    after = json.loads((tmp_path / "metrics.json").read_text())
    assert after["history"] == before["history"]
    assert after["summary"]["steps"] == 50


def test_resume_continues_with_more_epochs(tmp_path, regression_run: Path, run_main) -> None:  # type: ignore[no-untyped-def]
    rc, out, err = run_main(
        "run",
        "--preset",
        "dropout-regression",
        "--epochs",
        "100",
        "--resume",
        regression_run / "checkpoint.pt",
        "--out",
        tmp_path,
        "--quiet",
    )
    assert rc == 0, err
    metrics = json.loads((tmp_path / "metrics.json").read_text())
    assert metrics["summary"]["steps"] == 100 and metrics["summary"]["epochs"] == 100
    assert metrics["history"]["p = 0"]["epoch"][-1] == 100
    assert load_checkpoint(tmp_path / "checkpoint.pt")["step"] == 100


def test_resume_needs_no_preset(tmp_path, regression_run: Path) -> None:
    proc = cli("run", "--resume", regression_run / "checkpoint.pt", "--epochs", "100", "--out", tmp_path, "--quiet")
    assert proc.returncode == 0, proc.stderr
    metrics = json.loads((tmp_path / "metrics.json").read_text())
    assert metrics["summary"]["steps"] == 100


def test_no_traceback_on_unwritable_out(tmp_path, run_main) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "afile").write_text("x")
    assert_clean_failure_in_process(
        run_main(
            "run", "--preset", "weight-decay-highdim", "--epochs", "1", "--out", tmp_path / "afile" / "out", "--quiet"
        ),
        "cannot write",
    )
    assert (tmp_path / "afile").read_text() == "x"


# -- every preset, headless ---------------------------------------------------------------------------------


@pytest.mark.parametrize("preset", PRESETS)
def test_every_preset_runs_headless(tmp_path, run_main, preset: str) -> None:  # type: ignore[no-untyped-def]
    """In-process `main([...])` (the same code path as `python -m explorer run`), to keep it fast."""
    extra = ["--set", "demo.samples=50"] if preset == "dropout-scaling" else []
    rc, out, err = run_main(
        "run", "--preset", preset, "--epochs", "2", "--device", "cpu", "--out", tmp_path, "--quiet", *extra
    )
    assert rc == 0, err
    assert "Traceback" not in err
    metrics = json.loads((tmp_path / "metrics.json").read_text())
    summary = metrics["summary"]
    exp = load_experiment(tmp_path / "experiment.json")
    if preset == "dropout-scaling":
        kinds = summary["kinds"]
        assert kinds["inverted"]["samples"] == kinds["vanilla"]["samples"] == 50
        assert kinds["inverted"]["eval_output"] == 10_000.0  # exact: inverted eval is the identity
        assert kinds["vanilla"]["eval_output"] == 5_000.0  # exact: vanilla eval multiplies by 1 - p
        assert kinds["inverted"]["all_even"] is True  # kept units count 2 each
        assert abs(kinds["inverted"]["train_mean"] - 10_000) < 100  # 7 standard errors
        assert abs(kinds["vanilla"]["train_mean"] - 5_000) < 50
        assert summary["gradient_equals_mask"] is True
        assert len(metrics["scaling"]["inverted"]) == 50
        assert not (tmp_path / "checkpoint.pt").exists()
    else:
        assert summary["epochs"] == 2
        assert sorted(summary["variants"]) == sorted(exp.variant_names())
        assert sorted(metrics["history"]) == sorted(exp.variant_names())
        for s in summary["variants"].values():
            assert s["final_train_loss"] is not None and s["final_train_loss"] > 0
        assert load_checkpoint(tmp_path / "checkpoint.pt")["epoch"] == 2
    assert exp == load_preset(preset).with_values(
        {"training.epochs": 2, "training.device": "cpu", **({"demo.samples": 50} if extra else {})}
    )


def test_set_addresses_one_variant_by_name_or_index(tmp_path, run_main) -> None:  # type: ignore[no-untyped-def]
    rc, out, err = run_main(
        "run",
        "--preset",
        "dropout-regression",
        "--epochs",
        "1",
        "--set",
        "variants[p = 0.5].network.layers.0.dropout_p=0.8",
        "--set",
        "variants[0].optimizer.lr=0.005",
        "--set",
        "variants.1.set.regularization.l2_lambda=0.01",
        "--out",
        tmp_path,
        "--quiet",
    )
    assert rc == 0, err
    variants = json.loads((tmp_path / "experiment.json").read_text())["variants"]
    assert variants[1]["set"]["network.layers.0.dropout_p"] == 0.8
    assert variants[1]["set"]["network.layers.1.dropout_p"] == 0.5
    assert variants[1]["set"]["regularization.l2_lambda"] == 0.01
    assert variants[0]["set"]["optimizer.lr"] == 0.005 and variants[0]["set"]["network.layers.0.dropout_p"] == 0.0


def test_set_of_a_field_every_variant_overrides_is_refused_not_silently_ignored(tmp_path, run_main) -> None:  # type: ignore[no-untyped-def]
    """It used to run, with results identical to the default run (the README's own example did this)."""
    result = run_main(
        "run", "--preset", "dropout-regression", "--set", "network.layers.0.dropout_p=0.9", "--out", tmp_path / "o"
    )
    err = assert_clean_failure_in_process(
        result, "--set network.layers.0.dropout_p", "every variant sets this field", "'p = 0', 'p = 0.5'"
    )
    assert "variants[p = 0].network.layers.0.dropout_p=VALUE" in err
    assert not (tmp_path / "o").exists()


def test_set_of_a_field_some_variants_override_says_which_keep_theirs(tmp_path, run_main) -> None:  # type: ignore[no-untyped-def]
    rc, out, err = run_main(
        "run", "--preset", "weight-decay-highdim", "--epochs", "1", "--set", "regularization.l1_lambda=0.001",
        "--set", "variants[lambda = 0].regularization.l2_lambda=0.5", "--out", tmp_path, "--quiet",
    )  # fmt: skip
    assert rc == 0 and "note" not in err
    data = load_preset("dropout-vs-weight-decay")
    from explorer.core.config import apply_settings

    new, notes = apply_settings(data, {"regularization.l2_lambda": 0.01})
    assert notes == [
        "--set regularization.l2_lambda: variants 'L2 1e-4', 'dropout + L2' set this field themselves and keep "
        "their own value (address one with variants[NAME].regularization.l2_lambda=VALUE)"
    ]
    assert [v.regularization.l2_lambda for v in new.resolved_variants()] == [0.01, 0.01, 0.0001, 0.0001]


@pytest.mark.parametrize(
    "setting, needles",
    [
        ("variants[nobody].optimizer.lr=0.1", ["variants[nobody]: no such variant", "0 'p = 0', 1 'p = 0.5'"]),
        ("variants[1].training.epochs=3", ["variants[1].training.epochs: a variant may change only"]),
        ("variants[1].regularization.typo=3", ["unknown field 'regularization.typo'"]),
        ("variants[1].network.layers.0.dropout_p=1.5", ["dropout_p", "1.5"]),
    ],
)
def test_bad_variant_settings_fail_cleanly(tmp_path, run_main, setting, needles) -> None:  # type: ignore[no-untyped-def]
    result = run_main("run", "--preset", "dropout-regression", "--set", setting, "--out", tmp_path / "o")
    assert_clean_failure_in_process(result, *needles)


def test_lesson_checks_the_claims_and_names_the_numbers_of_a_failing_one(tmp_path, run_main) -> None:  # type: ignore[no-untyped-def]
    data = load_preset("weight-decay-highdim").to_dict()
    data["lesson"] = {
        "seeds": [0, 1],
        "epochs": 3,
        "claims": [
            {"claim": "final_weight_norm of 'lambda = 3 (d2l) = 1.5 here' < final_weight_norm of 'lambda = 0'"},
            {"claim": "final_test_loss of 'lambda = 0' < 0.001"},
        ],
    }
    path = tmp_path / "lesson.json"
    path.write_text(json.dumps(data))
    rc, out, err = run_main("lesson", path)
    assert rc == 1
    assert "holds (each): final_weight_norm" in out and "FAILS (each): final_test_loss of 'lambda = 0' < 0.001" in out
    fails = [line for line in err.splitlines() if line.startswith("fails: ")]
    assert len(fails) == 1 and "lesson.json" in fails[0] and "seed 0: final_test_loss of 'lambda = 0' = " in fails[0]
    data["lesson"]["claims"].pop()
    path.write_text(json.dumps(data))
    assert run_main("lesson", path)[0] == 0
