"""The downloadable image sets (Fashion-MNIST, MNIST): their files, published checksums, mirrors, cache.

The checksums are the ones the sets' own projects publish, never ones computed
from a download: Fashion-MNIST's from the table in zalandoresearch/fashion-mnist's
README, MNIST's from the `resources` list of torchvision's datasets/mnist.py (the
md5 of each original .gz file). A file is used only when its md5 matches.

The cache is one folder per set under the data home: the user's cache folder
(platformdirs), or EXPLORER_DATA_DIR when set. A teacher can copy the four
files there by hand; they are checked like downloaded ones.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from explorer.core.protocol import DatasetError, define_messages

# Fashion-MNIST's class names, in label order (zalandoresearch/fashion-mnist's README)
FASHION_CLASSES = (
    "T-shirt/top",
    "Trouser",
    "Pullover",
    "Dress",
    "Coat",
    "Sandal",
    "Shirt",
    "Sneaker",
    "Bag",
    "Ankle boot",
)

DATA_DIR_ENV = "EXPLORER_DATA_DIR"
MIRROR_ENV = "EXPLORER_DATA_MIRROR"
APP_NAME = "regularization-explorer"
_HASH_CHUNK = 1 << 20

MSG = define_messages(
    "data",
    {
        "unknown_set": "unknown data set '{kind}'; the downloadable sets are: {known}",
        "bad_mirror": "mirror '{url}' is not an http:// or https:// URL (a base URL under which the four files "
        "have their upstream names)",
        "not_cached": "{title} is not downloaded yet (missing: {missing}). Fetch it (python -m explorer data fetch "
        "{kind}), copy the four files into {folder}, or import a folder that holds them (python -m "
        "explorer data import {kind} FOLDER)",
        "not_a_folder": "{path} is not a folder",
        "refused": "{name} was refused and removed: its md5 {got} does not match the published checksum {expected}; "
        "fetch or import it again",
    },
)


@dataclass(frozen=True)
class RemoteFile:
    """One upstream file: its name (the same on every mirror), published md5, split and role."""

    name: str
    md5: str
    split: str  # "train" | "test"
    role: str  # "images" | "labels"

    @property
    def known_hash(self) -> str:
        """The checksum in pooch's notation."""
        return f"md5:{self.md5}"


@dataclass(frozen=True)
class RemoteSet:
    """A data set the explorer can download: four IDX files, mirrors in the order they are tried."""

    kind: str
    title: str
    mirrors: tuple[str, ...]
    files: tuple[RemoteFile, ...]
    class_names: tuple[str, ...]
    checksums_from: str  # where the md5s are published
    size_mb: float  # the four files together, for the download dialog
    n_train: int = 60_000  # images in the official training file
    n_test: int = 10_000  # images in the official test file

    def file(self, split: str, role: str) -> RemoteFile:
        return next(f for f in self.files if f.split == split and f.role == role)

    @property
    def file_names(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.files)


def _files(md5s: dict[str, str]) -> tuple[RemoteFile, ...]:
    out = []
    for name, md5 in md5s.items():
        split = "train" if name.startswith("train") else "test"
        role = "images" if "images" in name else "labels"
        out.append(RemoteFile(name, md5, split, role))
    return tuple(out)


DIGIT_CLASSES = tuple(str(i) for i in range(10))

REGISTRY: dict[str, RemoteSet] = {
    "fashion-mnist": RemoteSet(
        kind="fashion-mnist",
        title="Fashion-MNIST",
        # the project's own S3 site (its README's download links), then the files in its repository
        mirrors=(
            "http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/",
            "https://raw.githubusercontent.com/zalandoresearch/fashion-mnist/master/data/fashion/",
        ),
        files=_files(
            {
                "train-images-idx3-ubyte.gz": "8d4fb7e6c68d591d4c3dfef9ec88bf0d",
                "train-labels-idx1-ubyte.gz": "25c81989df183df01b3e8a0aad5dffbe",
                "t10k-images-idx3-ubyte.gz": "bef4ecab320f06d8554ea6380940ec79",
                "t10k-labels-idx1-ubyte.gz": "bb300cfdad3c16e7a12a480ee83cd310",
            }
        ),
        class_names=FASHION_CLASSES,
        checksums_from="github.com/zalandoresearch/fashion-mnist README (MD5 Checksum column)",
        size_mb=30.9,
    ),
    "mnist": RemoteSet(
        kind="mnist",
        title="MNIST",
        # torchvision's mirrors; its S3 copy first, as the original site often refuses scripted downloads
        mirrors=("https://ossci-datasets.s3.amazonaws.com/mnist/", "http://yann.lecun.com/exdb/mnist/"),
        files=_files(
            {
                "train-images-idx3-ubyte.gz": "f68b3c2dcbeaaa9fbdd348bbdeb94873",
                "train-labels-idx1-ubyte.gz": "d53e105ee54ea40749a09fcbcd1e9432",
                "t10k-images-idx3-ubyte.gz": "9fb629c4189551a2d022fa330f9573f3",
                "t10k-labels-idx1-ubyte.gz": "ec29112dd5afa0611ce80d1b7f02629c",
            }
        ),
        class_names=DIGIT_CLASSES,
        checksums_from="torchvision/datasets/mnist.py (MNIST.resources)",
        size_mb=11.6,
    ),
}


def remote_set(kind: str | RemoteSet) -> RemoteSet:
    """The registry entry of `kind` (a RemoteSet passes through: tests bring their own)."""
    if isinstance(kind, RemoteSet):
        return kind
    try:
        return REGISTRY[kind]
    except KeyError:
        raise DatasetError(MSG.unknown_set(kind=kind, known=", ".join(REGISTRY))) from None


def data_home() -> Path:
    """Where downloaded sets live: EXPLORER_DATA_DIR, else the user's cache folder."""
    override = os.environ.get(DATA_DIR_ENV, "").strip()
    if override:
        return Path(override).expanduser()
    from platformdirs import user_cache_dir

    return Path(user_cache_dir(APP_NAME)) / "data"


def set_folder(kind: str | RemoteSet) -> Path:
    """The folder that holds (or will hold) the four files of `kind`."""
    return data_home() / remote_set(kind).kind


def mirrors_for(kind: str | RemoteSet, mirror: Optional[str] = None) -> tuple[str, ...]:
    """The base URLs to try, in order: `mirror`, else EXPLORER_DATA_MIRROR, else the known mirrors.

    An override replaces the known mirrors: a classroom behind a proxy wants its own copy only."""
    known = remote_set(kind).mirrors
    chosen = mirror if mirror else os.environ.get(MIRROR_ENV, "").strip()
    if chosen:
        if not chosen.lower().startswith(("http://", "https://")):
            raise DatasetError(MSG.bad_mirror(url=chosen))
        return (chosen if chosen.endswith("/") else chosen + "/",)
    return known


def missing_files(kind: str | RemoteSet) -> list[str]:
    """The registry files not in the cache folder (presence only; see `verified_path`)."""
    folder = set_folder(kind)
    return [f.name for f in remote_set(kind).files if not (folder / f.name).is_file()]


def is_cached(kind: str | RemoteSet) -> bool:
    """All four files are in the cache folder (checked for their checksum when they are read)."""
    return not missing_files(kind)


def md5_of(path: Path) -> str:
    digest = hashlib.md5(usedforsecurity=False)
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(_HASH_CHUNK), b""):
            digest.update(chunk)
    return digest.hexdigest()


# (path, size, mtime_ns) of files whose md5 matched, so a set is hashed once per process
_VERIFIED: set[tuple[str, int, int]] = set()


def verified_path(kind: str | RemoteSet, entry: RemoteFile) -> Path:
    """The cached file of `entry`, checked against its published md5. A file that does not match is
    refused: removed (so the next fetch replaces it) and reported."""
    rs = remote_set(kind)
    path = set_folder(rs) / entry.name
    if not path.is_file():
        raise DatasetError(
            MSG.not_cached(
                title=rs.title,
                missing=", ".join(missing_files(rs)) or entry.name,
                kind=rs.kind,
                folder=str(path.parent),
            )
        )
    stat = path.stat()
    key = (str(path), stat.st_size, stat.st_mtime_ns)
    if key in _VERIFIED:
        return path
    got = md5_of(path)
    if got != entry.md5:
        try:
            path.unlink()
        except OSError:
            pass
        raise DatasetError(MSG.refused(name=entry.name, got=got, expected=entry.md5))
    _VERIFIED.add(key)
    return path
