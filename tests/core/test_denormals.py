"""The training thread flushes denormal floats to zero (explorer.core.util._denormals)."""

from __future__ import annotations

import subprocess
import sys
import threading

import torch

from explorer.core.config import load_preset
from explorer.core.training import Trainer

SMALLEST_NORMAL = torch.finfo(torch.float32).tiny  # 1.18e-38


def _in_thread(body):  # type: ignore[no-untyped-def]
    result: list = []
    thread = threading.Thread(target=lambda: result.append(body()))
    thread.start()
    thread.join(timeout=60)
    assert not thread.is_alive()
    return result[0]


def _denormal_times_one() -> float:
    x = torch.tensor([SMALLEST_NORMAL / 4], dtype=torch.float32)
    return float((x * 1.0)[0])


def test_a_thread_that_trains_flushes_denormals_to_zero():
    trainer = Trainer(load_preset("dropout-regression").with_values({"training.epochs": 5}))

    def train_then_probe() -> float:
        trainer.step()
        return _denormal_times_one()

    assert _in_thread(train_then_probe) == 0.0


def test_the_thread_that_started_training_keeps_denormals():
    # the window's thread in --thread-host mode: training in a thread it started leaves it as it was
    # (a fresh process, since threads inherit the mode of the thread that creates them)
    code = (
        "import threading, torch;"
        "from explorer.core.config import load_preset;"
        "from explorer.core.training import Trainer;"
        "t = Trainer(load_preset('dropout-regression').with_values({'training.epochs': 5}));"
        "w = threading.Thread(target=t.step); w.start(); w.join();"
        "x = torch.tensor([torch.finfo(torch.float32).tiny / 4]);"
        "print(float((x * 1.0)[0]) > 0)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True)
    assert out.stdout.strip() == "True", out.stderr


def test_the_mode_keeps_the_numbers_of_normal_training():
    # a short run gives the same weights with and without the mode: its values are far from 1e-38
    exp = load_preset("dropout-regression").with_values({"training.epochs": 30})

    def run(flush: bool) -> list[torch.Tensor]:
        def body():
            trainer = Trainer(exp)
            if not flush:
                import explorer.core.util._denormals as d

                d._local.on = True  # pretend it is on: this thread keeps the CPU default
            for _ in range(30):
                trainer.step()
            return [p.detach().clone() for p in trainer.variants[1].model.parameters()]

        return _in_thread(body)

    for a, b in zip(run(True), run(False)):
        assert torch.equal(a, b)
