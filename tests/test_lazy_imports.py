"""The window paints before torch loads: the packages whose modules import torch export lazily."""

from __future__ import annotations

import importlib
import subprocess
import sys

import pytest

LAZY = ["explorer.core.data", "explorer.core.io", "explorer.core.session", "explorer.core.training"]


def test_the_window_and_the_command_line_import_without_torch():
    # what run_app imports before the first paint; torch is the trainer child's (about 0.6 s here)
    code = (
        "import sys, explorer.cli, explorer.gui.app, explorer.gui.main_window;"
        "from explorer.core.data import prefer_cached_data;"
        "from explorer.core.session import prestart, TEMPLATES;"
        "print('torch' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True)
    assert out.stdout.strip() == "False", out.stderr


@pytest.mark.parametrize("package", LAZY)
def test_every_exported_name_resolves(package):
    module = importlib.import_module(package)
    for name in module.__all__:
        assert getattr(module, name) is not None, f"{package}.{name}"
    assert sorted(module.__all__) == sorted(set(module.__all__))


@pytest.mark.parametrize("package", LAZY)
def test_an_unknown_name_is_an_attribute_error(package):
    module = importlib.import_module(package)
    with pytest.raises(AttributeError, match="no_such_name"):
        module.no_such_name  # noqa: B018
    assert not hasattr(module, "no_such_name")


def test_a_lazy_name_is_the_private_modules_object():
    from explorer.core.training import Trainer
    from explorer.core.training._trainer import Trainer as Private

    assert Trainer is Private
    from explorer.core.session import _narrator, narrator

    assert narrator is _narrator
