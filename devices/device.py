"""The device interface every driver implements (virtual phone, Android, desktop)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol, Self, runtime_checkable

from devices.actions import Action
from devices.observation import Observation


@dataclass(frozen=True)
class AppInfo:
    package: str  # e.g. com.android.settings
    label: str  # the name the launcher shows, e.g. Settings


@runtime_checkable
class Device(Protocol):
    """A screen to look at and act on.

    `execute` takes actions whose targets are `Point`s (elements are resolved by the
    automator) and returns the action it actually performed, which is what gets recorded.
    Invalid actions raise `ActionRejected`; device failures raise `DeviceError`.
    """

    name: str  # serial or display name, for logs and recordings

    def capture(self) -> Observation: ...

    def execute(self, action: Action) -> Action: ...

    def apps(self) -> list[AppInfo]: ...

    def close(self) -> None: ...

    def __enter__(self) -> Self: ...

    def __exit__(self, *exc: object) -> None: ...
