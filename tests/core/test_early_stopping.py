"""Early stopping on scripted metric sequences (EXPERIMENTS.md §7)."""

from __future__ import annotations

import json
import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from explorer.core.training import EarlyStopping


def run(es: EarlyStopping, values: list[float]) -> list[bool]:
    return [es.update(v, epoch) for epoch, v in enumerate(values)]


def test_stops_patience_evaluations_after_the_best() -> None:
    es = EarlyStopping(patience=3)
    assert math.isnan(es.best_value) and es.best_epoch is None and es.stop_epoch is None
    bests = run(es, [1.0, 0.8, 0.9, 0.85, 0.95])
    assert bests == [True, True, False, False, False]
    assert es.best_epoch == 1 and es.best_value == 0.8
    assert es.stopped and es.stop_epoch == 4 and es.wait == 3


def test_not_stopped_one_evaluation_earlier() -> None:
    es = EarlyStopping(patience=3)
    run(es, [1.0, 0.8, 0.9, 0.85])
    assert not es.stopped and es.stop_epoch is None and es.wait == 2


def test_stop_epoch_stays_while_more_evaluations_arrive() -> None:
    es = EarlyStopping(patience=3)
    run(es, [1.0, 0.8, 0.9, 0.85, 0.95, 0.99])
    assert es.stopped and es.stop_epoch == 4 and es.wait == 4 and es.best_epoch == 1


def test_min_delta_ignores_tiny_improvements() -> None:
    es = EarlyStopping(patience=2, min_delta=0.01)
    bests = run(es, [1.0, 0.995, 0.98, 0.975, 0.9701])
    # 0.995 is not < 1.0 - 0.01; 0.98 is < 0.99; 0.975 and 0.9701 are not < 0.97
    assert bests == [True, False, True, False, False]
    assert es.best_epoch == 2 and es.stopped and es.stop_epoch == 4


def test_mode_max_for_accuracy() -> None:
    es = EarlyStopping(patience=2, mode="max")
    bests = run(es, [0.5, 0.7, 0.65, 0.72, 0.71, 0.70])
    assert bests == [True, True, False, True, False, False]
    assert es.best_epoch == 3 and es.best_value == 0.72
    assert es.stopped and es.stop_epoch == 5


def test_nan_and_inf_never_improve() -> None:
    es = EarlyStopping(patience=5)
    bests = run(es, [math.nan, math.inf, 2.0, math.nan, -math.inf, 1.0])
    assert bests == [False, False, True, False, False, True]
    assert es.best_epoch == 5 and es.best_value == 1.0 and es.wait == 0


def test_run_that_diverges_from_the_start_still_stops() -> None:
    es = EarlyStopping(patience=2)
    run(es, [math.nan, math.nan])
    assert es.stopped and es.stop_epoch == 1 and es.best_epoch is None


def test_disabled_tracks_best_but_never_stops() -> None:
    es = EarlyStopping(patience=1, enabled=False)
    run(es, [1.0, 2.0, 3.0, 4.0])
    assert not es.stopped and es.stop_epoch is None
    assert es.best_epoch == 0 and es.wait == 3


def test_live_patience_change() -> None:
    es = EarlyStopping(patience=10)
    run(es, [1.0, 0.5, 0.6, 0.7, 0.8])  # wait == 3
    assert not es.stopped
    es.patience = 2  # already past: stops at the next evaluation
    es.update(0.9, 5)
    assert es.stopped and es.stop_epoch == 5 and es.wait == 4
    es.patience = 10  # raised after the stop: the next update resumes
    es.update(0.9, 6)
    assert not es.stopped and es.stop_epoch is None


def test_live_enable_and_min_delta() -> None:
    es = EarlyStopping(patience=2, enabled=False)
    run(es, [1.0, 1.1, 1.2])
    assert not es.stopped
    es.enabled = True
    es.update(1.3, 3)
    assert es.stopped and es.stop_epoch == 3
    es2 = EarlyStopping(patience=5)
    run(es2, [1.0])
    es2.min_delta = 0.5
    assert not es2.update(0.6, 1) and es2.update(0.4, 2)


def test_mode_change_forgets_the_best() -> None:
    es = EarlyStopping(patience=3)
    run(es, [1.0, 0.5])
    es.mode = "max"
    assert es.best_epoch is None and es.wait == 0
    assert es.update(0.1, 2) and es.best_value == 0.1


def test_state_dict_round_trip_through_json() -> None:
    es = EarlyStopping(patience=3, min_delta=0.001, mode="min")
    run(es, [1.0, 0.8, 0.9, 0.85, 0.95])
    state = es.state_dict()
    assert all(isinstance(v, (int, float, str, bool, type(None))) for v in state.values())
    restored = EarlyStopping(patience=1, mode="max")
    restored.load_state_dict(json.loads(json.dumps(state)))
    assert restored.state_dict() == state
    fresh = EarlyStopping(patience=4)
    fresh_state = fresh.state_dict()
    again = EarlyStopping(patience=1)
    again.load_state_dict(json.loads(json.dumps(fresh_state)))  # NaN best survives JSON
    assert math.isnan(again.best_value) and again.best_epoch is None
    with pytest.raises(ValueError, match="missing"):
        again.load_state_dict({"patience": 3})


def test_reset_keeps_settings() -> None:
    es = EarlyStopping(patience=2, min_delta=0.1, mode="max")
    run(es, [1.0, 0.0, 0.0])
    assert es.stopped
    es.reset()
    assert not es.stopped and es.stop_epoch is None and es.best_epoch is None and es.wait == 0
    assert math.isnan(es.best_value)
    assert (es.patience, es.min_delta, es.mode) == (2, 0.1, "max")


@pytest.mark.parametrize(
    "kwargs",
    [
        {"patience": 0},
        {"patience": 1.5},
        {"patience": 2, "min_delta": -1.0},
        {"patience": 2, "mode": "lowest"},
        {"patience": 2, "min_delta": math.nan},
    ],
)
def test_bad_settings_refused(kwargs: dict) -> None:
    with pytest.raises(ValueError):
        EarlyStopping(**kwargs)


@settings(max_examples=50, deadline=None)
@given(
    values=st.lists(st.one_of(st.floats(-10, 10), st.just(math.nan)), min_size=1, max_size=30),
    patience=st.integers(1, 5),
)
def test_invariants_against_a_reference(values: list[float], patience: int) -> None:
    es = EarlyStopping(patience=patience)
    best, best_epoch, last_best_index = math.nan, None, -1
    for epoch, v in enumerate(values):
        es.update(v, epoch)
        if not math.isnan(v) and (best_epoch is None or v < best):
            best, best_epoch, last_best_index = v, epoch, epoch
        assert es.best_epoch == best_epoch
        assert (math.isnan(es.best_value) and best_epoch is None) or es.best_value == best
        assert es.wait == epoch - last_best_index
        assert es.stopped == (es.wait >= patience)
