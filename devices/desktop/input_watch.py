"""Watching a person use an X desktop: the pointer and keyboard, read with the RECORD
extension (what the X server delivers from its devices, not by polling).

Readings are those of a phone's touches (devices.touch_reading), in X screen pixels: a left
click is a tap, a left drag a swipe (`pointer="mouse"`), a right click a long press (the
desktop's meaning of one, see devices.desktop.device), a wheel notch a scroll, and keys are
named like the kernel's (Return is KEY_ENTER, Escape KEY_ESC, BackSpace KEY_BACKSPACE) with
the character they typed. Two quick clicks on one spot are a double tap.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from devices.actions import Direction, Point
from devices.errors import DeviceError
from devices.getevent import US_KEYS
from devices.touch_reading import Gesture, GestureKind, KeyPress, Reading, StreamEnded, TouchDown

logger = logging.getLogger(__name__)

DRAG_PX = 8  # px the pointer may move during a click (GTK's drag threshold)
DOUBLE_CLICK_S = 0.4  # s between the clicks of a double click (GTK's default)
DOUBLE_CLICK_PX = 5  # px between them (GTK's default)
_KEY_PRESS, _KEY_RELEASE, _BUTTON_PRESS, _BUTTON_RELEASE, _MOTION = 2, 3, 4, 5, 6
_SHIFT, _CONTROL, _MOD1 = 1, 4, 8  # X modifier masks
_WHEEL = {4: Direction.UP, 5: Direction.DOWN, 6: Direction.LEFT, 7: Direction.RIGHT}
_NAMED_KEYS = {0xFF0D: "KEY_ENTER", 0xFF8D: "KEY_ENTER", 0xFF1B: "KEY_ESC",
               0xFF08: "KEY_BACKSPACE", 0xFF09: "KEY_TAB", 0xFFFF: "KEY_DELETE"}  # fmt: skip
_MODIFIERS = range(0xFFE1, 0xFFEF)  # Shift_L ... Hyper_R

Inbox = Callable[[Reading | StreamEnded], None]


def keysym_char(keysym: int) -> str | None:
    """The character of a printable keysym (Latin-1, or Unicode as 0x01000000 + code)."""
    if 0x20 <= keysym <= 0x7E or 0xA0 <= keysym <= 0xFF:
        return chr(keysym)
    if 0x01000100 <= keysym <= 0x0110FFFF:
        return chr(keysym - 0x01000000)
    return None


class DesktopInputWatch:
    """The X display's pointer and keyboard, read while a person uses them."""

    input_name = "the X pointer and keyboard (RECORD)"

    def __init__(self, display: str | None = None) -> None:
        from Xlib import display as xdisplay
        from Xlib.error import DisplayError

        try:
            self._control = xdisplay.Display(display)
            self._data = xdisplay.Display(display)
        except DisplayError as e:
            raise DeviceError(f"cannot open the X display: {e}") from e
        if not self._control.has_extension("RECORD"):
            raise DeviceError("the X server has no RECORD extension to read input with")
        self._context: Any = None
        self._thread: threading.Thread | None = None
        self._stopping = threading.Event()
        self._down: tuple[int, float, list[Point]] | None = None  # button, time, path
        self._last_click: tuple[float, Point] | None = None  # a left click: when, where

    def orient(self, screen: tuple[int, int], rotation: int) -> None:
        """X reports screen pixels already: nothing to map."""

    def keyboard(self, tree: str) -> tuple[int, int, int, int] | None:
        return None  # a desktop types on a keyboard, not on the screen

    def start(self, inbox: Inbox) -> None:
        from Xlib import X
        from Xlib.ext import record

        ranges = {"core_requests": (0, 0), "core_replies": (0, 0),
                  "ext_requests": (0, 0, 0, 0), "ext_replies": (0, 0, 0, 0),
                  "delivered_events": (0, 0), "device_events": (X.KeyPress, X.MotionNotify),
                  "errors": (0, 0), "client_started": False, "client_died": False}  # fmt: skip
        self._context = self._control.record_create_context(0, [record.AllClients], [ranges])
        self._control.sync()  # the context must exist before the other connection uses it
        self._thread = threading.Thread(target=self._run, args=(inbox,), daemon=True,
                                        name="xrecord")  # fmt: skip
        self._thread.start()

    def _run(self, inbox: Inbox) -> None:
        from Xlib.error import XError

        try:
            self._data.record_enable_context(self._context, lambda r: self._reply(r, inbox))
        except (XError, OSError) as e:
            if not self._stopping.is_set():
                inbox(StreamEnded(f"the X input recording failed: {e}"))
            return
        if not self._stopping.is_set():
            inbox(StreamEnded("the X server ended the input recording"))

    def _reply(self, reply: Any, inbox: Inbox) -> None:
        from Xlib.ext import record
        from Xlib.protocol import rq

        if reply.category != record.FromServer or reply.client_swapped:
            return
        data = reply.data
        while len(data):
            event, data = rq.EventField(None).parse_binary_value(data, self._data.display,
                                                                 None, None)  # fmt: skip
            for reading in self._event(event):
                inbox(reading)

    # --- one event ------------------------------------------------------------------------

    def _event(self, e: Any) -> list[Reading]:
        t, at = e.time / 1000, Point(e.root_x, e.root_y)
        if e.type == _BUTTON_PRESS and e.detail in _WHEEL:
            return [Gesture(GestureKind.SCROLL, at, at, 0, t, pointer="mouse",
                            scroll=_WHEEL[e.detail])]  # fmt: skip
        if e.type == _BUTTON_PRESS and e.detail in (1, 3) and self._down is None:
            self._down = (e.detail, t, [at])
            return [TouchDown(t)]
        if e.type == _MOTION and self._down is not None:
            self._down[2].append(at)
        elif e.type == _BUTTON_RELEASE and self._down is not None and e.detail == self._down[0]:
            return [self._release(t, at)]
        elif e.type == _KEY_PRESS:
            return self._key(e.detail, e.state, t)
        return []

    def _release(self, t: float, at: Point) -> Gesture:
        assert self._down is not None
        button, t0, path = self._down
        self._down = None
        path.append(at)
        start = path[0]
        moved = max(abs(p.x - start.x) + abs(p.y - start.y) for p in path)
        duration = round((t - t0) * 1000)
        if button == 3:
            kind = GestureKind.LONG_PRESS
        else:
            kind = GestureKind.SWIPE if moved > DRAG_PX else GestureKind.TAP
        end = at if kind == GestureKind.SWIPE else start
        last, self._last_click = self._last_click, None
        second = kind == GestureKind.TAP and last is not None and (
            t0 - last[0] <= DOUBLE_CLICK_S and abs(start.x - last[1].x) <= DOUBLE_CLICK_PX
            and abs(start.y - last[1].y) <= DOUBLE_CLICK_PX)  # fmt: skip
        if kind == GestureKind.TAP and not second:
            self._last_click = (t, start)
        return Gesture(kind, start, end, duration, t0, path=tuple(path), pointer="mouse",
                       second_tap=second)

    def _key(self, keycode: int, state: int, t: float) -> list[Reading]:
        shift = bool(state & _SHIFT)
        keysym = self._control.keycode_to_keysym(keycode, 1 if shift else 0) or (
            self._control.keycode_to_keysym(keycode, 0))  # fmt: skip
        if keysym in _MODIFIERS or not keysym:
            return []
        if keysym in _NAMED_KEYS:
            return [KeyPress(_NAMED_KEYS[keysym], t, shift)]
        char = keysym_char(keysym)
        if char is None or state & (_CONTROL | _MOD1):  # a shortcut, not typing
            logger.info("key %#x with modifiers %#x: not recorded", keysym, state)
            return []
        key, shifted = US_KEYS.get(char, ("KEY_UNKNOWN", shift))
        return [KeyPress(key, t, shifted, char)]

    def close(self) -> None:
        self._stopping.set()
        if self._context is not None:
            self._control.record_disable_context(self._context)
            self._control.sync()
        if self._thread is not None:
            self._thread.join(timeout=5)
        if self._context is not None:
            self._control.record_free_context(self._context)
            self._context = None
        self._control.close()
        self._data.close()
