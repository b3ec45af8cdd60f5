"""Data, optimiser and training settings.

Learning rate and momentum are live (SetValue); everything else here changes
what is trained (the data, the optimiser, the batch order, the device), so it
produces a whole new validated Experiment and the window rebuilds the model.
Spin boxes do not track the keyboard: typing "200" is one edit, not three
rebuilds.
"""

from __future__ import annotations

import sys
from typing import Any, Optional

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFileDialog, QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget
from superqt.utils import qdebounced, qthrottled

from explorer.core.config import CLASSIFICATION_2D_KINDS, DOWNLOADED_KINDS, REGRESSION_KINDS, Experiment
from explorer.core.protocol import ConfigError, SetValue
from explorer.gui.core_messages import tr_message
from explorer.gui.panels import edits
from explorer.gui.panels.base import ExperimentPanel
from explorer.gui.panels.common import blocked, fill_combo, panel_layout, section, select_data
from explorer.gui.panels.form_rows import add_field_row, float_spin_box, int_spin_box
from explorer.gui.panels.tooltips import tip
from explorer.gui.widgets import LogSlider, StepSlider

THROTTLE_MS = 50
FILE_KINDS = ("digits", "idx", "csv")


class DataPanel(ExperimentPanel):
    """Signals: experimentEdited(Experiment) (rebuild), commandRequested(SetValue) (live), problem(str)."""

    experimentEdited = Signal(object)
    commandRequested = Signal(object)
    problem = Signal(str)

    def __init__(self, experiment: Optional[Experiment] = None, parent: QWidget | None = None) -> None:
        super().__init__(experiment, parent)
        self._pending_kind: Optional[str] = None  # idx/csv chosen, waiting for a path
        self._throttlers: dict[str, Any] = {}
        layout = panel_layout(self)

        # -- the dropout-scaling demonstration (no training: its own few settings) ------
        self.demo_box, form = section(self.tr("Demonstration"), self)
        self.demo_p = StepSlider(0.0, 1.0, 0.05)
        self.demo_p.setToolTip(tip("demo_p"))
        self.demo_p.valueChanged.connect(lambda v: self._debounced_edit("demo.dropout_p", v))
        add_field_row(form, self.tr("dropout p"), self.demo_p)
        self.demo_inputs = int_spin_box(1, 1_000_000, tip("demo_inputs"))
        self.demo_inputs.valueChanged.connect(lambda v: self.edit({"demo.n_inputs": int(v)}))
        add_field_row(form, self.tr("inputs n"), self.demo_inputs)
        self.demo_samples = int_spin_box(1, 100_000, tip("demo_samples"))
        self.demo_samples.valueChanged.connect(lambda v: self.edit({"demo.samples": int(v)}))
        add_field_row(form, self.tr("train-mode passes"), self.demo_samples)
        self.demo_seed = int_spin_box(0, 2**31 - 1, tip("seed"))
        self.demo_seed.valueChanged.connect(lambda v: self.edit({"demo.seed": int(v)}))
        add_field_row(form, self.tr("seed"), self.demo_seed)
        layout.addWidget(self.demo_box)

        # -- data -------------------------------------------------------------------
        self.data_box, form = section(self.tr("Data"), self)
        self.dataset_kind = QComboBox()
        fill_combo(
            self.dataset_kind,
            [
                ("linear", self.tr("line y = 1.5x + noise")),
                ("sine", self.tr("sine curve")),
                ("xsinx", self.tr("x sin x (uncertainty demo)")),
                ("quadratic", self.tr("parabola y = x²")),
                ("highdim", self.tr("high-dimensional linear")),
                ("circles", self.tr("circles (2-D)")),
                ("xor", self.tr("XOR (2-D)")),
                ("gaussians", self.tr("two Gaussians (2-D)")),
                ("spiral", self.tr("spiral (2-D)")),
                ("moons", self.tr("moons (2-D)")),
                ("digits", self.tr("digits 8×8 images")),
                ("fashion-mnist", self.tr("Fashion-MNIST 28×28 (downloaded once)")),
                ("mnist", self.tr("MNIST digits 28×28 (downloaded once)")),
                ("idx", self.tr("IDX images (MNIST)…")),
                ("csv", self.tr("CSV file…")),
            ],
        )
        self.dataset_kind.setToolTip(tip("dataset"))
        # sized for a short name, not the longest ("Fashion-MNIST 28×28 (downloaded once)"): that one made
        # this dock, and so the window, too wide for a 1,280 px projector; the list shows every name whole
        self.dataset_kind.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.dataset_kind.setMinimumContentsLength(16)
        self.dataset_kind.view().setMinimumWidth(self.dataset_kind.view().sizeHintForColumn(0) + 24)
        self.dataset_kind.currentIndexChanged.connect(self._on_kind)
        form.addRow(self.tr("dataset"), self.dataset_kind)

        path_row = QWidget()
        path_layout = QHBoxLayout(path_row)
        path_layout.setContentsMargins(0, 0, 0, 0)
        self.path_edit = QLineEdit()
        self.path_edit.setToolTip(tip("path"))
        self.path_edit.setPlaceholderText(self.tr("choose a file or folder"))
        self.path_edit.editingFinished.connect(lambda: self._on_path(self.path_edit.text().strip()))
        self.browse_button = QPushButton(self.tr("Browse…"))
        self.browse_button.setToolTip(tip("path"))
        self.browse_button.clicked.connect(self.browse_path)
        path_layout.addWidget(self.path_edit, 1)
        path_layout.addWidget(self.browse_button)
        self._path_row = path_row
        form.addRow(self.tr("file"), path_row)

        self.noise = float_spin_box(0.0, 10.0, 0.05, 3, tip("noise"))
        self.n_train = int_spin_box(1, 100_000, tip("n_train"))
        self.n_val = int_spin_box(0, 100_000, tip("n_val"))
        self.n_test = int_spin_box(0, 100_000, tip("n_test"))
        self.input_dim = int_spin_box(1, 10_000, tip("input_dim"))
        self.validation_fraction = float_spin_box(0.0, 0.9, 0.05, 2, tip("validation_fraction"))
        self.test_fraction = float_spin_box(0.0, 0.9, 0.05, 2, tip("test_fraction"))
        self.max_samples = int_spin_box(0, 10_000_000, tip("max_samples"))
        self.max_samples.setSpecialValueText(self.tr("all"))
        self._data_fields = [
            ("dataset.noise", self.tr("noise σ"), self.noise),
            ("dataset.n_train", self.tr("training points"), self.n_train),
            ("dataset.n_val", self.tr("validation points"), self.n_val),
            ("dataset.n_test", self.tr("test points"), self.n_test),
            ("dataset.input_dim", self.tr("inputs d"), self.input_dim),
            ("dataset.validation_fraction", self.tr("validation share"), self.validation_fraction),
            ("dataset.test_fraction", self.tr("test share"), self.test_fraction),
            ("dataset.max_samples", self.tr("max samples"), self.max_samples),
        ]
        for path, text, widget in self._data_fields:
            add_field_row(form, text, widget)
            widget.valueChanged.connect(lambda v, path=path: self._on_field(path, v))
        self.regenerate_button = QPushButton(self.tr("Regenerate data (new seed)"))
        self.regenerate_button.setToolTip(tip("regenerate"))
        self.regenerate_button.clicked.connect(self.regenerate)
        form.addRow(self.regenerate_button)
        self._data_form = form
        layout.addWidget(self.data_box)

        # -- optimiser ------------------------------------------------------------------
        self.opt_box, form = section(self.tr("Optimiser"), self)
        self.optimizer_kind = QComboBox()
        fill_combo(self.optimizer_kind, [("sgd", "SGD"), ("adam", "Adam"), ("adamw", "AdamW")])
        self.optimizer_kind.setToolTip(tip("optimizer"))
        self.optimizer_kind.currentIndexChanged.connect(
            lambda _=0: self.edit({"optimizer.kind": self.optimizer_kind.currentData()})
        )
        add_field_row(form, self.tr("optimiser"), self.optimizer_kind)
        self.lr = LogSlider(1e-5, 1.0, allow_off=False, typed_maximum=100.0)
        self.lr.setToolTip(tip("lr"))
        self.lr.valueChanged.connect(lambda v: self._throttled("optimizer.lr", v))
        self.lr.invalidInput.connect(lambda msg: self.problem.emit(f"optimizer.lr: {msg}"))
        add_field_row(form, self.tr("learning rate η"), self.lr)
        self.momentum = StepSlider(0.0, 0.99, 0.01)
        self.momentum.setToolTip(tip("momentum"))
        self.momentum.valueChanged.connect(lambda v: self._throttled("optimizer.momentum", v))
        add_field_row(form, self.tr("momentum μ"), self.momentum)
        self.batch_size = int_spin_box(0, 1_000_000, tip("batch_size"))
        self.batch_size.setSpecialValueText(self.tr("full batch"))
        self.batch_size.valueChanged.connect(lambda v: self.edit({"training.batch_size": int(v) if v > 0 else None}))
        add_field_row(form, self.tr("batch size"), self.batch_size)
        layout.addWidget(self.opt_box)

        # -- training ---------------------------------------------------------------------
        self.train_box, form = section(self.tr("Training"), self)
        self.epochs = int_spin_box(0, 10_000_000, tip("epochs"))
        self.epochs.valueChanged.connect(lambda v: self.edit({"training.epochs": int(v)}))
        add_field_row(form, self.tr("epochs"), self.epochs)
        self.seed = int_spin_box(0, 2**31 - 1, tip("seed"))
        self.seed.valueChanged.connect(lambda v: self.edit({"training.seed": int(v)}))
        add_field_row(form, self.tr("training seed"), self.seed)
        self.replicates = int_spin_box(1, 32, tip("replicates"))
        self.replicates.valueChanged.connect(lambda v: self.edit({"training.replicates": int(v)}))
        add_field_row(form, self.tr("seeds per variant"), self.replicates)
        self.eval_every = int_spin_box(1, 1_000_000, tip("eval_every"))
        self.eval_every.setSuffix(self.tr(" epochs"))
        self.eval_every.valueChanged.connect(lambda v: self.edit({"training.eval_every": int(v)}))
        add_field_row(form, self.tr("evaluate every"), self.eval_every)
        self.device = QComboBox()
        self.device.setToolTip(tip("device"))
        self._fill_devices(None)
        self.device.currentIndexChanged.connect(lambda _=0: self.edit({"training.device": self.device.currentData()}))
        add_field_row(form, self.tr("device"), self.device)
        self.device_readout = QLabel("")
        self.device_readout.setWordWrap(True)
        form.addRow(self.device_readout)
        layout.addWidget(self.train_box)
        layout.addStretch(1)
        self.set_experiment(self._experiment)

    # -- state in -----------------------------------------------------------------------
    @property
    def field_widgets(self) -> dict[str, QWidget]:
        widgets: dict[str, QWidget] = {"dataset.kind": self.dataset_kind, "dataset.path": self._path_row}
        widgets.update({path: widget for path, _, widget in self._data_fields})
        widgets.update(
            {
                "dataset.seed": self.regenerate_button,
                "optimizer.kind": self.optimizer_kind,
                "optimizer.lr": self.lr,
                "optimizer.momentum": self.momentum,
                "training.batch_size": self.batch_size,
                "training.epochs": self.epochs,
                "training.seed": self.seed,
                "training.replicates": self.replicates,
                "training.eval_every": self.eval_every,
                "training.device": self.device,
                "demo.dropout_p": self.demo_p,
                "demo.n_inputs": self.demo_inputs,
                "demo.samples": self.demo_samples,
                "demo.seed": self.demo_seed,
            }
        )
        return widgets

    def set_experiment(self, experiment: Experiment) -> None:
        """Show `experiment` (no signals). A throttled live value still waiting (learning rate,
        momentum) was meant for the experiment this one replaces: it is dropped."""
        for key, throttler in self._throttlers.items():
            if not key.startswith("edit:"):
                throttler.cancel()
        self._experiment = experiment
        self._pending_kind = None
        d, o, t = experiment.dataset, experiment.optimizer, experiment.training
        select_data(self.dataset_kind, d.kind)
        with blocked(
            self.path_edit,
            *[w for _, _, w in self._data_fields],
            self.batch_size,
            self.epochs,
            self.seed,
            self.replicates,
            self.eval_every,
        ):
            self.path_edit.setText(d.path or "")
            self.noise.setValue(d.noise)
            self.n_train.setValue(d.n_train)
            self.n_val.setValue(d.n_val)
            self.n_test.setValue(d.n_test)
            self.input_dim.setValue(d.input_dim)
            self.validation_fraction.setValue(d.validation_fraction)
            self.test_fraction.setValue(d.test_fraction)
            self.max_samples.setValue(d.max_samples or 0)
            self.batch_size.setValue(t.batch_size or 0)
            self.epochs.setValue(t.epochs)
            self.seed.setValue(t.seed)
            self.replicates.setValue(t.replicates)
            self.eval_every.setValue(t.eval_every)
        self._show_rows_for(d.kind)
        select_data(self.optimizer_kind, o.kind)
        self.lr.setValue(o.lr)
        self.momentum.setValue(o.momentum)
        self.momentum.setEnabled(o.kind == "sgd")
        select_data(self.device, t.device)
        demo = experiment.kind == "dropout-scaling"
        self.demo_box.setVisible(demo)
        for box in (self.data_box, self.opt_box, self.train_box):
            box.setVisible(not demo)
        self.demo_p.setValue(experiment.demo.dropout_p)
        with blocked(self.demo_inputs, self.demo_samples, self.demo_seed):
            self.demo_inputs.setValue(experiment.demo.n_inputs)
            self.demo_samples.setValue(experiment.demo.samples)
            self.demo_seed.setValue(experiment.demo.seed)

    def _show_rows_for(self, kind: str) -> None:
        synthetic = kind in REGRESSION_KINDS or kind in CLASSIFICATION_2D_KINDS
        visible = {
            "dataset.noise": synthetic,
            "dataset.n_train": synthetic,
            "dataset.n_val": synthetic,
            "dataset.n_test": synthetic,
            "dataset.input_dim": kind == "highdim",
            "dataset.validation_fraction": not synthetic,
            "dataset.test_fraction": not synthetic and kind not in DOWNLOADED_KINDS,  # official test split
            "dataset.max_samples": not synthetic,
        }
        for path, _, widget in self._data_fields:
            self._data_form.setRowVisible(widget, visible[path])
        self._data_form.setRowVisible(self._path_row, kind in ("idx", "csv"))
        self.regenerate_button.setEnabled(synthetic)
        self.path_edit.setPlaceholderText(
            self.tr("folder with *-idx3-ubyte files") if kind == "idx" else self.tr("a .csv file")
        )

    def retranslate(self) -> None:
        self._fill_devices(self._cuda_count)
        super().retranslate()

    def update_snapshot(self, snapshot) -> None:
        """Live readout: the device the trainer really uses (it may have fallen back)."""
        device = getattr(snapshot, "device", "")
        if not device:
            return
        wanted = self._experiment.training.device
        text = self.tr("in use: {0}").format(device)
        if wanted == "cuda" and not device.startswith("cuda"):
            text += self.tr(" (CUDA not available: fell back to the CPU)")
        self.device_readout.setText(text)
        if device.startswith("cuda") and self.device.itemData(self.device.count() - 1) == "cuda":
            self.device.setItemText(self.device.count() - 1, self.tr("CUDA GPU ({0})").format(device))

    def _fill_devices(self, cuda_count: Optional[int]) -> None:
        self._cuda_count = cuda_count
        cuda_text = self.tr("CUDA GPU")
        if cuda_count is not None:
            cuda_text = (
                self.tr("CUDA GPU ({0} found)").format(cuda_count) if cuda_count else self.tr("CUDA GPU (none found)")
            )
        fill_combo(
            self.device, [("auto", self.tr("auto (GPU if present)")), ("cpu", self.tr("CPU")), ("cuda", cuda_text)]
        )
        select_data(self.device, self._experiment.training.device)

    def probe_devices(self) -> None:
        """Label the CUDA entry with the number of GPUs, if torch is already loaded here.

        Importing torch in the GUI process costs seconds; with the default child
        process host the GUI never needs it, so it is only asked when present.
        """
        torch = sys.modules.get("torch")
        if torch is None:
            return
        try:
            count = int(torch.cuda.device_count())
        except Exception:
            count = 0
        self._fill_devices(count)

    # -- edits out --------------------------------------------------------------------------
    def edit(self, assignments: dict[str, Any]) -> bool:
        """A structural edit: validate the whole experiment, then emit it (or the problem)."""
        try:
            new = self._experiment.with_values(assignments)
            new.resolved_variants()
        except ConfigError as exc:
            self.problem.emit(tr_message(exc.message))
            self.set_experiment(self._experiment)
            return False
        self.set_experiment(new)
        self.experimentEdited.emit(new)
        return True

    def _on_field(self, path: str, value: Any) -> None:
        if path == "dataset.max_samples":
            value = int(value) if value >= 10 else None
        elif isinstance(value, float):
            value = round(value, 6)
        self.edit({path: value})

    def _on_kind(self, _index: int = 0) -> None:
        kind = self.dataset_kind.currentData()
        assignments: dict[str, Any] = {"dataset.kind": kind}
        if kind in REGRESSION_KINDS and self._experiment.early_stopping.monitor == "val_accuracy":
            assignments["early_stopping.monitor"] = "val_loss"
        if kind in ("idx", "csv") and not (self._experiment.dataset.kind == kind and self._experiment.dataset.path):
            # a file set needs its path first: wait for it rather than refuse the choice
            self._pending_kind = kind
            self._show_rows_for(kind)
            with blocked(self.path_edit):
                self.path_edit.clear()
            self.problem.emit(
                self.tr("Choose the {0} for the {1} dataset (Browse…)").format(
                    self.tr("folder") if kind == "idx" else self.tr("file"), kind
                )
            )
            return
        self.edit(assignments)

    def browse_path(self) -> None:
        kind = self._pending_kind or self._experiment.dataset.kind
        if kind == "idx":
            path = QFileDialog.getExistingDirectory(self, self.tr("Folder with IDX files"), self.path_edit.text())
        else:
            path, _ = QFileDialog.getOpenFileName(
                self, self.tr("CSV file"), self.path_edit.text(), self.tr("CSV files (*.csv *.csv.gz);;All files (*)")
            )
        if path:
            with blocked(self.path_edit):
                self.path_edit.setText(path)
            self._on_path(path)

    def _on_path(self, path: str) -> None:
        kind = self._pending_kind or self._experiment.dataset.kind
        if kind not in ("idx", "csv"):
            return
        if not path:
            if self._pending_kind:
                self.problem.emit(self.tr("The {0} dataset needs a path").format(kind))
            return
        if path == (self._experiment.dataset.path or "") and kind == self._experiment.dataset.kind:
            return
        self.edit({"dataset.kind": kind, "dataset.path": path})

    def regenerate(self) -> None:
        self.edit({"dataset.seed": (self._experiment.dataset.seed + 1) % (2**31 - 1)})

    def _debounced_edit(self, path: str, value: Any) -> None:
        """A structural edit from a slider: rebuild once the drag pauses, not for every position."""
        key = "edit:" + path
        debouncer = self._throttlers.get(key)
        if debouncer is None:
            debouncer = qdebounced(self._edit_one, timeout=150, parent=self)
            self._throttlers[key] = debouncer
        debouncer(path, value)

    def _edit_one(self, path: str, value: Any) -> None:
        self.edit({path: value})

    def _throttled(self, path: str, value: Any) -> None:
        throttler = self._throttlers.get(path)
        if throttler is None:
            throttler = qthrottled(self._request, timeout=THROTTLE_MS, leading=True, parent=self)
            self._throttlers[path] = throttler
        throttler(path, value)

    def flush(self) -> None:
        for throttler in self._throttlers.values():
            throttler.flush()

    def _request(self, path: str, value: Any) -> None:
        cmd = SetValue(path, value, variant=None)
        try:
            new = edits.apply_set_value(self._experiment, cmd)
        except ConfigError as exc:
            self.problem.emit(tr_message(exc.message))
            self.lr.setValue(self._experiment.optimizer.lr)
            self.momentum.setValue(self._experiment.optimizer.momentum)
            return
        self._experiment = new
        self.commandRequested.emit(cmd)
