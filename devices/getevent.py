"""What Android's `getevent` prints, read back: input devices (`-lp`) and events (`-lt`).

`getevent -lp` lists every input device with the codes it can send and, for absolute axes,
their ranges:

    add device 2: /dev/input/event2
      name:     "fts_ts"
      events:
        KEY (0001): BTN_TOUCH
        ABS (0003): ABS_MT_SLOT           : value 0, min 0, max 9, fuzz 0, flat 0, resolution 0
                    ABS_MT_POSITION_X     : value 0, min 0, max 4095, fuzz 0, flat 0, resolution 0
      input props:
        INPUT_PROP_DIRECT

`getevent -lt` then prints one line per kernel event, stamped with the monotonic clock:

    [   5423.362931] /dev/input/event2: EV_ABS       ABS_MT_POSITION_X    0000021e

The value is 32-bit hex (`ffffffff` is -1, a lifted finger's tracking id), or a label for
keys (`DOWN`, `UP`, `REPEAT`). Without `-l` the type and code are hex too; without `-t` there
is no stamp; with one device named on the command line there is no device path; `-r` adds
` rate N`. The layout follows AOSP's toolbox/getevent.c.

The parsers are pure; devices.touch_reading turns the events into gestures.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

EV_SYN, EV_KEY, EV_ABS = "EV_SYN", "EV_KEY", "EV_ABS"
_TYPES = {0x00: EV_SYN, 0x01: EV_KEY, 0x03: EV_ABS}
_SYN = {0: "SYN_REPORT", 1: "SYN_CONFIG", 2: "SYN_MT_REPORT", 3: "SYN_DROPPED"}
ABS_CODES = {
    "ABS_X": 0x00, "ABS_Y": 0x01, "ABS_PRESSURE": 0x18, "ABS_MT_SLOT": 0x2F,
    "ABS_MT_TOUCH_MAJOR": 0x30, "ABS_MT_TOUCH_MINOR": 0x31, "ABS_MT_WIDTH_MAJOR": 0x32,
    "ABS_MT_ORIENTATION": 0x34, "ABS_MT_POSITION_X": 0x35, "ABS_MT_POSITION_Y": 0x36,
    "ABS_MT_TOOL_TYPE": 0x37, "ABS_MT_TRACKING_ID": 0x39, "ABS_MT_PRESSURE": 0x3A,
}  # fmt: skip
# Linux key codes (linux/input-event-codes.h) of the keys a phone or a keyboard sends.
KEY_CODES = {
    "KEY_ESC": 1, "KEY_1": 2, "KEY_2": 3, "KEY_3": 4, "KEY_4": 5, "KEY_5": 6, "KEY_6": 7,
    "KEY_7": 8, "KEY_8": 9, "KEY_9": 10, "KEY_0": 11, "KEY_MINUS": 12, "KEY_EQUAL": 13,
    "KEY_BACKSPACE": 14, "KEY_TAB": 15, "KEY_Q": 16, "KEY_W": 17, "KEY_E": 18, "KEY_R": 19,
    "KEY_T": 20, "KEY_Y": 21, "KEY_U": 22, "KEY_I": 23, "KEY_O": 24, "KEY_P": 25,
    "KEY_LEFTBRACE": 26, "KEY_RIGHTBRACE": 27, "KEY_ENTER": 28, "KEY_A": 30, "KEY_S": 31,
    "KEY_D": 32, "KEY_F": 33, "KEY_G": 34, "KEY_H": 35, "KEY_J": 36, "KEY_K": 37, "KEY_L": 38,
    "KEY_SEMICOLON": 39, "KEY_APOSTROPHE": 40, "KEY_GRAVE": 41, "KEY_LEFTSHIFT": 42,
    "KEY_BACKSLASH": 43, "KEY_Z": 44, "KEY_X": 45, "KEY_C": 46, "KEY_V": 47, "KEY_B": 48,
    "KEY_N": 49, "KEY_M": 50, "KEY_COMMA": 51, "KEY_DOT": 52, "KEY_SLASH": 53,
    "KEY_RIGHTSHIFT": 54, "KEY_SPACE": 57, "KEY_HOME": 102, "KEY_DELETE": 111, "KEY_MUTE": 113,
    "KEY_VOLUMEDOWN": 114, "KEY_VOLUMEUP": 115, "KEY_POWER": 116, "KEY_MENU": 139,
    "KEY_BACK": 158, "KEY_HOMEPAGE": 172, "KEY_WAKEUP": 143, "KEY_APPSELECT": 580,
    "BTN_TOOL_FINGER": 0x145, "BTN_TOUCH": 0x14A,
}  # fmt: skip
KEY_VALUES = {"UP": 0, "DOWN": 1, "REPEAT": 2}
# What a US keyboard types: character -> (key, with shift).
_PLAIN = "1234567890-=qwertyuiop[]asdfghjkl;'`\\zxcvbnm,./ \t\n"
_SHIFTED = '!@#$%^&*()_+QWERTYUIOP{}ASDFGHJKL:"~|ZXCVBNM<>?'
_KEYS_OF_PLAIN = str.split(
    "KEY_1 KEY_2 KEY_3 KEY_4 KEY_5 KEY_6 KEY_7 KEY_8 KEY_9 KEY_0 KEY_MINUS KEY_EQUAL "
    "KEY_Q KEY_W KEY_E KEY_R KEY_T KEY_Y KEY_U KEY_I KEY_O KEY_P KEY_LEFTBRACE KEY_RIGHTBRACE "
    "KEY_A KEY_S KEY_D KEY_F KEY_G KEY_H KEY_J KEY_K KEY_L KEY_SEMICOLON KEY_APOSTROPHE "
    "KEY_GRAVE KEY_BACKSLASH KEY_Z KEY_X KEY_C KEY_V KEY_B KEY_N KEY_M KEY_COMMA KEY_DOT "
    "KEY_SLASH KEY_SPACE KEY_TAB KEY_ENTER"
)
US_KEYS: dict[str, tuple[str, bool]] = {
    **{c: (k, False) for c, k in zip(_PLAIN, _KEYS_OF_PLAIN, strict=True)},
    **{c: (k, True) for c, k in zip(_SHIFTED, _KEYS_OF_PLAIN, strict=False)},
}
_CHARS = {v: c for c, v in US_KEYS.items() if c not in "\t\n"}


def typed_char(key: str, shift: bool) -> str | None:
    """The character a US keyboard types for `key` (with shift held), if it types one."""
    return _CHARS.get((key, shift))
_ABS_NAMES = {v: k for k, v in ABS_CODES.items()}
_KEY_NAMES = {v: k for k, v in KEY_CODES.items()}

_EVENT = re.compile(
    r"^\s*(?:\[\s*(?P<sec>\d+)\.(?P<frac>\d+)\]\s*)?"
    r"(?:(?P<device>/\S+):\s*)?"
    r"(?P<type>\S+)\s+(?P<code>\S+)\s+(?P<value>\S+)(?:\s+rate\s+\d+)?\s*$"
)
_DEVICE = re.compile(r"^add device \d+: (\S+)")
_NAME = re.compile(r'^\s+name:\s+"(.*)"\s*$')
_AXIS = re.compile(r"(\w+)\*?\s*: value (-?\d+), min (-?\d+), max (-?\d+)")
_SECTION = re.compile(r"^\s+(KEY|ABS|REL|SW |LED|MSC|SND|REP|FF ) \(([0-9a-f]{4})\):(.*)$")


class GeteventError(ValueError):
    """The text is not `getevent` output (or names no usable touchscreen)."""


@dataclass(frozen=True)
class AxisRange:
    minimum: int
    maximum: int

    @property
    def span(self) -> int:
        """How many distinct values the axis has."""
        return self.maximum - self.minimum + 1


@dataclass
class InputDevice:
    """One `/dev/input/eventN` as `getevent -lp` describes it."""

    path: str
    name: str = ""
    keys: set[str] = field(default_factory=set)
    axes: dict[str, AxisRange] = field(default_factory=dict)
    props: set[str] = field(default_factory=set)

    @property
    def is_touchscreen(self) -> bool:
        """A multitouch panel: it reports contact positions (touchpads lack INPUT_PROP_DIRECT
        on devices that say so; a panel that lists no props still counts)."""
        multitouch = {"ABS_MT_POSITION_X", "ABS_MT_POSITION_Y"} <= set(self.axes)
        single = {"ABS_X", "ABS_Y"} <= set(self.axes) and "BTN_TOUCH" in self.keys and (
            "INPUT_PROP_DIRECT" in self.props)
        return (multitouch or single) and "INPUT_PROP_POINTER" not in self.props

    def axis(self, name: str) -> AxisRange:
        """The range of `ABS_MT_POSITION_X` or `_Y`, or of `ABS_X`/`ABS_Y` on a panel
        that tracks one finger."""
        return self.axes.get(f"ABS_MT_POSITION_{name}") or self.axes[f"ABS_{name}"]


@dataclass(frozen=True)
class InputEvent:
    time: float  # s, the device's monotonic clock (0.0 when printed without -t)
    device: str  # /dev/input/eventN, "" when getevent watched one device
    type: str  # EV_SYN | EV_KEY | EV_ABS | another label, or hex when unknown
    code: str  # ABS_MT_POSITION_X, BTN_TOUCH, KEY_BACK, SYN_REPORT ... (hex when unknown)
    value: int


def _name(kind: str, token: str) -> str:
    """A label for a hex type or code (as `getevent` without -l prints them)."""
    if not re.fullmatch(r"[0-9a-fA-F]{4}", token):
        return token
    number = int(token, 16)
    table = {EV_SYN: _SYN, EV_KEY: _KEY_NAMES, EV_ABS: _ABS_NAMES}.get(kind, _TYPES)
    return table.get(number, token)


def _value(token: str) -> int:
    if token in KEY_VALUES:
        return KEY_VALUES[token]
    if token.startswith("MT_TOOL_"):
        return 0
    number = int(token, 16)
    return number - (1 << 32) if number >= 1 << 31 else number


def parse_event(line: str) -> InputEvent | None:
    """One line of `getevent [-l] [-t]` output; None for anything else (device lists,
    warnings, blank lines)."""
    m = _EVENT.match(line)
    if m is None or m["type"] in ("add", "name:", "could"):
        return None
    kind = _name("", m["type"])
    try:
        value = _value(m["value"])
    except ValueError:
        return None
    if not (kind.startswith("EV_") or re.fullmatch(r"[0-9a-f]{4}", kind)):
        return None
    stamp = float(f"{m['sec']}.{m['frac']}") if m["sec"] is not None else 0.0
    return InputEvent(stamp, m["device"] or "", kind, _name(kind, m["code"]), value)


def parse_devices(text: str) -> list[InputDevice]:
    """The devices of `getevent -lp` (or `-p`, where codes are hex) output."""
    devices: list[InputDevice] = []
    section = ""
    for line in text.splitlines():
        if m := _DEVICE.match(line):
            devices.append(InputDevice(m.group(1)))
            section = ""
            continue
        if not devices:
            continue
        current = devices[-1]
        if m := _NAME.match(line):
            current.name = m.group(1)
        elif m := _SECTION.match(line):
            section = m.group(1).strip()
            _add_codes(current, section, m.group(3))
        elif line.strip() == "input props:":
            section = "props"
        elif section == "props" and line.strip() and not line.strip().startswith("<"):
            current.props.add(line.strip())
        elif section and line.startswith("    ") and line.strip():
            _add_codes(current, section, line)
    return devices


def _add_codes(device: InputDevice, section: str, text: str) -> None:
    if section == "ABS":
        for name, _current, low, high in _AXIS.findall(text):
            label = _name(EV_ABS, name)
            device.axes[label] = AxisRange(int(low), int(high))
    elif section == "KEY":
        device.keys.update(_name(EV_KEY, t.rstrip("*")) for t in text.split())


def touchscreen(devices: list[InputDevice]) -> InputDevice:
    """The touch panel among the devices; GeteventError when there is none. A phone has one;
    where several qualify, the one that says it is a direct-touch screen wins."""
    panels = [d for d in devices if d.is_touchscreen]
    if not panels:
        names = ", ".join(f"{d.path} ({d.name})" for d in devices) or "none"
        raise GeteventError(f"no touchscreen among the input devices: {names}")
    panels.sort(key=lambda d: "INPUT_PROP_DIRECT" not in d.props)
    return panels[0]
