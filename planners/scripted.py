"""A planner that plays a script: for tests, benchmarks and replays.

The script is a list of items, each a `Decision`, an `Action`, or an exception to raise
(a `ParseError` to play a model that answered nonsense). When the list runs out the planner
finishes with success. A callable `(goal, screen, history) -> Decision | Action | None` may
stand in for the list; returning None finishes.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from devices.actions import Action, Finish, action_from_dict
from perception.elements import Screen
from planners.errors import ParseError
from planners.planner import Decision, PastStep

Item = Decision | Action | Exception
Script = Callable[[str, Screen, Sequence[PastStep]], Decision | Action | None]


def _as_decision(item: Decision | Action) -> Decision:
    return item if isinstance(item, Decision) else Decision(action=item, thought="scripted")


class ScriptedPlanner:
    """Returns the scripted decisions in order, then `Finish`."""

    name = "scripted"

    def __init__(self, script: Sequence[Item] | Script) -> None:
        self._items: list[Item] = [] if callable(script) else list(script)
        self._call: Script | None = script if callable(script) else None
        self.seen: list[tuple[Screen, tuple[PastStep, ...]]] = []  # what each call was given

    def decide(self, goal: str, screen: Screen, history: Sequence[PastStep]) -> Decision:
        self.seen.append((screen, tuple(history)))
        if self._call is not None:
            result = self._call(goal, screen, history)
            return _as_decision(result if result is not None else Finish())
        if not self._items:
            return Decision(action=Finish(), thought="the script is over")
        item = self._items.pop(0)
        if isinstance(item, Exception):
            raise item
        return _as_decision(item)

    @classmethod
    def from_file(cls, path: str | Path) -> ScriptedPlanner:
        """A JSON list of `action_to_dict` objects; `{"parse_error": "raw text"}` plays a
        reply that could not be read."""
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        if not isinstance(data, list):
            raise ValueError("a script is a JSON list of actions")
        return cls([_item_from_json(entry) for entry in data])


def _item_from_json(entry: Any) -> Item:
    if isinstance(entry, dict) and "parse_error" in entry:
        raw = str(entry["parse_error"])
        return ParseError("the reply is not an action", raw=raw)
    if not isinstance(entry, dict):
        raise ValueError(f"not an action: {entry!r}")
    return action_from_dict(entry)
