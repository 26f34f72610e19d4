"""The virtual phone: a deterministic, offline, Android-like device in the process.

`VirtualPhone` is imported lazily so that app modules can import `devices.virtual.view`
and `devices.virtual.widgets` without pulling in the phone (and its app registry) first.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from devices.virtual.phone import VirtualPhone

__all__ = ["VirtualPhone"]


def __getattr__(name: str) -> Any:
    if name == "VirtualPhone":
        from devices.virtual.phone import VirtualPhone

        return VirtualPhone
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
