"""The Sweep window: a panel to set up a sweep of the current experiment and the Sweep view that
fills in as cells finish. The sweep trains in a child process (SweepRunner), so this window and
the main one stay live; it can be paused and cancelled, and a click on a cell opens that cell
in the main window as the current experiment.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable, Optional

from PySide6 import QtCore, QtGui, QtWidgets

from explorer.core.config import Experiment
from explorer.core.protocol import ExplorerError
from explorer.core.sweep import METRICS, SweepSpec
from explorer.gui.i18n import FollowsLanguage
from explorer.gui.settings import Settings
from explorer.gui.sweep_axis import AxisRow
from explorer.gui.sweep_folder import FolderField
from explorer.gui.sweep_place import SweepPlaceBox, WorkersTable, core_text
from explorer.gui.sweep_runner import SweepRunner
from explorer.gui.views.sweep_view import SweepView
from explorer.gui.views.sweep_words import metric_words


class SweepWindow(FollowsLanguage, QtWidgets.QWidget):
    sweep_started = QtCore.Signal()
    sweep_ended = QtCore.Signal(str)  # "done" | "cancelled" | "error" (also when the window closes mid-sweep)

    def __init__(
        self,
        experiment: Callable[[], Experiment],
        open_cell: Callable[[Experiment], None],
        parent: Optional[QtWidgets.QWidget] = None,
        settings: Optional[Settings] = None,
    ):
        super().__init__(parent, QtCore.Qt.WindowType.Window)
        self._experiment, self._open_cell = experiment, open_cell
        self._base: Optional[Experiment] = None
        self._spec: Optional[SweepSpec] = None
        self._table_shown: Optional[tuple[str, str]] = None  # whose [sweep] table the panel was filled from
        self.runner = SweepRunner(self)
        self.axes = [AxisRow(), AxisRow()]
        self.second = QtWidgets.QCheckBox()
        self.seeds = QtWidgets.QSpinBox()
        self.seeds.setRange(1, 32)
        self.seeds.setValue(3)
        self.metric_box = QtWidgets.QComboBox()  # the one place the metric is chosen; the view follows it
        for name in METRICS:
            self.metric_box.addItem(metric_words(name), name)
        self.folder = FolderField()  # empty: a folder of its own for each sweep
        self.start_button, self.pause_button, self.cancel_button = (
            QtWidgets.QPushButton(),
            QtWidgets.QPushButton(),
            QtWidgets.QPushButton(),
        )
        self.export_figure_button, self.export_csv_button = QtWidgets.QPushButton(), QtWidgets.QPushButton()
        self.progress = QtWidgets.QProgressBar()
        self.progress.setRange(0, 1000)
        self.status = QtWidgets.QLabel()
        self.status.setWordWrap(True)
        self.live_note = QtWidgets.QLabel()  # what became of the main window's live run (sweep_live)
        self.live_note.setWordWrap(True)
        self.live_note.hide()
        self.view = SweepView()
        self.place = SweepPlaceBox(settings)
        self.workers = WorkersTable()
        self.workers.setMaximumHeight(120)
        self.workers.hide()
        form = QtWidgets.QFormLayout()
        self.labels = [QtWidgets.QLabel() for _ in range(5)]
        form.addRow(self.labels[0], self.axes[0])
        row2 = QtWidgets.QHBoxLayout()
        row2.addWidget(self.second)
        row2.addWidget(self.axes[1], 1)
        form.addRow(self.labels[1], row2)
        form.addRow(self.labels[2], self.seeds)
        form.addRow(self.labels[3], self.metric_box)
        form.addRow(self.labels[4], self.folder)
        buttons = QtWidgets.QHBoxLayout()
        for b in (self.start_button, self.pause_button, self.cancel_button):
            buttons.addWidget(b)
        buttons.addWidget(self.progress, 1)
        buttons.addWidget(self.export_figure_button)
        buttons.addWidget(self.export_csv_button)
        layout = QtWidgets.QVBoxLayout(self)
        top = QtWidgets.QHBoxLayout()
        top.addLayout(form, 1)
        top.addWidget(self.place)
        layout.addLayout(top)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        layout.addWidget(self.live_note)
        layout.addWidget(self.workers)
        layout.addWidget(self.view, 1)
        self.second.toggled.connect(self.axes[1].setEnabled)
        self.axes[1].setEnabled(False)
        self.start_button.clicked.connect(self.start_sweep)
        self.pause_button.clicked.connect(self.toggle_pause)
        self.cancel_button.clicked.connect(self.runner.cancel)
        self.runner.planned.connect(self._on_planned)
        self.runner.progress.connect(lambda f: self.progress.setValue(int(1000 * f)))
        self.runner.rows_changed.connect(self._on_rows)
        self.runner.workers_changed.connect(self._on_workers)
        self.runner.finished.connect(self._on_finished)
        self.runner.failed.connect(lambda text: self.status.setText(self.tr("The sweep stopped: {0}").format(text)))
        self.view.cell_clicked.connect(self._on_cell)
        self.metric_box.currentIndexChanged.connect(lambda _=0: self.view.set_metric(self.metric_name()))
        self.export_figure_button.clicked.connect(self.export_figure_dialog)
        self.export_csv_button.clicked.connect(self.export_csv_dialog)
        self.retranslate()
        self._set_running(False)
        self.resize(1200, 820)

    def showEvent(self, event: Any) -> None:
        """Opening on an experiment with a [sweep] table (the sweep presets) fills the panel from it;
        opening again on the same one keeps what the user set up meanwhile."""
        super().showEvent(event)
        try:
            if not self.runner.running():
                experiment = self._experiment()
                self.offer_metrics(experiment.dataset.task)
                key = (experiment.meta.title, repr(experiment.sweep))
                if key != self._table_shown:
                    self._table_shown = key
                    self.load_table(experiment.sweep)
        except Exception as exc:
            self.status.setText(str(exc))

    def load_table(self, table: Optional[dict[str, Any]]) -> None:
        if not table or not isinstance(table.get("axes"), list):
            return
        axes = [a for a in table["axes"] if isinstance(a, dict) and "path" in a]
        shown = [row.set_axis(str(a["path"]), a.get("values", a.get("spec", ""))) for row, a in zip(self.axes, axes)]
        self.second.setChecked(len(shown) > 1 and shown[1])
        if isinstance(table.get("seeds"), int) and 1 <= table["seeds"] <= 32:
            self.seeds.setValue(table["seeds"])
        if table.get("metric") in METRICS and self._offered(str(table["metric"])):
            self.set_metric(str(table["metric"]))

    def _offered(self, metric: str) -> bool:
        model = self.metric_box.model()
        flags = model.flags(model.index(METRICS.index(metric), 0))
        return bool(flags & QtCore.Qt.ItemFlag.ItemIsEnabled)

    def offer_metrics(self, task: Optional[str]) -> None:
        """A regression has no accuracy: its accuracy metrics are greyed out (and not chosen)."""
        model = self.metric_box.model()
        for i, name in enumerate(METRICS):
            item = model.item(i) if isinstance(model, QtGui.QStandardItemModel) else None
            if item is not None:
                item.setEnabled(task != "regression" or "accuracy" not in name)
        if task == "regression" and "accuracy" in self.metric_name():
            self.set_metric("final_test_loss")

    def metric_name(self) -> str:
        """The chosen metric (explorer.core.sweep.METRICS)."""
        return str(self.metric_box.currentData())

    def set_metric(self, metric: str) -> None:
        """Choose what the Sweep view shows (and a started sweep's table records)."""
        self.metric_box.setCurrentIndex(self.metric_box.findData(metric))
        self.view.set_metric(metric)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Sweep"))
        for label, text in zip(
            self.labels,
            (
                self.tr("Sweep"),
                self.tr("and, as a grid"),
                self.tr("seeds per cell"),
                self.tr("show"),
                self.tr("folder"),
            ),
        ):
            label.setText(text)
        for i, name in enumerate(METRICS):
            self.metric_box.setItemText(i, metric_words(name))
        self.metric_box.setToolTip(
            self.tr(
                "What the Sweep view shows and stars the best of: the final or best loss or accuracy "
                "(drawn for train, validation and test), or the train-test gap."
            )
        )
        self.start_button.setText(self.tr("Start"))
        self.pause_button.setText(self.tr("Resume") if self.runner.paused else self.tr("Pause"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.export_figure_button.setText(self.tr("Export figure…"))
        self.export_csv_button.setText(self.tr("Export CSV…"))
        self.folder.retranslate()
        for row in self.axes:
            row.retranslate()

    def _set_running(self, running: bool) -> None:
        self.start_button.setEnabled(not running)
        self.place.setEnabled(not running)
        self.pause_button.setEnabled(running)
        self.cancel_button.setEnabled(running)

    def spec_table(self) -> dict[str, Any]:
        axes = [self.axes[0].axis_dict()] + ([self.axes[1].axis_dict()] if self.second.isChecked() else [])
        return {"axes": axes, "seeds": self.seeds.value(), "metric": self.metric_name()}

    def start_sweep(self) -> bool:
        try:
            table = self.spec_table()
            self._spec = SweepSpec.from_dict(table, "sweep")
            place = self.place.place()
        except ExplorerError as exc:
            self.status.setText(core_text(exc))
            return False
        self._base = self._experiment()
        folder = self.folder.resolve(self._base, table)
        self.view.set_rows(self._spec, [])
        self.progress.setValue(0)
        self.status.setText(
            self.tr("Starting the sweep…") if place.kind == "here" else self.tr("Connecting to the cluster…")
        )
        self.workers.show_workers([], {})
        self.workers.setVisible(place.kind != "here")
        try:
            self.runner.start(self._base.to_dict(), table, folder, place.to_dict())
        except (OSError, RuntimeError) as exc:
            self.status.setText(self.tr("Could not start the sweep: {0}").format(exc))
            return False
        self._set_running(True)
        self.show_live_note("")
        self.sweep_started.emit()
        return True

    def show_live_note(self, text: str) -> None:
        self.live_note.setText(text)
        self.live_note.setVisible(bool(text))

    def toggle_pause(self) -> None:
        if self.runner.paused:
            self.runner.resume()
        else:
            self.runner.pause()
        self.retranslate()

    def _on_planned(self, cells: int, done: int, memory: float) -> None:
        self.status.setText(
            self.tr("{cells} cells x {seeds} seeds; {done} already in the folder; about {mb} MB per chunk.").format(
                cells=cells, seeds=self.seeds.value(), done=done, mb=f"{memory:.0f}"
            )
        )

    def _on_workers(self, workers: list, done: dict) -> None:
        self.workers.show_workers(workers, done)
        self.workers.setToolTip(self.tr("Workers: {0}").format(len(workers)))

    def _on_rows(self, rows: list) -> None:
        if self._spec is not None:
            self.view.set_rows(self._spec, rows)

    def _on_finished(self, state: str) -> None:
        self._set_running(False)
        self.retranslate()
        if state == "done":
            self.progress.setValue(1000)
            self.status.setText(self.tr("The sweep is finished; its files are in {0}.").format(self.folder.text()))
        elif state == "cancelled":
            text = self.tr("Cancelled; the finished cells are in {0}.").format(self.folder.text())
            if any(r.get("status") == "running" for r in self.view.rows):
                text += " " + self.tr(
                    "The cells that had not finished stay drawn as they were when cancelled; they are not in "
                    "the folder, and starting the sweep again trains them anew."
                )
            self.status.setText(text)
        self.sweep_ended.emit(state)

    def _on_cell(self, values: dict) -> None:
        """Open the clicked cell as the current experiment: the sweep's experiment (without its
        variants, with the sweep's seeds as replicates, as the cell trained) with the cell's values."""
        if self._base is None or self._spec is None:
            return
        from explorer.core.sweep._plan import concrete_paths, sweep_base

        base = sweep_base(self._base, self._spec)
        data = {p: v for path, v in values.items() for p in concrete_paths(base, path)}
        self._open_cell(base.with_values(data))

    # --- exports ---------------------------------------------------------------
    def export_figure(self, path: str) -> Path:
        """The Sweep view as PNG, SVG or PDF (by the suffix), as File ▸ Export figures writes a view."""
        from explorer.gui.export import export_widget

        return export_widget(self.view, path)

    def export_csv(self, path: str) -> Path:
        """The rows shown (one per cell and seed), as sweep.csv has them; written atomically."""
        from explorer.core.sweep import rows_to_csv
        from explorer.core.util import atomic_write_text

        if self.view.spec is None:
            raise ExplorerError(self.tr("There is no sweep to export yet."))
        finished = [r for r in self.view.rows if r.get("status") != "running"]  # as sweep.csv: finished cells
        atomic_write_text(path, rows_to_csv(self.view.spec, finished))
        return Path(path)

    def _export_dialog(self, caption: str, filters: str, write: Callable[[str], Path]) -> None:
        path, _ = QtWidgets.QFileDialog.getSaveFileName(self, caption, self.folder.text(), filters)
        if not path:
            return
        try:
            self.status.setText(self.tr("Wrote {0}.").format(write(path)))
        except ExplorerError as exc:
            self.status.setText(str(exc))

    def export_figure_dialog(self) -> None:
        self._export_dialog(self.tr("Export figure"), "PNG (*.png);;SVG (*.svg);;PDF (*.pdf)", self.export_figure)

    def export_csv_dialog(self) -> None:
        self._export_dialog(self.tr("Export CSV"), "CSV (*.csv)", self.export_csv)

    def closeEvent(self, event: Any) -> None:
        running = self.runner.running()
        self.runner.shutdown()  # cancels and joins; finished is not emitted
        if running:
            self._set_running(False)
            self.sweep_ended.emit("cancelled")
        super().closeEvent(event)
