"""The user-interface language: English or Simplified Chinese, chosen at start and switched at run time.

Where the language comes from, first match wins:

1. ``--lang en|zh_CN`` on the command line (this start only, not remembered);
2. the language picked in View ▸ Language (remembered in the settings);
3. the system locale: ``QLocale.system().name()`` starting with "zh" gives zh_CN, anything else English.

``install_language(app, lang)`` installs our translator (resources/translations/explorer_<lang>.qm)
and Qt's own (qtbase_<lang>.qm, for the buttons of standard dialogs), and gives Chinese text a CJK
font (``apply_language_font``). ``switch_language(app, lang)`` does the same while windows are open:

* every fixed text of every open window (labels, buttons, menus, actions, tooltips, combo box
  items, tab titles, spin box suffixes, dock titles) is retranslated here, by looking the text
  shown now up in the message catalogue (explorer_en.ts lists every source text with its
  context) and showing the same message in the new language; so a label someone adds later is
  retranslated without more code;
* Qt then sends QEvent.LanguageChange to every widget: the main window, panels and views
  implement ``changeEvent`` -> ``retranslate()`` for what is built from state (the window title,
  Play/Pause, the lesson, plot titles and axis labels, live readouts). ``retranslated(text)``
  maps a text they kept from before the switch (a view's ``title``) to the new language.

Texts that come from explorer.core (ConfigError problems, trainer messages, checkpoint
errors) are messages there, an id with its values, translated where the window shows them
(core_messages.tr_message, context "CoreMessages"; what comes from outside our code, such as an
OS error's reason, stays English). User data (variant names, file names) and pyqtgraph's own plot context menus stay
as they are; the narration's sentences, also written in the core, are translated (they are
marked for lupdate in i18n_strings.py, which packaging/update_translations.sh generates).

After adding or changing a user-visible text: packaging/update_translations.sh (lupdate, then
lrelease), translate what it lists in resources/translations/explorer_zh_CN.ts, run it again;
tests/gui/test_translations.py fails while a text has no translation. lupdate reads self.tr("...")
and QCoreApplication.translate("Context", "...") with literal texts, not calls inside f-strings.
"""

from __future__ import annotations

import functools
import html
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any, Iterable, Optional

import tomllib
from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QObject, Qt, QTranslator
from PySide6.QtGui import QAction, QActionGroup, QFont, QFontDatabase, QFontInfo
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QDoubleSpinBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QSpinBox,
    QTabBar,
    QWidget,
)

from explorer.core.util import resources_dir

ENGLISH = "en"
CHINESE = "zh_CN"


# The name of each language in that language (the menu shows them untranslated, as is usual).
class FollowsLanguage:
    """Mixin for a widget (listed before its Qt class): `retranslate()` runs on every
    LanguageChange, after Qt's own handling of the event."""

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)  # type: ignore[misc]
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()

    def retranslate(self) -> None:
        raise NotImplementedError


LANGUAGES: dict[str, str] = {ENGLISH: "English", CHINESE: "简体中文"}
# Families with Simplified Chinese glyphs, best first (Linux, Adobe's name for it, older Linux,
# Windows, macOS).
CJK_FAMILIES = ("Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "Microsoft YaHei", "PingFang SC")
BASE_FONT_PROPERTY = "explorer_base_font"  # theme.base_font() keeps the unscaled font here

_state: dict[str, Any] = {"lang": ENGLISH, "translators": [], "reverse": {}, "families": None}


# --- where the files are ---------------------------------------------------------------------------


def translations_dir() -> Path:
    """resources/translations (in the source tree, an installed package or a PyInstaller bundle)."""
    return resources_dir() / "translations"


def qt_translations_dirs() -> list[Path]:
    """Where Qt's own .qm files may be: Qt's configured path, then PySide6's wheel folder."""
    dirs = [Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))]
    try:
        import PySide6

        dirs.append(Path(PySide6.__file__).resolve().parent / "Qt" / "translations")
    except (ImportError, TypeError):  # pragma: no cover
        pass
    return [d for d in dirs if d.is_dir()]


def normalize(lang: Optional[str]) -> Optional[str]:
    """ "zh", "zh_CN", "zh-Hans-CN", "zh_SG" -> "zh_CN"; "en", "en_US", "C" -> "en"; None/"" -> None."""
    if not lang:
        return None
    text = str(lang).strip().replace("-", "_")
    low = text.lower()
    if low.startswith("zh"):
        return CHINESE
    if low.startswith("en") or low in ("c", "posix"):
        return ENGLISH
    return text if text in LANGUAGES else None


def available_languages() -> list[str]:
    """The languages this installation can show: English always, the others when their .qm is there."""
    folder = translations_dir()
    return [lang for lang in LANGUAGES if lang == ENGLISH or (folder / f"explorer_{lang}.qm").is_file()]


def system_language() -> str:
    """The language of the system locale: zh_CN for any Chinese locale, else English."""
    return CHINESE if QLocale.system().name().lower().startswith("zh") else ENGLISH


def resolve_language(override: Optional[str] = None, remembered: Optional[str] = None) -> str:
    """--lang, else the remembered menu choice, else the system locale (each only if it can be shown)."""
    available = available_languages()
    for candidate in (normalize(override), normalize(remembered), system_language()):
        if candidate in available:
            return candidate
    return ENGLISH


def current_language() -> str:
    """The language installed now ("en" until install_language is called)."""
    return str(_state["lang"])


def translators() -> list[QTranslator]:
    """The translators install_language installed, ours first (Qt's own after it)."""
    return list(_state["translators"])


def is_chinese(lang: Optional[str] = None) -> bool:
    return (normalize(lang if lang is not None else current_language()) or "") == CHINESE


# --- installing ----------------------------------------------------------------------------------


def install_language(app: QCoreApplication, lang: Optional[str]) -> str:
    """Install `lang` (normalized; English when it cannot be shown) and return it.

    Our translator, then Qt's qtbase_<lang>.qm for standard buttons and dialogs (when PySide6 ships
    it); any translator installed here before is removed first. English installs explorer_en.qm too
    (its translations equal the sources), so English is a complete catalogue like any other."""
    lang = normalize(lang) or ENGLISH
    if lang not in available_languages():
        lang = ENGLISH
    for translator in _state["translators"]:
        app.removeTranslator(translator)
        translator.deleteLater()
    _state["translators"] = []
    ours = QTranslator(app)
    if ours.load(str(translations_dir() / f"explorer_{lang}.qm")):
        app.installTranslator(ours)
        _state["translators"].append(ours)
    if lang != ENGLISH:
        for folder in qt_translations_dirs():
            qt = QTranslator(app)
            if qt.load(f"qtbase_{lang}", str(folder)):
                app.installTranslator(qt)
                _state["translators"].append(qt)
                break
    _state["lang"] = lang
    QLocale.setDefault(QLocale(lang))
    if isinstance(app, QApplication):
        apply_language_font(app, lang)
    return lang


def switch_language(app: QCoreApplication, lang: str, settings: Any = None) -> str:
    """Change the language while windows are open (View ▸ Language) and remember it in `settings`.

    Fixed texts of every open window are retranslated at once (see the module docstring); the
    widgets' own changeEvent handlers follow when Qt delivers QEvent.LanguageChange."""
    before = _reverse_catalogue()
    lang = install_language(app, lang)
    _state["reverse"] = before
    if isinstance(app, QApplication):
        for top in app.topLevelWidgets():
            retranslate_texts(top)
    if settings is not None:
        settings.language = lang
        settings.save()
    return lang


# --- fonts ------------------------------------------------------------------------------------------


def cjk_family(families: Optional[Iterable[str]] = None) -> Optional[str]:
    """The first installed family of CJK_FAMILIES, or None."""
    installed = set(QFontDatabase.families() if families is None else families)
    return next((f for f in CJK_FAMILIES if f in installed), None)


def has_chinese_glyphs(family: str) -> bool:
    return QFontDatabase.WritingSystem.SimplifiedChinese in QFontDatabase.writingSystems(family)


def apply_language_font(app: QApplication, lang: str) -> Optional[str]:
    """Chinese: put a Simplified Chinese family behind the application font (Latin text keeps the
    default face, Han characters come from the CJK one, not from whatever fontconfig picks first,
    often the Japanese variant). English: the families as they were. Returns the CJK family used."""
    font = app.font()
    if _state["families"] is None:
        _state["families"] = list(font.families()) or [font.family()]
    original: list[str] = _state["families"]
    families = list(original)
    chosen = None
    if is_chinese(lang):
        primary = QFontInfo(font).family()
        if not has_chinese_glyphs(primary):
            chosen = cjk_family()
            if chosen is not None:
                families = [f for f in original if f != chosen] + [chosen]
    if list(font.families()) != families:
        font.setFamilies(families)
        app.setFont(font)
    base = app.property(BASE_FONT_PROPERTY)  # theme.Looks scales this one for presentation mode
    if isinstance(base, QFont) and list(base.families()) != families:
        base.setFamilies(families)
        app.setProperty(BASE_FONT_PROPERTY, base)
    return chosen


# --- presets and lessons ------------------------------------------------------------------------


def localized_meta(meta: Any, field: str, lang: Optional[str] = None) -> str:
    """meta.<field>_zh in Chinese when it is filled in, else meta.<field> (title, description, lesson)."""
    if is_chinese(lang):
        text = getattr(meta, f"{field}_zh", "") or ""
        if text.strip():
            return text
    return getattr(meta, field, "") or ""


@functools.lru_cache(maxsize=64)
def _preset_meta(path: str, mtime: float) -> dict:
    try:
        with open(path, "rb") as fh:
            meta = tomllib.load(fh).get("meta", {})
    except (OSError, tomllib.TOMLDecodeError):
        return {}
    return meta if isinstance(meta, dict) else {}


def preset_texts(info: Any, lang: Optional[str] = None) -> tuple[str, str]:
    """(title, description) of a preset (explorer.core.config._presets.PresetInfo) for the menu, in `lang`."""
    title, description = info.title, info.description
    if is_chinese(lang):
        path = Path(info.path)
        try:
            meta = _preset_meta(str(path), path.stat().st_mtime)
        except OSError:
            meta = {}
        title = str(meta.get("title_zh") or "").strip() or title
        description = str(meta.get("description_zh") or "").strip() or description
    return title, description


def layer_label(name: str) -> str:
    """A Linear layer's name from the snapshot ("layer 2", "output", written by explorer.core) as shown."""
    match = re.fullmatch(r"layer (\d+)", name)
    if match:
        return QCoreApplication.translate("Layers", "layer {0}").format(match.group(1))
    if name == "output":
        return QCoreApplication.translate("Layers", "output layer")
    return name


# --- retranslating what is on screen ---------------------------------------------------------------


@functools.lru_cache(maxsize=4)
def _catalogue_at(path: str, mtime: float) -> tuple[tuple[str, str], ...]:
    root = ET.parse(path).getroot()
    out = []
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            if message.get("numerus") == "yes":
                continue
            source = message.findtext("source")
            if source:
                out.append((name, source))
    return tuple(out)


def catalogue() -> tuple[tuple[str, str], ...]:
    """Every (context, source text) pair the application translates, read from explorer_en.ts."""
    path = translations_dir() / "explorer_en.ts"
    try:
        return _catalogue_at(str(path), path.stat().st_mtime)
    except (OSError, ET.ParseError):
        return ()


def _reverse_catalogue() -> dict[str, list[tuple[str, str]]]:
    """Text as shown in the language installed now -> the (context, source) pairs it translates."""
    reverse: dict[str, list[tuple[str, str]]] = {}
    for context, source in catalogue():
        shown = QCoreApplication.translate(context, source)
        reverse.setdefault(shown, []).append((context, source))
        if shown != source:  # a text kept from an English start, or an untranslated one
            reverse.setdefault(source, []).append((context, source))
    return reverse


def _lookup(text: str, hints: tuple[str, ...]) -> Optional[str]:
    found = _state["reverse"].get(text)
    if not found:
        return None
    context, source = next((c for c in found if c[0] in hints), found[0])
    return QCoreApplication.translate(context, source)


_TAG = re.compile(r"(<[^>]*>)")
_LEAD = re.compile(r"^([^\w(\[{\"'“‘]+)(.+)$", re.S)  # "🔒 Locked…", "▶ Play"
_TRAIL = re.compile(r"^(.+?)(\s+[^\w\s)\]}.…!?:;,]+)$", re.S)  # "L1 λ ≠"


def retranslated(text: str, hints: Iterable[str] = ()) -> str:
    """`text` as shown before the last switch_language, in the language installed now.

    A text that is not one message (user data, numbers, a sentence built from values) comes back
    unchanged; rich text is mapped piece by piece between its tags, several lines line by line,
    and a text with a symbol before or after a message (a lock, a ≠ mark) keeps the symbol."""
    if not text or not _state["reverse"]:
        return text
    hints = tuple(hints)
    hit = _lookup(text, hints)
    if hit is not None:
        return hit
    if "<" in text and Qt.mightBeRichText(text):
        return "".join(part if part.startswith("<") else _retranslate_html(part, hints) for part in _TAG.split(text))
    if "\n" in text:
        return "\n".join(retranslated(line, hints) for line in text.split("\n"))
    lead = _LEAD.match(text)
    if lead and lead.group(2) != text:
        inner = _lookup(lead.group(2), hints)
        if inner is not None:
            return lead.group(1) + inner
    trail = _TRAIL.match(text)
    if trail:
        inner = _lookup(trail.group(1), hints)
        if inner is not None:
            return inner + trail.group(2)
    return text


def _retranslate_html(fragment: str, hints: tuple[str, ...]) -> str:
    plain = html.unescape(fragment)
    core = plain.strip()
    if not core:
        return fragment
    new = _lookup(core, hints)
    if new is None:
        return fragment
    start = plain.index(core)
    return html.escape(plain[:start] + new + plain[start + len(core) :], quote=False)


def _hints(obj: QObject) -> tuple[str, ...]:
    """Class names of the object and its parents: the likely contexts of its texts."""
    names: list[str] = []
    node: Optional[QObject] = obj
    while node is not None and len(names) < 40:
        names.extend(cls.__name__ for cls in type(node).__mro__[:3])
        node = node.parent()
    return tuple(names)


def _set_if_changed(getter, setter, hints: tuple[str, ...]) -> None:
    old = getter()
    if old:
        new = retranslated(old, hints)
        if new != old:
            setter(new)


def _retranslate_action(action: QAction, hints: tuple[str, ...]) -> None:
    text = action.text()
    implicit_tip = action.toolTip() == _plain_action_text(text)
    _set_if_changed(action.text, action.setText, hints)
    if not implicit_tip:
        _set_if_changed(action.toolTip, action.setToolTip, hints)
    _set_if_changed(action.statusTip, action.setStatusTip, hints)
    _set_if_changed(action.whatsThis, action.setWhatsThis, hints)


def _plain_action_text(text: str) -> str:
    """What QAction.toolTip() returns when no tooltip was set: the text without mnemonics or '…'."""
    out = re.sub(r"&(.)", r"\1", text)
    return out[:-3] if out.endswith("...") else out


def _retranslate_widget(w: QWidget) -> None:
    hints = _hints(w)
    _set_if_changed(w.toolTip, w.setToolTip, hints)
    _set_if_changed(w.statusTip, w.setStatusTip, hints)
    _set_if_changed(w.whatsThis, w.setWhatsThis, hints)
    _set_if_changed(w.windowTitle, w.setWindowTitle, hints)
    if isinstance(w, QLabel):
        _set_if_changed(w.text, w.setText, hints)
    elif isinstance(w, QAbstractButton):
        _set_if_changed(w.text, w.setText, hints)
    elif isinstance(w, QGroupBox):
        _set_if_changed(w.title, w.setTitle, hints)
    elif isinstance(w, QLineEdit):
        _set_if_changed(w.placeholderText, w.setPlaceholderText, hints)
    elif isinstance(w, (QSpinBox, QDoubleSpinBox)):
        _set_if_changed(w.prefix, w.setPrefix, hints)
        _set_if_changed(w.suffix, w.setSuffix, hints)
        _set_if_changed(w.specialValueText, w.setSpecialValueText, hints)
    elif isinstance(w, QComboBox):
        blocked = w.blockSignals(True)
        try:
            for i in range(w.count()):
                _set_if_changed(lambda i=i: w.itemText(i), lambda t, i=i: w.setItemText(i, t), hints)
                tip = w.itemData(i, Qt.ItemDataRole.ToolTipRole)
                if isinstance(tip, str) and tip:
                    new = retranslated(tip, hints)
                    if new != tip:
                        w.setItemData(i, new, Qt.ItemDataRole.ToolTipRole)
        finally:
            w.blockSignals(blocked)
        _set_if_changed(w.placeholderText, w.setPlaceholderText, hints)
    elif isinstance(w, QTabBar):
        for i in range(w.count()):
            _set_if_changed(lambda i=i: w.tabText(i), lambda t, i=i: w.setTabText(i, t), hints)
            _set_if_changed(lambda i=i: w.tabToolTip(i), lambda t, i=i: w.setTabToolTip(i, t), hints)
    elif isinstance(w, QMenu):
        _set_if_changed(w.title, w.setTitle, hints)


def retranslate_texts(root: QWidget) -> None:
    """Retranslate the fixed texts of `root`, its child widgets and all their actions and menus."""
    widgets = [root, *root.findChildren(QWidget)]
    actions: dict[int, QAction] = {}
    for w in widgets:
        for action in w.actions():
            actions[id(action)] = action
    for action in root.findChildren(QAction):
        actions[id(action)] = action
    for w in widgets:
        _retranslate_widget(w)
    for action in actions.values():
        parent = action.parent()
        _retranslate_action(action, _hints(parent) if parent is not None else ())


# --- the View ▸ Language menu ---------------------------------------------------------------------


class LanguageMenu(QObject):
    """View ▸ Language: English / 简体中文, switched at once and remembered in the window's settings."""

    def __init__(self, window: QWidget, menu: Optional[QMenu] = None) -> None:
        super().__init__(window)
        self.window = window
        parent_menu = menu if menu is not None else getattr(window, "view_menu", None)
        if parent_menu is None:
            parent_menu = window.menuBar().addMenu(self.tr("&View"))  # type: ignore[attr-defined]
        parent_menu.addSeparator()
        self.menu = parent_menu.addMenu(self.tr("&Language"))
        self.menu.setObjectName("menu_language")
        self.group = QActionGroup(self)
        self.group.setExclusive(True)
        self.actions: dict[str, QAction] = {}
        for lang in available_languages():
            action = QAction(LANGUAGES[lang], self.menu)
            action.setCheckable(True)
            action.setData(lang)
            action.triggered.connect(lambda _=False, code=lang: self.choose(code))
            self.group.addAction(action)
            self.menu.addAction(action)
            self.actions[lang] = action
        self.sync()

    def sync(self) -> None:
        action = self.actions.get(current_language())
        if action is not None and not action.isChecked():
            action.setChecked(True)

    def choose(self, lang: str) -> None:
        """Switch to `lang` now and remember it (the menu's action)."""
        app = QApplication.instance()
        if app is not None and lang != current_language():
            switch_language(app, lang, getattr(self.window, "settings", None))
        self.sync()
