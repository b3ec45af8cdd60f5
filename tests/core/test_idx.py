"""The IDX reader: the real MNIST test set, raw files, and every kind of broken file."""

from __future__ import annotations

import gzip
import struct
from pathlib import Path

import numpy as np
import pytest
import torch

from explorer.core.config import DatasetConfig
from explorer.core.data import build_dataset, labels_path_for, read_idx, read_idx_pair
from explorer.core.protocol import DatasetError

MNIST = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "mnist"
MNIST_COUNTS = [980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009]
needs_mnist = pytest.mark.skipif(
    not (MNIST / "t10k-images-idx3-ubyte.gz").is_file(), reason=f"the MNIST test set is not at {MNIST}"
)

_CODES = {
    np.dtype(np.uint8): 0x08,
    np.dtype(np.int8): 0x09,
    np.dtype(np.int16): 0x0B,
    np.dtype(np.int32): 0x0C,
    np.dtype(np.float32): 0x0D,
    np.dtype(np.float64): 0x0E,
}


def idx_bytes(arr: np.ndarray) -> bytes:
    head = bytes([0, 0, _CODES[arr.dtype], arr.ndim]) + struct.pack(f">{arr.ndim}i", *arr.shape)
    return head + arr.astype(arr.dtype.newbyteorder(">")).tobytes()


def write_pair(folder: Path, prefix: str, images: np.ndarray, labels: np.ndarray, gz: bool = False) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    suffix = ".gz" if gz else ""
    wrap = gzip.compress if gz else (lambda b: b)
    img = folder / f"{prefix}images-idx3-ubyte{suffix}"
    img.write_bytes(wrap(idx_bytes(images)))
    (folder / f"{prefix}labels-idx1-ubyte{suffix}").write_bytes(wrap(idx_bytes(labels)))
    return img


def fake(n: int, seed: int = 0, h: int = 5, w: int = 4) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    return rng.integers(0, 256, (n, h, w), dtype=np.uint8), rng.integers(0, 10, n).astype(np.uint8)


# -- the real MNIST test set ----------------------------------------------------------------


@needs_mnist
def test_read_real_mnist():
    images = read_idx(MNIST / "t10k-images-idx3-ubyte.gz")
    labels = read_idx(MNIST / "t10k-labels-idx1-ubyte.gz")
    assert images.shape == (10000, 28, 28) and images.dtype == np.uint8
    assert labels.shape == (10000,) and labels.dtype == np.uint8
    assert int(labels[0]) == 7
    hist = np.bincount(labels, minlength=10)
    assert hist.sum() == 10000 and hist.tolist() == MNIST_COUNTS
    assert int(images.min()) == 0 and int(images.max()) == 255
    assert images[0].sum() > 0 and images[0, 0, 0] == 0  # a centred digit on a black border


@needs_mnist
def test_build_idx_from_real_mnist_folder():
    d = build_dataset(
        DatasetConfig(kind="idx", path=str(MNIST), validation_fraction=0.1, test_fraction=0.2, normalize=False)
    )
    assert (d.n_train, d.n_val, d.n_test) == (7000, 1000, 2000)
    assert d.task == "image" and d.input_dim == 784 and d.output_dim == 10 and d.image_shape == (28, 28)
    assert d.class_names == tuple("0123456789")
    allx = torch.cat([d.x_train, d.x_val, d.x_test])
    assert float(allx.min()) == 0.0 and float(allx.max()) == 1.0
    ally = torch.cat([d.y_train, d.y_val, d.y_test])
    assert np.bincount(ally.numpy(), minlength=10).tolist() == MNIST_COUNTS  # a partition of the file
    assert d.view.x_train.shape == (16, 28, 28)
    np.testing.assert_array_equal(d.view.sample_labels, d.y_test[:16].numpy())
    again = build_dataset(DatasetConfig(kind="idx", path=str(MNIST), normalize=False))
    assert torch.equal(d.y_train, again.y_train)
    small = build_dataset(DatasetConfig(kind="idx", path=str(MNIST / "t10k-images-idx3-ubyte.gz"), max_samples=500))
    assert (small.n_train, small.n_val, small.n_test) == (350, 50, 100)
    assert abs(float(small.x_train.mean())) < 1e-4  # scalar normalisation from training pixels


# -- raw files and folders ------------------------------------------------------------------------


@pytest.mark.parametrize("dtype", [np.uint8, np.int8, np.int16, np.int32, np.float32, np.float64])
def test_raw_idx_roundtrip(tmp_path, dtype):
    arr = (np.arange(2 * 3 * 4) - 5).astype(dtype).reshape(2, 3, 4)
    p = tmp_path / "a-idx3-ubyte"
    p.write_bytes(idx_bytes(arr))
    out = read_idx(p)
    assert out.dtype == np.dtype(dtype) and out.dtype.isnative
    np.testing.assert_array_equal(out, arr)


def test_gzip_detected_by_magic_not_name(tmp_path):
    arr = np.arange(12, dtype=np.uint8).reshape(3, 4)
    p = tmp_path / "plain-looking-idx2-ubyte"
    p.write_bytes(gzip.compress(idx_bytes(arr)))
    np.testing.assert_array_equal(read_idx(p), arr)
    q = tmp_path / "fake-idx2-ubyte.gz"
    q.write_bytes(idx_bytes(arr))
    np.testing.assert_array_equal(read_idx(q), arr)


def test_build_idx_train_and_test_pairs(tmp_path):
    tr_x, tr_y = fake(200, seed=1)
    te_x, te_y = fake(50, seed=2)
    write_pair(tmp_path / "fashion-data", "train-", tr_x, tr_y)
    write_pair(tmp_path / "fashion-data", "t10k-", te_x, te_y, gz=True)
    d = build_dataset(
        DatasetConfig(kind="idx", path=str(tmp_path / "fashion-data"), validation_fraction=0.25, normalize=False)
    )
    assert (d.n_train, d.n_val, d.n_test) == (150, 50, 50)
    np.testing.assert_array_equal(d.y_test.numpy(), te_y)  # the t10k file, in order
    np.testing.assert_allclose(d.x_test.numpy(), te_x.reshape(50, -1) / 255.0, rtol=1e-6)
    assert sorted(torch.cat([d.y_train, d.y_val]).tolist()) == sorted(tr_y.tolist())
    assert d.image_shape == (5, 4) and d.input_dim == 20
    assert d.class_names[0] == "T-shirt/top" and len(d.class_names) == 10


def test_build_idx_single_raw_file(tmp_path):
    x, y = fake(100)
    img = write_pair(tmp_path, "t10k-", x, y)
    assert labels_path_for(img).name == "t10k-labels-idx1-ubyte"
    d = build_dataset(DatasetConfig(kind="idx", path=str(img), test_fraction=0.3, validation_fraction=0.1))
    assert (d.n_train, d.n_val, d.n_test) == (60, 10, 30)


# -- broken files ----------------------------------------------------------------------------------


def check_error(path: Path, *fragments: str) -> None:
    with pytest.raises(DatasetError) as exc:
        read_idx(path)
    msg = str(exc.value)
    assert path.name in msg and "\n" not in msg
    for f in fragments:
        assert f in msg, msg


def test_wrong_magic(tmp_path):
    p = tmp_path / "notidx-images-idx3-ubyte"
    p.write_bytes(b"PK\x03\x04" + bytes(100))
    check_error(p, "not an IDX file")


def test_wrong_dtype_code(tmp_path):
    p = tmp_path / "code-idx1-ubyte"
    p.write_bytes(bytes([0, 0, 0x0A, 1]) + struct.pack(">i", 3) + bytes(3))
    check_error(p, "unknown IDX data type code 0x0A")


def test_truncated(tmp_path):
    data = idx_bytes(np.zeros((10, 28, 28), np.uint8))
    p = tmp_path / "short-images-idx3-ubyte"
    p.write_bytes(data[:-100])
    check_error(p, "truncated", "expected 7840 bytes", "found 7740")
    g = tmp_path / "short-images-idx3-ubyte.gz"
    g.write_bytes(gzip.compress(data[:-100]))
    check_error(g, "truncated", "expected 7840 bytes", "found 7740")
    h = tmp_path / "header-idx3-ubyte"
    h.write_bytes(data[:9])
    check_error(h, "truncated IDX header")


def test_trailing_garbage(tmp_path):
    p = tmp_path / "long-idx1-ubyte"
    p.write_bytes(idx_bytes(np.arange(5, dtype=np.uint8)) + b"xyz")
    check_error(p, "3 bytes of trailing garbage")


def test_absurd_dimensions_refused_before_allocating(tmp_path):
    p = tmp_path / "huge-idx3-ubyte"
    p.write_bytes(bytes([0, 0, 0x0E, 3]) + struct.pack(">3i", 100000, 100000, 100000))
    check_error(p, "more than the 2147483648 bytes")


def test_corrupt_gzip(tmp_path):
    blob = bytearray(gzip.compress(idx_bytes(np.arange(4000, dtype=np.int32))))
    blob[30:60] = bytes(30)
    p = tmp_path / "corrupt-labels-idx1-ubyte.gz"
    p.write_bytes(bytes(blob))
    check_error(p, "gzip")
    cut = tmp_path / "cut-labels-idx1-ubyte.gz"
    cut.write_bytes(bytes(gzip.compress(idx_bytes(np.arange(4000, dtype=np.int32))))[:-20])
    check_error(cut, "gzip")


def test_mismatched_counts(tmp_path):
    x, _ = fake(10)
    img = tmp_path / "t10k-images-idx3-ubyte"
    img.write_bytes(idx_bytes(x))
    lab = tmp_path / "t10k-labels-idx1-ubyte"
    lab.write_bytes(idx_bytes(np.zeros(9, np.uint8)))
    with pytest.raises(
        DatasetError, match="t10k-images-idx3-ubyte has 10 images but t10k-labels-idx1-ubyte has 9 labels"
    ):
        read_idx_pair(img, lab)
    with pytest.raises(DatasetError, match="9 labels"):
        build_dataset(DatasetConfig(kind="idx", path=str(tmp_path)))


def test_missing_labels_and_empty_folder(tmp_path):
    x, _ = fake(10)
    (tmp_path / "a").mkdir()
    img = tmp_path / "a" / "train-images-idx3-ubyte"
    img.write_bytes(idx_bytes(x))
    with pytest.raises(DatasetError, match="no labels file beside it .*train-labels-idx1-ubyte"):
        build_dataset(DatasetConfig(kind="idx", path=str(img)))
    (tmp_path / "empty").mkdir()
    with pytest.raises(DatasetError, match="empty: no IDX images file"):
        build_dataset(DatasetConfig(kind="idx", path=str(tmp_path / "empty")))
    with pytest.raises(DatasetError, match="does not exist"):
        build_dataset(DatasetConfig(kind="idx", path=str(tmp_path / "nowhere")))
