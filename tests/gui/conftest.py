"""Fixtures of the window tests: a settings folder of their own, and the window on the tiny run."""
from __future__ import annotations

import pytest

from tests.gui.windows import close_window, open_window, tiny_run


@pytest.fixture
def config_dir(tmp_path, monkeypatch):
    """The app's settings go to a fresh folder, never to the user's (a module opts in with
    ``pytestmark = pytest.mark.usefixtures("config_dir")``)."""
    monkeypatch.setenv("EXPLORER_CONFIG_DIR", str(tmp_path / "config"))


@pytest.fixture
def window(qtbot):
    """The real window (thread host) on the tiny test run, closed after the test."""
    win = open_window(qtbot, tiny_run())
    yield win
    close_window(win)
