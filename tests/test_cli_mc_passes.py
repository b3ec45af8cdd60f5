"""`python -m explorer run --figures ... --mc-passes T`: the test-time dropout band in the fit figure and
figures/mc_dropout.<fmt>, headless in a subprocess."""

from __future__ import annotations

import json

import numpy as np
import pytest

pytest.importorskip("PySide6")
pytest.importorskip("PIL")

from PIL import Image

from tests.test_cli_figures import _run


def _pixels(path) -> np.ndarray:  # type: ignore[no-untyped-def]
    return np.asarray(Image.open(path).convert("RGB"), dtype=np.int16)


def test_mc_passes_draw_the_band_and_write_mc_dropout(tmp_path):
    common = ("--preset", "uncertainty-from-dropout", "--epochs", "40", "--figures", "png", "--quiet")
    proc = _run(tmp_path, *common, "--mc-passes", "30", "--out", str(tmp_path / "mc"))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    plain = _run(tmp_path, *common, "--set", "views.test_time_passes=0", "--out", str(tmp_path / "plain"))
    assert plain.returncode == 0, plain.stdout + plain.stderr
    figures = tmp_path / "mc" / "figures"
    assert (figures / "mc_dropout.png").is_file() and not (tmp_path / "plain" / "figures" / "mc_dropout.png").exists()
    arr = _pixels(figures / "mc_dropout.png")
    assert len(np.unique(arr.reshape(-1, 3)[::5] // 16, axis=0)) >= 4, "mc_dropout.png is blank"
    experiment = json.loads((tmp_path / "mc" / "experiment.json").read_text())
    assert experiment["views"]["test_time_passes"] == 30
    # the same seeded run, with and without the passes: the fit figures differ by the band
    with_band, without = _pixels(figures / "fit.png"), _pixels(tmp_path / "plain" / "figures" / "fit.png")
    assert with_band.shape == without.shape
    assert np.mean(np.any(with_band != without, axis=2)) > 0.02


@pytest.mark.parametrize("value", ["0", "1001"])
def test_mc_passes_out_of_range_is_refused(tmp_path, value):
    proc = _run(tmp_path, "--preset", "uncertainty-from-dropout", "--mc-passes", value, "--out", str(tmp_path / "o"))
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert proc.stderr.strip() == f"error: --mc-passes: T must be from 1 to 1000 (got {value})"
