"""Recording a run as GIF and MP4: the frames asked for, in the background, never losing work."""

from __future__ import annotations

import asyncio

import pytest

pytest.importorskip("PySide6")
pytest.importorskip("PIL")
qasync = pytest.importorskip("qasync")

from PIL import Image  # noqa: E402
from PySide6.QtWidgets import QLabel  # noqa: E402

from explorer.core.io import count_frames  # noqa: E402
from tests.gui.test_file_actions import _banner, _disk_full_on_replace, _keeps_training, _no_temp_files, _wait_epoch  # noqa: E402

WAIT_MS = 60_000


@pytest.fixture(autouse=True)
def qasync_loop(qapp):
    """The app's asyncio loop is qasync's; here it is driven by the Qt events qtbot processes."""
    loop = qasync.QEventLoop(qapp)
    asyncio.set_event_loop(loop)
    yield loop
    asyncio.set_event_loop(None)
    loop.close()


def _options(path, **kw):
    from explorer.gui.export_dialogs import RecordOptions

    kw.setdefault("fps", 10)
    kw.setdefault("max_seconds", 0.8)
    kw.setdefault("max_width", 640)
    return RecordOptions(path=str(path), **kw)


def _record(qtbot, window, path, **kw):
    rec = window.file_actions.start_recording(_options(path, **kw))
    assert rec is not None, _banner(window)
    return rec


def _done(qtbot, rec):
    qtbot.waitUntil(lambda: rec.state in ("done", "failed"), timeout=WAIT_MS)
    assert rec.state == "done", rec.error


def test_recorder_on_a_plain_widget_writes_the_frames_asked_for(qtbot, tmp_path, qasync_loop):
    from explorer.gui.recorder import AnimationRecorder

    label = QLabel("frame")
    label.resize(320, 200)
    qtbot.addWidget(label)
    label.show()
    rec = AnimationRecorder(label, tmp_path / "label.gif", fps=20, max_seconds=0.25, max_width=None)
    rec.start()
    assert rec._loop is qasync_loop, "frames are encoded through the thread's asyncio (qasync) loop"
    _done(qtbot, rec)
    assert rec.frames == 5 and count_frames(tmp_path / "label.gif") == 5
    with Image.open(tmp_path / "label.gif") as img:
        assert img.size == rec.frame_size and img.info["duration"] == 50


def test_frames_are_copied_from_what_the_window_shows(qtbot, monkeypatch):
    from PySide6.QtWidgets import QVBoxLayout, QWidget

    from explorer.gui.recorder import capture_widget, qimage_to_rgb

    top = QWidget()
    top.resize(400, 300)
    lay = QVBoxLayout(top)
    label = QLabel("<h1 style='color:#0072B2'>recorded</h1>")
    label.setStyleSheet("background: #fff3d6;")
    lay.addWidget(QLabel("above"))
    lay.addWidget(label)
    qtbot.addWidget(top)
    top.show()
    qtbot.waitExposed(top)
    qtbot.wait(50)

    def no_repaint(*_a):
        raise AssertionError("painted again instead of copied from the backing store")

    monkeypatch.setattr(QLabel, "grab", no_repaint)
    copied = qimage_to_rgb(capture_widget(label))
    monkeypatch.undo()
    painted = qimage_to_rgb(label.grab().toImage())
    assert copied.shape == painted.shape == (label.height(), label.width(), 3)
    assert (copied.astype(int) - painted).__abs__().mean() < 2, "the same picture as a fresh paint"
    assert (copied == (255, 243, 214)).all(axis=2).mean() > 0.5, "the label, not its neighbours"


def test_a_long_gif_stops_at_what_memory_allows(qtbot, tmp_path, monkeypatch):
    from explorer.core.io import _animation as animation
    from explorer.gui.recorder import AnimationRecorder

    label = QLabel("frame")
    label.resize(320, 200)
    qtbot.addWidget(label)
    label.show()
    rec = AnimationRecorder(label, tmp_path / "long.gif", fps=20, max_seconds=60, max_width=None)
    monkeypatch.setattr(animation, "GIF_MEMORY_BUDGET", 4 * 320 * 220)
    rec.start()
    assert rec.limited and rec.max_frames == 4
    _done(qtbot, rec)
    assert count_frames(tmp_path / "long.gif") == 4


def test_record_gif_while_training(qtbot, window, tmp_path):
    window.start(play=False)
    _wait_epoch(qtbot, window, 0)
    path = tmp_path / "run.gif"
    steps = []
    window.host.snapshotReady.connect(lambda s: steps.append(s.step))
    rec = _record(qtbot, window, path, fps=10, max_seconds=0.8)  # also presses Play
    assert window.file_actions.rec_label.isVisible() and "REC" in window.file_actions.rec_label.text()
    assert window.file_actions.record_action.text().replace("&", "") == "Stop recording"
    _done(qtbot, rec)
    assert rec.frames == 8
    with Image.open(path) as img:
        assert img.n_frames == 8, "the frames asked for: 10 frames/s for 0.8 s"
        assert img.size == rec.frame_size and img.size[0] <= 640
        img.seek(7)
        assert len(img.convert("RGB").getcolors(1 << 16) or []) > 8, "a real frame, not a blank one"
    assert len(set(steps)) > 3, "training went on while recording"
    assert "recorded 8 frames" in window.statusBar().currentMessage()
    assert not window.file_actions.rec_progress.isVisible()
    assert window.file_actions.record_action.text().replace("&", "") == "Record animation…"
    _no_temp_files(tmp_path)


def test_record_mp4_of_one_view_stopped_from_the_menu(qtbot, window, tmp_path):
    import imageio.v2 as imageio

    window.start(play=True)
    _wait_epoch(qtbot, window, 1)
    path = tmp_path / "loss.mp4"
    rec = _record(qtbot, window, path, source="loss", fps=15, max_seconds=60, max_width=None)
    progress = []
    rec.progress.connect(lambda done, total: progress.append((rec.state, done, total)))
    qtbot.waitUntil(lambda: rec.frames >= 6, timeout=WAIT_MS)
    window.file_actions.record_action.trigger()  # "Stop recording"
    _done(qtbot, rec)
    assert any(state == "encoding" for state, _d, _t in progress), "progress while writing"
    assert count_frames(path) == rec.frames
    reader = imageio.get_reader(str(path), format="FFMPEG")
    try:
        assert reader.count_frames() == rec.frames
        meta = reader.get_meta_data()
        assert meta["fps"] == 15 and tuple(meta["size"]) == rec.frame_size
        assert reader.get_data(rec.frames - 1).std() > 5, "a real frame"
    finally:
        reader.close()
    assert window.state == "running"


def test_recording_on_a_full_disk_leaves_the_old_file_and_training(qtbot, window, tmp_path, monkeypatch):
    window.start(play=True)
    _wait_epoch(qtbot, window, 1)
    path = tmp_path / "run.gif"
    path.write_bytes(b"last week's recording")

    _disk_full_on_replace(monkeypatch)
    rec = _record(qtbot, window, path, max_seconds=0.5)
    qtbot.waitUntil(lambda: rec.state in ("done", "failed"), timeout=WAIT_MS)
    monkeypatch.undo()
    assert rec.state == "failed"
    assert "disk is full" in _banner(window) and "Recording not saved" in _banner(window)
    assert path.read_bytes() == b"last week's recording"
    _no_temp_files(tmp_path)
    _keeps_training(qtbot, window)


def test_recording_into_a_refused_place_is_reported_at_once(qtbot, window, tmp_path):
    (tmp_path / "afile").write_text("x")
    assert window.file_actions.start_recording(_options(tmp_path / "afile" / "run.gif")) is None
    assert "is a file, not a folder" in _banner(window)
    assert window.file_actions.start_recording(_options(tmp_path / "run.avi")) is None
    assert ".gif or .mp4" in _banner(window)


def test_closing_the_window_while_recording_keeps_the_recording(qtbot, window, tmp_path):
    window.start(play=True)
    _wait_epoch(qtbot, window, 1)
    path = tmp_path / "closing.gif"
    rec = _record(qtbot, window, path, max_seconds=60)
    qtbot.waitUntil(lambda: rec.frames >= 3, timeout=WAIT_MS)
    window.close()
    assert rec.state == "done" and count_frames(path) == rec.frames
    _no_temp_files(tmp_path)
