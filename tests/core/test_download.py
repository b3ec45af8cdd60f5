"""Downloading Fashion-MNIST / MNIST: registry, mirrors, checksums, cache, import (loopback only)."""

from __future__ import annotations

import hashlib
import re
import shutil
from pathlib import Path

import numpy as np
import pytest

from explorer.core.config import DatasetConfig
from explorer.core.data import (
    REGISTRY,
    FetchCancelled,
    build_dataset,
    cache_status,
    data_home,
    fetch,
    import_folder,
    is_cached,
    mirrors_for,
    set_folder,
)
from explorer.core.data._registry import verified_path
from explorer.core.protocol import DatasetError
from tests.idx_server import NAMES, IdxMirror, closed_port_url, registry_for, small_set_files

MNIST_DIR = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "mnist"
FAST = {"retries": 0, "timeout": 5.0}


@pytest.fixture
def second_mirror(files):
    m = IdxMirror(files).start()
    yield m
    m.stop()


def _cached_names(folder: Path) -> set[str]:
    return {p.name for p in folder.iterdir()} if folder.is_dir() else set()


# -- the real registry ---------------------------------------------------------------------------


def test_real_registry_entries_have_the_published_shape():
    assert set(REGISTRY) == {"fashion-mnist", "mnist"}
    for kind, rs in REGISTRY.items():
        assert rs.kind == kind
        assert [f.name for f in rs.files] == list(NAMES)  # the upstream names, train first
        assert [(f.split, f.role) for f in rs.files] == [
            ("train", "images"),
            ("train", "labels"),
            ("test", "images"),
            ("test", "labels"),
        ]
        for f in rs.files:
            assert re.fullmatch(r"[0-9a-f]{32}", f.md5), f  # md5: 32 hex digits
            assert f.known_hash == "md5:" + f.md5
        assert len({f.md5 for f in rs.files}) == 4
        assert rs.mirrors and all(m.startswith(("http://", "https://")) and m.endswith("/") for m in rs.mirrors)
        assert len(rs.class_names) == 10 and (rs.n_train, rs.n_test) == (60_000, 10_000)
    assert REGISTRY["fashion-mnist"].class_names[0] == "T-shirt/top"
    assert REGISTRY["fashion-mnist"].class_names[9] == "Ankle boot"
    # the two sets share file names but never checksums
    assert not {f.md5 for f in REGISTRY["mnist"].files} & {f.md5 for f in REGISTRY["fashion-mnist"].files}


def test_cache_folder_follows_the_override_and_defaults_to_the_user_cache(monkeypatch, tmp_path):
    monkeypatch.setenv("EXPLORER_DATA_DIR", str(tmp_path / "classroom"))
    assert set_folder("mnist") == tmp_path / "classroom" / "mnist"
    monkeypatch.delenv("EXPLORER_DATA_DIR")
    from platformdirs import user_cache_dir

    assert data_home() == Path(user_cache_dir("regularization-explorer")) / "data"


def test_mirror_override_from_argument_or_environment(monkeypatch):
    assert mirrors_for("mnist") == REGISTRY["mnist"].mirrors
    monkeypatch.setenv("EXPLORER_DATA_MIRROR", "http://proxy.school/mnist")
    assert mirrors_for("mnist") == ("http://proxy.school/mnist/",)
    assert mirrors_for("mnist", "https://other/") == ("https://other/",)  # --mirror wins
    with pytest.raises(DatasetError, match="not an http"):
        mirrors_for("mnist", "ftp://x/")
    with pytest.raises(DatasetError, match="unknown data set 'cifar'"):
        mirrors_for("cifar")


# -- downloading ----------------------------------------------------------------------------------


def test_download_fills_the_cache_and_builds_the_dataset(mirror, files, monkeypatch):
    rs = registry_for(files, (mirror.url,))
    seen = []
    folder = fetch(rs, progress=seen.append, **FAST)
    assert folder == set_folder(rs)
    assert _cached_names(folder) == set(NAMES)  # no temporaries left
    for name, data in files.items():
        assert (folder / name).read_bytes() == data
    assert sorted(mirror.requests) == sorted(NAMES)
    assert {p.name for p in seen} == set(NAMES) and all(p.count == 4 for p in seen)
    assert seen[-1].done == seen[-1].total == len(files[NAMES[3]])

    monkeypatch.setitem(REGISTRY, "fashion-mnist", rs)
    assert is_cached("fashion-mnist")
    ds = build_dataset(DatasetConfig(kind="fashion-mnist", validation_fraction=0.25))
    assert (ds.n_train, ds.n_val, ds.n_test) == (45, 15, 20)
    assert ds.x_train.dtype == ds.x_test.dtype == __import__("torch").uint8
    assert ds.class_names[0] == "T-shirt/top" and ds.image_shape == (28, 28)


def test_cache_is_reused_without_a_server(files, tmp_path):
    m = IdxMirror(files).start()
    rs = registry_for(files, (m.url,))
    try:
        fetch(rs, **FAST)
    finally:
        m.stop()
    seen = []
    fetch(rs, progress=seen.append, **FAST)  # nothing to download: no server needed
    assert [p.done for p in seen] == [1, 1, 1, 1]
    assert is_cached(rs)


def test_checksum_mismatch_is_refused_and_the_next_mirror_tried(mirror, second_mirror, files):
    mirror.corrupt = {NAMES[0]}
    rs = registry_for(files, (mirror.url, second_mirror.url))
    log = []
    folder = fetch(rs, log=log.append, **FAST)
    assert (folder / NAMES[0]).read_bytes() == files[NAMES[0]]  # from the second mirror
    assert second_mirror.requests == [NAMES[0]]
    assert any("checksum does not match" in str(m) and mirror.url in str(m) for m in log)
    assert _cached_names(folder) == set(NAMES)


def test_checksum_mismatch_everywhere_caches_nothing(mirror, files):
    mirror.corrupt = {NAMES[0]}
    rs = registry_for(files, (mirror.url,))
    with pytest.raises(DatasetError) as info:
        fetch(rs, **FAST)
    text = str(info.value)
    assert "could not download train-images-idx3-ubyte.gz" in text and "checksum does not match" in text
    assert _cached_names(set_folder(rs)) == set()  # nothing kept, not even a temporary


def test_truncated_transfer_is_never_used(mirror, files):
    mirror.truncate = {NAMES[2]}
    rs = registry_for(files, (mirror.url,))
    with pytest.raises(DatasetError, match="t10k-images-idx3-ubyte.gz"):
        fetch(rs, **FAST)
    assert _cached_names(set_folder(rs)) == set(NAMES) - {NAMES[2], NAMES[3]}
    assert not is_cached(rs)


def test_server_down_gives_a_clear_message_with_the_ways_out(files):
    rs = registry_for(files, (closed_port_url(),))
    with pytest.raises(DatasetError) as info:
        fetch(rs, retries=1, backoff=0.01, timeout=5.0)
    text = str(info.value)
    assert "connection refused" in text
    assert str(set_folder(rs)) in text and "python -m explorer data import fashion-mnist FOLDER" in text
    assert "\n" not in text


def test_cancel_stops_the_download_and_keeps_nothing_half_done(tmp_path):
    files = small_set_files(n_train=400)  # 300 KiB of images: several progress updates
    mirror = IdxMirror(files, slow=0.002).start()
    try:
        rs = registry_for(files, (mirror.url,), n_train=400)
        calls = []

        def cancelled() -> bool:
            return len(calls) >= 2  # during the first file

        with pytest.raises(FetchCancelled, match="cancelled"):
            fetch(rs, progress=calls.append, cancelled=cancelled, **FAST)
    finally:
        mirror.stop()
    assert calls[-1].name == NAMES[0] and 0 < calls[-1].done < calls[-1].total
    assert _cached_names(set_folder(rs)) == set()


def test_a_mismatching_cached_file_is_refused_removed_and_fetched_again(mirror, files):
    rs = registry_for(files, (mirror.url,))
    folder = fetch(rs, **FAST)
    (folder / NAMES[1]).write_bytes(b"\x1f\x8bnot the labels")
    with pytest.raises(DatasetError, match="refused and removed"):
        verified_path(rs, rs.files[1])
    assert not (folder / NAMES[1]).exists()
    mirror.requests.clear()
    fetch(rs, **FAST)
    assert mirror.requests == [NAMES[1]] and is_cached(rs)


def test_missing_set_names_both_ways_out(monkeypatch, files):
    monkeypatch.setitem(REGISTRY, "mnist", registry_for(files, ("http://127.0.0.1:9/",), kind="mnist"))
    with pytest.raises(DatasetError) as info:
        build_dataset(DatasetConfig(kind="mnist"))
    text = str(info.value)
    assert "MNIST is not downloaded yet" in text and str(set_folder("mnist")) in text
    assert "data fetch mnist" in text and "data import mnist FOLDER" in text


# -- import from a folder ---------------------------------------------------------------------------


def test_import_copies_checked_files(files, tmp_path):
    usb = tmp_path / "usb"
    usb.mkdir()
    for name, data in files.items():
        (usb / name).write_bytes(data)
    rs = registry_for(files, ("http://127.0.0.1:9/",))
    assert sorted(import_folder(rs, usb)) == sorted(NAMES)
    assert is_cached(rs) and all(s.state == "ok" for s in cache_status(rs))


def test_import_reports_a_missing_and_a_corrupt_file(files, tmp_path):
    usb = tmp_path / "usb"
    usb.mkdir()
    for name, data in files.items():
        (usb / name).write_bytes(data)
    (usb / NAMES[3]).unlink()
    bad = bytearray(files[NAMES[0]])
    bad[-20] ^= 0xFF  # a damaged copy: gzip's CRC catches it first
    (usb / NAMES[0]).write_bytes(bytes(bad))
    rs = registry_for(files, ("http://127.0.0.1:9/",))
    with pytest.raises(DatasetError) as info:
        import_folder(rs, usb)
    text = str(info.value)
    assert f"missing {NAMES[3]}" in text and NAMES[0] in text and "not imported" in text
    assert _cached_names(set_folder(rs)) == {NAMES[1], NAMES[2]}  # the good ones are in


def test_import_refuses_a_valid_idx_file_with_another_checksum(files, tmp_path):
    usb = tmp_path / "usb"
    usb.mkdir()
    for name, data in files.items():
        (usb / name).write_bytes(data)
    other = small_set_files(seed=1)[NAMES[2]]  # a well-formed IDX file, but not the published one
    (usb / NAMES[2]).write_bytes(other)
    rs = registry_for(files, ("http://127.0.0.1:9/",))
    with pytest.raises(DatasetError, match=f"{NAMES[2]}: md5 {hashlib.md5(other).hexdigest()} does not match"):
        import_folder(rs, usb)
    assert NAMES[2] not in _cached_names(set_folder(rs))


@pytest.mark.skipif(not MNIST_DIR.is_dir(), reason="the MNIST test files are not in ../shared/data/mnist")
def test_import_of_the_real_mnist_test_files_checks_the_published_md5(tmp_path):
    """The shared copy is the real MNIST test set, re-compressed: its IDX content is fine but the .gz
    bytes are not the ones torchvision's md5 describes, so the import refuses them (and the missing
    training files) rather than trusting them."""
    usb = tmp_path / "usb"
    usb.mkdir()
    for p in MNIST_DIR.glob("t10k-*.gz"):
        shutil.copy(p, usb / p.name)
    with pytest.raises(DatasetError) as info:
        import_folder("mnist", usb)
    text = str(info.value)
    assert "missing train-images-idx3-ubyte.gz, train-labels-idx1-ubyte.gz" in text
    assert "t10k-images-idx3-ubyte.gz: md5" in text and "9fb629c4189551a2d022fa330f9573f3" in text
    assert not is_cached("mnist")


def test_import_of_uncompressed_files_says_why(files, tmp_path):
    import gzip

    usb = tmp_path / "usb"
    usb.mkdir()
    for name, data in files.items():
        (usb / name.removesuffix(".gz")).write_bytes(gzip.decompress(data))
    rs = registry_for(files, ("http://127.0.0.1:9/",))
    with pytest.raises(DatasetError, match="found uncompressed; the published checksums are of the .gz files"):
        import_folder(rs, usb)


def test_dataset_keeps_pixels_as_bytes_and_converts_per_batch(mirror, files, monkeypatch):
    import torch

    rs = registry_for(files, (mirror.url,))
    fetch(rs, **FAST)
    monkeypatch.setitem(REGISTRY, "fashion-mnist", rs)
    cfg = DatasetConfig(kind="fashion-mnist", validation_fraction=0.1, max_samples=50)
    ds = build_dataset(cfg)
    assert (ds.n_train, ds.n_val, ds.n_test) == (45, 5, 20)  # max_samples caps each file's pool
    raw = np.concatenate([ds.x_train.numpy(), ds.x_val.numpy()]).astype(np.float64) / 255.0
    mean, std = ds.x_train.numpy().astype(np.float64).mean() / 255, ds.x_train.numpy().astype(np.float64).std() / 255
    np.testing.assert_allclose(ds.input_mean, [mean], rtol=1e-6)
    np.testing.assert_allclose(ds.input_std, [std], rtol=1e-6)
    x = ds.inputs(ds.x_val)
    assert x.dtype == torch.float32
    np.testing.assert_allclose(x.numpy(), (raw[45:] - mean) / std, atol=1e-5)
    # the same images and order as the plain path would give: the seeded permutation of the file
    train_file = np.frombuffer(__import__("gzip").decompress(files[NAMES[0]])[16:], np.uint8).reshape(-1, 784)
    perm = np.random.default_rng(cfg.seed).permutation(60)[:50]
    np.testing.assert_array_equal(ds.x_train.numpy(), train_file[perm[5:]])
    plain = build_dataset(cfg.model_copy(update={"normalize": False}))
    np.testing.assert_allclose(plain.inputs(plain.x_train).numpy(), train_file[perm[5:]] / 255.0, atol=1e-7)
