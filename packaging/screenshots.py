"""Take one screenshot of the real app: start it on a preset, let it train, pause, grab the window.

Called by packaging/screenshots.sh once per picture, inside an X display whose screen is the
picture's size (the script starts Xvfb), so the window gets the first-start geometry a person
with that screen would get:

    python packaging/screenshots.py --preset dropout-regression --lang en --out shot.png \
        [--until-epoch 600] [--max-seconds 40] [--presentation] [--max-kb 250]

The app is started exactly as `python -m explorer --preset NAME --play --lang LANG` starts it
(explorer.gui.app.run_app, the trainer in its child process), with fresh settings (a temporary
EXPLORER_CONFIG_DIR, light theme). Training runs until the painted snapshot reaches
--until-epoch, or the run finishes (early stopping), or --max-seconds pass; then the run is
paused, the views get a moment to paint, and QWidget.grab() takes the window. A PNG over
--max-kb is quantised to a 256-colour palette with Pillow (fast octree, no dithering: the flat UI
colours and the variant colours survive it; median cut turned the orange variant mustard).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))


def parse_args(argv=None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--preset", required=True)
    p.add_argument("--lang", default="en", choices=("en", "zh_CN"))
    p.add_argument("--out", required=True, help="the PNG to write")
    p.add_argument(
        "--until-epoch", type=int, default=0, help="pause once this epoch is painted (0: when the run finishes)"
    )
    p.add_argument(
        "--max-seconds",
        type=float,
        default=40.0,
        help="take the picture after this long at the latest (from the first snapshot)",
    )
    p.add_argument("--presentation", action="store_true", help="start in presentation mode (F5)")
    p.add_argument("--dark", action="store_true", help="dark theme")
    p.add_argument("--max-kb", type=int, default=250, help="quantise a PNG larger than this")
    return p.parse_args(argv)


def shrink_png(path: Path, max_kb: int) -> None:
    """Re-save `path` smaller: optimised RGB first, then a 256-colour palette if still too big."""
    from PIL import Image

    with Image.open(path) as im:
        im.load()
        rgb = im.convert("RGB")
    rgb.save(path, optimize=True)
    if path.stat().st_size <= max_kb * 1024:
        return
    quantised = rgb.quantize(colors=256, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE)
    quantised.save(path, optimize=True)


def main(argv=None) -> int:
    args = parse_args(argv)
    out = Path(args.out).resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    config = Path(tempfile.mkdtemp(prefix="explorer-shot-"))
    os.environ["EXPLORER_CONFIG_DIR"] = str(config)  # no saved geometry, theme or experiment
    settings = {"view/theme": "dark" if args.dark else "light", "view/presentation": bool(args.presentation)}
    (config / "settings.json").write_text(json.dumps(settings), encoding="utf-8")

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from explorer.gui.app import run_app
    from explorer.gui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    started = time.monotonic()
    state = {"first_snapshot": None, "paused_at": None, "written": False, "epoch": None}

    def window() -> MainWindow | None:
        return next((w for w in app.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()), None)

    def poll() -> None:
        win = window()
        now = time.monotonic()
        if win is None:
            if now - started > 120:
                print("screenshots: no window after 120 s", file=sys.stderr)
                app.quit()
                return
            QTimer.singleShot(200, poll)
            return
        snap = win.painted_snapshot
        if snap is not None and state["first_snapshot"] is None:
            state["first_snapshot"] = now
        if state["paused_at"] is None:
            waited = now - state["first_snapshot"] if state["first_snapshot"] is not None else 0.0
            reached = snap is not None and args.until_epoch > 0 and snap.epoch >= args.until_epoch
            done = win.state in ("finished", "error")
            if reached or done or waited > args.max_seconds or now - started > args.max_seconds + 120:
                if win.state == "running":
                    win.host.pause()
                state["paused_at"] = now
            QTimer.singleShot(100, poll)
            return
        # paused (or finished): the last snapshot arrives and is painted, the banner settles
        if win.state == "running" and now - state["paused_at"] < 5:
            QTimer.singleShot(100, poll)
            return
        if now - state["paused_at"] < 1.5:
            QTimer.singleShot(100, poll)
            return
        win.paint_latest()
        app.processEvents()
        pixmap = win.grab()
        if pixmap.isNull() or not pixmap.save(str(out), "PNG"):
            print(f"screenshots: could not write {out}", file=sys.stderr)
        else:
            state["written"] = True
            state["epoch"] = getattr(win.painted_snapshot, "epoch", None)
        win.close()

    QTimer.singleShot(500, poll)
    try:
        code = run_app(preset=args.preset, play=True, lang=args.lang)
    finally:
        shutil.rmtree(config, ignore_errors=True)
    if not state["written"]:
        return code or 1
    shrink_png(out, args.max_kb)
    from PIL import Image

    with Image.open(out) as im:
        size = im.size
    print(
        f"{out.relative_to(REPO) if out.is_relative_to(REPO) else out}: {size[0]}x{size[1]}, "
        f"{out.stat().st_size // 1024} KB, epoch {state['epoch']}, {time.monotonic() - started:.0f} s"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
