"""Metrics export (issue 4, item 5): the history as CSV and JSON, one row per evaluation,
one column group per variant; read back and compared with the trainer's arrays."""

from __future__ import annotations

import csv
import json
import math
import os
from pathlib import Path

import numpy as np
import pytest

from explorer.core.config import Experiment
from explorer.core.io import run_headless
from explorer.core.io._metrics import (
    FORMAT,
    SCALAR_KEYS,
    VariantSeries,
    build_table,
    history_table,
    history_table_from_snapshot,
    write_metrics_csv,
    write_metrics_json,
)
from explorer.core.protocol import HISTORY_KEYS, ExportError
from explorer.core.training import Trainer


def tiny_experiment(kind: str = "circles", epochs: int = 8, **extra) -> Experiment:  # type: ignore[no-untyped-def]
    values = {
        "dataset.kind": kind,
        "dataset.n_train": 24,
        "dataset.n_val": 12,
        "dataset.n_test": 12,
        "network.layers": [{"width": 8}, {"width": 6}],
        "regularization.l2_lambda": 0.01,
        "optimizer.lr": 0.05,
        "training.epochs": epochs,
        "training.seed": 3,
        "training.device": "cpu",
        "variants": [{"name": "p = 0", "set": {}}, {"name": "p = 0.5", "set": {"network.layers.0.dropout_p": 0.5}}],
    }
    values.update(extra)
    return Experiment().with_values(values)


def trained(exp: Experiment) -> Trainer:
    trainer = Trainer(exp)
    while not trainer.finished:
        trainer.step()
    return trainer


def expected_columns(trainer: Trainer) -> list[str]:
    cols = ["epoch", "step"]
    for run in trainer.variants:
        n_hidden = run.model.n_hidden
        cols += [f"{run.name}/{k}" for k in SCALAR_KEYS]
        cols += [
            f"{run.name}/weight_norm/{'output' if i == n_hidden else f'layer {i + 1}'}"
            for i in range(len(run.model.linears))
        ]
        cols += [f"{run.name}/activation_var/layer {i + 1}" for i in range(n_hidden)]
        cols += [f"{run.name}/activation_mean/layer {i + 1}" for i in range(n_hidden)]
    return cols


def variant_arrays(run) -> dict[str, np.ndarray]:  # type: ignore[no-untyped-def]
    """Column suffix -> the history array it must hold, straight from History."""
    h = run.history
    out = {k: h.column(k) for k in SCALAR_KEYS}
    n_hidden = run.model.n_hidden
    for i in range(len(run.model.linears)):
        out[f"weight_norm/{'output' if i == n_hidden else f'layer {i + 1}'}"] = h.column("weight_norm")[:, i]
    for i in range(n_hidden):
        out[f"activation_var/layer {i + 1}"] = h.column("activation_var")[:, i]
        out[f"activation_mean/layer {i + 1}"] = h.column("activation_mean")[:, i]
    return out


def check_cells_equal_history(trainer: Trainer, header: list[str], cells: list[list], missing) -> None:  # type: ignore[no-untyped-def]
    """`cells` (CSV strings or JSON values) hold exactly each variant's history arrays."""
    index = {c: i for i, c in enumerate(header)}
    epochs = [int(r[index["epoch"]]) for r in cells]
    assert epochs == sorted(epochs)
    for run in trainer.variants:
        arrays = variant_arrays(run)
        run_epochs = [int(e) for e in run.history.column("epoch")]
        run_steps = [int(s) for s in run.history.column("step")]
        by_epoch = {int(r[index["epoch"]]): r for r in cells}
        assert set(run_epochs) <= set(by_epoch)
        for i, (epoch, step) in enumerate(zip(run_epochs, run_steps)):
            row = by_epoch[epoch]
            assert int(row[index["step"]]) == step
            for suffix, arr in arrays.items():
                cell = row[index[f"{run.name}/{suffix}"]]
                if math.isnan(arr[i]):
                    assert cell == missing, (run.name, suffix, epoch, cell)
                else:
                    assert float(cell) == arr[i], (run.name, suffix, epoch, cell, arr[i])
        # epochs this variant was not evaluated at: all its cells are empty
        for epoch, row in by_epoch.items():
            if epoch not in run_epochs:
                assert all(row[index[f"{run.name}/{s}"]] == missing for s in arrays)


@pytest.fixture(scope="module")
def classifier() -> Trainer:
    return trained(tiny_experiment("circles", epochs=8))


def test_columns_one_group_per_variant_and_one_row_per_evaluation(classifier: Trainer) -> None:
    columns, rows = history_table(classifier)
    assert columns == expected_columns(classifier)
    assert "p = 0/train_accuracy" in columns and "p = 0.5/weight_norm/output" in columns
    assert "p = 0.5/activation_var/layer 2" in columns
    # lockstep: both variants evaluated at epochs 0..8, sharing the rows
    assert [r[0] for r in rows] == list(range(9))
    assert [r[1] for r in rows] == [int(s) for s in classifier.variants[0].history.column("step")]
    assert all(isinstance(r[0], int) and isinstance(r[1], int) for r in rows)
    # NaN is None: no penalty before the first step, measured afterwards
    assert rows[0][columns.index("p = 0/penalty")] is None
    assert rows[-1][columns.index("p = 0/penalty")] > 0


def test_csv_round_trip_equals_the_history_arrays(classifier: Trainer, tmp_path: Path) -> None:
    path = write_metrics_csv(classifier, tmp_path / "metrics.csv")
    assert path == tmp_path / "metrics.csv"
    with open(path, newline="", encoding="utf-8") as fh:
        header, *cells = list(csv.reader(fh))
    assert header == expected_columns(classifier)
    assert len(cells) == classifier.variants[0].history.size
    assert all(len(r) == len(header) for r in cells)
    check_cells_equal_history(classifier, header, cells, missing="")
    assert [p.name for p in tmp_path.iterdir()] == ["metrics.csv"]  # no temporary file left


def test_json_round_trip_equals_the_table_and_the_history(classifier: Trainer, tmp_path: Path) -> None:
    path = write_metrics_json(classifier, tmp_path / "metrics.json")
    text = path.read_text(encoding="utf-8")
    assert "NaN" not in text
    doc = json.loads(text)
    columns, rows = history_table(classifier)
    assert doc == {"format": FORMAT, "version": 1, "variants": ["p = 0", "p = 0.5"], "columns": columns, "rows": rows}
    check_cells_equal_history(classifier, doc["columns"], doc["rows"], missing=None)


def test_snapshot_gives_the_same_table(classifier: Trainer, tmp_path: Path) -> None:
    snap = classifier.snapshot(state="finished")
    assert history_table_from_snapshot(snap) == history_table(classifier)
    write_metrics_csv(snap, tmp_path / "a.csv")
    write_metrics_csv(classifier, tmp_path / "b.csv")
    assert (tmp_path / "a.csv").read_bytes() == (tmp_path / "b.csv").read_bytes()
    write_metrics_json(snap, tmp_path / "a.json")
    write_metrics_json(classifier, tmp_path / "b.json")
    assert (tmp_path / "a.json").read_bytes() == (tmp_path / "b.json").read_bytes()


def test_regression_has_empty_accuracy_cells(tmp_path: Path) -> None:
    trainer = trained(tiny_experiment("sine", epochs=3))
    path = write_metrics_csv(trainer, tmp_path / "m.csv")
    with open(path, newline="", encoding="utf-8") as fh:
        header, *cells = list(csv.reader(fh))
    col = header.index("p = 0.5/test_accuracy")
    assert all(r[col] == "" for r in cells)
    check_cells_equal_history(trainer, header, cells, missing="")


def test_no_hidden_layers_has_no_activation_columns() -> None:
    trainer = trained(
        tiny_experiment(
            "sine",
            epochs=2,
            **{"network.layers": [], "variants": [{"name": "L2", "set": {"regularization.l2_lambda": 0.1}}]},
        )
    )
    columns, rows = history_table(trainer)
    assert [c for c in columns if "/weight_norm/" in c] == ["L2/weight_norm/output"]
    assert not [c for c in columns if "activation" in c]
    assert len(rows) == 3 and all(len(r) == len(columns) for r in rows)


def test_variant_stopped_early_leaves_empty_cells(tmp_path: Path) -> None:
    exp = tiny_experiment(
        "sine",
        epochs=30,
        **{
            "optimizer.lr": 0.5,
            "variants": [
                {"name": "long", "set": {}},
                {
                    "name": "stops",
                    "set": {
                        "early_stopping.enabled": True,
                        "early_stopping.patience": 1,
                        "early_stopping.min_delta": 1e6,
                    },
                },
            ],
        },
    )
    trainer = trained(exp)
    stops = trainer.variants[1]
    assert stops.early.stopped and stops.history.size < trainer.variants[0].history.size
    columns, rows = history_table(trainer)
    assert len(rows) == trainer.variants[0].history.size
    col = columns.index("stops/train_loss")
    last = int(stops.history.column("epoch")[-1])
    assert all(r[col] is None for r in rows if r[0] > last)
    assert all(r[col] is not None for r in rows if r[0] <= last)
    write_metrics_csv(trainer, tmp_path / "m.csv")
    with open(tmp_path / "m.csv", newline="", encoding="utf-8") as fh:
        header, *cells = list(csv.reader(fh))
    check_cells_equal_history(trainer, header, cells, missing="")


def _series(name: str, epochs: list[int], value: float) -> VariantSeries:
    e = len(epochs)
    history = {k: np.full(e, value) for k in HISTORY_KEYS}
    history["epoch"] = np.asarray(epochs, float)
    history["step"] = np.asarray(epochs, float) * 2
    return VariantSeries(
        name=name,
        history=history,
        weight_norm=np.full((e, 2), value),
        activation_var=np.full((e, 1), value),
        activation_mean=np.full((e, 1), value),
        linear_names=("layer 1", "output"),
        hidden_names=("layer 1",),
    )


def test_build_table_merges_rows_by_epoch_and_keeps_repeated_evaluations() -> None:
    # "b" lacks epoch 2; "a" was evaluated twice at epoch 1 (a resumed run), "b" once.
    columns, rows = build_table([_series("a", [0, 1, 1, 2], 1.0), _series("b", [0, 1], 2.0)])
    width = len(SCALAR_KEYS) + 2 + 1 + 1
    assert len(columns) == 2 + 2 * width
    assert [(r[0], r[1]) for r in rows] == [(0, 0), (1, 2), (1, 2), (2, 4)]
    b0 = columns.index("b/train_loss")
    assert [r[b0] for r in rows] == [2.0, 2.0, None, None]
    assert [r[columns.index("a/weight_norm/output")] for r in rows] == [1.0] * 4


def test_unwritable_target_raises_export_error_and_keeps_the_old_file(
    classifier: Trainer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "metrics.csv"
    path.write_text("old\n")

    def refuse(src, dst):  # type: ignore[no-untyped-def]
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(ExportError, match="metrics.csv"):
        write_metrics_csv(classifier, path)
    with pytest.raises(ExportError, match="metrics.json"):
        write_metrics_json(classifier, tmp_path / "metrics.json")
    monkeypatch.undo()
    assert path.read_text() == "old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["metrics.csv"]


def test_run_headless_writes_metrics_csv_beside_metrics_json(tmp_path: Path) -> None:
    result = run_headless(tiny_experiment("circles", epochs=3), tmp_path / "out", progress=False)
    assert (tmp_path / "out" / "metrics.csv") in result.files
    assert (tmp_path / "out" / "metrics.json").is_file()
    with open(tmp_path / "out" / "metrics.csv", newline="", encoding="utf-8") as fh:
        header, *cells = list(csv.reader(fh))
    history = json.loads((tmp_path / "out" / "metrics.json").read_text())["history"]
    for name, h in history.items():
        col = header.index(f"{name}/val_loss")
        assert [float(r[col]) if r[col] else None for r in cells] == h["val_loss"]
    assert "metrics.csv" in result.describe()
