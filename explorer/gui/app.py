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
import time
from pathlib import Path
from typing import Optional

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, QTranslator
from PySide6.QtWidgets import QApplication

from explorer import __version__
from explorer.core.protocol import ExplorerError

SMOKE_ENV = "EXPLORER_SMOKE_EXIT_AFTER_MS"
CHECKPOINT_SUFFIXES = (".pt", ".pth")  # `python -m explorer FILE.pt` opens a checkpoint


def translations_dir() -> Path:
    from explorer.gui.i18n import translations_dir as folder

    return folder()


def install_translator(app: QCoreApplication, lang: Optional[str]) -> Optional[QTranslator]:
    """Install `lang` (explorer.gui.i18n.install_language: our .qm, Qt's qtbase .qm, a CJK font);
    returns our translator, or None when English without a catalogue is shown."""
    from explorer.gui import i18n

    i18n.install_language(app, lang)
    installed = i18n.translators()
    return installed[0] if installed else None


def _initial_experiment(preset: Optional[str], experiment_path: Optional[str], settings) -> tuple:
    """(experiment, problem or None): the asked-for one, else the last one, else the default preset."""
    from explorer.core.config import DEFAULT_PRESET, load_experiment, load_preset, parse_experiment

    problem = None
    try:
        if experiment_path:
            return load_experiment(experiment_path), None
        if preset:
            from explorer.core.data import prefer_cached_data

            return prefer_cached_data(load_preset(preset)), None
    except ExplorerError as exc:
        from explorer.gui.core_messages import tr_message

        detail = tr_message(exc.message)
        what = experiment_path or preset
        problem = QCoreApplication.translate(
            "app", "Could not open {0}: {1}. Showing the default preset instead."
        ).format(what, detail)
        return load_preset(DEFAULT_PRESET), problem
    last = settings.last_experiment_json
    if last:
        try:
            return parse_experiment(last, "json"), None
        except ExplorerError as exc:
            return load_preset(DEFAULT_PRESET), _kept_autosave(settings, last, exc)
    return load_preset(DEFAULT_PRESET), None


def _kept_autosave(settings, text: str, exc: ExplorerError) -> str:  # type: ignore[no-untyped-def]
    """The autosaved experiment could not be opened (truncated, a newer schema): keep it in a file of
    its own before the default preset's autosave replaces it, and say where (once, in the banner)."""
    from explorer.gui.core_messages import tr_message
    from explorer.gui.settings import keep_bad_file

    detail = tr_message(exc.message)
    if len(detail) > 300:
        detail = detail[:299] + "…"
    try:
        kept = keep_bad_file(settings.path.with_name("last-experiment.json"), text)
    except OSError as err:
        return QCoreApplication.translate(
            "app",
            "The experiment saved when the app last closed could not be opened ({0}), nor kept ({1}). "
            "Showing the default preset.",
        ).format(detail, err.strerror or err)
    return QCoreApplication.translate(
        "app",
        "The experiment saved when the app last closed could not be opened ({0}). It was kept as {1}; "
        "showing the default preset.",
    ).format(detail, str(kept))


def _configure_app(app: QApplication) -> None:
    app.setApplicationName("Regularization Explorer")
    app.setApplicationDisplayName("Regularization Explorer")
    app.setOrganizationName("regularization-explorer")
    app.setApplicationVersion(__version__)
    import pyqtgraph as pg

    pg.setConfigOptions(antialias=True, background="w", foreground="k")


TRACE_ENV = "EXPLORER_STARTUP_TRACE"


class _FirstPaint(QObject):
    """Prints when the window first paints and when training first runs (start-up benchmark)."""

    def __init__(self, window: QObject, host: QObject):
        super().__init__(window)
        self.painted = False
        self.trained = False
        window.installEventFilter(self)
        host.snapshotReady.connect(self._on_snapshot)  # type: ignore[attr-defined]

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if not self.painted and event.type() == QEvent.Type.Paint:
            self.painted = True
            print(f"startup: painted {time.time():.6f}", flush=True)
        return False

    def _on_snapshot(self, snap: object) -> None:
        if not self.trained and getattr(snap, "step", 0) > 0:
            self.trained = True
            print(f"startup: training {time.time():.6f}", flush=True)


def _trace_startup(window: QObject, host: QObject) -> None:
    window._startup_trace = _FirstPaint(window, host)  # type: ignore[attr-defined]


def run_app(
    *,
    preset: Optional[str] = None,
    experiment_path: Optional[str] = None,
    play: bool = False,
    lang: Optional[str] = None,
    host_mode: str = "process",
) -> int:
    """Run the GUI until its window closes; returns the exit code."""
    import qasync

    from explorer.gui.host import TrainerHost
    from explorer.gui.main_window import MainWindow
    from explorer.gui.settings import Settings

    app = QApplication.instance() or QApplication(sys.argv[:1])
    _configure_app(app)
    settings = Settings()
    settings.claim_instance()  # a second instance on the same settings saves nothing (it says so)
    from explorer.gui import i18n

    # --lang for this start only; else the language picked in View > Language; else the system's
    i18n.install_language(app, i18n.resolve_language(lang, settings.language))

    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    app_close = loop.create_future()

    def on_quit() -> None:
        if not app_close.done():
            app_close.set_result(0)

    app.aboutToQuit.connect(on_quit)

    host = TrainerHost(mode=host_mode)
    try:
        host.warm()  # the child imports torch while Qt builds and paints the window
    except Exception:
        pass
    checkpoint = None
    if experiment_path and Path(experiment_path).suffix.lower() in CHECKPOINT_SUFFIXES:
        checkpoint, experiment_path = experiment_path, None  # opened once the trainer runs
    experiment, problem = _initial_experiment(preset, experiment_path, settings)
    window = MainWindow(host=host, experiment=experiment, settings=settings)
    host.setParent(window)
    if os.environ.get(TRACE_ENV):
        _trace_startup(window, host)
    window.show()
    if problem:
        window.show_error(problem)
    window.show_settings_notes()  # said once, beside any problem above
    # The trainer starts after the first paint: its imports must not delay the window.
    QTimer.singleShot(0, window, lambda: window.start(play=play and checkpoint is None))
    if checkpoint is not None:  # its run replaces the starting one; a refused file keeps that
        QTimer.singleShot(0, window, lambda: window.file_actions.open_checkpoint(checkpoint, play=play))

    smoke_ms = os.environ.get(SMOKE_ENV)
    if smoke_ms:
        try:
            QTimer.singleShot(max(0, int(smoke_ms)), window, window.close)
        except ValueError:
            pass
    # Ctrl+C, logout and shutdown (SIGTERM) close the window as its close button does: the trainer is
    # stopped and the settings, the layout and the last edits are saved.
    previous_sigint = signal.signal(signal.SIGINT, lambda *_: QTimer.singleShot(0, window, window.close))
    previous_sigterm = signal.signal(signal.SIGTERM, lambda *_: QTimer.singleShot(0, window, window.close))
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
        signal.signal(signal.SIGTERM, previous_sigterm)
        window.close()  # idempotent: the trainer is stopped and settings saved once
        window.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        app.processEvents()
        asyncio.set_event_loop(None)
    return 0
