"""The dropout-scaling demonstration: why train and eval outputs differ.

Net: Dropout(p) -> Linear(n, 1, bias=False) with every weight 1 -> ReLU, input
n ones. Inverted dropout scales kept units by 1/(1-p) while training, so train
outputs scatter around n and eval gives exactly n; vanilla dropout does not
scale while training (outputs around n(1-p)) and multiplies by (1-p) at eval.
Both keep E[train output] = eval output. Masks are drawn a batch at a time so
the histogram of train-mode outputs fills up live.
"""

from __future__ import annotations

import time
from typing import Any, Optional

import numpy as np
import torch
from torch import nn

from explorer.core.config import Experiment
from explorer.core.nn import InvertedDropout, VanillaDropout
from explorer.core.protocol import DataView, Message, Snapshot, define_messages

MSG = define_messages(
    "demo",
    {
        "scaling_finished": "inverted: train mean {inverted_train}, eval {inverted_eval}; "
        "vanilla: train mean {vanilla_train}, eval {vanilla_eval}",
    },
)

KINDS = {"inverted": InvertedDropout, "vanilla": VanillaDropout}
BATCH = 25


class ScalingDemo:
    def __init__(self, experiment: Experiment):
        self.experiment = experiment
        cfg = experiment.demo
        self.cfg = cfg
        self.generator = torch.Generator().manual_seed(cfg.seed)
        self.linear = nn.Linear(cfg.n_inputs, 1, bias=False)
        nn.init.ones_(self.linear.weight)
        self.x = torch.ones(cfg.n_inputs)
        self.nets = {}
        for name, cls in KINDS.items():
            drop = cls(cfg.dropout_p)
            drop.generator = self.generator
            self.nets[name] = nn.Sequential(drop, self.linear, nn.ReLU())
        self.outputs: dict[str, list[float]] = {name: [] for name in KINDS}
        self.eval_outputs = {}
        with torch.no_grad():
            for name, net in self.nets.items():
                net.eval()
                self.eval_outputs[name] = float(net(self.x)[0])
                net.train()
        self.grad_equals_mask = self._gradient_check()
        self.step_count = 0
        self.epoch = 0
        self.started = time.perf_counter()
        self.device = torch.device("cpu")

    def _gradient_check(self) -> bool:
        """de/da = de/dd * m: the gradient reaches the input only through kept units, scaled alike."""
        drop = InvertedDropout(self.cfg.dropout_p)
        drop.generator = torch.Generator().manual_seed(self.cfg.seed + 1)
        drop.train()
        a = torch.ones(self.cfg.n_inputs, requires_grad=True)
        drop(a).sum().backward()
        mask = drop.last_mask if drop.last_mask is not None else torch.ones_like(a)
        return bool(torch.equal(a.grad, mask.expand_as(a)))

    @property
    def finished(self) -> bool:
        return len(self.outputs["inverted"]) >= self.cfg.samples

    @property
    def total_epochs(self) -> int:
        return self.cfg.samples

    def step(self) -> None:
        if self.finished:
            return
        n = min(BATCH, self.cfg.samples - len(self.outputs["inverted"]))
        with torch.no_grad():
            for name, net in self.nets.items():
                self.outputs[name].extend(float(net(self.x)[0]) for _ in range(n))
        self.step_count += 1
        self.epoch = len(self.outputs["inverted"])

    def apply(self, command: Any) -> None:
        """The demo has no live fields (a change of p rebuilds it), but it keeps the value, so the
        experiment it reports is the one the host and the panels hold."""
        from explorer.core.config import apply_live_value
        from explorer.core.protocol import SetValue

        if isinstance(command, SetValue):
            self.experiment = apply_live_value(self.experiment, command.path, command.value, command.variant)

    @property
    def wall_seconds(self) -> float:
        return time.perf_counter() - self.started

    def scaling(self) -> dict[str, dict[str, Any]]:
        return {
            name: {"train_outputs": np.asarray(vals, dtype=np.float64), "eval_output": self.eval_outputs[name]}
            for name, vals in self.outputs.items()
        }

    def snapshot(
        self,
        *,
        state: str = "running",
        message: str = "",
        steps_per_second: float = 0.0,
        generation: int = 0,
        parts: Optional[frozenset[str]] = None,  # a demonstration has one picture: always built
    ) -> Snapshot:
        empty = np.zeros(0)
        data = DataView(
            task="scaling",
            x_train=empty,
            y_train=empty,
            x_test=empty,
            y_test=empty,
            input_dim=self.cfg.n_inputs,
            output_dim=1,
        )
        return Snapshot(
            step=self.step_count,
            epoch=self.epoch,
            total_epochs=self.cfg.samples,
            steps_per_second=steps_per_second,
            device="cpu",
            state=state,
            message=message,
            variants=(),
            data=data,
            wall_seconds=self.wall_seconds,
            generation=generation,
            experiment_json=self.experiment.to_json(),
            extra={"scaling": self.scaling(), "dropout_p": self.cfg.dropout_p},
        )

    def status_line(self) -> Message:
        s = self.summary()["kinds"]
        return MSG.scaling_finished(
            **{
                f"{kind}_{key}": f"{s[kind][value]:.0f}"
                for kind in ("inverted", "vanilla")
                for key, value in (("train", "train_mean"), ("eval", "eval_output"))
            }
        )

    def summary(self) -> dict[str, Any]:
        kinds = {}
        for name, vals in self.outputs.items():
            arr = np.asarray(vals, dtype=np.float64)
            kinds[name] = {
                "train_mean": float(arr.mean()) if arr.size else None,
                "train_std": float(arr.std()) if arr.size else None,
                "train_min": float(arr.min()) if arr.size else None,
                "train_max": float(arr.max()) if arr.size else None,
                "eval_output": self.eval_outputs[name],
                "samples": int(arr.size),
            }
        kinds["inverted"]["all_even"] = bool(np.all(np.mod(np.asarray(self.outputs["inverted"]), 2) == 0))
        wall = self.wall_seconds
        return {
            "kind": "dropout-scaling",
            "dropout_p": self.cfg.dropout_p,
            "n_inputs": self.cfg.n_inputs,
            "kinds": kinds,
            "gradient_equals_mask": self.grad_equals_mask,
            "steps": self.step_count,
            "wall_seconds": round(wall, 3),
            "device": "cpu",
        }


def build_runner(experiment: Experiment, **kwargs: Any):  # type: ignore[no-untyped-def]
    """The object that runs an experiment: a Trainer, or the demo for demonstration kinds."""
    if experiment.kind == "dropout-scaling":
        return ScalingDemo(experiment)
    from explorer.core.training._trainer import Trainer

    return Trainer(experiment, **kwargs)
