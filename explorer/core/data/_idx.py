"""The IDX file format of MNIST and Fashion-MNIST, read without trusting the file.

An IDX file is: two zero bytes, a data-type code byte, a dimension-count byte,
one big-endian int32 per dimension, then the values (big-endian) in C order.
Files may be gzipped; that is detected by the gzip magic bytes, not the name.
Every failure is a DatasetError whose one-line message names the file.
"""

from __future__ import annotations

import gzip
import re
import zlib
from pathlib import Path
from typing import BinaryIO

import numpy as np

from explorer.core.protocol import DatasetError, Message, define_messages

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
    },
)


def is_gzip(path: str | Path) -> bool:
    with open(path, "rb") as fh:
        return fh.read(2) == _GZIP_MAGIC


def read_idx(path: str | Path) -> np.ndarray:
    """The array stored in an IDX file (gzipped or raw), in native byte order."""
    path = Path(path)
    name = path.name
    try:
        gz = is_gzip(path)
        fh: BinaryIO = gzip.open(path, "rb") if gz else open(path, "rb")  # type: ignore[assignment]
    except OSError as exc:
        raise DatasetError(MSG.cannot_read(name=name, reason=exc.strerror or str(exc))) from None
    try:
        with fh:
            return _parse(fh, name, None if gz else path.stat().st_size)
    except DatasetError:
        raise
    except (OSError, EOFError, zlib.error) as exc:
        if gz:
            raise DatasetError(MSG.corrupt_gzip(name=name, detail=str(exc))) from None
        raise DatasetError(MSG.cannot_read(name=name, reason=getattr(exc, "strerror", None) or str(exc))) from None


def _read_exact(fh: BinaryIO, n: int) -> bytes:
    return fh.read(n) if n else b""


def _parse(fh: BinaryIO, name: str, file_size: int | None) -> np.ndarray:
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
    header = 4 + 4 * ndim
    if file_size is not None and file_size - header < n_bytes:
        raise DatasetError(
            MSG.truncated_data(name=name, expected=n_bytes, dims=str(dims), found=max(file_size - header, 0))
        )
    buf = bytearray(n_bytes)
    view = memoryview(buf)
    got = 0
    while got < n_bytes:
        n = fh.readinto(view[got:])  # type: ignore[attr-defined]
        if not n:
            break
        got += n
    if got < n_bytes:
        raise DatasetError(MSG.truncated_data(name=name, expected=n_bytes, dims=str(dims), found=got))
    extra = _count_rest(fh, file_size, header + n_bytes)
    if extra:
        raise DatasetError(MSG.trailing(name=name, extra=extra, dims=str(dims), bytes=n_bytes))
    arr = np.frombuffer(buf, dtype=dtype).reshape(dims)
    return arr.astype(arr.dtype.newbyteorder("="), copy=False)


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


def read_idx_pair(images_path: str | Path, labels_path: str | Path) -> tuple[np.ndarray, np.ndarray]:
    """(images (N, h, w) as stored, labels (N,) int64), checked against each other."""
    images_path, labels_path = Path(images_path), Path(labels_path)
    images = read_idx(images_path)
    labels = read_idx(labels_path)
    if images.ndim != 3:
        raise DatasetError(MSG.images_shape(name=images_path.name, shape=str(images.shape)))
    if labels.ndim != 1:
        raise DatasetError(MSG.labels_shape(name=labels_path.name, shape=str(labels.shape)))
    if labels.dtype.kind not in "iu":
        raise DatasetError(MSG.labels_not_integers(name=labels_path.name, dtype=str(labels.dtype)))
    if images.shape[0] != labels.shape[0]:
        raise DatasetError(
            MSG.count_mismatch(
                name=images_path.name, images=images.shape[0], other=labels_path.name, labels=labels.shape[0]
            )
        )
    if images.shape[0] == 0:
        raise DatasetError(MSG.no_images(name=images_path.name))
    if labels.min() < 0:
        raise DatasetError(MSG.negative_label(name=labels_path.name, label=int(labels.min())))
    if labels.max() >= 1000:
        raise DatasetError(MSG.label_too_large(name=labels_path.name, label=int(labels.max())))
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
