"""Device selection with an honest fallback to the CPU."""

from __future__ import annotations

import torch


def cuda_devices() -> list[str]:
    """Names of the CUDA devices present ('cuda:0 (NVIDIA H100)'), empty without CUDA."""
    try:
        if not torch.cuda.is_available():
            return []
        return [f"cuda:{i} ({torch.cuda.get_device_name(i)})" for i in range(torch.cuda.device_count())]
    except Exception:  # a broken driver must not stop the app
        return []


def resolve_device(requested: str) -> tuple[torch.device, str]:
    """(device, note). The note is non-empty when the request could not be met."""
    requested = (requested or "auto").strip().lower()
    if requested == "cpu":
        return torch.device("cpu"), ""
    try:
        available = torch.cuda.is_available()
    except Exception:
        available = False
    if requested == "auto":
        return (torch.device("cuda"), "") if available else (torch.device("cpu"), "")
    if requested.startswith("cuda"):
        if not available:
            return torch.device("cpu"), "CUDA was asked for but is not available here; training on the CPU."
        dev = torch.device(requested)
        if dev.index is not None and dev.index >= torch.cuda.device_count():
            return torch.device("cuda", 0), f"{requested} does not exist; using cuda:0."
        return dev, ""
    return torch.device("cpu"), f"unknown device {requested!r}; training on the CPU."


def is_out_of_memory(exc: BaseException) -> bool:
    return isinstance(exc, torch.cuda.OutOfMemoryError) or "out of memory" in str(exc).lower()
