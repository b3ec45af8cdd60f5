"""Devices in the window (thread host): CUDA asked for but absent falls back to the CPU and says
so; CUDA out of memory pauses training with a message and a "Use the CPU" button."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

import torch

from explorer.core.config import Experiment

WAIT_MS = 60_000


@pytest.fixture
def no_cuda(monkeypatch):
    """This machine has no GPU; a machine that has one is made to look the same."""
    monkeypatch.setattr(torch.cuda, "is_available", lambda: False)


def experiment(device: str) -> Experiment:
    return Experiment.model_validate(
        {
            "dataset": {"kind": "sine", "n_train": 16, "n_val": 8, "n_test": 8},
            "network": {"layers": [{"width": 8, "dropout_p": 0.2}, {"width": 8}]},
            "optimizer": {"kind": "sgd", "lr": 0.01, "momentum": 0.9},
            "training": {"epochs": 1_000_000, "eval_every": 5, "device": device},
        }
    )


@pytest.fixture
def make_window(qtbot):
    from explorer.gui.host import TrainerHost
    from explorer.gui.main_window import MainWindow

    made = []

    def make(exp: Experiment):  # type: ignore[no-untyped-def]
        host = TrainerHost(mode="thread")
        win = MainWindow(host=host, experiment=exp)
        win.show()
        qtbot.waitExposed(win)
        made.append(win)
        return win

    yield make
    for win in made:
        win.close()
        win.host.shutdown()
        win.deleteLater()


def test_cuda_asked_for_but_absent_trains_on_the_cpu_and_says_so(qtbot, no_cuda, make_window):
    messages: list[str] = []
    window = make_window(experiment("cuda"))
    window.host.message.connect(lambda m: messages.append(str(m)))
    window.start(play=True)
    qtbot.waitUntil(lambda: window.painted_snapshot is not None and window.painted_snapshot.step > 0, timeout=WAIT_MS)
    assert window.painted_snapshot.device == "cpu" and window.state == "running"
    assert any("CUDA was asked for but is not available" in m and "CPU" in m for m in messages), messages
    assert "CUDA was asked for but is not available" in window.statusBar().currentMessage()
    assert "fell back to the CPU" in window.data_panel.device_readout.text()
    assert "cpu" in window.run_status.device.text()
    assert window.experiment.training.device == "cuda"  # the wish is kept: on a GPU machine it is used


def test_cuda_out_of_memory_pauses_and_offers_the_cpu(qtbot, no_cuda, make_window, monkeypatch):
    from explorer.core.training import _trainer as trainer_module

    real_step = trainer_module.Trainer.step
    out_of_memory = {"on": False}

    def step(self):  # type: ignore[no-untyped-def]
        if out_of_memory["on"]:
            raise torch.cuda.OutOfMemoryError("CUDA out of memory. Tried to allocate 2.00 GiB")
        return real_step(self)

    monkeypatch.setattr(trainer_module.Trainer, "step", step)
    window = make_window(experiment("cuda"))
    window.start(play=True)
    qtbot.waitUntil(lambda: window.painted_snapshot is not None and window.painted_snapshot.step > 5, timeout=WAIT_MS)
    out_of_memory["on"] = True
    qtbot.waitUntil(lambda: window.state == "error", timeout=WAIT_MS)
    text = window.banner.text()
    assert "CUDA ran out of memory during training" in text and "CPU" in text
    assert window.banner.action_texts() == ["Use the CPU"]
    step = window.painted_snapshot.step
    qtbot.wait(200)
    assert window.painted_snapshot.step == step, "training paused"
    out_of_memory["on"] = False
    generation = window.painted_snapshot.generation
    window.banner.action_buttons[0].click()
    assert not window.banner.isVisible()
    assert window.experiment.training.device == "cpu" and window.host.experiment.training.device == "cpu"
    assert window.data_panel.device.currentData() == "cpu"
    qtbot.waitUntil(
        lambda: (
            window.painted_snapshot is not None
            and window.painted_snapshot.generation > generation
            and window.state == "running"
            and window.painted_snapshot.step > 0
        ),
        timeout=WAIT_MS,
    )
    assert window.painted_snapshot.device == "cpu"


def test_out_of_memory_while_building_keeps_the_run_and_offers_the_cpu(qtbot, no_cuda, make_window, monkeypatch):
    import explorer.core.training as demos  # the session looks build_runner up there at each build

    real_build = demos.build_runner
    window = make_window(experiment("auto"))
    window.start(play=True)
    qtbot.waitUntil(lambda: window.painted_snapshot is not None and window.painted_snapshot.step > 0, timeout=WAIT_MS)
    kept = window.experiment

    def build(exp, **kwargs):  # type: ignore[no-untyped-def]
        if exp.network.layers[0].width == 4000:
            raise torch.cuda.OutOfMemoryError("CUDA out of memory. Tried to allocate 9.00 GiB")
        return real_build(exp, **kwargs)

    monkeypatch.setattr(demos, "build_runner", build)
    window.network_panel.rows[0].width.setValue(4000)
    qtbot.waitUntil(lambda: "out of memory" in window.banner.text(), timeout=WAIT_MS)
    assert window.banner.text().startswith("Not applied") and window.banner.action_texts() == ["Use the CPU"]
    qtbot.waitUntil(lambda: window.experiment == kept, timeout=5000)
    assert window.network_panel.rows[0].width.value() == 8 and window.host.experiment == kept
    qtbot.waitUntil(lambda: window.painted_snapshot is not None, timeout=WAIT_MS)  # the kept run, painted again
    step = window.painted_snapshot.step
    qtbot.waitUntil(lambda: window.painted_snapshot.step > step, timeout=WAIT_MS)  # the old run goes on
    window.banner.action_buttons[0].click()
    assert window.experiment.training.device == "cpu"
    assert window.experiment.network.layers[0].width == 8
