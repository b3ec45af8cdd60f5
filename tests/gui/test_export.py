"""Figure export: right size, real content, valid SVG/PDF, atomic writes, clear errors."""

from __future__ import annotations

import os
import xml.etree.ElementTree as ET

import numpy as np
import pytest

pytest.importorskip("PySide6")
pytest.importorskip("pyqtgraph")

from PySide6 import QtGui

from explorer.core.protocol import ExportError
from explorer.gui.export import export_dashboard, export_widget
from explorer.gui.views import Dashboard, FitView, LossView, NetworkDiagram, palette
from explorer.gui.views.dashboard import VIEW_IDS
from tests.gui.fake_snapshot import make_snapshot

SVG = "{http://www.w3.org/2000/svg}"


def shown(qtbot, widget, w=800, h=500):
    qtbot.addWidget(widget)
    widget.resize(w, h)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def fed(qtbot, widget, task="regression", **kw):
    for step in (100, 400):
        widget.update_snapshot(make_snapshot(task, step=step, **kw))
    qtbot.wait(1)
    return widget


def pixels(path) -> np.ndarray:
    img = QtGui.QImage(str(path)).convertToFormat(QtGui.QImage.Format.Format_RGB32)
    assert not img.isNull(), f"{path} is not a readable image"
    ptr = img.constBits()
    arr = np.frombuffer(ptr, dtype=np.uint8, count=img.sizeInBytes()).reshape(img.height(), img.bytesPerLine())
    return arr[:, : img.width() * 4].reshape(img.height(), img.width(), 4)[..., :3].copy()


def distinct_colours(arr: np.ndarray) -> int:
    flat = arr.reshape(-1, 3)[::7]
    return len(np.unique(flat // 16, axis=0))  # coarse bins: anti-aliasing does not count


def svg_paths(path) -> list:
    root = ET.parse(path).getroot()
    assert root.tag == f"{SVG}svg"
    return root.findall(f".//{SVG}path") + root.findall(f".//{SVG}polyline")


def test_png_of_a_view_at_a_chosen_size(qtbot, tmp_path):
    view = fed(qtbot, shown(qtbot, LossView()), "classification")
    out = export_widget(view, tmp_path / "loss.png", width=1920, height=1080)
    img = QtGui.QImage(str(out))
    assert (img.width(), img.height()) == (1920, 1080)
    arr = pixels(out)
    assert distinct_colours(arr) >= 6, "a blank or single-colour image"
    blue = np.array(QtGui.QColor(palette.variant_hex(0)).getRgb()[:3])
    assert (np.abs(arr.astype(int) - blue).sum(axis=2) < 60).sum() > 500, "variant 0's curves are missing"
    assert not list(tmp_path.glob(".*tmp")), "temporary file left behind"


def test_png_by_scale_and_by_width(qtbot, tmp_path):
    view = fed(qtbot, shown(qtbot, FitView(), 700, 420))
    fig = view.figure_widget()
    out = export_widget(view, tmp_path / "fit.png", scale=1.5)
    img = QtGui.QImage(str(out))
    assert abs(img.width() - fig.width() * 1.5) <= 1 and abs(img.height() - fig.height() * 1.5) <= 1
    out = export_widget(view, tmp_path / "fit_w.png", width=1000)
    img = QtGui.QImage(str(out))
    assert img.width() == 1000 and abs(img.height() - round(1000 * fig.height() / fig.width())) <= 1
    assert distinct_colours(pixels(out)) >= 5


def test_export_restores_the_view(qtbot, tmp_path):
    view = fed(qtbot, shown(qtbot, LossView()))
    size = view.figure_widget().size()
    pen = view.loss_curves[0]["train"].opts["pen"].widthF()
    export_widget(view, tmp_path / "big.png", width=3840, height=2160, style="print")
    assert view.figure_widget().size() == size
    assert view.loss_curves[0]["train"].opts["pen"].widthF() == pytest.approx(pen)
    assert palette.current_theme().name == "light"


def test_print_style_is_white_with_dark_ink(qtbot, tmp_path):
    try:
        palette.set_theme("dark")
        view = fed(qtbot, shown(qtbot, LossView()))
        view.restyle()
        arr = pixels(export_widget(view, tmp_path / "print.png", style="print"))
        assert (arr[2, 2] > 245).all() and (arr[-3, -3] > 245).all(), "print background must be white"
        dark = pixels(export_widget(view, tmp_path / "screen.png"))
        assert (dark[2, 2] < 60).all(), "screen style keeps the dark theme"
    finally:
        palette.set_theme("light")


def test_svg_of_a_plot_has_paths_for_the_curves(qtbot, tmp_path):
    view = fed(qtbot, shown(qtbot, LossView()))
    out = export_widget(view, tmp_path / "loss.svg")
    paths = svg_paths(out)
    n_curves = sum(len(c) for c in view.loss_curves)
    assert len(paths) >= n_curves
    long_paths = [p for p in paths if len((p.get("d") or p.get("points") or "").split()) >= 40]
    assert len(long_paths) >= n_curves, "each loss curve should be one long path"


def test_svg_and_pdf_of_composite_widgets(qtbot, tmp_path):
    diagram = shown(qtbot, NetworkDiagram(), 600, 400)
    diagram.update_snapshot(make_snapshot("classification", step=300))
    qtbot.wait(1)
    assert len(svg_paths(export_widget(diagram, tmp_path / "net.svg"))) > 100
    pdf = export_widget(diagram, tmp_path / "net.pdf").read_bytes()
    assert pdf.startswith(b"%PDF") and len(pdf) > 2000
    png = export_widget(diagram, tmp_path / "net.png", width=1200)
    assert QtGui.QImage(str(png)).width() == 1200 and distinct_colours(pixels(png)) >= 5


def test_export_dashboard_writes_one_file_per_view(qtbot, tmp_path):
    dash = shown(qtbot, Dashboard(), 1280, 720)
    fed(qtbot, dash, "classification")
    out = tmp_path / "figures"
    written = export_dashboard(dash, out, formats=("png", "svg"))
    names = sorted(p.name for p in written)
    expected = sorted([f"{v}.{f}" for v in VIEW_IDS for f in ("png", "svg")] + ["dashboard.png"])
    assert names == expected
    assert sorted(p.name for p in out.iterdir()) == expected
    for vid in VIEW_IDS:  # hidden tabs are exported too, brought up to date first
        assert distinct_colours(pixels(out / f"{vid}.png")) >= 4, vid
        ET.parse(out / f"{vid}.svg")
    whole = QtGui.QImage(str(out / "dashboard.png"))
    assert whole.width() >= 1280 and whole.height() >= 720


def test_the_whole_dashboard_figure_has_no_controls_in_it(qtbot, tmp_path, monkeypatch):
    """Whole-dashboard figures showed the log-scale box, the variant and "show" selectors and the
    tabs: figures are for slides. They are hidden while the dashboard is drawn, and back after."""
    from PySide6 import QtWidgets

    from explorer.gui import export

    dash = shown(qtbot, Dashboard(), 1280, 720)
    fed(qtbot, dash, "classification")
    controls = (QtWidgets.QComboBox, QtWidgets.QCheckBox, QtWidgets.QTabBar, QtWidgets.QAbstractButton)
    before = [w for w in dash.findChildren(QtWidgets.QWidget) if isinstance(w, controls) and w.isVisible()]
    assert before, "the dashboard has controls on screen"
    seen = []
    paint = export._paint_widget

    def spy(widget, painter, background):  # type: ignore[no-untyped-def]
        seen.append([w for w in before if w.isVisible()])
        return paint(widget, painter, background)

    monkeypatch.setattr(export, "_paint_widget", spy)
    export_widget(dash, tmp_path / "dashboard.png")
    assert seen and all(visible == [] for visible in seen)
    assert all(w.isVisible() for w in before)  # the screen keeps its controls
    loss = export_widget(dash.views()["loss"], tmp_path / "loss.png")  # a single view: as before
    assert loss.exists()


def test_unwritable_location_raises_and_keeps_existing_file(qtbot, tmp_path):
    view = fed(qtbot, shown(qtbot, LossView()))
    afile = tmp_path / "afile"
    afile.write_text("not a folder")
    with pytest.raises(ExportError, match="afile"):
        export_widget(view, afile / "x.png")
    assert afile.read_text() == "not a folder"
    # a failed export over an existing figure leaves it as it was, and no temporary files
    target = tmp_path / "figure.png"
    target.write_bytes(b"old figure")
    with pytest.raises(ExportError, match="too large"):
        export_widget(view, target, width=100_000, height=100)
    with pytest.raises(ExportError, match="format"):
        export_widget(view, tmp_path / "figure.bmpx")
    assert target.read_bytes() == b"old figure"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["afile", "figure.png"]
    with pytest.raises(ExportError):
        export_dashboard(Dashboard(), afile)


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root ignores folder permissions")
def test_read_only_folder_raises_and_keeps_existing_file(qtbot, tmp_path):
    view = fed(qtbot, shown(qtbot, LossView()))
    folder = tmp_path / "ro"
    folder.mkdir()
    target = folder / "loss.png"
    target.write_bytes(b"old figure")
    folder.chmod(0o500)
    try:
        with pytest.raises(ExportError, match="loss.png"):
            export_widget(view, target)
        assert target.read_bytes() == b"old figure"
    finally:
        folder.chmod(0o700)


def test_bare_pyqtgraph_plot_widget_exports(qtbot, tmp_path):
    import pyqtgraph as pg

    plot = pg.PlotWidget()
    qtbot.addWidget(plot)
    plot.resize(400, 300)
    plot.plot(np.arange(50), np.sin(np.arange(50) / 5), pen=pg.mkPen("#D55E00", width=2))
    png = export_widget(plot, tmp_path / "bare.png", width=800)
    img = QtGui.QImage(str(png))
    assert (img.width(), img.height()) == (800, 600)
    assert distinct_colours(pixels(png)) >= 3
    assert svg_paths(export_widget(plot, tmp_path / "bare.svg"))
