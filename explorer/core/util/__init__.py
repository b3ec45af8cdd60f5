"""Small tools every layer uses: atomic file writes, weak back references, the resources folder, the device choice."""

from explorer.core.util._atomic import atomic_write_bytes, atomic_write_text, atomic_write_with
from explorer.core.util._backref import BackReference
from explorer.core.util._denormals import flush_denormals
from explorer.core.util._devices import is_out_of_memory, resolve_device
from explorer.core.util._lazy import lazy_exports
from explorer.core.util._memory import available_bytes, format_bytes, memory_refusal
from explorer.core.util._resources import resources_dir

__all__ = [
    "BackReference",
    "atomic_write_bytes",
    "available_bytes",
    "flush_denormals",
    "format_bytes",
    "memory_refusal",
    "atomic_write_text",
    "atomic_write_with",
    "is_out_of_memory",
    "lazy_exports",
    "resolve_device",
    "resources_dir",
]
