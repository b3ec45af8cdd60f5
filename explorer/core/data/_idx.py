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

from explorer.core.protocol import DatasetError, define_messages
from explorer.core.util import memory_refusal

MSG = define_messages("idx", {"what": "{name}: reading {rows} of its {total} items"})

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
        raise DatasetError(f"cannot read {name}: {exc.strerror or exc}") from None
    try:
        with fh:
            yield fh, size
    except DatasetError:
        raise
    except (OSError, EOFError, zlib.error) as exc:
        if gz:
            raise DatasetError(f"{name}: corrupt or truncated gzip data ({exc})") from None
        raise DatasetError(f"cannot read {name}: {getattr(exc, 'strerror', None) or exc}") from None


def _read_exact(fh: BinaryIO, n: int) -> bytes:
    return fh.read(n) if n else b""


def _read_header(fh: BinaryIO, name: str) -> tuple[str, int, tuple[int, ...], int]:
    """(dtype, bytes per value, dimensions, header length), every field checked."""
    head = _read_exact(fh, 4)
    if len(head) < 4 or head[0] != 0 or head[1] != 0:
        raise DatasetError(
            f"{name}: not an IDX file (its first bytes are {head.hex() or 'missing'}, "
            "expected 0000 followed by a type code and a dimension count)"
        )
    code, ndim = head[2], head[3]
    if code not in IDX_DTYPES:
        known = ", ".join(f"0x{c:02X}" for c in IDX_DTYPES)
        raise DatasetError(f"{name}: unknown IDX data type code 0x{code:02X} (known codes: {known})")
    if ndim == 0:
        raise DatasetError(f"{name}: IDX header declares 0 dimensions")
    dtype, itemsize, _ = IDX_DTYPES[code]
    raw_dims = _read_exact(fh, 4 * ndim)
    if len(raw_dims) < 4 * ndim:
        raise DatasetError(
            f"{name}: truncated IDX header: expected {4 * ndim} bytes of dimensions "
            f"for {ndim} dimensions, found {len(raw_dims)}"
        )
    dims = tuple(int(d) for d in np.frombuffer(raw_dims, dtype=">i4"))
    if any(d < 0 for d in dims):
        raise DatasetError(f"{name}: negative dimension in IDX header {dims}")
    n_values = 1
    for d in dims:
        n_values *= d
    n_bytes = n_values * itemsize
    if n_bytes > MAX_IDX_BYTES:
        raise DatasetError(
            f"{name}: IDX header declares dimensions {dims} ({n_bytes} bytes), "
            f"more than the {MAX_IDX_BYTES} bytes this reader accepts"
        )
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
            f"{name}: truncated IDX data: expected {n_bytes} bytes for dimensions "
            f"{dims}, found {max(file_size - header, 0)}"
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
                raise DatasetError(
                    f"{name}: truncated IDX data: expected {n_bytes} bytes for dimensions {dims}, found {found}"
                )
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
        raise DatasetError(
            f"{name}: {extra} bytes of trailing garbage after the IDX data (dimensions {dims} take {n_bytes} bytes)"
        )
    arr = np.frombuffer(out, dtype=dtype).reshape((kept_rows, *dims[1:]))
    return arr.astype(arr.dtype.newbyteorder("="), copy=False)


def idx_shape(path: str | Path) -> tuple[int, ...]:
    """The dimensions an IDX file's header declares (the header is checked; no data is read)."""
    path = Path(path)
    with _open(path) as (fh, _size):
        return _read_header(fh, path.name)[2]


def _count_rest(fh: BinaryIO, file_size: int | None, used: int) -> str:
    """'' when the stream is at its end, else how many bytes are left (as text)."""
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
            return f"at least {total}"


# -- image/label pairs --------------------------------------------------------


def labels_path_for(images_path: str | Path) -> Path:
    """The labels file beside an images file (…images-idx3-ubyte -> …labels-idx1-ubyte)."""
    images_path = Path(images_path)
    m = _IMAGES_RE.search(images_path.name)
    if not m:
        raise DatasetError(
            f"{images_path.name}: not an IDX images file name (expected a name containing 'images-idx3-ubyte')"
        )
    base = images_path.name[: m.start()] + "labels" + m.group(1) + "idx1" + m.group(2) + "ubyte"
    candidates = [base + (m.group(3) or ""), base + ".gz", base]
    for cand in candidates:
        p = images_path.with_name(cand)
        if p.is_file():
            return p
    raise DatasetError(f"{images_path.name}: no labels file beside it (expected {candidates[0]})")


def find_idx_pairs(folder: str | Path) -> dict[str, tuple[Path, Path]]:
    """prefix ('train-', 't10k-', …) -> (images file, labels file) for every images file in folder."""
    folder = Path(folder)
    try:
        entries = sorted(p for p in folder.iterdir() if p.is_file())
    except OSError as exc:
        raise DatasetError(f"cannot list {folder}: {exc.strerror or exc}") from None
    pairs: dict[str, tuple[Path, Path]] = {}
    for p in entries:
        m = _IMAGES_RE.search(p.name)
        if m:
            prefix = p.name[: m.start()]
            if prefix in pairs:  # same file gzipped and raw: keep the first (sorted: raw before .gz)
                continue
            pairs[prefix] = (p, labels_path_for(p))
    if not pairs:
        raise DatasetError(
            f"{folder.name}: no IDX images file (*images-idx3-ubyte or *images-idx3-ubyte.gz) in this folder"
        )
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
        raise DatasetError(f"{images_path.name}: expected images of shape (N, height, width), found shape {image_dims}")
    if len(label_dims) != 1:
        raise DatasetError(f"{labels_path.name}: expected labels of shape (N,), found shape {label_dims}")
    n_images = image_dims[0]
    if n_images != label_dims[0]:
        raise DatasetError(
            f"{images_path.name} has {n_images} images but {labels_path.name} has {label_dims[0]} labels"
        )
    if n_images == 0:
        raise DatasetError(f"{images_path.name}: holds no images")
    labels = read_idx(labels_path)
    if labels.dtype.kind not in "iu":
        raise DatasetError(f"{labels_path.name}: labels must be integers, found {labels.dtype}")
    if labels.min() < 0:
        raise DatasetError(f"{labels_path.name}: negative label {int(labels.min())}")
    if labels.max() >= 1000:
        raise DatasetError(f"{labels_path.name}: label {int(labels.max())} is too large (at most 999 classes)")
    # the pixels become float32 (4 bytes each, and a temporary copy): counted in the memory check
    images = read_idx(images_path, rows=None if choose is None else choose(n_images), extra_bytes_per_value=8)
    return images, labels.astype(np.int64)


def images_to_unit(images: np.ndarray) -> np.ndarray:
    """Pixels as float32 in [0, 1]: bytes / 255; other types min-max scaled unless already in [0, 1]."""
    if images.dtype == np.uint8:
        return images.astype(np.float32) / np.float32(255.0)
    x = images.astype(np.float32)
    if not np.all(np.isfinite(x)):
        raise DatasetError("IDX images contain non-finite values")
    lo, hi = float(x.min()), float(x.max())
    if lo >= 0.0 and hi <= 1.0:
        return x
    return (x - lo) / np.float32(max(hi - lo, 1e-12))
