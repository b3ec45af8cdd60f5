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
from typing import Any, Callable, Iterable, Optional


def lazy_exports(
    package: str, names: dict[str, Iterable[str]], modules: Optional[dict[str, str]] = None
) -> Callable[[str], Any]:
    """A module ``__getattr__`` for `package`: `names` maps each private module to the names it exports,
    `modules` a public name to a private module exported whole. A value is cached on the package after
    its first use."""
    where: dict[str, tuple[str, Optional[str]]] = {n: (m, n) for m, ns in names.items() for n in ns}
    where.update({public: (private, None) for public, private in (modules or {}).items()})

    def __getattr__(name: str) -> Any:
        try:
            module_name, attribute = where[name]
        except KeyError:
            raise AttributeError(f"module {package!r} has no attribute {name!r}") from None
        module = importlib.import_module(f"{package}.{module_name}")
        value = module if attribute is None else getattr(module, attribute)
        setattr(sys.modules[package], name, value)
        return value

    return __getattr__
