"""The IDX file format of MNIST and Fashion-MNIST, read without trusting the file.

An IDX file is: two zero bytes, a data-type code byte, a dimension-count byte,
one big-endian int32 per dimension, then the values (big-endian) in C order.
Files may be gzipped; that is detected by the gzip magic bytes, not the name.
Every failure is a DatasetError whose one-line message names the file.
"""

from __future__ import annotations

import contextlib
import gzip
import math
import re
import zlib
from pathlib import Path
from typing import BinaryIO, Callable, Iterator

import numpy as np

from explorer.core.protocol import DatasetError, Message, define_messages
from explorer.core.util import memory_refusal

# code -> (numpy dtype, bytes per value, human name)
IDX_DTYPES = {
    0x08: (">u1", 1, "unsigned byte"),
    0x09: (">i1", 1, "signed byte"),
    0x0B: (">i2", 2, "short"),
    0x0C: (">i4", 4, "int"),
    0x0D: (">f4", 4, "float"),
    0x0E: (">f8", 8, "double"),
}
MAX_IDX_BYTES = 2**31  # refuse larger payloads before allocating anything
_GZIP_MAGIC = b"\x1f\x8b"
_CHUNK = 1 << 20

_IMAGES_RE = re.compile(r"images([-.])idx3([-.])ubyte(\.gz)?$", re.IGNORECASE)

MSG = define_messages(
    "idx",
    {
        "cannot_read": "cannot read {name}: {reason}",
        "corrupt_gzip": "{name}: corrupt or truncated gzip data ({detail})",
        "not_idx": "{name}: not an IDX file (its first bytes are {head}, "
        "expected 0000 followed by a type code and a dimension count)",
        "no_bytes": "missing",
        "unknown_type": "{name}: unknown IDX data type code {code} (known codes: {known})",
        "no_dimensions": "{name}: IDX header declares 0 dimensions",
        "truncated_header": "{name}: truncated IDX header: expected {expected} bytes of dimensions "
        "for {ndim} dimensions, found {found}",
        "negative_dimension": "{name}: negative dimension in IDX header {dims}",
        "too_large": "{name}: IDX header declares dimensions {dims} ({bytes} bytes), "
        "more than the {max} bytes this reader accepts",
        "truncated_data": "{name}: truncated IDX data: expected {expected} bytes for dimensions {dims}, found {found}",
        "trailing": "{name}: {extra} bytes of trailing garbage after the IDX data (dimensions {dims} take {bytes} bytes)",
        "at_least": "at least {n}",
        "not_images_name": "{name}: not an IDX images file name (expected a name containing 'images-idx3-ubyte')",
        "no_labels_file": "{name}: no labels file beside it (expected {file})",
        "cannot_list": "cannot list {folder}: {reason}",
        "no_images_file": "{name}: no IDX images file (*images-idx3-ubyte or *images-idx3-ubyte.gz) in this folder",
        "images_shape": "{name}: expected images of shape (N, height, width), found shape {shape}",
        "labels_shape": "{name}: expected labels of shape (N,), found shape {shape}",
        "labels_not_integers": "{name}: labels must be integers, found {dtype}",
        "count_mismatch": "{name} has {images} images but {other} has {labels} labels",
        "no_images": "{name}: holds no images",
        "negative_label": "{name}: negative label {label}",
        "label_too_large": "{name}: label {label} is too large (at most 999 classes)",
        "non_finite": "IDX images contain non-finite values",
        "what": "{name}: reading {rows} of its {total} items",
    },
)


def is_gzip(path: str | Path) -> bool:
    with open(path, "rb") as fh:
        return fh.read(2) == _GZIP_MAGIC


def read_idx(path: str | Path, rows: np.ndarray | None = None, extra_bytes_per_value: int = 0) -> np.ndarray:
    """The array stored in an IDX file (gzipped or raw), in native byte order; only `rows` of it
    (sorted distinct indices of the first dimension) when given (see _parse)."""
    path = Path(path)
    with _open(path) as (fh, size):
        return _parse(fh, path.name, size, rows, extra_bytes_per_value)


@contextlib.contextmanager
def _open(path: Path) -> Iterator[tuple[BinaryIO, int | None]]:
    """(stream, file size or None for gzip); read errors become DatasetErrors naming the file."""
    name = path.name
    try:
        gz = is_gzip(path)
        fh: BinaryIO = gzip.open(path, "rb") if gz else open(path, "rb")  # type: ignore[assignment]
        size = None if gz else path.stat().st_size
    except OSError as exc:
        raise DatasetError(MSG.cannot_read(name=name, reason=exc.strerror or str(exc))) from None
    try:
        with fh:
            yield fh, size
    except DatasetError:
        raise
    except (OSError, EOFError, zlib.error) as exc:
        if gz:
            raise DatasetError(MSG.corrupt_gzip(name=name, detail=str(exc))) from None
        raise DatasetError(MSG.cannot_read(name=name, reason=getattr(exc, "strerror", None) or str(exc))) from None


def _read_exact(fh: BinaryIO, n: int) -> bytes:
    return fh.read(n) if n else b""


def _read_header(fh: BinaryIO, name: str) -> tuple[str, int, tuple[int, ...], int]:
    """(dtype, bytes per value, dimensions, header length), every field checked."""
    head = _read_exact(fh, 4)
    if len(head) < 4 or head[0] != 0 or head[1] != 0:
        raise DatasetError(MSG.not_idx(name=name, head=head.hex() or MSG.no_bytes()))
    code, ndim = head[2], head[3]
    if code not in IDX_DTYPES:
        known = ", ".join(f"0x{c:02X}" for c in IDX_DTYPES)
        raise DatasetError(MSG.unknown_type(name=name, code=f"0x{code:02X}", known=known))
    if ndim == 0:
        raise DatasetError(MSG.no_dimensions(name=name))
    dtype, itemsize, _ = IDX_DTYPES[code]
    raw_dims = _read_exact(fh, 4 * ndim)
    if len(raw_dims) < 4 * ndim:
        raise DatasetError(MSG.truncated_header(name=name, expected=4 * ndim, ndim=ndim, found=len(raw_dims)))
    dims = tuple(int(d) for d in np.frombuffer(raw_dims, dtype=">i4"))
    if any(d < 0 for d in dims):
        raise DatasetError(MSG.negative_dimension(name=name, dims=str(dims)))
    n_values = 1
    for d in dims:
        n_values *= d
    n_bytes = n_values * itemsize
    if n_bytes > MAX_IDX_BYTES:
        raise DatasetError(MSG.too_large(name=name, dims=str(dims), bytes=n_bytes, max=MAX_IDX_BYTES))
    return dtype, itemsize, dims, 4 + 4 * ndim


def _parse(
    fh: BinaryIO, name: str, file_size: int | None, rows: np.ndarray | None = None, extra_bytes_per_value: int = 0
) -> np.ndarray:
    """The array, or only `rows` (sorted distinct indices along the first dimension) of it.

    Only what is kept is allocated: the data is streamed in chunks of rows, so a 9 MB
    gzip file that declares 2 GB of images costs what the caller uses. Before reading,
    what is kept (plus `extra_bytes_per_value` for the copies the caller makes, e.g.
    float32 pixels) is compared with the memory available: refused with both numbers."""
    dtype, itemsize, dims, header = _read_header(fh, name)
    n_bytes = math.prod(dims) * itemsize
    if file_size is not None and file_size - header < n_bytes:
        raise DatasetError(
            MSG.truncated_data(name=name, expected=n_bytes, dims=str(dims), found=max(file_size - header, 0))
        )
    n_rows, row_values = dims[0], math.prod(dims[1:])
    row_bytes = row_values * itemsize
    kept_rows = n_rows if rows is None else len(rows)
    refusal = memory_refusal(
        kept_rows * row_values * (itemsize + extra_bytes_per_value),
        MSG.what(name=name, rows=f"{kept_rows:,}", total=f"{n_rows:,}"),
    )
    if refusal is not None:
        raise DatasetError(refusal)
    keep = None
    if rows is not None:
        keep = np.zeros(n_rows, dtype=bool)
        keep[rows] = True
    out = bytearray(kept_rows * row_bytes)
    view = memoryview(out)
    chunk_rows = max(1, _CHUNK // max(row_bytes, 1))
    chunk = memoryview(bytearray(min(chunk_rows, max(n_rows, 1)) * row_bytes))
    done = kept = 0
    while done < n_rows:
        count = min(chunk_rows, n_rows - done)
        want = count * row_bytes
        filled = 0
        while filled < want:
            n = fh.readinto(chunk[filled:want])  # type: ignore[attr-defined]
            if not n:
                found = done * row_bytes + filled
                raise DatasetError(MSG.truncated_data(name=name, expected=n_bytes, dims=str(dims), found=found))
            filled += n
        if keep is None:
            view[kept * row_bytes : (kept + count) * row_bytes] = chunk[:want]
            kept += count
        else:
            for r in np.flatnonzero(keep[done : done + count]):
                view[kept * row_bytes : (kept + 1) * row_bytes] = chunk[r * row_bytes : (r + 1) * row_bytes]
                kept += 1
        done += count
    extra = _count_rest(fh, file_size, header + n_bytes)
    if extra:
        raise DatasetError(MSG.trailing(name=name, extra=extra, dims=str(dims), bytes=n_bytes))
    arr = np.frombuffer(out, dtype=dtype).reshape((kept_rows, *dims[1:]))
    return arr.astype(arr.dtype.newbyteorder("="), copy=False)


def idx_shape(path: str | Path) -> tuple[int, ...]:
    """The dimensions an IDX file's header declares (the header is checked; no data is read)."""
    path = Path(path)
    with _open(path) as (fh, _size):
        return _read_header(fh, path.name)[2]


def _count_rest(fh: BinaryIO, file_size: int | None, used: int) -> str | Message:
    """'' when the stream is at its end, else how many bytes are left (as text, or "at least" so many)."""
    if file_size is not None:
        left = file_size - used
        return str(left) if left > 0 else ""
    total, cap = 0, 64 * _CHUNK
    while True:
        chunk = fh.read(_CHUNK)  # also reaches the gzip end-of-stream check (CRC)
        if not chunk:
            return str(total) if total else ""
        total += len(chunk)
        if total >= cap:
            return MSG.at_least(n=total)


# -- image/label pairs --------------------------------------------------------


def labels_path_for(images_path: str | Path) -> Path:
    """The labels file beside an images file (…images-idx3-ubyte -> …labels-idx1-ubyte)."""
    images_path = Path(images_path)
    m = _IMAGES_RE.search(images_path.name)
    if not m:
        raise DatasetError(MSG.not_images_name(name=images_path.name))
    base = images_path.name[: m.start()] + "labels" + m.group(1) + "idx1" + m.group(2) + "ubyte"
    candidates = [base + (m.group(3) or ""), base + ".gz", base]
    for cand in candidates:
        p = images_path.with_name(cand)
        if p.is_file():
            return p
    raise DatasetError(MSG.no_labels_file(name=images_path.name, file=candidates[0]))


def find_idx_pairs(folder: str | Path) -> dict[str, tuple[Path, Path]]:
    """prefix ('train-', 't10k-', …) -> (images file, labels file) for every images file in folder."""
    folder = Path(folder)
    try:
        entries = sorted(p for p in folder.iterdir() if p.is_file())
    except OSError as exc:
        raise DatasetError(MSG.cannot_list(folder=str(folder), reason=exc.strerror or str(exc))) from None
    pairs: dict[str, tuple[Path, Path]] = {}
    for p in entries:
        m = _IMAGES_RE.search(p.name)
        if m:
            prefix = p.name[: m.start()]
            if prefix in pairs:  # same file gzipped and raw: keep the first (sorted: raw before .gz)
                continue
            pairs[prefix] = (p, labels_path_for(p))
    if not pairs:
        raise DatasetError(MSG.no_images_file(name=folder.name))
    return pairs


def pair_role(prefix: str) -> str:
    """'train', 'test' or '' for a file-name prefix."""
    p = prefix.lower()
    if p.startswith("train"):
        return "train"
    if p.startswith(("t10k", "test")):
        return "test"
    return ""


def read_idx_pair(
    images_path: str | Path, labels_path: str | Path, choose: Callable[[int], np.ndarray] | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """(images (N, h, w) as stored, labels (N,) int64), checked against each other.

    The headers are checked against each other before any data is read. `choose(N)` gives the
    sorted distinct images to read (all when None): the images are then only those rows, in that
    order; the labels are always all N (small, and checked whole)."""
    images_path, labels_path = Path(images_path), Path(labels_path)
    image_dims, label_dims = idx_shape(images_path), idx_shape(labels_path)
    if len(image_dims) != 3:
        raise DatasetError(MSG.images_shape(name=images_path.name, shape=str(image_dims)))
    if len(label_dims) != 1:
        raise DatasetError(MSG.labels_shape(name=labels_path.name, shape=str(label_dims)))
    n_images = image_dims[0]
    if n_images != label_dims[0]:
        raise DatasetError(
            MSG.count_mismatch(name=images_path.name, images=n_images, other=labels_path.name, labels=label_dims[0])
        )
    if n_images == 0:
        raise DatasetError(MSG.no_images(name=images_path.name))
    labels = read_idx(labels_path)
    if labels.dtype.kind not in "iu":
        raise DatasetError(MSG.labels_not_integers(name=labels_path.name, dtype=str(labels.dtype)))
    if labels.min() < 0:
        raise DatasetError(MSG.negative_label(name=labels_path.name, label=int(labels.min())))
    if labels.max() >= 1000:
        raise DatasetError(MSG.label_too_large(name=labels_path.name, label=int(labels.max())))
    # the pixels become float32 (4 bytes each, and a temporary copy): counted in the memory check
    images = read_idx(images_path, rows=None if choose is None else choose(n_images), extra_bytes_per_value=8)
    return images, labels.astype(np.int64)


def images_to_unit(images: np.ndarray) -> np.ndarray:
    """Pixels as float32 in [0, 1]: bytes / 255; other types min-max scaled unless already in [0, 1]."""
    if images.dtype == np.uint8:
        return images.astype(np.float32) / np.float32(255.0)
    x = images.astype(np.float32)
    if not np.all(np.isfinite(x)):
        raise DatasetError(MSG.non_finite())
    lo, hi = float(x.min()), float(x.max())
    if lo >= 0.0 and hi <= 1.0:
        return x
    return (x - lo) / np.float32(max(hi - lo, 1e-12))
