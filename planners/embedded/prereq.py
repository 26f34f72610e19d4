"""Messages that ask the user to do something first ("Turn on Bluetooth to pair").

When such a message appears after one of the planner's own actions, the request becomes a
sub-goal done before the task goes on. Thoughts carry marks so that the history tells what
is under way: `first_mark(g)` on the steps of sub-goal g, `done_mark(g)` once it is done.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from perception.elements import Screen
from planners.planner import PastStep

_REQUEST = re.compile(
    r"^\s*(?:please\s+)?(turn on|switch on|enable|allow|connect to|sign in to|log in to)\s+"
    r"(.+?)(?:\s+(?:first|to|before|in order to)\b.*)?\s*[.!]?\s*$",
    re.I,
)


def first_mark(goal: str) -> str:
    return f"[first: {goal}]"


def done_mark(goal: str) -> str:
    return f"[done first: {goal}]"


def request_on(screen: Screen) -> str | None:
    """The sub-goal a message on the screen asks for ("Turn on Bluetooth"), if any."""
    for e in screen.elements:
        if e.actionable or e.editable or not e.text:  # toasts are system text: kept
            continue
        m = _REQUEST.match(e.text)
        if m is not None and len(m.group(2).split()) <= 4:
            return f"{m.group(1).capitalize()} {m.group(2).strip()}"
    return None


def pending(screen: Screen, goal: str, history: Sequence[PastStep]) -> str | None:
    """The sub-goal to work on now: one under way, or one a message just asked for (after a
    step of ours changed the screen), unless it was done already or is the goal itself."""
    for step in reversed(history):
        m = re.search(r"\[(done )?first: ([^\]]+)\]", step.thought)
        if m is not None:
            if not m.group(1):
                return m.group(2)
            break
    asked = request_on(screen)
    if asked is None or not history or asked.lower() in goal.lower():
        return None
    if any(done_mark(asked) in p.thought for p in history):
        return None
    return asked


def since_done(history: Sequence[PastStep]) -> list[PastStep]:
    """The steps after the last one of a sub-goal: the task starts afresh from there."""
    for i in range(len(history) - 1, -1, -1):
        if "first: " in history[i].thought:
            return list(history[i + 1 :])
    return list(history)


def resume_page(history: Sequence[PastStep]) -> str:
    """The page where the last sub-goal interrupted the task, while the task has not been
    back there since: the place to return to ("" when none)."""
    for i in range(len(history) - 1, -1, -1):
        if "first: " in history[i].thought:
            start = i
            while start > 0 and "first: " in history[start - 1].thought:
                start -= 1
            page = history[start - 1].screen_signature if start > 0 else ""
            after = history[i + 1 :]
            return "" if any(p.screen_signature == page for p in after) else page
    return ""
