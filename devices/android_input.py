"""Watching a person use an Android phone: its touch panel and keys, read over adb.

`AndroidInputWatch` finds the touchscreen and its range with `getevent -lp`, the density with
`wm density`, then runs `getevent -lt` in a terminal and hands every `Reading` (touch down,
gesture, key press) to a callback from a reader thread, as the person acts. Nothing is sent to
the phone: the person's own touches are read, not replayed.
"""

from __future__ import annotations

import contextlib
import logging
import re
import socket
import threading
from collections.abc import Callable
from typing import Any

from devices.android_screen import ime_package, keyboard_bounds
from devices.errors import DeviceError
from devices.getevent import parse_devices, parse_event, touchscreen
from devices.touch_reading import BASELINE_DPI, InputReader, Reading, StreamEnded

logger = logging.getLogger(__name__)

GETEVENT = ["getevent", "-lt"]


Inbox = Callable[[Reading | StreamEnded], None]


def parse_density(text: str) -> float:
    """`wm density`: the override when a person set one, else the physical density."""
    found = dict(re.findall(r"(Physical|Override) density: (\d+)", text))
    value = found.get("Override") or found.get("Physical")
    return float(value) if value else BASELINE_DPI * 2.625


class AndroidInputWatch:
    """A phone's input devices, read while a person uses it (see the module docstring)."""

    def __init__(self, device: Any, screen: tuple[int, int], rotation: int = 0) -> None:
        """`device`: an AndroidDevice; `screen`: its size in the current `rotation`."""
        self.device = device
        listing = device.query(["getevent", "-lp"])
        try:
            panel = touchscreen(parse_devices(listing))
        except ValueError as e:
            said = " ".join(listing.split())[:200]
            raise DeviceError(f"cannot read the phone's touches: {e} (getevent -lp: {said!r})"
                              ) from e
        dpi = parse_density(device.query(["wm", "density"]))
        self._ime = device.input_method()
        self.reader = InputReader(panel, screen, rotation, dpi)
        self._sock: socket.socket | None = None
        self._thread: threading.Thread | None = None
        self._stopping = threading.Event()
        logger.info("%s: touchscreen %s (%s), x %s, y %s, %g dpi", device.name, panel.path,
                    panel.name, panel.axis("X"), panel.axis("Y"), dpi)  # fmt: skip

    @property
    def input_name(self) -> str:
        """What is read, for people: the touchscreen's device name and path."""
        return f"{self.reader.device.name} ({self.reader.device.path})"

    def keyboard(self, tree: str) -> tuple[int, int, int, int] | None:
        """Where the soft keyboard shows in a dump (taps there type), if it shows."""
        return keyboard_bounds(tree, ime_package(self._ime))

    def orient(self, screen: tuple[int, int], rotation: int) -> None:
        self.reader.orient(screen, rotation)

    def start(self, inbox: Inbox) -> None:
        """Start reading; `inbox` gets every reading, then one StreamEnded."""
        self._sock = self.device.stream(GETEVENT)
        self._thread = threading.Thread(target=self._read, args=(inbox,), daemon=True,
                                        name="getevent")  # fmt: skip
        self._thread.start()

    def _read(self, inbox: Inbox) -> None:
        assert self._sock is not None
        pending = b""
        reason = "the phone closed the event stream"
        try:
            while chunk := self._sock.recv(65536):
                pending += chunk
                *lines, pending = pending.split(b"\n")
                for line in lines:
                    self._line(line.decode("utf-8", "replace"), inbox)
        except OSError as e:
            reason = f"the event stream failed: {e}"
        if not self._stopping.is_set():
            inbox(StreamEnded(reason))

    def _line(self, text: str, inbox: Inbox) -> None:
        event = parse_event(text.rstrip("\r"))
        if event is None:
            return
        for reading in self.reader.feed(event):
            inbox(reading)

    def close(self) -> None:
        self._stopping.set()
        if self._sock is not None:
            with contextlib.suppress(OSError):
                self._sock.shutdown(socket.SHUT_RDWR)
            self._sock.close()
        if self._thread is not None:
            self._thread.join(timeout=5)
