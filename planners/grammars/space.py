"""Introspection of the action types, so that every prompt's action list is generated from
`devices.actions` rather than pasted: field names, their kinds and the enum choices."""

from __future__ import annotations

from dataclasses import MISSING, dataclass, fields

from devices.actions import ACTION_TYPES, ActionKind, Direction, FinishStatus, Key

# What each kind does, in one line; the fields come from the dataclasses themselves.
KIND_HINTS: dict[ActionKind, str] = {
    ActionKind.TAP: "tap an element",
    ActionKind.LONG_PRESS: "press and hold an element",
    ActionKind.DOUBLE_TAP: "tap an element twice quickly",
    ActionKind.SWIPE: "drag a finger from one point to another",
    ActionKind.SCROLL: "scroll so that content in `direction` comes into view",
    ActionKind.TYPE_TEXT: "type text into a field (the focused one when no target)",
    ActionKind.KEY: "press a key",
    ActionKind.HOTKEY: "press keys together, modifiers first (ctrl+a: select all); "
    "desktops and browser pages",
    ActionKind.OPEN_APP: "open an app by the name the launcher shows",
    ActionKind.WAIT: "wait for the screen to settle",
    ActionKind.FINISH: "end the task: success (done; with the answer when the goal asks a "
    "question), infeasible (it cannot be done; say why) or failure (you give up)",
}

ENUM_CHOICES: dict[str, tuple[str, ...]] = {
    "key": tuple(k.value for k in Key),
    "direction": tuple(d.value for d in Direction),
    "status": tuple(s.value for s in FinishStatus),
}


@dataclass(frozen=True)
class FieldInfo:
    name: str
    annotation: str  # as written in devices.actions, e.g. "Target | None"
    required: bool
    default: object = None


def action_fields(kind: ActionKind) -> tuple[FieldInfo, ...]:
    """The fields of one action kind, in declaration order."""
    out = []
    for f in fields(ACTION_TYPES[kind]):
        required = f.default is MISSING and f.default_factory is MISSING
        default = None if f.default is MISSING else f.default
        out.append(FieldInfo(f.name, str(f.type), required, default))
    return tuple(out)


def all_kinds() -> tuple[ActionKind, ...]:
    return tuple(ACTION_TYPES)
