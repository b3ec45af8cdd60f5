"""Checkpoints: continue bit for bit, refuse every kind of bad file (hostile pickles included),
and write atomically."""

from __future__ import annotations

import json
import os
import pathlib
import stat

import numpy as np
import pytest
import torch

from explorer.core.config import Experiment
from explorer.core.io._checkpoint import (
    FORMAT,
    FORMAT_VERSION,
    checkpoint_payload,
    load_checkpoint,
    restore_trainer,
    save_checkpoint,
)
from explorer.core.protocol import HISTORY_KEYS, CheckpointError, ExportError
from explorer.core.training import Trainer
from explorer.core.util import atomic_write_with
from tests.core.small_runs import run_steps, run_to_end, sine_run
from tests.hostile_checkpoints import SystemOnLoad, TouchOnLoad

pytestmark = pytest.mark.usefixtures("one_torch_thread")


def small(**values) -> Experiment:  # type: ignore[no-untyped-def]
    return sine_run(
        [{"width": 16, "dropout_p": 0.3}, {"width": 8, "activation": "tanh", "dropout_p": 0.2}],
        {"optimizer.lr": 0.05, "optimizer.momentum": 0.9, "training.epochs": 40},
        values,
    )


def assert_same_state(a: Trainer, b: Trainer) -> None:
    assert (a.step_count, a.epoch, a.finished, a._batch_in_epoch) == (
        b.step_count,
        b.epoch,
        b.finished,
        b._batch_in_epoch,
    )
    for ra, rb in zip(a.variants, b.variants, strict=True):
        sa, sb = ra.model.state_dict(), rb.model.state_dict()
        assert sa.keys() == sb.keys()
        for k in sa:
            assert torch.equal(sa[k], sb[k]), (ra.name, k)
        oa, ob = ra.optimizer.state_dict()["state"], rb.optimizer.state_dict()["state"]
        assert oa.keys() == ob.keys()
        for k in oa:
            for name, value in oa[k].items():
                other = ob[k][name]
                assert torch.equal(value, other) if isinstance(value, torch.Tensor) else value == other
        assert torch.equal(ra.generator.get_state(), rb.generator.get_state())
        assert json.dumps(ra.early.state_dict()) == json.dumps(rb.early.state_dict())  # NaN-safe
        assert (ra.finished, ra.restored) == (rb.finished, rb.restored)
        for key in HISTORY_KEYS + ("weight_norm",):
            assert np.array_equal(ra.history.column(key), rb.history.column(key), equal_nan=True), key
    assert torch.equal(a.data_generator.get_state(), b.data_generator.get_state())


SETUPS = {
    "dropout, full batch": small(),
    "dropout, minibatches": small(**{"training.batch_size": 5}),  # 5 steps an epoch
    "variants": small(
        **{"training.batch_size": 7, "optimizer.kind": "adam", "optimizer.lr": 0.01},
        variants=[
            {"name": "inverted", "set": {}},
            {
                "name": "dropconnect",
                "set": {"network.layers.0.dropout_kind": "dropconnect", "regularization.l1_lambda": 0.001},
            },
            {
                "name": "gaussian",
                "set": {"network.layers.1.dropout_kind": "gaussian", "regularization.weight_decay": 0.1},
            },
            {
                "name": "vanilla + early stop",
                "set": {
                    "network.layers.0.dropout_kind": "vanilla",
                    "early_stopping.enabled": True,
                    "early_stopping.patience": 3,
                },
            },
        ],
    ),
}


@pytest.mark.parametrize("name", list(SETUPS))
def test_resume_continues_bit_for_bit(tmp_path, name: str) -> None:
    exp = SETUPS[name]
    k, n = 13, 17  # 13 is mid-epoch for the minibatch setups
    uninterrupted = Trainer(exp)
    run_steps(uninterrupted, k + n)

    first = Trainer(exp)
    run_steps(first, k)
    path = save_checkpoint(first, tmp_path / "mid.pt")
    resumed = restore_trainer(load_checkpoint(path))
    assert_same_state(first, resumed)  # nothing lost on the way through the file
    run_steps(first, n)
    run_steps(resumed, n)
    assert_same_state(resumed, first)
    assert_same_state(resumed, uninterrupted)
    assert resumed.step_count == k + n


def test_resume_with_a_longer_run(tmp_path) -> None:
    exp = small(**{"training.epochs": 10})
    done = run_to_end(Trainer(exp))
    path = save_checkpoint(done, tmp_path / "c.pt")
    again = restore_trainer(load_checkpoint(path))
    assert again.finished and again.step_count == 10
    again.step()
    assert again.step_count == 10


def test_finished_run_continues_with_more_epochs(tmp_path) -> None:
    exp = small(**{"training.epochs": 10})
    done = run_to_end(Trainer(exp))
    path = save_checkpoint(done, tmp_path / "c.pt")
    longer = restore_trainer(load_checkpoint(path), experiment=exp.with_values({"training.epochs": 15}))
    assert not longer.finished
    run_to_end(longer)
    reference = run_to_end(Trainer(exp.with_values({"training.epochs": 15})))
    assert longer.step_count == 15
    for a, b in zip(longer.variants[0].model.parameters(), reference.variants[0].model.parameters()):
        assert torch.equal(a, b)


def test_live_edits_travel_in_the_checkpoint(tmp_path) -> None:
    from explorer.core.protocol import SetValue

    trainer = Trainer(small())
    run_steps(trainer, 2)
    trainer.apply(SetValue("network.layers.0.dropout_p", 0.6))
    trainer.apply(SetValue("optimizer.lr", 0.02))
    payload = load_checkpoint(save_checkpoint(trainer, tmp_path / "c.pt"))
    assert payload["experiment"] == trainer.experiment
    resumed = restore_trainer(payload)
    assert resumed.variants[0].model.dropout_p(0) == 0.6
    assert resumed.variants[0].optimizer.param_groups[0]["lr"] == 0.02
    run_steps(trainer, 3)
    run_steps(resumed, 3)
    assert_same_state(trainer, resumed)


def test_checkpoint_layout(tmp_path) -> None:
    trainer = Trainer(small(**{"training.batch_size": 5}))
    run_steps(trainer, 3)
    raw = torch.load(save_checkpoint(trainer, tmp_path / "c.pt"), weights_only=True)
    assert raw["format"] == FORMAT == "regularization-explorer/checkpoint"
    assert raw["format_version"] == FORMAT_VERSION == 1
    assert (raw["step"], raw["epoch"], raw["batch_in_epoch"], raw["finished"]) == (3, 0, 3, False)
    assert raw["permutation"].dtype == torch.int64 and sorted(raw["permutation"].tolist()) == list(range(24))
    assert Experiment.model_validate_json(raw["experiment_json"]) == trainer.experiment
    (v,) = raw["variants"]
    assert v["name"] == "model"
    assert v["history"]["size"] == 1 and v["history"]["columns"]["train_loss"].dtype == torch.float64
    assert v["plain"]["layers"] == [
        "Linear(1, 16)",
        "ReLU()",
        "Dropout(p=0.3)",
        "Linear(16, 8)",
        "Tanh()",
        "Dropout(p=0.2)",
        "Linear(8, 1)",
    ]
    assert all(t.device.type == "cpu" for t in v["state_dict"].values())


def test_best_checkpoint_holds_the_best_weights(tmp_path) -> None:
    exp = small(
        **{
            "network.layers.0.dropout_p": 0.0,
            "network.layers.1.dropout_p": 0.0,
            "optimizer.lr": 0.3,
            "early_stopping.enabled": True,
            "early_stopping.patience": 2,
            "training.epochs": 400,
        }
    )
    trainer = Trainer(exp)
    run_steps(trainer, 30)
    run = trainer.variants[0]
    assert run.best_state is not None
    best = torch.load(save_checkpoint(trainer, tmp_path / "best.pt", best=True), weights_only=True)
    last = torch.load(save_checkpoint(trainer, tmp_path / "last.pt"), weights_only=True)
    for k, v in run.best_state.items():
        assert torch.equal(best["variants"][0]["state_dict"][k], v)
    for k, v in run.model.state_dict().items():
        assert torch.equal(last["variants"][0]["state_dict"][k], v)
    assert torch.equal(best["variants"][0]["plain"]["state_dict"]["0.weight"], run.best_state["linears.0.weight"])
    # writing the best checkpoint did not change the live model
    assert torch.equal(last["variants"][0]["plain"]["state_dict"]["0.weight"], run.model.linears[0].weight.detach())


def test_restore_refuses_a_mismatched_experiment(tmp_path) -> None:
    trainer = Trainer(small())
    payload = load_checkpoint(save_checkpoint(trainer, tmp_path / "c.pt"))
    with pytest.raises(CheckpointError, match="number of variants"):
        restore_trainer(payload, experiment=small(variants=[{"name": "a", "set": {}}, {"name": "b", "set": {}}]))
    with pytest.raises(CheckpointError, match="does not fit its experiment"):
        restore_trainer(payload, experiment=small(**{"network.layers.0.width": 5}))


# -- bad files ---------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def good_checkpoint(tmp_path_factory) -> pathlib.Path:
    trainer = Trainer(small())
    run_steps(trainer, 2)
    return save_checkpoint(trainer, tmp_path_factory.mktemp("good") / "checkpoint.pt")


def refused(path: pathlib.Path) -> str:
    with pytest.raises(CheckpointError) as info:
        load_checkpoint(path)
    message = str(info.value)
    assert message.startswith(path.name)
    assert "Traceback" not in message
    return message


def test_good_checkpoint_loads(good_checkpoint) -> None:  # type: ignore[no-untyped-def]
    payload = load_checkpoint(good_checkpoint)
    assert payload["step"] == 2 and isinstance(payload["experiment"], Experiment)


def test_truncated_checkpoint(tmp_path, good_checkpoint) -> None:  # type: ignore[no-untyped-def]
    data = good_checkpoint.read_bytes()
    for name, cut in (("half.pt", len(data) // 2), ("tail.pt", len(data) - 10), ("head.pt", 100)):
        path = tmp_path / name
        path.write_bytes(data[:cut])
        assert "not an explorer checkpoint" in refused(path) or "corrupt" in refused(path)


def test_random_bytes_empty_file_and_json(tmp_path) -> None:
    cases = {
        "random.pt": np.random.default_rng(0).bytes(5000),
        "empty.pt": b"",
        "experiment.pt": Experiment().to_json().encode(),
    }
    for name, data in cases.items():
        (tmp_path / name).write_bytes(data)
        message = refused(tmp_path / name)
        assert "not an explorer checkpoint (not a PyTorch zip file, or truncated)" in message, message
    # a zip archive that is not a PyTorch file (results folder zipped and renamed)
    import zipfile

    with zipfile.ZipFile(tmp_path / "results.pt", "w") as zf:
        zf.writestr("run/metrics.json", "{}")
    assert "corrupt or truncated checkpoint" in refused(tmp_path / "results.pt")
    # a PyTorch zip whose data is damaged in the middle (central directory intact)
    trainer = Trainer(small())
    data = bytearray(save_checkpoint(trainer, tmp_path / "ok.pt").read_bytes())
    for i in range(200, 900):
        data[i] ^= 0xFF
    (tmp_path / "damaged.pt").write_bytes(bytes(data))
    message = refused(tmp_path / "damaged.pt")
    assert "corrupt or truncated checkpoint" in message or "not an explorer checkpoint" in message, message


def test_missing_file(tmp_path) -> None:
    with pytest.raises(CheckpointError, match="^cannot read nothing.pt: No such file or directory$"):
        load_checkpoint(tmp_path / "nothing.pt")


def test_torch_file_of_another_program(tmp_path) -> None:
    torch.save({"model": {"w": torch.ones(2)}, "epoch": 3}, tmp_path / "other.pt")
    assert "not a Regularization Explorer checkpoint" in refused(tmp_path / "other.pt")
    torch.save([1, 2, 3], tmp_path / "list.pt")
    assert "not a Regularization Explorer checkpoint" in refused(tmp_path / "list.pt")
    torch.save({"format": FORMAT}, tmp_path / "noversion.pt")
    assert "no format version" in refused(tmp_path / "noversion.pt")
    torch.save(
        {"format": FORMAT, "format_version": 1, "experiment_json": Experiment().to_json()}, tmp_path / "novariants.pt"
    )
    assert "missing required entries" in refused(tmp_path / "novariants.pt")
    torch.save(
        {"format": FORMAT, "format_version": 1, "experiment_json": '{"netwrk": 1}', "variants": []},
        tmp_path / "badexp.pt",
    )
    assert "its experiment is invalid: netwrk: unknown field" in refused(tmp_path / "badexp.pt")


def test_newer_format_version_is_refused_as_newer(tmp_path) -> None:
    trainer = Trainer(small())
    payload = checkpoint_payload(trainer)
    payload["format_version"] = FORMAT_VERSION + 1
    payload["explorer_version"] = "9.0.0"
    torch.save(payload, tmp_path / "future.pt")
    message = refused(tmp_path / "future.pt")
    assert "newer" in message and f"format {FORMAT_VERSION + 1}" in message and "9.0.0" in message


@pytest.mark.parametrize("hostile", [TouchOnLoad, SystemOnLoad])
@pytest.mark.parametrize("where", ["top level", "inside a valid checkpoint"])
def test_hostile_pickle_is_refused_and_never_runs(tmp_path, good_checkpoint, hostile, where: str) -> None:  # type: ignore[no-untyped-def]
    marker = tmp_path / "pwned"
    if where == "top level":
        payload = {"format": FORMAT, "format_version": 1, "evil": hostile(marker)}
    else:
        payload = torch.load(good_checkpoint, weights_only=True)
        payload["variants"][0]["early_stopping"] = hostile(marker)
    torch.save(payload, tmp_path / "evil.pt")
    assert not marker.exists()
    message = refused(tmp_path / "evil.pt")
    assert "refused" in message and "could run code" in message
    assert not marker.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["evil.pt"]


# -- atomic writes ------------------------------------------------------------------------------------------------


def test_checkpoint_is_written_atomically(tmp_path) -> None:
    trainer = Trainer(small())
    save_checkpoint(trainer, tmp_path / "checkpoint.pt")
    run_steps(trainer, 1)
    save_checkpoint(trainer, tmp_path / "checkpoint.pt")  # overwrite
    assert [p.name for p in tmp_path.iterdir()] == ["checkpoint.pt"]
    assert load_checkpoint(tmp_path / "checkpoint.pt")["step"] == 1
    save_checkpoint(trainer, tmp_path / "new" / "dir" / "c.pt")  # folders are created
    assert (tmp_path / "new" / "dir" / "c.pt").is_file()
    assert [p.name for p in (tmp_path / "new" / "dir").iterdir()] == ["c.pt"]


def test_unwritable_target_raises_export_error_and_leaves_nothing(tmp_path) -> None:
    trainer = Trainer(small())
    (tmp_path / "afile").write_text("keep me")
    with pytest.raises(ExportError) as info:
        save_checkpoint(trainer, tmp_path / "afile" / "x.pt")
    assert "cannot write" in str(info.value) and "x.pt" in str(info.value)
    assert [p.name for p in tmp_path.iterdir()] == ["afile"]
    assert (tmp_path / "afile").read_text() == "keep me"


def test_failed_write_keeps_the_old_file(tmp_path) -> None:
    target = tmp_path / "checkpoint.pt"
    target.write_bytes(b"old")

    def writer(fh) -> None:  # type: ignore[no-untyped-def]
        fh.write(b"half of the new")
        raise OSError(28, "No space left on device")

    with pytest.raises(ExportError, match="No space left on device"):
        atomic_write_with(target, writer)
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["checkpoint.pt"]

    def crash(fh) -> None:  # type: ignore[no-untyped-def]
        fh.write(b"x")
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        atomic_write_with(target, crash)
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["checkpoint.pt"]


def test_written_files_follow_the_umask(tmp_path) -> None:
    old = os.umask(0o022)
    try:
        trainer = Trainer(small())
        save_checkpoint(trainer, tmp_path / "checkpoint.pt")
        trainer.experiment.save(tmp_path / "experiment.json")
    finally:
        os.umask(old)
    for name in ("checkpoint.pt", "experiment.json"):
        assert stat.S_IMODE((tmp_path / name).stat().st_mode) == 0o644, name


def test_experiment_json_in_checkpoint_is_json(good_checkpoint) -> None:  # type: ignore[no-untyped-def]
    raw = torch.load(good_checkpoint, weights_only=True)
    assert json.loads(raw["experiment_json"])["network"]["layers"][0]["dropout_p"] == 0.3


@pytest.mark.parametrize(
    "entry, value",
    [
        ("history", torch.zeros(3)),
        ("optimizer", torch.zeros(3)),
        ("optimizer.param_groups", torch.zeros(2, 2)),
        ("history.columns", torch.zeros(2)),
    ],
)
def test_a_tensor_where_a_table_belongs_is_refused_without_a_torch_warning(good_checkpoint, entry, value) -> None:  # type: ignore[no-untyped-def]
    """Indexing a tensor with a string (or walking it as groups) made PyTorch warn "non-tuple
    sequence for multidimensional indexing" in every test run before the refusal."""
    import warnings

    payload = load_checkpoint(good_checkpoint)
    node = payload["variants"][0]
    *parents, last = entry.split(".")
    for key in parents:
        node = node[key]
    node[last] = value
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        with pytest.raises(CheckpointError):
            restore_trainer(payload)
    assert [str(w.message)[:60] for w in caught] == []
