"""Package exports loaded on first use (PEP 562), for the packages whose modules import torch.

The window imports the narrator (session) and the replicate arithmetic (training) at start-up;
eager package imports dragged torch in with them, about 0.6 s before the first paint on a 2-core
2.1 GHz Xeon, while the trainer's child process was importing torch anyway. A lazy package
imports a module when one of its names is first asked for, so importing a pure-Python helper
from it costs only that helper.
"""

from __future__ import annotations

import importlib
import sys
from typing import Any, Callable, Optional


def lazy_exports(package: str, exports: dict[str, tuple[str, Optional[str]]]) -> Callable[[str], Any]:
    """A module ``__getattr__`` for `package`: exports maps a public name to (private module, attribute);
    attribute None exports the module itself. The value is cached on the package after the first use."""

    def __getattr__(name: str) -> Any:
        try:
            module_name, attribute = exports[name]
        except KeyError:
            raise AttributeError(f"module {package!r} has no attribute {name!r}") from None
        module = importlib.import_module(f"{package}.{module_name}")
        value = module if attribute is None else getattr(module, attribute)
        setattr(sys.modules[package], name, value)
        return value

    return __getattr__
