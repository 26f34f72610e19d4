"""Set-of-mark JSON: the model names elements by the numbers drawn on the screenshot.

Reply schema (one action per reply):

    {"thought": "<why>", "action": {"kind": "tap", "target": 12}}

`kind` is an `ActionKind` value; the other keys are the fields of that action type, with
targets given as element ids of the current screen. Swipes are not offered (this grammar
has no coordinates; `scroll` covers moving content).

Parsing: strict first (the whole reply is that JSON object). The one fallback: exactly one
JSON object found in the text around it (code fences, leading or trailing prose). Two
objects carrying actions, or an `action` list of more than one, are rejected. Element ids
must exist on the screen. A short alias table (`click` -> `tap`, ...) maps common kind
spellings. Everything else raises `ParseError` with the raw reply.
"""

from __future__ import annotations

import math
from typing import Any

from devices.actions import (
    ACTION_TYPES,
    Action,
    ActionKind,
    Direction,
    ElementRef,
    FinishStatus,
    Key,
    key_press,
)
from perception.elements import Screen
from planners.errors import ParseError
from planners.grammars.frames import Frame
from planners.grammars.jsontext import embedded_objects, strict_object, unfenced
from planners.grammars.reasoning import split_reasoning
from planners.grammars.space import ENUM_CHOICES, KIND_HINTS, FieldInfo, action_fields, all_kinds
from planners.planner import Decision

NAME = "som_json"
UNSUPPORTED = frozenset({ActionKind.SWIPE})  # needs points; this grammar speaks element ids
KIND_ALIASES = {
    "click": ActionKind.TAP,
    "long_click": ActionKind.LONG_PRESS,
    "double_click": ActionKind.DOUBLE_TAP,
    "type": ActionKind.TYPE_TEXT,
    "input_text": ActionKind.TYPE_TEXT,
    "press_key": ActionKind.KEY,
    "navigate_back": ActionKind.KEY,
}
# the model's own words for the three ends; "infeasible" only when it says so
STATUS_ALIASES = {"complete": "success", "completed": "success", "done": "success",
                  "failed": "failure", "fail": "failure", "give_up": "failure",
                  "impossible": "infeasible"}
MAX_WAIT_S = 60.0
_KIND_KEYS = ("kind", "action_type", "type")


def _placeholder(info: FieldInfo) -> str:
    if info.name in ENUM_CHOICES:
        return "|".join(f'"{c}"' for c in ENUM_CHOICES[info.name])
    if info.annotation.startswith("Target"):
        return "<element id>"
    return {"str": '"<text>"', "str | None": '"<text>"', "bool": "true|false",
            "int": "<integer>", "float": "<number>"}.get(info.annotation, "<value>")


def _field_text(info: FieldInfo) -> str:
    text = f'"{info.name}": {_placeholder(info)}'
    if info.required:
        return text
    default = "none" if info.default is None else str(info.default).lower()
    return f"{text} (optional, default {default})"


def render_action_space() -> str:
    """One line per action kind, generated from the action dataclasses."""
    lines = []
    for kind in all_kinds():
        if kind in UNSUPPORTED:
            continue
        parts = [f'"kind": "{kind}"', *(_field_text(f) for f in action_fields(kind))]
        if kind is ActionKind.HOTKEY:  # keys as people write them: ["ctrl", "a"]
            parts = [f'"kind": "{kind}"', '"keys": ["ctrl", "a"]']
        lines.append(f"- {{{', '.join(parts)}}}  — {KIND_HINTS[kind]}")
    return "\n".join(lines)


def _reject(message: str) -> ParseError:
    return ParseError(message)


def _candidates(reply: str) -> dict[str, Any]:
    strict = strict_object(reply)
    if strict is not None:
        return strict
    found = [o for o in embedded_objects(unfenced(reply)) if "action" in o or "kind" in o]
    if not found:
        raise _reject("no JSON action object in the reply")
    if len(found) > 1:
        raise _reject(f"{len(found)} actions in one reply; give exactly one")
    return found[0]


def _action_object(obj: dict[str, Any]) -> tuple[dict[str, Any], str]:
    thought = obj.get("thought", "")
    thought = thought if isinstance(thought, str) else ""
    action = obj.get("action", obj)
    if isinstance(action, list):
        if len(action) != 1:
            raise _reject(f"{len(action)} actions in one reply; give exactly one")
        action = action[0]
    if isinstance(action, str):  # flat form: {"action": "tap", "target": 3}
        action = {**obj, "kind": action}
    if not isinstance(action, dict):
        raise _reject("`action` must be an object")
    return action, thought


def _kind(action: dict[str, Any]) -> tuple[ActionKind, str]:
    name = next((action[k] for k in _KIND_KEYS if k in action), None)
    if not isinstance(name, str):
        raise _reject("the action has no `kind`")
    name = name.strip().lower().replace("-", "_").replace(" ", "_")
    kind = KIND_ALIASES.get(name) or (ActionKind(name) if name in set(ActionKind) else None)
    if kind is None or kind in UNSUPPORTED:
        offered = ", ".join(k for k in all_kinds() if k not in UNSUPPORTED)
        raise _reject(f"unknown action kind {name!r}; use one of: {offered}")
    return kind, name


def _element(value: Any, screen: Screen) -> ElementRef:
    if isinstance(value, dict) and set(value) == {"id"}:
        value = value["id"]
    if isinstance(value, str) and value.strip().lstrip("#").isdigit():
        value = int(value.strip().lstrip("#"))
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int):
        raise _reject(f"target must be an element id, got {value!r}")
    try:
        screen.element(value)
    except KeyError:
        raise _reject(f"element {value} is not on the screen") from None
    return ElementRef(value)


def _number(name: str, value: Any, low: float, high: float) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise _reject(f"{name} must be a number, got {value!r}")
    if not math.isfinite(value) or not low < value <= high:
        raise _reject(f"{name}={value} is outside ({low:g}, {high:g}]")
    return float(value)


def _enum_value(name: str, value: Any) -> Any:
    text = str(value).strip().lower()
    if name == "status":
        return FinishStatus(STATUS_ALIASES.get(text, text))
    return {"key": Key, "direction": Direction}[name](text)


def _value(info: FieldInfo, value: Any, screen: Screen) -> Any:
    if info.name == "target":
        return _element(value, screen)
    if info.name in ENUM_CHOICES:
        try:
            return _enum_value(info.name, value)
        except ValueError:
            raise _reject(f"{info.name} must be one of {ENUM_CHOICES[info.name]}") from None
    if info.annotation == "bool":
        if not isinstance(value, bool):
            raise _reject(f"{info.name} must be true or false")
        return value
    if info.annotation == "int":
        return int(_number(info.name, value, 0, 60_000))
    if info.annotation == "float":
        return _number(info.name, value, 0, MAX_WAIT_S)
    if value is not None and not isinstance(value, str):
        raise _reject(f"{info.name} must be a string")
    return value


def _hotkey(action: dict[str, Any]) -> Action:
    keys = action.get("keys")
    if not isinstance(keys, list) or not all(isinstance(k, str) for k in keys):
        raise _reject('hotkey needs `keys`, a list such as ["ctrl", "a"]')
    try:
        return key_press(keys)
    except ValueError as e:
        raise _reject(f"hotkey: {e}") from None


def _build(kind: ActionKind, action: dict[str, Any], screen: Screen) -> Action:
    if kind is ActionKind.HOTKEY:
        return _hotkey(action)
    kwargs: dict[str, Any] = {}
    for info in action_fields(kind):
        if info.name in action and not (action[info.name] is None and not info.required):
            kwargs[info.name] = _value(info, action[info.name], screen)
        elif info.required:
            raise _reject(f"{kind} needs `{info.name}`")
    built = ACTION_TYPES[kind](**kwargs)
    if kind is ActionKind.TYPE_TEXT and not kwargs["text"] and not kwargs.get("clear"):
        raise _reject("type_text needs non-empty text")
    if kind is ActionKind.OPEN_APP and not kwargs["app"].strip():
        raise _reject("open_app needs an app name")
    return built


def parse(reply: str, screen: Screen, frame: Frame | None = None) -> Decision:
    """The decision in a set-of-mark JSON reply; `frame` is unused (ids, not coordinates)."""
    try:
        reasoning, answer = split_reasoning(reply)
        action, thought = _action_object(_candidates(answer))
        kind, spelled = _kind(action)
        if spelled == "navigate_back":
            action = {**action, "key": "back"}
        return Decision(action=_build(kind, action, screen),
                        thought=thought.strip() or reasoning, raw=reply)
    except ParseError as e:
        raise ParseError(str(e), reply) from None
