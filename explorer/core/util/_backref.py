"""A reference from a part back to its owner that does not keep the owner alive.

The owner holds the part (a trainer its stacked engine, the engine its optimizer and
penalty); a strong reference back would make every pair a reference cycle, freed only
by a full garbage collection, which a process holding torch's ~300k objects runs
rarely: old runs (data sets, models, optimizer state) piled up across rebuilds
(tests/core/test_rebuild_memory.py).
"""

from __future__ import annotations

import weakref
from typing import Any, Generic, Optional, TypeVar

T = TypeVar("T")


class BackReference(Generic[T]):
    """Class attribute; `self.owner = obj` stores a weak reference, `self.owner` reads the object."""

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name
        self.slot = f"_{name}_ref"

    def __get__(self, obj: Any, objtype: Optional[type] = None) -> T:
        if obj is None:
            return self  # type: ignore[return-value]
        target = getattr(obj, self.slot)()
        if target is None:
            raise RuntimeError(f"{type(obj).__name__} outlived its {self.name}")
        return target  # type: ignore[no-any-return]  # a weakref.ref of T gives T

    def __set__(self, obj: Any, value: T) -> None:
        setattr(obj, self.slot, weakref.ref(value))
