"""File and Edit menu actions with a real trainer in a thread host: figures, checkpoints,
metrics, experiment files and the clipboard, each read back; failures never lose work."""

from __future__ import annotations

import csv
import errno
import json
import os
import xml.etree.ElementTree as ET

import numpy as np
import pytest

pytest.importorskip("PySide6")
pytest.importorskip("PIL")

from PIL import Image
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog

from tests.gui.windows import tiny_run

WAIT_MS = 60_000
SVG = "{http://www.w3.org/2000/svg}"


def _wait_epoch(qtbot, win, epoch=1):
    qtbot.waitUntil(lambda: win.painted_snapshot is not None and win.painted_snapshot.epoch >= epoch, timeout=WAIT_MS)


def _step(win) -> int:
    return win.host.latest.step


def _keeps_training(qtbot, win):
    before = _step(win)
    qtbot.waitUntil(lambda: _step(win) > before + 5, timeout=WAIT_MS)
    assert win.state == "running"


def _no_temp_files(folder):
    left = [p.name for p in folder.iterdir() if p.name.startswith(".") and "tmp" in p.name]
    assert not left, f"temporary files left behind: {left}"


def _distinct_colours(path) -> int:
    arr = np.asarray(Image.open(path).convert("RGB"))
    return len(np.unique(arr.reshape(-1, 3)[::7] // 16, axis=0))


def _banner(win) -> str:
    return win.banner.text()


def _disk_full_on_replace(monkeypatch) -> None:
    """os.replace, the last step of every atomic write, fails as on a full disk."""

    def full(*_a, **_k):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "replace", full)


# --- menus ----------------------------------------------------------------------------------


def test_file_and_edit_menus_offer_every_action(window):
    titles = [a.text().replace("&", "") for a in window.menuBar().actions()]
    assert titles.index("Edit") == titles.index("File") + 1
    file_items = [a.text().replace("&", "") for a in window.file_menu.actions() if a.text()]
    for expected in (
        "Open experiment…",
        "Open checkpoint…",
        "Save experiment…",
        "Export figures…",
        "Export checkpoint…",
        "Export best weights (best.pt)…",
        "Export metrics (CSV, JSON)…",
        "Record animation…",
        "Quit",
    ):
        assert expected in file_items, file_items
    assert file_items.index("Quit") == len(file_items) - 1
    edit_items = [a.text().replace("&", "") for a in window.file_actions.edit_menu.actions()]
    assert edit_items == ["Copy experiment", "Paste experiment"]
    assert not window.file_actions.export_best_action.isEnabled()


# --- figures -----------------------------------------------------------------------------------


def test_export_dialog_builds_the_options(qtbot, window, tmp_path):
    from explorer.gui.export_dialogs import FigureExportDialog

    dialog = FigureExportDialog(window.dashboard.views(), str(tmp_path))
    qtbot.addWidget(dialog)
    dialog.set_size_preset("4K")
    dialog.print_check.setChecked(True)
    dialog.format_checks["pdf"].setChecked(True)
    dialog.what_combo.setCurrentIndex(dialog.what_combo.findData("loss"))
    opts = dialog.options()
    assert (opts.width, opts.height, opts.scale) == (3840, 2160, None)
    assert opts.style == "print" and opts.view == "loss" and opts.formats == ("png", "svg", "pdf")
    for box in dialog.format_checks.values():
        box.setChecked(False)
    assert "format" in dialog.problem()
    dialog.set_size_preset("Custom")
    dialog.format_checks["png"].setChecked(True)
    dialog.width_spin.setValue(1234)
    assert dialog.options().width == 1234 and dialog.options().scale is None


def test_export_one_view_in_4k_print_style_as_png_svg_pdf(qtbot, window, tmp_path, monkeypatch):
    from explorer.gui import views
    from explorer.gui.export_dialogs import FigureExportDialog, FigureOptions

    window.start(play=True)
    _wait_epoch(qtbot, window, 12)
    views.palette.set_theme("dark")  # the app in a dark theme; print style still gives white paper
    try:
        window.dashboard.restyle()
        out = tmp_path / "slides"
        options = FigureOptions(
            folder=str(out),
            view="loss",
            formats=("png", "svg", "pdf"),
            width=3840,
            height=2160,
            scale=None,
            style="print",
        )
        monkeypatch.setattr(FigureExportDialog, "ask", staticmethod(lambda *a, **k: options))
        window.export_figures_action.trigger()
    finally:
        views.palette.set_theme("light")
        window.dashboard.restyle()
    assert sorted(p.name for p in out.iterdir()) == ["loss.pdf", "loss.png", "loss.svg"]
    img = Image.open(out / "loss.png")
    assert img.size == (3840, 2160)
    assert _distinct_colours(out / "loss.png") >= 5
    assert img.convert("RGB").getpixel((5, 5)) == (255, 255, 255), "print style: white paper"
    root = ET.parse(out / "loss.svg").getroot()
    curves = root.findall(f".//{SVG}path") + root.findall(f".//{SVG}polyline")
    assert len(curves) >= 4, "train and validation curves of the variant"
    pdf = (out / "loss.pdf").read_bytes()
    assert pdf.startswith(b"%PDF") and b"/Type /Page" in pdf
    assert "wrote 3 figure files" in window.statusBar().currentMessage()
    _no_temp_files(out)
    assert window.state == "running"


def test_export_every_view_and_the_dashboard(qtbot, window, tmp_path):
    from explorer.gui.export_dialogs import FigureOptions
    from explorer.gui.views.dashboard import VIEW_IDS

    window.start(play=True)
    _wait_epoch(qtbot, window, 2)
    written = window.file_actions.export_figures(FigureOptions(folder=str(tmp_path), formats=("png",), scale=1.0))
    assert sorted(p.name for p in written) == sorted([f"{v}.png" for v in VIEW_IDS] + ["dashboard.png"])
    dash = Image.open(tmp_path / "dashboard.png")
    assert dash.size == (window.dashboard.width(), window.dashboard.height())
    assert _distinct_colours(tmp_path / "dashboard.png") >= 8


def test_figure_export_on_a_full_disk_keeps_the_old_file_and_training(qtbot, window, tmp_path, monkeypatch):
    from explorer.gui.export_dialogs import FigureOptions

    window.start(play=True)
    _wait_epoch(qtbot, window, 2)
    old = tmp_path / "fit.png"
    old.write_bytes(b"the old figure")

    _disk_full_on_replace(monkeypatch)
    written = window.file_actions.export_figures(FigureOptions(folder=str(tmp_path), view="fit", formats=("png",)))
    monkeypatch.undo()
    assert written == []
    assert "No space left on device" in _banner(window) and "fit.png" in _banner(window)
    assert "Figures not exported" in window.statusBar().currentMessage()
    assert old.read_bytes() == b"the old figure"
    _no_temp_files(tmp_path)
    _keeps_training(qtbot, window)


# --- checkpoints ----------------------------------------------------------------------------------


def test_export_checkpoint_mid_training_reloads_identically(qtbot, window, tmp_path, monkeypatch):
    import torch

    from explorer.core.io import checkpoint_payload, load_checkpoint, restore_trainer

    window.start(play=True)
    _wait_epoch(qtbot, window, 5)
    path = tmp_path / "mid.pt"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(tmp_path / "mid"), "")))
    window.export_checkpoint_action.trigger()  # ".pt" is added to a bare name
    qtbot.waitUntil(lambda: "checkpoint saved" in window.statusBar().currentMessage(), timeout=WAIT_MS)
    assert window.state == "running", "saving did not pause training"
    payload = load_checkpoint(path)
    assert payload["step"] > 0 and payload["experiment"] == window.experiment
    again = checkpoint_payload(restore_trainer(payload))
    assert again["step"] == payload["step"] and again["epoch"] == payload["epoch"]
    for a, b in zip(payload["variants"], again["variants"]):
        assert a["state_dict"].keys() == b["state_dict"].keys()
        assert all(torch.equal(a["state_dict"][k], b["state_dict"][k]) for k in a["state_dict"])
        assert a["optimizer"]["state"].keys() == b["optimizer"]["state"].keys()
    _keeps_training(qtbot, window)


def test_checkpoint_into_an_unwritable_folder_keeps_the_old_file_and_training(qtbot, window, tmp_path, monkeypatch):
    window.start(play=True)
    _wait_epoch(qtbot, window, 2)
    target = tmp_path / "ck.pt"
    target.write_bytes(b"old checkpoint")
    real_replace = os.replace

    def refuse(src, dst, *a, **k):
        if str(dst) == str(target):
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))
        return real_replace(src, dst, *a, **k)

    monkeypatch.setattr(os, "replace", refuse)
    assert window.file_actions.export_checkpoint(target)
    qtbot.waitUntil(lambda: "Checkpoint not saved" in _banner(window), timeout=WAIT_MS)
    assert "Permission denied" in _banner(window) and "Training goes on" in _banner(window)
    assert target.read_bytes() == b"old checkpoint"
    _no_temp_files(tmp_path)
    _keeps_training(qtbot, window)


def test_checkpoint_name_the_filesystem_refuses_is_reported_at_once(qtbot, window, tmp_path):
    window.start(play=True)
    _wait_epoch(qtbot, window, 1)
    (tmp_path / "afile").write_text("x")
    assert not window.file_actions.export_checkpoint(tmp_path / "afile" / "ck.pt")
    assert "is a file, not a folder" in _banner(window)
    assert not window.file_actions.export_checkpoint(tmp_path / ("x" * 300 + ".pt"))
    assert "too long" in _banner(window)
    assert window.state == "running"


def test_best_weights_offered_when_early_stopping_restored_them(qtbot, window, tmp_path):
    import torch

    from explorer.core.io import load_checkpoint

    # min_delta so large that nothing after the first evaluation counts as better: stops at once
    exp = tiny_run(
        **{
            "training.eval_every": 1,
            "early_stopping.enabled": True,
            "early_stopping.patience": 2,
            "early_stopping.min_delta": 1000.0,
            "early_stopping.restore_best": True,
        }
    )
    window.load_experiment(exp, play=True)
    qtbot.waitUntil(lambda: window.state == "finished", timeout=WAIT_MS)
    qtbot.waitUntil(lambda: window.file_actions.export_best_action.isEnabled(), timeout=WAIT_MS)
    assert window.file_actions.export_checkpoint(tmp_path / "best.pt", best=True)
    assert window.file_actions.export_checkpoint(tmp_path / "final.pt")
    qtbot.waitUntil(lambda: (tmp_path / "best.pt").exists() and (tmp_path / "final.pt").exists(), timeout=WAIT_MS)
    best, final = load_checkpoint(tmp_path / "best.pt"), load_checkpoint(tmp_path / "final.pt")
    for b, f in zip(best["variants"], final["variants"]):
        assert f["restored"] and f["best_state"] is not None
        assert all(torch.equal(b["state_dict"][k], f["best_state"][k]) for k in f["best_state"])


def test_open_checkpoint_shows_its_step_and_continues(qtbot, window, tmp_path, monkeypatch):
    from explorer.core.io import save_checkpoint
    from explorer.core.training import Trainer

    trainer = Trainer(tiny_run(**{"training.epochs": 400, "regularization.l2_lambda": 0.002}))
    for _ in range(25):
        trainer.step()
    path = save_checkpoint(trainer, tmp_path / "lesson.pt")
    window.start(play=False)
    qtbot.waitUntil(lambda: window.painted_snapshot is not None, timeout=WAIT_MS)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(path), "")))
    window.file_actions.open_checkpoint_action.trigger()
    qtbot.waitUntil(lambda: window.painted_snapshot is not None and window.painted_snapshot.step == 25, timeout=WAIT_MS)
    assert "step 25" in window.run_status.counter.text()
    assert window.experiment.regularization.l2_lambda == 0.002, "the window shows the checkpoint's settings"
    assert window.experiment.training.epochs == 400
    assert window.state == "paused"
    snap = window.painted_snapshot
    assert len(snap.variants[0].history["epoch"]) > 1, "its history is shown"
    qtbot.waitUntil(lambda: "opened checkpoint lesson.pt" in window.statusBar().currentMessage(), timeout=5000)
    window.toggle_play()  # continue training from it
    qtbot.waitUntil(lambda: window.painted_snapshot.step > 30, timeout=WAIT_MS)


class _Payload:  # not on torch's allow-list: a pickle naming it is refused
    pass


def test_newer_or_hostile_checkpoint_is_refused_and_the_run_kept(qtbot, window, tmp_path):
    import torch

    from explorer.core.io._checkpoint import FORMAT

    window.start(play=True)
    _wait_epoch(qtbot, window, 2)
    window.host.pause()
    qtbot.waitUntil(lambda: window.state == "paused", timeout=WAIT_MS)
    generation = window.host.latest.generation
    newer = tmp_path / "newer.pt"
    torch.save({"format": FORMAT, "format_version": 99, "explorer_version": "9.0"}, newer)
    window.file_actions.open_checkpoint(newer)
    qtbot.waitUntil(lambda: "newer.pt" in _banner(window), timeout=WAIT_MS)
    assert "newer" in _banner(window)
    hostile = tmp_path / "hostile.pt"
    torch.save({"format": FORMAT, "thing": _Payload()}, hostile)
    window.file_actions.open_checkpoint(hostile)
    qtbot.waitUntil(lambda: "hostile.pt" in _banner(window), timeout=WAIT_MS)
    assert "refused" in _banner(window)
    qtbot.wait(200)
    assert window.host.latest.generation == generation and window.experiment.meta.title == "Tiny test run"
    assert window.host._adopt is None  # nothing waits to be adopted: refused files make no run
    window.host.play()
    _keeps_training(qtbot, window)


# --- metrics -----------------------------------------------------------------------------------------


def test_metrics_csv_and_json_round_trip(qtbot, window, tmp_path, monkeypatch):
    from explorer.core.io import history_table_from_snapshot

    window.start(play=True)
    _wait_epoch(qtbot, window, 20)
    snap = window.host.latest
    columns, rows = history_table_from_snapshot(snap)
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(tmp_path / "history"), "CSV table (*.csv)"))
    )
    window.file_actions.export_metrics_action.trigger()
    with open(tmp_path / "history.csv", newline="") as fh:
        table = list(csv.reader(fh))
    assert table[0] == columns and len(table) - 1 == len(rows) >= 4
    for got, want in zip(table[1:], rows):
        assert [None if c == "" else float(c) for c in got] == [None if v is None else float(v) for v in want]
    path = window.file_actions.export_metrics(tmp_path / "history.json")
    doc = json.loads(path.read_text())
    assert doc["columns"] == columns and doc["rows"] == [list(r) for r in rows]
    assert doc["variants"] == [v.name for v in snap.variants]
    assert window.file_actions.export_metrics(tmp_path / "history.xlsx") is None
    assert ".csv or .json" in _banner(window)
    before = (tmp_path / "history.csv").read_bytes()

    _disk_full_on_replace(monkeypatch)
    assert window.file_actions.export_metrics(tmp_path / "history.csv") is None
    monkeypatch.undo()
    assert "Metrics not exported" in _banner(window) and "No space left" in _banner(window)
    assert (tmp_path / "history.csv").read_bytes() == before
    _no_temp_files(tmp_path)


# --- experiment files and the clipboard ------------------------------------------------------------------


def test_copy_and_paste_experiment_round_trip(qtbot, window):
    from explorer.core.config import parse_experiment

    text = window.file_actions.copy_experiment()
    assert QGuiApplication.clipboard().text() == text
    assert parse_experiment(text, "toml") == window.experiment
    changed = window.experiment.with_values({"regularization.l2_lambda": 0.05, "meta.title": "Pasted run"})
    QGuiApplication.clipboard().setText("```json\n" + changed.to_json() + "```\n")  # as a chat wraps it
    assert window.file_actions.paste_experiment()
    assert window.experiment == changed and "Pasted run" in window.windowTitle()
    assert "noise = 0.5" in text
    QGuiApplication.clipboard().setText(text.replace("noise = 0.5", "noise = -3.0", 1))
    assert not window.file_actions.paste_experiment()
    assert "dataset.noise" in _banner(window) and "Not applied" in _banner(window)
    assert window.experiment == changed, "nothing applied"
    QGuiApplication.clipboard().setText("")
    assert not window.file_actions.paste_experiment()


def test_save_and_open_experiment_files_with_recent_list(qtbot, window, tmp_path, monkeypatch):
    from explorer.core.config import load_experiment
    from explorer.gui.settings import Settings

    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(tmp_path / "lesson"), "JSON (*.json)"))
    )
    window.save_action.trigger()
    saved = tmp_path / "lesson.json"
    assert json.loads(saved.read_text())["meta"]["title"] == "Tiny test run"
    assert window.file_actions.save_experiment_dialog is not None
    toml_path = tmp_path / "other.toml"
    assert window.save_experiment_file(str(toml_path))
    assert load_experiment(toml_path) == load_experiment(saved)
    recent = Settings().recent_files  # persisted at once, not only at exit
    assert recent[:2] == [str(toml_path.resolve()), str(saved.resolve())]
    actions = [a for a in window.recent_menu.actions() if a.text() == str(saved.resolve())]
    actions[0].trigger()
    assert window.experiment == load_experiment(saved)
    saved.unlink()
    [a for a in window.recent_menu.actions() if a.text() == str(saved.resolve())][0].trigger()
    assert "lesson.json" in _banner(window)
    assert str(saved.resolve()) not in window.settings.recent_files, "a vanished file leaves the list"


def test_last_experiment_is_restored_on_the_next_start(qtbot, window):
    from explorer.gui.app import _initial_experiment
    from explorer.gui.settings import Settings

    changed = window.experiment.with_values({"regularization.l1_lambda": 0.003})
    window.load_experiment(changed)
    window.close()
    experiment, problem = _initial_experiment(None, None, Settings())
    assert problem is None and experiment == changed
