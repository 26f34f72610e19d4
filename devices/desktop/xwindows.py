"""Top-level X windows by process, to measure how an application scales its AT-SPI extents.

GTK 3 reports extents in logical pixels (`GDK_SCALE=2` halves them); X, the pointer and the
capture use physical pixels. For a window read over AT-SPI, the factor is the X window's width
over the width the toolkit reports. Reads the X server with python-xlib (a dependency of
pyautogui on Linux), so it costs no process per capture.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

log = logging.getLogger(__name__)

SCALES = (1.0, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0)  # factors toolkits use; a measure snaps to one


@dataclass(frozen=True)
class XWindow:
    pid: int
    title: str
    left: int  # X pixels, root coordinates
    top: int
    width: int
    height: int


class XWindows:
    """The viewable top-level windows of an X display (`DISPLAY` when None)."""

    def __init__(self, display: str | None = None) -> None:
        from Xlib import display as xdisplay

        self._display: Any = xdisplay.Display(display)
        self._pid = self._display.intern_atom("_NET_WM_PID")
        self._name = self._display.intern_atom("_NET_WM_NAME")

    def windows(self) -> list[XWindow]:
        root = self._display.screen().root
        found: list[XWindow] = []
        self._collect(root, root, found, depth=0)
        return found

    def _collect(self, window: Any, root: Any, found: list[XWindow], depth: int) -> None:
        from Xlib import X
        from Xlib.error import XError

        for child in window.query_tree().children:
            try:
                if child.get_attributes().map_state != X.IsViewable:
                    continue
                pid = child.get_full_property(self._pid, X.AnyPropertyType)
                if pid is None:
                    if depth < 2:  # a window manager's frame holds the client window
                        self._collect(child, root, found, depth + 1)
                    continue
                found.append(self._describe(child, root, int(pid.value[0])))
            except XError:  # the window went away while being read
                continue

    def _describe(self, window: Any, root: Any, pid: int) -> XWindow:
        geometry = window.get_geometry()
        at = window.translate_coords(root, 0, 0)
        name = window.get_full_property(self._name, 0)
        value = name.value if name is not None else b""
        title = value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)
        return XWindow(pid, title, -at.x, -at.y, geometry.width, geometry.height)

    def close(self) -> None:
        self._display.close()


def window_scale(toolkit_width: float, pid: int, title: str, windows: list[XWindow]) -> float:
    """The factor from a window's toolkit units to X pixels: its X window's width over the
    width AT-SPI reports, snapped to a usual factor; 1.0 when no X window matches."""
    if toolkit_width <= 0:
        return 1.0
    same_pid = [w for w in windows if w.pid == pid]
    match = [w for w in same_pid if w.title == title] or same_pid
    if not match:
        return 1.0
    ratio = match[0].width / toolkit_width
    best = min(SCALES, key=lambda s: abs(s - ratio))
    return best if abs(best - ratio) < 0.1 else 1.0
