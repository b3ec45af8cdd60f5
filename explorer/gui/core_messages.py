"""Messages written by explorer.core (Qt-free, English), shown in the language of the interface.

The core reports problems and progress in English sentences built from values: trainer errors
("the loss became NaN or infinite at step 12 (epoch 3): …"), status lines ("finished: 2000 epochs,
2000 steps"), ConfigError problems ("optimizer.lr: Input should be greater than 0 (got -1)"),
checkpoint, dataset and export refusals. ``localize(text)`` recognises these forms by the core's
exact formats (each template below is the core's f-string with its values named) and shows them
through the message catalogue, context "CoreMessages": field paths, numbers, file names and the
values a user typed are kept as they are, only the words around them are translated.

* Several problems joined with "; " (a ConfigError, the status line of a comparison) are
  translated part by part; a part no template knows stays as it was.
* Text no template matches (a new core message, an OS error, a library's message) comes back
  unchanged: English is always a correct fallback.
* In English the result is exactly the core's text (a template whose translation is its source
  returns the text untouched), so code and tests that read the English messages see no change.
* Nested forms: "variant 'x': <a trainer message>", "<field path>: <pydantic message> (got v)",
  "<file>: its experiment is invalid: <problems>".

After changing a template: packaging/update_translations.sh, translate the new texts in
resources/translations/explorer_zh_CN.ts, run it again (see explorer/gui/i18n.py).
"""

from __future__ import annotations

import re
from typing import Optional

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT = "CoreMessages"


class CoreMessages:
    """The catalogue context of the core's message templates (QT_TRANSLATE_NOOP("CoreMessages", …))."""


# -- what a placeholder may hold -------------------------------------------------------------------

_INT = r"-?\d+"
_NUM = r"[^\s(),;]+"  # a number as the core prints it: 10, 0.001, 1e+03, inf
_REPR = r"'[^']*'|\"[^\"]*\""  # repr() of a str
_PART = r"(?:'[^']*'|\"[^\"]*\"|[\w\-\[\]]+)"  # one key of a field path (explorer.core.config._schema._loc_part)
_PATH = rf"{_PART}(?:\.{_PART})*"
# A field path as ConfigError names it: optimizer.lr, network.layers.0.width, variants[L2].optimizer.lr,
# network.layers.0.'nam e', the bare "experiment", or the GUI's "variant name" (panels/edits.py).
_WHERE = rf"variants\[[^\]]*\](?:\.{_PATH})?|{_PATH}|variant name"
_CHOICES = r"'[^']*'(?:, '[^']*')*(?: or '[^']*')?"
_ANY = r"(?:(?!; ).)+?"  # not across the "; " that joins several messages
_REST = r"(?s:.+)"
_GOT = r"(?:(?!\); ).)*"  # a repr() after "(got ": not into the next problem

PATTERNS: dict[str, str] = {
    **dict.fromkeys(
        (
            "step",
            "epoch",
            "epochs",
            "steps",
            "best",
            "n",
            "m",
            "row",
            "column",
            "first",
            "cells",
            "width",
            "version",
            "max",
            "found",
            "expected",
            "ndim",
            "size",
            "bytes",
            "samples",
            "inputs",
            "values",
            "label",
            "format",
            "images",
            "labels",
            "index",
            "frames",
            "w",
            "h",
            "variant_index",
        ),
        _INT,
    ),
    **dict.fromkeys(("lr", "l1", "l2", "limit"), _NUM),
    **dict.fromkeys(("kind", "item", "field", "header", "cell", "target", "preset", "variant_name"), _REPR),
    **dict.fromkeys(("detail", "reason", "problems", "names"), _REST),
    "value": _GOT,
    "where": _WHERE,
    "choices": _CHOICES,
    "model": r"\w+",
    "command": r"[A-Z]\w*",
    "fmt": r"JSON|TOML",
    "type": r"\w+",
    "extra": r"(?:at least )?\d+",
    "msg": _ANY,  # a pydantic message: must be one of PYDANTIC
    "problem": _ANY,  # a model validator's message: must be one of VALUE_ERRORS
    "message": _ANY,  # any message the core writes (after a variant's name)
}
# Placeholders whose text is itself a core message, translated in turn.
_STRICT = {"msg": "pydantic", "problem": "value_error", "message": "top"}
_LOOSE = {"problems"}  # several problems: translated where known, kept where not


# -- the templates ------------------------------------------------------------------------------------
# Each is the core's own format (see the file named above it) with its values named; the
# catalogue holds them under context "CoreMessages".

# Pydantic's own messages (explorer.core.config._schema._describe puts them in "{where}: {msg} (got {value})").
PYDANTIC = (
    QT_TRANSLATE_NOOP("CoreMessages", "Input should be greater than {limit}"),
    QT_TRANSLATE_NOOP("CoreMessages", "Input should be greater than or equal to {limit}"),
    QT_TRANSLATE_NOOP("CoreMessages", "Input should be less than {limit}"),
    QT_TRANSLATE_NOOP("CoreMessages", "Input should be less than or equal to {limit}"),
    QT_TRANSLATE_NOOP("CoreMessages", "Input should be a valid number, unable to parse string as a number"),
    QT_TRANSLATE_NOOP("CoreMessages", "Input should be a valid number"),
    QT_TRANSLATE_NOOP("CoreMessages", "Input should be a finite number"),
    QT_TRANSLATE_NOOP("CoreMessages", "Input should be a valid integer, unable to parse string as an integer"),
    QT_TRANSLATE_NOOP("CoreMessages", "Input should be a valid integer, got a number with a fractional part"),
    QT_TRANSLATE_NOOP("CoreMessages", "Input should be a valid integer"),
    QT_TRANSLATE_NOOP("CoreMessages", "Unable to parse input string as an integer, exceeded maximum size"),
    QT_TRANSLATE_NOOP("CoreMessages", "Input should be a valid boolean, unable to interpret input"),
    QT_TRANSLATE_NOOP("CoreMessages", "Input should be a valid boolean"),
    QT_TRANSLATE_NOOP("CoreMessages", "Input should be a valid string"),
    QT_TRANSLATE_NOOP("CoreMessages", "Input should be a valid list"),
    QT_TRANSLATE_NOOP("CoreMessages", "Input should be a valid tuple"),
    QT_TRANSLATE_NOOP("CoreMessages", "Input should be a valid dictionary"),
    QT_TRANSLATE_NOOP("CoreMessages", "Input should be a valid dictionary or instance of {model}"),
    QT_TRANSLATE_NOOP("CoreMessages", "Input should be {choices}"),
    QT_TRANSLATE_NOOP("CoreMessages", "List should have at most {n} items after validation, not {m}"),
    QT_TRANSLATE_NOOP("CoreMessages", "List should have at least {n} items after validation, not {m}"),
    QT_TRANSLATE_NOOP("CoreMessages", "Tuple should have at most {n} items after validation, not {m}"),
    QT_TRANSLATE_NOOP("CoreMessages", "Tuple should have at least {n} items after validation, not {m}"),
    QT_TRANSLATE_NOOP("CoreMessages", "String should have at least {n} character"),
    QT_TRANSLATE_NOOP("CoreMessages", "String should have at least {n} characters"),
    QT_TRANSLATE_NOOP("CoreMessages", "String should have at most {n} characters"),
)

# The experiment's model validators (explorer/core/config/_schema.py): bare, or after "{where}: ".
VALUE_ERRORS = (
    QT_TRANSLATE_NOOP("CoreMessages", "dataset.path is required for the {kind} dataset"),
    QT_TRANSLATE_NOOP("CoreMessages", "validation_fraction + test_fraction must be below 0.95"),
    QT_TRANSLATE_NOOP("CoreMessages", "nesterov needs momentum > 0"),
    QT_TRANSLATE_NOOP("CoreMessages", "betas must each be in [0, 1)"),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "variant {variant_name} may not change {field}: only "
        "network.layers.N.dropout_p/dropout_kind, regularization.*, "
        "optimizer.* and early_stopping.* may differ between variants",
    ),
    QT_TRANSLATE_NOOP("CoreMessages", "{item} is not a control id (letters, digits, '.', ':', '_', '-')"),
    QT_TRANSLATE_NOOP("CoreMessages", "variant names must be unique"),
    QT_TRANSLATE_NOOP("CoreMessages", "early_stopping.monitor 'val_accuracy' needs a classification dataset"),
    QT_TRANSLATE_NOOP(
        "CoreMessages", "variant {variant_name}: {field} names layer {n}, but the network has {m} hidden layers"
    ),
)

TOP = (
    # explorer/core/training/_trainer.py: divergence (with "variant 'x': " before it when comparing), status line
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "the loss became NaN or infinite at step {step} (epoch {epoch}): training "
        "diverged. Likely cause: the learning rate ({lr}) is too large. Lower it "
        "and press Reset.",
    ),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "the loss became NaN or infinite at step {step} (epoch {epoch}): training "
        "diverged. Likely cause: the learning rate ({lr}) is too large or the "
        "penalty λ (L1 {l1}, L2 {l2}) is very large. Lower it and press Reset.",
    ),
    QT_TRANSLATE_NOOP("CoreMessages", "variant {variant_name}: {message}"),
    QT_TRANSLATE_NOOP("CoreMessages", "finished: {epochs} epochs, {steps} steps"),
    QT_TRANSLATE_NOOP("CoreMessages", "early stopping at epoch {epoch} (best epoch {best}, best weights restored)"),
    QT_TRANSLATE_NOOP("CoreMessages", "early stopping at epoch {epoch} (best epoch {best})"),
    QT_TRANSLATE_NOOP(
        "CoreMessages", "{variant}: early stopping at epoch {epoch} (best epoch {best}, best weights restored)"
    ),
    QT_TRANSLATE_NOOP("CoreMessages", "{variant}: early stopping at epoch {epoch} (best epoch {best})"),
    QT_TRANSLATE_NOOP("CoreMessages", "experiment kind {kind} is a demonstration, not a training run"),
    QT_TRANSLATE_NOOP("CoreMessages", "the dataset has no training samples"),
    QT_TRANSLATE_NOOP("CoreMessages", "cross-entropy needs a classification dataset; use loss 'mse' or 'auto'"),
    QT_TRANSLATE_NOOP("CoreMessages", "MSE on class labels is not supported; use loss 'cross_entropy' or 'auto'"),
    # explorer/core/session/_session.py
    QT_TRANSLATE_NOOP("CoreMessages", "no experiment loaded"),
    QT_TRANSLATE_NOOP("CoreMessages", "nothing to rebuild: no experiment was loaded"),
    QT_TRANSLATE_NOOP("CoreMessages", "a demonstration has no weights to save"),
    QT_TRANSLATE_NOOP("CoreMessages", "opened checkpoint {path} (epoch {epoch}, step {step})"),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "CUDA ran out of memory while building the model; choose the CPU as device "
        "(Data panel) or a smaller network, then press Reset.",
    ),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "CUDA ran out of memory during training. Choose the CPU as device (Data "
        "panel) or use a smaller network or batch, then press Reset.",
    ),
    QT_TRANSLATE_NOOP("CoreMessages", "training failed: {detail}"),
    QT_TRANSLATE_NOOP("CoreMessages", "{command} failed: {detail}"),
    # explorer/core/util/_devices.py
    QT_TRANSLATE_NOOP("CoreMessages", "CUDA was asked for but is not available here; training on the CPU."),
    QT_TRANSLATE_NOOP("CoreMessages", "{device} does not exist; using cuda:0."),
    QT_TRANSLATE_NOOP("CoreMessages", "unknown device {kind}; training on the CPU."),
    # explorer/core/config/_schema.py: ConfigError problems
    QT_TRANSLATE_NOOP("CoreMessages", "{where}: unknown field (check the spelling)"),
    QT_TRANSLATE_NOOP("CoreMessages", "{where}: unknown field"),
    QT_TRANSLATE_NOOP("CoreMessages", "{where}: required field is missing"),
    QT_TRANSLATE_NOOP("CoreMessages", "{where}: no such index (there are {n})"),
    QT_TRANSLATE_NOOP("CoreMessages", "{where}: is not a section"),
    QT_TRANSLATE_NOOP("CoreMessages", "{where}: cannot change while training (rebuild the model instead)"),
    QT_TRANSLATE_NOOP("CoreMessages", "{where}: must be one of {choices} (got {value})"),
    QT_TRANSLATE_NOOP("CoreMessages", "{where}: {msg} (got {value})"),
    QT_TRANSLATE_NOOP("CoreMessages", "{where}: {problem}"),
    QT_TRANSLATE_NOOP("CoreMessages", "{where}: must be a table/object of fields, got {type}"),
    QT_TRANSLATE_NOOP("CoreMessages", "variant {variant_index}: the experiment has no variants"),
    QT_TRANSLATE_NOOP("CoreMessages", "variant {variant_index}: no such variant (there are {n})"),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "schema_version: this file was written by a newer explorer (version "
        "{version}); this one reads up to version {max}",
    ),
    QT_TRANSLATE_NOOP("CoreMessages", "experiment: nested too deeply to be an experiment file"),
    QT_TRANSLATE_NOOP("CoreMessages", "not valid {fmt}: nested too deeply to be an experiment file"),
    QT_TRANSLATE_NOOP("CoreMessages", "not valid {fmt}: {detail}"),
    QT_TRANSLATE_NOOP("CoreMessages", "{name}: too large for an experiment file ({size} bytes)"),
    QT_TRANSLATE_NOOP("CoreMessages", "{name}: not UTF-8 text"),
    QT_TRANSLATE_NOOP("CoreMessages", "unknown preset {preset}; the presets are: {names}"),
    # reading files: config.py, checkpoint.py, csv_data.py, idx.py, atomic.py, animation.py
    QT_TRANSLATE_NOOP("CoreMessages", "cannot read {name}: {reason}"),
    QT_TRANSLATE_NOOP("CoreMessages", "cannot write {path}: the disk is full"),
    QT_TRANSLATE_NOOP("CoreMessages", "cannot write {path}: {reason}"),
    # explorer/core/io/_checkpoint.py
    QT_TRANSLATE_NOOP("CoreMessages", "{name}: {size} bytes is too large for an explorer checkpoint"),
    QT_TRANSLATE_NOOP("CoreMessages", "{name}: not an explorer checkpoint (not a PyTorch zip file, or truncated)"),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "{name}: refused: the file holds objects other than tensors and plain "
        "values, which could run code when loaded ({detail})",
    ),
    QT_TRANSLATE_NOOP("CoreMessages", "{name}: corrupt or truncated checkpoint ({detail})"),
    QT_TRANSLATE_NOOP("CoreMessages", "{name}: not a Regularization Explorer checkpoint"),
    QT_TRANSLATE_NOOP("CoreMessages", "{name}: checkpoint has no format version"),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "{name}: written by a newer Regularization Explorer (checkpoint format "
        "{format}, version {app_version}); this version reads format {max} or "
        "older. Update the explorer to open it.",
    ),
    QT_TRANSLATE_NOOP("CoreMessages", "{name}: its experiment is invalid: {problems}"),
    QT_TRANSLATE_NOOP("CoreMessages", "{name}: checkpoint is missing required entries"),
    QT_TRANSLATE_NOOP("CoreMessages", "checkpoint and experiment disagree on the number of variants"),
    QT_TRANSLATE_NOOP("CoreMessages", "checkpoint does not fit its experiment: {detail}"),
    # explorer/core/data/_datasets.py, datasets_files.py
    QT_TRANSLATE_NOOP("CoreMessages", "unknown dataset kind {kind}"),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "highdim: {samples} samples x {inputs} inputs is {values} values, more than "
        "the {max} this explorer draws; lower n_train/n_val/n_test or input_dim",
    ),
    QT_TRANSLATE_NOOP(
        "CoreMessages", "only {n} samples: nothing left for training after the validation and test fractions"
    ),
    QT_TRANSLATE_NOOP(
        "CoreMessages", "only {n} images: nothing left for training after the validation and test fractions"
    ),
    QT_TRANSLATE_NOOP(
        "CoreMessages", "only {n} rows: nothing left for training after the validation and test fractions"
    ),
    QT_TRANSLATE_NOOP("CoreMessages", "cannot read the digits data {path}: {detail}"),
    QT_TRANSLATE_NOOP("CoreMessages", "{name}: expected 65 columns (64 pixels and the label), found {shape}"),
    QT_TRANSLATE_NOOP("CoreMessages", "idx dataset: {path} does not exist"),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "{name}: found {n} IDX images files ({files}); expected one pair, or one train and one t10k/test pair",
    ),
    QT_TRANSLATE_NOOP("CoreMessages", "{name}: images are {shape}, but {other} has {other_shape}"),
    QT_TRANSLATE_NOOP("CoreMessages", "csv dataset: {path} is not a file"),
    QT_TRANSLATE_NOOP(
        "CoreMessages", "{name}: the target column {target} has a single value ({number}); nothing to learn"
    ),
    # explorer/core/data/_csv.py
    QT_TRANSLATE_NOOP("CoreMessages", "{name}: not UTF-8 text (byte {byte} in row {row}); save it as UTF-8 CSV"),
    QT_TRANSLATE_NOOP("CoreMessages", "{name}: too large ({size} bytes; at most {max})"),
    QT_TRANSLATE_NOOP(
        "CoreMessages", "{name}: only one column; need at least one input column and the target (last) column"
    ),
    QT_TRANSLATE_NOOP("CoreMessages", "{name}: row {row} has {cells} cells, expected {width} (like row {first})"),
    QT_TRANSLATE_NOOP("CoreMessages", "{name}: row {row}, column {column} ({header}): missing value"),
    QT_TRANSLATE_NOOP("CoreMessages", "{name}: row {row}, column {column} ({header}): {cell} is not a number"),
    QT_TRANSLATE_NOOP("CoreMessages", "{name}: row {row}, column {column} ({header}): {cell} is not a finite number"),
    QT_TRANSLATE_NOOP("CoreMessages", "{name}: row {row}: malformed CSV ({detail})"),
    QT_TRANSLATE_NOOP("CoreMessages", "{name}: the file is empty"),
    QT_TRANSLATE_NOOP("CoreMessages", "{name}: has a header row but no data rows"),
    # explorer/core/data/_idx.py
    QT_TRANSLATE_NOOP("CoreMessages", "{name}: corrupt or truncated gzip data ({detail})"),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "{name}: not an IDX file (its first bytes are {head}, expected 0000 "
        "followed by a type code and a dimension count)",
    ),
    QT_TRANSLATE_NOOP("CoreMessages", "{name}: unknown IDX data type code {code} (known codes: {known})"),
    QT_TRANSLATE_NOOP("CoreMessages", "{name}: IDX header declares 0 dimensions"),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "{name}: truncated IDX header: expected {expected} bytes of dimensions for {ndim} dimensions, found {found}",
    ),
    QT_TRANSLATE_NOOP("CoreMessages", "{name}: negative dimension in IDX header {dims}"),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "{name}: IDX header declares dimensions {dims} ({bytes} bytes), more than the {max} bytes this reader accepts",
    ),
    QT_TRANSLATE_NOOP(
        "CoreMessages", "{name}: truncated IDX data: expected {expected} bytes for dimensions {dims}, found {found}"
    ),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "{name}: {extra} bytes of trailing garbage after the IDX data (dimensions {dims} take {bytes} bytes)",
    ),
    QT_TRANSLATE_NOOP(
        "CoreMessages", "{name}: not an IDX images file name (expected a name containing 'images-idx3-ubyte')"
    ),
    QT_TRANSLATE_NOOP("CoreMessages", "{name}: no labels file beside it (expected {file})"),
    QT_TRANSLATE_NOOP("CoreMessages", "cannot list {folder}: {reason}"),
    QT_TRANSLATE_NOOP(
        "CoreMessages", "{name}: no IDX images file (*images-idx3-ubyte or *images-idx3-ubyte.gz) in this folder"
    ),
    QT_TRANSLATE_NOOP("CoreMessages", "{name}: expected images of shape (N, height, width), found shape {shape}"),
    QT_TRANSLATE_NOOP("CoreMessages", "{name}: expected labels of shape (N,), found shape {shape}"),
    QT_TRANSLATE_NOOP("CoreMessages", "{name}: labels must be integers, found {dtype}"),
    QT_TRANSLATE_NOOP("CoreMessages", "{name} has {images} images but {other} has {labels} labels"),
    QT_TRANSLATE_NOOP("CoreMessages", "{name}: holds no images"),
    QT_TRANSLATE_NOOP("CoreMessages", "{name}: negative label {label}"),
    QT_TRANSLATE_NOOP("CoreMessages", "{name}: label {label} is too large (at most 999 classes)"),
    QT_TRANSLATE_NOOP("CoreMessages", "IDX images contain non-finite values"),
    # explorer/core/io/_animation.py (recordings)
    QT_TRANSLATE_NOOP("CoreMessages", "cannot record to {name}: use a .gif or .mp4 file name"),
    QT_TRANSLATE_NOOP("CoreMessages", "{name}: the recording is already finished"),
    QT_TRANSLATE_NOOP("CoreMessages", "{name}: no frames were recorded; nothing written"),
    QT_TRANSLATE_NOOP(
        "CoreMessages", "{name}: a GIF of {w}x{h} holds at most {frames} frames; record an MP4 for longer runs"
    ),
    QT_TRANSLATE_NOOP(
        "CoreMessages", "MP4 needs imageio and imageio-ffmpeg ({detail}); pip install imageio imageio-ffmpeg"
    ),
    QT_TRANSLATE_NOOP("CoreMessages", "cannot start the MP4 encoder for {name}: {detail}"),
) + VALUE_ERRORS

# Words inside the values: the "or" of a choice list, the GUI's name for a variant's name field,
# and the separator of several problems.
_OR = QT_TRANSLATE_NOOP("CoreMessages", " or ")
_VARIANT_NAME = QT_TRANSLATE_NOOP("CoreMessages", "variant name")
_SEPARATOR = QT_TRANSLATE_NOOP("CoreMessages", "; ")

_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def _regex(template: str) -> re.Pattern[str]:
    out, pos = [], 0
    for m in _PLACEHOLDER.finditer(template):
        out.append(re.escape(template[pos : m.start()]))
        out.append(f"(?P<{m.group(1)}>{PATTERNS.get(m.group(1), _ANY)})")
        pos = m.end()
    out.append(re.escape(template[pos:]))
    return re.compile("".join(out))


_RULES: dict[str, list[tuple[str, re.Pattern[str]]]] = {
    kind: [(t, _regex(t)) for t in templates]
    for kind, templates in (("top", TOP), ("pydantic", PYDANTIC), ("value_error", VALUE_ERRORS))
}


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def _value(name: str, text: str) -> str:
    """A placeholder's text as shown: a value as it was, a few words inside values translated."""
    if name == "choices":
        head, sep, last = text.rpartition(" or ")
        return head + _tr(_OR) + last if sep else text
    if name == "where" and text == _VARIANT_NAME:
        return _tr(_VARIANT_NAME)
    if name in _LOOSE:
        return localize(text)
    return text


def _translate(text: str, kind: str = "top") -> Optional[str]:
    """`text` translated when one template of `kind` matches all of it (nested ones included), else None."""
    for template, regex in _RULES[kind]:
        m = regex.fullmatch(text)
        if m is None:
            continue
        values: dict[str, str] = {}
        for name, found in m.groupdict().items():
            if name in _STRICT:
                inner = _translate(found, _STRICT[name])
                if inner is None:
                    break  # e.g. "{where}: {msg} (got …)" with a message we do not know
                values[name] = inner
            else:
                values[name] = _value(name, found)
        else:
            translated = _tr(template)
            if translated == template:
                return text  # English (or not translated yet): the core's own text
            return _PLACEHOLDER.sub(lambda p: values.get(p.group(1), p.group(0)), translated)
    return None


def localize(text: str) -> str:
    """A message of explorer.core in the language installed now; any other text unchanged.

    Messages joined with "; " are translated part by part (the longest run of parts that is one
    known message first, since some messages hold a "; " of their own)."""
    if not text:
        return text
    whole = _translate(text)
    if whole is not None:
        return whole
    if "; " not in text:
        return text
    parts = text.split("; ")
    out: list[str] = []
    changed = False
    i = 0
    while i < len(parts):
        for j in range(len(parts), i, -1):
            chunk = "; ".join(parts[i:j])
            found = _translate(chunk)
            if found is not None:
                out.append(found)
                changed = changed or found != chunk
                i = j
                break
        else:
            out.append(parts[i])
            i += 1
    return _tr(_SEPARATOR).join(out) if changed else text
