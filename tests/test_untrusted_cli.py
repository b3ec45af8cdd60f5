"""Untrusted checkpoints on the command line: `run --resume BAD` refuses with one line and exit 2.

Truncated files, other formats (JSON, a plain pickle, a zip that is not ours,
another program's torch file), a newer format version, pickles whose payload
would create a file (the file never appears), and real checkpoints whose
values have the wrong type or shape: refused, never a traceback.
"""

from __future__ import annotations

import copy
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import torch
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from explorer.cli import main
from explorer.core.io import load_checkpoint, restore_trainer, save_checkpoint
from explorer.core.protocol import CheckpointError
from tests.hostile_checkpoints import bad_checkpoints, markers, small_trainer

REPO = Path(__file__).resolve().parents[1]
ENV = {**os.environ, "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}


@pytest.fixture(scope="module")
def downloads(tmp_path_factory) -> dict[str, tuple[Path, str]]:
    return bad_checkpoints(tmp_path_factory.mktemp("downloads"))


@pytest.fixture()
def run_main(capsys):  # type: ignore[no-untyped-def]
    before = torch.get_num_threads()
    torch.set_num_threads(1)

    def call(*args: object) -> tuple[int, str, str]:
        rc = main([str(a) for a in args])
        captured = capsys.readouterr()
        return rc, captured.out, captured.err

    yield call
    torch.set_num_threads(before)


def one_line_error(rc: int, out: str, err: str) -> str:
    assert rc == 2, (rc, out, err)
    assert "Traceback" not in out + err
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), err
    return lines[0]


NAMES = [
    "truncated.pt",
    "truncated-tail.pt",
    "experiment.json.pt",
    "pickle.pt",
    "empty.pt",
    "results.zip.pt",
    "other-program.pt",
    "future.pt",
    "evil-touch.pt",
    "evil-system.pt",
]


@pytest.mark.parametrize("with_preset", [False, True])
@pytest.mark.parametrize("name", NAMES)
def test_resume_refuses_untrusted_checkpoints(tmp_path, downloads, run_main, name: str, with_preset: bool) -> None:
    path, words = downloads[name]
    preset = ["--preset", "dropout-regression"] if with_preset else []
    line = one_line_error(*run_main("run", *preset, "--resume", path, "--out", tmp_path / "out", "--quiet"))
    assert name in line and words in line, line
    assert not (tmp_path / "out").exists()
    assert markers(path.parent) == [], "the pickle's payload ran"


@pytest.mark.parametrize("name", ["evil-system.pt", "future.pt", "truncated.pt"])
def test_resume_refuses_in_a_real_process(tmp_path, downloads, name: str) -> None:
    """As a user runs it: python -m explorer run --resume BAD (a fresh interpreter, nothing preloaded)."""
    path, words = downloads[name]
    proc = subprocess.run(
        [sys.executable, "-m", "explorer", "run", "--resume", str(path), "--out", str(tmp_path / "out"), "--quiet"],
        cwd=tmp_path,
        env=ENV,
        capture_output=True,
        text=True,
        timeout=120,
    )
    line = one_line_error(proc.returncode, proc.stdout, proc.stderr)
    assert name in line and words in line
    assert markers(path.parent) == [] and list(tmp_path.iterdir()) == []


# -- real checkpoints with values of the wrong type or shape ------------------------------------------------


def _paths(obj: Any, path: tuple = ()) -> list[tuple]:
    out = [path] if path else []
    if isinstance(obj, dict):
        for k, v in obj.items():
            out += _paths(v, path + (k,))
    elif isinstance(obj, (list, tuple)):
        for i, v in enumerate(obj):
            out += _paths(v, path + (i,))
    return out


WRONG_VALUES = [
    None,
    "abc",
    -1,
    10**20,
    float("nan"),
    [],
    {},
    True,
    [1, 2],
    {"x": 1},
    torch.zeros(3),
    torch.zeros(2, 2, dtype=torch.int64),
    torch.tensor(float("inf")),
]


@pytest.fixture(scope="module")
def genuine(tmp_path_factory) -> dict[str, Any]:
    path = save_checkpoint(small_trainer(epochs=6), tmp_path_factory.mktemp("genuine") / "ck.pt")
    return torch.load(path, weights_only=True)


def _mutated(payload: dict[str, Any], where: tuple, value: Any) -> dict[str, Any]:
    data = copy.deepcopy(payload)
    node = data
    for key in where[:-1]:
        node = node[key]
    if isinstance(node, tuple):  # betas and other tuples: rebuild with the one item changed
        return data
    node[where[-1]] = value
    return data


def test_every_entry_of_the_wrong_type_is_refused_or_trains(tmp_path, genuine) -> None:
    """Each entry of a real checkpoint replaced by values of other types: load and restore give a
    CheckpointError, or a trainer that trains a few steps and reports (never another exception)."""
    path = tmp_path / "mutated.pt"
    refused = accepted = 0
    for where in _paths(genuine):
        for value in WRONG_VALUES[::2] if len(where) > 3 else WRONG_VALUES:
            torch.save(_mutated(genuine, where, value), path)
            try:
                trainer = restore_trainer(load_checkpoint(path))
            except CheckpointError as exc:
                assert "Traceback" not in str(exc) and "\n" not in str(exc).strip()
                refused += 1
                continue
            except Exception as exc:
                pytest.fail(f"{where} = {value!r}: {type(exc).__name__}: {exc}")
            accepted += 1
            try:
                for _ in range(3):
                    trainer.step()
                trainer.snapshot()
            except Exception as exc:
                from explorer.core.protocol import TrainingError

                if not isinstance(exc, TrainingError):  # a NaN weight may diverge: that is reported
                    pytest.fail(f"{where} = {value!r} was accepted but training failed: {type(exc).__name__}: {exc}")
    assert refused > 100 and accepted > 0


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)
@given(data=st.data())
def test_cli_resume_of_mutated_checkpoints_never_shows_a_traceback(tmp_path, genuine, run_main, data) -> None:
    where = data.draw(st.sampled_from(_paths(genuine)))
    value = data.draw(st.sampled_from(WRONG_VALUES))
    path = tmp_path / "mutated.pt"
    torch.save(_mutated(genuine, where, value), path)
    out = tmp_path / "out"
    rc, stdout, stderr = run_main("run", "--resume", path, "--out", out, "--quiet")
    assert "Traceback" not in stdout + stderr
    if rc != 0:
        line = one_line_error(rc, stdout, stderr)
        assert "mutated.pt" in line or "checkpoint" in line or "diverged" in line, line
