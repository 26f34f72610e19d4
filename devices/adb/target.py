"""The device side of one served phone: its serial, files, properties, settings and logs.

`PhoneBackend` is the low-level interface the server drives (the virtual phone implements
it). `Faults` lets tests make one named command or JSON-RPC method misbehave the way a
flaky phone does: drop the connection, hang, or cut its output short.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, Protocol

from PIL import Image

from devices.adb.files import MemFS
from devices.adb.getevent import InputEvents, TouchedPhone
from devices.adb.profile import INPUT_SECURITY_PROP, Profile

LATIN_IME = "com.android.inputmethod.latin/.LatinIME"  # the served phone's own keyboard


class PhoneBackend(Protocol):
    """What the server needs from a phone (see devices.virtual.phone.VirtualPhone)."""

    width: int
    height: int

    def tap(self, x: int, y: int) -> Any: ...
    def long_press(self, x: int, y: int, duration_ms: int) -> Any: ...
    def double_tap(self, x: int, y: int) -> Any: ...
    def swipe(self, x1: int, y1: int, x2: int, y2: int, duration_ms: int) -> Any: ...
    def input_text(self, text: str) -> Any: ...
    def press_key(self, key: Any) -> Any: ...
    def start_app(self, app: str) -> Any: ...
    def force_stop(self, package: str) -> Any: ...
    def dump_hierarchy(self, raw_text: bool = False) -> str: ...  # see virtual.hierarchy
    def screenshot(self) -> Image.Image: ...
    def foreground(self) -> tuple[str, str]: ...
    def apps(self) -> list[Any]: ...
    def state(self) -> dict[str, Any]: ...


class Fault(StrEnum):
    DROP = "drop"  # close the connection without answering
    HANG = "hang"  # never answer (until the server closes)
    TRUNCATE = "truncate"  # send half of the answer, then close


class FaultDropped(Exception):
    """Raised inside a handler: close the client connection after sending `partial`."""

    def __init__(self, partial: bytes = b"") -> None:
        super().__init__("connection dropped by fault injection")
        self.partial = partial


class FaultHung(Exception):
    """Raised inside a handler: keep the client waiting until the server closes."""


@dataclass
class Faults:
    """Armed faults by command name (`screencap`, `uiautomator`) or RPC method name."""

    armed: dict[str, tuple[Fault, int]] = field(default_factory=dict)  # name -> (fault, times)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def arm(self, name: str, fault: Fault, times: int = 1) -> None:
        with self._lock:
            self.armed[name] = (fault, times)

    def clear(self) -> None:
        with self._lock:
            self.armed.clear()

    def take(self, name: str) -> Fault | None:
        with self._lock:
            entry = self.armed.get(name)
            if entry is None:
                return None
            fault, times = entry
            if times <= 1:
                del self.armed[name]
            else:
                self.armed[name] = (fault, times - 1)
            return fault

    def apply(self, name: str, output: bytes) -> bytes:
        """Raise the armed fault for `name`, if any; otherwise return `output` unchanged."""
        fault = self.take(name)
        if fault is Fault.DROP:
            raise FaultDropped()
        if fault is Fault.HANG:
            raise FaultHung()
        if fault is Fault.TRUNCATE:
            raise FaultDropped(output[: len(output) // 2])
        return output


def default_props(serial: str, width: int, height: int) -> dict[str, str]:
    return {
        "ro.serialno": serial,
        "ro.product.model": "Virtual Phone",
        "ro.product.brand": "automator",
        "ro.product.manufacturer": "automator",
        "ro.product.name": "virtual_phone",
        "ro.product.device": "virtual",
        "ro.product.cpu.abi": "x86_64",
        "ro.build.version.sdk": "34",
        "ro.build.version.release": "14",
        "ro.build.type": "user",
        "ro.build.characteristics": "default",
        "ro.debuggable": "0",
        "ro.secure": "1",
        "sys.boot_completed": "1",
        "ro.sf.lcd_density": "420",
        "persist.sys.locale": "en-US",
        "debug.automator.screen": f"{width}x{height}",
    }


class AdbTarget:
    """One device as adbd sees it. Handlers hold `lock` while they drive the phone."""

    def __init__(
        self, serial: str, phone: PhoneBackend, transport_id: int, profile: Profile | None = None,
        state_channel: bool = True,
    ) -> None:
        self.serial = serial
        # answers `cmd automator` (devices.adb.state_service); off, it is as a real phone
        self.state_channel = state_channel
        self.input = InputEvents(profile, phone.width, phone.height)  # what getevent shows
        self.phone: Any = TouchedPhone(phone, self.input)
        self.transport_id = transport_id
        self.profile = profile  # what kind of real phone it speaks like; None: its own way
        self.fs = MemFS()
        self.props = default_props(serial, phone.width, phone.height)
        self.props.update(profile.props() if profile else {})
        self.keyboard_ime = profile.keyboard_ime if profile else LATIN_IME
        self.settings: dict[tuple[str, str], str] = {
            ("secure", "default_input_method"): self.keyboard_ime,
            ("global", "airplane_mode_on"): "0",
            ("global", "wifi_on"): "1",
            ("global", "bluetooth_on"): "0",
            ("system", "screen_brightness"): "128",
            ("system", "screen_brightness_mode"): "0",
        }
        self.enabled_imes = {self.keyboard_ime}
        # packages whose windows set FLAG_SECURE, as banking and password apps do:
        # `dumpsys window` shows the flag (the screenshot is not blanked here)
        self.secure_packages: set[str] = set()
        self.lock = threading.RLock()
        self.faults = Faults()
        self.commands: list[tuple[str, ...]] = []  # every simple command run, as argv
        self.unevaluated: list[str] = []  # shell syntax a real shell would have expanded
        self.rpc_calls: list[str] = []  # JSON-RPC methods served
        self.u2_ports: dict[int, int] = {}  # uiautomator2 server port -> running sessions
        self.connections: set[Any] = set()  # open client connections bound to this device
        self.clipboard: str | None = None
        self.touch_down: tuple[int, int, float] | None = None  # injectInputEvent state
        self.closed = threading.Event()  # set when the device leaves the server

    def log_command(self, argv: tuple[str, ...]) -> None:
        with self.lock:
            self.commands.append(argv)

    @property
    def input_refused(self) -> bool:
        """Does the phone refuse injected input now (Xiaomi without the security setting)?"""
        return (self.profile is not None and self.profile.refuses_input
                and self.props.get(INPUT_SECURITY_PROP) != "1")  # fmt: skip

    def allow_input(self, on: bool = True) -> None:
        """Turn "USB debugging (Security settings)" on (or off), as a person does in the
        phone's developer options."""
        self.props[INPUT_SECURITY_PROP] = "1" if on else "0"

    @property
    def u2_running(self) -> bool:
        return bool(self.u2_ports)
