"""`python -m explorer sweep --figures png,svg,pdf`: the Sweep view of a finished sweep folder,
drawn offscreen and written to DIR/figures/sweep.<fmt> (no display needed)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Sequence

FIGURE_SIZE = (1000, 640)


def write_sweep_figures(folder: str | Path, formats: Sequence[str], style: str = "screen") -> list[Path]:
    from explorer.gui.headless import ensure_platform

    ensure_platform()
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv and sys.argv[0] else "explorer"])
    from explorer.gui.export import export_widget
    from explorer.gui.views.sweep_view import SweepView

    view = SweepView()
    try:
        view.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
        view.resize(*FIGURE_SIZE)
        view.show()
        view.load_folder(folder)
        app.processEvents()
        out = Path(folder) / "figures"
        return [export_widget(view, out / f"sweep.{fmt}", style=style) for fmt in formats]
    finally:
        view.close()
        view.deleteLater()
        app.processEvents()
