"""A task's proof of doability: a short script of what a person taps, played on any seed.

Task files carry a `script:`, a list of steps, each a mapping with one verb:

```yaml
script:
  - open: Settings                      # open an app by its label
  - tap: [Network & internet, Connections]   # the first label found (text, desc or hint)
  - tap: {text: Internet, optional: true}    # skipped when not on screen (a layout variant)
  - tap: {desc: Create contact}         # the same as `tap: Create contact`
  - tap: {rid: editor_first_name}       # by resource id (its part after ":id/")
  - type: {into: [First name, {rid: editor_first_name}], text: Maria}  # tap a field, type;
                                        #   `clear: true` replaces what it holds
  - long_press: "{note.0.title}"        # placeholders are filled before playing
  - scroll: down
  - key: back
  - wait: 1
  - finish: success                     # or infeasible / failure, with `answer: ...`
```

A label is looked for on the screen as it is; when it is missing and the step is not
optional, the biggest scrolling list is scrolled down (at most `SCROLLS` times) before the
step fails. Every match is exact after case folding and trimming. A script that cannot go
on raises `ScriptError`, so a broken script is a failed proof, never a silent skip.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from devices.actions import (
    Action,
    Direction,
    Finish,
    FinishStatus,
    Key,
    LongPress,
    OpenApp,
    PressKey,
    Scroll,
    Tap,
    TypeText,
    Wait,
)
from perception.elements import Screen, UIElement
from planners.planner import Decision, PastStep

SCROLLS = 8  # scrolls at most to find a label before a step fails
VERBS = ("open", "tap", "long_press", "type", "scroll", "key", "wait", "finish")


class ScriptError(Exception):
    """A script step that cannot be played on the screen it meets."""


@dataclass(frozen=True)
class Selector:
    """Any of some labels (text, description or hint) or resource ids (the part after
    ":id/"): a field is `[First name, {rid: editor_first_name}]` so that it is found
    whether the phone reports its hint or only its id."""

    labels: tuple[str, ...] = ()
    rids: tuple[str, ...] = ()
    optional: bool = False

    @classmethod
    def read(cls, raw: Any) -> Selector:
        if isinstance(raw, str | int | float):
            return cls((str(raw),))
        if isinstance(raw, list):
            parts = [cls.read(r) for r in raw]
            return cls(tuple(x for p in parts for x in p.labels),
                       tuple(x for p in parts for x in p.rids),
                       any(p.optional for p in parts))
        if isinstance(raw, dict):
            return cls(_strings(raw.get("text", raw.get("desc"))), _strings(raw.get("rid")),
                       bool(raw.get("optional", False)))
        raise ScriptError(f"not a selector: {raw!r}")

    def matches(self, element: UIElement) -> bool:
        if element.resource_id.rpartition(":id/")[2] in self.rids:
            return True
        names = {n.strip().casefold() for n in (element.text, element.description,
                                                  element.hint) if n}
        return any(label.strip().casefold() in names for label in self.labels)

    def find(self, screen: Screen) -> UIElement | None:
        """The match a finger reaches: on the topmost window, the first in reading order."""
        found = [e for e in screen.elements if e.source == "tree" and self.matches(e)]
        return min(found, key=lambda e: (e.window, e.bounds.top, e.bounds.left), default=None)

    def __str__(self) -> str:
        return " | ".join([*self.labels, *(f"rid={r}" for r in self.rids)])


def _strings(raw: Any) -> tuple[str, ...]:
    if raw is None:
        return ()
    return tuple(str(r) for r in raw) if isinstance(raw, list) else (str(raw),)


def _verb(step: Any) -> tuple[str, Any]:
    if not isinstance(step, dict):
        raise ScriptError(f"a step is a mapping with one of {', '.join(VERBS)}: {step!r}")
    verbs = [k for k in step if k in VERBS]
    if len(verbs) != 1:
        raise ScriptError(f"a step needs exactly one of {', '.join(VERBS)}: {step!r}")
    return verbs[0], step[verbs[0]]


def _biggest_list(screen: Screen) -> UIElement | None:
    lists = [e for e in screen.elements if e.scrollable and e.source == "tree"]
    return max(lists, key=lambda e: e.bounds.area, default=None)


class TaskScript:
    """Plays a script step by step; usable as `ScriptedPlanner(TaskScript(steps))`."""

    name = "task-script"

    def __init__(self, steps: Sequence[Any]) -> None:
        self._steps = list(steps)
        self._at = 0
        self._scrolled = 0

    def decide(self, goal: str, screen: Screen, history: Sequence[PastStep]) -> Decision:
        return Decision(action=self(goal, screen, history), thought=f"script step {self._at}")

    def __call__(self, goal: str, screen: Screen, history: Sequence[PastStep]) -> Action:
        while self._at < len(self._steps):
            action = self._play(self._steps[self._at], screen)
            if action is not None:
                return action
        return Finish(FinishStatus.SUCCESS)

    def _next(self, action: Action | None) -> Action | None:
        self._at += 1
        self._scrolled = 0
        return action

    def _play(self, step: Any, screen: Screen) -> Action | None:
        verb, arg = _verb(step)
        if verb == "open":
            return self._next(OpenApp(str(arg)))
        if verb == "scroll":
            return self._next(Scroll(Direction(str(arg))))
        if verb == "key":
            return self._next(_key(str(arg)))
        if verb == "wait":
            return self._next(Wait(float(arg)))
        if verb == "finish":
            answer = step.get("answer")
            return self._next(Finish(FinishStatus(str(arg)),
                                     None if answer is None else str(answer)))
        return self._on_element(verb, step, arg, screen)

    def _on_element(self, verb: str, step: dict, arg: Any, screen: Screen) -> Action | None:
        typing = verb == "type"
        if typing and not (isinstance(arg, dict) and "into" in arg and "text" in arg):
            raise ScriptError(f"a type step is {{into: FIELD, text: TEXT}}: {step!r}")
        selector = Selector.read(arg["into"] if typing else arg)
        element = selector.find(screen)
        if element is None:
            if selector.optional or (typing and arg.get("optional")):
                return self._next(None)
            return self._scroll_for(selector, screen)
        point = element.bounds.center
        if verb == "tap":
            return self._next(Tap(point))
        if verb == "long_press":
            return self._next(LongPress(point))
        return self._next(TypeText(str(arg["text"]), target=point,
                                   clear=bool(arg.get("clear", False))))

    def _scroll_for(self, selector: Selector, screen: Screen) -> Action:
        scroller = _biggest_list(screen)
        if scroller is None or self._scrolled >= SCROLLS:
            shown = sorted({e.label for e in screen.elements if e.label})[:40]
            raise ScriptError(f"step {self._at}: nothing labelled {selector} on the screen "
                              f"(shown: {shown})")
        self._scrolled += 1
        return Scroll(Direction.DOWN, scroller.bounds.center)


def _key(name: str) -> Action:
    return PressKey(Key(name.strip().lower()))
