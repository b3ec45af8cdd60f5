"""The Sweep view: the regularization path with seed bands (one axis) or a heatmap (two axes).

One axis: x is the swept value (a log axis for lambdas and learning rates; a 0 among them is
drawn one decade left of the smallest positive value and labelled 0), y the chosen metric;
train, validation and test are separate lines, each the mean over seeds in a band (min-max
over the seeds); the best cell of the chosen split is starred; hovering a point names the
cell, clicking it emits `cell_clicked(values)` so the window can open that cell.

Two axes: a heatmap of the metric's mean with the value written in every cell, the best cell
outlined, and, when both axes hold 0, the additivity readout of d2l's exercise (gain of both
against the sum of the gains alone, paired over seeds).

Rows come from a sweep folder (sweep.json) or live from a running sweep (`set_rows`); the
view only reads plain dicts, as sweep.csv has them.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any, Optional, Sequence

import numpy as np
import pyqtgraph as pg
from PySide6 import QtCore, QtWidgets

from explorer.core.sweep import METRICS, SweepSpec, additivity, cell_stats, lower_is_better
from explorer.gui.i18n import FollowsLanguage
from explorer.gui.views import palette
from explorer.gui.views.base import live_canvas
from explorer.gui.views.sweep_words import SPLIT_NAMES, field_label, kind_words, metric_words, split_kind


def x_positions(values: Sequence[float], log: bool) -> np.ndarray:
    """Where each swept value is drawn: log10 on a log axis, with 0 one decade below the smallest
    positive value (a log axis has no 0)."""
    v = np.asarray(values, dtype=float)
    if not log:
        return v
    positive = v[v > 0]
    floor = (positive.min() / 10.0) if positive.size else 1e-6
    return np.log10(np.where(v > 0, v, floor))


def _nonzero(values: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in values.items() if v != 0} or values


class CellImage(pg.ImageItem):
    """The heatmap: hovering a cell names it (`tips`, by (i, j)); clicking one calls `clicked((i, j))`."""

    clicked: Any = None
    tips: dict[tuple[int, ...], str] = {}

    def _index(self, pos: Any) -> tuple[int, int]:
        return int(math.floor(pos.x())), int(math.floor(pos.y()))

    def hoverEvent(self, ev: Any) -> None:
        if ev.isExit():
            self.setToolTip("")
        else:
            self.setToolTip(self.tips.get(self._index(ev.pos()), ""))

    def mouseClickEvent(self, ev: Any) -> None:
        if ev.button() == QtCore.Qt.MouseButton.LeftButton and self.clicked is not None:
            ev.accept()
            self.clicked(self._index(ev.pos()))


class SweepView(FollowsLanguage, QtWidgets.QWidget):
    """See the module docstring."""

    cell_clicked = QtCore.Signal(dict)  # the clicked cell's {field path: value}

    def __init__(self, parent: Optional[QtWidgets.QWidget] = None):
        super().__init__(parent)
        self.title = self.tr("Sweep")
        self.spec: Optional[SweepSpec] = None
        self.rows: list[dict[str, Any]] = []
        self.metric_shown = "final_test_loss"  # set by the Sweep panel (set_metric) or the sweep's spec
        self.readout = QtWidgets.QLabel()
        self.readout.setWordWrap(True)
        self.graphics = live_canvas()
        palette.style_graphics_widget(self.graphics)
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.graphics, 1)
        layout.addWidget(self.readout)
        self.plot: Optional[pg.PlotItem] = None
        self.lines: dict[str, pg.PlotDataItem] = {}
        self.bands: dict[str, tuple[pg.PlotDataItem, pg.PlotDataItem, pg.FillBetweenItem]] = {}
        self.points: Optional[pg.ScatterPlotItem] = None
        self.best: Optional[pg.ScatterPlotItem] = None
        self.image: Optional[pg.ImageItem] = None
        self.labels: list[pg.TextItem] = []
        self.grid: Optional[np.ndarray] = None  # 2-D: the heatmap's values (axis 0 x axis 1)
        self.best_key: Optional[str] = None

    # --- input -----------------------------------------------------------------
    def figure_widget(self) -> pg.GraphicsView:
        return self.graphics

    def load_folder(self, folder: str | Path) -> None:
        doc = json.loads((Path(folder) / "sweep.json").read_text(encoding="utf-8"))
        spec = doc["spec"]
        self.set_rows(SweepSpec.from_dict({k: v for k, v in spec.items()}, "sweep.json"), doc["rows"])

    def set_rows(self, spec: SweepSpec, rows: Sequence[dict[str, Any]]) -> None:
        """Show these cells (all of them, or the ones finished so far). A new sweep brings its
        metric (its [sweep] table's); the Sweep panel's choice arrives through set_metric."""
        if spec != self.spec:
            self.metric_shown = spec.metric
        self.spec, self.rows = spec, list(rows)
        self.redraw()

    def set_metric(self, metric: str) -> None:
        """What the view shows: one of explorer.core.sweep.METRICS (the Sweep panel's choice)."""
        if metric not in METRICS:
            raise ValueError(f"metric: {metric!r} is not one of {', '.join(METRICS)}")
        if metric != self.metric_shown:
            self.metric_shown = metric
            self.redraw()

    def metric_names(self) -> list[str]:
        """The metric of each line: the chosen kind for train, validation and test, or the one gap."""
        if self.metric_shown in ("gap_loss", "gap_accuracy"):
            return [self.metric_shown]
        kind = split_kind(self.metric_shown)
        return [kind.format(split=s) for s in SPLIT_NAMES]

    # --- drawing ---------------------------------------------------------------
    def redraw(self) -> None:
        self.graphics.ci.clear()
        self.plot, self.lines, self.bands, self.points, self.best, self.image = None, {}, {}, None, None, None
        self.labels, self.grid, self.best_key = [], None, None
        self.readout.setText("")
        if self.spec is None or not self.rows:
            self._title(self.tr("No cells yet: set up a sweep and press Start; each cell appears here as it trains."))
            return
        if len(self.spec.axes) == 1:
            self._draw_path()
        else:
            self._draw_heatmap()

    def _draw_path(self) -> None:
        axis = self.spec.axes[0]
        log = axis.log or (axis.field.log and any(v > 0 for v in axis.values))
        names = self.metric_names()
        fg = palette.current_theme().foreground
        entries = [
            (palette.variant_hex(i), style, text)
            for i, style, text in (
                (0, "solid", self.tr("train")),
                (1, "dash", self.tr("validation")),
                (2, "dot", self.tr("test")),
            )
        ]
        if len(names) == 1:
            entries = [(palette.variant_hex(2), "solid", metric_words(names[0]))]
        entries.append((fg, "★", self.tr("best {metric}").format(metric=metric_words(self.metric_shown))))
        title = self.tr("mean over {n} seeds; band: lowest to highest seed").format(n=self.spec.seeds)
        self._title(palette.legend_html(entries) + "<br>" + title)
        plot = self.plot = self.graphics.addPlot(row=1, col=0)
        palette.apply_style(
            plot,
            x_label=field_label(axis.path) + (self.tr(" (log scale)") if log else ""),
            y_label=kind_words(self.metric_shown),
        )
        plot.showGrid(x=True, y=True, alpha=0.2)
        xs_all = x_positions(axis.values, log)
        if log:
            ticks = [(float(x), f"{v:g}") for x, v in zip(xs_all, axis.values)]
            plot.getAxis("bottom").setTicks([ticks])
        dashes = {"train": "solid", "val": "dash", "test": "dot"}
        colors = {"train": 0, "val": 1, "test": 2}
        for name in names:
            stats = cell_stats(self.rows, name)
            done = sorted((s for s in stats.values() if math.isfinite(s.mean)), key=lambda s: s.index[0])
            if not done:
                continue
            xs = np.array([xs_all[s.index[0]] for s in done])
            split = next((s for s in SPLIT_NAMES if f"_{s}_" in name), "test")
            color = palette.variant_color(colors[split])
            low = pg.PlotDataItem(xs, [s.low for s in done])
            high = pg.PlotDataItem(xs, [s.high for s in done])
            fill = pg.FillBetweenItem(low, high, brush=palette.brush(color, 0.18))
            plot.addItem(fill)
            line = pg.PlotDataItem(
                xs,
                [s.mean for s in done],
                pen=palette.pen(color, 2.4, dashes[split]),
                symbol="o",
                symbolSize=7,
                symbolBrush=palette.brush(color),
            )
            plot.addItem(line)
            self.lines[name], self.bands[name] = line, (low, high, fill)
        # the points that answer hover and click, and the star: the chosen metric's split
        target = self.metric_shown
        target_color = palette.variant_color(colors[next((s for s in SPLIT_NAMES if f"_{s}_" in target), "test")])
        stats = cell_stats(self.rows, target)
        done = [s for s in stats.values() if math.isfinite(s.mean)]
        if not done and not any(s.diverged for s in stats.values()) and self._all_finished():
            self.readout.setText(self._no_values_text(target))
        spots = [
            {"pos": (float(xs_all[s.index[0]]), s.mean), "data": {"values": s.values, "tip": self._tip(s, target)}}
            for s in done
        ]
        self.points = pg.ScatterPlotItem(
            size=14,
            pen=None,
            brush=palette.brush(target_color, 0.01),
            hoverable=True,
            tip=lambda x, y, data: data["tip"],
        )
        self.points.addPoints(spots)
        self.points.sigClicked.connect(self._on_click)
        plot.addItem(self.points)
        best = self._best(stats, target)
        if best is not None:
            self.best_key = best.key
            self.best = pg.ScatterPlotItem(
                [float(xs_all[best.index[0]])],
                [best.mean],
                symbol="star",
                size=22,
                brush=palette.brush(target_color),
                pen=palette.pen(palette.current_theme().foreground, 1.0),
            )
            plot.addItem(self.best)
            self.readout.setText(
                self.tr("Best {metric}: {value} at {cell} ({n} seeds; the band spans the seeds).").format(
                    metric=metric_words(target), value=f"{best.mean:.4g}", cell=self._cell_words(best.values), n=best.n
                )
            )
        diverged = [s for s in stats.values() if s.diverged]
        if diverged:
            words = ", ".join(self._cell_words(s.values) for s in diverged)
            self.readout.setText(self.readout.text() + " " + self.tr("Diverged: {cells}.").format(cells=words))

    def _draw_heatmap(self) -> None:
        a0, a1 = self.spec.axes
        name = self.metric_shown
        stats = cell_stats(self.rows, name)
        grid = np.full((len(a0.values), len(a1.values)), np.nan)
        for s in stats.values():
            grid[s.index[0], s.index[1]] = s.mean
        self.grid = grid
        self._title(
            self.tr("{metric}: mean \u00b1 SD over {n} seeds; the best cell outlined").format(
                metric=metric_words(name), n=self.spec.seeds
            )
        )
        plot = self.plot = self.graphics.addPlot(row=1, col=0)
        palette.apply_style(plot, x_label=field_label(a0.path), y_label=field_label(a1.path))
        self.image = CellImage(np.nan_to_num(grid, nan=np.nanmin(grid) if np.isfinite(grid).any() else 0.0))
        self.image.setColorMap(pg.colormap.get("viridis"))
        self.image.clicked = self._on_heatmap_click
        self.image.tips = {s.index: self._tip(s, name) for s in stats.values() if math.isfinite(s.mean)}
        plot.addItem(self.image)
        plot.showGrid(x=False, y=False)  # grid lines would cut through the cells' middles
        plot.getAxis("bottom").setTicks([[(i + 0.5, f"{v:g}") for i, v in enumerate(a0.values)]])
        plot.getAxis("left").setTicks([[(j + 0.5, f"{v:g}") for j, v in enumerate(a1.values)]])
        finite = grid[np.isfinite(grid)]
        lo, hi = (float(finite.min()), float(finite.max())) if finite.size else (0.0, 1.0)
        for s in stats.values():
            sd = f"\n\u00b1{s.sd:.2g}" if s.n > 1 else ""
            bright = math.isfinite(s.mean) and hi > lo and (s.mean - lo) / (hi - lo) > 0.6  # viridis: yellow-green
            text = pg.TextItem(
                f"{s.mean:.4g}{sd}" if math.isfinite(s.mean) else "\u2013",
                anchor=(0.5, 0.5),
                color="k" if bright else "w",
            )
            text.setPos(s.index[0] + 0.5, s.index[1] + 0.5)
            plot.addItem(text)
            self.labels.append(text)
        best = self._best(stats, name)
        if best is not None:
            self.best_key = best.key
            i, j = best.index
            frame = pg.PlotDataItem(
                [i, i + 1, i + 1, i, i],
                [j, j, j + 1, j + 1, j],
                pen=palette.pen(palette.variant_color(1), 4.0),
            )
            plot.addItem(frame)
        add = additivity(self.spec, self.rows, name)
        parts = [] if finite.size or not self._all_finished() else [self._no_values_text(name)]
        if best is not None:
            parts.append(
                self.tr("Best {metric}: {value} at {cell}.").format(
                    metric=metric_words(name), value=f"{best.mean:.4g}", cell=self._cell_words(best.values)
                )
            )
        if add is not None:
            # each "alone" cell named by its one regularizer (the other is 0)
            names = {k: self._cell_words(_nonzero(stats[k].values)) for k in (add.cell_a, add.cell_b) if k in stats}
            message = add.message(names.get(add.cell_a, add.cell_a), names.get(add.cell_b, add.cell_b))
            parts.append(
                self.tr("Additivity: {text}").format(
                    text=message.render(lambda t: QtCore.QCoreApplication.translate("CoreMessages", t))
                )
            )
        self.readout.setText(" ".join(parts))

    # --- helpers -----------------------------------------------------------------
    def _all_finished(self) -> bool:
        return all(r.get("status") != "running" for r in self.rows)

    def _no_values_text(self, metric: str) -> str:
        """Why nothing is drawn: the cells trained but have no value for this metric."""
        return self.tr(
            "These cells have no {metric}: a regression has no accuracy, and a run without a validation "
            "split no validation values. Choose another metric."
        ).format(metric=metric_words(metric))

    def _title(self, html: str) -> None:
        label = pg.LabelItem(justify="left")
        self.graphics.ci.addItem(label, row=0, col=0)
        palette.style_label(label, html, 0.9)

    def _best(self, stats: dict, metric: str):  # type: ignore[no-untyped-def]
        finite = [s for s in stats.values() if math.isfinite(s.mean) and not s.diverged]
        if not finite:
            return None
        return (min if lower_is_better(metric) else max)(finite, key=lambda s: s.mean)

    @staticmethod
    def _cell_words(values: dict[str, Any]) -> str:
        return ", ".join(f"{field_label(path)} = {value:g}" for path, value in values.items())

    def _tip(self, s, metric: str) -> str:  # type: ignore[no-untyped-def]
        return self.tr("{cell}: {metric} {mean} (min {low}, max {high}, {n} seeds)").format(
            cell=self._cell_words(s.values),
            metric=metric_words(metric),
            mean=f"{s.mean:.4g}",
            low=f"{s.low:.4g}",
            high=f"{s.high:.4g}",
            n=s.n,
        )

    def _on_heatmap_click(self, index: tuple[int, int]) -> None:
        if self.spec is not None and index in getattr(self.image, "tips", {}):
            self.cell_clicked.emit(self.spec.values(index))

    def _on_click(self, _item: Any, points: Any, *_args: Any) -> None:
        if len(points):
            self.cell_clicked.emit(dict(points[0].data()["values"]))

    def retranslate(self) -> None:
        self.title = self.tr("Sweep")
        self.redraw()


__all__ = ["METRICS", "SweepView", "x_positions"]
