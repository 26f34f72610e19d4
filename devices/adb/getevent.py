"""The served phone's input devices, and its `getevent` command.

A real phone's `getevent` shows what its kernel drivers report: the touch panel's contacts and
the keys. On a real phone, events injected with `input` or uiautomator never show there; the
served phone has no finger, so it stands in for one: every touch, key and text it receives,
whatever way it arrives (`input`, the uiautomator2 service, an IME broadcast), is reported as
the person's finger on its panel or keys on a keyboard, with the timing the gesture had. That
is what lets a recorder of people be tested end to end over the adb protocol.

Devices (`getevent -lp`), by profile:

- the touch panel, in its natural orientation and with its own range, never the screen's
  pixels: a 0-4095 panel (no profile, pixel), Samsung's panel at its physical QHD+ resolution
  with `ABS_MT_SLOT` and `BTN_TOOL_FINGER`, a Xiaomi panel at 10x sub-pixel resolution that
  sends no `BTN_TOUCH`; all speak multitouch protocol B.
- `gpio-keys` (power and volume) and `uinput-keys`, a keyboard with the navigation keys
  (KEY_BACK, KEY_HOMEPAGE, KEY_APPSELECT) on which received text is typed, US layout (text
  no key can type, e.g. "é", reaches the field without events).
"""

from __future__ import annotations

import itertools
import queue
import threading
import time
from dataclasses import dataclass
from typing import Any

from devices.actions import Point
from devices.adb.profile import Profile
from devices.getevent import US_KEYS, AxisRange, InputDevice
from devices.touch_reading import Panel

Event = tuple[float, str, str, str, int]  # time (s), device path, type, code, value
FRAME_S = 1 / 120  # s between the panel's reports while a finger moves (a 120 Hz panel)
TAP_S = 0.06  # s a tapping finger stays down
KEY_S = 0.03  # s a key stays down
KEY_GAP_S = 0.05  # s between two typed keys
UPTIME_S = 5423.0  # s the phone had been up when the server started
_TOUCH, _KEYS = "/dev/input/event2", "/dev/input/event3"
_ANDROID_KEYS = {
    3: "KEY_HOMEPAGE", 4: "KEY_BACK", 24: "KEY_VOLUMEUP", 25: "KEY_VOLUMEDOWN", 26: "KEY_POWER",
    61: "KEY_TAB", 62: "KEY_SPACE", 66: "KEY_ENTER", 67: "KEY_BACKSPACE", 82: "KEY_MENU",
    112: "KEY_DELETE", 187: "KEY_APPSELECT",
}  # fmt: skip
_ANDROID_NAMES = {"HOME": 3, "BACK": 4, "VOLUME_UP": 24, "VOLUME_DOWN": 25, "POWER": 26,
                  "TAB": 61, "SPACE": 62, "ENTER": 66, "DEL": 67, "DELETE": 67, "MENU": 82,
                  "FORWARD_DEL": 112, "APP_SWITCH": 187, "RECENTS": 187}  # fmt: skip


@dataclass(frozen=True)
class PanelKind:
    name: str
    scale: float  # panel units per screen pixel
    slots: bool  # reports ABS_MT_SLOT (and BTN_TOOL_FINGER)
    btn_touch: bool  # reports BTN_TOUCH


def panel_kind(profile: Profile | None) -> PanelKind:
    vendor = profile.vendor if profile is not None else ""
    if vendor == "samsung":
        return PanelKind("sec_touchscreen", 4 / 3, slots=True, btn_touch=True)
    if vendor == "xiaomi":
        return PanelKind("goodix_ts", 10.0, slots=False, btn_touch=False)
    return PanelKind("fts_ts", 0.0, slots=False, btn_touch=True)  # 0: a fixed 0-4095 range


def input_devices(profile: Profile | None, width: int, height: int) -> list[InputDevice]:
    """The phone's input devices; `width` x `height` is the screen, natural orientation."""
    kind = panel_kind(profile)
    x = y = AxisRange(0, 4095)
    if kind.scale:
        x = AxisRange(0, round(width * kind.scale) - 1)
        y = AxisRange(0, round(height * kind.scale) - 1)
    axes = {"ABS_MT_TOUCH_MAJOR": AxisRange(0, 255), "ABS_MT_POSITION_X": x,
            "ABS_MT_POSITION_Y": y, "ABS_MT_TRACKING_ID": AxisRange(0, 65535),
            "ABS_MT_PRESSURE": AxisRange(0, 255)}  # fmt: skip
    if kind.slots:
        axes = {"ABS_MT_SLOT": AxisRange(0, 9), **axes}
    keys = ({"BTN_TOOL_FINGER"} if kind.slots else set()) | ({"BTN_TOUCH"} if kind.btn_touch
                                                             else set())  # fmt: skip
    typing = {k for k, _ in US_KEYS.values()} | {"KEY_LEFTSHIFT", *_ANDROID_KEYS.values()}
    return [
        InputDevice("/dev/input/event0", "gpio-keys",
                    {"KEY_VOLUMEDOWN", "KEY_VOLUMEUP", "KEY_POWER"}),
        InputDevice(_TOUCH, kind.name, keys, axes, {"INPUT_PROP_DIRECT"}),
        InputDevice(_KEYS, "uinput-keys", typing),
    ]


def android_key(key: Any) -> str | None:
    """The kernel key for an Android key code or name (`4`, "KEYCODE_BACK", "back")."""
    if isinstance(key, int):
        return _ANDROID_KEYS.get(key)
    name = str(key).upper().removeprefix("KEYCODE_")
    return _ANDROID_KEYS.get(_ANDROID_NAMES.get(name, -1))


class InputEvents:
    """The phone's input devices and everyone listening to them (`getevent` runs)."""

    def __init__(self, profile: Profile | None, width: int, height: int) -> None:
        self.devices = input_devices(profile, width, height)
        self.kind = panel_kind(profile)
        self.panel = Panel(self.devices[1].axes["ABS_MT_POSITION_X"],
                           self.devices[1].axes["ABS_MT_POSITION_Y"], (width, height))
        self._listeners: list[queue.Queue[Event]] = []
        self._lock = threading.Lock()
        self._started = time.monotonic()
        self._next = 0.0  # device time before which nothing new may start
        self._tracking = itertools.count(0x100)

    def listen(self) -> queue.Queue[Event]:
        q: queue.Queue[Event] = queue.Queue()
        with self._lock:
            self._listeners.append(q)
        return q

    @property
    def listeners(self) -> int:
        """How many `getevent` runs are watching."""
        with self._lock:
            return len(self._listeners)

    def stop_listening(self, q: queue.Queue[Event]) -> None:
        with self._lock:
            if q in self._listeners:
                self._listeners.remove(q)

    def _clock(self) -> float:
        """Now on the phone's clock, but never before the last gesture ended."""
        return max(UPTIME_S + time.monotonic() - self._started, self._next)

    def _publish(self, events: list[Event]) -> None:
        with self._lock:
            if events:
                self._next = events[-1][0] + FRAME_S
            for q in self._listeners:
                for event in events:
                    q.put(event)

    # --- the finger ------------------------------------------------------------------------

    def stroke(self, points: list[Point], seconds: float, rotation: int = 0) -> None:
        """One finger down at the first point, through the others, up after `seconds`."""
        t0 = self._clock()
        raw = [self.panel.to_panel(p, rotation) for p in points]
        frames = max(1, round(seconds / FRAME_S)) if len(raw) > 1 else 1
        events = self._down(t0, raw[0])
        last = raw[0]
        for i in range(1, frames + 1 if len(raw) > 1 else 1):
            x, y = _along(raw, i / frames)
            t = t0 + seconds * i / frames
            events += [(t, _TOUCH, "EV_ABS", f"ABS_MT_POSITION_{a}", v)
                       for a, v, old in (("X", x, last[0]), ("Y", y, last[1])) if v != old]
            events.append((t, _TOUCH, "EV_SYN", "SYN_REPORT", 0))
            last = (x, y)
        events += self._up(t0 + seconds)
        self._publish(events)

    def _down(self, t: float, at: tuple[int, int]) -> list[Event]:
        out: list[Event] = [(t, _TOUCH, "EV_ABS", "ABS_MT_SLOT", 0)] if self.kind.slots else []
        out += [(t, _TOUCH, "EV_ABS", "ABS_MT_TRACKING_ID", next(self._tracking) & 0xFFFF),
                (t, _TOUCH, "EV_ABS", "ABS_MT_POSITION_X", at[0]),
                (t, _TOUCH, "EV_ABS", "ABS_MT_POSITION_Y", at[1]),
                (t, _TOUCH, "EV_ABS", "ABS_MT_TOUCH_MAJOR", 6),
                (t, _TOUCH, "EV_ABS", "ABS_MT_PRESSURE", 60)]  # fmt: skip
        out += self._buttons(t, 1)
        return [*out, (t, _TOUCH, "EV_SYN", "SYN_REPORT", 0)]

    def _up(self, t: float) -> list[Event]:
        out: list[Event] = [(t, _TOUCH, "EV_ABS", "ABS_MT_PRESSURE", 0),
                            (t, _TOUCH, "EV_ABS", "ABS_MT_TRACKING_ID", -1)]  # fmt: skip
        return [*out, *self._buttons(t, 0), (t, _TOUCH, "EV_SYN", "SYN_REPORT", 0)]

    def _buttons(self, t: float, value: int) -> list[Event]:
        out: list[Event] = []
        if self.kind.btn_touch:
            out.append((t, _TOUCH, "EV_KEY", "BTN_TOUCH", value))
        if self.kind.slots:
            out.append((t, _TOUCH, "EV_KEY", "BTN_TOOL_FINGER", value))
        return out

    # --- the keys --------------------------------------------------------------------------

    def keys(self, presses: list[tuple[str, bool]]) -> None:
        """Each (key, shift) pressed and released in turn."""
        t = self._clock()
        events: list[Event] = []
        for key, shift in presses:
            held = [("KEY_LEFTSHIFT", 1)] if shift else []
            for code, value in [*held, (key, 1)]:
                events += [(t, _KEYS, "EV_KEY", code, value), (t, _KEYS, "EV_SYN", "SYN_REPORT", 0)]
            t += KEY_S
            released = [(key, 0), ("KEY_LEFTSHIFT", 0)] if shift else [(key, 0)]
            for code, value in released:
                events += [(t, _KEYS, "EV_KEY", code, value), (t, _KEYS, "EV_SYN", "SYN_REPORT", 0)]
            t += KEY_GAP_S
        self._publish(events)

    def text(self, text: str) -> None:
        self.keys([US_KEYS[c] for c in text if c in US_KEYS])


def _along(points: list[tuple[int, int]], f: float) -> tuple[int, int]:
    """The point a fraction `f` of the way along a polyline (by segments)."""
    if len(points) == 1:
        return points[0]
    pos = f * (len(points) - 1)
    i = min(int(pos), len(points) - 2)
    (x1, y1), (x2, y2) = points[i], points[i + 1]
    u = pos - i
    return round(x1 + (x2 - x1) * u), round(y1 + (y2 - y1) * u)


class TouchedPhone:
    """A phone whose every received touch, key and text also goes to its input devices.

    Everything else (state, dumps, screenshots, attributes) is the wrapped phone's."""

    def __init__(self, phone: Any, events: InputEvents) -> None:
        object.__setattr__(self, "_phone", phone)
        object.__setattr__(self, "_events", events)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._phone, name)

    def __setattr__(self, name: str, value: Any) -> None:
        setattr(self._phone, name, value)

    @property
    def inner(self) -> Any:
        return self._phone

    def _rotation(self) -> int:
        return int(getattr(self._phone, "rotation", 0) or 0) % 4

    # The phone acts first and the events follow, so that whoever sees a finger lift finds
    # the phone already changed (as it is, a frame later, on a real phone).

    def tap(self, x: int, y: int) -> Any:
        try:
            return self._phone.tap(x, y)
        finally:
            self._events.stroke([Point(x, y)], TAP_S, self._rotation())

    def long_press(self, x: int, y: int, duration_ms: int = 800) -> Any:
        try:
            return self._phone.long_press(x, y, duration_ms)
        finally:
            self._events.stroke([Point(x, y)], duration_ms / 1000, self._rotation())

    def double_tap(self, x: int, y: int) -> Any:
        try:
            return self._phone.double_tap(x, y)
        finally:
            self._events.stroke([Point(x, y)], TAP_S, self._rotation())
            self._events.stroke([Point(x, y)], TAP_S, self._rotation())

    def swipe(self, x1: int, y1: int, x2: int, y2: int, duration_ms: int = 300) -> Any:
        try:
            return self._phone.swipe(x1, y1, x2, y2, duration_ms)
        finally:
            points = [Point(x1, y1), Point(x2, y2)]
            self._events.stroke(points, max(duration_ms, 1) / 1000, self._rotation())

    def press_key(self, key: Any) -> Any:
        try:
            return self._phone.press_key(key)
        finally:
            name = android_key(key)
            if name is not None:
                self._events.keys([(name, False)])

    def input_text(self, text: str) -> Any:
        try:
            return self._phone.input_text(text)
        finally:
            self._events.text(text)
