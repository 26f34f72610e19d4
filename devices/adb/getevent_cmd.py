"""`getevent` on the served phone: the device list (`-p`) and the event stream (`-lt`), laid
out as AOSP's toolbox/getevent.c prints them (see devices.getevent for the format).

Without `-c` the stream runs until the client hangs up: the command's `Output.follow` hands
the session each batch of lines as the phone receives touches and keys.
"""

from __future__ import annotations

import queue
from dataclasses import dataclass
from typing import Any

from devices.adb.getevent import Event, InputEvents
from devices.adb.shell import Context, Output
from devices.getevent import ABS_CODES, KEY_CODES, InputDevice

_TYPE_CODES = {"EV_SYN": 0, "EV_KEY": 1, "EV_ABS": 3}
_SYN_CODES = {"SYN_REPORT": 0, "SYN_MT_REPORT": 2}
_KEY_LABELS = {0: "UP", 1: "DOWN", 2: "REPEAT"}
USAGE = ("Usage: getevent [-t] [-n] [-s switchmask] [-S] [-v [mask]] [-d] [-p] [-i] [-l] [-q] "
         "[-c count] [-r] [device]\n")


@dataclass(frozen=True)
class Options:
    labels: bool = False  # -l
    stamps: bool = False  # -t
    describe: bool = False  # -p or -i
    quiet: bool = False  # -q
    count: int = 0  # -c N: stop after N events (0: never)
    device: str = ""  # the one device path to watch ("": all)


_LETTERS = {"l": "labels", "t": "stamps", "p": "describe", "i": "describe", "q": "quiet"}


def parse_options(argv: tuple[str, ...]) -> Options:
    """getevent's flags; ValueError where it would print its usage."""
    flags: dict[str, Any] = {}
    args = list(argv)
    while args and args[0].startswith("-") and len(args[0]) > 1:
        word = args.pop(0)[1:]
        for i, letter in enumerate(word):
            if letter == "c":
                rest = word[i + 1 :] or (args.pop(0) if args else "")
                if not rest.isdigit():
                    raise ValueError("-c needs a count")
                flags["count"] = int(rest)
                break
            if letter not in _LETTERS:
                raise ValueError(f"invalid option -{letter}")
            flags[_LETTERS[letter]] = True
    if len(args) > 1:
        raise ValueError("one device at most")
    return Options(**flags, device=args[0] if args else "")


def _code_number(kind: str, code: str) -> int:
    table = {"EV_SYN": _SYN_CODES, "EV_KEY": KEY_CODES, "EV_ABS": ABS_CODES}[kind]
    return table[code]


def event_line(event: Event, options: Options) -> str:
    t, device, kind, code, value = event
    stamp = f"[{int(t):8d}.{round((t % 1) * 1e6) % 1000000:06d}] " if options.stamps else ""
    where = "" if options.device else f"{device}: "
    if not options.labels:
        body = f"{_TYPE_CODES[kind]:04x} {_code_number(kind, code):04x} {value & 0xFFFFFFFF:08x}"
        return f"{stamp}{where}{body}\n"
    shown = _KEY_LABELS.get(value) if kind == "EV_KEY" else None
    value_text = f" {shown:<20}" if shown else f" {value & 0xFFFFFFFF:08x}            "
    return f"{stamp}{where}{kind:<12} {code:<20}{value_text}\n"


def device_listing(number: int, device: InputDevice, options: Options) -> str:
    lines = [f"add device {number}: {device.path}\n", f'  name:     "{device.name}"\n']
    if not options.describe:
        return "".join(lines)
    lines.append("  events:\n")
    keys = sorted(device.keys, key=KEY_CODES.__getitem__)
    if keys:
        cells = [_label(k, KEY_CODES[k], options) for k in keys]
        lines.append(_section("KEY", 1, cells, 4 if options.labels else 8))
    axes = sorted(device.axes.items(), key=lambda kv: ABS_CODES[kv[0]])
    if axes:
        cells = [f"{_label(name, ABS_CODES[name], options)} : value 0, min {r.minimum}, "
                 f"max {r.maximum}, fuzz 0, flat 0, resolution 0" for name, r in axes]
        lines.append(_section("ABS", 3, cells, 1))
    lines.append("  input props:\n")
    lines += [f"    {p}\n" for p in sorted(device.props)] or ["    <none>\n"]
    return "".join(lines)


def _label(name: str, number: int, options: Options) -> str:
    return f"{name:<21}" if options.labels else f"{number:04x} "


def _section(label: str, kind: int, cells: list[str], per_line: int) -> str:
    rows = [cells[i : i + per_line] for i in range(0, len(cells), per_line)]
    head = f"    {label} ({kind:04x}):"
    return "\n               ".join(
        (head if i == 0 else "") + "".join(f" {c}" for c in row) for i, row in enumerate(rows)
    ) + "\n"


def getevent(ctx: Context, out: Output) -> None:
    try:
        options = parse_options(ctx.argv[1:])
    except ValueError as e:
        out.err(f"getevent: {e}\n{USAGE}")
        out.status = 1
        return
    events: InputEvents = ctx.target.input
    devices = events.devices
    if options.device:
        devices = [d for d in devices if d.path == options.device]
        if not devices:
            out.err(f"could not open {options.device}, No such file or directory\n")
            out.status = 1
            return
    if not options.quiet and (options.describe or not options.device):
        out.out("".join(device_listing(i, d, options) for i, d in enumerate(devices, 1)))
    if options.describe:
        return
    out.follow = Follower(events, options)


class Follower:
    """The phone's events from the moment the command ran, a batch of lines per call."""

    def __init__(self, events: InputEvents, options: Options) -> None:
        self.events = events
        self.options = options
        self.listener = events.listen()
        self.left = options.count  # events still to print; 0: no limit

    def __call__(self, timeout: float) -> bytes | None:
        """The lines of the events that came within `timeout` s (b"" for none); None once
        `-c` events were printed."""
        if self.options.count and self.left <= 0:
            return None
        lines: list[str] = []
        try:
            event = self.listener.get(timeout=timeout)
            while True:
                self._add(event, lines)
                if self.options.count and self.left <= 0:
                    break
                event = self.listener.get_nowait()
        except queue.Empty:
            pass
        return "".join(lines).encode()

    def _add(self, event: Event, lines: list[str]) -> None:
        if not self.options.device or event[1] == self.options.device:
            lines.append(event_line(event, self.options))
            self.left -= 1

    def close(self) -> None:
        self.events.stop_listening(self.listener)
