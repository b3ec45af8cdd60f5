"""How much memory this process may still use, and a refusal with both numbers.

Why: allocating what the machine cannot hold does not fail at once; a laptop swaps
for minutes, then the allocator or the kernel's OOM killer ends the program with a
traceback. Sizes are checked against what is available before anything is built,
and what will not fit is refused saying how much it needs and how much there is.

Available is the smallest of: MemAvailable in /proc/meminfo (the kernel's estimate
of what can be allocated without swapping), the cgroup's limit less its usage (a
container), and the address-space limit (ulimit -v) less this process's size.
Where none can be read (not Linux), nothing is refused.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Optional

from explorer.core.protocol import Message, define_messages

_MEMINFO = Path("/proc/meminfo")
_CGROUP_MAX = (Path("/sys/fs/cgroup/memory.max"), Path("/sys/fs/cgroup/memory/memory.limit_in_bytes"))
_CGROUP_NOW = (Path("/sys/fs/cgroup/memory.current"), Path("/sys/fs/cgroup/memory/memory.usage_in_bytes"))
OVERRIDE_ENV = "EXPLORER_MEMORY_AVAILABLE"  # bytes; tests and users on unusual systems set it


def _read_int(path: Path) -> Optional[int]:
    try:
        text = path.read_text().strip()
    except OSError:
        return None
    return int(text) if text.isdigit() else None


def _meminfo(key: str) -> Optional[int]:
    try:
        for line in _MEMINFO.read_text().splitlines():
            if line.startswith(key + ":"):
                return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        return None
    return None


def _address_space_left() -> Optional[int]:
    try:
        import resource

        soft, _ = resource.getrlimit(resource.RLIMIT_AS)
    except (ImportError, OSError, ValueError):
        return None
    if soft == resource.RLIM_INFINITY:
        return None
    size = None
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmSize:"):
                size = int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        size = None
    return max(0, soft - (size or 0))


def available_bytes() -> Optional[int]:
    """Bytes this process can still allocate without swapping, or None when unknown."""
    override = os.environ.get(OVERRIDE_ENV)
    if override:
        try:
            return max(0, int(float(override)))
        except ValueError:
            pass
    found = [v for v in (_meminfo("MemAvailable"), _address_space_left()) if v is not None]
    for limit_path, usage_path in zip(_CGROUP_MAX, _CGROUP_NOW):
        limit, usage = _read_int(limit_path), _read_int(usage_path)
        if limit is not None and usage is not None and limit < 1 << 60:
            found.append(max(0, limit - usage))
            break
    return min(found) if found else None


def format_bytes(n: float) -> str:
    """1536 -> '1.5 KB'; decimal units, as a file manager shows them."""
    for unit in ("bytes", "KB", "MB", "GB", "TB"):
        if abs(n) < 1000 or unit == "TB":
            return f"{n:,.0f} {unit}" if unit == "bytes" else f"{n:,.1f} {unit}"
        n /= 1000
    return f"{n:.1f} TB"


MSG = define_messages(
    "memory",
    {
        "needs": "{what} needs {needed}, but this machine has {available} available",
    },
)


def memory_refusal(needed: int, what: Any) -> Optional[Message]:
    """A message saying `what` needs `needed` bytes and how much there is, or None when it fits."""
    available = available_bytes()
    if available is None or needed <= available:
        return None
    return MSG.needs(what=what, needed=format_bytes(needed), available=format_bytes(available))
