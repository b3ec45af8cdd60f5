"""The dialogs behind File ▸ Export figures… and File ▸ Record animation….

Each returns a plain options object (or None when cancelled) through a static
`ask(...)`, which is what the file actions call and what tests replace. The
last choices are remembered in the settings so a teacher preparing slides does
not pick "4K, print style" again for every figure.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping, Optional

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from explorer.gui import recorder as rec

# (label, width, height, scale): width/height in pixels, or a scale of the on-screen size.
PNG_SIZES: tuple[tuple[str, Optional[int], Optional[int], Optional[float]], ...] = (
    (QT_TRANSLATE_NOOP("FigureExportDialog", "Screen size × 1"), None, None, 1.0),
    (QT_TRANSLATE_NOOP("FigureExportDialog", "Screen size × 2 (sharp on high-DPI screens)"), None, None, 2.0),
    (QT_TRANSLATE_NOOP("FigureExportDialog", "Screen size × 3"), None, None, 3.0),
    (QT_TRANSLATE_NOOP("FigureExportDialog", "Full HD 1920 × 1080 (projector)"), 1920, 1080, None),
    (QT_TRANSLATE_NOOP("FigureExportDialog", "4K 3840 × 2160 (4K projector)"), 3840, 2160, None),
    (QT_TRANSLATE_NOOP("FigureExportDialog", "Print, A4 landscape at 300 dpi (3508 × 2480)"), 3508, 2480, None),
    (QT_TRANSLATE_NOOP("FigureExportDialog", "Custom size"), None, None, None),
)
DEFAULT_PNG_SIZE = 1
CUSTOM = len(PNG_SIZES) - 1
FIGURE_FORMATS = ("png", "svg", "pdf")

MAX_WIDTHS: tuple[tuple[str, Optional[int]], ...] = (
    (QT_TRANSLATE_NOOP("RecordDialog", "1920 pixels wide"), 1920),
    (QT_TRANSLATE_NOOP("RecordDialog", "1280 pixels wide"), 1280),
    (QT_TRANSLATE_NOOP("RecordDialog", "960 pixels wide"), 960),
    (QT_TRANSLATE_NOOP("RecordDialog", "640 pixels wide"), 640),
    (QT_TRANSLATE_NOOP("RecordDialog", "Same as on screen"), None),
)


@dataclass
class FigureOptions:
    folder: str
    view: Optional[str] = None  # None: every view and the whole dashboard
    formats: tuple[str, ...] = ("png", "svg")
    width: Optional[int] = None  # PNG pixels (None: from scale)
    height: Optional[int] = None
    scale: Optional[float] = 2.0  # PNG pixels per on-screen pixel
    style: str = "screen"  # "screen" | "print"
    dashboard_only: bool = False  # only the dashboard (no file per view)


@dataclass
class RecordOptions:
    path: str
    source: Optional[str] = None  # None: the dashboard; else a view id
    fps: int = rec.DEFAULT_FPS
    max_seconds: float = rec.DEFAULT_MAX_SECONDS
    max_width: Optional[int] = rec.DEFAULT_MAX_WIDTH
    play: bool = True  # start training if it is paused
    stop_at_end: bool = True  # stop recording when training finishes
    extra: dict = field(default_factory=dict)


def _folder_row(parent: QWidget, edit: QLineEdit, title: str) -> QWidget:
    row = QWidget(parent)
    lay = QHBoxLayout(row)
    lay.setContentsMargins(0, 0, 0, 0)
    lay.addWidget(edit, 1)
    browse = QPushButton(QCoreApplication.translate("FigureExportDialog", "Browse…"), row)
    lay.addWidget(browse)

    def pick() -> None:
        folder = QFileDialog.getExistingDirectory(parent, title, edit.text() or str(Path.home()))
        if folder:
            edit.setText(folder)

    browse.clicked.connect(pick)
    row.browse_button = browse  # type: ignore[attr-defined]
    return row


class FigureExportDialog(QDialog):
    """Folder, which figure(s), formats, PNG size and style."""

    def __init__(
        self,
        views: Mapping[str, Any],
        folder: str,
        remembered: Optional[Mapping[str, Any]] = None,
        parent: Optional[QWidget] = None,
    ):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export figures"))
        self.setObjectName("FigureExportDialog")
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)

        self.folder_edit = QLineEdit(folder)
        self.folder_edit.setToolTip(
            self.tr(
                "The figures are written here, one file per view and format "
                "(fit.png, loss.svg, …) plus the whole dashboard."
            )
        )
        self.folder_row = _folder_row(self, self.folder_edit, self.tr("Export figures to folder"))
        form.addRow(self.tr("Folder:"), self.folder_row)

        self.what_combo = QComboBox()
        self.what_combo.addItem(self.tr("Every view, and the whole dashboard"), "all")
        self.what_combo.addItem(self.tr("The whole dashboard only"), "dashboard")
        for vid, view in views.items():
            self.what_combo.addItem(self.tr("View: {0}").format(getattr(view, "title", vid) or vid), vid)
        form.addRow(self.tr("Figures:"), self.what_combo)

        fmt_row = QWidget()
        fmt_lay = QHBoxLayout(fmt_row)
        fmt_lay.setContentsMargins(0, 0, 0, 0)
        self.format_checks: dict[str, QCheckBox] = {}
        tips = {
            "png": self.tr("Pixels: slides, web pages, chat"),
            "svg": self.tr("Vectors: editable in Inkscape or Illustrator, sharp at any size"),
            "pdf": self.tr("Vectors: LaTeX documents and printed handouts"),
        }
        for fmt in FIGURE_FORMATS:
            box = QCheckBox(fmt.upper())
            box.setToolTip(tips[fmt])
            fmt_lay.addWidget(box)
            self.format_checks[fmt] = box
        fmt_lay.addStretch(1)
        form.addRow(self.tr("Formats:"), fmt_row)

        self.size_combo = QComboBox()
        for label, *_ in PNG_SIZES:
            self.size_combo.addItem(self.tr(label))
        self.size_combo.setToolTip(
            self.tr("Only PNG has a pixel size; SVG and PDF are vectors and stay sharp at any size.")
        )
        form.addRow(self.tr("PNG size:"), self.size_combo)
        custom = QWidget()
        custom_lay = QHBoxLayout(custom)
        custom_lay.setContentsMargins(0, 0, 0, 0)
        self.width_spin = QSpinBox()
        self.height_spin = QSpinBox()
        for spin, value in ((self.width_spin, 2400), (self.height_spin, 1350)):
            spin.setRange(160, 16384)
            spin.setSingleStep(100)
            spin.setValue(value)
            spin.setSuffix(" px")
        custom_lay.addWidget(self.width_spin)
        custom_lay.addWidget(QLabel("×"))
        custom_lay.addWidget(self.height_spin)
        custom_lay.addStretch(1)
        self.custom_row = custom
        form.addRow(self.tr("Custom size:"), custom)

        self.print_check = QCheckBox(self.tr("Print style: white background, black ink, no grid"))
        self.print_check.setToolTip(
            self.tr("For slides and handouts, also when the app shows a dark theme. Variant colours stay the same.")
        )
        form.addRow(self.tr("Style:"), self.print_check)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Export"))
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        self.problem_label = QLabel()
        self.problem_label.setStyleSheet("color: #b00020;")
        self.problem_label.setWordWrap(True)
        self.problem_label.hide()
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem_label)
        layout.addWidget(buttons)

        self.size_combo.currentIndexChanged.connect(self._sync)
        self._apply_remembered(remembered or {})
        self._sync()

    def _apply_remembered(self, r: Mapping[str, Any]) -> None:
        formats = r.get("formats") if isinstance(r.get("formats"), list) else ["png", "svg"]
        for fmt, box in self.format_checks.items():
            box.setChecked(fmt in formats)
        size = r.get("size_index")
        self.size_combo.setCurrentIndex(
            size if isinstance(size, int) and 0 <= size < len(PNG_SIZES) else DEFAULT_PNG_SIZE
        )
        for key, spin in (("custom_width", self.width_spin), ("custom_height", self.height_spin)):
            if isinstance(r.get(key), int):
                spin.setValue(r[key])
        self.print_check.setChecked(bool(r.get("print_style", False)))
        what = r.get("what")
        if isinstance(what, str):
            i = self.what_combo.findData(what)
            if i >= 0:
                self.what_combo.setCurrentIndex(i)

    def remembered(self) -> dict[str, Any]:
        return {
            "formats": [f for f, b in self.format_checks.items() if b.isChecked()],
            "size_index": self.size_combo.currentIndex(),
            "custom_width": self.width_spin.value(),
            "custom_height": self.height_spin.value(),
            "print_style": self.print_check.isChecked(),
            "what": self.what_combo.currentData(),
        }

    def _sync(self) -> None:
        self.custom_row.setEnabled(self.size_combo.currentIndex() == CUSTOM)

    def set_size_preset(self, label_start: str) -> None:
        """Select the PNG size whose label starts with `label_start` (e.g. "4K")."""
        for i, (label, *_rest) in enumerate(PNG_SIZES):
            if label.startswith(label_start):
                self.size_combo.setCurrentIndex(i)
                return
        raise ValueError(label_start)

    def problem(self) -> Optional[str]:
        if not self.folder_edit.text().strip():
            return self.tr("Choose a folder for the figures.")
        if not any(b.isChecked() for b in self.format_checks.values()):
            return self.tr("Choose at least one format.")
        return None

    def _accept(self) -> None:
        problem = self.problem()
        if problem:
            self.problem_label.setText(problem)
            self.problem_label.show()
            return
        self.accept()

    def options(self) -> FigureOptions:
        i = self.size_combo.currentIndex()
        _label, width, height, scale = PNG_SIZES[i]
        if i == CUSTOM:
            width, height, scale = self.width_spin.value(), self.height_spin.value(), None
        what = self.what_combo.currentData()
        return FigureOptions(
            folder=self.folder_edit.text().strip(),
            view=None if what in ("all", "dashboard") else what,
            formats=tuple(f for f, b in self.format_checks.items() if b.isChecked()),
            width=width,
            height=height,
            scale=scale,
            style="print" if self.print_check.isChecked() else "screen",
            dashboard_only=what == "dashboard",
        )

    @staticmethod
    def ask(parent: QWidget, views: Mapping[str, Any], folder: str, settings: Any = None) -> Optional[FigureOptions]:
        remembered = settings.get("export/figures") if settings is not None else None
        dialog = FigureExportDialog(views, folder, remembered if isinstance(remembered, dict) else None, parent)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            if settings is not None:
                settings.set("export/figures", dialog.remembered())
            return dialog.options()
        finally:
            dialog.deleteLater()


class RecordDialog(QDialog):
    """File (GIF or MP4), what to record, frame rate, length, frame width."""

    def __init__(
        self,
        views: Mapping[str, Any],
        path: str,
        remembered: Optional[Mapping[str, Any]] = None,
        parent: Optional[QWidget] = None,
    ):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Record animation"))
        self.setObjectName("RecordDialog")
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)

        self.path_edit = QLineEdit(path)
        row = QWidget()
        lay = QHBoxLayout(row)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.path_edit, 1)
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        lay.addWidget(browse)
        form.addRow(self.tr("File:"), row)

        self.format_combo = QComboBox()
        self.format_combo.addItem(self.tr("Animated GIF (plays everywhere, also in chat and on the web)"), "gif")
        self.format_combo.addItem(self.tr("MP4 video (H.264: small, smooth, for slides and video players)"), "mp4")
        form.addRow(self.tr("Format:"), self.format_combo)

        self.source_combo = QComboBox()
        self.source_combo.addItem(self.tr("The whole dashboard"), None)
        for vid, view in views.items():
            self.source_combo.addItem(self.tr("View: {0}").format(getattr(view, "title", vid) or vid), vid)
        form.addRow(self.tr("Record:"), self.source_combo)

        self.fps_spin = QSpinBox()
        self.fps_spin.setRange(1, 30)
        self.fps_spin.setSuffix(self.tr(" frames/s"))
        form.addRow(self.tr("Frame rate:"), self.fps_spin)
        self.length_spin = QDoubleSpinBox()
        self.length_spin.setRange(1.0, rec.MAX_SECONDS)
        self.length_spin.setDecimals(0)
        self.length_spin.setSuffix(self.tr(" s at most"))
        form.addRow(self.tr("Length:"), self.length_spin)
        self.width_combo = QComboBox()
        for label, value in MAX_WIDTHS:
            self.width_combo.addItem(self.tr(label), value)
        form.addRow(self.tr("Frame size:"), self.width_combo)
        self.play_check = QCheckBox(self.tr("Start training if it is paused"))
        self.stop_check = QCheckBox(self.tr("Stop recording when training finishes"))
        form.addRow("", self.play_check)
        form.addRow("", self.stop_check)
        note = QLabel(
            self.tr(
                "Frames are taken while training runs and encoded in the background; "
                "the file appears when the recording stops."
            )
        )
        note.setWordWrap(True)
        note.setEnabled(False)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Start recording"))
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        self.problem_label = QLabel()
        self.problem_label.setStyleSheet("color: #b00020;")
        self.problem_label.hide()
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.problem_label)
        layout.addWidget(buttons)

        r = remembered or {}
        self.fps_spin.setValue(int(r.get("fps", rec.DEFAULT_FPS)) if isinstance(r.get("fps"), int) else rec.DEFAULT_FPS)
        seconds = r.get("max_seconds")
        self.length_spin.setValue(float(seconds) if isinstance(seconds, (int, float)) else rec.DEFAULT_MAX_SECONDS)
        i = self.width_combo.findData(r.get("max_width", rec.DEFAULT_MAX_WIDTH))
        self.width_combo.setCurrentIndex(i if i >= 0 else 1)
        self.play_check.setChecked(bool(r.get("play", True)))
        self.stop_check.setChecked(bool(r.get("stop_at_end", True)))
        self._sync_format_from_path()
        self.format_combo.currentIndexChanged.connect(self._sync_path_from_format)
        self.path_edit.editingFinished.connect(self._sync_format_from_path)

    def _browse(self) -> None:
        fmt = self.format_combo.currentData()
        filters = "GIF (*.gif);;MP4 (*.mp4)" if fmt == "gif" else "MP4 (*.mp4);;GIF (*.gif)"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Record animation to"), self.path_edit.text(), filters)
        if path:
            self.path_edit.setText(path)
            self._sync_format_from_path()

    def _sync_format_from_path(self) -> None:
        suffix = Path(self.path_edit.text()).suffix.lower().lstrip(".")
        i = self.format_combo.findData(suffix)
        if i >= 0 and i != self.format_combo.currentIndex():
            self.format_combo.blockSignals(True)
            self.format_combo.setCurrentIndex(i)
            self.format_combo.blockSignals(False)

    def _sync_path_from_format(self) -> None:
        text = self.path_edit.text().strip()
        if text:
            self.path_edit.setText(str(Path(text).with_suffix("." + self.format_combo.currentData())))

    def _accept(self) -> None:
        text = self.path_edit.text().strip()
        if not text or not Path(text).name:
            self.problem_label.setText(self.tr("Choose a file name."))
            self.problem_label.show()
            return
        if Path(text).suffix.lower() not in (".gif", ".mp4"):
            self.path_edit.setText(text + "." + self.format_combo.currentData())
        self.accept()

    def remembered(self) -> dict[str, Any]:
        o = self.options()
        return {
            "fps": o.fps,
            "max_seconds": o.max_seconds,
            "max_width": o.max_width,
            "play": o.play,
            "stop_at_end": o.stop_at_end,
            "folder": str(Path(o.path).parent),
        }

    def options(self) -> RecordOptions:
        return RecordOptions(
            path=self.path_edit.text().strip(),
            source=self.source_combo.currentData(),
            fps=self.fps_spin.value(),
            max_seconds=float(self.length_spin.value()),
            max_width=self.width_combo.currentData(),
            play=self.play_check.isChecked(),
            stop_at_end=self.stop_check.isChecked(),
        )

    @staticmethod
    def ask(parent: QWidget, views: Mapping[str, Any], path: str, settings: Any = None) -> Optional[RecordOptions]:
        remembered = settings.get("export/animation") if settings is not None else None
        dialog = RecordDialog(views, path, remembered if isinstance(remembered, dict) else None, parent)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            if settings is not None:
                settings.set("export/animation", dialog.remembered())
            return dialog.options()
        finally:
            dialog.deleteLater()
