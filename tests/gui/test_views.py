"""The views draw what the Snapshot says, keep their items between frames, and survive a 30 Hz run."""

from __future__ import annotations

import dataclasses
import itertools
import time

import numpy as np
import pytest

pytest.importorskip("PySide6")
pytest.importorskip("pyqtgraph")

from PySide6 import QtCore

from explorer.core.protocol import DIAGRAM_MAX_NEURONS
from explorer.gui.views import (
    ActivationView,
    Dashboard,
    FitView,
    HistogramView,
    LossView,
    NetworkDiagram,
    NormView,
    palette,
)
from explorer.gui.views.dashboard import VIEW_IDS
from explorer.gui.views.histogram_view import MAX_RIDGES
from explorer.gui.views.network_diagram import DARK, DROPCONNECT
from tests.gui.fake_snapshot import TASKS, make_snapshot


def shown(qtbot, widget, w=900, h=600):
    qtbot.addWidget(widget)
    widget.resize(w, h)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def feed(qtbot, view, task, steps=(100, 300, 700), **kw):
    snap = None
    for step in steps:
        snap = make_snapshot(task, step=step, epochs=max(5, step // 10), **kw)
        view.update_snapshot(snap)
        qtbot.wait(1)
    return snap


def data_of(item):
    x, y = item.getOriginalDataset()
    if x is None:
        return np.zeros(0), np.zeros(0)
    return np.asarray(x), np.asarray(y)


# --- fake snapshots ---------------------------------------------------------------


@pytest.mark.parametrize("task", TASKS)
def test_fake_snapshot_is_complete_and_read_only(task):
    snap = make_snapshot(task, n_variants=3, n_layers=2, epochs=20, step=300)
    assert len(snap.variants) == 3
    v = snap.variants[1]
    assert len(v.linears) == len(v.hidden) + 1
    assert v.weight_norm_history.shape == (20, len(v.linears))
    assert v.activation_var_history.shape == (20, len(v.hidden))
    assert all(len(a) == 20 for a in v.history.values())
    with pytest.raises(ValueError):
        v.history["train_loss"][0] = 1.0
    assert (
        make_snapshot(task, step=300).variants[0].grid_prediction.tolist()
        != make_snapshot(task, step=600).variants[0].grid_prediction.tolist()
    )


# --- fit view -----------------------------------------------------------------------


def test_fit_view_regression_curves_points_and_fixed_range(qtbot):
    view = shown(qtbot, FitView())
    ranges = []
    for step in (100, 400, 900):
        snap = make_snapshot("regression", step=step)
        view.update_snapshot(snap)
        qtbot.wait(1)
        ranges.append(view.mode.plot.viewRange())
    assert view.mode_name == "curve"
    d = snap.data
    for i, v in enumerate(snap.variants):
        x, y = data_of(view.mode.curves[i])
        np.testing.assert_allclose(x, d.grid_x)
        np.testing.assert_allclose(y, v.grid_prediction)
    x, y = data_of(view.mode.true_curve)
    np.testing.assert_allclose(y, d.true_curve)
    pts = view.mode.train_points.getData()
    np.testing.assert_allclose(pts[0], d.x_train)
    np.testing.assert_allclose(pts[1], d.y_train)
    np.testing.assert_allclose(view.mode.test_points.getData()[1], d.y_test)
    assert ranges[0] == ranges[1] == ranges[2], "the y range must not jump between frames"
    lo, hi = ranges[0][1]
    assert lo < min(d.y_train.min(), d.y_test.min()) and hi > max(d.y_train.max(), d.y_test.max())


def test_fit_view_parity_plot_for_highdim(qtbot):
    view = shown(qtbot, FitView())
    snap = feed(qtbot, view, "highdim")
    assert view.mode_name == "parity"
    for i, v in enumerate(snap.variants):
        x, y = view.mode.points[i].getData()
        np.testing.assert_allclose(x, snap.data.y_test)
        np.testing.assert_allclose(y, v.grid_prediction)
    dx, dy = data_of(view.mode.diagonal)
    np.testing.assert_allclose(dx, dy)


def test_fit_view_decision_boundary_one_map_per_variant(qtbot):
    view = shown(qtbot, FitView())
    snap = feed(qtbot, view, "classification", n_variants=3)
    assert view.mode_name == "boundary"
    assert len(view.mode.images) == 3
    for i, v in enumerate(snap.variants):
        img = view.mode.images[i].image
        assert img.shape == v.grid_prediction.shape
        np.testing.assert_allclose(img, v.grid_prediction)
        x0, x1, y0, y1 = snap.data.grid_extent
        rect = view.mode.images[i].mapRectToParent(view.mode.images[i].boundingRect())
        assert rect.left() == pytest.approx(x0) and rect.right() == pytest.approx(x1)
        assert rect.top() == pytest.approx(y0) and rect.bottom() == pytest.approx(y1)
    x, y = view.mode.train_points[0].getData()
    np.testing.assert_allclose(np.c_[x, y], snap.data.x_train)


def test_fit_view_images_titles_and_variant_selector(qtbot):
    view = shown(qtbot, FitView())
    snap = feed(qtbot, view, "image", n_variants=2)
    assert view.mode_name == "images"
    assert view.variant_combo.isVisible() and view.variant_combo.count() == 2
    probs = snap.variants[0].grid_prediction
    labels = snap.data.sample_labels
    for s, title in enumerate(view.mode.titles):
        k = int(np.argmax(probs[s]))
        text = view.mode._texts[s]
        assert f"pred {k}" in text and f"p={probs[s, k]:.2f}" in text
        right = k == labels[s]
        assert text.startswith("✓" if right else "✗")
        colour = palette.CORRECT_COLOR if right else palette.WRONG_COLOR
        assert colour.lower() in title.text.lower() or colour.lower() in title.item.toHtml().lower()
    before = list(view.mode._texts)
    view.set_selected_variant(1)
    probs1 = snap.variants[1].grid_prediction
    expected = [f"pred {int(np.argmax(p))} (p={p.max():.2f})" for p in probs1]
    assert [t.split(" ", 1)[1] for t in view.mode._texts] == expected
    assert view.mode._texts != before or np.allclose(probs, probs1)
    assert view.mode.images[0].image.shape == snap.data.x_train[0].shape


def test_fit_view_scaling_histograms_with_eval_line(qtbot):
    view = shown(qtbot, FitView())
    snap = feed(qtbot, view, "scaling")
    assert view.mode_name == "scaling"
    scaling = snap.extra["scaling"]
    assert view.mode.kinds == list(scaling)
    for j, kind in enumerate(scaling):
        edges, counts = data_of(view.mode.hists[j])
        assert counts.sum() == len(scaling[kind]["train_outputs"])
        assert view.mode.eval_lines[j].value() == pytest.approx(scaling[kind]["eval_output"])
        assert view.mode.mean_lines[j].value() == pytest.approx(np.mean(scaling[kind]["train_outputs"]))
        assert edges[0] <= scaling[kind]["train_outputs"].min() and edges[-1] >= scaling[kind]["train_outputs"].max()


def test_fit_view_switches_mode_and_clears(qtbot):
    view = shown(qtbot, FitView())
    for task, mode in (
        ("regression", "curve"),
        ("classification", "boundary"),
        ("image", "images"),
        ("scaling", "scaling"),
        ("highdim", "parity"),
        ("regression", "curve"),
    ):
        feed(qtbot, view, task, steps=(100, 200))
        assert view.mode_name == mode
    view.clear()
    assert view.last_snapshot() is None and view.mode is None
    feed(qtbot, view, "regression", steps=(100,))
    assert view.mode_name == "curve"


# --- losses ------------------------------------------------------------------------


def test_no_best_star_before_training(qtbot):
    """At epoch 0 (the evaluation before the first step) the best-epoch stars sat at epoch 0."""
    from explorer.core.training import Trainer
    from tests.core.small_runs import run_steps, sine_run

    exp = sine_run([{"width": 8}], {}, {"variants": [{"name": "a", "set": {}}, {"name": "b", "set": {}}]})
    trainer = Trainer(exp)
    view = shown(qtbot, LossView())
    view.update_snapshot(trainer.snapshot())
    qtbot.wait(1)
    assert trainer.variants[0].early.best_epoch == 0
    assert [data_of(m)[0].tolist() for m in view.best_markers] == [[], []]
    assert not any(line.isVisible() for line in view.best_lines)
    run_steps(trainer, 1)  # one epoch (full batch): now there is a best
    view.update_snapshot(trainer.snapshot())
    qtbot.wait(1)
    assert all(line.isVisible() for line in view.best_lines)


def test_a_best_label_at_the_right_edge_stays_inside_the_plot(qtbot):
    """In a dashboard exported at the end of a run the "best" label of a line at the last epoch was
    clipped to "b": near the right edge it is drawn left of its line."""
    from explorer.core.training import Trainer
    from tests.core.small_runs import run_to_end, sine_run

    exp = sine_run([{"width": 8}], {"optimizer.lr": 0.05}, {"training.epochs": 40})
    trainer = run_to_end(Trainer(exp))
    view = shown(qtbot, LossView(), 600, 400)
    view.update_snapshot(trainer.snapshot(state="finished"))
    qtbot.wait(20)
    line = view.best_lines[0]
    assert line.isVisible() and line.value() > 0.75 * 40
    label = line.label
    plot_right = view.loss_plot.vb.sceneBoundingRect().right()
    assert label.mapRectToScene(label.boundingRect()).right() <= plot_right + 1


def test_loss_view_curves_markers_and_log_toggle(qtbot):
    view = shown(qtbot, LossView())
    snap = feed(qtbot, view, "classification", steps=(100, 300, 600), n_variants=2)
    assert view.acc_plot is not None
    for i, v in enumerate(snap.variants):
        for split in ("train", "val", "test"):
            x, y = data_of(view.loss_curves[i][split])
            np.testing.assert_allclose(x, v.history["epoch"])
            np.testing.assert_allclose(y, v.history[f"{split}_loss"])
            np.testing.assert_allclose(data_of(view.acc_curves[i][split])[1], v.history[f"{split}_accuracy"])
        es = v.early_stopping
        bx, by = data_of(view.best_markers[i])
        assert bx.tolist() == [es.best_epoch] and by[0] == pytest.approx(es.best_value)
        assert view.best_lines[i].isVisible() and view.best_lines[i].value() == es.best_epoch
        sx, _ = data_of(view.stop_markers[i])
        assert sx.tolist() == ([es.stop_epoch] if es.stopped else [])
    assert snap.variants[0].early_stopping.stopped  # the fake's overfitting run stops early
    # log scale
    assert not view.loss_plot.getAxis("left").logMode
    view.log_y.setChecked(True)
    assert view.loss_plot.getAxis("left").logMode
    _, shown_y = view.loss_curves[0]["train"].getData()
    np.testing.assert_allclose(np.sort(shown_y), np.sort(np.log10(snap.variants[0].history["train_loss"])))
    view.update_snapshot(make_snapshot("classification", step=900, epochs=90))
    assert view.loss_plot.getAxis("left").logMode
    view.log_y.setChecked(False)
    assert not view.loss_plot.getAxis("left").logMode


def test_loss_view_no_accuracy_panel_for_regression(qtbot):
    view = shown(qtbot, LossView())
    feed(qtbot, view, "regression")
    assert view.acc_plot is None and view.acc_curves == []


# --- histograms ---------------------------------------------------------------------


def test_histogram_view_now_mode_overlays_variants(qtbot):
    view = shown(qtbot, HistogramView(), 700, 700)
    snap = feed(qtbot, view, "regression", n_variants=3, n_layers=2)
    assert view.rows == [0, 1, 2]
    for r, layer in enumerate(view.rows):
        for i, v in enumerate(snap.variants):
            x, y = data_of(view.weight_curves[r][i])
            np.testing.assert_allclose(x, v.linears[layer].weight_hist.edges)
            np.testing.assert_allclose(y, v.linears[layer].weight_hist.counts)
            np.testing.assert_allclose(data_of(view.grad_curves[r][i])[1], v.linears[layer].grad_hist.counts)
    assert not view.layer_combo.isVisible()


def test_histogram_view_layer_selector_for_deep_nets(qtbot):
    view = shown(qtbot, HistogramView())
    snap = feed(qtbot, view, "regression", n_layers=5)
    assert view.layer_combo.isVisible() and view.layer_combo.count() == 6
    assert len(view.rows) == 1
    view.set_selected_layer(3)
    assert view.rows == [3]
    np.testing.assert_allclose(data_of(view.weight_curves[0][0])[1], snap.variants[0].linears[3].weight_hist.counts)


def test_histogram_view_ridgeline_over_time(qtbot):
    view = shown(qtbot, HistogramView())
    view.set_over_time(True)
    snap = feed(qtbot, view, "regression", n_variants=2)
    frames = snap.variants[0].histogram_frames
    assert view.visible_ridge_count(0) == len(frames) == 25
    newest = view.ridges[0][0]
    oldest = view.ridges[0][len(frames) - 1]
    assert newest.opts["pen"].widthF() > oldest.opts["pen"].widthF()
    assert newest.opts["pen"].color().alphaF() > oldest.opts["pen"].color().alphaF()
    # many frames: decimated to MAX_RIDGES, newest kept
    many = tuple(dataclasses.replace(f, epoch=k + 1) for k, f in enumerate(frames * 3))
    v0 = dataclasses.replace(snap.variants[0], histogram_frames=many)
    view.update_snapshot(dataclasses.replace(snap, variants=(v0,) + snap.variants[1:]))
    assert view.visible_ridge_count(0) == MAX_RIDGES
    assert view.visible_ridge_count(1) == len(frames)
    ticks = view.ridge_plots[0].getAxis("left")._tickLevels[0]
    assert ticks[0] == (0.0, str(many[-1].epoch))


# --- activations and norms -------------------------------------------------------------


@pytest.mark.parametrize("cls, attr", [(ActivationView, "activation_var_history"), (NormView, "weight_norm_history")])
def test_layer_history_views(qtbot, cls, attr):
    view = shown(qtbot, cls())
    snap = feed(qtbot, view, "classification", n_variants=2, n_layers=3)
    for i, v in enumerate(snap.variants):
        hist = getattr(v, attr)
        assert len(view.curves[i]) == hist.shape[1]
        for j, c in enumerate(view.curves[i]):
            x, y = data_of(c)
            np.testing.assert_allclose(x, v.history["epoch"])
            np.testing.assert_allclose(y, hist[:, j])
    view.log_y.setChecked(True)
    assert view.plot.getAxis("left").logMode


# --- network diagram --------------------------------------------------------------------


def test_network_diagram_masks_links_and_persistent_items(qtbot):
    view = shown(qtbot, NetworkDiagram(), 700, 500)
    snap = make_snapshot("regression", n_variants=4, n_layers=2, step=100)
    view.update_snapshot(snap)
    view.set_selected_variant(1)  # inverted dropout p=0.5
    items_before = set(map(id, view.scene.items()))
    link_ids = [list(map(id, links)) for links in view.links]
    for step in (200, 300, 400):
        snap = make_snapshot("regression", n_variants=4, n_layers=2, step=step)
        view.update_snapshot(snap)
        qtbot.wait(1)
        v = snap.variants[1]
        for k, h in enumerate(v.hidden):
            assert len(view.neurons[k + 1]) == min(h.width, DIAGRAM_MAX_NEURONS)
            assert view.dark_neuron_count(k) == int(np.sum(h.mask[:DIAGRAM_MAX_NEURONS] == 0))
    assert set(map(id, view.scene.items())) == items_before, "no items may be created per frame"
    assert [list(map(id, links)) for links in view.links] == link_ids
    assert len(view.neurons[0]) == 1 and len(view.neurons[-1]) == 1
    assert [t.text() for t in view._more_labels] == ["…+184", "…+184"]
    # DropConnect: dropped links are dashed
    view.set_selected_variant(2)
    v = snap.variants[2]
    for k, lin in enumerate(v.linears):
        out_idx, in_idx = view._link_idx[k]
        dropped = lin.dropconnect_mask[out_idx, in_idx] == 0
        states = view._link_codes[k] % 3
        assert np.array_equal(states == DROPCONNECT, dropped)
        dashed = [link.pen().style() == QtCore.Qt.PenStyle.DashLine for link in view.links[k]]
        assert np.array_equal(np.array(dashed), dropped)
    # Gaussian dropout: brightness levels, not just on/off
    view.set_selected_variant(3)
    states = {n.state for n in view.neurons[1]}
    assert len(states - {DARK}) > 2


def test_network_diagram_hover_tooltip_with_neuron_map(qtbot):
    view = shown(qtbot, NetworkDiagram(), 700, 500)
    snap = make_snapshot("classification", n_variants=2, step=300)
    view.update_snapshot(snap)
    view.set_selected_variant(1)
    view.hover_neuron(1, 2)
    assert view.inset_visible()
    text = view.tooltip.text.text()
    assert "hidden layer 1, neuron 3" in text and "ReLU" in text
    assert view.inset_map_size()[0] > 50
    view.update_snapshot(make_snapshot("classification", n_variants=2, step=400))
    assert view.inset_visible()
    view.unhover()
    assert not view.inset_visible()
    view.hover_neuron(0, 0)  # input neurons have no tooltip
    assert not view.inset_visible()
    # regression: no maps, text only
    view.update_snapshot(make_snapshot("regression", n_variants=2, step=300))
    view.hover_neuron(2, 1)
    assert view.inset_visible() and view.inset_map_size() == (0, 0)


# --- styling ------------------------------------------------------------------------------


def test_presentation_mode_restyles_thicker(qtbot):
    view = shown(qtbot, LossView())
    feed(qtbot, view, "regression", steps=(100,))
    normal = view.loss_curves[0]["train"].opts["pen"].widthF()
    try:
        palette.set_presentation(True)
        view.restyle()
        assert view.loss_curves[0]["train"].opts["pen"].widthF() == pytest.approx(
            normal * palette.PRESENTATION_LINE_SCALE
        )
    finally:
        palette.set_presentation(False)
        view.restyle()
    assert view.loss_curves[0]["train"].opts["pen"].widthF() == pytest.approx(normal)


def test_variant_colours_are_okabe_ito_and_stable():
    assert palette.variant_hex(0) == palette.OKABE_ITO["blue"].lower()
    assert palette.variant_hex(9) == palette.variant_hex(1)
    assert palette.variant_pen(1, 2.0).color().name() == palette.OKABE_ITO["vermillion"].lower()


# --- dashboard ------------------------------------------------------------------------------


def test_dashboard_forwards_to_visible_views_only(qtbot):
    dash = shown(qtbot, Dashboard(), 1280, 720)
    assert set(dash.views()) == set(VIEW_IDS)
    snap = make_snapshot("regression", step=100)
    dash.update_snapshot(snap)
    views = dash.views()
    for vid in ("fit", "loss", "network", "histograms"):
        assert views[vid].last_snapshot() is snap
    for vid in ("activations", "norms"):  # hidden tabs: skipped
        assert views[vid].last_snapshot() is None
    dash.show_tab("norms")
    assert views["norms"].last_snapshot() is snap
    snap2 = make_snapshot("regression", step=200)
    dash.update_snapshot(snap2)
    assert views["norms"].last_snapshot() is snap2 and views["histograms"].last_snapshot() is snap
    dash.set_view_visible("network", False)
    dash.update_snapshot(make_snapshot("regression", step=300))
    assert views["network"].last_snapshot() is snap2
    dash.set_view_visible("network", True)
    assert views["network"].last_snapshot() is dash._snap
    dash.refresh_all()
    assert all(v.last_snapshot() is dash._snap for v in views.values())
    state = dash.save_layout()
    assert dash.restore_layout(state)
    dash.clear()
    assert all(v.last_snapshot() is None for v in views.values())


def test_dashboard_paints_for_a_while_at_30hz(qtbot):
    """150 updates at 30 Hz (~5 s) with changing snapshots of every task, while Qt paints.

    Guards against a PySide6/pyqtgraph combination that crashes while painting (6.12.0 did);
    pytest-qt fails the test on any exception raised inside a Qt callback.
    """
    dash = shown(qtbot, Dashboard(), 1280, 720)
    tasks = ("regression", "classification", "image", "scaling", "highdim")
    runs = {
        task: [
            make_snapshot(task, n_variants=3 if task == "classification" else 2, step=100 * (k + 1), epochs=10 + 2 * k)
            for k in range(6)
        ]
        for task in tasks
    }
    tabs = itertools.cycle(["histograms", "activations", "norms"])
    frames = {"n": 0}

    def tick():
        n = frames["n"]
        task = tasks[(n // 30) % len(tasks)]  # about a second per task, then a "new run"
        dash.update_snapshot(runs[task][n % 6])
        frames["n"] = n + 1
        if n % 25 == 0:
            dash.show_tab(next(tabs))
        if n % 40 == 0:
            dash.views()["histograms"].set_over_time(n % 80 == 0)
        if n % 30 == 15:
            dash.views()["network"].hover_neuron(1, 1)

    timer = QtCore.QTimer()
    timer.setInterval(33)
    timer.timeout.connect(tick)
    start = time.monotonic()
    with qtbot.capture_exceptions() as exceptions:
        timer.start()
        # ~5 s at 30 Hz; a count, not a speed: a busy machine only takes longer
        qtbot.waitUntil(lambda: frames["n"] >= 150, timeout=120_000)
        timer.stop()
    elapsed = time.monotonic() - start
    assert not exceptions, exceptions
    print(f"dashboard: {frames['n']} frames in {elapsed:.1f} s")
    assert dash.views()["fit"].last_snapshot() is not None


def _sparse(snap):
    """A run's first snapshot: no evaluation yet, no backward pass yet, no masks."""
    variants = []
    for v in snap.variants:
        empty = {k: a[:0] for k, a in v.history.items()}
        linears = tuple(dataclasses.replace(lin, grad_hist=None) for lin in v.linears)
        hidden = tuple(dataclasses.replace(h, mask=None, neuron_maps=None) for h in v.hidden)
        es = dataclasses.replace(
            v.early_stopping, best_value=float("nan"), best_epoch=None, stopped=False, stop_epoch=None
        )
        variants.append(
            dataclasses.replace(
                v,
                history=empty,
                weight_norm_history=v.weight_norm_history[:0],
                activation_var_history=v.activation_var_history[:0],
                linears=linears,
                hidden=hidden,
                early_stopping=es,
                histogram_frames=(),
            )
        )
    return dataclasses.replace(snap, variants=tuple(variants), epoch=0)


@pytest.mark.parametrize("task", TASKS)
def test_dashboard_tolerates_first_and_empty_snapshots(qtbot, task):
    dash = shown(qtbot, Dashboard(), 1000, 700)
    snap = make_snapshot(task, n_variants=2)
    with qtbot.capture_exceptions() as exceptions:
        dash.update_snapshot(_sparse(snap))
        dash.refresh_all()
        dash.views()["histograms"].set_over_time(True)
        dash.update_snapshot(dataclasses.replace(snap, variants=()))
        dash.refresh_all()
        dash.update_snapshot(snap)
        dash.refresh_all()
        qtbot.wait(5)
    assert not exceptions, exceptions


def test_the_diagram_opens_on_a_variant_with_dropout(qtbot):
    """dropout-regression's diagram opened on "p = 0", where nothing blinks, though the lesson says
    "half the neurons go dark each step"."""
    from explorer.core.config import load_preset
    from explorer.core.training import Trainer

    exp = load_preset("dropout-regression").with_values({"training.device": "cpu"})
    trainer = Trainer(exp)
    view = shown(qtbot, NetworkDiagram(), 700, 500)
    view.update_snapshot(trainer.snapshot())
    assert view.selected_variant() == 1 and view.variant_combo.currentText() == "p = 0.5"
    view.set_selected_variant(0)  # the user's choice holds while the variants stay the same
    trainer.step()
    view.update_snapshot(trainer.snapshot())
    assert view.selected_variant() == 0


def test_histogram_view_draws_counts_on_shared_edges_or_density(qtbot):
    """The dropout-regression preset's two variants, a few steps in: counts are np.histogram of each
    variant's weights on ONE set of edges per layer; density has area 1; switching back loses nothing."""
    import torch

    from explorer.core.config import load_preset
    from explorer.core.training import Trainer

    trainer = Trainer(load_preset("dropout-regression").with_values({"training.device": "cpu"}))
    for _ in range(30):
        trainer.step()
    snap = trainer.snapshot()
    view = shown(qtbot, HistogramView(), 700, 700)
    view.update_snapshot(snap)
    assert len(view.rows) == len(trainer.variants[0].model.linears) and not view.density()

    def drawn(r, i):
        return data_of(view.weight_curves[r][i])

    for r, layer in enumerate(view.rows):
        edges = drawn(r, 0)[0]
        for i, run in enumerate(trainer.variants):
            x, y = drawn(r, i)
            np.testing.assert_array_equal(x, edges)  # the same bins for every variant
            w = run.model.linears[layer].weight.detach().to(torch.float64).numpy().ravel()
            np.testing.assert_array_equal(y, np.histogram(w, x)[0])
    counts = [[drawn(r, i)[1].copy() for i in range(2)] for r in range(len(view.rows))]
    assert "count" in view._legend.text

    view.set_density(True)
    assert view.density() and "density" in view._legend.text
    for r in range(len(view.rows)):
        for i in range(2):
            x, y = drawn(r, i)
            assert float(np.sum(y * np.diff(x))) == pytest.approx(1.0, rel=1e-9)
            np.testing.assert_allclose(y, counts[r][i] / (counts[r][i].sum() * np.diff(x)))
        gx, gy = data_of(view.grad_curves[r][0])
        assert float(np.sum(gy * np.diff(gx))) == pytest.approx(1.0, rel=1e-9)
    y_top = view.weight_plots[0].viewRange()[1][1]
    assert y_top >= max(float(drawn(0, i)[1].max()) for i in range(2)) * 0.999  # the y range follows the scale

    view.set_density(False)
    for r in range(len(view.rows)):
        for i in range(2):
            np.testing.assert_array_equal(drawn(r, i)[1], counts[r][i])
    # the ridgeline: each frame's density integrates to 1 (up to the common height scale)
    view.set_over_time(True)
    view.set_density(True)
    assert view.visible_ridge_count(0) > 0


def test_density_of_an_empty_histogram_stays_zero():
    from explorer.gui.views.histogram_view import heights

    edges = np.array([0.0, 0.5, 2.0])
    np.testing.assert_allclose(heights(np.array([2, 2]), edges, True), [1.0, 1.0 / 3.0])
    np.testing.assert_array_equal(heights(np.array([0, 0]), edges, True), [0.0, 0.0])
    np.testing.assert_array_equal(heights(np.array([3, 1]), edges, False), [3.0, 1.0])


def test_a_small_axis_keeps_its_numbers_after_a_restyle(qtbot):
    """Presentation mode restyles the views: pyqtgraph then scaled a unitless axis spanning ±0.06 by
    1000 without saying so, and the gradient histogram read "-50 0 50" for gradients of ±0.05."""
    view = shown(qtbot, HistogramView(), 700, 700)
    snap = feed(qtbot, view, "regression")
    axis = view.grad_plots[-1].getAxis("bottom")  # the labelled one ("gradient value")
    assert axis.label.isVisible()
    lo, hi = view.grad_plots[-1].viewRange()[0]
    assert hi < 1.0  # gradients are small numbers
    palette.set_presentation(True)
    try:
        view.restyle()
        view.update_snapshot(snap)
        assert axis.autoSIPrefixScale == 1.0
        assert axis.tickStrings([0.05], 1.0, 0.01) == ["0.05"]
    finally:
        palette.set_presentation(False)
        view.restyle()


def test_toolbar_combos_fit_their_longest_item_in_presentation_mode(qtbot):
    """Presentation mode enlarged the fonts but kept the combos' first width: the y scale read "coun"."""
    view = shown(qtbot, HistogramView(), 470, 330)  # the tabbed pane at 1600x1000 in presentation mode
    feed(qtbot, view, "regression", n_layers=3)
    palette.set_presentation(True)
    try:
        view.restyle()
        qtbot.wait(20)
        assert view.layer_combo.isVisible()  # one layer at a time: the layer selector is there too
        for combo in (view.mode_combo, view.layer_combo):
            longest = max(combo.fontMetrics().horizontalAdvance(combo.itemText(i)) for i in range(combo.count()))
            assert combo.width() > longest + 10, (combo.currentText(), combo.width(), longest)
        check = view.density_check
        assert check.width() >= check.sizeHint().width()
        right = max(w.geometry().right() for w in view._toolbar_widgets() if w.isVisible())
        assert right <= view.width(), "the toolbar runs past the pane"
    finally:
        palette.set_presentation(False)
        view.restyle()


def test_every_plot_canvas_keeps_no_bsp_index_of_its_items(qtbot):
    """Qt's BSP index removes an item by the bounding rect it has then; pyqtgraph's view-dependent items
    change theirs as the view moves, so a rebuilt view left deleted items filed in the tree and the
    next paint crashed (QGraphicsItem::topLevelItem, in the restless-hands test). Every live canvas,
    the dashboard's views, the sweep view's and the step inspector's, is scanned instead."""
    import pyqtgraph as pg
    from PySide6.QtWidgets import QGraphicsScene

    from explorer.gui.step_inspector import StepInspector
    from explorer.gui.views.sweep_view import SweepView

    dash = shown(qtbot, Dashboard())
    dash.update_snapshot(make_snapshot("regression", step=100, epochs=10))
    others = [shown(qtbot, SweepView()), shown(qtbot, StepInspector())]
    canvases = [w for top in (dash, *others) for w in top.findChildren(pg.GraphicsView)]
    assert len(canvases) >= len(VIEW_IDS)
    assert {c.scene().itemIndexMethod() for c in canvases} == {QGraphicsScene.ItemIndexMethod.NoIndex}
