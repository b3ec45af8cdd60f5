"""Sweeps: specs and their errors, cells, groups and chunks, the folder (resume, cancel, atomic
rewrites), diverged cells, and the numbers (a cell is the run alone; mean, SD, additivity)."""

from __future__ import annotations

import csv
import json
import math

import numpy as np
import pytest

from explorer.core.config import Experiment
from explorer.core.sweep import (
    CELL_LIMIT,
    ChunkCancelled,
    LocalExecutor,
    SweepError,
    SweepSpec,
    additivity,
    best_cell,
    cell_stats,
    parse_axis,
    parse_values,
    plan_sweep,
    run_sweep,
)
from explorer.core.sweep._plan import chunk_size, groups, sweep_base
from explorer.core.training import Trainer
from tests.core.small_runs import run_to_end, sine_run

pytestmark = pytest.mark.usefixtures("one_torch_thread")


def small(**values) -> Experiment:  # type: ignore[no-untyped-def]
    base = {"optimizer.lr": 0.05, "training.epochs": 3, "training.batch_size": 8}
    return sine_run([{"width": 16, "dropout_p": 0.1}, {"width": 8}], base, values)


# -- specs ----------------------------------------------------------------------------------------


def test_values_explicit_log_and_lin() -> None:
    assert parse_values("regularization.l2_lambda", "0,1e-4,0.01") == (0.0, 1e-4, 0.01)
    assert parse_values("regularization.l2_lambda", "log:1e-5:1e-1:5") == (1e-5, 1e-4, 1e-3, 1e-2, 1e-1)
    assert parse_values("network.layers.*.dropout_p", "lin:0:0.9:10") == tuple(round(0.1 * i, 12) for i in range(10))
    assert parse_values("dataset.n_train", [10, 20, 40]) == (10, 20, 40)
    axis = parse_axis("regularization.l2_lambda=log:1e-5:1e-1:9")
    assert axis.log and len(axis.values) == 9 and axis.values[4] == pytest.approx(1e-3)
    assert not parse_axis("network.layers.0.dropout_p=0,0.5").log


@pytest.mark.parametrize(
    "text, words",
    [
        ("regularization.l2_lambda=log:0:1e-1:5", ["regularization.l2_lambda", "above 0"]),
        ("regularization.l2_lambda=exp:1:2:3", ["regularization.l2_lambda", "unknown scale 'exp'", "log:", "lin:"]),
        ("dataset.kind=1,2", ["dataset.kind", "cannot be swept", "regularization.l2_lambda"]),
        ("regularization.l2_lambda=lin:0:1", ["regularization.l2_lambda", "not a range"]),
        ("regularization.l2_lambda=log:1e-5:1:many", ["regularization.l2_lambda", "whole number"]),
        ("dataset.n_train=10.5,20", ["dataset.n_train", "whole numbers"]),
        ("optimizer.lr=0.1,nan", ["optimizer.lr", "finite number"]),
        ("regularization.l2_lambda", ["PATH=SPEC"]),
    ],
)
def test_bad_axes_name_the_field_and_what_is_allowed(text: str, words: list[str]) -> None:
    with pytest.raises(SweepError) as info:
        parse_axis(text)
    message = str(info.value)
    assert "\n" not in message
    for word in words:
        assert word in message


def test_grid_over_the_cell_limit_is_refused_before_training() -> None:
    a = parse_axis("regularization.l2_lambda=lin:0:1:101")
    b = parse_axis("optimizer.lr=lin:0.001:1:100")
    with pytest.raises(SweepError, match=f"101 x 100 = 10100 cells is over the limit of {CELL_LIMIT}"):
        SweepSpec((a, b))
    SweepSpec((a, parse_axis("optimizer.lr=lin:0.001:1:99")))  # 9999 cells: allowed


def test_values_are_checked_against_the_experiment() -> None:
    with pytest.raises(SweepError, match=r"regularization\.l2_lambda.*100.*500"):
        plan_sweep(small(), SweepSpec((parse_axis("regularization.l2_lambda=0,500"),)))
    with pytest.raises(SweepError, match=r"network\.layers\.5\.dropout_p: the network has 2 hidden layers"):
        plan_sweep(small(), SweepSpec((parse_axis("network.layers.5.dropout_p=0,0.5"),)))


def test_spec_from_an_experiment_table() -> None:
    spec = SweepSpec.from_dict({"axes": [{"path": "optimizer.lr", "values": "log:1e-3:1e-1:3"}], "seeds": 2})
    assert spec.axes[0].values == (1e-3, 1e-2, 1e-1) and spec.seeds == 2
    with pytest.raises(SweepError, match="unknown key 'seed'"):
        SweepSpec.from_dict({"axes": [], "seed": 2})
    with pytest.raises(SweepError, match="seeds: '0'"):
        SweepSpec.from_dict({"axes": [{"path": "optimizer.lr", "values": [0.1]}], "seeds": 0})
    exp = small(sweep={"axes": [{"path": "optimizer.lr", "values": [0.1, 0.2]}]})
    assert exp.sweep["axes"][0]["path"] == "optimizer.lr"


# -- cells, groups, chunks ------------------------------------------------------------------------


def test_variant_cells_stack_and_structural_cells_group() -> None:
    spec = SweepSpec(
        (parse_axis("network.layers.*.width=8,16"), parse_axis("network.layers.*.dropout_p=0,0.2,0.4")), seeds=2
    )
    base = sweep_base(small(), spec)
    gs = groups(base, spec)
    assert [g.structural for g in gs] == [
        {"network.layers.0.width": 8, "network.layers.1.width": 8},
        {"network.layers.0.width": 16, "network.layers.1.width": 16},
    ]
    assert [c.variant for c in gs[0].cells][2] == {"network.layers.0.dropout_p": 0.4, "network.layers.1.dropout_p": 0.4}
    plan = plan_sweep(small(), spec)
    assert len(plan.tasks) == 2 and [len(t.cells) for t in plan.tasks] == [3, 3]
    assert plan.tasks[0].experiment["network"]["layers"][0]["width"] == 8


def test_chunks_are_sized_by_the_memory_estimate() -> None:
    assert chunk_size(run_b=1e6, data_b=0, seeds=3, limit_mb=10) == 3  # 10 MiB / 3 MB per cell
    assert chunk_size(run_b=1.0, data_b=0, seeds=1, limit_mb=10) == 16  # at most 16 cells stacked
    with pytest.raises(SweepError, match="one cell with 3 seeds needs about 3 MB to train, over the limit of 1 MB"):
        chunk_size(run_b=1e6, data_b=0, seeds=3, limit_mb=1)
    spec = SweepSpec((parse_axis("regularization.l2_lambda=lin:0:0.01:6"),), seeds=2, max_memory_mb=0.2)
    plan = plan_sweep(small(), spec)
    sizes = [len(t.cells) for t in plan.tasks]
    assert sum(sizes) == 6 and max(sizes) < 6 and plan.memory_mb <= 0.2


# -- running ----------------------------------------------------------------------------------------


def test_a_cell_is_the_run_with_its_values_and_seed_alone(tmp_path) -> None:  # type: ignore[no-untyped-def]
    spec = SweepSpec((parse_axis("regularization.l2_lambda=0,0.01"), parse_axis("dataset.n_train=16,24")), seeds=2)
    rows = run_sweep(plan_sweep(small(), spec, tmp_path / "s"))
    assert len(rows) == 4 * 2
    for row in rows:
        alone = small(**{"training.seed": row["seed"], **row["values"]})
        t = run_to_end(Trainer(alone))
        s = t.summary()["variants"]["model"]
        assert row["final_test_loss"] == s["final_test_loss"], row
        assert row["best_val_loss"] == s["best_val_loss"]
        assert row["steps"] == t.step_count and row["status"] == "done"


def test_folder_files_and_resume_skip_finished_cells(tmp_path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "sweep"
    spec = SweepSpec((parse_axis("network.layers.*.dropout_p=0,0.3,0.6"),), seeds=2, max_memory_mb=0.06)
    plan = plan_sweep(small(), spec, out)
    assert len(plan.tasks) >= 2
    rows = run_sweep(plan)
    doc = json.loads((out / "sweep.json").read_text())
    assert doc["complete"] and len(doc["rows"]) == 6 and doc["spec"]["seeds"] == 2
    with (out / "sweep.csv").open() as fh:
        table = list(csv.DictReader(fh))
    assert len(table) == 6
    assert [float(r["network.layers.*.dropout_p"]) for r in table] == [0.0, 0.0, 0.3, 0.3, 0.6, 0.6]
    assert float(table[3]["final_test_loss"]) == rows[3]["final_test_loss"]
    # rerun: nothing left to train
    again = plan_sweep(small(), spec, out)
    assert again.tasks == [] and len(again.done_cells) == 3
    # one cell lost (a crash before its chunk was written): only that cell trains
    doc["rows"] = [r for r in doc["rows"] if r["cell"] != "1"]
    (out / "sweep.json").write_text(json.dumps(doc))
    partial = plan_sweep(small(), spec, out)
    assert [c.key for t in partial.tasks for c in t.cells] == ["1"]
    run_sweep(partial)

    def results(rs):  # type: ignore[no-untyped-def]
        return [{k: v for k, v in r.items() if k != "seconds"} for r in json.loads(json.dumps(rs))]

    assert results(json.loads((out / "sweep.json").read_text())["rows"]) == results(rows)


def test_a_folder_of_another_sweep_is_refused(tmp_path) -> None:  # type: ignore[no-untyped-def]
    spec = SweepSpec((parse_axis("regularization.l2_lambda=0,0.01"),))
    run_sweep(plan_sweep(small(), spec, tmp_path))
    with pytest.raises(SweepError, match="holds another sweep"):
        plan_sweep(small(), SweepSpec((parse_axis("regularization.l2_lambda=0,0.1"),)), tmp_path)
    with pytest.raises(SweepError, match="holds another sweep .the experiment differs"):
        plan_sweep(small(**{"optimizer.lr": 0.01}), spec, tmp_path)
    (tmp_path / "sweep.json").write_text("{not json")
    with pytest.raises(SweepError, match="cannot be read"):
        plan_sweep(small(), spec, tmp_path)


def test_cancel_keeps_every_finished_chunk(tmp_path) -> None:  # type: ignore[no-untyped-def]
    spec = SweepSpec((parse_axis("regularization.l2_lambda=0,0.001,0.01,0.1"),), seeds=1, max_memory_mb=0.03)
    plan = plan_sweep(small(), spec, tmp_path)
    assert len(plan.tasks) >= 2
    finished: list[str] = []
    with pytest.raises(ChunkCancelled):
        run_sweep(plan, should_stop=lambda: bool(finished), on_chunk=lambda r: finished.extend(r.cells))
    doc = json.loads((tmp_path / "sweep.json").read_text())
    assert not doc["complete"]
    assert sorted({r["cell"] for r in doc["rows"]}) == sorted(finished)
    assert plan_sweep(small(), spec, tmp_path).done_cells == frozenset(finished)


def test_a_diverged_cell_is_recorded_with_its_step_and_the_sweep_goes_on(tmp_path) -> None:  # type: ignore[no-untyped-def]
    exp = small(**{"optimizer.lr": 0.01, "training.epochs": 20})
    spec = SweepSpec((parse_axis("optimizer.lr=0.01,100"),), seeds=2)
    rows = run_sweep(plan_sweep(exp, spec, tmp_path))
    ok = [r for r in rows if r["values"]["optimizer.lr"] == 0.01]
    bad = [r for r in rows if r["values"]["optimizer.lr"] == 100]
    assert all(r["status"] == "done" and r["final_test_loss"] is not None for r in ok)
    assert all(r["status"] == "diverged" and r["final_test_loss"] is None for r in bad)
    assert all(isinstance(r["diverged_step"], int) and 0 <= r["diverged_step"] < 60 for r in bad)
    assert ok[0]["steps"] == 60  # 20 epochs x 3 steps: the healthy cell trained on
    stats = cell_stats(rows, "final_test_loss")
    assert stats["1"].diverged == (0, 1) and math.isnan(stats["1"].mean)
    assert best_cell(stats, "final_test_loss").key == "0"
    with (tmp_path / "sweep.csv").open() as fh:
        table = list(csv.DictReader(fh))
    assert table[2]["status"] == "diverged" and table[2]["final_test_loss"] == "" and table[2]["diverged_step"]


def test_executor_interface_runs_plain_picklable_chunks() -> None:
    """A chunk is plain data: it pickles, and run_chunk gives the same rows from the copy."""
    import pickle

    from explorer.core.sweep import run_chunk

    plan = plan_sweep(small(), SweepSpec((parse_axis("regularization.l2_lambda=0,0.01"),), seeds=2))
    task = pickle.loads(pickle.dumps(plan.tasks[0]))
    rows = run_chunk(task).rows
    local = next(LocalExecutor().map(plan.tasks)).rows
    assert [r["final_test_loss"] for r in rows] == [r["final_test_loss"] for r in local]


# -- reading: mean, SD, best, additivity ------------------------------------------------------------


def _rows(table: dict[tuple[int, int], list[float]], axes: tuple[tuple[float, ...], tuple[float, ...]]):  # type: ignore[no-untyped-def]
    rows = []
    for (i, j), values in table.items():
        for seed, v in enumerate(values):
            rows.append(
                {
                    "cell": f"{i},{j}",
                    "index": [i, j],
                    "values": {"a": axes[0][i], "b": axes[1][j]},
                    "seed": seed,
                    "status": "done",
                    "final_test_loss": v,
                }
            )
    return rows


def test_cell_mean_sd_and_best() -> None:
    rows = _rows({(0, 0): [1.0, 2.0, 3.0], (0, 1): [0.5, 0.7, 0.9]}, ((0.0,), (0.0, 1.0)))
    stats = cell_stats(rows, "final_test_loss")
    assert stats["0,0"].mean == 2.0 and stats["0,0"].sd == 1.0
    assert (stats["0,1"].low, stats["0,1"].high) == (0.5, 0.9)
    assert best_cell(stats, "final_test_loss").key == "0,1"


def _grid_spec() -> SweepSpec:
    return SweepSpec((parse_axis("network.layers.*.dropout_p=0,0.5"), parse_axis("regularization.l2_lambda=0,0.01")))


def test_additivity_arithmetic_paired_by_seed() -> None:
    """Losses: gain = base - cell. Base 10, dropout alone 8 (gain 2), L2 alone 9 (gain 1), both 7
    (gain 3 = 2 + 1): additive; with seed noise that is the same in every cell of a seed the
    paired interaction is exactly 0."""
    noise = [0.0, 0.3, -0.2]
    table = {
        (0, 0): [10 + n for n in noise],
        (1, 0): [8 + n for n in noise],
        (0, 1): [9 + n for n in noise],
        (1, 1): [7 + n for n in noise],
    }
    spec = _grid_spec()
    rows = [dict(r, values={spec.axes[0].path: 0, spec.axes[1].path: 0}) for r in _rows(table, ((0, 0.5), (0, 0.01)))]
    add = additivity(spec, rows, "final_test_loss")
    assert (add.gain_a, add.gain_b, add.gain_both) == pytest.approx((2.0, 1.0, 3.0))
    assert add.interaction == pytest.approx(0.0) and add.verdict == "additive" and add.n == 3
    # both = 8.5: gain 1.5 < 2 (dropout alone): cancelling
    table[(1, 1)] = [8.5 + n + e for n, e in zip(noise, (0.0, 0.01, -0.01))]
    add = additivity(spec, _rows(table, ((0, 0.5), (0, 0.01))), "final_test_loss")
    assert add.interaction == pytest.approx(1.5 - 3.0, abs=0.01)
    inter = [1.5 - 3.0, 1.5 - 3.0 + 0.01 * -1, 1.5 - 3.0 + 0.01]
    assert add.se == pytest.approx(np.std(inter, ddof=1) / math.sqrt(3), rel=1e-6)
    assert add.verdict == "cancelling"
    # both = 7.6: gain 2.4, more than either alone but less than the sum 3: diminishing
    table[(1, 1)] = [7.6 + n + e for n, e in zip(noise, (0.0, 0.01, -0.01))]
    assert additivity(spec, _rows(table, ((0, 0.5), (0, 0.01))), "final_test_loss").verdict == "diminishing"
    # both = 6: gain 4 > 3: more than additive
    table[(1, 1)] = [6 + n + e for n, e in zip(noise, (0.0, 0.01, -0.01))]
    add = additivity(spec, _rows(table, ((0, 0.5), (0, 0.01))), "final_test_loss")
    assert add.verdict == "more_than_additive"
    text = str(add.message("dropout p=0.5", "L2 λ=0.01"))
    assert "dropout p=0.5 alone: gain +2" in text and "over 3 seeds: more than additive" in text


def test_additivity_needs_zero_on_both_axes_and_more_than_one_seed() -> None:
    spec = SweepSpec((parse_axis("network.layers.*.dropout_p=0.1,0.5"), parse_axis("regularization.l2_lambda=0,0.01")))
    assert additivity(spec, [], "final_test_loss") is None
    rows = _rows({(0, 0): [10.0], (1, 0): [8.0], (0, 1): [9.0], (1, 1): [7.0]}, ((0, 0.5), (0, 0.01)))
    assert additivity(_grid_spec(), rows, "final_test_loss").verdict == "one_seed"


# -- the sweep presets ------------------------------------------------------------------------------

SWEEP_PRESETS = (
    "sweep-weight-decay",
    "sweep-weight-decay-d2l",
    "sweep-dropout",
    "sweep-dropout-weight-decay",
    "sweep-data-or-regularization",
)


@pytest.mark.parametrize("name", SWEEP_PRESETS)
def test_every_sweep_preset_plans(name: str) -> None:
    from explorer.core.config import load_preset

    exp = load_preset(name)
    spec = SweepSpec.from_dict(exp.sweep, "sweep")
    assert spec.seeds == 3
    plan = plan_sweep(exp, spec)
    assert plan.todo_cells == len(spec.cells()) and plan.memory_mb < spec.max_memory_mb


def test_the_d2l_weight_decay_lesson_holds_in_numbers() -> None:
    """The lesson's claims, from a real sweep of the preset: train loss rises with lambda; test
    loss falls more than tenfold from lambda 0 to 3, then stays flat (within 5 %) up to 100."""
    from explorer.core.config import load_preset

    exp = load_preset("sweep-weight-decay-d2l")
    spec = SweepSpec.from_dict(exp.sweep, "sweep")
    rows = run_sweep(plan_sweep(exp, spec))
    lam = spec.axes[0].values
    train = [cell_stats(rows, "final_train_loss")[str(i)].mean for i in range(len(lam))]
    test = {lam[i]: cell_stats(rows, "final_test_loss")[str(i)].mean for i in range(len(lam))}
    assert all(a < b for a, b in zip(train, train[1:]))
    assert test[0.0] > 10 * test[3.0]
    assert test[0.0] == pytest.approx(0.32, abs=0.01) and test[3.0] == pytest.approx(0.0206, abs=0.0005)
    flat = [test[v] for v in (3.0, 10.0, 30.0, 100.0)]
    assert max(flat) < 1.05 * min(flat)


def test_live_rows_while_a_chunk_trains() -> None:
    """A view can draw the path while the stacked chunk trains: rows of every cell and seed,
    status "running", after evaluations; the final rows are "done"."""
    from explorer.core.sweep import run_chunk

    plan = plan_sweep(
        small(**{"training.epochs": 4}), SweepSpec((parse_axis("regularization.l2_lambda=0,0.01"),), seeds=2)
    )
    seen: list[list[dict]] = []
    result = run_chunk(plan.tasks[0], on_live=seen.append, live_seconds=0.0)
    assert len(seen) == 3  # after epochs 1, 2, 3 (the 4th is the end)
    assert all(len(rows) == 4 and {r["status"] for r in rows} == {"running"} for rows in seen)
    assert [r["steps"] for r in seen[0]] == [3, 3, 3, 3]
    assert {r["status"] for r in result.rows} == {"done"}


def test_a_full_disk_keeps_the_last_complete_folder(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A write that fails (full disk) stops the sweep with the file's name; sweep.json and sweep.csv
    keep the last complete state, never half a file."""
    from explorer.core.protocol import ExportError
    from explorer.core.sweep import _folder

    spec = SweepSpec((parse_axis("regularization.l2_lambda=0,0.001,0.01"),), seeds=1, max_memory_mb=0.03)
    plan = plan_sweep(small(), spec, tmp_path)
    assert len(plan.tasks) == 3
    real = _folder.atomic_write_text
    writes = []

    def disk_full_at_the_third_chunk(path, text):  # type: ignore[no-untyped-def]
        writes.append(path)
        if len(writes) > 6:  # the start (2 files), chunks 1 and 2 (2 each), then the disk is full
            raise ExportError(f"cannot write {path}: No space left on device")
        real(path, text)

    monkeypatch.setattr(_folder, "atomic_write_text", disk_full_at_the_third_chunk)
    with pytest.raises(ExportError, match="sweep.json: No space left on device"):
        run_sweep(plan)
    doc = json.loads((tmp_path / "sweep.json").read_text())
    assert [r["cell"] for r in doc["rows"]] == ["0", "1"] and not doc["complete"]
    with (tmp_path / "sweep.csv").open() as fh:
        assert len(list(csv.DictReader(fh))) == 2
    monkeypatch.setattr(_folder, "atomic_write_text", real)
    assert [c.key for t in plan_sweep(small(), spec, tmp_path).tasks for c in t.cells] == ["2"]
