"""Colours, themes and the presentation scale every view styles itself with.

Colours are the Okabe–Ito palette, which stays distinguishable for the common
colour-vision deficiencies (about 1 student in 12 in a lecture hall). Variant i
always has the same colour in every view, so a class can follow "the orange
run" from the fit to the losses to the histograms.

Everything a view reads when it (re)styles lives here as module state: the
theme (screen light/dark, or the "print" style used for exported figures) and
the presentation scale (thicker lines, bigger markers and fonts for a projector).
Views never cache these values; they call the functions below in `restyle()`.
"""

from __future__ import annotations

import contextlib
import weakref
from dataclasses import dataclass
from typing import Iterator, Sequence

import pyqtgraph as pg
from PySide6 import QtCore, QtGui

# Okabe & Ito (2008), "Color Universal Design".
OKABE_ITO = {
    "black": "#000000",
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "bluish_green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
}

# Variant order: the strongest contrasts first; yellow (weak on white) last.
VARIANT_COLORS: tuple[str, ...] = (
    OKABE_ITO["blue"],
    OKABE_ITO["vermillion"],
    OKABE_ITO["bluish_green"],
    OKABE_ITO["reddish_purple"],
    OKABE_ITO["orange"],
    OKABE_ITO["sky_blue"],
    OKABE_ITO["black"],
    OKABE_ITO["yellow"],
)

# Weight signs in the network diagram (and anywhere a signed weight is drawn).
POSITIVE_COLOR = OKABE_ITO["orange"]
NEGATIVE_COLOR = OKABE_ITO["blue"]

# Classes of a classification task (points and decision regions).
CLASS_COLORS: tuple[str, ...] = (
    OKABE_ITO["blue"],
    OKABE_ITO["vermillion"],
    OKABE_ITO["bluish_green"],
    OKABE_ITO["reddish_purple"],
    OKABE_ITO["orange"],
    OKABE_ITO["sky_blue"],
    OKABE_ITO["yellow"],
    OKABE_ITO["black"],
    "#999999",
    "#882255",
)

CORRECT_COLOR = OKABE_ITO["bluish_green"]
WRONG_COLOR = OKABE_ITO["vermillion"]


@dataclass(frozen=True)
class Theme:
    name: str
    background: str
    foreground: str
    muted: str  # true curve, dark (dropped) neurons, diagonal of the parity plot
    grid_alpha: float  # 0..1, 0 = no grid


THEMES: dict[str, Theme] = {
    "light": Theme("light", "#FFFFFF", "#202020", "#8C8C8C", 0.18),
    "dark": Theme("dark", "#1B1B1F", "#E8E8E8", "#8A8A8A", 0.22),
    # Exported figures for slides and papers: white, black ink, no grid.
    "print": Theme("print", "#FFFFFF", "#000000", "#7A7A7A", 0.0),
}

# Presentation mode on a projector: washed-out greys vanish, so ink goes to pure black
# (or white), "muted" items get darker (lighter) and the grid stronger.
HIGH_CONTRAST: dict[str, Theme] = {
    "light": Theme("light", "#FFFFFF", "#000000", "#595959", 0.28),
    "dark": Theme("dark", "#000000", "#FFFFFF", "#B0B0B0", 0.32),
}

# Presentation mode multipliers (projector in a lecture hall).
PRESENTATION_LINE_SCALE = 1.7
PRESENTATION_FONT_SCALE = 1.45
BASE_FONT_PT = 10.5

_state = {"theme": "light", "presentation": False, "export_line_scale": 1.0, "screen_scale": 1.0, "room_scale": 1.0}
ROOM_SCALE_MAX = 2.5


# --- theme and scale -------------------------------------------------------


def current_theme() -> Theme:
    name = _state["theme"]
    if _state["presentation"] and name in HIGH_CONTRAST:
        return HIGH_CONTRAST[name]
    return THEMES[name]


def theme_name() -> str:
    """The selected theme ("light", "dark"; "print" only during a print export)."""
    return str(_state["theme"])


def set_theme(name: str) -> None:
    """Select "light", "dark" or "print"; views pick it up on their next `restyle()`."""
    if name not in THEMES:
        raise ValueError(f"unknown theme {name!r}; expected one of {sorted(THEMES)}")
    _state["theme"] = name


def set_presentation(enabled: bool) -> None:
    """Thicker lines, bigger markers and fonts; call `restyle()` on the views afterwards."""
    _state["presentation"] = bool(enabled)


def presentation_enabled() -> bool:
    return bool(_state["presentation"])


def set_screen_scale(device_pixel_ratio: float) -> None:
    """The screen's device-pixel ratio (2 on a 4K display at 200 %): pyqtgraph's pens are cosmetic,
    their widths in device pixels, so without this every line is half as thick on such a screen."""
    _state["screen_scale"] = max(1.0, float(device_pixel_ratio or 1.0))


def room_scale_for(logical_height: int) -> float:
    """Presentation mode's extra factor for a screen taller than 1080 logical pixels: a 4K display
    without the system's scaling shows 2160 of them, and the class at the back still has to read it."""
    return float(min(ROOM_SCALE_MAX, max(1.0, (logical_height or 0) / 1080.0)))


def set_room_scale(logical_height: int) -> None:
    _state["room_scale"] = room_scale_for(logical_height)


def _presentation_scale(base: float) -> float:
    return base * float(_state["room_scale"]) if _state["presentation"] else 1.0


def line_scale() -> float:
    """Multiplier for pen widths (presentation x export resolution x screen device-pixel ratio)."""
    base = _presentation_scale(PRESENTATION_LINE_SCALE)
    return base * float(_state["export_line_scale"]) * float(_state["screen_scale"])


def marker_scale() -> float:
    """Marker sizes: pyqtgraph draws pixel-mode symbols as images that follow the device-pixel
    ratio of an export by themselves, so only presentation mode enlarges them."""
    return _presentation_scale(PRESENTATION_LINE_SCALE)


def font_scale() -> float:
    return _presentation_scale(PRESENTATION_FONT_SCALE)


def font_pt(relative: float = 1.0) -> float:
    return round(BASE_FONT_PT * font_scale() * relative, 1)


def font(relative: float = 1.0, bold: bool = False) -> QtGui.QFont:
    f = QtGui.QFont()
    f.setPointSizeF(font_pt(relative))
    f.setBold(bold)
    return f


@contextlib.contextmanager
def export_style(style: str = "screen", line_factor: float = 1.0) -> Iterator[None]:
    """Temporarily switch to the print theme and/or scale cosmetic pens for a high-resolution export.

    pyqtgraph's pens are cosmetic (constant width in device pixels), so a plot rendered
    at 3x its screen size would otherwise get hair-thin lines.
    """
    old = dict(_state)
    try:
        if style == "print":
            _state["theme"] = "print"
        _state["export_line_scale"] = max(1.0, float(line_factor))
        _state["screen_scale"] = 1.0  # the export's own pixel ratio is in line_factor
        yield
    finally:
        _state.clear()
        _state.update(old)


# --- colours and pens ------------------------------------------------------


def variant_color(i: int) -> QtGui.QColor:
    c = QtGui.QColor(VARIANT_COLORS[i % len(VARIANT_COLORS)])
    if current_theme().name == "dark" and c.lightness() < 60:
        c = QtGui.QColor("#DDDDDD")  # black would vanish on the dark background
    elif current_theme().name == "dark" and c.name().upper() == OKABE_ITO["blue"]:
        c = QtGui.QColor("#3A9BE0")  # Okabe-Ito blue is too dark on a near-black background
    return c


def variant_hex(i: int) -> str:
    return variant_color(i).name()


def class_color(k: int) -> QtGui.QColor:
    return QtGui.QColor(CLASS_COLORS[int(k) % len(CLASS_COLORS)])


_DASH = {
    "solid": QtCore.Qt.PenStyle.SolidLine,
    "dash": QtCore.Qt.PenStyle.DashLine,
    "dot": QtCore.Qt.PenStyle.DotLine,
    "dashdot": QtCore.Qt.PenStyle.DashDotLine,
    "dashdotdot": QtCore.Qt.PenStyle.DashDotDotLine,
}
DASH_ORDER = ("solid", "dash", "dot", "dashdot", "dashdotdot")


def pen(color, width: float = 1.0, style: str = "solid", alpha: float = 1.0) -> QtGui.QPen:
    """A cosmetic pen whose width follows the presentation/export scale."""
    c = QtGui.QColor(color)
    c.setAlphaF(max(0.0, min(1.0, alpha * c.alphaF())))
    p = pg.mkPen(c, width=width * line_scale())
    p.setStyle(_DASH.get(style, QtCore.Qt.PenStyle.SolidLine))
    p.setCapStyle(QtCore.Qt.PenCapStyle.RoundCap if style == "solid" else QtCore.Qt.PenCapStyle.FlatCap)
    return p


def variant_pen(i: int, width: float = 2.5, style: str = "solid", alpha: float = 1.0) -> QtGui.QPen:
    return pen(variant_color(i), width, style, alpha)


def brush(color, alpha: float = 1.0) -> QtGui.QBrush:
    c = QtGui.QColor(color)
    c.setAlphaF(max(0.0, min(1.0, alpha * c.alphaF())))
    return pg.mkBrush(c)


def fg_pen(width: float = 1.0, style: str = "solid", alpha: float = 1.0) -> QtGui.QPen:
    return pen(current_theme().foreground, width, style, alpha)


def muted_pen(width: float = 1.5, style: str = "dash") -> QtGui.QPen:
    return pen(current_theme().muted, width, style)


# --- styling helpers -------------------------------------------------------


def style_graphics_widget(widget) -> None:
    """Background of a pg.GraphicsView / GraphicsLayoutWidget / PlotWidget."""
    widget.setBackground(current_theme().background)


def apply_style(
    plot_item: pg.PlotItem,
    *,
    title: str | None = None,
    x_label: str | None = None,
    y_label: str | None = None,
    grid: bool = True,
) -> None:
    """Axis ink, tick and label fonts, title and grid of one PlotItem, from the current theme/scale."""
    theme = current_theme()
    tick_font = font(0.95)
    for name in ("left", "bottom", "right", "top"):
        axis = plot_item.getAxis(name)
        axis.setPen(fg_pen(1.0))
        axis.setTextPen(pg.mkPen(theme.foreground))
        axis.setStyle(tickFont=tick_font, tickTextOffset=max(3, int(4 * font_scale())))
        axis.label.setFont(font(1.0))
        # "(x0.001)" on a unitless axis confuses more than it helps. No range enables a prefix: pyqtgraph's
        # enableAutoSIPrefix(False) still computes one from the current range and scales the tick numbers
        # by it without saying so (a restyle, e.g. presentation mode, made gradients of ±0.05 read ±50)
        if hasattr(axis, "setSIPrefixEnableRanges"):
            axis.setSIPrefixEnableRanges(())
        axis.enableAutoSIPrefix(False)
        if axis.autoSIPrefixScale != 1.0:  # an older pyqtgraph (no enable ranges): undo the scale itself
            axis.autoSIPrefixScale, axis.labelUnitPrefix = 1.0, ""
            axis.picture = None
        # Major ticks (and grid lines) only: cleaner on a projector, and the axis items, which
        # draw the grid, were ~40 % of a dashboard repaint with the minor levels.
        axis.setStyle(maxTickLevel=0)
        if name in ("bottom", "top"):
            # the first and last labels (0 on an epoch axis) may reach a little past the plot's
            # corner instead of vanishing
            axis.setStyle(hideOverlappingLabels=int(16 * font_scale()))
    if x_label is not None:
        plot_item.setLabel("bottom", x_label, color=theme.foreground, **{"font-size": f"{font_pt()}pt"})
    if y_label is not None:
        plot_item.setLabel("left", y_label, color=theme.foreground, **{"font-size": f"{font_pt()}pt"})
    if title is not None:
        set_title(plot_item, title)
    alpha = theme.grid_alpha if grid else 0.0
    plot_item.showGrid(x=alpha > 0, y=alpha > 0, alpha=alpha)


def set_title(plot_item: pg.PlotItem, text: str, color: str | None = None, subtitle: str | None = None) -> None:
    """Bold title (optionally a second, plain line) with a title row tall enough for the font.

    pyqtgraph fixes the title row at 30 px, which clips presentation-size fonts.
    """
    html = _esc(text)
    lines = 1
    if subtitle:
        html += (
            f'<br><span style="font-weight:normal; font-size:{font_pt(0.9)}pt; '
            f'color:{current_theme().foreground}">{_esc(subtitle)}</span>'
        )
        lines = 2
    plot_item.setTitle(html, color=color or current_theme().foreground, size=f"{font_pt(1.1)}pt", bold=True)
    height = int(font_pt(1.1) * 96 / 72 * 1.45 * lines + 6)
    plot_item.titleLabel.setMaximumHeight(max(30, height))
    plot_item.layout.setRowFixedHeight(0, max(30, height))
    relax_min_width(plot_item.titleLabel)


def relax_min_width(label: pg.LabelItem) -> None:
    """A LabelItem asks for its text's width as its minimum: a long title then widens the whole
    plot grid past its pane (clipped on the right). Let it be narrower; the text is clipped instead."""
    if not getattr(label, "_relaxed", False):
        label._relaxed = True
        ref = weakref.ref(label)  # no reference cycle through the instance's own dict

        def update_min() -> None:  # LabelItem re-measures on every setText and resize
            lbl = ref()
            if lbl is None:
                return
            pg.LabelItem.updateMin(lbl)
            lbl.setMinimumWidth(0)
            hints = getattr(lbl, "_sizeHint", None)
            if isinstance(hints, dict):
                for which in (QtCore.Qt.SizeHint.MinimumSize, QtCore.Qt.SizeHint.PreferredSize):
                    if which in hints:
                        hints[which] = (0, hints[which][1])
            lbl.updateGeometry()

        label.updateMin = update_min
    label.updateMin()


def style_label(
    label: pg.LabelItem, text: str, relative: float = 1.0, color: str | None = None, bold: bool = False
) -> None:
    label.setText(text, color=color or current_theme().foreground, size=f"{font_pt(relative)}pt", bold=bold)


def legend_html(entries: Sequence[tuple[str, str, str]]) -> str:
    """One line of "swatch text" entries for a legend row above a plot (never covering data).

    Each entry is (colour hex, swatch, text); swatches: "solid", "dash", "dot", or any glyph.
    """
    glyphs = {"solid": "━━", "dash": "━ ━", "dot": "· · ·", "dashdot": "━ ·", "dashdotdot": "━ · ·"}
    parts = []
    for color, swatch, text in entries:
        g = glyphs.get(swatch, swatch)
        if not g:  # a note, not a key: prose that may wrap anywhere
            parts.append(f'<span style="color:{color}">{_esc(text)}</span>')
            continue
        parts.append(
            f'<span style="white-space:nowrap"><span style="color:{color}; font-weight:bold">{g}'
            f'</span>&nbsp;{_esc(text)}</span>'
        )
    return LEGEND_SEP.join(parts)  # wraps only between entries (base.WrappingLabel packs them)


LEGEND_SEP = "&nbsp;&nbsp; "  # between legend entries: the only place a legend line may break


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def diverging_lut(n: int = 256, c0: str = OKABE_ITO["blue"], c1: str = OKABE_ITO["vermillion"], strength: float = 0.55):
    """Lookup table for P(class 1): pale class-0 colour -> white at 0.5 -> pale class-1 colour.

    Pale so that the saturated data points stay visible on top.
    """
    white = QtGui.QColor("#FFFFFF")

    def mix(c: str) -> tuple[int, int, int]:
        q = QtGui.QColor(c)
        return tuple(
            int(round(w + (v - w) * strength))
            for v, w in ((q.red(), white.red()), (q.green(), white.green()), (q.blue(), white.blue()))
        )

    cmap = pg.ColorMap(pos=[0.0, 0.5, 1.0], color=[mix(c0), (255, 255, 255), mix(c1)])
    return cmap.getLookupTable(0.0, 1.0, n)


def categorical_lut(n_classes: int, strength: float = 0.45):
    """Lookup table for an argmax map with n classes (level k -> pale class colour)."""
    import numpy as np

    rows = []
    for k in range(max(1, n_classes)):
        q = class_color(k)
        rows.append([int(255 + (v - 255) * strength) for v in (q.red(), q.green(), q.blue())] + [255])
    return np.array(rows, dtype=np.ubyte)
