"""The window tells the trainer which views are on screen, and the snapshots carry only their parts."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

WAIT_MS = 60_000


def _parts(win) -> tuple[str, ...]:  # type: ignore[no-untyped-def]
    snap = win.painted_snapshot
    return () if snap is None else snap.parts


def test_snapshots_follow_the_views_on_screen(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    window.start()
    qtbot.waitUntil(lambda: window.painted_snapshot is not None, timeout=WAIT_MS)
    dashboard = window.dashboard
    # the default layout: fit, losses, diagram and the first tab (histograms)
    expected = {"fit", "loss", "network", "histograms"}
    assert dashboard.visible_views() == expected
    qtbot.waitUntil(lambda: set(_parts(window)) == expected, timeout=WAIT_MS)
    # another tab: its part comes at once (the run is paused), the histograms are no longer built
    dashboard.show_tab("norms")
    qtbot.waitUntil(lambda: set(_parts(window)) == {"fit", "loss", "network", "norms"}, timeout=WAIT_MS)
    assert window.host._visible == frozenset({"fit", "loss", "network", "norms"})
    # a view hidden from the View menu
    window.view_actions["fit"].setChecked(False)
    qtbot.waitUntil(lambda: "fit" not in _parts(window), timeout=WAIT_MS)
    window.view_actions["fit"].setChecked(True)
    qtbot.waitUntil(lambda: "fit" in _parts(window), timeout=WAIT_MS)


def test_a_new_trainer_is_told_the_views_again(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    window.start()
    qtbot.waitUntil(lambda: window.painted_snapshot is not None, timeout=WAIT_MS)
    window.dashboard.show_tab("activations")
    qtbot.waitUntil(lambda: "activations" in _parts(window), timeout=WAIT_MS)
    window.host.shutdown()  # as after a crash of the trainer: Reset starts a new one
    window.host.start(window.host.experiment)
    qtbot.waitUntil(
        lambda: window.painted_snapshot is not None and window.painted_snapshot.generation == 1, timeout=WAIT_MS
    )
    qtbot.waitUntil(lambda: "activations" in _parts(window) and "histograms" not in _parts(window), timeout=WAIT_MS)


def test_the_histogram_view_redraws_only_new_histograms(qtbot) -> None:  # type: ignore[no-untyped-def]
    import dataclasses

    import numpy as np

    from explorer.gui.views import HistogramView
    from tests.gui.fake_snapshot import make_snapshot
    from tests.gui.test_views import data_of, shown

    view = shown(qtbot, HistogramView(), 700, 700)
    first = make_snapshot("regression", step=100, epochs=10, n_variants=2, n_layers=2)
    view.update_snapshot(first)
    calls: list[int] = []
    curve = view.weight_curves[0][1]
    original = curve.setData
    curve.setData = lambda *a, **k: (calls.append(1), original(*a, **k))  # type: ignore[method-assign]
    # the next snapshot carries the same histogram objects (the trainer did not rebuild them): nothing is set
    view.update_snapshot(dataclasses.replace(first, step=101))
    assert calls == []
    # new histograms are drawn
    later = make_snapshot("regression", step=300, epochs=30, n_variants=2, n_layers=2)
    view.update_snapshot(later)
    assert calls == [1]
    np.testing.assert_allclose(data_of(curve)[1], later.variants[1].linears[view.rows[0]].weight_hist.counts)


def test_exporting_a_hidden_view_gets_its_part_first(qtbot, window, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from explorer.gui.export_dialogs import FigureOptions

    window.start()
    qtbot.waitUntil(lambda: window.painted_snapshot is not None, timeout=WAIT_MS)
    window.view_actions["fit"].setChecked(False)
    window.step()  # a new model state while the fit is hidden
    qtbot.waitUntil(lambda: window.painted_snapshot.step >= 1 and "fit" not in _parts(window), timeout=WAIT_MS)
    written = window.file_actions.export_figures(FigureOptions(folder=str(tmp_path), view="fit", formats=("png",)))
    assert [p.name for p in written] == ["fit.png"]
    fit = window.dashboard.views()["fit"]
    assert "fit" in fit.last_snapshot().parts and fit.last_snapshot().step == window.painted_snapshot.step
    # afterwards the trainer builds only what is on screen again
    qtbot.waitUntil(lambda: "fit" not in (window.host._visible or {"fit"}), timeout=WAIT_MS)
