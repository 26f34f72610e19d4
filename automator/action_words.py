"""Actions written as words on a command line, for `automator do`.

    tap X Y | long_press X Y [MS] | double_tap X Y | swipe X1 Y1 X2 Y2 [MS]
    scroll up|down|left|right [X Y] | key back|home|enter|recents|delete|menu|tab|escape|…
    hotkey ctrl+a (modifiers and a key, joined by +)
    type_text TEXT [X Y] [--clear] [--submit] | open_app NAME | wait [SECONDS]
    or one JSON object: {"kind": "tap", "target": {"x": 540, "y": 1200}}

Points are device pixels. The text of type_text is one word of argv: it is never split,
expanded or interpreted.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from enum import StrEnum
from typing import Any

from devices.actions import (
    Action,
    Direction,
    DoubleTap,
    Key,
    LongPress,
    OpenApp,
    Point,
    PressKey,
    Scroll,
    Swipe,
    Tap,
    TypeText,
    Wait,
    action_from_dict,
    key_press,
)


class ActionSyntaxError(ValueError):
    pass


def _ints(words: Sequence[str], count: int, what: str) -> list[int]:
    if len(words) != count:
        raise ActionSyntaxError(f"{what} takes {count} numbers, got {len(words)}")
    try:
        return [int(w) for w in words]
    except ValueError as e:
        raise ActionSyntaxError(f"{what}: {e}") from e


def _point(words: Sequence[str], what: str) -> Point:
    x, y = _ints(words, 2, what)
    return Point(x, y)


def _press(words: Sequence[str]) -> Action:
    point = _point(words[:2], "long_press")
    return LongPress(point, *_ints(words[2:], len(words) - 2, "long_press duration"))


def _swipe(words: Sequence[str]) -> Action:
    x1, y1, x2, y2, *ms = _ints(words, len(words) if len(words) in (4, 5) else 4, "swipe")
    return Swipe(Point(x1, y1), Point(x2, y2), *ms)


def _scroll(words: Sequence[str]) -> Action:
    if not words:
        raise ActionSyntaxError("scroll needs a direction: up, down, left or right")
    target = _point(words[1:], "scroll") if len(words) > 1 else None
    return Scroll(_enum(Direction, words[0]), target)


def _type(words: Sequence[str]) -> Action:
    if not words:
        raise ActionSyntaxError("type_text needs the text as one argument")
    flags = {w for w in words[1:] if w.startswith("--")}
    unknown = flags - {"--clear", "--submit"}
    if unknown:
        raise ActionSyntaxError(f"type_text: unknown option {sorted(unknown)[0]}")
    rest = [w for w in words[1:] if not w.startswith("--")]
    target = _point(rest, "type_text point") if rest else None
    return TypeText(words[0], target, clear="--clear" in flags, submit="--submit" in flags)


def _enum(kind: type[StrEnum], word: str) -> Any:
    try:
        return kind(word.casefold())
    except ValueError as e:
        names = ", ".join(m.value for m in kind)
        raise ActionSyntaxError(f"{word!r} is not one of: {names}") from e


def _one(words: Sequence[str], what: str) -> str:
    if len(words) != 1:
        raise ActionSyntaxError(f"{what} takes one argument")
    return words[0]


def _hotkey(combination: str) -> Action:
    try:
        return key_press(combination.split("+"))
    except ValueError as e:
        raise ActionSyntaxError(f"hotkey {combination!r}: {e}") from None


_VERBS: dict[str, Callable[[Sequence[str]], Action]] = {
    "tap": lambda w: Tap(_point(w, "tap")),
    "long_press": _press,
    "double_tap": lambda w: DoubleTap(_point(w, "double_tap")),
    "swipe": _swipe,
    "scroll": _scroll,
    "type_text": _type,
    "key": lambda w: PressKey(_enum(Key, _one(w, "key"))),
    "hotkey": lambda w: _hotkey(_one(w, "hotkey")),
    "open_app": lambda w: OpenApp(_one(w, "open_app")),
    "wait": lambda w: Wait(float(w[0])) if w else Wait(),
}


def parse_action(words: Sequence[str]) -> Action:
    """An action from command-line words; ActionSyntaxError says what is wrong."""
    if not words:
        raise ActionSyntaxError(f"no action given; one of: {', '.join(_VERBS)}")
    if words[0].lstrip().startswith("{"):
        try:
            return action_from_dict(json.loads(" ".join(words)))
        except ValueError as e:
            raise ActionSyntaxError(str(e)) from e
    verb = _VERBS.get(words[0].casefold())
    if verb is None:
        raise ActionSyntaxError(f"unknown action {words[0]!r}; one of: {', '.join(_VERBS)}")
    return verb(list(words[1:]))
