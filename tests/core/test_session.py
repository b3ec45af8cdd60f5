"""The Qt-free session loop, driven directly: a scripted receive() and an emit collector."""

from __future__ import annotations

import time
from typing import Any, Callable, Optional

import pytest

from explorer.core.config import Experiment
from explorer.core.io import load_checkpoint
from explorer.core.protocol import Message, Snapshot
from explorer.core.protocol import commands as C
from explorer.core.session import Session
from tests.core.small_runs import sine_run

pytestmark = pytest.mark.usefixtures("one_torch_thread")


def tiny(**values) -> Experiment:  # type: ignore[no-untyped-def]
    return sine_run([{"width": 8, "dropout_p": 0.5}], {"training.epochs": 100_000}, values, points=(16, 8, 8))


class Until:
    """A script item: answer None (no command) until `predicate()` holds; fail after `timeout` s."""

    def __init__(self, predicate: Callable[[], bool], timeout: float = 10.0, what: str = ""):
        self.predicate, self.timeout, self.what = predicate, timeout, what
        self.deadline: Optional[float] = None


class For:
    """A script item: answer None for `seconds`."""

    def __init__(self, seconds: float):
        self.seconds = seconds
        self.deadline: Optional[float] = None


class Probe:
    """A script item: call `fn()` once (an assertion at a point of the script), answer nothing."""

    def __init__(self, fn: Callable[[], None]):
        self.fn = fn


class Script:
    """receive() for Session.serve: hands out commands and waits in order; EOFError when done."""

    def __init__(self, items: list[Any]):
        self.items = list(items)
        self.calls = 0

    def __call__(self, timeout: float) -> Optional[Any]:
        self.calls += 1
        while self.items:
            item = self.items[0]
            if isinstance(item, Probe):
                self.items.pop(0)
                item.fn()
                continue
            if isinstance(item, Until):
                if item.deadline is None:
                    item.deadline = time.monotonic() + item.timeout
                if item.predicate():
                    self.items.pop(0)
                    continue
                if time.monotonic() > item.deadline:
                    raise AssertionError(f"timed out waiting for {item.what or item.predicate}")
                return None
            if isinstance(item, For):
                if item.deadline is None:
                    item.deadline = time.monotonic() + item.seconds
                if time.monotonic() < item.deadline:
                    return None
                self.items.pop(0)
                continue
            return self.items.pop(0)
        raise EOFError


class Collector:
    def __init__(self) -> None:
        self.events: list[tuple[str, Any]] = []

    def __call__(self, kind: str, payload: Any) -> None:
        self.events.append((kind, payload))

    def of(self, kind: str) -> list[Any]:
        """The payloads of one kind; a message as its English sentence."""
        return [str(p) if isinstance(p, Message) else p for k, p in self.events if k == kind]

    def kinds(self) -> list[str]:
        return [k for k, _ in self.events]


def rebuild(exp: Experiment, start_paused: bool = True) -> C.Rebuild:
    return C.Rebuild(experiment_json=exp.to_json(), start_paused=start_paused)


def new_session(interval: float = 1 / 30) -> tuple[Session, Collector]:
    out = Collector()
    return Session(out, snapshot_interval=interval), out


def test_rebuild_paused_emits_state_and_a_snapshot() -> None:
    session, out = new_session()
    session.serve(Script([rebuild(tiny())]))
    assert out.kinds()[:2] == ["state", "snapshot"]
    assert out.of("state") == ["paused"]
    snap = out.of("snapshot")[0]
    assert isinstance(snap, Snapshot)
    assert (snap.state, snap.step, snap.generation) == ("paused", 0, 1)
    assert Experiment.model_validate_json(snap.experiment_json) == tiny()
    assert session.runner.step_count == 0 and session.state == "paused"


def test_step_advances_exactly_n_then_stays_paused() -> None:
    session, out = new_session()
    script = Script(
        [
            rebuild(tiny()),
            C.Step(3),
            Until(lambda: session.pending_steps == 0, what="the 3 steps"),
            For(0.15),  # idle time: nothing more may happen
            Probe(lambda: None),
        ]
    )
    session.serve(script)
    assert session.runner.step_count == 3
    assert session.state == "paused"
    assert out.of("state") == ["paused"]
    session.handle(C.Step(0))  # at least one step
    session.serve(Script([Until(lambda: session.pending_steps == 0), For(0.05)]))
    assert session.runner.step_count == 4
    assert out.of("snapshot")[-1].step == 4  # a snapshot follows the steps


def test_resume_runs_and_pause_stops() -> None:
    session, out = new_session()
    counts: dict[str, int] = {}
    script = Script(
        [
            rebuild(tiny()),
            C.Resume(),
            Until(lambda: session.runner.step_count >= 20, what="20 steps"),
            C.Pause(),
            Probe(lambda: counts.setdefault("paused_at", session.runner.step_count)),
            For(0.1),
        ]
    )
    session.serve(script)
    assert out.of("state") == ["paused", "running", "paused"]
    assert session.runner.step_count == counts["paused_at"] >= 20


def test_run_to_the_end_reports_finished() -> None:
    session, out = new_session()
    session.serve(
        Script(
            [
                rebuild(tiny(**{"training.epochs": 7}), start_paused=False),
                Until(lambda: session.state == "finished", what="the end"),
                C.Resume(),
                For(0.05),
            ]
        )
    )
    assert out.of("state") == ["running", "finished"]
    assert session.runner.step_count == 7
    assert "finished: 7 epochs, 7 steps" in out.of("message")
    last = out.of("snapshot")[-1]
    assert (last.state, last.step) == ("finished", 7)


def test_set_value_reaches_the_runner() -> None:
    session, out = new_session()
    session.serve(
        Script(
            [
                rebuild(tiny()),
                C.SetValue("network.layers.0.dropout_p", 0.25),
                C.SetValue("optimizer.lr", 0.2),
                C.Step(1),
                Until(lambda: session.pending_steps == 0),
            ]
        )
    )
    runner = session.runner
    assert runner.experiment.network.layers[0].dropout_p == 0.25
    assert runner.experiment.optimizer.lr == 0.2
    assert runner.variants[0].model.dropout_p(0) == 0.25
    assert runner.variants[0].optimizer.param_groups[0]["lr"] == 0.2
    assert Experiment.model_validate_json(session.experiment_json) == runner.experiment
    # a Rebuild without a new experiment (Reset) keeps the live edits
    session.serve(Script([C.Rebuild(None)]))
    assert session.runner is not runner and session.runner.step_count == 0
    assert session.runner.experiment.network.layers[0].dropout_p == 0.25
    assert session.generation == 2


def test_bad_set_value_is_a_message_not_a_crash() -> None:
    session, out = new_session()
    session.serve(
        Script(
            [rebuild(tiny()), C.SetValue("network.layers.0.width", 3), C.SetValue("network.layers.0.dropout_p", 7.0)]
        )
    )
    messages = out.of("message")
    assert any("network.layers.0.width: cannot change while training" in m for m in messages)
    assert any(m.startswith("network.layers.0.dropout_p: ") for m in messages)
    assert session.state == "paused" and "error" not in out.kinds()
    assert session.runner.experiment == tiny()


def test_save_checkpoint_writes_and_reports(tmp_path) -> None:
    session, out = new_session()
    path = tmp_path / "sub" / "c.pt"
    session.serve(
        Script([rebuild(tiny()), C.Step(5), Until(lambda: session.pending_steps == 0), C.SaveCheckpoint(str(path))])
    )
    assert out.of("checkpoint") == [str(path)]
    payload = load_checkpoint(path)
    assert payload["step"] == 5
    assert payload["experiment"] == tiny()


def test_save_checkpoint_failure_is_a_message(tmp_path) -> None:
    (tmp_path / "afile").write_text("x")
    session, out = new_session()
    session.serve(Script([rebuild(tiny()), C.SaveCheckpoint(str(tmp_path / "afile" / "c.pt"))]))
    assert out.of("checkpoint") == []
    assert any("cannot write" in m for m in out.of("message"))
    assert session.state == "paused"


def test_divergence_emits_error_and_state_error() -> None:
    session, out = new_session()
    session.serve(
        Script(
            [
                rebuild(tiny(**{"optimizer.lr": 100.0, "optimizer.momentum": 0.9}), start_paused=False),
                Until(lambda: session.state == "error", what="the divergence"),
                For(0.05),
            ]
        )
    )
    (error,) = out.of("error")
    assert "NaN" in error and "learning rate (100)" in error
    assert out.of("state") == ["running", "error"]
    steps = session.runner.step_count
    session.handle(C.Resume())  # an errored run does not resume
    assert session.state == "error" and session.runner.step_count == steps


def test_a_snapshot_that_raises_stops_the_run_with_a_message_and_the_loop_goes_on(monkeypatch) -> None:
    """A probe's bug (bincount once raised on values far from zero) ended serve(): in the window's own
    process the trainer thread died and every later command went nowhere."""
    session, out = new_session()

    def broken(*_a, **_k):
        raise RuntimeError("bincount only supports 1-d non-negative integral inputs.\nmore")

    script = Script(
        [
            rebuild(tiny(), start_paused=True),
            Until(lambda: session.runner is not None, what="the model"),
            Probe(lambda: monkeypatch.setattr(session.runner, "snapshot", broken)),
            C.Resume(),
            Until(lambda: session.state == "error", what="the failed snapshot"),
            C.Pause(),
            C.Stop(),
            C.Resume(),
        ]
    )
    session.serve(script)
    assert len(script.items) == 1  # served on until the Stop
    (error,) = out.of("error")
    assert error == (
        "the trainer could not report the run's state (RuntimeError: bincount only supports 1-d non-negative "
        "integral inputs.); the run is stopped: press Reset to start it again"
    )
    assert out.of("state")[-1] == "error"


def test_a_variant_renamed_after_a_divergence_is_drawn_under_its_new_name() -> None:
    """The views keep the last good snapshot after a divergence; a rename that came after it (the value
    named "p = 0.5" changed to 0.85 and diverged the run) left the legends on the old name."""
    exp = tiny(**{"optimizer.lr": 100.0, "optimizer.momentum": 0.9}).with_values(
        {"variants": [{"name": "a", "set": {}}, {"name": "b", "set": {}}]}
    )
    session, out = new_session()
    session.serve(
        Script(
            [
                rebuild(exp, start_paused=False),
                Until(lambda: session.state == "error", what="the divergence"),
                C.SetValue("name", "b renamed", variant=1),
                C.RequestSnapshot(),
                For(0.05),
            ]
        )
    )
    last = out.of("snapshot")[-1]
    assert [v.name for v in last.variants] == ["a", "b renamed"] and last.state == "error"


def test_bad_rebuild_emits_error() -> None:
    session, out = new_session()
    session.serve(Script([C.Rebuild('{"netwrk": 1}')]))
    assert out.of("error") == ["netwrk: unknown field (check the spelling)"]
    assert out.of("state") == ["error"]
    assert session.runner is None


def test_commands_before_any_experiment() -> None:
    session, out = new_session()
    session.serve(Script([C.Resume(), C.Step(2), C.Rebuild(None)]))
    assert out.of("message")[:2] == ["no experiment loaded", "no experiment loaded"]
    assert out.of("error") == ["nothing to rebuild: no experiment was loaded"]


def test_messages_cross_as_data() -> None:
    """Status lines and errors reach the host as Messages (an id and values, picklable), not only text."""
    import pickle

    session, out = new_session()
    session.serve(
        Script(
            [
                C.Resume(),
                C.Rebuild('{"netwrk": 1}'),
                rebuild(tiny(**{"training.epochs": 3}), start_paused=False),
                Until(lambda: session.state == "finished", what="the end"),
            ]
        )
    )
    sent = [p for k, p in out.events if k in ("message", "error")]
    assert all(isinstance(p, Message) for p in sent)
    assert pickle.loads(pickle.dumps(sent)) == sent
    assert [m.id for m in sent] == ["session.no_experiment", "errors.problems", "trainer.finished"]
    assert sent[-1].params == {"epochs": 3, "steps": 3}
    assert sent[1].params["problems"][0].params["where"] == "netwrk"


def test_stop_returns_from_serve() -> None:
    session, out = new_session()
    script = Script([rebuild(tiny(), start_paused=False), For(0.05), C.Stop(), C.Pause()])
    session.serve(script)
    assert len(script.items) == 1 and isinstance(script.items[0], C.Pause)  # nothing read after Stop
    assert session.state == "running" and session.runner.step_count > 0


def test_eof_from_receive_returns() -> None:
    session, out = new_session()

    def receive(timeout: float) -> Any:
        raise EOFError

    session.serve(receive)  # returns, no exception
    assert out.events == []


def test_snapshots_are_rate_limited() -> None:
    session, out = new_session(interval=0.2)
    script = Script([rebuild(tiny(), start_paused=False), For(0.5), C.Pause()])
    started = time.monotonic()
    session.serve(script)
    elapsed = time.monotonic() - started
    steps = session.runner.step_count
    snaps = out.of("snapshot")
    assert steps > 20, steps  # it trained many steps ...
    assert 2 <= len(snaps) <= 1 + int(elapsed / 0.2) + 2  # ... but sent a few snapshots
    assert len(snaps) <= 6
    assert [s.step for s in snaps] == sorted(s.step for s in snaps)
    assert all(s.state == "running" for s in snaps[1:])
    assert any(s.steps_per_second > 0 for s in snaps[1:])


def test_demo_runs_in_a_session() -> None:
    exp = Experiment().with_values({"kind": "dropout-scaling", "demo.samples": 60})
    session, out = new_session()
    session.serve(
        Script(
            [
                rebuild(exp, start_paused=False),
                Until(lambda: session.state == "finished"),
                C.SaveCheckpoint("/nonexistent/never.pt"),
            ]
        )
    )
    assert session.runner.step_count == 3  # 25 + 25 + 10 samples
    assert out.of("message")[-1] == "a demonstration has no weights to save"
    snap = out.of("snapshot")[-1]
    assert len(snap.extra["scaling"]["inverted"]["train_outputs"]) == 60


@pytest.mark.parametrize("overflow", ["weight norm", "validation loss", "prediction"])
def test_a_snapshot_that_overflowed_before_the_training_loss_did_is_a_divergence(overflow) -> None:
    """Huge weights can overflow the drawn numbers (a weight norm, an evaluation, the fit) a step
    before the training loss turns NaN: the session stops there with the divergence message and
    the views get the last good snapshot, never the overflowed one."""
    import dataclasses

    import numpy as np

    session, out = new_session(interval=0.0)
    session.serve(Script([rebuild(tiny()), C.Step(3), Until(lambda: session.pending_steps == 0)]))
    runner = session.runner
    good = out.of("snapshot")[-1]
    real_snapshot = runner.snapshot

    def overflowed(**kwargs):  # type: ignore[no-untyped-def]
        snap = real_snapshot(**kwargs)
        v = snap.variants[0]
        if overflow == "weight norm":
            v = dataclasses.replace(
                v, linears=[dataclasses.replace(v.linears[0], weight_norm=float("inf"))] + list(v.linears[1:])
            )
        elif overflow == "validation loss":
            history = dict(v.history)
            history["val_loss"] = np.append(history["val_loss"][:-1], np.inf)
            v = dataclasses.replace(v, history=history)
        else:
            v = dataclasses.replace(v, grid_prediction=np.full_like(v.grid_prediction, np.nan))
        return dataclasses.replace(snap, variants=[v] + list(snap.variants[1:]))

    runner.snapshot = overflowed
    session.serve(Script([C.Step(1), Until(lambda: session.state == "error", what="the divergence")]))
    errors = out.of("error")
    assert len(errors) == 1 and "NaN or infinite" in errors[0] and "Reset" in errors[0]
    last = out.of("snapshot")[-1]
    assert last.step == good.step and last.state == "error"  # the last good views
    assert np.isfinite(last.variants[0].grid_prediction).all()
