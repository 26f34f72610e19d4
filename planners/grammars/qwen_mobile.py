"""Qwen2.5-VL / Qwen3-VL agent function calls: `mobile_use` (phones), `computer_use`
(desktops).

    <tool_call>
    {"name": "mobile_use", "arguments": {"action": "click", "coordinate": [540, 1200]}}
    </tool_call>

Coordinates are in the `Frame` the caller passes: for Qwen2.5-VL, pixels of the image as
the model saw it after `smart_resize`; for Qwen3-VL, 0-1000 on both axes.

Parsing: strict first (exactly one `<tool_call>...</tool_call>` block holding one JSON
object). The one fallback: no complete block, and exactly one JSON object with `name` and
`arguments` in the text (a code fence, or a block cut before its closing tag). Two calls
are rejected. `terminate(status='success')` is `Finish(SUCCESS)`;
`terminate(status='failure')` is `Finish(FAILURE)`, giving up (the model says the task is not
done, not that it is impossible; mobile_use has no word for "infeasible"); `answer(text)` is
`Finish(SUCCESS, answer=text)`.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from typing import Any

from devices.actions import (
    Action,
    ActionKind,
    Direction,
    DoubleTap,
    Finish,
    FinishStatus,
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
    key_press,
)
from perception.elements import Screen
from planners.errors import ParseError
from planners.grammars.frames import Frame, OffScreen
from planners.grammars.jsontext import embedded_objects, strict_object
from planners.grammars.reasoning import split_reasoning
from planners.grammars.space import KIND_HINTS
from planners.planner import Decision

NAME = "qwen_mobile"
FUNCTIONS = ("mobile_use", "computer_use")
_BLOCK = re.compile(r"<tool_call>(.*?)</tool_call>", re.DOTALL)
_BUTTONS = {"back": Key.BACK, "home": Key.HOME, "enter": Key.ENTER}
# `key` takes adb's key names (mobile_use) or a one-key list (computer_use)
_KEYS = {"enter": Key.ENTER, "return": Key.ENTER, "backspace": Key.DELETE, "delete": Key.DELETE,
         "del": Key.DELETE, "back": Key.BACK, "home": Key.HOME, "app_switch": Key.RECENTS,
         "recents": Key.RECENTS, "menu": Key.MENU}
_KEY_NAMES = ("delete", "app_switch", "menu")  # the keys `system_button` does not cover
MAX_WAIT_S = 60.0


@dataclass(frozen=True)
class Spelling:
    """One `mobile_use` action: its name, the action kind it performs, an example of its
    arguments (valid JSON) and what each argument means."""

    kind: ActionKind
    action: str
    example: dict[str, Any]


# How each action kind is spelled in `mobile_use`; kinds without a spelling are not offered.
SPELLINGS: tuple[Spelling, ...] = (
    Spelling(ActionKind.TAP, "click", {"coordinate": [540, 1200]}),
    Spelling(ActionKind.LONG_PRESS, "long_press", {"coordinate": [540, 1200], "time": 1}),
    Spelling(ActionKind.SWIPE, "swipe", {"coordinate": [540, 1800], "coordinate2": [540, 600]}),
    Spelling(ActionKind.TYPE_TEXT, "type", {"text": "hello"}),
    Spelling(ActionKind.KEY, "system_button", {"button": "Back"}),
    Spelling(ActionKind.KEY, "key", {"text": "delete"}),
    Spelling(ActionKind.OPEN_APP, "open", {"text": "Settings"}),
    Spelling(ActionKind.WAIT, "wait", {"time": 2}),
    Spelling(ActionKind.FINISH, "terminate", {"status": "success"}),
    Spelling(ActionKind.FINISH, "answer", {"text": "the answer the task asks for"}),
)
_NOTES = {"key": f"text is one of {', '.join(_KEY_NAMES)} (adb key names)",
          "answer": "give the answer the task asks for; this ends the task",
          "terminate": "status success (done) or failure (you give up)",
          "system_button": "button Back, Home or Enter"}


def render_action_space() -> str:
    """The `mobile_use` actions, one line each, generated per action kind; every example
    is valid JSON (coordinates shown for a 1080x2400 frame)."""
    lines = []
    for s in SPELLINGS:
        example = json.dumps({"action": s.action} | s.example)
        note = f"; {_NOTES[s.action]}" if s.action in _NOTES else ""
        lines.append(f"- {example}  — {KIND_HINTS[s.kind]}{note}")
    return "\n".join(lines)


def tool_schema(width: int, height: int, function: str = "mobile_use",
                device: str = "phone") -> dict[str, Any]:
    """The function's signature as the Qwen agents pass it in `<tools>`: an OpenAI-style
    function whose description holds the screen's resolution in the model's own frame
    (`width` x `height`) and whose `action` enum lists the offered actions."""
    actions = "\n".join(f"* `{s.action}`: {KIND_HINTS[s.kind]}"
                        + (f" ({_NOTES[s.action]})" if s.action in _NOTES else "")
                        for s in SPELLINGS)
    description = (f"Operate a {device}'s touchscreen and buttons; after each action you see "
                   f"a new screenshot.\n* The screen's resolution is {width}x{height}: "
                   f"coordinates are [x, y] in that frame, origin top-left.\n"
                   f"* Tap the centre of an element, never its edge.\n"
                   f"* Actions:\n{actions}")
    point = {"type": "array", "items": {"type": "number"}, "minItems": 2, "maxItems": 2}
    properties: dict[str, Any] = {
        "action": {"type": "string", "enum": list(dict.fromkeys(s.action for s in SPELLINGS)),
                   "description": "the action to perform"},
        "coordinate": point | {"description": "(x, y): the point touched; for click, "
                                              "long_press and the start of swipe"},
        "coordinate2": point | {"description": "(x, y): where a swipe ends"},
        "text": {"type": "string", "description": "for type, open, answer and key"},
        "time": {"type": "number", "description": "seconds, for long_press and wait"},
        "button": {"type": "string", "enum": [b.capitalize() for b in _BUTTONS],
                   "description": "for system_button"},
        "status": {"type": "string", "enum": ["success", "failure"],
                   "description": "for terminate"},
    }
    return {"type": "function", "function": {
        "name": function, "description": description,
        "parameters": {"type": "object", "properties": properties, "required": ["action"]}}}


def _call_object(reply: str) -> dict[str, Any]:
    blocks = _BLOCK.findall(reply)
    if len(blocks) > 1:
        raise ParseError(f"{len(blocks)} tool calls in one reply; give exactly one")
    if blocks:
        obj = strict_object(blocks[0])
        if obj is None:
            raise ParseError("the <tool_call> block is not one JSON object")
        return obj
    found = [o for o in embedded_objects(reply) if "name" in o and "arguments" in o]
    if len(found) != 1:
        raise ParseError("no <tool_call> in the reply" if not found else
                         f"{len(found)} tool calls in one reply; give exactly one")
    return found[0]


def _number(value: Any) -> float | None:
    """A coordinate as a finite float; None for anything else (a 400-digit integer too)."""
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        return None
    try:
        number = float(value)
    except (OverflowError, ValueError):
        return None
    return number if math.isfinite(number) else None


def _point(args: dict[str, Any], key: str, frame: Frame) -> Point:
    raw = args.get(key)
    parts = re.findall(r"-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?", raw) if isinstance(raw, str) else raw
    if not isinstance(parts, list) or (raw is parts and any(isinstance(v, str) for v in parts)):
        raise ParseError(f"`{key}` must be [x, y] numbers, got {raw!r}")
    numbers = [_number(v) for v in parts]
    if len(numbers) != 2 or None in numbers:
        raise ParseError(f"`{key}` must be [x, y], got {raw!r}")
    try:
        return frame.to_device(numbers[0], numbers[1])
    except OffScreen as e:
        raise ParseError(f"`{key}` is off the screen: {e} ({frame.describe()})") from None


def _seconds(args: dict[str, Any], default: float) -> float:
    value = args.get("time", default)
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise ParseError(f"`time` must be a number of seconds, got {value!r}")
    if not 0 < value <= MAX_WAIT_S:
        raise ParseError(f"`time`={value} is outside (0, {MAX_WAIT_S:g}]")
    return float(value)


def _text(args: dict[str, Any], what: str) -> str:
    value = args.get("text")
    if not isinstance(value, str) or not value.strip():
        raise ParseError(f"{what} needs `text`")
    return value


def _terminate(args: dict[str, Any]) -> Action:
    status = str(args.get("status", "")).lower()
    if status not in ("success", "failure"):
        raise ParseError("terminate needs status 'success' or 'failure'")
    return Finish(FinishStatus.SUCCESS if status == "success" else FinishStatus.FAILURE)


def _button(args: dict[str, Any]) -> Action:
    name = str(args.get("button", "")).strip().lower()
    if name not in _BUTTONS:
        raise ParseError(f"system_button {name!r} is not available; use Back, Home or Enter")
    return PressKey(_BUTTONS[name])


def _key(args: dict[str, Any]) -> Action:
    """`key` with adb's key names (`{"text": "KEYCODE_DEL"}`) or a list of keys pressed
    together (`{"keys": ["ctrl", "a"]}`)."""
    keys = args.get("keys", args.get("text"))
    keys = [keys] if isinstance(keys, str) else keys
    if not isinstance(keys, list) or not keys:
        raise ParseError("key needs `text` (one key) or `keys` (a list)")
    words = [str(k).strip().lower().removeprefix("keycode_") for k in keys]
    try:
        return key_press([_KEYS[w].value if w in _KEYS else w for w in words])
    except ValueError as e:
        raise ParseError(f"unsupported key combination {keys!r}: {e}") from None


def _scroll(args: dict[str, Any], frame: Frame) -> Action:
    pixels = args.get("pixels")
    if isinstance(pixels, bool) or not isinstance(pixels, int | float) or pixels == 0:
        raise ParseError("scroll needs non-zero `pixels` (positive: up, negative: down)")
    target = _point(args, "coordinate", frame) if "coordinate" in args else None
    return Scroll(Direction.UP if pixels > 0 else Direction.DOWN, target)


def _action(args: dict[str, Any], frame: Frame) -> Action:
    name = args.get("action")
    if not isinstance(name, str):
        raise ParseError(f"`action` must be the action's name, got {name!r}")
    pointed = {"click": Tap, "left_click": Tap, "double_click": DoubleTap}
    if name in pointed:
        return pointed[name](_point(args, "coordinate", frame))
    if name == "long_press":
        seconds = _seconds(args, 0.8)
        return LongPress(_point(args, "coordinate", frame), duration_ms=int(seconds * 1000))
    if name == "swipe":
        return Swipe(_point(args, "coordinate", frame), _point(args, "coordinate2", frame))
    handlers = {
        "type": lambda: TypeText(_text(args, "type")),
        "open": lambda: OpenApp(_text(args, "open").strip()),
        "answer": lambda: Finish(FinishStatus.SUCCESS, _text(args, "answer")),
        "wait": lambda: Wait(_seconds(args, 1.0)),
        "terminate": lambda: _terminate(args),
        "system_button": lambda: _button(args),
        "key": lambda: _key(args),
        "scroll": lambda: _scroll(args, frame),
    }
    if name not in handlers:
        raise ParseError(f"unknown or unsupported action {name!r}")
    return handlers[name]()


def parse(reply: str, screen: Screen, frame: Frame) -> Decision:
    """The decision in a Qwen function-call reply, coordinates read in `frame`."""
    try:
        reasoning, answer = split_reasoning(reply)
        obj = _call_object(answer)
        if obj.get("name") not in FUNCTIONS or not isinstance(obj.get("arguments"), dict):
            raise ParseError(f"call must be one of {FUNCTIONS} with an `arguments` object")
        action = _action(obj["arguments"], frame)
        thought = re.sub(r"^\s*Thought\s*:\s*", "", answer.split("<tool_call>")[0]).strip()
        if thought.startswith("{"):
            thought = ""
        return Decision(action=action, thought=thought or reasoning, raw=reply)
    except ParseError as e:
        raise ParseError(str(e), reply) from None
