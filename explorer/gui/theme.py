"""How the window looks: light/dark theme, presentation mode, and a first size that fits the screen.

Two switches in the View menu, both remembered in the settings:

* Theme (light / dark): a Qt palette for the widgets (Fusion's own colours, or a
  dark palette) and palette.set_theme for the plots, which restyle in place.
* Presentation mode (F5 or Ctrl+P): for a projector in a lecture hall. The
  application font grows by PRESENTATION_FONT_SCALE (every panel, menu and
  toolbar follows it), the plots get thicker lines, bigger markers, larger fonts
  and high-contrast ink (palette.set_presentation), and the toolbar icons grow.
  On a screen taller than 1080 logical pixels (a 4K display without the system's
  scaling) all of that grows again in proportion (palette.room_scale_for).

Both go through `Looks`, which the main window creates once; nothing else keeps
a copy of the state.
"""

from __future__ import annotations

from typing import Any, Optional

from PySide6.QtCore import QObject, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QColor, QFont, QKeySequence, QPalette
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

from explorer.gui.views import palette

# Panels, menus and the toolbar grow a little less than the plots (x1.45): on a 1280x720
# projector the side panels would otherwise leave the plots no room.
PRESENTATION_FONT_SCALE = 1.3
DOCK_SHARE = 0.24  # on large screens a side dock may grow to this share of the screen's width
THEMES = ("light", "dark")
SETTING_THEME = "view/theme"
SETTING_PRESENTATION = "view/presentation"
DEFAULT_SIZE = QSize(1280, 800)
# (light, dark) versions of the colours the panels set in style sheets
DARK_SWAPS = (("color: #555;", "color: #a8a8a8;"), ("background: #fff8e1;", "background: #3a3320; color: #f0e6c8;"))


def initial_window_size(window: QWidget) -> QSize:
    """The size of the window on a first start (no saved geometry): the screen's free area.

    A teacher projects the app full screen; on a 1280x720 projector the old fixed 1280x800
    cut off the status line and the bottom of every pane."""
    screen = window.screen() or QApplication.primaryScreen()
    if screen is None:
        return DEFAULT_SIZE
    avail = screen.availableGeometry().size()
    if avail.width() <= 0 or avail.height() <= 0:
        return DEFAULT_SIZE
    return avail


def apply_initial_geometry(window: QWidget) -> None:
    """First start: fill the screen's free area. A saved geometry, restored afterwards, replaces this.

    (Not the maximized state: a window manager would keep it maximized across a later resize,
    and without one the state means nothing.)"""
    screen = window.screen() or QApplication.primaryScreen()
    window.resize(initial_window_size(window))
    if screen is not None and screen.availableGeometry().isValid():
        window.move(screen.availableGeometry().topLeft())


def base_font() -> QFont:
    """The application's font before any presentation scaling (kept on the application object, so a
    second window, or a test after one that left presentation mode on, starts from the same size)."""
    app = QApplication.instance()
    if app is None:
        return QFont()
    saved = app.property("explorer_base_font")
    if isinstance(saved, QFont):
        return QFont(saved)
    font = QFont(app.font())
    app.setProperty("explorer_base_font", font)
    return QFont(font)


def dark_palette() -> QPalette:
    p = QPalette()
    window, base, text = QColor("#24262b"), QColor("#1b1b1f"), QColor("#e8e8e8")
    disabled = QColor("#7d7d7d")
    for role, color in (
        (QPalette.ColorRole.Window, window),
        (QPalette.ColorRole.WindowText, text),
        (QPalette.ColorRole.Base, base),
        (QPalette.ColorRole.AlternateBase, QColor("#2c2e33")),
        (QPalette.ColorRole.ToolTipBase, QColor("#303238")),
        (QPalette.ColorRole.ToolTipText, text),
        (QPalette.ColorRole.PlaceholderText, QColor("#9a9a9a")),
        (QPalette.ColorRole.Text, text),
        (QPalette.ColorRole.Button, QColor("#2f3137")),
        (QPalette.ColorRole.ButtonText, text),
        (QPalette.ColorRole.BrightText, QColor("#ff6b6b")),
        (QPalette.ColorRole.Light, QColor("#3a3c42")),
        (QPalette.ColorRole.Midlight, QColor("#33353a")),
        (QPalette.ColorRole.Mid, QColor("#45474d")),
        (QPalette.ColorRole.Dark, QColor("#151518")),
        (QPalette.ColorRole.Shadow, QColor("#000000")),
        (QPalette.ColorRole.Highlight, QColor("#3a8fd6")),
        (QPalette.ColorRole.HighlightedText, QColor("#ffffff")),
        (QPalette.ColorRole.Link, QColor("#6cb6ff")),
        (QPalette.ColorRole.LinkVisited, QColor("#c39bd3")),
    ):
        p.setColor(role, color)
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        p.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    p.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Base, window)
    return p


class Looks(QObject):
    """Theme and presentation mode of one main window: menu actions, settings, and applying them."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window = window
        self._base_font: QFont = base_font()
        self._base_icon: QSize = QSize(window.iconSize())
        self._run_status_pt: Optional[float] = None
        self._dock_widths: dict[str, int] = {}
        self.presentation_action = QAction(self.tr("&Presentation mode"), window)
        self.presentation_action.setCheckable(True)
        self.presentation_action.setShortcuts([QKeySequence(Qt.Key.Key_F5), QKeySequence("Ctrl+P")])
        self.presentation_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.presentation_action.setToolTip(
            self.tr("Large fonts, thick lines and high contrast for a projector (F5 or Ctrl+P)")
        )
        self.presentation_action.toggled.connect(self.set_presentation)
        window.addAction(self.presentation_action)
        self.theme_group = QActionGroup(window)
        self.theme_group.setExclusive(True)
        self.theme_actions: dict[str, QAction] = {}
        for name, text in (("light", self.tr("&Light theme")), ("dark", self.tr("&Dark theme"))):
            action = QAction(text, window)
            action.setCheckable(True)
            action.triggered.connect(lambda _=False, n=name: self.set_theme(n))
            self.theme_group.addAction(action)
            self.theme_actions[name] = action
        menu = getattr(window, "view_menu", None)
        if menu is not None:
            menu.addSeparator()
            menu.addAction(self.presentation_action)
            theme_menu = menu.addMenu(self.tr("&Theme"))
            for action in self.theme_actions.values():
                theme_menu.addAction(action)
            self.theme_menu = theme_menu
        self._theme = "light"
        self._presentation = False
        settings = getattr(window, "settings", None)
        theme = settings.get(SETTING_THEME) if settings is not None else None
        presentation = settings.get(SETTING_PRESENTATION) if settings is not None else None
        self.set_theme(theme if theme in THEMES else "light", remember=False)
        if presentation is True:
            self.presentation_action.setChecked(True)  # -> set_presentation
        else:
            self._apply()

    # -- state ---------------------------------------------------------------------------
    @property
    def theme(self) -> str:
        return self._theme

    @property
    def presentation(self) -> bool:
        return self._presentation

    def set_theme(self, name: str, remember: bool = True) -> None:
        if name not in THEMES:
            raise ValueError(f"unknown theme {name!r}; expected one of {THEMES}")
        self._theme = name
        action = self.theme_actions[name]
        if not action.isChecked():
            action.setChecked(True)
        if remember:
            self._remember(SETTING_THEME, name)
        self._apply()

    def set_presentation(self, on: bool) -> None:
        on = bool(on)
        if self.presentation_action.isChecked() != on:
            self.presentation_action.setChecked(on)  # comes back here through toggled
            return
        self._presentation = on
        self._remember(SETTING_PRESENTATION, on)
        self._apply()

    def _remember(self, key: str, value: Any) -> None:
        settings = getattr(self.window, "settings", None)
        if settings is not None:
            settings.set(key, value)

    # -- applying --------------------------------------------------------------------------
    def _apply(self) -> None:
        app = QApplication.instance()
        palette.set_theme(self._theme)
        palette.set_presentation(self._presentation)
        screen = self.window.screen() or QApplication.primaryScreen()
        palette.set_screen_scale(screen.devicePixelRatio() if screen is not None else 1.0)
        palette.set_room_scale(self._screen_height())
        scale = PRESENTATION_FONT_SCALE * palette.room_scale_for(self._screen_height()) if self._presentation else 1.0
        if app is not None:
            app.setPalette(dark_palette() if self._theme == "dark" else app.style().standardPalette())
            font = QFont(self._base_font)
            font.setFamilies(base_font().families())  # i18n may have added a CJK family since
            if self._base_font.pointSizeF() > 0:
                font.setPointSizeF(self._base_font.pointSizeF() * scale)
            elif self._base_font.pixelSize() > 0:
                font.setPixelSize(int(round(self._base_font.pixelSize() * scale)))
            app.setFont(font)
        w = self.window
        self._dock_titles_follow_font()
        w.setIconSize(QSize(int(self._base_icon.width() * scale), int(self._base_icon.height() * scale)))
        toolbar = getattr(w, "toolbar", None)
        if toolbar is not None:
            toolbar.setIconSize(w.iconSize())
        self._scale_run_status(scale)
        # widgets learn of the new application font through posted events: measure after them
        QTimer.singleShot(0, self, self._after_font_change)
        for name in ("dashboard", "narration"):
            view = getattr(w, name, None)
            if view is not None and hasattr(view, "restyle"):
                view.restyle()

    def _after_font_change(self) -> None:
        self._repolish()
        self._refit_fixed_widths()
        for panel in getattr(self.window, "panels", ()):  # row heights fixed from the old font
            experiment = getattr(panel, "experiment", None)
            if experiment is not None:
                panel.set_experiment(experiment)
        self._fit_docks()

    def _dock_titles_follow_font(self) -> None:
        """Dock titles grow and shrink with the application font, as everything else does.

        QDockWidget paints its title with the font it read at construction
        (QApplication.font("QDockWidgetTitle")) whenever its own font equals the class font, so in
        presentation mode "Network", "Lesson" and "Regularization" stayed at the small size. A dock
        font that differs from the class font only in its style strategy (no size, no family: those
        still come from the application font, Chinese families included) makes it paint the title
        with its own, current font."""
        from PySide6.QtWidgets import QDockWidget

        for dock in self.window.findChildren(QDockWidget):
            if dock.property("explorer_title_font") is True:
                continue
            font = QFont()  # resolves nothing but the strategy: size and families stay inherited
            font.setStyleStrategy(QFont.StyleStrategy.PreferAntialias)
            dock.setFont(font)
            dock.setProperty("explorer_title_font", True)

    def _refit_fixed_widths(self) -> None:
        """Value labels sized for the old font at construction (slider read-outs) get room again."""
        from explorer.gui.widgets import StepSlider

        for slider in self.window.findChildren(StepSlider):
            label = getattr(slider, "label", None)
            if label is not None:
                label.setMinimumWidth(label.fontMetrics().horizontalAdvance("0.000") + 6)

    def _repolish(self) -> None:
        """Widgets with a style sheet keep the font they were polished with: polish them again; and the
        panels' few fixed colours (grey notes, the yellow hint box) get dark-theme twins."""
        dark = self._theme == "dark"
        for widget in self.window.findChildren(QWidget):
            sheet = widget.styleSheet()
            if not sheet or widget.objectName() == "NarrationView":
                continue
            for light_css, dark_css in DARK_SWAPS:
                sheet = sheet.replace(light_css, dark_css) if dark else sheet.replace(dark_css, light_css)
            widget.setStyleSheet(sheet + " ")
            widget.setStyleSheet(sheet)

    def _fit_docks(self) -> None:
        """Side docks as wide as their panels need with this font (no clipped rows), up to DOCK_SHARE of
        the window; beyond that the panel scrolls."""
        from PySide6.QtWidgets import QDockWidget, QScrollArea, QStyle

        w = self.window
        screen = w.screen() or QApplication.primaryScreen()
        width = screen.availableGeometry().width() if screen is not None else 0
        bar = w.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        for dock in w.findChildren(QDockWidget):
            area = dock.widget()
            inner = area.widget() if isinstance(area, QScrollArea) else None
            if inner is None:
                continue
            base = self._dock_widths.setdefault(dock.objectName(), dock.minimumWidth())
            if not self._presentation:
                dock.setMinimumWidth(base)
                continue
            need = inner.minimumSizeHint().width() + bar + 4
            # on a small screen (a 1280x720 projector) the docks keep their width and scroll:
            # wider docks would push the window past the screen's edge
            cap = max(base, int(width * DOCK_SHARE)) if width >= 1600 else base
            dock.setMinimumWidth(max(base, min(cap, need)))

    def _screen_height(self) -> int:
        """Logical pixels of the window's screen (2160 on a 4K display at 100 %)."""
        screen = self.window.screen() or QApplication.primaryScreen()
        return screen.geometry().height() if screen is not None else 0

    def _scale_run_status(self, scale: float) -> None:
        """The toolbar's epoch counter has its own (larger, bold) font: scale it too."""
        status = getattr(self.window, "run_status", None)
        counter = getattr(status, "counter", None)
        if counter is None:
            return
        if self._run_status_pt is None:
            self._run_status_pt = counter.font().pointSizeF()
        if self._run_status_pt > 0:
            f = QFont(counter.font())
            f.setPointSizeF(self._run_status_pt * scale)
            counter.setFont(f)
            counter.setMinimumWidth(counter.fontMetrics().horizontalAdvance("epoch 99,999 / 99,999 · step 999,999"))
