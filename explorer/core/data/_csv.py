"""Numeric CSV files: inputs in the first columns, the target in the last.

The delimiter is a comma (or ';' / tab when the first row has no comma). A
header row is recognised when its cells are not all numbers. Rows are
numbered as in a text editor or spreadsheet (the header, if any, is row 1),
columns from 1; every problem is a DatasetError naming the row and column.
"""

from __future__ import annotations

import csv
import io
import math
from pathlib import Path

import numpy as np

from explorer.core.protocol import DatasetError, define_messages
from explorer.core.util import memory_refusal

MAX_CSV_BYTES = 500_000_000
MAX_CSV_COLUMNS = 10_001  # 10,000 inputs (the widest input the schema allows) and the target
CELL_BYTES = 48  # a parsed cell: its float object and list slot, its text while the row is read, the array

MSG = define_messages(
    "csv",
    {
        "not_utf8": "{name}: not UTF-8 text (byte {byte} in row {row}); save it as UTF-8 CSV",
        "too_large": "{name}: too large ({size} bytes; at most {max})",
        "cannot_read": "cannot read {name}: {reason}",
        "one_column": "{name}: only one column; need at least one input column and the target (last) column",
        "ragged": "{name}: row {row} has {cells} cells, expected {width} (like row {first})",
        "missing": "{name}: row {row}, column {column} ({header}): missing value",
        "not_number": "{name}: row {row}, column {column} ({header}): {cell} is not a number",
        "not_finite": "{name}: row {row}, column {column} ({header}): {cell} is not a finite number",
        "malformed": "{name}: row {row}: malformed CSV ({detail})",
        "empty": "{name}: the file is empty",
        "header_only": "{name}: has a header row but no data rows",
        "too_many_columns": "{name}: row {row} has {count} columns; at most {limit} "
        "(10,000 inputs and the target) are read",
        "cells": "{name}: {cells} cells",
    },
)


def _check_size(text: str, delimiter: str, name: str) -> None:
    """Columns and cells counted on the text before any row is parsed: a 56 MB file of 10^6
    columns ended in an allocator traceback after 4 GB; now it is refused at once."""
    start = 0
    row = 1
    while start < len(text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        line = text[start:end]
        if line.strip():
            columns = line.count(delimiter) + 1
            if columns > MAX_CSV_COLUMNS:
                raise DatasetError(
                    MSG.too_many_columns(name=name, row=row, count=f"{columns:,}", limit=f"{MAX_CSV_COLUMNS:,}")
                )
            break
        start, row = end + 1, row + 1
    cells = text.count(delimiter) + text.count("\n") + 1
    refusal = memory_refusal(cells * CELL_BYTES, MSG.cells(name=name, cells=f"{cells:,}"))
    if refusal is not None:
        raise DatasetError(refusal)


_MISSING = {"", "na", "n/a", "nan", "null", "none", "?", "-"}


def _to_number(cell: str) -> float | None:
    try:
        return float(cell)
    except ValueError:
        return None


def _decode(raw: bytes, name: str) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        row = raw[: exc.start].count(b"\n") + 1
        raise DatasetError(MSG.not_utf8(name=name, byte=f"0x{raw[exc.start]:02x}", row=row)) from None


def _delimiter(text: str) -> str:
    for line in text.splitlines():
        if line.strip():
            if "," in line:
                return ","
            if ";" in line:
                return ";"
            if "\t" in line:
                return "\t"
            return ","
    return ","


def read_numeric_csv(path: str | Path) -> tuple[np.ndarray, np.ndarray, list[str]]:
    """(inputs (N, d) float64, target (N,) float64, names of all d + 1 columns)."""
    path = Path(path)
    name = path.name
    try:
        size = path.stat().st_size
        if size > MAX_CSV_BYTES:
            raise DatasetError(MSG.too_large(name=name, size=size, max=MAX_CSV_BYTES))
        raw = path.read_bytes()
    except OSError as exc:
        raise DatasetError(MSG.cannot_read(name=name, reason=exc.strerror or str(exc))) from None
    text = _decode(raw, name)
    delimiter = _delimiter(text)
    _check_size(text, delimiter, name)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    names: list[str] | None = None
    width = 0
    first_row = 0
    values: list[list[float]] = []
    try:
        for cells in reader:
            row = reader.line_num
            if not cells or (len(cells) == 1 and not cells[0].strip()):
                continue  # blank line
            cells = [c.strip() for c in cells]
            if names is None and not values:
                width = len(cells)
                first_row = row
                if width < 2:
                    raise DatasetError(MSG.one_column(name=name))
                if any(_to_number(c) is None for c in cells):
                    names = [c or f"column {j + 1}" for j, c in enumerate(cells)]
                    continue
                names = [f"column {j + 1}" for j in range(width)]
            if len(cells) != width:
                raise DatasetError(MSG.ragged(name=name, row=row, cells=len(cells), width=width, first=first_row))
            out = []
            for j, c in enumerate(cells):
                v = _to_number(c)
                where = {"name": name, "row": row, "column": j + 1, "header": repr(names[j])}
                if c.lower() in _MISSING or (v is not None and math.isnan(v)):
                    raise DatasetError(MSG.missing(**where))
                if v is None:
                    raise DatasetError(MSG.not_number(**where, cell=repr(c[:40])))
                if math.isinf(v):
                    raise DatasetError(MSG.not_finite(**where, cell=repr(c)))
                out.append(v)
            values.append(out)
    except csv.Error as exc:
        raise DatasetError(MSG.malformed(name=name, row=reader.line_num, detail=str(exc))) from None
    if names is None:
        raise DatasetError(MSG.empty(name=name))
    if not values:
        raise DatasetError(MSG.header_only(name=name))
    data = np.asarray(values, dtype=np.float64)
    return data[:, :-1], data[:, -1].copy(), names


def classify_target(y: np.ndarray, max_classes: int = 20) -> np.ndarray | None:
    """Sorted distinct values when the target looks like class labels (integers, <= max_classes), else None."""
    if not np.all(np.equal(np.round(y), y)):
        return None
    distinct = np.unique(y)
    return distinct if len(distinct) <= max_classes else None
