"""`python -m explorer run ... --figures ... --animation ...`: headless, in a subprocess with no
display and no QT_QPA_PLATFORM (the command chooses the offscreen platform itself)."""

from __future__ import annotations

import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import numpy as np
import pytest

pytest.importorskip("PySide6")
pytest.importorskip("PIL")

from PIL import Image

REPO = Path(__file__).resolve().parents[1]
VIEWS = ("fit", "loss", "histograms", "activations", "norms", "network")
SVG = "{http://www.w3.org/2000/svg}"


def _run(tmp_path, *args, timeout=180):
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")}
    env.update({"EXPLORER_CONFIG_DIR": str(tmp_path / "config"), "PYTHONFAULTHANDLER": "1"})
    return subprocess.run(
        [sys.executable, "-m", "explorer", "run", *args],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def test_run_writes_figures_and_a_gif_headless(tmp_path):
    out = tmp_path / "out"
    proc = _run(
        tmp_path,
        "--preset",
        "dropout-regression",
        "--epochs",
        "30",
        "--figures",
        "png,svg",
        "--animation",
        "gif",
        "--out",
        str(out),
        "--quiet",
    )
    output = proc.stdout + proc.stderr
    assert proc.returncode == 0, output
    assert "Traceback" not in output and "propagateSizeHints" not in output, output
    names = {p.name for p in (out / "figures").iterdir()}
    assert names == {f"{v}.{f}" for v in (*VIEWS, "dashboard") for f in ("png", "svg")}
    for view in VIEWS:
        img = Image.open(out / "figures" / f"{view}.png")
        assert img.size == (2000, 1280), view
        arr = np.asarray(img.convert("RGB"))
        assert len(np.unique(arr.reshape(-1, 3)[::5] // 16, axis=0)) >= 4, f"{view}.png is blank"
        root = ET.parse(out / "figures" / f"{view}.svg").getroot()
        assert root.tag == f"{SVG}svg"
    assert Image.open(out / "figures" / "dashboard.png").size == (2560, 1440)
    loss = ET.parse(out / "figures" / "loss.svg").getroot()
    assert len(loss.findall(f".//{SVG}path") + loss.findall(f".//{SVG}polyline")) >= 8, "both variants' curves"
    with Image.open(out / "animation.gif") as gif:
        assert gif.n_frames == 31, "one frame per epoch 0..30"
        assert gif.size == (1280, 752)  # the dashboard, plus the caption strip
    assert "31 frames" in proc.stdout
    assert (out / "metrics.csv").is_file() and (out / "checkpoint.pt").is_file()
    assert not [p for p in out.rglob(".*") if "tmp" in p.name]


def test_headless_mp4_every_k_epochs_in_process(qapp, tmp_path, capsys):
    """The same path as `run --animation mp4 --animation-every 5 --animation-fps 4 --frame-size 960x540`,
    in this process (its QApplication is reused and left alone)."""
    import imageio_ffmpeg

    from explorer.core.config import load_preset
    from explorer.core.io import run_headless
    from explorer.gui.headless import HeadlessMedia

    experiment = load_preset("dropout-regression").with_values({"training.epochs": 20})
    media = HeadlessMedia(tmp_path, figures=("pdf",), animation="mp4", every=5, fps=4, size=(960, 540))
    with media:
        run_headless(experiment, tmp_path, progress=False, observer=media.observe)
        result = media.finish()
    assert result.problems == () and result.frames == 5
    frames, seconds = imageio_ffmpeg.count_frames_and_secs(str(tmp_path / "animation.mp4"))
    assert frames == 5 and abs(seconds - 5 / 4) < 0.3  # epochs 0, 5, 10, 15, 20 at 4 frames/s
    pdf = (tmp_path / "figures" / "dashboard.pdf").read_bytes()
    assert pdf.startswith(b"%PDF") and b"/Type /Page" in pdf
    assert len(result.figures) == 7
    assert qapp is type(qapp).instance(), "the test's QApplication is still there"


def test_bad_media_options_fail_before_training(tmp_path):
    proc = _run(tmp_path, "--preset", "dropout-regression", "--figures", "png,jpg", "--out", str(tmp_path / "o"))
    assert proc.returncode == 2 and "jpg" in proc.stderr and "Traceback" not in proc.stderr
    assert not (tmp_path / "o" / "metrics.json").exists()
    proc = _run(
        tmp_path,
        "--preset",
        "dropout-regression",
        "--animation",
        "gif",
        "--frame-size",
        "12x7",
        "--out",
        str(tmp_path / "o"),
    )
    assert proc.returncode == 2 and "12x7" in proc.stderr
