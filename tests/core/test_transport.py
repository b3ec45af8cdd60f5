"""The snapshot transport sends what the window already has as a reference, and nothing is lost."""

from __future__ import annotations

import pickle

import numpy as np
import pytest

from explorer.core.session import SnapshotDecoder, SnapshotEncoder
from explorer.core.training import Trainer
from tests.core.small_runs import run_steps, sine_run, snapshot_leaves

pytestmark = pytest.mark.usefixtures("one_torch_thread")


def trainer() -> Trainer:
    exp = sine_run(
        [{"width": 64, "dropout_p": 0.5}, {"width": 64}],
        {"training.epochs": 100_000, "training.eval_every": 1000},
        {"variants": [{"name": "a", "set": {}}, {"name": "b", "set": {"network.layers.0.dropout_p": 0.0}}]},
        points=(600, 50, 50),
    )
    return run_steps(Trainer(exp), 2)


def same(a: object, b: object) -> None:
    """Every leaf equal (arrays by value, NaN equal to NaN)."""
    left, right = list(snapshot_leaves(a)), list(snapshot_leaves(b))
    assert [p for p, _ in left] == [p for p, _ in right]
    for (path, x), (_, y) in zip(left, right):
        if isinstance(x, np.ndarray):
            np.testing.assert_array_equal(x, y, err_msg=path)
        else:
            assert x == y or (x != x and y != y), path


def test_snapshots_round_trip_and_unchanged_parts_are_not_sent_again() -> None:
    tr = trainer()
    encoder, decoder = SnapshotEncoder(), SnapshotDecoder()
    first = tr.snapshot()
    data1 = encoder.encode(first)
    got1 = decoder.decode(data1)
    same(got1, first)
    assert len(data1) > 0.9 * len(pickle.dumps(first))  # the first one carries everything
    # hidden views: their parts, the data view, histories and the experiment are the same objects
    tr.step()
    second = tr.snapshot(parts=frozenset({"loss"}))
    data2 = encoder.encode(second)
    got2 = decoder.decode(data2)
    same(got2, second)
    assert pickle.loads(data2)[0] == []  # no array, frame or long text sent again: only the small numbers
    assert len(data2) < 0.4 * len(data1)
    assert got2.data is got1.data  # the receiver reuses what it has
    assert got2.variants[0].grid_prediction is got1.variants[0].grid_prediction
    # a part that changed is sent again, and the decoder forgets what the newest snapshot no longer uses
    tr.step()
    third = tr.snapshot()
    got3 = decoder.decode(encoder.encode(third))
    same(got3, third)
    assert got3.variants[0].grid_prediction is not got2.variants[0].grid_prediction
    assert len(decoder._known) == len(encoder._sent)


def test_a_lost_message_is_an_error_not_a_wrong_picture() -> None:
    tr = trainer()
    encoder, decoder = SnapshotEncoder(), SnapshotDecoder()
    encoder.encode(tr.snapshot())  # never delivered
    with pytest.raises(KeyError):
        decoder.decode(encoder.encode(tr.snapshot(parts=frozenset({"loss"}))))
