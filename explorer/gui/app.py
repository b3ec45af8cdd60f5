"""Start the GUI: the application, the asyncio (qasync) loop, the window, then the trainer.

Order matters for what a person sees: the window is shown and painted first
(Qt and pyqtgraph alone paint in well under a second); only then is the
trainer started, whose torch import and first optimiser take seconds more.
On the way out the window is closed (stopping the trainer and saving
settings), deleted and the deletion processed before returning: leaving the
interpreter with a window still alive segfaulted here.
"""
from __future__ import annotations

import asyncio
import os
import signal
import sys
from pathlib import Path
from typing import Optional

from PySide6.QtCore import QCoreApplication, QEvent, QLocale, QTimer, QTranslator
from PySide6.QtWidgets import QApplication

from explorer import __version__
from explorer.core.errors import ConfigError, ExplorerError

SMOKE_ENV = "EXPLORER_SMOKE_EXIT_AFTER_MS"


def translations_dir() -> Path:
    try:
        from explorer.core.resources import resources_dir
        return Path(resources_dir()) / "translations"
    except ImportError:
        return Path(__file__).resolve().parents[2] / "resources" / "translations"


def install_translator(app: QCoreApplication, lang: Optional[str]) -> Optional[QTranslator]:
    """Install resources/translations/explorer_<lang>.qm when it exists (None otherwise)."""
    if not lang or lang.lower().startswith("en"):
        return None
    folder = translations_dir()
    for name in (f"explorer_{lang}.qm", f"explorer_{lang.split('_')[0]}.qm"):
        path = folder / name
        if path.is_file():
            translator = QTranslator(app)
            if translator.load(str(path)):
                app.installTranslator(translator)
                QLocale.setDefault(QLocale(lang))
                return translator
    return None


def _initial_experiment(preset: Optional[str], experiment_path: Optional[str], settings) -> tuple:
    """(experiment, problem or None): the asked-for one, else the last one, else the default preset."""
    from explorer.core.config import load_experiment, parse_experiment
    from explorer.core.presets import DEFAULT_PRESET, load_preset

    problem = None
    try:
        if experiment_path:
            return load_experiment(experiment_path), None
        if preset:
            return load_preset(preset), None
    except ExplorerError as exc:
        detail = "; ".join(exc.problems) if isinstance(exc, ConfigError) else str(exc)
        what = experiment_path or preset
        problem = QCoreApplication.translate("app", "Could not open {0}: {1}. Showing the default preset "
                                             "instead.").format(what, detail)
        return load_preset(DEFAULT_PRESET), problem
    last = settings.last_experiment_json
    if last:
        try:
            return parse_experiment(last, "json"), None
        except ExplorerError:
            pass
    return load_preset(DEFAULT_PRESET), None


def _configure_app(app: QApplication) -> None:
    app.setApplicationName("Regularization Explorer")
    app.setApplicationDisplayName("Regularization Explorer")
    app.setOrganizationName("regularization-explorer")
    app.setApplicationVersion(__version__)
    import pyqtgraph as pg

    pg.setConfigOptions(antialias=True, background="w", foreground="k")


def run_app(*, preset: Optional[str] = None, experiment_path: Optional[str] = None, play: bool = False,
            lang: Optional[str] = None, host_mode: str = "process") -> int:
    """Run the GUI until its window closes; returns the exit code."""
    import qasync

    from explorer.gui.host import TrainerHost
    from explorer.gui.main_window import MainWindow
    from explorer.gui.settings import Settings

    app = QApplication.instance() or QApplication(sys.argv[:1])
    _configure_app(app)
    settings = Settings()
    if lang:
        settings.language = lang
    install_translator(app, lang or settings.language)

    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    app_close = loop.create_future()

    def on_quit() -> None:
        if not app_close.done():
            app_close.set_result(0)

    app.aboutToQuit.connect(on_quit)

    experiment, problem = _initial_experiment(preset, experiment_path, settings)
    host = TrainerHost(mode=host_mode)
    window = MainWindow(host=host, experiment=experiment, settings=settings)
    host.setParent(window)
    window.show()
    if problem:
        window.show_error(problem)
    # The trainer starts after the first paint: its imports must not delay the window.
    QTimer.singleShot(0, lambda: window.start(play=play))

    smoke_ms = os.environ.get(SMOKE_ENV)
    if smoke_ms:
        try:
            QTimer.singleShot(max(0, int(smoke_ms)), window.close)
        except ValueError:
            pass
    previous_sigint = signal.signal(signal.SIGINT, lambda *_: QTimer.singleShot(0, window.close))
    # Python only runs signal handlers between bytecodes; a slow timer lets Ctrl+C through.
    wake = QTimer()
    wake.timeout.connect(lambda: None)
    wake.start(250)

    try:
        with loop:
            loop.run_until_complete(app_close)
    finally:
        wake.stop()
        signal.signal(signal.SIGINT, previous_sigint)
        window.close()  # idempotent: the trainer is stopped and settings saved once
        window.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        app.processEvents()
        asyncio.set_event_loop(None)
    return 0
