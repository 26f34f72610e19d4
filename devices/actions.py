"""The action vocabulary: one closed union of small frozen dataclasses used everywhere.

Points are device pixels with the origin at the top-left of the screen in its current
orientation. A target is either a `Point` or an `ElementRef` (the id of an element of the
perceived `Screen`); element references are resolved to points in exactly one place, the
automator, so a device only ever receives points.

Scroll directions name where the *content* moves into view: `Scroll(DOWN)` reveals what is
below, which a finger does by swiping up.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields, replace
from enum import StrEnum
from typing import Any, ClassVar


class ActionKind(StrEnum):
    TAP = "tap"
    LONG_PRESS = "long_press"
    DOUBLE_TAP = "double_tap"
    SWIPE = "swipe"
    SCROLL = "scroll"
    TYPE_TEXT = "type_text"
    KEY = "key"
    HOTKEY = "hotkey"
    OPEN_APP = "open_app"
    WAIT = "wait"
    FINISH = "finish"


class Key(StrEnum):
    """One key. The first six are a phone's (Menu: the options key some apps still answer);
    the rest are a keyboard's, for desktops, pages and phones with a hardware keyboard."""

    BACK = "back"
    HOME = "home"
    ENTER = "enter"
    RECENTS = "recents"
    DELETE = "delete"
    MENU = "menu"
    TAB = "tab"
    ESCAPE = "escape"
    UP = "up"
    DOWN = "down"
    LEFT = "left"
    RIGHT = "right"
    PAGE_UP = "page_up"
    PAGE_DOWN = "page_down"


class Modifier(StrEnum):
    CTRL = "ctrl"
    ALT = "alt"
    SHIFT = "shift"
    META = "meta"  # the Windows / Command / Super key


class Direction(StrEnum):
    UP = "up"
    DOWN = "down"
    LEFT = "left"
    RIGHT = "right"


class FinishStatus(StrEnum):
    """Three different ends: the task is done; it cannot be done (the answer says why); the
    agent gives up without saying either (the answer may say why). Giving up never passes."""

    SUCCESS = "success"  # done
    INFEASIBLE = "infeasible"  # impossible, said explicitly, with the reason
    FAILURE = "failure"  # gave up: not done, and not shown to be impossible


@dataclass(frozen=True)
class Point:
    """A position in device pixels, origin top-left."""

    x: int
    y: int


@dataclass(frozen=True)
class ElementRef:
    """An element of the perceived screen, by its id (index in `Screen.elements`)."""

    id: int


Target = Point | ElementRef


@dataclass(frozen=True)
class Tap:
    target: Target
    kind: ClassVar[ActionKind] = ActionKind.TAP


@dataclass(frozen=True)
class LongPress:
    target: Target
    duration_ms: int = 800
    kind: ClassVar[ActionKind] = ActionKind.LONG_PRESS


@dataclass(frozen=True)
class DoubleTap:
    target: Target
    kind: ClassVar[ActionKind] = ActionKind.DOUBLE_TAP


@dataclass(frozen=True)
class Swipe:
    start: Point
    end: Point
    duration_ms: int = 300
    kind: ClassVar[ActionKind] = ActionKind.SWIPE


@dataclass(frozen=True)
class Scroll:
    direction: Direction
    target: Target | None = None  # the scrollable container; None: the screen's middle
    kind: ClassVar[ActionKind] = ActionKind.SCROLL


@dataclass(frozen=True)
class TypeText:
    text: str
    target: Target | None = None  # the field to focus first; None: the focused field
    clear: bool = False  # empty the field before typing
    submit: bool = False  # press enter afterwards
    kind: ClassVar[ActionKind] = ActionKind.TYPE_TEXT


@dataclass(frozen=True)
class PressKey:
    key: Key
    kind: ClassVar[ActionKind] = ActionKind.KEY


@dataclass(frozen=True)
class Hotkey:
    """Keys pressed together, modifiers first: `Hotkey((Modifier.CTRL,), "a")` is ctrl+a.
    `key` is a `Key` value or one character (lower case for letters)."""

    modifiers: tuple[Modifier, ...]
    key: str
    kind: ClassVar[ActionKind] = ActionKind.HOTKEY

    def __post_init__(self) -> None:
        if not self.modifiers:
            raise ValueError(
                "a hotkey needs a modifier (ctrl, alt, shift, meta); one key is a `key` action"
            )
        if any(not isinstance(m, Modifier) for m in self.modifiers):
            raise ValueError(f"modifiers must be Modifier values: {self.modifiers!r}")
        if self.key not in Key.__members__.values() and not (
            len(self.key) == 1 and self.key.isprintable() and not self.key.isupper()
        ):
            raise ValueError(f"hotkey key {self.key!r}: a Key value or one character")

    @property
    def combination(self) -> str:
        """`ctrl+shift+t`"""
        return "+".join([*self.modifiers, self.key])


_MODIFIER_NAMES = {"ctrl": Modifier.CTRL, "control": Modifier.CTRL, "alt": Modifier.ALT,
                   "option": Modifier.ALT, "shift": Modifier.SHIFT, "meta": Modifier.META,
                   "cmd": Modifier.META, "command": Modifier.META, "super": Modifier.META,
                   "win": Modifier.META}  # fmt: skip
KEY_NAMES = {  # the names other vocabularies give our keys (pyautogui, Playwright, xdotool)
    **{k.value: k for k in Key},
    "return": Key.ENTER, "backspace": Key.DELETE, "del": Key.DELETE, "esc": Key.ESCAPE,
    "pageup": Key.PAGE_UP, "pagedown": Key.PAGE_DOWN, "pgup": Key.PAGE_UP,
    "pgdn": Key.PAGE_DOWN, "arrowup": Key.UP, "arrowdown": Key.DOWN, "arrowleft": Key.LEFT,
    "arrowright": Key.RIGHT, "prior": Key.PAGE_UP, "next": Key.PAGE_DOWN,
}  # fmt: skip


def key_press(names: list[str]) -> PressKey | Hotkey:
    """The action for keys pressed together, named as people and models write them
    (`["ctrl", "a"]`, `["Escape"]`, `["Control", "Shift", "T"]`): one key is a `PressKey`,
    modifiers and a key a `Hotkey`. Raises ValueError on unknown names."""
    words = [str(n).strip() for n in names if str(n).strip()]
    if not words:
        raise ValueError("no key named")
    *mods, last = words
    modifiers = []
    for m in mods:
        if m.lower() not in _MODIFIER_NAMES:
            raise ValueError(f"{m!r} is not a modifier (ctrl, alt, shift, meta)")
        modifiers.append(_MODIFIER_NAMES[m.lower()])
    name = last.lower()
    key = KEY_NAMES.get(name) or KEY_NAMES.get(name.replace("_", "").replace(" ", ""))
    if not modifiers:
        if key is None:
            raise ValueError(f"unknown key {last!r}; keys: {', '.join(k.value for k in Key)}")
        return PressKey(key)
    return Hotkey(tuple(modifiers), key.value if key else name)


@dataclass(frozen=True)
class OpenApp:
    app: str  # a label as the launcher shows it, or a package name
    kind: ClassVar[ActionKind] = ActionKind.OPEN_APP


@dataclass(frozen=True)
class Wait:
    seconds: float = 1.0
    kind: ClassVar[ActionKind] = ActionKind.WAIT


@dataclass(frozen=True)
class Finish:
    status: FinishStatus = FinishStatus.SUCCESS
    answer: str | None = None  # the reply to a question, when the goal asked one
    kind: ClassVar[ActionKind] = ActionKind.FINISH


Action = (
    Tap
    | LongPress
    | DoubleTap
    | Swipe
    | Scroll
    | TypeText
    | PressKey
    | Hotkey
    | OpenApp
    | Wait
    | Finish
)

ACTION_TYPES: dict[ActionKind, type[Action]] = {
    cls.kind: cls
    for cls in (
        Tap, LongPress, DoubleTap, Swipe, Scroll, TypeText, PressKey, Hotkey, OpenApp, Wait, Finish
    )
}  # fmt: skip
_ENUMS: dict[str, type[StrEnum]] = {"key": Key, "direction": Direction, "status": FinishStatus}


def target_of(action: Action) -> Target | None:
    """The element or point an action aims at, if any."""
    return getattr(action, "target", None)


def with_target(action: Action, target: Target) -> Action:
    """The same action aimed at another target (used when resolving elements to points)."""
    if not hasattr(action, "target"):
        raise ValueError(f"{action.kind} takes no target")
    return replace(action, target=target)  # type: ignore[type-var]


def _target_to_json(target: Target | None) -> dict[str, int] | None:
    return None if target is None else asdict(target)


def _target_from_json(value: Any) -> Target | None:
    if value is None:
        return None
    if not isinstance(value, dict):
        raise ValueError(f"bad target: {value!r}")
    if set(value) == {"id"}:
        return ElementRef(int(value["id"]))
    if set(value) == {"x", "y"}:
        return Point(int(value["x"]), int(value["y"]))
    raise ValueError(f"bad target: {value!r}")


def action_to_dict(action: Action) -> dict[str, Any]:
    """A JSON-ready dict: `{"kind": ..., field: value, ...}`; targets as {"id"} or {"x","y"}."""
    out: dict[str, Any] = {"kind": str(action.kind)}
    for f in fields(action):
        value = getattr(action, f.name)
        if isinstance(value, Point | ElementRef):
            value = asdict(value)
        elif isinstance(value, StrEnum):
            value = str(value)
        elif isinstance(value, tuple):
            value = [str(v) for v in value]
        out[f.name] = value
    return out


def action_from_dict(data: dict[str, Any]) -> Action:
    """Inverse of `action_to_dict`; raises ValueError on anything malformed."""
    try:
        cls = ACTION_TYPES[ActionKind(data["kind"])]
    except (KeyError, ValueError, TypeError) as e:
        raise ValueError(f"unknown action kind in {data!r}") from e
    kwargs: dict[str, Any] = {}
    for f in fields(cls):
        if f.name not in data:
            continue
        value = data[f.name]
        if f.name == "target":
            value = _target_from_json(value)
        elif f.name in ("start", "end"):
            value = _target_from_json(value)
            if not isinstance(value, Point):
                raise ValueError(f"{f.name} must be a point: {data!r}")
        elif f.name in _ENUMS and cls is not Hotkey:  # a hotkey's key may be a character
            value = _ENUMS[f.name](value)
        elif f.name == "modifiers":
            value = tuple(Modifier(m) for m in value)
        kwargs[f.name] = value
    try:
        return cls(**kwargs)
    except (TypeError, ValueError) as e:
        raise ValueError(f"bad fields for {cls.kind}: {data!r}: {e}") from e


def _target_text(target: Target | None) -> str:
    if isinstance(target, ElementRef):
        return f"#{target.id}"
    if isinstance(target, Point):
        return f"({target.x}, {target.y})"
    return ""


def describe(action: Action) -> str:
    """A short human-readable form, e.g. `tap #3` or `type "hi" into #2`."""
    match action:
        case Tap() | LongPress() | DoubleTap():
            return f"{action.kind} {_target_text(action.target)}"
        case Swipe(start=s, end=e):
            return f"swipe ({s.x}, {s.y}) -> ({e.x}, {e.y})"
        case Scroll(direction=d, target=t):
            return f"scroll {d}" + (f" in {_target_text(t)}" if t is not None else "")
        case TypeText(text=text, target=t, clear=clear, submit=submit):
            where = f" into {_target_text(t)}" if t is not None else ""
            extras = "".join([" (clear first)" if clear else "", " + enter" if submit else ""])
            return f"type {text!r}{where}{extras}"
        case PressKey(key=k):
            return f"press {k}"
        case Hotkey():
            return f"press {action.combination}"
        case OpenApp(app=app):
            return f"open app {app!r}"
        case Wait(seconds=s):
            return f"wait {s:g} s"
        case Finish(status=status, answer=answer):
            return f"finish ({status})" + (f": {answer}" if answer else "")
    raise TypeError(f"not an action: {action!r}")
