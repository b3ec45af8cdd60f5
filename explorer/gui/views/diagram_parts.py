"""Parts of the network diagram: its pens and brushes, the graphics view, and the hover tooltip.

Split from network_diagram.py so that each file stays readable; nothing here knows the
diagram's layout beyond a neuron's centre and the view's scale.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6 import QtCore, QtGui, QtWidgets

from explorer.core.protocol import HiddenState
from explorer.gui.views import palette

LEVELS = 6  # |w| levels -> link width and opacity
NORMAL, DROPCONNECT, UNIT_DROPPED = 0, 1, 2  # link states
LIT, DARK = 0, 1  # neuron states (gaussian levels are 2 + k)
GAUSS_LEVELS = 9
LIT_COLOR, HOT_COLOR, DIM_COLOR = "#F0E442", "#E69F00", "#5A5A5A"


class DiagramStyle:
    """Every pen and brush the diagram uses, made once per theme (never per frame).

    Links: `link_pens[(sign * LEVELS + level) * 3 + state]`, non-cosmetic so they scale with
    the diagram (and with a high-resolution export).
    """

    def __init__(self, width_scale: float = 1.0) -> None:
        """width_scale: link and outline widths follow the neurons' drawn size (1.0 at radius 10.5 px)."""
        theme = palette.current_theme()
        self.width_scale = width_scale
        self.background = QtGui.QColor(theme.background)
        self.link_pens: list[QtGui.QPen] = []
        ws = max(0.35, width_scale)
        for sign_color in (palette.NEGATIVE_COLOR, palette.POSITIVE_COLOR):
            for level in range(LEVELS):
                t = (level + 0.5) / LEVELS
                for state in (NORMAL, DROPCONNECT, UNIT_DROPPED):
                    c = QtGui.QColor(sign_color)
                    c.setAlphaF((0.18 + 0.82 * t) * (0.3 if state else 1.0))
                    p = QtGui.QPen(c, ws * (0.5 + 4.5 * t if state == NORMAL else 0.5 + 1.5 * t))
                    p.setStyle(QtCore.Qt.PenStyle.DashLine if state == DROPCONNECT else QtCore.Qt.PenStyle.SolidLine)
                    self.link_pens.append(p)
        fg = QtGui.QColor(theme.foreground)
        outline = max(1.0, 1.6 * min(1.5, ws))
        self.neuron_pen = QtGui.QPen(fg, outline)
        self.dark_pen = QtGui.QPen(QtGui.QColor(theme.muted), outline, QtCore.Qt.PenStyle.DashLine)
        self.lit_brush = QtGui.QBrush(QtGui.QColor(LIT_COLOR))
        self.dark_brush = QtGui.QBrush(QtCore.Qt.BrushStyle.NoBrush)
        self.io_brush = QtGui.QBrush(QtGui.QColor("#D9D9D9"))
        self.gauss_brushes = []
        for k in range(GAUSS_LEVELS):  # multiplier 0 -> dim grey, 1 -> yellow, >= 2 -> orange
            t = k / (GAUSS_LEVELS - 1) * 2.0
            a, b, u = (DIM_COLOR, LIT_COLOR, t) if t <= 1 else (LIT_COLOR, HOT_COLOR, t - 1)
            ca, cb = QtGui.QColor(a), QtGui.QColor(b)
            self.gauss_brushes.append(
                QtGui.QBrush(
                    QtGui.QColor(
                        *(
                            int(x + (y - x) * u)
                            for x, y in ((ca.red(), cb.red()), (ca.green(), cb.green()), (ca.blue(), cb.blue()))
                        )
                    )
                )
            )
        self.text_brush = QtGui.QBrush(fg)
        self.text_font = palette.font(1.3)
        self.small_font = palette.font(1.15)


class DiagramGraphicsView(QtWidgets.QGraphicsView):
    def __init__(self, scene: QtWidgets.QGraphicsScene):
        super().__init__(scene)
        self.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing, True)
        self.setHorizontalScrollBarPolicy(QtCore.Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(QtCore.Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setViewportUpdateMode(QtWidgets.QGraphicsView.ViewportUpdateMode.FullViewportUpdate)
        self.setFrameShape(QtWidgets.QFrame.Shape.NoFrame)
        self.setMouseTracking(True)
        self.on_resize = lambda: None

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.on_resize()


def place_text(item: QtWidgets.QGraphicsSimpleTextItem, x: float, y: float, anchor: str) -> None:
    """Put a screen-size text item at scene point (x, y): "bottom"/"top" centred above/below it,
    "left"/"right" vertically centred to its left/right, "center" centred on it."""
    br = item.boundingRect()
    dx, dy = {
        "bottom": (-br.width() / 2, -br.height()),
        "top": (-br.width() / 2, 0.0),
        "left": (-br.width(), -br.height() / 2),
        "right": (0.0, -br.height() / 2),
        "center": (-br.width() / 2, -br.height() / 2),
    }[anchor]
    item.setPos(x, y)
    item.setTransform(QtGui.QTransform.fromTranslate(dx, dy))
    item.setData(1, anchor)


class NeuronTooltip(QtCore.QObject):
    """An in-scene tooltip drawn at screen size: what a hidden neuron computes, its dropout
    state, and (2-D data) a live map of its output over the input plane. Refilled every
    frame while shown, so the map changes as the network trains."""

    def __init__(self, scene: QtWidgets.QGraphicsScene):
        super().__init__()
        self.panel = QtWidgets.QGraphicsRectItem()
        self.panel.setFlag(QtWidgets.QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations, True)
        self.panel.setZValue(100)
        self.text = QtWidgets.QGraphicsSimpleTextItem(self.panel)
        self.map = QtWidgets.QGraphicsPixmapItem(self.panel)
        self.panel.setVisible(False)
        scene.addItem(self.panel)
        self._lut = pg.colormap.get("cividis").getLookupTable(nPts=256)

    def hide(self) -> None:
        self.panel.setVisible(False)

    def is_visible(self) -> bool:
        return self.panel.isVisible()

    def map_size(self) -> tuple[int, int]:
        pm = self.map.pixmap()
        return (0, 0) if pm.isNull() or not self.map.isVisible() else (pm.width(), pm.height())

    def show(
        self,
        view: QtWidgets.QGraphicsView,
        center: QtCore.QPointF,
        radius: float,
        to_left: bool,
        layer: int,
        index: int,
        h: HiddenState,
    ) -> None:
        lines = [
            self.tr("hidden layer {k}, neuron {i} of {w}").format(k=layer, i=index + 1, w=h.width),
            self.tr("computes h = {act}(w · x + b)").format(act=h.activation),
        ]
        if h.mask is not None and index < len(h.mask):
            m = float(h.mask[index])
            if "gauss" in (h.dropout_kind or "").lower():
                lines.append(self.tr("Gaussian noise: output × {m}").format(m=f"{m:.2f}"))
            elif m == 0:
                lines.append(self.tr("dropped this step (output × 0)"))
            else:
                lines.append(self.tr("kept this step (output × {m})").format(m=f"{m:.2f}"))
        lines.append(
            self.tr("layer activation: mean {m}, variance {v}").format(
                m=f"{h.activation_mean:.3g}", v=f"{h.activation_var:.3g}"
            )
        )
        theme = palette.current_theme()
        self.text.setFont(palette.font(0.95))
        self.text.setBrush(QtGui.QBrush(QtGui.QColor(theme.foreground)))
        self.text.setText("\n".join(lines))
        self.text.setPos(8, 6)
        tb = self.text.boundingRect()
        width, height = tb.width() + 16, tb.height() + 12
        maps = h.neuron_maps
        if maps is not None and index < len(maps):
            self.map.setPixmap(self._map_pixmap(np.asarray(maps[index]), int(130 * palette.font_scale())))
            self.map.setPos(8, height)
            self.map.setVisible(True)
            height += self.map.pixmap().height() + 8
            width = max(width, self.map.pixmap().width() + 16)
        else:
            self.map.setVisible(False)
        self.panel.setRect(0, 0, width, height)
        self.panel.setBrush(QtGui.QBrush(QtGui.QColor(theme.background)))
        self.panel.setPen(QtGui.QPen(QtGui.QColor(theme.foreground), 1))
        # beside the neuron (left of it in the right half), and always wholly in view
        scale = max(1e-6, view.transform().m11())
        w_scene, h_scene = width / scale, height / scale
        x = center.x() - w_scene - radius - 6 if to_left else center.x() + radius + 6
        y = center.y() - radius
        margin = 4 / scale
        visible = view.mapToScene(view.viewport().rect()).boundingRect().adjusted(margin, margin, -margin, -margin)
        x = min(max(x, visible.left()), visible.right() - w_scene)
        y = min(max(y, visible.top()), visible.bottom() - h_scene)
        self.panel.setPos(x, y)
        self.panel.setVisible(True)

    def _map_pixmap(self, m: np.ndarray, size: int) -> QtGui.QPixmap:
        m = np.nan_to_num(m.astype(np.float64))
        lo, hi = float(m.min()), float(m.max())
        idx = np.zeros(m.shape, np.uint8) if hi <= lo else ((m - lo) / (hi - lo) * 255).astype(np.uint8)
        rgb = np.ascontiguousarray(self._lut[idx][::-1])  # row 0 is ymin: draw it at the bottom
        gh, gw = rgb.shape[:2]
        img = QtGui.QImage(rgb.data, gw, gh, 3 * gw, QtGui.QImage.Format.Format_RGB888).copy()
        return QtGui.QPixmap.fromImage(img).scaled(
            size, size, QtCore.Qt.AspectRatioMode.KeepAspectRatio, QtCore.Qt.TransformationMode.FastTransformation
        )
