"""The snapshot budget cannot silently regress: a part for a hidden view is never built (not timed).

The window tells the trainer which views are on screen (commands.SetVisibleViews); the part builders
of explorer.core.training._probes are spied on, and a snapshot made while a view is hidden must not
call its builder.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import numpy as np
import pytest

from explorer.core.protocol import DASHBOARD_VIEWS, wants
from explorer.core.protocol import commands as C
from explorer.core.training import Trainer
from explorer.core.training import _probes as probes
from tests.core.small_runs import run_steps, sine_run
from tests.core.test_session import Probe, Script, Until, new_session, rebuild, tiny

pytestmark = pytest.mark.usefixtures("one_torch_thread")

BUILDERS = {"fit": "_fit_part", "histograms": "_histogram_part", "network": "_network_part"}


@pytest.fixture
def built(monkeypatch: pytest.MonkeyPatch) -> Counter:
    """Counts the calls of each part builder, by view id."""
    calls: Counter = Counter()
    for view, name in BUILDERS.items():
        original = getattr(probes, name)

        def spy(*args: Any, _original: Any = original, _view: str = view, **kwargs: Any) -> Any:
            calls[_view] += 1
            return _original(*args, **kwargs)

        monkeypatch.setattr(probes, name, spy)
    return calls


def two_variants() -> Any:
    return sine_run(
        [{"width": 8, "dropout_p": 0.5}, {"width": 6}],
        {"training.epochs": 100_000},
        {"variants": [{"name": "a", "set": {}}, {"name": "b", "set": {"network.layers.0.dropout_p": 0.0}}]},
        points=(16, 8, 8),
    )


def test_wants_is_the_dashboard_by_default_and_optional_parts_only_when_named() -> None:
    assert all(wants(None, v) for v in DASHBOARD_VIEWS)
    assert not wants(None, "inspector")  # an optional part (issue 18) is off unless the window names it
    assert wants(frozenset({"inspector"}), "inspector") and not wants(frozenset({"inspector"}), "fit")


def test_a_snapshot_builds_only_the_parts_asked_for(built: Counter) -> None:
    trainer = run_steps(Trainer(two_variants()), 3)
    snap = trainer.snapshot(parts=frozenset({"loss", "norms"}))
    assert sum(built.values()) == 0
    assert snap.parts == ("loss", "norms")
    # what every view needs is there anyway: histories and the scalars
    assert len(snap.variants) == 2 and snap.variants[0].history["train_loss"].size == 4  # at start and 3 epochs
    assert all(np.isfinite(lin.weight_norm) for v in snap.variants for lin in v.linears)
    trainer.snapshot(parts=frozenset({"histograms"}))
    assert built == Counter({"histograms": 1})
    full = trainer.snapshot()
    assert built == Counter({"histograms": 2, "fit": 1, "network": 2})  # network: once per variant
    assert full.parts == tuple(sorted(DASHBOARD_VIEWS))


def test_a_hidden_view_keeps_its_last_part_and_a_shown_one_is_fresh(built: Counter) -> None:
    trainer = run_steps(Trainer(two_variants()), 3)
    first = trainer.snapshot()
    run_steps(trainer, 5)
    later = trainer.snapshot(parts=frozenset({"loss"}))
    # not built again: the same objects as the last time they were built (the transport sends them once)
    assert later.variants[0].grid_prediction is first.variants[0].grid_prediction
    assert later.variants[1].linears[0].weight_hist is first.variants[1].linears[0].weight_hist
    fresh = trainer.snapshot(parts=frozenset({"fit"}))
    assert fresh.variants[0].grid_prediction is not first.variants[0].grid_prediction
    assert not np.array_equal(fresh.variants[0].grid_prediction, first.variants[0].grid_prediction)


def test_the_session_builds_nothing_for_hidden_views_while_training(built: Counter) -> None:
    session, out = new_session(interval=0.0)
    counts_when_shown: dict[str, int] = {}

    def shown_now() -> None:
        counts_when_shown.update(built)

    script = Script(
        [
            C.SetVisibleViews(frozenset({"loss", "activations"})),
            rebuild(two_variants(), start_paused=False),
            Until(lambda: len(out.of("snapshot")) >= 10, what="ten snapshots"),
            Probe(lambda: None if sum(built.values()) == 0 else pytest.fail(f"built for hidden views: {built}")),
            Probe(shown_now),
            C.SetVisibleViews(frozenset({"loss", "histograms"})),  # the user opens the histograms tab
            Probe(lambda: None if built["histograms"] >= 1 else pytest.fail("no histograms when shown")),
            C.Pause(),
        ]
    )
    session.serve(script)
    snaps = out.of("snapshot")
    assert built["fit"] == 0 and built["network"] == 0
    # the view that appeared got its part in the very next snapshot, without waiting for the clock
    assert "histograms" in snaps[-1].parts
    assert session.visible == frozenset({"loss", "histograms"})
    assert all(s.extra["snapshot_share"] >= 0 for s in snaps)


def test_the_visible_views_hold_across_a_rebuild(built: Counter) -> None:
    session, out = new_session(interval=0.0)
    session.serve(
        Script(
            [
                C.SetVisibleViews(frozenset({"loss"})),
                rebuild(two_variants()),
                rebuild(two_variants()),
                C.Step(3),
                Until(lambda: bool(out.of("snapshot")) and out.of("snapshot")[-1].step == 3, what="three steps"),
            ]
        )
    )
    assert sum(built.values()) == 0 and out.of("snapshot")[-1].parts == ("loss",)


def test_the_snapshot_rate_backs_off_when_snapshots_cost_more_than_their_budget() -> None:
    from explorer.core.session._session import OVERDUE_S, SNAPSHOT_BUDGET, SNAPSHOT_BUDGET_MAX

    session, _ = new_session(interval=1 / 40)
    session.state = "running"
    session._last_snapshot = 0.0
    session._frame_due = 1 / 30  # on time for 30 a second
    assert not session.snapshot_due(0.01)  # the interval first
    session._snapshot_cost = 0.001  # cheap: due at the interval
    session.train_seconds = 0.02
    assert session.snapshot_due(1 / 40)
    session._snapshot_cost = 0.010  # 10 ms a snapshot: it waits for training that makes it the budget's share
    needed = 0.010 * (1 - SNAPSHOT_BUDGET) / SNAPSHOT_BUDGET  # 133 ms at 7 %
    soon = 0.95 * OVERDUE_S  # past the interval, not yet overdue
    session.train_seconds = 0.98 * needed
    assert not session.snapshot_due(soon)
    session.train_seconds = 1.01 * needed
    assert session.snapshot_due(soon)
    # overdue for 30 a second: up to the larger budget, never beyond it
    late = 1.05 * OVERDUE_S
    at_most = 0.010 * (1 - SNAPSHOT_BUDGET_MAX) / SNAPSHOT_BUDGET_MAX  # 90 ms at 10 %
    session.train_seconds = 0.98 * at_most
    assert not session.snapshot_due(late)
    session.train_seconds = 1.01 * at_most
    assert session.snapshot_due(late) and not session.snapshot_due(soon)
    session.state = "paused"  # nothing trains: a change is shown at once
    session.train_seconds = 0.0
    assert session.snapshot_due(1.0)


def test_a_run_behind_the_30_hz_clock_catches_up_within_the_larger_budget() -> None:
    """A 20 ms evaluation delays a frame; the next goes out at the interval, not OVERDUE_S after the late
    one, so evaluations every few steps no longer cost the window frames (27 a second, 4 variants)."""
    from explorer.core.session._session import OVERDUE_S, SNAPSHOT_BUDGET, SNAPSHOT_BUDGET_MAX

    session, _ = new_session(interval=1 / 40)
    session.state = "running"
    session._last_snapshot = 0.0
    session._snapshot_cost = 0.002
    between = 0.002 * (1 - SNAPSHOT_BUDGET_MAX) / SNAPSHOT_BUDGET_MAX  # within 10 %, not 7 %
    assert between < 0.002 * (1 - SNAPSHOT_BUDGET) / SNAPSHOT_BUDGET
    session.train_seconds = 1.05 * between
    at = 1.02 / 40  # past the interval, before OVERDUE_S since the last frame
    assert at < OVERDUE_S
    session._frame_due = OVERDUE_S  # on time: this one waits
    assert not session.snapshot_due(at)
    session._frame_due = 1 / 40  # behind the clock: it goes now
    assert session.snapshot_due(at)


def test_the_frame_clock_moves_one_frame_per_snapshot_and_keeps_no_debt() -> None:
    from explorer.core.session._session import OVERDUE_S

    session, out = new_session(interval=1 / 40)
    session.serve(Script([rebuild(tiny(), start_paused=True), Until(lambda: bool(out.of("snapshot")))]))
    due = session._frame_due
    session._send_snapshot()
    assert session._frame_due == pytest.approx(max(due + OVERDUE_S, session._last_snapshot))
    session._frame_due = session._last_snapshot - 5.0  # paused for seconds: one frame owed, not 150
    session._send_snapshot()
    assert session._frame_due == session._last_snapshot


def test_the_snapshot_share_stays_within_its_budget_while_training(built: Counter) -> None:
    """Whatever snapshots cost (here all parts at every chance), they take ~10% of the trainer's time."""
    from explorer.core.session._session import SNAPSHOT_BUDGET_MAX

    session, out = new_session(interval=0.0)
    session.serve(
        Script(
            [
                rebuild(two_variants(), start_paused=False),
                Until(lambda: session.train_seconds > 0.5, timeout=60, what="half a second of training"),
                C.Pause(),
            ]
        )
    )
    assert len(out.of("snapshot")) > 10
    assert session.snapshot_share() <= SNAPSHOT_BUDGET_MAX * 1.5  # one snapshot's cost of slack


def test_a_backlog_dropped_before_a_rebuild_keeps_the_views_on_screen() -> None:
    from explorer.core.session import coalesce_commands

    views = C.SetVisibleViews(frozenset({"loss"}))
    kept = coalesce_commands([C.Step(1), views, C.Rebuild("{}"), C.Resume()])
    assert kept == [views, C.Rebuild("{}"), C.Resume()]


def test_histograms_are_rebuilt_at_most_ten_times_a_second_while_training() -> None:
    from explorer.core.session._session import SLOW_PARTS

    session, _ = new_session()
    session.state = "running"
    session.visible = frozenset({"fit", "histograms"})
    every = SLOW_PARTS["histograms"]
    assert session._parts_now(100.0) == frozenset({"fit", "histograms"})
    assert session._parts_now(100.0 + every / 3) == frozenset({"fit"})  # built a moment ago
    assert session._parts_now(100.0 + every * 1.01) == frozenset({"fit", "histograms"})
    session.state = "paused"  # a paused run's snapshot is complete
    assert session._parts_now(100.0 + every * 1.02) == frozenset({"fit", "histograms"})
