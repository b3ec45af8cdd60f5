"""Fixtures of the window tests: the window on the tiny run."""

from __future__ import annotations

import pytest

from tests.gui.windows import close_window, open_window, tiny_run


@pytest.fixture
def window(qtbot):
    """The real window (thread host) on the tiny test run, closed after the test."""
    win = open_window(qtbot, tiny_run())
    yield win
    close_window(win)
