"""English and Simplified Chinese: complete catalogues, placeholders kept, fresh .qm files, no string
lupdate finds that the catalogues lack, run-time switching of the open window, Chinese lessons."""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import pytest
import tomllib

pytest.importorskip("PySide6")

from PySide6.QtWidgets import QApplication

from explorer.core.config import Experiment

REPO = Path(__file__).resolve().parents[2]
GUI = REPO / "explorer" / "gui"
TRANSLATIONS = REPO / "resources" / "translations"
PRESETS = REPO / "resources" / "presets"
LANGS = ("en", "zh_CN")
# contexts given by name in QCoreApplication.translate("Context", ...) rather than by a class
EXPLICIT_CONTEXTS = {
    "app",
    "Classroom",
    "ClassNames",
    "CoreMessages",
    "HelpDialogs",
    "Layers",
    "Tooltips",
    "Narrator",
    "SettingsNotes",
    "SweepFields",
}
PLACEHOLDER = re.compile(r"\{[^{}]*\}|%n|%L?\d+|<[^<>]+>")
HAN = re.compile(r"[\u4e00-\u9fff]")


def ts_path(lang: str) -> Path:
    return TRANSLATIONS / f"explorer_{lang}.ts"


def messages(path: Path) -> list[tuple[str, str, ET.Element]]:
    """(context, source, <translation> element) for every message of a .ts file."""
    out = []
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            out.append((name, message.findtext("source") or "", message.find("translation")))
    return out


def translation_texts(element: ET.Element) -> list[str]:
    forms = element.findall("numerusform")
    return [f.text or "" for f in forms] if forms else [element.text or ""]


def find_lupdate() -> str | None:
    for candidate in (REPO / ".venv" / "bin" / "pyside6-lupdate", shutil.which("pyside6-lupdate")):
        if candidate and Path(candidate).exists():
            return str(candidate)
    return None


# -- the catalogues -----------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_every_message_is_translated_and_finished(lang):
    path = ts_path(lang)
    assert path.is_file(), f"{path} is missing: run packaging/update_translations.sh"
    items = messages(path)
    assert len(items) > 300
    problems = []
    for context, source, translation in items:
        kind = translation.get("type")
        if kind in ("unfinished", "vanished", "obsolete"):
            problems.append(f"[{context}] {source!r}: {kind}")
        elif not all(t.strip() for t in translation_texts(translation)):
            problems.append(f"[{context}] {source!r}: empty translation")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("lang", LANGS)
def test_placeholders_and_markup_are_kept(lang):
    problems = []
    for context, source, translation in messages(ts_path(lang)):
        want = Counter(PLACEHOLDER.findall(source))
        for text in translation_texts(translation):
            got = Counter(PLACEHOLDER.findall(text))
            if got != want:
                problems.append(f"[{context}] {source!r} -> {text!r}: {dict(want)} != {dict(got)}")
            if source.count("\n") != text.count("\n"):
                problems.append(f"[{context}] {source!r} -> {text!r}: line breaks differ")
    assert not problems, "\n".join(problems)


def test_english_catalogue_is_the_source_text():
    for context, source, translation in messages(ts_path("en")):
        assert translation_texts(translation) and all(t == source for t in translation_texts(translation)), (
            context,
            source,
        )


def test_chinese_catalogue_is_chinese():
    items = messages(ts_path("zh_CN"))
    chinese = [s for _, s, t in items if HAN.search(" ".join(translation_texts(t)))]
    assert len(chinese) > 0.8 * len(items)  # the rest are formulas, units and names (L1 λ, SGD, x₁)
    assert {s for c, s, _ in messages(ts_path("en"))} == {s for c, s, _ in items}


@pytest.mark.parametrize("lang", LANGS)
def test_compiled_catalogues_are_current(lang, tmp_path):
    ts, qm = ts_path(lang), TRANSLATIONS / f"explorer_{lang}.qm"
    assert qm.is_file(), f"{qm} is missing: run packaging/update_translations.sh"
    assert qm.stat().st_size > 1000
    # A clone does not keep file times: compare with a fresh compile of the .ts instead.
    lupdate = find_lupdate()
    lrelease = None if lupdate is None else Path(str(lupdate).replace("lupdate", "lrelease"))
    if lrelease is None or not lrelease.exists():
        pytest.skip("pyside6-lrelease not found (PySide6's tools are needed to compile the catalogues)")
    fresh = tmp_path / "fresh.qm"
    subprocess.run([str(lrelease), "-silent", str(ts), "-qm", str(fresh)], check=True, timeout=120)
    assert fresh.read_bytes() == qm.read_bytes(), f"{qm} does not match {ts}: run packaging/update_translations.sh"


def test_lupdate_finds_no_text_the_catalogues_lack(tmp_path):
    """A text added to explorer/gui without running packaging/update_translations.sh (and translating
    it) fails here, with the texts named."""
    lupdate = find_lupdate()
    if lupdate is None:
        pytest.skip("pyside6-lupdate not found (PySide6's tools are needed to extract the texts)")
    fresh = tmp_path / "fresh.ts"
    sources = sorted(str(p) for p in GUI.rglob("*.py"))
    proc = subprocess.run(
        [lupdate, *sources, "-ts", str(fresh), "-no-obsolete", "-locations", "none"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    found = {(c, s) for c, s, _ in messages(fresh)}
    for lang in LANGS:
        known = {(c, s) for c, s, _ in messages(ts_path(lang))}
        missing = sorted(found - known)
        assert not missing, (
            f"{len(missing)} text(s) have no {lang} translation; run "
            f"packaging/update_translations.sh and translate them:\n" + "\n".join(f"  [{c}] {s}" for c, s in missing)
        )


def test_narrator_sentences_are_in_the_catalogue():
    """The narration's sentences are written in explorer.core; i18n_strings.py marks them for lupdate."""
    from explorer.core.session import TEMPLATES

    known = {s for c, s, _ in messages(ts_path("zh_CN")) if c == "Narrator"}
    missing = [t for t in TEMPLATES.values() if t not in known]
    assert not missing, f"run packaging/update_translations.sh: {missing}"


def test_contexts_match_what_the_app_looks_up():
    """self.tr() looks texts up under the class's name, so a catalogue context must be a class of
    explorer/gui or a context named in QCoreApplication.translate(); and x.tr() with x not self puts
    the text in context "x" for lupdate but in x's class at run time (never found)."""
    classes, wrong = set(), []
    for path in GUI.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef):
                classes.add(node.name)
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "tr"
                and not (isinstance(node.func.value, ast.Name) and node.func.value.id in ("self", "cls"))
            ):
                wrong.append(f"{path.relative_to(REPO)}:{node.lineno}")
    assert not wrong, "tr() on another object (use QCoreApplication.translate with a context): " + ", ".join(wrong)
    hidden = []
    for path in GUI.rglob("*.py"):
        for joined in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(joined, ast.JoinedStr):
                hidden += [
                    f"{path.relative_to(REPO)}:{n.lineno}"
                    for n in ast.walk(joined)
                    if isinstance(n, ast.Call)
                    and getattr(n.func, "attr", getattr(n.func, "id", "")) in ("tr", "translate")
                ]
    assert not hidden, "tr() inside an f-string, which lupdate does not read: " + ", ".join(hidden)
    contexts = {c for c, _, _ in messages(ts_path("en"))}
    assert contexts - classes - EXPLICIT_CONTEXTS == set()


# -- presets --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", sorted(PRESETS.glob("*.toml")), ids=lambda p: p.stem)
def test_every_preset_has_its_chinese_texts(path):
    meta = tomllib.loads(path.read_text(encoding="utf-8"))["meta"]
    for field in ("title", "description", "lesson"):
        zh = meta.get(f"{field}_zh", "")
        assert zh.strip() and HAN.search(zh), f"{path.name}: meta.{field}_zh is empty"
    # the formulas and numbers of the lesson are kept
    numbers = set(re.findall(r"\d+(?:\.\d+)?", meta["lesson"]))
    missing = {n for n in numbers if n not in meta["lesson_zh"]}
    assert not missing, f"{path.name}: lesson_zh lacks {missing}"


# -- at run time ------------------------------------------------------------------------------------


@pytest.fixture
def restore_english(qapp):
    from explorer.gui import i18n

    yield
    i18n.switch_language(qapp, "en")
    i18n.install_language(qapp, "en")


def small_experiment() -> Experiment:
    return Experiment.model_validate(
        {
            "meta": {
                "title": "Tiny",
                "title_zh": "小实验",
                "lesson": "Watch the losses.",
                "lesson_zh": "观察损失曲线。",
            },
            "dataset": {"kind": "linear", "n_train": 10, "n_val": 10, "n_test": 10, "noise": 0.5},
            "network": {"layers": [{"width": 16, "dropout_p": 0.2}, {"width": 16}]},
            "optimizer": {"kind": "sgd", "lr": 0.01},
            "training": {"epochs": 1000, "eval_every": 5, "seed": 0, "device": "cpu"},
            "variants": [
                {"name": "plain", "set": {"regularization.l2_lambda": 0.0}},
                {"name": "L2", "set": {"regularization.l2_lambda": 0.01}},
            ],
        }
    )


@pytest.fixture
def window(qtbot, restore_english):
    from explorer.gui.host import TrainerHost
    from explorer.gui.main_window import MainWindow
    from tests.gui.fake_snapshot import make_snapshot

    win = MainWindow(host=TrainerHost(mode="thread"), experiment=small_experiment())
    win.resize(1280, 720)
    win.show()
    qtbot.waitExposed(win)
    win._on_snapshot(make_snapshot("regression", n_variants=2))
    win.paint_latest()
    yield win
    win.close()
    win.host.shutdown()
    win.deleteLater()


def visible_english(win) -> list[str]:
    """Fixed texts of the window still showing an English source whose Chinese translation differs."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractSpinBox,
        QComboBox,
        QLabel,
        QLineEdit,
        QMenu,
        QTabBar,
        QWidget,
    )

    from explorer.gui import i18n

    english = {
        s
        for c, s in i18n.catalogue()
        if QCoreApplication.translate(c, s) != s and HAN.search(QCoreApplication.translate(c, s))
    }
    left = []
    for w in [win, *win.findChildren(QWidget)]:
        texts = [w.toolTip(), w.windowTitle()]
        if isinstance(w, (QLabel, QAbstractButton)):
            texts.append(w.text())
        if isinstance(w, QComboBox):
            texts += [w.itemText(i) for i in range(w.count())]
        if isinstance(w, QTabBar):
            texts += [w.tabText(i) for i in range(w.count())]
        if isinstance(w, QMenu):
            texts.append(w.title())
        if isinstance(w, QLineEdit):
            texts.append(w.placeholderText())
        if isinstance(w, QAbstractSpinBox) and hasattr(w, "suffix"):
            texts += [w.suffix(), w.specialValueText()]
        left += [t for t in texts if t in english]
    for action in win.findChildren(QAction):
        if type(action.parent()).__module__.startswith("pyqtgraph"):
            continue  # pyqtgraph's own plot menus: English only
        left += [t for t in (action.text(), action.toolTip()) if t in english]
    return left


def test_switching_language_retranslates_the_open_window(window, qapp, qtbot):
    from explorer.gui import i18n

    assert window.play_action.text() == "Play"
    assert window.network_dock.windowTitle() == "Network"
    assert window.regularization_panel.penalty_box.title() == "Weight penalties"
    loss = window.dashboard.views()["loss"]
    assert loss.title == "Loss"

    i18n.switch_language(qapp, "zh_CN", window.settings)
    qtbot.waitUntil(lambda: window.run_status.counter.text().startswith("第"), timeout=5000)
    assert i18n.current_language() == "zh_CN"
    assert window.play_action.text() == "播放"
    assert window.step_action.toolTip() == "执行一步优化，然后暂停（S）"
    assert window.network_dock.windowTitle() == "网络"
    assert window.regularization_panel.penalty_box.title() == "权重惩罚"
    assert window.file_menu.title() == "文件(&F)"
    assert loss.title == "损失"
    assert window.dashboard.tabs.tabText(0) == "直方图"
    assert window.view_actions["loss"].text() == "损失"
    assert window.data_panel.dataset_kind.itemText(0) == "直线 y = 1.5x + 噪声"
    assert window.regularization_panel.variant_combo.itemText(0) == "所有变体"
    assert window.windowTitle() == "小实验"
    assert "观察损失曲线" in window.lesson_panel.plain_text()
    assert window.settings.language == "zh_CN"  # remembered
    assert window.language_menu.actions["zh_CN"].isChecked()
    assert "轮次" in loss.loss_plot.getAxis("bottom").labelText
    left = visible_english(window)
    assert not left, left

    i18n.switch_language(qapp, "en", window.settings)
    qtbot.waitUntil(lambda: window.run_status.counter.text().startswith("epoch"), timeout=5000)
    assert window.play_action.text() == "Play"
    assert window.network_dock.windowTitle() == "Network"
    assert window.regularization_panel.penalty_box.title() == "Weight penalties"
    assert window.file_menu.title() == "&File"
    assert loss.title == "Loss"
    assert window.windowTitle() == "Tiny"  # Qt appends the application's display name itself
    assert "Watch the losses" in window.lesson_panel.plain_text()
    assert window.settings.language == "en"


def test_the_language_menu_switches(window, qapp, qtbot):
    window.language_menu.actions["zh_CN"].trigger()
    qtbot.waitUntil(lambda: window.play_action.text() == "播放", timeout=5000)
    window._on_state("running")
    assert window.play_action.text() == "暂停"
    window.language_menu.actions["en"].trigger()
    qtbot.waitUntil(lambda: window.play_action.text() == "Pause", timeout=5000)


def test_chinese_at_start_shows_chinese_lesson_and_preset_titles(qtbot, qapp, restore_english):
    from explorer.core.config import load_preset
    from explorer.gui import i18n
    from explorer.gui.host import TrainerHost
    from explorer.gui.main_window import MainWindow

    assert i18n.install_language(qapp, "zh_CN") == "zh_CN"
    win = MainWindow(host=TrainerHost(mode="thread"), experiment=load_preset("dropout-regression"))
    try:
        meta = load_preset("dropout-regression").meta
        assert meta.lesson_zh.strip()
        text = win.lesson_panel.plain_text()
        assert meta.title_zh in text
        assert meta.lesson_zh.split("\n")[0].strip()[:20] in text
        assert "What to watch" not in text
        titles = [a.text() for a in win.preset_menu.actions()]
        assert all(HAN.search(t) for t in titles), titles
    finally:
        win.close()
        win.host.shutdown()
        win.deleteLater()


def test_qt_own_texts_follow(qapp, restore_english):
    """Qt's qtbase_zh_CN.qm comes along: standard dialog buttons read 关闭 / 取消."""
    from PySide6.QtCore import QCoreApplication

    from explorer.gui import i18n

    if not any((d / "qtbase_zh_CN.qm").is_file() for d in i18n.qt_translations_dirs()):
        pytest.skip("this PySide6 ships no qtbase_zh_CN.qm")
    i18n.install_language(qapp, "zh_CN")
    assert len(i18n.translators()) == 2
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"
    i18n.install_language(qapp, "en")
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"


def test_chinese_font_has_the_glyphs(qapp, restore_english):
    from PySide6.QtGui import QFont, QTextLayout

    from explorer.gui import i18n

    i18n.install_language(qapp, "zh_CN")
    family = i18n.cjk_family()
    if family is None:
        pytest.skip("no CJK font installed")
    layout = QTextLayout("过拟合与正则化", QFont())
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    used = {run.rawFont().familyName() for run in layout.glyphRuns()}
    assert used == {family}, used
    i18n.install_language(qapp, "en")
    assert family not in QApplication.font().families()


def test_language_choice(monkeypatch):
    from PySide6.QtCore import QLocale

    from explorer.gui import i18n

    assert i18n.normalize("zh") == i18n.normalize("zh-Hans-CN") == "zh_CN"
    assert i18n.normalize("en_US") == "en"
    assert set(i18n.available_languages()) == {"en", "zh_CN"}
    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: QLocale("zh_CN")))
    assert i18n.system_language() == "zh_CN"
    assert i18n.resolve_language(None, None) == "zh_CN"  # the system locale
    assert i18n.resolve_language(None, "en") == "en"  # the menu choice, remembered
    assert i18n.resolve_language("zh_CN", "en") == "zh_CN"  # --lang, this start only
    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: QLocale("de_DE")))
    assert i18n.resolve_language(None, None) == "en"


def test_retranslated_keeps_marks_and_markup(qapp, restore_english):
    from explorer.gui import i18n

    i18n.switch_language(qapp, "zh_CN")
    assert i18n.retranslated("Weight penalties") == "权重惩罚"
    assert i18n.retranslated("<b>neurons</b>") == "<b>神经元</b>"
    assert i18n.retranslated("L1 λ ≠") == "L1 λ ≠"
    assert i18n.retranslated("weight decay ≠") == "权重衰减 ≠"
    assert (
        i18n.retranslated("🔒 Locked in this exercise.\nRemove the selected variant.")
        == "🔒 本练习中已锁定。\n删除所选变体。"
    )
    assert i18n.retranslated("my variant") == "my variant"
    i18n.switch_language(qapp, "en")
    assert i18n.retranslated("权重惩罚") == "Weight penalties"


@pytest.mark.parametrize("delete", [False, True])
def test_a_language_switch_as_the_window_goes_away_raises_nothing(qtbot, qapp, restore_english, delete):
    """Found in CI: the language switched back while a closed window awaited deletion; the window's
    deferred readout refresh then ran on deleted labels (an exception in the event loop)."""
    from PySide6.QtCore import QCoreApplication, QEvent

    from explorer.gui import i18n
    from explorer.gui.host import TrainerHost
    from explorer.gui.main_window import MainWindow
    from tests.gui.fake_snapshot import make_snapshot

    win = MainWindow(host=TrainerHost(mode="thread"), experiment=small_experiment())
    win.show()
    qtbot.waitExposed(win)
    win._on_snapshot(make_snapshot("regression", n_variants=2))
    win.paint_latest()
    i18n.switch_language(qapp, "zh_CN")  # queues the readout refresh
    win.close()
    win.host.shutdown()
    if delete:
        win.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    qtbot.wait(50)  # pytest-qt fails the test on any exception in the loop
    if not delete:
        win.deleteLater()
