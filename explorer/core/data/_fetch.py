"""Getting a downloadable set into the cache: download (pooch), import from a folder, list.

Downloads go through pooch, which streams each file to a temporary name in the
cache folder, checks its md5 and only then renames it: nothing half downloaded
or unchecked ever carries a registry name. The mirrors are tried in order; a
network failure is retried a few times on the same mirror, a checksum mismatch
or an HTTP error moves on to the next mirror at once.
"""

from __future__ import annotations

import logging
import shutil
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Optional

from explorer.core.data._idx import read_idx
from explorer.core.data._registry import MSG as REGISTRY_MSG
from explorer.core.data._registry import (
    RemoteFile,
    RemoteSet,
    md5_of,
    mirrors_for,
    remote_set,
    set_folder,
    verified_path,
)
from explorer.core.protocol import DatasetError, Message, define_messages

RETRIES = 2  # extra attempts per mirror after a network failure
BACKOFF_SECONDS = 1.0  # wait before retry k: k * BACKOFF_SECONDS
TIMEOUT_SECONDS = 30.0  # connect/read timeout of one request
CHUNK_BYTES = 64 * 1024

MSG = define_messages(
    "data",
    {
        "fetch_failed": "{title}: could not download {name} from any mirror ({reasons}). Offline? Copy the four "
        "files ({files}) into {folder}, or import a folder that holds them (python -m explorer "
        "data import {kind} FOLDER)",
        "mismatch_from": "{url}: checksum does not match the published md5 {expected} (refused, nothing kept)",
        "network_from": "{url}: {reason}",
        "network_tries": "{url}: {reason} ({tries} tries)",
        "cancelled": "download of {title} cancelled; nothing half downloaded was kept",
        "import_missing": "{folder}: missing {names} (the {title} files keep their upstream names)",
        "import_uncompressed": "{name}: found uncompressed; the published checksums are of the .gz files "
        "(use those, or train on this folder with the idx dataset kind)",
        "import_mismatch": "{name}: md5 {got} does not match the published checksum {expected} (not imported)",
        "import_format": "{name}: {problem} (not imported)",
        "import_failed": "{title}: {problems}",
        "copy_failed": "cannot copy {name} into {folder}: {reason}",
    },
)


class FetchCancelled(DatasetError):
    """The user cancelled a download; the partial file is gone."""


@dataclass(frozen=True)
class FetchProgress:
    """Where a download stands: file `index` of `count`, `done` of `total` bytes (0: unknown)."""

    title: str
    name: str
    index: int
    count: int
    done: int
    total: int


ProgressCallback = Callable[[FetchProgress], None]


class _Bar:
    """The progress-bar object pooch's HTTPDownloader feeds (total, update, reset, close); it also
    carries cancellation: update() raises FetchCancelled once `cancelled()` turns true."""

    def __init__(self, report: ProgressCallback, cancelled: Callable[[], bool], base: FetchProgress):
        self.total = 0
        self.done = 0
        self._report, self._cancelled, self._base = report, cancelled, base

    def update(self, n: int) -> None:
        if self._cancelled():
            raise FetchCancelled(MSG.cancelled(title=self._base.title))
        self.done = min(self.done + int(n), self.total) if self.total else self.done + int(n)
        self._report(
            FetchProgress(
                self._base.title, self._base.name, self._base.index, self._base.count, self.done, int(self.total or 0)
            )
        )

    def reset(self) -> None:
        self.done = 0

    def close(self) -> None:
        pass


def _quiet_pooch() -> None:
    import pooch

    pooch.get_logger().setLevel(logging.WARNING)  # our own progress says what is downloaded


def fetch(
    kind: str | RemoteSet,
    *,
    mirror: Optional[str] = None,
    progress: Optional[ProgressCallback] = None,
    cancelled: Callable[[], bool] = lambda: False,
    retries: int = RETRIES,
    backoff: float = BACKOFF_SECONDS,
    timeout: float = TIMEOUT_SECONDS,
    log: Callable[[Message], None] = lambda m: None,
) -> Path:
    """Download the files of `kind` that are not cached yet (or do not match); return the folder.

    `log` hears each refused file and failed attempt; a DatasetError says why nothing worked."""
    _quiet_pooch()
    rs = remote_set(kind)
    folder = set_folder(rs)
    folder.mkdir(parents=True, exist_ok=True)
    _remove_stale_temporaries(folder)
    bases = mirrors_for(rs, mirror)
    report = progress or (lambda p: None)
    for index, entry in enumerate(rs.files):
        if _cached_and_valid(rs, entry):
            report(FetchProgress(rs.title, entry.name, index, len(rs.files), 1, 1))
            continue
        reasons: list[Message] = []
        for base in bases:
            reason = _from_mirror(
                base + entry.name, entry, folder, report, cancelled, rs, index, retries, backoff, timeout
            )
            if reason is None:
                break
            reasons.append(reason)
            log(reason)
        if not (folder / entry.name).is_file():
            raise DatasetError(
                MSG.fetch_failed(
                    title=rs.title,
                    name=entry.name,
                    reasons=reasons,
                    files=", ".join(rs.file_names),
                    folder=str(folder),
                    kind=rs.kind,
                )
            )
    return folder


def _from_mirror(
    url: str,
    entry: RemoteFile,
    folder: Path,
    report: ProgressCallback,
    cancelled: Callable[[], bool],
    rs: RemoteSet,
    index: int,
    retries: int,
    backoff: float,
    timeout: float,
) -> Optional[Message]:
    """Download one file from one mirror: None once it is in the cache (checked), else why not."""
    import pooch
    import requests

    for attempt in range(retries + 1):
        if cancelled():
            raise FetchCancelled(MSG.cancelled(title=rs.title))
        bar = _Bar(report, cancelled, FetchProgress(rs.title, entry.name, index, len(rs.files), 0, 0))
        downloader = pooch.HTTPDownloader(progressbar=bar, chunk_size=CHUNK_BYTES, timeout=timeout)
        try:
            pooch.retrieve(url, known_hash=entry.known_hash, fname=entry.name, path=folder, downloader=downloader)
            return None
        except ValueError:  # pooch: the md5 does not match; it has deleted the download
            return MSG.mismatch_from(url=url, expected=entry.md5)  # the same mirror would send the same bytes
        except requests.exceptions.HTTPError as exc:
            return MSG.network_from(url=url, reason=_reason(exc))  # 404, 403: that mirror does not have it
        except requests.exceptions.RequestException as exc:
            if attempt == retries or _offline(exc):  # no name lookup: retrying will not help
                if attempt:
                    return MSG.network_tries(url=url, reason=_reason(exc), tries=str(attempt + 1))
                return MSG.network_from(url=url, reason=_reason(exc))
            _sleep(backoff * (attempt + 1), cancelled, rs.title)
    return None


def _causes(exc: BaseException) -> tuple[type, ...]:
    """The types of the exceptions chained under `exc` (requests wraps urllib3 wraps socket errors)."""
    seen: list[BaseException] = []
    todo: list[object] = [exc]
    while todo and len(seen) < 20:
        e = todo.pop()
        if not isinstance(e, BaseException) or e in seen:
            continue
        seen.append(e)
        todo += [e.__cause__, e.__context__, getattr(e, "reason", None), *e.args]
    return tuple(type(e) for e in seen)


def _offline(exc: BaseException) -> bool:
    import socket

    import urllib3

    return any(issubclass(k, (socket.gaierror, urllib3.exceptions.NameResolutionError)) for k in _causes(exc))


def _reason(exc: Exception) -> str:
    """A short reason for a failed request, from the exception types in its chain (requests' own
    messages run to several lines of pool and adapter details)."""
    import http.client
    import socket

    import requests
    import urllib3

    if isinstance(exc, requests.exceptions.HTTPError) and exc.response is not None:
        return f"HTTP {exc.response.status_code}"
    kinds = _causes(exc)

    def has(*types: type) -> bool:
        return any(issubclass(k, types) for k in kinds)

    if has(ConnectionRefusedError):
        return "connection refused"
    if _offline(exc):
        return "host not found (offline?)"
    if has(requests.exceptions.Timeout, urllib3.exceptions.TimeoutError, socket.timeout):
        return "timed out"
    if has(http.client.IncompleteRead, urllib3.exceptions.ProtocolError, requests.exceptions.ChunkedEncodingError):
        return "transfer cut short"
    if has(requests.exceptions.ConnectionError):
        return "cannot connect"
    return type(exc).__name__


def _sleep(seconds: float, cancelled: Callable[[], bool], title: str) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if cancelled():
            raise FetchCancelled(MSG.cancelled(title=title))
        time.sleep(min(0.05, max(end - time.monotonic(), 0)))


def _cached_and_valid(rs: RemoteSet, entry: RemoteFile) -> bool:
    if not (set_folder(rs) / entry.name).is_file():
        return False
    try:
        verified_path(rs, entry)  # a mismatching file is removed here and downloaded again
    except DatasetError:
        return False
    return True


def _remove_stale_temporaries(folder: Path) -> None:
    """pooch's temporary files of a download that was killed (never a registry name)."""
    for p in folder.glob("tmp*"):
        if p.is_file():
            try:
                p.unlink()
            except OSError:
                pass


# -- import from a folder -----------------------------------------------------------------------


def import_folder(kind: str | RemoteSet, source: str | Path) -> list[str]:
    """Copy the set's files from `source` (a USB stick) into the cache, each checked for the IDX format
    and its published md5. Files that pass are copied (atomically); if any is missing or refused, a
    DatasetError lists them after the good ones are in. Returns the names copied."""
    rs = remote_set(kind)
    source = Path(source).expanduser()
    if not source.is_dir():
        raise DatasetError(REGISTRY_MSG.not_a_folder(path=str(source)))
    problems: list[Message] = []
    good: list[Path] = []
    missing = []
    for entry in rs.files:
        path = source / entry.name
        if not path.is_file():
            raw = source / entry.name.removesuffix(".gz")
            if raw.is_file():
                problems.append(MSG.import_uncompressed(name=raw.name))
            else:
                missing.append(entry.name)
            continue
        try:
            read_idx(path)
        except DatasetError as exc:
            problems.append(MSG.import_format(name=entry.name, problem=exc.message))
            continue
        got = md5_of(path)
        if got != entry.md5:
            problems.append(MSG.import_mismatch(name=entry.name, got=got, expected=entry.md5))
            continue
        good.append(path)
    if missing:
        problems.insert(0, MSG.import_missing(folder=str(source), names=", ".join(missing), title=rs.title))
    folder = set_folder(rs)
    folder.mkdir(parents=True, exist_ok=True)
    for path in good:
        _copy_atomically(path, folder / path.name)
    if problems:
        raise DatasetError(MSG.import_failed(title=rs.title, problems=problems))
    return [p.name for p in good]


def _copy_atomically(src: Path, dest: Path) -> None:
    tmp = dest.with_name(f".{dest.name}.importing")
    try:
        shutil.copyfile(src, tmp)
        tmp.replace(dest)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise DatasetError(
            MSG.copy_failed(name=src.name, folder=str(dest.parent), reason=exc.strerror or str(exc))
        ) from None


# -- what is cached -------------------------------------------------------------------------------


@dataclass(frozen=True)
class CachedFile:
    name: str
    size: int  # bytes; 0 when missing
    state: str  # "ok" | "missing" | "mismatch"


def cache_status(kind: str | RemoteSet, verify: bool = True) -> list[CachedFile]:
    """Each file of `kind` in the cache: present, its size, and (verify) whether its md5 matches.
    Listing never removes anything."""
    rs = remote_set(kind)
    folder = set_folder(rs)
    out = []
    for entry in rs.files:
        path = folder / entry.name
        if not path.is_file():
            out.append(CachedFile(entry.name, 0, "missing"))
            continue
        state = "ok" if not verify or md5_of(path) == entry.md5 else "mismatch"
        out.append(CachedFile(entry.name, path.stat().st_size, state))
    return out
