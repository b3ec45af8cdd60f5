"""Render resources/icons/regularization-explorer.svg to the PNG sizes desktops ask for.

python packaging/make_icons.py      (writes packaging/icons/hicolor/SIZExSIZE/apps/*.png)
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ROOT = Path(__file__).resolve().parents[1]
SVG = ROOT / "resources" / "icons" / "regularization-explorer.svg"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 - needed for rendering
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        print(f"cannot read {SVG}", file=sys.stderr)
        return 1
    for size in SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        out = ROOT / "packaging" / "icons" / "hicolor" / f"{size}x{size}" / "apps" / "regularization-explorer.png"
        out.parent.mkdir(parents=True, exist_ok=True)
        image.save(str(out))
    print(f"wrote {len(SIZES)} icons under packaging/icons/hicolor")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
