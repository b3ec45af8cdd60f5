"""TrainerHost in both modes: snapshots arrive, commands reach the trainer, shutdown joins."""

from __future__ import annotations

import os
import signal

import pytest

from explorer.core.config import load_preset, parse_experiment
from explorer.core.protocol import SetValue
from explorer.gui.host import TrainerHost


def small_experiment():
    return load_preset("dropout-regression").with_values(
        {
            "network.layers.0.width": 16,
            "network.layers.1.width": 16,
            "network.layers.2.width": 16,
            "training.epochs": 100000,
            "training.eval_every": 5,
        }
    )


def checkpoint_after(steps: int, path, l2_lambda: float):
    """A checkpoint of the small experiment (with `l2_lambda`, 40 epochs) after `steps` steps."""
    from explorer.core.io import save_checkpoint
    from explorer.core.training import Trainer

    trainer = Trainer(small_experiment().with_values({"training.epochs": 40, "regularization.l2_lambda": l2_lambda}))
    for _ in range(steps):
        trainer.step()
    return save_checkpoint(trainer, path)


@pytest.fixture(params=["thread", "process"])
def host(request, qtbot):
    h = TrainerHost(mode=request.param)
    yield h
    h.shutdown()


def test_play_streams_snapshots_and_live_edits_reach_the_trainer(host, qtbot):
    got = []
    host.snapshotReady.connect(got.append)
    host.start(small_experiment(), play=True)
    qtbot.waitUntil(lambda: host.latest is not None and host.latest.epoch > 20, timeout=30000)
    assert host.state == "running"
    host.send(SetValue("network.layers.1.dropout_p", 0.25, variant=1))
    host.send(SetValue("regularization.l2_lambda", 0.003))

    def applied():
        snap = host.latest
        if snap is None:
            return False
        exp = parse_experiment(snap.experiment_json, "json")
        return (
            exp.variants[1].set["network.layers.1.dropout_p"] == 0.25
            and exp.regularization.l2_lambda == 0.003
            and snap.variants[1].hidden[1].dropout_p == 0.25
            and snap.variants[0].l2_lambda == 0.003
        )

    qtbot.waitUntil(applied, timeout=15000)
    # Stale snapshots are dropped: the host holds the newest only, at most ~30 a second.
    assert len(got) < 40 * (host.latest.wall_seconds + 2)


def test_pause_step_and_reset(host, qtbot):
    host.start(small_experiment(), play=False)
    qtbot.waitUntil(lambda: host.latest is not None, timeout=30000)
    assert host.latest.step == 0 and host.state == "paused"
    host.step(3)
    qtbot.waitUntil(lambda: host.latest.step == 3, timeout=10000)
    host.play()
    qtbot.waitUntil(lambda: host.latest.step > 50, timeout=10000)
    host.pause()
    qtbot.waitUntil(lambda: host.state == "paused" and host.latest.state == "paused", timeout=5000)
    paused_at = host.latest.step
    qtbot.wait(300)
    assert host.latest.step == paused_at
    generation = host.latest.generation
    host.reset()
    qtbot.waitUntil(lambda: host.latest is not None and host.latest.step == 0, timeout=30000)
    assert host.latest.generation >= 1 and (host.mode == "process" or host.latest.generation > generation)


def test_invalid_live_value_is_refused_before_reaching_the_trainer(host, qtbot):
    from explorer.core.protocol import ConfigError

    host.start(small_experiment())
    with pytest.raises(ConfigError, match="dropout_p"):
        host.send(SetValue("network.layers.0.dropout_p", 2.0))
    with pytest.raises(ConfigError, match="cannot change while training"):
        host.send(SetValue("network.layers.0.width", 3))
    assert host.experiment.network.layers[0].dropout_p == 0.5


def test_divergence_pauses_with_a_message(host, qtbot):
    errors = []
    host.errorOccurred.connect(lambda m: errors.append(str(m)))
    exp = small_experiment().with_values({"optimizer.lr": 90.0, "optimizer.momentum": 0.99})
    host.start(exp, play=True)
    qtbot.waitUntil(lambda: bool(errors), timeout=30000)
    assert "NaN" in errors[0] and "learning rate" in errors[0]
    assert host.state == "error"
    host.start(small_experiment(), play=True)  # reset with a sane value works
    qtbot.waitUntil(lambda: host.state == "running" and host.latest is not None and host.latest.step > 0, timeout=30000)


def test_killed_trainer_process_is_reported_and_reset_restarts_it(qtbot):
    host = TrainerHost(mode="process")
    try:
        errors = []
        host.errorOccurred.connect(lambda m: errors.append(str(m)))
        host.start(small_experiment(), play=True)
        qtbot.waitUntil(lambda: host.latest is not None and host.latest.step > 0, timeout=30000)
        os.kill(host._process.pid, signal.SIGKILL)
        qtbot.waitUntil(lambda: bool(errors), timeout=10000)
        assert "stopped unexpectedly" in errors[0] and "Reset" in errors[0]
        assert host.experiment is not None  # nothing lost
        host.reset()
        qtbot.waitUntil(lambda: host.is_alive() and host.latest is not None, timeout=30000)
    finally:
        host.shutdown()
    assert host._process is None


def test_shutdown_is_idempotent_and_leaves_no_process(qtbot):
    import multiprocessing

    host = TrainerHost(mode="process")
    host.start(small_experiment(), play=True)
    qtbot.waitUntil(lambda: host.latest is not None, timeout=30000)
    host.shutdown()
    host.shutdown()
    assert not [p for p in multiprocessing.active_children() if p.name == "explorer-trainer"]


def test_restore_checkpoint_adopts_its_experiment_and_refuses_bad_files(host, qtbot, tmp_path):
    path = checkpoint_after(25, tmp_path / "ck.pt", l2_lambda=0.002)
    errors = []
    host.errorOccurred.connect(lambda m: errors.append(str(m)))
    host.start(small_experiment())
    qtbot.waitUntil(lambda: host.latest is not None, timeout=30000)
    host.restore_checkpoint(str(path))
    qtbot.waitUntil(lambda: host.latest.step == 25, timeout=30000)
    assert host.experiment.regularization.l2_lambda == 0.002
    assert host.state == "paused"
    bad = tmp_path / "bad.pt"
    bad.write_bytes(b"not a checkpoint")
    host.restore_checkpoint(str(bad))
    qtbot.waitUntil(lambda: bool(errors), timeout=10000)
    assert "bad.pt" in errors[0] and host.latest.step == 25


def test_host_adopts_the_child_started_before_the_window_and_replaces_a_dead_one(qtbot):
    """The app spawns the trainer before Qt is even imported (its torch import overlaps the window's
    start-up); the first host trains in that very process, and a pre-started child that died
    meanwhile is replaced, not adopted."""
    from explorer.core.session import _worker as worker_process

    worker_process.prestart()
    prestarted = worker_process._prestarted
    assert prestarted is not None and prestarted[0].is_alive()
    host = TrainerHost(mode="process")
    try:
        host.start(small_experiment(), play=True)
        assert host._process is prestarted[0]
        qtbot.waitUntil(lambda: host.latest is not None and host.latest.step > 0, timeout=30000)
    finally:
        host.shutdown()
    assert not prestarted[0].is_alive()
    assert worker_process.take_prestarted() is None  # taken once

    worker_process.prestart()
    dead = worker_process._prestarted
    assert dead is not None
    dead[0].kill()
    dead[0].join(10)
    host = TrainerHost(mode="process")
    try:
        host.start(small_experiment(), play=True)
        assert host._process is not dead[0]
        qtbot.waitUntil(lambda: host.latest is not None and host.latest.step > 0, timeout=30000)
    finally:
        host.shutdown()
    assert dead[1].closed


def test_a_checkpoint_opened_right_after_start_is_adopted_not_the_starting_run(host, qtbot, tmp_path):
    """Restore sent while the starting run's first snapshot is still on its way: the host adopts the
    experiment of the checkpoint's run, not of the run before it (found with `explorer FILE.pt`)."""
    path = checkpoint_after(7, tmp_path / "ck.pt", l2_lambda=0.003)
    opened = []
    host.checkpointOpened.connect(lambda p, snap: opened.append((p, snap.step, host.experiment)))
    host.start(small_experiment())
    host.restore_checkpoint(str(path))  # before any snapshot of the starting run
    qtbot.waitUntil(lambda: bool(opened), timeout=30000)
    assert opened[0][0] == str(path) and opened[0][1] == 7
    assert opened[0][2].regularization.l2_lambda == 0.003
    qtbot.wait(300)
    assert len(opened) == 1 and host.experiment.regularization.l2_lambda == 0.003


def test_no_pre_started_child_on_a_single_core(monkeypatch):
    """One core: the child's torch import would only hold up the window's first paint."""
    from explorer.core.session import _worker as worker_process

    monkeypatch.setattr(worker_process.os, "cpu_count", lambda: 1)
    worker_process.prestart()
    assert worker_process.take_prestarted() is None
