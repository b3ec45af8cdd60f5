"""Device selection with an honest fallback to the CPU."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Optional

from explorer.core.protocol import Message, define_messages

if TYPE_CHECKING:  # torch is imported where a device is asked for: the window paints before torch loads
    import torch


def cuda_devices() -> list[str]:
    """Names of the CUDA devices present ('cuda:0 (NVIDIA H100)'), empty without CUDA."""
    import torch

    try:
        if not torch.cuda.is_available():
            return []
        return [f"cuda:{i} ({torch.cuda.get_device_name(i)})" for i in range(torch.cuda.device_count())]
    except Exception:  # a broken driver must not stop the app
        return []


MSG = define_messages(
    "devices",
    {
        "no_cuda": "CUDA was asked for but is not available here; training on the CPU.",
        "no_such_gpu": "{device} does not exist; using cuda:0.",
        "unknown": "unknown device {kind}; training on the CPU.",
    },
)


def resolve_device(requested: str) -> tuple[torch.device, Optional[Message]]:
    """(device, note). The note is a Message when the request could not be met, else None."""
    import torch

    requested = (requested or "auto").strip().lower()
    if requested == "cpu":
        return torch.device("cpu"), None
    try:
        available = torch.cuda.is_available()
    except Exception:
        available = False
    if requested == "auto":
        return (torch.device("cuda"), None) if available else (torch.device("cpu"), None)
    if requested.startswith("cuda"):
        if not available:
            return torch.device("cpu"), MSG.no_cuda()
        dev = torch.device(requested)
        if dev.index is not None and dev.index >= torch.cuda.device_count():
            return torch.device("cuda", 0), MSG.no_such_gpu(device=requested)
        return dev, None
    return torch.device("cpu"), MSG.unknown(kind=repr(requested))


def is_out_of_memory(exc: BaseException) -> bool:
    torch = sys.modules.get("torch")  # an error from torch means torch is loaded
    oom = getattr(getattr(torch, "cuda", None), "OutOfMemoryError", None)
    return (oom is not None and isinstance(exc, oom)) or "out of memory" in str(exc).lower()
