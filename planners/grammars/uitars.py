"""UI-TARS replies: `Thought: ...\\nAction: click(start_box='(x,y)')`.

Frames: UI-TARS (v1, a Qwen2-VL) speaks 0-1000 normalized coordinates; UI-TARS-1.5 (a
Qwen2.5-VL) speaks pixels of the image as it saw it after `smart_resize`. The caller passes
the matching `Frame`. Boxes may be written `(x,y)`, `<|box_start|>(x,y)<|box_end|>`,
`<point>x y</point>`, `<bbox>x1 y1 x2 y2</bbox>` or `(x1,y1,x2,y2)`; a box means its center.

Parsing: strict first (an `Action:` line after an optional `Thought:`/`Reflection:` part).
The one fallback: no `Action:` marker, and the last non-empty line is a call. Exactly one
call is accepted. `finished(content=...)` is `Finish(SUCCESS, answer=content)`.
`call_user()` is `Finish(FAILURE)`, giving up: UI-TARS's own prompt uses it "when the task
is unsolvable, or when you need the user's help", so it says the task is not done, never
which of the two; an unattended agent stops and says why (the thought, or the call's
content, is kept as the reason). UI-TARS has no word of its own for "infeasible".
"""

from __future__ import annotations

import re
from collections.abc import Callable

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
from planners.grammars.callsyntax import Call, CallSyntaxError, read_calls
from planners.grammars.frames import Frame, OffScreen
from planners.grammars.reasoning import split_reasoning
from planners.grammars.space import ENUM_CHOICES, KIND_HINTS, all_kinds
from planners.planner import Decision

NAME = "uitars"
WAIT_S = 5.0  # what UI-TARS's wait() means
_BOX = "'<|box_start|>(x1,y1)<|box_end|>'"
_END_BOX = "'<|box_start|>(x3,y3)<|box_end|>'"
_PRESS_KEYS = (Key.HOME, Key.BACK)  # spelled press_home(), press_back()
_MARKERS = re.compile(r"<\|box_start\|>|<\|box_end\|>|</?point>|</?bbox>")
_NUMBER = re.compile(r"-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?")
# UI-TARS types text with its quotes unescaped (`type(content='I'm late')`); its own parser
# takes everything between `content='` and the closing `')` as the text, and so does this.
_CONTENT_CALL = re.compile(r"\s*(type|finished|call_user)\(content='(.*)'\)\s*", re.DOTALL)
_ACTION = re.compile(r"^\s*Action\s*:\s*", re.MULTILINE)
_THOUGHT = re.compile(r"^\s*(?:Thought|Reflection|Action_Summary)\s*:\s*", re.MULTILINE)


def _key_calls() -> list[str]:
    calls = [f"press_{k}()" for k in _PRESS_KEYS]
    others = [k.value for k in Key if k not in _PRESS_KEYS]
    return [*calls, f"hotkey(key='{'|'.join(others)}')"]


def _calls(kind: ActionKind) -> list[str]:
    directions = "|".join(ENUM_CHOICES["direction"])
    return {
        ActionKind.TAP: [f"click(start_box={_BOX})"],
        ActionKind.LONG_PRESS: [f"long_press(start_box={_BOX})"],
        ActionKind.DOUBLE_TAP: [f"left_double(start_box={_BOX})"],
        ActionKind.SWIPE: [f"drag(start_box={_BOX}, end_box={_END_BOX})"],
        ActionKind.SCROLL: [f"scroll(start_box={_BOX}, direction='{directions}')"],
        ActionKind.TYPE_TEXT: ["type(content='')  # end content with \\n to submit"],
        ActionKind.KEY: _key_calls(),
        ActionKind.HOTKEY: ["hotkey(key='ctrl a')  # keys pressed together, space-separated"],
        ActionKind.OPEN_APP: ["open_app(app_name='')"],
        ActionKind.WAIT: [f"wait()  # {WAIT_S:g} s"],
        ActionKind.FINISH: ["finished(content='')  # content: the answer, if the task asks one",
                            "call_user()  # stop and ask a person: you cannot go on"],
    }[kind]


# UI-TARS (v1) on phones: `scroll` drags from start_box to end_box, there is no direction
# scroll, no double tap and no hotkey; the rest is spelled as UI-TARS-1.5 spells it.
def _calls_v1(kind: ActionKind) -> list[str]:
    return {
        ActionKind.TAP: [f"click(start_box={_BOX})"],
        ActionKind.LONG_PRESS: [f"long_press(start_box={_BOX})"],
        ActionKind.SWIPE: [f"scroll(start_box={_BOX}, end_box={_END_BOX})  # the finger moves "
                           "from start_box to end_box"],
        ActionKind.TYPE_TEXT: ["type(content='')  # end content with \\n to submit"],
        ActionKind.KEY: [f"press_{k}()" for k in _PRESS_KEYS],
        ActionKind.OPEN_APP: ["open_app(app_name='')"],
        ActionKind.WAIT: [f"wait()  # {WAIT_S:g} s"],
        ActionKind.FINISH: ["finished(content='')  # content: the answer, if the task asks one",
                            "call_user()  # stop and ask a person: you cannot go on"],
    }.get(kind, [])


def render_action_space_v1() -> str:
    """The UI-TARS (v1) phone action list, generated per action kind it can express."""
    return _render(_calls_v1)


def render_action_space() -> str:
    """The UI-TARS action list, one call per line, generated per action kind."""
    return _render(_calls)


def _render(spell: Callable[[ActionKind], list[str]]) -> str:
    lines = []
    for kind in all_kinds():
        calls = spell(kind)
        if not calls:
            continue
        lines.append(f"{calls[0]}  # {KIND_HINTS[kind]}" if "#" not in calls[0] else calls[0])
        lines.extend(calls[1:])
    return "\n".join(lines)


def _split(reply: str) -> tuple[str, str]:
    """(thought, action text): strict `Action:` marker first, then the last-line fallback."""
    marks = list(_ACTION.finditer(reply))
    if marks:
        head, action = reply[: marks[-1].start()], reply[marks[-1].end():]
        if len(marks) > 1:
            raise ParseError("two `Action:` sections in one reply; give exactly one")
    else:
        lines = [line for line in reply.strip().splitlines() if line.strip()]
        if not lines or not re.match(r"^\s*[a-z_]+\(", lines[-1]):
            raise ParseError("no `Action:` line in the reply")
        head, action = "\n".join(lines[:-1]), lines[-1]
    thought = _THOUGHT.sub("", head).strip()
    return thought, action.strip()


def _point(value: str | None, frame: Frame, name: str) -> Point:
    if value is None:
        raise ParseError(f"missing {name}")
    numbers = [float(n) for n in _NUMBER.findall(_MARKERS.sub(" ", value))]
    if len(numbers) == 4:
        numbers = [(numbers[0] + numbers[2]) / 2, (numbers[1] + numbers[3]) / 2]
    if len(numbers) != 2:
        raise ParseError(f"{name} must be a point (x,y) or a box, got {value!r}")
    try:
        return frame.to_device(numbers[0], numbers[1])
    except OffScreen as e:
        raise ParseError(f"{name} is off the screen: {e} ({frame.describe()})") from None


def _box(call: Call, frame: Frame) -> Point:
    value = call.args.get("start_box", call.args.get("point", call.args.get("start_point")))
    return _point(value, frame, "start_box")


def _type(call: Call) -> Action:
    content = call.args.get("content", call.args.get("text"))
    if not content:
        raise ParseError("type() needs content")
    submit = content.endswith("\n")
    text = content.rstrip("\n") if submit else content
    return TypeText(text=text, submit=submit)


def _scroll(call: Call, frame: Frame) -> Action:
    if "end_box" in call.args and "direction" not in call.args:  # UI-TARS v1: a drag
        return _drag(call, frame)
    direction = call.args.get("direction", "").strip().lower()
    if direction not in ENUM_CHOICES["direction"]:
        raise ParseError(f"scroll direction must be one of {ENUM_CHOICES['direction']}")
    has_box = any(k in call.args for k in ("start_box", "point", "start_point"))
    return Scroll(Direction(direction), _box(call, frame) if has_box else None)


def _drag(call: Call, frame: Frame) -> Action:
    end = call.args.get("end_box", call.args.get("end_point"))
    return Swipe(_box(call, frame), _point(end, frame, "end_box"))


def _hotkey(call: Call) -> Action:
    """`hotkey(key='enter')` is one key, `hotkey(key='ctrl c')` a combination (UI-TARS
    separates the keys with spaces; `+` is read too)."""
    words = re.split(r"[\s+]+", call.args.get("key", "").strip())
    try:
        return key_press(words)
    except ValueError as e:
        raise ParseError(f"hotkey: {e}") from None


def _open_app(call: Call) -> Action:
    app = call.args.get("app_name", call.args.get("app", "")).strip()
    if not app:
        raise ParseError("open_app() needs app_name")
    return OpenApp(app)


def _finish(call: Call, thought: str) -> Action:
    content = call.args.get("content", "").strip() or None
    if call.name == "call_user":
        return Finish(FinishStatus.FAILURE, content or thought or None)
    return Finish(FinishStatus.SUCCESS, content)


def _action(call: Call, frame: Frame, thought: str) -> Action:
    name = call.name
    if name in ("click", "left_single", "tap"):
        return Tap(_box(call, frame))
    if name in ("left_double", "double_click"):
        return DoubleTap(_box(call, frame))
    if name == "long_press":
        return LongPress(_box(call, frame))
    if name in ("drag", "swipe", "select"):
        return _drag(call, frame)
    simple = {"type": _type, "hotkey": _hotkey, "open_app": _open_app}
    if name in simple:
        return simple[name](call)
    if name == "scroll":
        return _scroll(call, frame)
    if name in ("press_home", "press_back", "press_enter"):
        return PressKey(Key(name.removeprefix("press_")))
    if name == "wait":
        return Wait(WAIT_S)
    if name in ("finished", "call_user"):
        return _finish(call, thought)
    raise ParseError(f"unknown action {name}(); see the action space")


def _content_call(text: str, error: CallSyntaxError) -> list[Call]:
    """The one fallback: a text-carrying call whose text holds unescaped quotes."""
    found = _CONTENT_CALL.fullmatch(text)
    if found is None:
        raise ParseError(f"unreadable action: {error}") from None
    content = found.group(2).replace("\\n", "\n").replace("\\'", "'")
    return [Call(found.group(1), {"content": content})]


def parse(reply: str, screen: Screen, frame: Frame) -> Decision:
    """The decision in a UI-TARS reply, its coordinates read in `frame`."""
    try:
        reasoning, answer = split_reasoning(reply)
        thought, text = _split(answer)
        thought = thought or reasoning
        try:
            calls = read_calls(text)
        except CallSyntaxError as e:
            calls = _content_call(text, e)
        if len(calls) != 1:
            raise ParseError(f"{len(calls)} actions in one reply; give exactly one")
        return Decision(action=_action(calls[0], frame, thought), thought=thought, raw=reply)
    except ParseError as e:
        raise ParseError(str(e), reply) from None
