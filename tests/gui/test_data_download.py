"""Fashion-MNIST in one click in the window: background download with progress and Cancel, the offline
message with its two ways out, the lesson's offer (a loopback mirror and a test registry; no internet)."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import QMessageBox, QPushButton

from explorer.core.data import REGISTRY, is_cached, set_folder
from tests.gui.windows import close_window, open_window
from tests.idx_server import IdxMirror, closed_port_url, registry_for, small_set_files

WAIT_MS = 60_000


@pytest.fixture
def registry(files, mirror, monkeypatch):
    rs = registry_for(files, (mirror.url,))
    monkeypatch.setitem(REGISTRY, "fashion-mnist", rs)
    return rs


def _trains_images(win, epoch: int = 0) -> bool:
    snap = win.painted_snapshot
    return snap is not None and snap.data.task == "image" and snap.epoch >= epoch


def _choose(win, kind: str) -> None:
    combo = win.data_panel.dataset_kind
    combo.setCurrentIndex(combo.findData(kind))


def test_choosing_fashion_mnist_downloads_in_the_background_then_trains(qtbot, window, registry, mirror):
    window.start(play=True)
    qtbot.waitUntil(lambda: window.state == "running", timeout=WAIT_MS)
    mirror.slow = 0.005
    _choose(window, "fashion-mnist")
    download = window.data_download
    assert download.busy and download.dialog is not None and download.dialog.isVisible()
    assert "Downloading Fashion-MNIST" in download.dialog.labelText()
    assert window.experiment.dataset.kind == "fashion-mnist"
    qtbot.waitUntil(lambda: _trains_images(window, 1), timeout=WAIT_MS)  # the trainer starts once the data is in
    assert not download.busy and not download.dialog.isVisible()
    assert is_cached("fashion-mnist")
    snap = window.painted_snapshot
    assert snap.data.class_names[:2] == ("T-shirt/top", "Trouser")
    assert snap.data.x_train.shape[1:] == (28, 28)


def test_cancel_goes_back_to_the_run_and_keeps_nothing(qtbot, window, monkeypatch):
    files = small_set_files(n_train=400)  # 300 KiB of training images: several progress steps
    mirror = IdxMirror(files, slow=0.02).start()
    monkeypatch.setitem(REGISTRY, "fashion-mnist", registry_for(files, (mirror.url,), n_train=400))
    window.start()
    qtbot.waitUntil(lambda: window.state == "paused", timeout=WAIT_MS)
    before = window.experiment
    _choose(window, "fashion-mnist")
    download = window.data_download
    qtbot.waitUntil(lambda: "file 1 of 4" in download.dialog.labelText(), timeout=WAIT_MS)
    assert 0 < download.dialog.value() < 250
    qtbot.mouseClick(download.dialog.findChild(QPushButton), Qt.MouseButton.LeftButton)  # its Cancel button
    qtbot.waitUntil(lambda: not download.busy, timeout=WAIT_MS)
    assert window.experiment.model_dump() == before.model_dump(), (window.experiment.model_dump(), before.model_dump())
    assert window.data_panel.dataset_kind.currentData() == "linear"
    assert "cancelled" in window.statusBar().currentMessage()
    assert not is_cached("fashion-mnist")
    assert not [p for p in set_folder("fashion-mnist").iterdir()]  # no half download
    mirror.stop()


def test_offline_shows_the_two_ways_out_and_import_gets_going(qtbot, window, files, monkeypatch, tmp_path):
    rs = registry_for(files, (closed_port_url(),))
    monkeypatch.setitem(REGISTRY, "fashion-mnist", rs)
    monkeypatch.setattr("explorer.core.data._fetch.RETRIES", 0)
    window.start()
    qtbot.waitUntil(lambda: window.state == "paused", timeout=WAIT_MS)
    _choose(window, "fashion-mnist")
    download = window.data_download
    qtbot.waitUntil(lambda: download.message_box is not None and download.message_box.isVisible(), timeout=WAIT_MS)
    box = download.message_box
    assert "could not be downloaded" in box.text()
    assert str(set_folder("fashion-mnist")) in box.informativeText()  # way out 1: the folder it names
    assert "Import folder" in box.informativeText() and download.import_button.text() == "Import folder…"
    assert "connection refused" in box.detailedText()
    assert window.data_panel.dataset_kind.currentData() == "linear"  # back to what runs
    usb = tmp_path / "usb"
    usb.mkdir()
    for name, data in files.items():
        (usb / name).write_bytes(data)
    download.import_into_cache("fashion-mnist", str(usb))  # way out 2 (the button's folder dialog chose usb)
    qtbot.waitUntil(lambda: _trains_images(window), timeout=WAIT_MS)
    assert window.experiment.dataset.kind == "fashion-mnist" and not box.isVisible()
    box.done(QMessageBox.StandardButton.Close)


def test_the_d2l_lesson_offers_fashion_mnist_in_one_click(qtbot, registry):
    from explorer.core.config import load_preset

    exp = load_preset("dropout-mlp").with_values({"training.device": "cpu"})
    win = open_window(qtbot, exp)
    try:
        text = win.lesson_panel.toPlainText()
        assert "Data in use: the built-in 8x8 digits" in text and "Use Fashion-MNIST" in text
        assert win.lesson_panel.offered_data == "fashion-mnist"
        win.start()
        win.lesson_panel.anchorClicked.emit(QUrl("explorer-use-data:fashion-mnist"))
        qtbot.waitUntil(lambda: _trains_images(win), timeout=WAIT_MS)
        text = win.lesson_panel.toPlainText()
        assert "Data in use: Fashion-MNIST" in text and "Use Fashion-MNIST" not in text
        assert win.lesson_panel.offered_data is None
        assert win.experiment.variants == exp.variants  # the lesson's comparison is kept
    finally:
        close_window(win)


def test_a_cached_set_starts_at_once(qtbot, window, registry, mirror):
    from explorer.core.data import fetch

    fetch("fashion-mnist", retries=0)
    mirror.requests.clear()
    window.start()
    _choose(window, "fashion-mnist")
    assert not window.data_download.busy
    qtbot.waitUntil(
        lambda: window.painted_snapshot is not None and window.painted_snapshot.data.task == "image", timeout=WAIT_MS
    )
    assert mirror.requests == []


def test_fashion_class_names_and_the_data_note_in_chinese(qapp):
    from explorer.core.config import load_preset
    from explorer.core.data import data_note
    from explorer.gui import i18n
    from explorer.gui.core_messages import tr_message
    from explorer.gui.views.class_names import class_name

    try:
        i18n.install_language(qapp, "zh_CN")
        assert [class_name(n) for n in ("T-shirt/top", "Trouser", "Ankle boot")] == ["T恤/上衣", "裤子", "短靴"]
        assert class_name("7") == "7"  # digits and CSV classes are shown as they are
        note = tr_message(data_note(load_preset("dropout-mlp")))
        assert note.startswith("当前数据：内置的 8x8 手写数字") and "使用 Fashion-MNIST" in note
    finally:
        i18n.install_language(qapp, "en")
    assert class_name("Trouser") == "Trouser"
