"""Tasks that name the phone's data by role, so that one task file serves every seed.

A task's goal, conditions, answer and script may hold placeholders `{ROLE.PATH}` (with an
optional format spec, `{alarm.0.minute:02d}`), filled from the phone's initial state:

| role      | what it is                                       | example                      |
|-----------|--------------------------------------------------|------------------------------|
| `contact` | `contacts.contacts`, as the list shows them      | `{contact.2.first_name}`     |
| `thread`  | `messages.threads`, most recent first            | `{thread.-1.contact}`        |
| `note`    | `notes.notes`, newest first                      | `{note.0.title}`             |
| `alarm`   | `clock.alarms`, earliest first; `time` as shown  | `{alarm.0.time}` ("6:05 AM") |
| `product` | `shop.products`, as the shop lists them          | `{product.by_price.-1.name}` |
| `state`   | the whole state                                  | `{state.system.device_name}` |

A path goes through dict keys and list indices (negative ones count from the end). On a
list, `by_FIELD` sorts it by that field (ascending; `-1` is then the largest) and `count`
is its length. A string that is exactly one placeholder becomes the value itself (a number
stays a number); elsewhere the value is formatted into the text. `{{` and `}}` stand for
literal braces. A placeholder that names nothing is a `TaskError`, never an empty string.
"""

from __future__ import annotations

import re
from typing import Any

from automator.errors import TaskError

ROLES = {
    "contact": ("contacts", "contacts"),
    "thread": ("messages", "threads"),
    "note": ("notes", "notes"),
    "alarm": ("clock", "alarms"),
    "product": ("shop", "products"),
}
_PLACEHOLDER = re.compile(r"(?<!\{)\{([a-z_]+(?:\.[\w-]+)*)(?::([^{}]*))?\}(?!\})")


def clock_time(hour: int, minute: int) -> str:
    """A time as the phone's clock shows it: "6:05 AM", "12:30 PM"."""
    return f"{(hour % 12) or 12}:{minute:02d} {'AM' if hour < 12 else 'PM'}"


def _shown(role: str, item: Any) -> Any:
    """An item with what the screen shows of it but the state keeps apart: an alarm's
    `time` ("6:05 AM")."""
    if role == "alarm" and isinstance(item, dict) and {"hour", "minute"} <= item.keys():
        return {**item, "time": clock_time(item["hour"], item["minute"])}
    return item


def roles(state: dict[str, Any]) -> dict[str, Any]:
    """The names a task can use, for one phone's initial state."""
    named: dict[str, Any] = {"state": state}
    for role, (app, key) in ROLES.items():
        value = state.get(app, {}).get(key)
        if isinstance(value, list):
            named[role] = [_shown(role, item) for item in value]
    return named


def _step(value: Any, part: str, where: str) -> Any:
    if isinstance(value, dict) and part in value:
        return value[part]
    if isinstance(value, list):
        if part == "count":
            return len(value)
        if part.startswith("by_"):
            field = part[3:]
            if not all(isinstance(v, dict) and field in v for v in value):
                raise TaskError(f"{where}: not every item has a field {field!r}")
            return sorted(value, key=lambda v: v[field])
        if re.fullmatch(r"-?\d+", part):
            i = int(part)
            if -len(value) <= i < len(value):
                return value[i]
            raise TaskError(f"{where}: index {i} is outside a list of {len(value)}")
    raise TaskError(f"{where}: nothing at {part!r}")


def lookup(named: dict[str, Any], path: str) -> Any:
    role, *parts = path.split(".")
    if role not in named:
        raise TaskError(f"{{{path}}}: unknown role {role!r}; roles: {', '.join(sorted(named))}")
    value = named[role]
    for part in parts:
        value = _step(value, part, f"{{{path}}}")
    return value


def _fill_text(text: str, named: dict[str, Any]) -> Any:
    whole = _PLACEHOLDER.fullmatch(text)
    if whole and not whole.group(2):
        return lookup(named, whole.group(1))

    def one(match: re.Match[str]) -> str:
        value = lookup(named, match.group(1))
        try:
            return format(value, match.group(2) or "")
        except (TypeError, ValueError) as e:
            raise TaskError(f"{match.group(0)}: {e}") from e

    return _PLACEHOLDER.sub(one, text).replace("{{", "{").replace("}}", "}")


def fill(data: Any, state: dict[str, Any]) -> Any:
    """A copy of YAML data with every placeholder filled from `state`'s roles."""
    named = roles(state)

    def walk(value: Any) -> Any:
        if isinstance(value, str):
            return _fill_text(value, named)
        if isinstance(value, list):
            return [walk(v) for v in value]
        if isinstance(value, dict):
            return {k: walk(v) for k, v in value.items()}
        return value

    return walk(data)
