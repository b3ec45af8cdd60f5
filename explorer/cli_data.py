"""`python -m explorer data list|fetch|import`: the downloadable sets (Fashion-MNIST, MNIST) and their cache.

    python -m explorer data list
    python -m explorer data fetch fashion-mnist|mnist [--mirror URL] [--quiet]
    python -m explorer data import fashion-mnist|mnist FOLDER

fetch shows a progress bar on a terminal (none when stderr is not one, or with
--quiet); files refused for a checksum mismatch are reported on stderr as they
happen. Failures end with a one-line error and exit code 1.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any, Optional

KINDS = ("fashion-mnist", "mnist")


def add_data_parser(sub: Any) -> None:
    data = sub.add_parser("data", help="download, import and list the Fashion-MNIST and MNIST data sets")
    actions = data.add_subparsers(dest="data_command", required=True)
    actions.add_parser("list", help="what is cached, file sizes, and where")
    fetch = actions.add_parser("fetch", help="download a set into the cache (checked against published md5s)")
    fetch.add_argument("kind", choices=KINDS)
    fetch.add_argument(
        "--mirror",
        metavar="URL",
        help="a base URL under which the four files have their upstream names (a classroom copy or proxy); "
        "default: $EXPLORER_DATA_MIRROR, else the set's known mirrors in order",
    )
    fetch.add_argument("--quiet", action="store_true", help="no progress bar")
    imp = actions.add_parser("import", help="copy a set's files from a folder (a USB stick) into the cache")
    imp.add_argument("kind", choices=KINDS)
    imp.add_argument("folder")


def _mb(n: int) -> str:
    return f"{n / 1e6:.1f} MB"


def cmd_data(args: argparse.Namespace) -> int:
    if args.data_command == "list":
        return _list()
    if args.data_command == "fetch":
        return _fetch(args.kind, args.mirror, quiet=args.quiet)
    return _import(args.kind, args.folder)


def _list() -> int:
    from explorer.core.data import DATA_DIR_ENV, REGISTRY, cache_status, data_home, set_folder

    print(f"data folder: {data_home()}  (${DATA_DIR_ENV} overrides it)")
    for kind, rs in REGISTRY.items():
        status = cache_status(kind)
        have = [s for s in status if s.state != "missing"]
        size = sum(s.size for s in status)
        if not have:
            state = f"not downloaded (python -m explorer data fetch {kind}, about {rs.size_mb:g} MB)"
        elif all(s.state == "ok" for s in status):
            state = f"complete, {_mb(size)}, checksums match"
        else:
            state = f"incomplete, {_mb(size)}"
        print(f"{kind:14s} {rs.title:14s} {state}")
        if have:
            print(f"{'':14s} {set_folder(kind)}")
            for s in status:
                word = {"ok": "ok", "missing": "missing", "mismatch": "checksum does not match (refused when read)"}
                print(f"{'':16s}{s.name:30s} {_mb(s.size) if s.size else '':>9s}  {word[s.state]}")
    return 0


class _Bars:
    """One tqdm bar per file on stderr, only on a terminal."""

    def __init__(self, enabled: bool):
        self.enabled = enabled
        self.bar: Optional[Any] = None
        self.name = ""

    def __call__(self, p: Any) -> None:
        if not self.enabled:
            return
        from tqdm import tqdm

        if p.name != self.name:
            self.close()
            self.name = p.name
            self.bar = tqdm(
                total=p.total or None,
                desc=f"{p.index + 1}/{p.count} {p.name}",
                unit="B",
                unit_scale=True,
                file=sys.stderr,
                leave=True,
            )
        assert self.bar is not None
        if p.total and self.bar.total != p.total:
            self.bar.total = p.total
        self.bar.update(p.done - self.bar.n)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
            self.bar = None


def _fetch(kind: str, mirror: Optional[str], quiet: bool) -> int:
    from explorer.core.data import fetch
    from explorer.core.protocol import ExplorerError

    bars = _Bars(enabled=not quiet and sys.stderr.isatty())

    def report(message: Any) -> None:
        bars.close()
        print(f"warning: {message}", file=sys.stderr)

    try:
        folder = fetch(kind, mirror=mirror, progress=bars, log=report)
    except ExplorerError as exc:
        bars.close()
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        bars.close()
        print("error: interrupted; nothing half downloaded was kept", file=sys.stderr)
        return 1
    bars.close()
    print(f"{kind}: the four files are in {folder}, checksums match")
    return 0


def _import(kind: str, folder: str) -> int:
    from explorer.core.data import import_folder, set_folder
    from explorer.core.protocol import ExplorerError

    try:
        names = import_folder(kind, folder)
    except ExplorerError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(f"{kind}: imported {len(names)} files into {set_folder(kind)}, checksums match")
    return 0
