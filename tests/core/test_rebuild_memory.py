"""A rebuild lets go of the old run at once: nothing of it waits for the cycle collector.

The soak (tests/soak) saw the trainer process grow from 169 to 582 MB over 30 minutes of
opening presets. Each stacked trainer was a reference cycle (Trainer._engine -> StackedEngine
-> .trainer, and the engine's penalty and optimizer back to the engine), so an old run (its
data set, models, optimizer state, stacked rows) was freed only by a full collection, which a
process holding torch's ~300k objects runs rarely (none in 100 rebuilds, measured). These tests
count live objects, not memory: with automatic collection off, every piece of the old run must
be gone right after the rebuild, freed by reference counting alone.
"""

from __future__ import annotations

import gc
import weakref
from contextlib import contextmanager
from typing import Any, Iterator

import pytest

from explorer.core.config import Experiment, load_preset
from explorer.core.protocol import commands as C
from explorer.core.session import Session
from tests.conftest import MNIST_DIR

pytestmark = pytest.mark.usefixtures("one_torch_thread")

STEPS = 12


def _live(experiment: Experiment, **dataset: Any) -> str:
    """The experiment as a live run (epochs that do not end), small data sets, as JSON."""
    update: dict[str, Any] = {"training": experiment.training.model_copy(update={"epochs": 100_000})}
    if experiment.kind == "training" and dataset:
        update["dataset"] = experiment.dataset.model_copy(update=dataset)
    return experiment.model_copy(update=update).to_json()


def _with_optimizer(name: str, kind: str) -> Experiment:
    exp = load_preset(name)
    return exp.model_copy(update={"optimizer": exp.optimizer.model_copy(update={"kind": kind})})


def _experiments() -> list[tuple[str, str]]:
    """The soak's kinds of rebuild: digits MLPs, 200-wide nets, every optimizer, early stopping
    with restored weights, the demonstration, MNIST when the data is here."""
    runs = [
        ("digits MLP, SGD", _live(load_preset("dropout-mlp"), max_samples=300)),
        ("200-wide regression", _live(load_preset("dropout-regression"))),
        ("L1 vs L2, Adam", _live(_with_optimizer("l1-vs-l2", "adam"))),
        ("high-dimensional, AdamW", _live(_with_optimizer("weight-decay-highdim", "adamw"))),
        ("early stopping", _live(load_preset("early-stopping"))),
        ("dropout-scaling demo", _live(load_preset("dropout-scaling"))),
    ]
    if MNIST_DIR.is_dir():
        runs.append(("MNIST", _live(load_preset("dropout-mlp"), kind="idx", path=str(MNIST_DIR), max_samples=500)))
    return runs


def _rebuild(session: Session, text: str) -> None:
    session.handle(C.Rebuild(experiment_json=text, start_paused=False))
    assert session.state == "running", f"the rebuild failed: state {session.state}"
    session.handle(C.Step(n=STEPS))
    while session.pending_steps and session.state != "error":
        session._train_chunk()
    session._send_snapshot()


def _pieces(runner: Any) -> dict[str, weakref.ref]:
    """Weak references to everything big an old run holds."""
    refs: dict[str, Any] = {"runner": runner}
    dataset = getattr(runner, "dataset", None)
    if dataset is not None:
        refs.update(dataset=dataset, x_train=dataset.x_train)
    for i, run in enumerate(getattr(runner, "variants", ())):
        refs.update(
            {
                f"variant {i} model": run.model,
                f"variant {i} optimizer": run.optimizer,
                f"variant {i} history": run.history,
                f"variant {i} first weight": run.model.linears[0].weight,
            }
        )
    engine = getattr(runner, "_engine", None)
    if engine is not None:
        refs.update(
            engine=engine, engine_rows=engine.flat, engine_optimizer=engine.optimizer, engine_penalty=engine.penalty
        )
    return {name: weakref.ref(obj) for name, obj in refs.items()}


@contextmanager
def _no_automatic_gc() -> Iterator[None]:
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


@pytest.mark.parametrize("stacked", [True, False], ids=["stacked", "per-model"])
def test_a_rebuild_frees_the_old_run_by_reference_counting(stacked, monkeypatch):
    monkeypatch.setenv("EXPLORER_STACKED", "1" if stacked else "0")
    session = Session(lambda kind, payload: None)
    runs = _experiments()
    # One pass first: one-off lazy imports (torch's first optimizer) can keep the frames of the
    # first build, and the run in them, for a while; that is not a run per rebuild.
    for _, text in runs:
        _rebuild(session, text)
    gc.collect()
    engines = 0
    with _no_automatic_gc():
        for (old_name, _), (_, text) in zip(runs, runs[1:] + runs[:1]):
            engines += getattr(session.runner, "_engine", None) is not None
            before = _pieces(session.runner)
            _rebuild(session, text)
            alive = sorted(name for name, ref in before.items() if ref() is not None)
            if alive:
                gc.collect()
                leaked = sorted(name for name, ref in before.items() if ref() is not None)
                pytest.fail(
                    f"after rebuilding away from {old_name!r} these pieces of the old run were alive: "
                    f"{alive}; after gc.collect(): {leaked or 'none (a reference cycle held them)'}"
                )
    assert (engines > 0) == stacked, "the test did not exercise the path it names"


def test_many_rebuilds_keep_one_run_alive(monkeypatch):
    """Over many rebuilds (automatic collection on, as in the trainer's process) the session
    keeps exactly one run: the newest."""
    monkeypatch.setenv("EXPLORER_STACKED", "1")
    session = Session(lambda kind, payload: None)
    runs = [text for _, text in _experiments()[:3]]
    refs = []
    for i in range(3 * len(runs)):
        _rebuild(session, runs[i % len(runs)])
        refs.append(weakref.ref(session.runner))
    gc.collect()
    alive = [ref() for ref in refs if ref() is not None]
    assert alive == [session.runner]


def test_the_child_trims_the_heap_once_after_each_rebuild():
    """The child process's receive(): after handing out a Rebuild (or a checkpoint restore) the
    next call, made once the session has installed the new run, releases freed memory first."""
    from multiprocessing import Pipe

    from explorer.core.session import make_receive

    ours, theirs = Pipe()
    calls = []
    receive = make_receive(theirs, after_rebuild=lambda: calls.append(len(calls)))
    try:
        ours.send(C.Rebuild(experiment_json=None))
        ours.send(C.Step(n=1))
        assert isinstance(receive(1.0), C.Rebuild) and calls == []
        assert isinstance(receive(1.0), C.Step) and calls == [0]  # the rebuild was handled
        assert receive(0.0) is None and calls == [0]
        ours.send(C.RestoreCheckpoint(path="run.pt"))
        assert isinstance(receive(1.0), C.RestoreCheckpoint)
        assert receive(0.0) is None and calls == [0, 1]
    finally:
        ours.close()
        theirs.close()


def test_releasing_freed_memory_is_glibc_only_and_harmless():
    import platform
    import sys

    from explorer.core.session import release_freed_memory

    glibc = sys.platform.startswith("linux") and platform.libc_ver()[0] == "glibc"
    assert release_freed_memory() is glibc
    assert release_freed_memory() is glibc  # looked up once, callable again
