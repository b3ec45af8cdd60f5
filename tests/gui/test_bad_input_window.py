"""The window (thread host) facing divergence, bad experiment files, bad data files and
untrusted checkpoints: a message in the banner, nothing half-applied, the run kept."""

from __future__ import annotations

import json
import math
import re
import tempfile
from pathlib import Path

import numpy as np
import pytest

pytest.importorskip("PySide6")

from hypothesis import HealthCheck, given, settings

from explorer.core.config import load_experiment
from explorer.core.protocol import ConfigError
from tests.core.test_fuzz_files import any_file_data, encode
from tests.gui.windows import tiny_run
from tests.hostile_checkpoints import bad_checkpoints, markers

WAIT_MS = 60_000


def _running(qtbot, win, steps: int = 1) -> None:
    win.start(play=True)
    qtbot.waitUntil(
        lambda: win.painted_snapshot is not None and win.painted_snapshot.step >= steps and win.state == "running",
        timeout=WAIT_MS,
    )


def _finite(snapshot) -> bool:  # type: ignore[no-untyped-def]
    """Everything a view draws from is a finite number."""
    for v in snapshot.variants:
        if not np.isfinite(v.grid_prediction).all():
            return False
        for key in ("train_loss", "val_loss", "test_loss"):
            column = np.asarray(v.history[key], dtype=float)
            if not np.isfinite(column[~np.isnan(column)]).all() or np.isnan(column[1:]).any():
                return False
        for lin in v.linears:
            if not (math.isfinite(lin.weight_norm) and np.isfinite(lin.weight_hist.edges).all()):
                return False
    return True


# -- 1. divergence ------------------------------------------------------------------------------------------


def test_divergence_in_the_window_pauses_keeps_the_last_good_views_and_reset_works(qtbot, window):
    painted = []
    original_update = window.dashboard.update_snapshot

    def spy(snapshot):  # type: ignore[no-untyped-def]
        painted.append(snapshot)
        return original_update(snapshot)

    window.dashboard.update_snapshot = spy
    wild = tiny_run(**{"optimizer.lr": 10.0, "regularization.l2_lambda": 90.0})
    window.load_experiment(wild, play=True)
    qtbot.waitUntil(lambda: window.state == "error", timeout=WAIT_MS)
    qtbot.wait(400)  # any snapshot sent after the divergence is painted by now
    message = window.banner.text()
    assert window.banner.isVisible()
    assert "NaN or infinite" in message and "diverged" in message
    assert "learning rate (10)" in message and "L2 90" in message and "Reset" in message
    assert message in window.statusBar().currentMessage() or "NaN" in window.statusBar().currentMessage()
    step = int(re.search(r"at step (\d+)", message).group(1))
    # the views keep the last good state: nothing painted came from the diverged model
    assert painted, "the run painted at least its first snapshot"
    assert all(_finite(s) for s in painted), [s.step for s in painted if not _finite(s)]
    assert window.painted_snapshot.step <= step
    assert window.run_status.state.text() == "error"
    # training is paused: no further steps
    last = window.painted_snapshot.step
    qtbot.wait(300)
    assert window.painted_snapshot.step == last and window.state == "error"
    # a sane learning rate, then reset: a new model from step 0 that trains
    window.data_panel.lr.set_text("0.01")
    window.regularization_panel.l2.set_text("0")
    window.data_panel.flush()
    window.regularization_panel.flush()
    assert window.host.experiment.optimizer.lr == 0.01
    generation = window.painted_snapshot.generation
    window.reset_action.trigger()
    qtbot.waitUntil(
        lambda: window.painted_snapshot is not None and window.painted_snapshot.generation > generation, timeout=WAIT_MS
    )
    window.toggle_play()
    qtbot.waitUntil(lambda: window.state == "running" and window.painted_snapshot.step > 20, timeout=WAIT_MS)
    assert _finite(window.painted_snapshot)
    assert json.loads(window.painted_snapshot.experiment_json)["optimizer"]["lr"] == 0.01


# -- 2. bad experiment files through the window's open path ---------------------------------------------------------


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(data=any_file_data)
def test_generated_bad_files_through_open_experiment_change_nothing(qtbot, window, data):  # type: ignore[no-untyped-def]
    """One window for all examples: open each refused file; the window's experiment, the host's,
    the panels and the file on disk stay as they were; the banner names the problem."""
    from explorer.gui.panels import DataPanel, NetworkPanel, RegularizationPanel

    for fmt in ("json", "toml"):
        blob = encode(data, fmt)
        if blob is None:
            continue
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / f"students.{fmt}"
            path.write_bytes(blob)
            try:
                exp = load_experiment(path)
            except ConfigError as exc:
                problems = exc.problems
            else:
                # a file that loads must show in every panel without an error
                for panel in (NetworkPanel(exp), RegularizationPanel(exp), DataPanel(exp)):
                    panel.set_experiment(exp)
                    panel.deleteLater()
                continue
            before, host_before = window.experiment, window.host.experiment
            recent = list(window.settings.recent_files)
            window.banner.dismiss()
            assert window.open_experiment_file(str(path)) is False
            assert window.experiment is before and window.host.experiment is host_before
            assert window.network_panel.experiment is before and window.data_panel.experiment is before
            assert window.regularization_panel.experiment is before
            assert path.read_bytes() == blob, "the file is never written"
            assert window.settings.recent_files == recent
            assert window.banner.isVisible() and "students" in window.banner.text()
            assert problems[0][:40] in window.banner.text()


def test_bad_file_while_training_keeps_the_run(qtbot, window, tmp_path):
    _running(qtbot, window)
    path = tmp_path / "lesson.toml"
    text = "[optimizer]\nlr = -1\n[network]\nlayers = 3\n"
    path.write_text(text)
    before = window.experiment
    generation = window.painted_snapshot.generation
    assert window.open_experiment_file(str(path)) is False
    assert "optimizer.lr" in window.banner.text() and "network.layers" in window.banner.text()
    assert window.experiment is before and path.read_text() == text
    qtbot.wait(200)
    assert window.state == "running" and window.painted_snapshot.generation == generation


# -- 2. bad data files through the data panel -----------------------------------------------------------------------


def _idx(arr: np.ndarray) -> bytes:
    import struct

    return bytes([0, 0, 0x08, arr.ndim]) + struct.pack(f">{arr.ndim}i", *arr.shape) + arr.astype(">u1").tobytes()


@pytest.mark.parametrize(
    "case", ["csv-text", "csv-missing", "csv-one-column", "idx-magic", "idx-dims", "idx-truncated"]
)
def test_bad_data_file_shows_the_message_and_keeps_the_old_dataset(qtbot, window, tmp_path, case):
    if case.startswith("csv"):
        kind = "csv"
        path = tmp_path / "class.csv"
        path.write_text(
            {"csv-text": "x,y\n1,2\n3,four\n", "csv-missing": "x,y\n1,2\n3,\n", "csv-one-column": "y\n1\n2\n3\n"}[case]
        )
        expected = {
            "csv-text": "'four' is not a number",
            "csv-missing": "missing value",
            "csv-one-column": "only one column",
        }[case]
    else:
        kind = "idx"
        path = tmp_path / "mnist"
        path.mkdir()
        good = _idx(np.zeros((12, 4, 4), np.uint8))
        images = {
            "idx-magic": b"\x89PNG" + good[4:],
            "idx-dims": _idx(np.zeros((12, 16), np.uint8)),
            "idx-truncated": good[:-5],
        }[case]
        (path / "train-images-idx3-ubyte").write_bytes(images)
        (path / "train-labels-idx1-ubyte").write_bytes(_idx(np.zeros(12, np.uint8)))
        expected = {
            "idx-magic": "not an IDX file",
            "idx-dims": "(N, height, width)",
            "idx-truncated": "truncated IDX data",
        }[case]
    _running(qtbot, window)
    old = window.experiment
    generation = window.painted_snapshot.generation
    panel = window.data_panel
    panel.dataset_kind.setCurrentIndex(panel.dataset_kind.findData(kind))  # waits for a path
    panel.path_edit.setText(str(path))
    panel.path_edit.editingFinished.emit()
    qtbot.waitUntil(lambda: expected in window.banner.text(), timeout=WAIT_MS)
    assert (path.name if kind == "csv" else "train-images-idx3-ubyte") in window.banner.text()
    assert window.banner.text().startswith("Not applied")
    # the old dataset is kept: in the window, the host, the panel, and the trainer's run
    qtbot.waitUntil(lambda: window.experiment == old, timeout=5000)
    assert window.host.experiment == old
    assert panel.experiment == old and panel.dataset_kind.currentData() == "linear"
    qtbot.waitUntil(
        lambda: (
            window.painted_snapshot is not None
            and window.painted_snapshot.generation == generation
            and json.loads(window.painted_snapshot.experiment_json)["dataset"]["kind"] == "linear"
        ),
        timeout=WAIT_MS,
    )
    step = window.painted_snapshot.step
    qtbot.waitUntil(lambda: window.painted_snapshot.step > step, timeout=WAIT_MS)  # still training
    assert window.state == "running"


# -- 3. untrusted checkpoints opened in the window -------------------------------------------------------------------


def test_untrusted_checkpoints_are_refused_in_the_window_and_the_run_is_kept(qtbot, window, tmp_path):
    cases = bad_checkpoints(tmp_path / "downloads")
    _running(qtbot, window, steps=5)
    before = window.experiment
    for name, (path, words) in cases.items():
        window.banner.dismiss()
        generation = window.painted_snapshot.generation
        window.host.restore_checkpoint(str(path))
        qtbot.waitUntil(lambda: window.banner.isVisible(), timeout=WAIT_MS)
        text = window.banner.text()
        assert name in text and words in text, (name, text)
        assert "Traceback" not in text
        assert name in window.statusBar().currentMessage()
        assert window.experiment == before and window.host.experiment == before
        step = window.painted_snapshot.step
        qtbot.waitUntil(lambda: window.painted_snapshot.step > step, timeout=WAIT_MS)  # the run goes on
        assert window.painted_snapshot.generation == generation and window.state == "running"
    assert markers(tmp_path / "downloads") == [] and not list(Path.cwd().glob("pwned*"))
