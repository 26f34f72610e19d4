"""Typing characters that the X keyboard map lacks, without racing the application.

`xdotool type` types such a character (any non-ASCII one on a US map: "ë", "北", "🙂") by
binding its keysym to a spare keycode, sending the key, and restoring the map a few
milliseconds later. The application turns the keycode into a character when it *reads* the
event, with the map as it is then: a busy application reads it after the restore and the
character is lost ("Zoë 北京 🙂" arrived as "Zoë 北 🙂").

So the driver binds such characters itself, before typing, to spare keycodes (those with no
keysym), and leaves them bound: a binding stays until its keycode is needed for another
character or the device closes. `xdotool key` then sends them as keys already in the map,
and `xdotool type` only gets controls and runs of Latin-1 characters that the map holds
(xdotool 3.20160805 binds a scratch keycode for any character above Latin-1, even one the
map holds). The X server delivers a map change before the keys sent after it, so the
application sees the binding.

Only when more distinct characters are needed than there are spare keycodes (18 on Xvfb's
map) are keycodes rebound: the least recently used ones, after the driver has given the
application `settle_s` since it last sent keys to read them (a text needing more than all of
them is typed in pieces, with that wait between pieces).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from devices.errors import DeviceError

log = logging.getLogger(__name__)

Segment = tuple[bool, str]  # (sent as bound keys, characters)


def keysym(char: str) -> int:
    """The X keysym of a character: Latin-1 codes as they are, the rest as Unicode keysyms."""
    code = ord(char)
    return code if 0x20 <= code <= 0x7E or 0xA0 <= code <= 0xFF else 0x01000000 | code


def key_name(char: str) -> str:
    """The name `xdotool key` (XStringToKeysym) reads as `keysym(char)`."""
    return f"U{ord(char):04X}"


def segments(text: str, typed: Callable[[str], bool]) -> list[Segment]:
    """`text` cut into runs for `xdotool type` (characters where `typed` holds) and runs of
    characters sent as bound keys, in order: joined, they give back `text`."""
    out: list[Segment] = []
    for char in text:
        bound = not typed(char)
        if out and out[-1][0] == bound:
            out[-1] = (bound, out[-1][1] + char)
        else:
            out.append((bound, char))
    return out


def chunks(text: str, needs_key: Callable[[str], bool], capacity: int) -> list[str]:
    """`text` cut so that each piece holds at most `capacity` distinct characters that need a
    keycode of their own; one piece when they all fit."""
    if capacity < 1:
        raise ValueError("no keycode to bind characters to")
    pieces, current, distinct = [], "", set[str]()
    for char in text:
        if needs_key(char) and char not in distinct:
            if len(distinct) == capacity:
                pieces.append(current)
                current, distinct = "", set()
            distinct.add(char)
        current += char
    return [*pieces, current] if current or not pieces else pieces


@contextmanager
def _x_calls(doing: str) -> Iterator[None]:
    """python-xlib's failures (a display gone, a refused request) as device errors."""
    from Xlib.error import ConnectionClosedError, XError

    try:
        yield
    except (ConnectionClosedError, XError, OSError) as e:
        raise DeviceError(f"{doing} the keyboard map failed: {e}") from e


def open_key_bindings() -> KeyBindings | None:
    """Key bindings on the display `DISPLAY` names; None, with a warning, without one."""
    from Xlib import display as xdisplay

    try:
        display = xdisplay.Display()
    except Exception as e:  # python-xlib raises several unrelated kinds for a bad display
        log.warning("cannot open the display; xdotool may lose characters: %s", e)
        return None
    try:
        return KeyBindings(display)
    except DeviceError as e:
        display.close()
        log.warning("xdotool may lose characters: %s", e)
        return None


class KeyBindings:
    """Spare keycodes of an X display bound to characters, restored by `close()`.

    The map is read from the server by `refresh()` (python-xlib's own copy is only updated
    by a client that reads its events). The lowest spare keycode is left alone: it is the one
    `xdotool type` borrows."""

    def __init__(self, display: Any) -> None:
        self._display = display
        info = display.display.info
        self._first, self._count = info.min_keycode, info.max_keycode - info.min_keycode + 1
        self._bound: dict[str, int] = {}  # character -> keycode, least recently used first
        self._free: list[int] = []
        self._codes: dict[int, int] = {}  # keysym -> a keycode that has it
        self._scratch: int | None = None
        spare = self.refresh()
        if spare:
            self._scratch = spare[0]
            self._free.remove(self._scratch)

    def refresh(self) -> list[int]:
        """Read the keyboard map again; forget bindings someone else changed since. The
        spare keycodes."""
        with _x_calls("reading"):
            rows = self._display.get_keyboard_mapping(self._first, self._count)
        self._codes = {}
        for i, row in enumerate(rows):
            for sym in row:
                self._codes.setdefault(sym, self._first + i)
        self._codes.pop(0, None)
        self._bound = {c: code for c, code in self._bound.items()
                       if rows[code - self._first][0] == keysym(c)}  # fmt: skip
        spare = [self._first + i for i, row in enumerate(rows) if not any(row)]
        self._free = [c for c in spare if c != self._scratch]
        return spare

    @property
    def capacity(self) -> int:
        """How many characters can be bound at once."""
        return len(self._free) + len(self._bound)

    def native(self, char: str) -> bool:
        """Does the keyboard map hold `char` by itself (not through a binding of ours)?"""
        return char not in self._bound and keysym(char) in self._codes

    def typed(self, char: str) -> bool:
        """Can `xdotool type` send `char` without binding a keycode itself? Controls (a
        newline, a tab) and the Latin-1 characters the map holds; it binds the others."""
        if char.isascii() and not char.isprintable():
            return True
        return keysym(char) <= 0xFF and self.native(char)

    def needs_keycode(self, char: str) -> bool:
        """Must `char` be bound to a keycode of ours before it is sent?"""
        return not self.typed(char) and not self.native(char)

    def rebinds(self, chars: set[str]) -> bool:
        """Would binding `chars` take keycodes bound to other characters?"""
        return len(chars - self._bound.keys()) > len(self._free)

    def bind(self, chars: set[str]) -> None:
        """Bind each of `chars` (at most `capacity`) to a keycode, taking the least recently
        used bindings of other characters when no keycode is free."""
        if len(chars) > self.capacity:
            raise ValueError(f"{len(chars)} characters for {self.capacity} spare keycodes")
        for char in sorted(chars & self._bound.keys()):  # in use again: most recent last
            self._bound[char] = self._bound.pop(char)
        wanted = sorted(chars - self._bound.keys())
        with _x_calls("changing"):
            for char in wanted:
                if self._free:
                    code = self._free.pop(0)
                else:
                    old = next(c for c in self._bound if c not in chars)
                    code = self._bound.pop(old)
                    self._codes.pop(keysym(old), None)
                self._display.change_keyboard_mapping(code, [[keysym(char)]])
                self._bound[char] = code
                self._codes[keysym(char)] = code
            if wanted:
                self._display.sync()
        log.debug("bound %d characters to spare keycodes", len(wanted))

    def close(self) -> None:
        """Give the keycodes back, where they still hold what this bound to them."""
        try:
            self.refresh()
            with _x_calls("restoring"):
                for code in self._bound.values():
                    self._display.change_keyboard_mapping(code, [[0]])
                self._display.sync()
        except DeviceError as e:  # closing goes on: the display may be gone already
            log.warning("keycodes bound for typing not given back: %s", e)
        self._bound.clear()
        self._display.close()
