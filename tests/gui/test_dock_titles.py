"""Presentation mode enlarges the dock titles ("Network", "Lesson", "Regularization") with everything else.

QDockWidget paints its title with the font it read when it was built, unless its own font differs
from the class font; theme.Looks gives each dock such a font, so the titles follow the
application font (seen on the 4K screenshots: the titles had stayed at the small size).
"""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication

from explorer.core.config import Experiment


@pytest.fixture
def window(qtbot):
    from explorer.gui.host import TrainerHost
    from explorer.gui.main_window import MainWindow

    host = TrainerHost(mode="thread")
    win = MainWindow(
        host=host,
        experiment=Experiment.model_validate(
            {"meta": {"title": "Titles"}, "network": {"layers": [{"width": 8}]}, "training": {"device": "cpu"}}
        ),
    )
    win.resize(1280, 720)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.looks.set_presentation(False)  # module-wide font and plot state: as the next test expects
    win.close()
    host.shutdown()
    win.deleteLater()


def title_ink_height(dock) -> int:
    """Height in pixels of the dark (text) pixels in the dock's title bar."""
    image = dock.grab().toImage()
    bar = max(1, dock.widget().geometry().top())  # the title bar is above the dock's widget
    rows = [
        y
        for y in range(min(bar, image.height()))
        if any(QColor(image.pixel(x, y)).lightness() < 110 for x in range(min(image.width() // 2, 200)))
    ]
    return (max(rows) - min(rows) + 1) if rows else 0


def test_presentation_mode_enlarges_the_dock_titles(qtbot, window):
    docks = (window.network_dock, window.lesson_dock, window.regularization_dock)
    before = {d.objectName(): title_ink_height(d) for d in docks}
    assert all(before.values()), before
    window.looks.set_presentation(True)
    qtbot.waitUntil(lambda: all(d.font().pointSizeF() == QApplication.font().pointSizeF() for d in docks), timeout=2000)
    qtbot.wait(50)
    after = {d.objectName(): title_ink_height(d) for d in docks}
    for name, height in before.items():
        assert after[name] > height, (name, before, after)
    # the dock's font still follows the application's (families included: Chinese stays readable)
    for dock in docks:
        assert dock.font().families() == QApplication.font().families()
    window.looks.set_presentation(False)
    qtbot.waitUntil(lambda: all(d.font().pointSizeF() == QApplication.font().pointSizeF() for d in docks), timeout=2000)
    qtbot.wait(50)
    assert {d.objectName(): title_ink_height(d) for d in docks} == before
