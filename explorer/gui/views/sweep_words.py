"""The Sweep panel's and view's words: metrics ("final test loss") and swept fields ("dropout p of
every hidden layer") in the UI's language. Contexts: "SweepView" for the metric words, "SweepFields"
for the core's field words (marked in explorer/gui/i18n_strings.py, SWEEP_FIELDS)."""

from __future__ import annotations

import re

from PySide6 import QtCore

from explorer.core.sweep import SweepError, sweep_field

SPLIT_NAMES = ("train", "val", "test")
KINDS = ("final_{split}_loss", "best_{split}_loss", "final_{split}_accuracy", "best_{split}_accuracy")


def split_kind(metric: str) -> str:
    """ "best_val_loss" -> "best_{split}_loss" (a gap has no split: itself)."""
    for split in SPLIT_NAMES:
        if f"_{split}_" in metric:
            return metric.replace(f"_{split}_", "_{split}_")
    return metric


def _words() -> dict[str, str]:
    """The parts of a metric's name, translated (each literal, so lupdate finds it)."""
    translate = QtCore.QCoreApplication.translate
    return {
        "final": translate("SweepView", "final"),
        "best": translate("SweepView", "best"),
        "train": translate("SweepView", "train"),
        "val": translate("SweepView", "validation"),
        "test": translate("SweepView", "test"),
        "loss": translate("SweepView", "loss"),
        "accuracy": translate("SweepView", "accuracy"),
        "gap_loss": translate("SweepView", "gap (test - train loss)"),
        "gap_accuracy": translate("SweepView", "gap (train - test accuracy)"),
    }


def metric_words(metric: str) -> str:
    """A metric as a user reads it, in the UI's language: "final test loss", "gap (test - train loss)"."""
    words = _words()
    if metric in ("gap_loss", "gap_accuracy"):
        return words[metric]
    when, split, what = metric.split("_")
    return QtCore.QCoreApplication.translate("SweepView", "{when} {split} {what}").format(
        when=words[when], split=words[split], what=words[what]
    )


def field_label(path: str) -> str:
    """A swept field in the UI's language, as the Sweep panel lists it ("dropout p of every hidden
    layer"); a field of one layer names the layer. The core's words are marked for translation in
    explorer/gui/i18n_strings.py (SWEEP_FIELDS, context "SweepFields")."""
    try:
        field = sweep_field(path)
    except SweepError:
        return path
    words = QtCore.QCoreApplication.translate("SweepFields", field.words)
    layer = re.match(r"network\.layers\.(\d+)\.", path)
    if layer and ".N." in field.pattern:
        words = QtCore.QCoreApplication.translate("SweepView", "{words}, layer {n}").format(
            words=words, n=int(layer.group(1)) + 1
        )
    return words


def kind_words(metric: str) -> str:
    """The y axis of the three split lines: "final loss" (a gap: the gap)."""
    words = _words()
    if metric in ("gap_loss", "gap_accuracy"):
        return words[metric]
    when, _, what = metric.split("_")
    return QtCore.QCoreApplication.translate("SweepView", "{when} {what}").format(when=words[when], what=words[what])
