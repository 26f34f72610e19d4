"""The soft keyboard: a separate window above the navigation bar, with clickable keys.

Keys are nodes whose content-desc names them ("q", "Shift", "Delete", "Space", "Enter", ...),
as a screen reader announces them. Letters, shift (one shot) and a symbols layer.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from devices.virtual import view as v
from devices.virtual.view import Style, View, layout
from devices.virtual.window import KEYBOARD, KEYBOARD_PACKAGE, WIDTH, Window

LETTERS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
SYMBOLS = ("1234567890", "@#$_&-+()", "*\"':;!?")
_STRIP_H = 120  # px: the suggestion strip above the keys
_PAD, _GAP = 12, 14  # px around and between keys
_KEY_W = (WIDTH - 2 * _PAD - 9 * _GAP) // 10


@dataclass
class KeyboardState:
    shift: bool = False
    symbols: bool = False


@dataclass(frozen=True)
class KeyActions:
    type: Callable[[str], None]
    delete: Callable[[], None]
    enter: Callable[[], None]
    redraw: Callable[[], None]  # after shift or layer changes


def _key(desc: str, rect: tuple[int, int, int, int], on_click: Callable[[], None],
         icon: str, special: bool = False, primary: bool = False) -> View:
    bg = "primary" if primary else "key_special" if special else "key"
    return View(v.VIEW, desc=desc, clickable=True, rect=rect, on_click=on_click,
                style=Style(bg=bg, fg="on_primary" if primary else "text", icon=icon,
                            size=52, radius=18))


def _char_key(ch: str, x: int, y: int, h: int, kb: KeyboardState, act: KeyActions) -> View:
    def press() -> None:
        act.type(ch)
        kb.shift = False

    return _key(ch, (x, y, x + _KEY_W, y + h), press, f"char:{ch}")


def _row(chars: str, y: int, h: int, x0: int, kb: KeyboardState, act: KeyActions) -> list[View]:
    if kb.shift and not kb.symbols:
        chars = chars.upper()
    return [_char_key(ch, x0 + i * (_KEY_W + _GAP), y, h, kb, act) for i, ch in enumerate(chars)]


def _toggle(kb: KeyboardState, name: str, act: KeyActions) -> Callable[[], None]:
    def press() -> None:
        setattr(kb, name, not getattr(kb, name))
        if name == "symbols":
            kb.shift = False
        act.redraw()

    return press


def keyboard_window(kb: KeyboardState, act: KeyActions) -> Window:
    rows = SYMBOLS if kb.symbols else LETTERS
    h = (KEYBOARD[3] - KEYBOARD[1] - _STRIP_H - 2 * _PAD - 3 * _GAP) // 4
    ys = [_STRIP_H + _PAD + i * (h + _GAP) for i in range(4)]
    keys = _row(rows[0], ys[0], h, _PAD, kb, act)
    keys += _row(rows[1], ys[1], h, _PAD + (10 - len(rows[1])) * (_KEY_W + _GAP) // 2, kb, act)
    wide = (WIDTH - 2 * _PAD - 7 * (_KEY_W + _GAP) - 2 * _GAP) // 2
    third = _row(rows[2], ys[2], h, _PAD + wide + _GAP, kb, act)
    if kb.symbols:
        keys.append(_key("Letters", (_PAD, ys[2], _PAD + wide, ys[2] + h),
                         _toggle(kb, "symbols", act), "char:ABC", special=True))
    else:
        keys.append(_key("Shift", (_PAD, ys[2], _PAD + wide, ys[2] + h),
                         _toggle(kb, "shift", act), "shift", special=True))
    keys += third
    keys.append(_key("Delete", (WIDTH - _PAD - wide, ys[2], WIDTH - _PAD, ys[2] + h),
                     act.delete, "backspace", special=True))
    keys += _bottom_row(ys[3], h, kb, act)
    strip = View(v.FRAME, rid="suggestion_strip", rect=(0, 0, WIDTH, _STRIP_H),
                 children=[View(v.IMAGE, desc="Voice input", rect=(-150, 10, -30, 110),
                                style=Style(icon="mic"))])
    root = View(v.FRAME, rid="input_view", children=[strip, *keys], style=Style(bg="keyboard"))
    layout(root, KEYBOARD)
    return Window("keyboard", KEYBOARD_PACKAGE, root, touch=(KEYBOARD,))


def _bottom_row(y: int, h: int, kb: KeyboardState, act: KeyActions) -> list[View]:
    side = _KEY_W * 3 // 2
    x_comma = _PAD + side + _GAP
    x_space = x_comma + _KEY_W + _GAP
    x_enter = WIDTH - _PAD - side
    x_dot = x_enter - _GAP - _KEY_W
    return [
        _key("Letters" if kb.symbols else "Symbols", (_PAD, y, _PAD + side, y + h),
             _toggle(kb, "symbols", act), "char:ABC" if kb.symbols else "char:?123",
             special=True),
        _char_key(",", x_comma, y, h, kb, act),
        _key("Space", (x_space, y, x_dot - _GAP, y + h), lambda: act.type(" "), "char: "),
        _char_key(".", x_dot, y, h, kb, act),
        _key("Enter", (x_enter, y, WIDTH - _PAD, y + h), act.enter, "enter", primary=True),
    ]
