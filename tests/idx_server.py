"""A loopback mirror for download tests: small IDX files made in the test, served from 127.0.0.1.

`IdxMirror` serves a dict of name -> bytes; per name it can send other bytes (a corrupt
mirror), cut the transfer short after announcing the full length, or trickle slowly (so a
test can cancel). Stopped (and its thread joined) by the fixture that starts it.
"""

from __future__ import annotations

import gzip
import hashlib
import struct
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import numpy as np

from explorer.core.data import RemoteFile, RemoteSet

NAMES = (
    "train-images-idx3-ubyte.gz",
    "train-labels-idx1-ubyte.gz",
    "t10k-images-idx3-ubyte.gz",
    "t10k-labels-idx1-ubyte.gz",
)


def idx_bytes(array: np.ndarray) -> bytes:
    """An IDX file (unsigned bytes) of `array`, gzipped as upstream ships it."""
    head = struct.pack(">BBBB", 0, 0, 0x08, array.ndim) + struct.pack(f">{array.ndim}i", *array.shape)
    return gzip.compress(head + np.ascontiguousarray(array, dtype=np.uint8).tobytes(), mtime=0)


def small_set_files(n_train: int = 60, n_test: int = 20, seed: int = 0) -> dict[str, bytes]:
    """Four IDX files of a tiny 28x28, 10-class set (labels cycle through 0..9)."""
    rng = np.random.default_rng(seed)
    arrays = {
        NAMES[0]: rng.integers(0, 256, (n_train, 28, 28), dtype=np.uint8),
        NAMES[1]: (np.arange(n_train) % 10).astype(np.uint8),
        NAMES[2]: rng.integers(0, 256, (n_test, 28, 28), dtype=np.uint8),
        NAMES[3]: (np.arange(n_test) % 10).astype(np.uint8),
    }
    return {name: idx_bytes(a) for name, a in arrays.items()}


def registry_for(
    files: dict[str, bytes], mirrors: tuple[str, ...], kind: str = "fashion-mnist", n_train: int = 60, n_test: int = 20
) -> RemoteSet:
    """A test registry entry: the md5s of the files this test made (the real registry's come from the
    projects' published lists)."""
    entries = []
    for name, data in files.items():
        entries.append(
            RemoteFile(
                name,
                hashlib.md5(data).hexdigest(),
                "train" if name.startswith("train") else "test",
                "images" if "images" in name else "labels",
            )
        )
    classes = ("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot")
    return RemoteSet(
        kind=kind,
        title="Fashion-MNIST" if kind == "fashion-mnist" else "MNIST",
        mirrors=mirrors,
        files=tuple(entries),
        class_names=classes if kind == "fashion-mnist" else tuple("0123456789"),
        checksums_from="made in the test",
        size_mb=0.1,
        n_train=n_train,
        n_test=n_test,
    )


@dataclass
class IdxMirror:
    files: dict[str, bytes]
    corrupt: set[str] = field(default_factory=set)  # send other bytes of the same length
    truncate: set[str] = field(default_factory=set)  # announce the full length, send half, close
    slow: float = 0.0  # seconds between 4 KiB chunks
    requests: list[str] = field(default_factory=list)

    def start(self) -> IdxMirror:
        mirror = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                name = self.path.rsplit("/", 1)[-1]
                mirror.requests.append(name)
                data = mirror.files.get(name)
                if data is None:
                    self.send_error(404)
                    return
                if name in mirror.corrupt:
                    data = bytes(b ^ 0xFF for b in data)
                self.send_response(200)
                self.send_header("Content-Type", "application/octet-stream")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                body = data[: len(data) // 2] if name in mirror.truncate else data
                try:
                    for start in range(0, len(body), 4096):
                        self.wfile.write(body[start : start + 4096])
                        if mirror.slow:
                            time.sleep(mirror.slow)
                except (BrokenPipeError, ConnectionResetError):
                    return
                if name in mirror.truncate:
                    self.close_connection = True

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = False  # server_close() joins the handler threads
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self.thread.start()
        return self

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/sets/"

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(timeout=5)


def closed_port_url() -> str:
    """A loopback URL nothing listens on (a server that is down)."""
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    return f"http://127.0.0.1:{port}/sets/"
