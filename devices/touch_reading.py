"""A person's touches and key presses, read from a phone's kernel input events.

`InputReader` is fed `getevent -lt` lines and hands back what the person did, in order:

- `TouchDown` the moment the first finger lands (the screen before it is the step's "before"),
- `Gesture` when the last finger lifts: a tap, a long press or a swipe, in screen pixels,
- `KeyPress` for each key pressed (navigation keys, Enter, or a keyboard's characters).

Contacts follow the multitouch protocol the panel speaks: type B (slots and tracking ids;
`ABS_MT_TRACKING_ID ffffffff` lifts the finger in the current slot), type A (contacts
separated by `SYN_MT_REPORT`, a frame with none lifts them), or single touch (`ABS_X`/`ABS_Y`
with `BTN_TOUCH`). Many panels send no `BTN_TOUCH` at all; only changed axes are sent, so the
last known position carries over.

Panel coordinates are scaled to the screen: the panel's range (from `getevent -lp`) usually
differs from the screen's pixels (a 0-4095 or 10x sub-pixel range), and it is fixed to the
natural (portrait) orientation, so a rotated screen maps the axes as Android's
TouchInputMapper does. Gestures are told apart with Android's own thresholds in dp (touch slop
8 dp, long press 500 ms), scaled by the screen density.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from devices.actions import Direction, Point
from devices.getevent import EV_ABS, EV_KEY, EV_SYN, AxisRange, InputDevice, InputEvent

TOUCH_SLOP_DP = 8.0  # dp a finger may drift and still tap (ViewConfiguration)
LONG_PRESS_MS = 500  # ms held in place before a press is long
DOUBLE_TAP_MS = 300  # ms from a tap's lift to the next touch that make a double tap
DOUBLE_TAP_SLOP_DP = 100.0  # dp between the two taps of a double tap
BASELINE_DPI = 160.0  # dp are pixels at this density


@dataclass(frozen=True)
class Panel:
    """How panel coordinates become screen pixels."""

    x: AxisRange
    y: AxisRange
    natural: tuple[int, int]  # px, the screen's width and height in its natural orientation

    @classmethod
    def of(cls, device: InputDevice, screen: tuple[int, int], rotation: int = 0) -> Panel:
        """The panel of a touchscreen; `screen` is the size in the current `rotation`."""
        w, h = screen
        natural = (h, w) if rotation % 2 else (w, h)
        return cls(device.axis("X"), device.axis("Y"), natural)

    def to_screen(self, raw_x: int, raw_y: int, rotation: int = 0) -> Point:
        """A panel position as a screen pixel in the current orientation (0-3 quarter turns,
        as `dumpsys input`'s SurfaceOrientation and Observation.rotation count them)."""
        w, h = self.natural
        nx = (raw_x - self.x.minimum + 0.5) * w / self.x.span  # the panel cell's centre
        ny = (raw_y - self.y.minimum + 0.5) * h / self.y.span
        x, y, sw, sh = {
            0: (nx, ny, w, h),
            1: (ny, w - nx, h, w),
            2: (w - nx, h - ny, w, h),
            3: (h - ny, nx, h, w),
        }[rotation % 4]
        return Point(min(max(int(x), 0), sw - 1), min(max(int(y), 0), sh - 1))

    def to_panel(self, point: Point, rotation: int = 0) -> tuple[int, int]:
        """The inverse of `to_screen`: where a finger at `point` touches the panel."""
        w, h = self.natural
        x, y = point.x + 0.5, point.y + 0.5  # the pixel's centre
        nx, ny = {0: (x, y), 1: (w - y, x), 2: (w - x, h - y), 3: (y, h - x)}[rotation % 4]
        raw_x = self.x.minimum + int(nx * self.x.span / w)
        raw_y = self.y.minimum + int(ny * self.y.span / h)
        return min(raw_x, self.x.maximum), min(raw_y, self.y.maximum)


class GestureKind(StrEnum):
    TAP = "tap"
    LONG_PRESS = "long_press"  # held in place; on a desktop, the secondary (right) button
    SWIPE = "swipe"  # on a desktop, a drag
    SCROLL = "scroll"  # a mouse wheel's notch (`Gesture.scroll` says which way)


@dataclass(frozen=True)
class TouchDown:
    time: float  # s, the device's clock


@dataclass(frozen=True)
class Gesture:
    kind: GestureKind
    start: Point  # px, screen, current orientation
    end: Point
    duration_ms: int
    time: float  # s, the device's clock, when the first finger landed
    fingers: int = 1  # most fingers down at once (the first finger's path is kept)
    path: tuple[Point, ...] = ()  # the first finger's positions, in screen pixels
    pointer: str = "finger"  # "finger" (a touch screen) or "mouse"
    second_tap: bool = False  # TAP: soon after a tap at the same place (a double tap's second)
    scroll: Direction | None = None  # SCROLL: what comes into view (wheel down: DOWN)


@dataclass(frozen=True)
class KeyPress:
    key: str  # the kernel's name: KEY_BACK, KEY_ENTER, KEY_A ...
    time: float
    shift: bool = False  # a shift key was held
    char: str | None = None  # the character it typed, where the source says (X keysyms)


@dataclass(frozen=True)
class StreamEnded:
    """The event stream stopped (the device went away, or its reader died)."""

    reason: str


Reading = TouchDown | Gesture | KeyPress


@dataclass
class _Contact:
    x: int | None = None
    y: int | None = None
    active: bool = False
    samples: list[tuple[float, int, int]] = field(default_factory=list)


@dataclass
class _Stroke:
    start: float
    first: int  # the slot of the first finger
    samples: list[tuple[float, int, int]] = field(default_factory=list)
    fingers: int = 1


class InputReader:
    """Turns one phone's event lines into `Reading`s (see the module docstring)."""

    def __init__(self, touchscreen: InputDevice, screen: tuple[int, int], rotation: int = 0,
                 dpi: float = BASELINE_DPI) -> None:
        self.device = touchscreen
        self.screen = screen  # px, current orientation
        self.rotation = rotation
        self.dpi = dpi
        self._slot = 0
        self._contacts: dict[int, _Contact] = {}
        self._tracking_ids = False  # the panel speaks type B
        self._frame: list[tuple[int | None, int | None]] = []  # type A: this frame's contacts
        self._mt_x: int | None = None
        self._mt_y: int | None = None
        self._stroke: _Stroke | None = None
        self._shift = False
        self._last_tap: tuple[float, Point] | None = None  # when the last tap lifted, where

    def orient(self, screen: tuple[int, int], rotation: int) -> None:
        """The screen turned (or was measured again): map later touches with it."""
        self.screen, self.rotation = screen, rotation

    @property
    def panel(self) -> Panel:
        return Panel.of(self.device, self.screen, self.rotation)

    def feed(self, event: InputEvent) -> list[Reading]:
        if event.device and event.device != self.device.path:
            return self._key(event) if event.type == EV_KEY else []
        if event.type == EV_ABS:
            self._axis(event)
        elif event.type == EV_KEY:
            return self._touch_key(event)
        elif event.type == EV_SYN and event.code == "SYN_MT_REPORT":
            self._frame.append((self._mt_x, self._mt_y))
            self._mt_x = self._mt_y = None
        elif event.type == EV_SYN and event.code == "SYN_REPORT":
            return self._report(event.time)
        return []

    # --- contacts ---------------------------------------------------------------------------

    def _contact(self) -> _Contact:
        return self._contacts.setdefault(self._slot, _Contact())

    def _axis(self, event: InputEvent) -> None:
        code, value = event.code, event.value
        if code == "ABS_MT_SLOT":
            self._slot = value
        elif code == "ABS_MT_TRACKING_ID":
            self._tracking_ids = True
            self._contact().active = value >= 0
        elif code in ("ABS_MT_POSITION_X", "ABS_X"):
            self._mt_x = value
            self._contact().x = value
        elif code in ("ABS_MT_POSITION_Y", "ABS_Y"):
            self._mt_y = value
            self._contact().y = value

    def _touch_key(self, event: InputEvent) -> list[Reading]:
        if event.code == "BTN_TOUCH":
            if event.value == 0:  # every finger is off the panel, whatever slots say
                for contact in self._contacts.values():
                    contact.active = False
            elif not self._tracking_ids:
                self._contacts.setdefault(0, _Contact()).active = True
            return []
        if event.code.startswith("BTN_"):
            return []
        return self._key(event)

    def _report(self, time: float) -> list[Reading]:
        if self._frame:  # type A: the frame lists every contact still down
            self._type_a(self._frame)
            self._frame = []
        active = {s: c for s, c in self._contacts.items() if c.active and c.x is not None
                  and c.y is not None}  # fmt: skip
        out: list[Reading] = []
        if active and self._stroke is None:
            first = min(active)
            self._stroke = _Stroke(time, first)
            out.append(TouchDown(time))
        stroke = self._stroke
        if stroke is None:
            return out
        stroke.fingers = max(stroke.fingers, len(active))
        primary = active.get(stroke.first)
        if primary is not None:
            stroke.samples.append((time, primary.x, primary.y))  # type: ignore[arg-type]
        if not active:
            out.append(self._gesture(stroke, time))
            self._stroke = None
        return out

    def _type_a(self, frame: list[tuple[int | None, int | None]]) -> None:
        contacts = [(x, y) for x, y in frame if x is not None and y is not None]
        self._contacts = {i: _Contact(x, y, True) for i, (x, y) in enumerate(contacts)}

    # --- gestures ---------------------------------------------------------------------------

    def _px(self, dp: float) -> float:
        return dp * self.dpi / BASELINE_DPI

    def _gesture(self, stroke: _Stroke, end: float) -> Gesture:
        panel = self.panel
        path = tuple(panel.to_screen(x, y, self.rotation) for _, x, y in stroke.samples)
        start, last = path[0], path[-1]
        drift = max(((p.x - start.x) ** 2 + (p.y - start.y) ** 2) ** 0.5 for p in path)
        duration = max(0, round((end - stroke.start) * 1000))
        if drift > self._px(TOUCH_SLOP_DP):
            kind = GestureKind.SWIPE
        elif duration >= LONG_PRESS_MS:
            kind = GestureKind.LONG_PRESS
        else:
            kind = GestureKind.TAP
        end_point = last if kind == GestureKind.SWIPE else start
        second = kind == GestureKind.TAP and self._follows_tap(stroke.start, start)
        self._last_tap = (end, start) if kind == GestureKind.TAP and not second else None
        return Gesture(kind, start, end_point, duration, stroke.start, stroke.fingers, path,
                       second_tap=second)

    def _follows_tap(self, down: float, at: Point) -> bool:
        if self._last_tap is None:
            return False
        lifted, where = self._last_tap
        near = ((at.x - where.x) ** 2 + (at.y - where.y) ** 2) ** 0.5 <= self._px(
            DOUBLE_TAP_SLOP_DP)
        return near and 0 <= (down - lifted) * 1000 <= DOUBLE_TAP_MS

    # --- keys -------------------------------------------------------------------------------

    def _key(self, event: InputEvent) -> list[Reading]:
        if event.code in ("KEY_LEFTSHIFT", "KEY_RIGHTSHIFT"):
            self._shift = event.value != 0
            return []
        if event.value != 1:  # presses count once, on the way down (not UP, not REPEAT)
            return []
        return [KeyPress(event.code, event.time, self._shift)]
