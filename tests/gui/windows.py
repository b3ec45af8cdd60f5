"""The tiny run the window tests train, and the real window (thread host) opened on it."""

from __future__ import annotations

from typing import Any

from explorer.core.config import Experiment

TINY_TEST_RUN = {"title": "Tiny test run", "description": "A small regression net.", "lesson": "Watch the losses."}


def tiny_run(meta: dict[str, str] | None = None, **changes: Any) -> Experiment:
    """A linear regression on 10 points, hidden layers 16 and 16, SGD with momentum on the CPU,
    with epochs enough never to finish; `changes` are dotted paths (as in Experiment.with_values)."""
    exp = Experiment.model_validate(
        {
            "meta": TINY_TEST_RUN if meta is None else meta,
            "dataset": {"kind": "linear", "n_train": 10, "n_val": 10, "n_test": 10, "noise": 0.5},
            "network": {"layers": [{"width": 16, "dropout_p": 0.2}, {"width": 16}]},
            "optimizer": {"kind": "sgd", "lr": 0.01, "momentum": 0.9},
            "training": {"epochs": 1_000_000, "eval_every": 5, "seed": 0, "device": "cpu"},
        }
    )
    return exp.with_values(changes) if changes else exp


def open_window(
    qtbot,
    experiment: Experiment,
    settings=None,  # type: ignore[no-untyped-def]
    size: tuple[int, int] = (1280, 720),
):
    """The main window with a trainer in a thread host, shown and exposed."""
    from explorer.gui.host import TrainerHost
    from explorer.gui.main_window import MainWindow

    win = MainWindow(host=TrainerHost(mode="thread"), experiment=experiment, settings=settings)
    win.resize(*size)
    win.show()
    qtbot.waitExposed(win)
    return win


def close_window(win) -> None:  # type: ignore[no-untyped-def]
    win.close()  # stops and joins the trainer thread, saves settings
    win.host.shutdown()  # idempotent
    win.deleteLater()
