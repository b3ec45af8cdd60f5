"""The Sweep view: the U-curve with seed bands (log axis, best starred, hover, click opens a cell),
the 2-D heatmap with values and the additivity readout, and figures from the command line."""

from __future__ import annotations

import math

import numpy as np
import pytest
from PySide6 import QtCore

from explorer.core.sweep import SweepSpec, parse_axis
from explorer.gui.views.sweep_view import SweepView, x_positions


def rows_1d():  # type: ignore[no-untyped-def]
    """Test loss: a U over lambda (best at 1e-3); train loss rises; seed s adds 0.1 * s."""
    out = []
    lambdas = (0.0, 1e-4, 1e-3, 1e-2)
    test = (3.0, 2.0, 1.0, 4.0)
    for i, (lam, t) in enumerate(zip(lambdas, test)):
        for s in range(3):
            out.append(
                {
                    "cell": str(i),
                    "index": [i],
                    "values": {"regularization.l2_lambda": lam},
                    "seed": s,
                    "status": "done",
                    "final_test_loss": t + 0.1 * s,
                    "final_train_loss": 0.5 + i + 0.1 * s,
                    "final_val_loss": t,
                }
            )
    return SweepSpec((parse_axis("regularization.l2_lambda=0,1e-4,1e-3,1e-2"),), seeds=3), out


def curve(item):  # type: ignore[no-untyped-def]
    x, y = item.getData()
    return np.asarray(x), np.asarray(y)


def test_x_positions_on_a_log_axis_put_zero_a_decade_below() -> None:
    np.testing.assert_allclose(x_positions([0.0, 1e-4, 1e-2], True), [-5.0, -4.0, -2.0])
    np.testing.assert_allclose(x_positions([0.0, 0.5], False), [0.0, 0.5])


def test_u_curve_with_bands_best_and_click(qtbot) -> None:  # type: ignore[no-untyped-def]
    view = SweepView()
    qtbot.addWidget(view)
    spec, rows = rows_1d()
    view.set_rows(spec, rows)
    x, y = curve(view.lines["final_test_loss"])
    np.testing.assert_allclose(x, x_positions([0.0, 1e-4, 1e-3, 1e-2], True))
    np.testing.assert_allclose(y, [3.1, 2.1, 1.1, 4.1])  # the mean over seeds 0, 0.1, 0.2
    low, high, _ = view.bands["final_test_loss"]
    np.testing.assert_allclose(curve(low)[1], [3.0, 2.0, 1.0, 4.0])
    np.testing.assert_allclose(curve(high)[1], [3.2, 2.2, 1.2, 4.2])
    np.testing.assert_allclose(curve(view.lines["final_train_loss"])[1], [0.6, 1.6, 2.6, 3.6])
    assert view.best_key == "2"
    bx, by = curve(view.best)
    assert bx[0] == pytest.approx(-3.0) and by[0] == pytest.approx(1.1)
    assert "Best final test loss: 1.1 at L2 penalty lambda = 0.001" in view.readout.text()
    spots = view.points.points()
    assert "min 1, max 1.2, 3 seeds" in spots[2].data()["tip"]
    with qtbot.waitSignal(view.cell_clicked) as blocker:
        view._on_click(view.points, [spots[1]])
    assert blocker.args == [{"regularization.l2_lambda": 1e-4}]
    # live: only the cells finished so far
    view.set_rows(spec, rows[:6])
    assert len(curve(view.lines["final_test_loss"])[0]) == 2


def test_the_chosen_metric_decides_lines_star_and_readout(qtbot) -> None:  # type: ignore[no-untyped-def]
    """The metric comes with the sweep (its spec) and then from set_metric (the Sweep panel): the
    star, the clickable points and the readout follow the chosen split; a gap is one line."""
    import dataclasses

    view = SweepView()
    qtbot.addWidget(view)
    spec, rows = rows_1d()
    view.set_rows(dataclasses.replace(spec, metric="final_train_loss"), rows)
    assert view.metric_shown == "final_train_loss"
    assert view.best_key == "0"  # train loss rises with lambda: lowest at 0
    assert curve(view.best)[1][0] == pytest.approx(0.6)
    assert "Best final train loss: 0.6 at L2 penalty lambda = 0" in view.readout.text()
    np.testing.assert_allclose([p.pos().y() for p in view.points.points()], [0.6, 1.6, 2.6, 3.6])
    view.set_metric("gap_loss")  # test - train, per seed: 2.5, 0.5, -1.5, 0.5
    assert list(view.lines) == ["gap_loss"]
    np.testing.assert_allclose(curve(view.lines["gap_loss"])[1], [2.5, 0.5, -1.5, 0.5])
    assert view.best_key == "2" and "Best gap (test - train loss): -1.5" in view.readout.text()
    view.set_rows(dataclasses.replace(spec, metric="final_train_loss"), rows[:6])  # live rows of the same sweep
    assert view.metric_shown == "gap_loss"  # the panel's choice stays
    view.set_metric("final_test_accuracy")  # these cells have no accuracy: said, not an empty plot
    assert not view.lines and view.best is None
    assert "These cells have no final test accuracy" in view.readout.text()
    with pytest.raises(ValueError, match="metric: 'final_loss'"):
        view.set_metric("final_loss")


def test_heatmap_values_best_and_additivity(qtbot) -> None:  # type: ignore[no-untyped-def]
    spec = SweepSpec(
        (parse_axis("network.layers.*.dropout_p=0,0.5"), parse_axis("regularization.l2_lambda=0,0.01")), seeds=3
    )
    base = {(0, 0): 10.0, (1, 0): 8.0, (0, 1): 9.0, (1, 1): 7.0}
    rows = []
    for (i, j), v in base.items():
        for s, noise in enumerate((0.0, 0.3, -0.2)):
            rows.append(
                {
                    "cell": f"{i},{j}",
                    "index": [i, j],
                    "values": {spec.axes[0].path: (0, 0.5)[i], spec.axes[1].path: (0, 0.01)[j]},
                    "seed": s,
                    "status": "done",
                    "final_test_loss": v + noise,
                }
            )
    view = SweepView()
    qtbot.addWidget(view)
    view.set_rows(spec, rows)
    assert view.grid.shape == (2, 2) and view.grid[1, 1] == pytest.approx(7 + 0.1 / 3)
    assert view.best_key == "1,1"
    assert any(t.toPlainText().startswith("7.033") for t in view.labels)
    text = view.readout.text()
    assert "Additivity:" in text and "over 3 seeds: additive" in text and "gain +2" in text
    assert "dropout p of every hidden layer = 0.5 alone: gain +2" in text and "lambda = 0 alone" not in text
    # a cell is named on hover and opens on a click, as a point of the U-curve does

    class Click:
        def __init__(self, x: float, y: float) -> None:
            self._pos = QtCore.QPointF(x, y)

        def pos(self):  # type: ignore[no-untyped-def]
            return self._pos

        def button(self):  # type: ignore[no-untyped-def]
            return QtCore.Qt.MouseButton.LeftButton

        def accept(self) -> None:
            pass

        def isExit(self) -> bool:
            return False

    view.image.hoverEvent(Click(1.3, 0.7))
    assert view.image.toolTip().startswith(
        "dropout p of every hidden layer = 0.5, L2 penalty lambda = 0: final test loss 8.033"
    )
    with qtbot.waitSignal(view.cell_clicked) as blocker:
        view.image.mouseClickEvent(Click(0.2, 1.9))
    assert blocker.args == [{"network.layers.*.dropout_p": 0.0, "regularization.l2_lambda": 0.01}]


def test_figures_from_a_sweep_folder(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import json

    from explorer.core.sweep import SweepFolder
    from explorer.gui.sweep_figures import write_sweep_figures

    spec, rows = rows_1d()
    folder = SweepFolder(tmp_path, spec, {"kind": "training"})
    folder.add(rows)
    folder.write(complete=True)
    assert json.loads((tmp_path / "sweep.json").read_text())["complete"]
    paths = write_sweep_figures(tmp_path, ("png", "svg"))
    assert [p.name for p in paths] == ["sweep.png", "sweep.svg"]
    assert paths[0].read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and b"<svg" in paths[1].read_bytes()[:2000]
    assert not math.isnan(paths[0].stat().st_size)
    assert "best final test loss" in paths[1].read_text().replace("\xa0", " ")  # the sweep's metric


def test_figures_show_the_metric_of_the_sweep(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import dataclasses

    from explorer.core.sweep import SweepFolder
    from explorer.gui.sweep_figures import write_sweep_figures

    spec, rows = rows_1d()
    folder = SweepFolder(tmp_path, dataclasses.replace(spec, metric="gap_loss"), {"kind": "training"})
    folder.add(rows)
    folder.write(complete=True)
    svg = write_sweep_figures(tmp_path, ("svg",))[0].read_text().replace("\xa0", " ")
    assert "best gap (test - train loss)" in svg and "best final test loss" not in svg


def test_fields_are_named_in_their_own_words(qtbot) -> None:  # type: ignore[no-untyped-def]
    from explorer.gui.views.sweep_words import field_label

    assert field_label("network.layers.*.dropout_p") == "dropout p of every hidden layer"
    assert field_label("network.layers.1.dropout_p") == "dropout p of one hidden layer, layer 2"
    assert field_label("not.a.field") == "not.a.field"
    view = SweepView()
    qtbot.addWidget(view)
    view.set_rows(*rows_1d())
    assert "L2 penalty lambda (log scale)" in view.plot.getAxis("bottom").labelText
    assert view.points.points()[0].data()["tip"].startswith("L2 penalty lambda = 0: final test loss 3.1")
