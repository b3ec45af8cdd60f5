"""Figure export: PNG (any pixel size, crisp on a 4K projector), SVG and PDF, written atomically.

Two routes:
  * a pyqtgraph canvas (a view's figure_widget(), or a bare PlotWidget): its central item
    is laid out at the export's logical size inside the scene (no widget is resized, so
    the window does not move) and goes through pyqtgraph's exporters: SVGExporter for SVG,
    and ImageExporter's export mode for PNG, rendered into a QImage with a device-pixel
    ratio so text and curves are drawn as vectors at full resolution;
  * anything else (the dashboard, the network diagram) is briefly resized and painted
    with QWidget.render, into a device-pixel-ratio QImage for PNG and into QSvgGenerator
    / QPdfWriter.

pyqtgraph's pens are cosmetic (fixed device-pixel width), so a 3x export would get
hair-thin lines; the views are restyled with pen widths times the export scale for the
duration of the export, and restyled back afterwards. style="print" switches to the
white/black print theme the same way.

Files are rendered in memory and written with a temporary file in the same folder
plus os.replace: a failure raises ExportError and leaves an existing file untouched.
"""

from __future__ import annotations

import contextlib
import importlib
import os
from pathlib import Path
from typing import Iterable, Iterator, Optional, Sequence

import pyqtgraph as pg
import pyqtgraph.exporters as pg_exporters
from PySide6 import QtCore, QtGui, QtWidgets

from explorer.core.protocol import ExportError
from explorer.core.util import atomic_write_bytes
from explorer.gui.views import palette

FORMATS = ("png", "svg", "pdf")
DEFAULT_SCALE = 2.0  # PNG pixels per logical pixel when no size is asked for
HIDDEN_SIZE = QtCore.QSize(1000, 640)  # logical size used for a view that was never laid out on screen
MAX_PIXELS = 16384  # per side; beyond that QImage allocation fails or is absurd
MIN_LOGICAL = (160, 120)


def export_widget(
    widget: QtWidgets.QWidget,
    path: str | Path,
    *,
    width: Optional[int] = None,
    height: Optional[int] = None,
    scale: Optional[float] = None,
    style: str = "screen",
) -> Path:
    """Write `widget` as PNG, SVG or PDF (by the suffix of `path`) and return the path.

    PNG size: width and/or height in pixels, or `scale` (pixels per on-screen pixel);
    with only one of width/height the other follows the on-screen aspect ratio; with
    both, the figure is laid out at that aspect ratio. Default: on-screen size x 2.
    `style`: "screen" (current theme) or "print" (white background, black ink, no grid).
    The whole dashboard is drawn without its controls (see without_controls).
    """
    hide = without_controls(widget) if callable(getattr(widget, "views", None)) else contextlib.nullcontext()
    with hide:
        path = Path(path)
        fmt = path.suffix.lower().lstrip(".")
        if fmt not in FORMATS:
            raise ExportError(
                f"cannot export to {path.name!r}: unknown format {path.suffix or '(no suffix)'}; "
                f"use one of {', '.join('.' + f for f in FORMATS)}"
            )
        if style not in ("screen", "print"):
            raise ExportError(f"unknown export style {style!r}; use 'screen' or 'print'")
        if not path.name or path.name in (".", ".."):
            raise ExportError(f"cannot export to {str(path)!r}: not a file name")
        figure = _figure_of(widget)
        logical, s, pixels = _plan_size(figure, width, height, scale, fmt)
        title = getattr(widget, "title", "") or ""
        is_plot = isinstance(figure, pg.GraphicsView) and figure.centralWidget is not None
        try:
            with _styled(widget, style, s if fmt == "png" else 1.0):
                if is_plot:
                    with _plot_laid_out(figure, logical) as item:
                        if fmt == "png":
                            data = _encode(
                                _CrispImageExporter(item).render_image(pixels, pixels.width() / logical.width()), "PNG"
                            )
                        elif fmt == "svg":
                            with _svg_closed_path_fix():
                                data = bytes(pg_exporters.SVGExporter(item).export(toBytes=True))
                        else:
                            data = _render_pdf(figure, logical, title, scene_item=item)
                else:
                    with _widget_laid_out(figure, logical):
                        if fmt == "png":
                            data = _render_png(figure, logical, pixels)
                        elif fmt == "svg":
                            data = _render_svg(figure, logical, title)
                        else:
                            data = _render_pdf(figure, logical, title)
        except ExportError:
            raise
        except (MemoryError, RuntimeError) as exc:
            raise ExportError(f"cannot render {path.name}: {exc}") from None
        try:
            atomic_write_bytes(path, data)
        except ValueError as exc:  # e.g. an embedded NUL in the name
            raise ExportError(f"cannot write {path!s}: {exc}") from None
        _make_shareable(path)
        return path


def _make_shareable(path: Path) -> None:
    """The temporary file behind the atomic write is private (0600); a figure is meant to be shared."""
    umask = os.umask(0)
    os.umask(umask)
    with contextlib.suppress(OSError):
        os.chmod(path, 0o666 & ~umask)


def export_dashboard(
    dashboard,
    folder: str | Path,
    formats: Sequence[str] = ("png", "svg"),
    *,
    width: Optional[int] = None,
    height: Optional[int] = None,
    scale: Optional[float] = None,
    style: str = "screen",
    view_ids: Optional[Iterable[str]] = None,
) -> list[Path]:
    """One file per view and format, named by the view's stable id (fit.png, loss.svg, ...),
    plus dashboard.png of the whole dashboard as it is on screen. Returns the paths written."""
    folder = Path(folder)
    bad = [f for f in formats if f.lower().lstrip(".") not in FORMATS]
    if bad:
        raise ExportError(f"unknown export format(s) {', '.join(bad)}; use {', '.join(FORMATS)}")
    if folder.exists() and not folder.is_dir():
        raise ExportError(f"cannot export into {folder}: it is a file, not a folder")
    dashboard.refresh_all()
    written: list[Path] = []
    views = dashboard.views()
    for vid in view_ids or views.keys():
        for fmt in formats:
            fmt = fmt.lower().lstrip(".")
            written.append(
                export_widget(views[vid], folder / f"{vid}.{fmt}", width=width, height=height, scale=scale, style=style)
            )
    written.append(export_widget(dashboard, folder / "dashboard.png", scale=scale, style=style))
    return written


@contextlib.contextmanager
def without_controls(dashboard) -> Iterator[None]:  # type: ignore[no-untyped-def]
    """The dashboard as a figure for slides: every view's controls (log-scale box, variant and
    "show" selectors) and the tab bar hidden while it is drawn, shown again after."""
    hidden: list[QtWidgets.QWidget] = []
    views = dashboard.views() if hasattr(dashboard, "views") else {}
    for view in views.values():
        figure = _figure_of(view)
        for child in view.findChildren(QtWidgets.QWidget, options=QtCore.Qt.FindChildOption.FindDirectChildrenOnly):
            if child is not figure and not child.isAncestorOf(figure) and child.isVisible():
                hidden.append(child)
    for tabs in dashboard.findChildren(QtWidgets.QTabWidget):
        if tabs.tabBar().isVisible():
            hidden.append(tabs.tabBar())
    for w in hidden:
        w.hide()
    _relayout(dashboard)
    try:
        yield
    finally:
        for w in hidden:
            w.show()
        _relayout(dashboard)


# --- internals --------------------------------------------------------------------


def _figure_of(widget: QtWidgets.QWidget) -> QtWidgets.QWidget:
    fig = getattr(widget, "figure_widget", None)
    return fig() if callable(fig) else widget


def _plan_size(figure: QtWidgets.QWidget, width, height, scale, fmt) -> tuple[QtCore.QSize, float, QtCore.QSize]:
    """(logical layout size, pixels per logical pixel, output pixel size)."""
    laid_out = figure.isVisible() or figure.testAttribute(QtCore.Qt.WidgetAttribute.WA_Resized)
    cur = figure.size() if laid_out and not figure.size().isEmpty() else HIDDEN_SIZE
    cw, ch = cur.width(), cur.height()
    for name, value in (("width", width), ("height", height), ("scale", scale)):
        if value is not None and not value > 0:
            raise ExportError(f"export {name} must be positive, got {value!r}")
    if width and height:
        s = float(scale) if scale else max(1.0, width / cw)
        lw, lh = width / s, height / s
    elif width:
        s = float(scale) if scale else width / cw
        lw = width / s
        lh = lw * ch / cw
    elif height:
        s = float(scale) if scale else height / ch
        lh = height / s
        lw = lh * cw / ch
    else:
        s = float(scale) if scale else DEFAULT_SCALE
        lw, lh = cw, ch
    if lw < MIN_LOGICAL[0] or lh < MIN_LOGICAL[1]:  # tiny output: shrink the scale, not the layout
        f = max(MIN_LOGICAL[0] / lw, MIN_LOGICAL[1] / lh)
        lw, lh, s = lw * f, lh * f, s / f
    pw = int(width) if width else int(round(lw * s))
    ph = int(height) if height else int(round(lh * s))
    if fmt == "png" and (pw > MAX_PIXELS or ph > MAX_PIXELS):
        raise ExportError(f"image of {pw}x{ph} pixels is too large (at most {MAX_PIXELS} per side)")
    return QtCore.QSize(max(1, round(lw)), max(1, round(lh))), s, QtCore.QSize(max(1, pw), max(1, ph))


def _activate_graphics_layouts(scene: QtWidgets.QGraphicsScene) -> None:
    """Lay out pyqtgraph's GraphicsLayouts now (Qt would do it at the next event-loop turn), outermost first."""
    get_layout = QtWidgets.QGraphicsWidget.layout  # pyqtgraph shadows .layout with an attribute
    widgets = [i for i in scene.items() if isinstance(i, QtWidgets.QGraphicsWidget) and get_layout(i) is not None]

    def depth(item) -> int:
        d = 0
        while item.parentItem() is not None:
            item, d = item.parentItem(), d + 1
        return d

    for _ in range(2):  # a second pass settles items whose size hints changed in the first
        for item in sorted(widgets, key=depth):
            get_layout(item).activate()


def _relayout(widget: QtWidgets.QWidget) -> None:
    """Lay out a widget tree now, also when hidden (Qt defers resize events of hidden widgets).

    Only the exported widget's own subtree: its parent's layout is left alone, so it does not
    snap the widget back to its on-screen size in the middle of an export."""
    widgets = [widget] + widget.findChildren(QtWidgets.QWidget)
    for w in widgets:
        lay = w.layout()
        if lay is not None:
            lay.activate()
    for w in widgets:
        if isinstance(w, QtWidgets.QGraphicsView):
            QtWidgets.QApplication.sendEvent(w, QtGui.QResizeEvent(w.size(), w.size()))
            if isinstance(w, pg.GraphicsView):
                _activate_graphics_layouts(w.scene())


@contextlib.contextmanager
def _plot_laid_out(figure: pg.GraphicsView, logical: QtCore.QSize) -> Iterator[QtWidgets.QGraphicsWidget]:
    """Lay a pyqtgraph figure out at `logical` size without touching any widget geometry:
    its central item is resized in the scene and rendered from there."""
    item = figure.centralWidget
    old = QtCore.QRectF(item.geometry())
    item.setGeometry(QtCore.QRectF(0, 0, logical.width(), logical.height()))
    _activate_graphics_layouts(figure.scene())
    try:
        yield item
    finally:
        # Back to the on-screen layout. (A QResizeEvent sent to the view does not reach
        # pyqtgraph's resizeEvent, so a visible view kept the export's layout, and a whole-
        # dashboard export after it drew that view zoomed in and clipped.)
        if figure.isVisible() and not figure.size().isEmpty():
            item.setGeometry(QtCore.QRectF(0, 0, figure.width(), figure.height()))
        else:
            item.setGeometry(old)
        _activate_graphics_layouts(figure.scene())


@contextlib.contextmanager
def _widget_laid_out(figure: QtWidgets.QWidget, logical: QtCore.QSize) -> Iterator[None]:
    old = figure.size()
    resized = old != logical
    if resized or not figure.isVisible():
        figure.resize(logical)
        _relayout(figure)
    try:
        yield
    finally:
        if resized:
            figure.resize(old)
            _relayout(figure)


@contextlib.contextmanager
def _styled(widget: QtWidgets.QWidget, style: str, line_factor: float) -> Iterator[None]:
    restyle = getattr(widget, "restyle", None)
    if not callable(restyle):
        yield
        return
    if style == "screen" and line_factor == 1.0:
        yield
        return
    try:
        with palette.export_style(style, line_factor):
            restyle()
            yield
    finally:
        restyle()


class _CrispImageExporter(pg_exporters.ImageExporter):
    """ImageExporter rendering into a device-pixel-ratio image: vector text and curves at full
    resolution (the stock one scales a 1x rendering's geometry, keeping 1-pixel cosmetic pens)."""

    def render_image(self, pixels: QtCore.QSize, ratio: float) -> QtGui.QImage:
        image = QtGui.QImage(pixels, QtGui.QImage.Format.Format_ARGB32_Premultiplied)
        if image.isNull():
            raise ExportError(f"cannot allocate a {pixels.width()}x{pixels.height()} image")
        image.setDevicePixelRatio(ratio)
        image.fill(self.params["background"])
        source = self.getSourceRect()  # the central item's rectangle in the scene
        target = QtCore.QRectF(0, 0, pixels.width() / ratio, pixels.height() / ratio)
        painter = QtGui.QPainter(image)
        try:
            self.setExportMode(
                True,
                {
                    "antialias": True,
                    "background": self.params["background"],
                    "painter": painter,
                    "resolutionScale": 1.0,
                },
            )
            painter.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing, True)
            painter.setRenderHint(QtGui.QPainter.RenderHint.TextAntialiasing, True)
            self.getScene().render(painter, target, QtCore.QRectF(source), QtCore.Qt.AspectRatioMode.IgnoreAspectRatio)
        finally:
            self.setExportMode(False)
            painter.end()
        return image


def _render_png(figure: QtWidgets.QWidget, logical: QtCore.QSize, pixels: QtCore.QSize) -> bytes:
    image = QtGui.QImage(pixels, QtGui.QImage.Format.Format_ARGB32_Premultiplied)
    if image.isNull():
        raise ExportError(f"cannot allocate a {pixels.width()}x{pixels.height()} image")
    image.setDevicePixelRatio(pixels.width() / logical.width())
    image.fill(QtGui.QColor(palette.current_theme().background))
    _paint_widget(figure, QtGui.QPainter(image), background=True)
    return _encode(image, "PNG")


def _paint_widget(widget: QtWidgets.QWidget, painter: QtGui.QPainter, background: bool) -> None:
    """QWidget.render with its children (QGraphicsView.render would draw only the scene)."""
    if not painter.isActive():
        raise ExportError("Qt could not start painting the export")
    try:
        painter.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing, True)
        painter.setRenderHint(QtGui.QPainter.RenderHint.TextAntialiasing, True)
        flags = QtWidgets.QWidget.RenderFlag.DrawChildren
        if background:
            flags |= QtWidgets.QWidget.RenderFlag.DrawWindowBackground
        with _pg_export_mode(widget, painter):
            QtWidgets.QWidget.render(widget, painter, QtCore.QPoint(0, 0), QtGui.QRegion(), flags)
    finally:
        painter.end()


@contextlib.contextmanager
def _pg_export_mode(widget: QtWidgets.QWidget, painter: QtGui.QPainter) -> Iterator[None]:
    """Put the pyqtgraph items inside `widget` (a whole dashboard) into pyqtgraph's export mode
    while it renders, as its own exporters do: scatter symbols are then drawn as vectors at the
    export's resolution instead of from the screen's 1x symbol cache (which, scaled up, came out
    blurred, and with export-thickened pens filled the open "test" circles into blobs)."""
    views = [w for w in [widget, *widget.findChildren(QtWidgets.QWidget)] if isinstance(w, pg.GraphicsView)]
    items = [i for v in views for i in v.scene().items() if hasattr(i, "setExportMode")]
    opts = {
        "antialias": True,
        "painter": painter,
        "resolutionScale": 1.0,
        "background": QtGui.QColor(palette.current_theme().background),
    }
    for item in items:
        item.setExportMode(True, opts)
    try:
        yield
    finally:
        for item in items:
            item.setExportMode(False)


def _encode(image: QtGui.QImage, fmt: str) -> bytes:
    buf = QtCore.QBuffer()
    buf.open(QtCore.QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buf, fmt):
        raise ExportError(f"Qt could not encode the image as {fmt}")
    return bytes(buf.data().data())


def _render_svg(figure: QtWidgets.QWidget, logical: QtCore.QSize, title: str) -> bytes:
    from PySide6.QtSvg import QSvgGenerator

    buf = QtCore.QBuffer()
    buf.open(QtCore.QIODevice.OpenModeFlag.WriteOnly)
    gen = QSvgGenerator()
    gen.setOutputDevice(buf)
    gen.setSize(logical)
    gen.setViewBox(QtCore.QRect(QtCore.QPoint(0, 0), logical))
    gen.setTitle(title or "Regularization Explorer")
    gen.setDescription("Exported from Regularization Explorer")
    _paint_widget(figure, QtGui.QPainter(gen), background=False)
    buf.close()
    return bytes(buf.data().data())


@contextlib.contextmanager
def _svg_closed_path_fix() -> Iterator[None]:
    """pyqtgraph 0.14.0's SVGExporter fails on closed paths ("M0,0 L... Z", which Qt 6 writes for
    a ViewBox's clip): pyqtgraph issue #3495. For the duration of one export, take the "Z" tokens
    out before its coordinate pass and put them back, at the same places, afterwards."""
    mod = importlib.import_module("pyqtgraph.exporters.SVGExporter")
    original = getattr(mod, "correctCoordinates", None)
    if original is None:
        yield
        return

    def patched(node, defs, item, options):
        closes = []
        for el in node.getElementsByTagName("path"):
            tokens = el.getAttribute("d").split()
            where = [i for i, t in enumerate(tokens) if t in ("Z", "z")]
            if where:
                closes.append((el, where))
                el.setAttribute("d", " ".join(t for t in tokens if t not in ("Z", "z")))
        try:
            return original(node, defs, item, options)
        finally:
            for el, where in closes:
                tokens = el.getAttribute("d").split()
                for i in where:
                    tokens.insert(i, "Z")
                el.setAttribute("d", " ".join(tokens))

    mod.correctCoordinates = patched
    try:
        yield
    finally:
        mod.correctCoordinates = original


def _render_pdf(
    figure: QtWidgets.QWidget, logical: QtCore.QSize, title: str, scene_item: Optional[QtWidgets.QGraphicsWidget] = None
) -> bytes:
    buf = QtCore.QBuffer()
    buf.open(QtCore.QIODevice.OpenModeFlag.WriteOnly)
    writer = QtGui.QPdfWriter(buf)
    writer.setResolution(96)
    writer.setTitle(title or "Regularization Explorer")
    writer.setCreator("Regularization Explorer")
    size_pt = QtCore.QSizeF(logical.width() * 72 / 96, logical.height() * 72 / 96)
    writer.setPageSize(QtGui.QPageSize(size_pt, QtGui.QPageSize.Unit.Point, "figure"))
    writer.setPageMargins(QtCore.QMarginsF(0, 0, 0, 0))
    painter = QtGui.QPainter(writer)
    if scene_item is None:
        _paint_widget(figure, painter, background=True)
    else:
        if not painter.isActive():
            raise ExportError("Qt could not start a PDF")
        try:
            painter.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing, True)
            target = QtCore.QRectF(0, 0, logical.width(), logical.height())
            painter.fillRect(target, QtGui.QColor(palette.current_theme().background))
            scene_item.scene().render(
                painter, target, scene_item.sceneBoundingRect(), QtCore.Qt.AspectRatioMode.IgnoreAspectRatio
            )
        finally:
            painter.end()
    buf.close()
    return bytes(buf.data().data())
