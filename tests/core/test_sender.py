"""The trainer child's sender thread (explorer.core.session._sender.PipeSender)."""

from __future__ import annotations

import multiprocessing as mp
import threading

import pytest

from explorer.core.session._sender import PipeSender

BIG = b"x" * (1 << 20)  # larger than a socket's buffer: a direct send would block until read


def _in_thread(body, timeout: float = 20.0):
    out: list = []
    t = threading.Thread(target=lambda: out.append(body()), daemon=True)
    t.start()
    t.join(timeout)
    return t.is_alive(), out


@pytest.fixture
def pipe():
    """(our end, the window's end), both closed after the test."""
    ours, theirs = mp.Pipe(duplex=True)
    yield ours, theirs
    ours.close()
    theirs.close()


def test_sending_does_not_wait_for_the_reader_and_keeps_the_order(pipe):
    ours, theirs = pipe
    sender = PipeSender(ours, depth=8)
    try:
        # nobody reads yet: five 1 MB messages are queued, the caller goes on
        still_running, _ = _in_thread(lambda: [sender.send((i, BIG)) for i in range(5)])
        assert not still_running
        received = [theirs.recv() for _ in range(5)]
        assert [i for i, _ in received] == list(range(5))
        assert all(payload == BIG for _, payload in received)
    finally:
        sender.close()


def test_a_reader_that_stays_behind_slows_the_sender_down_instead_of_memory_growing(pipe):
    ours, theirs = pipe
    sender = PipeSender(ours, depth=2)
    try:
        still_running, _ = _in_thread(lambda: [sender.send((i, BIG)) for i in range(20)], timeout=1.5)
        assert still_running  # the queue is full: send waits for the reader
        got = [theirs.recv()[0] for _ in range(20)]
        assert got == list(range(20))
    finally:
        sender.close()


def test_a_closed_window_ends_the_sender_with_eof(pipe):
    ours, theirs = pipe
    sender = PipeSender(ours, depth=2)
    theirs.close()
    with pytest.raises(EOFError):
        for i in range(100):  # the first send that meets the closed end stops the thread
            sender.send((i, BIG))
    sender.close(timeout=2.0)
    assert not sender._thread.is_alive()


def test_close_sends_what_is_queued_then_stops_the_thread(pipe):
    ours, theirs = pipe
    sender = PipeSender(ours, depth=8)
    for i in range(3):
        sender.send(("state", i))
    sender.close(timeout=2.0)
    assert not sender._thread.is_alive()
    assert [theirs.recv()[1] for _ in range(3)] == [0, 1, 2]
