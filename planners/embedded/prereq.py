"""Messages that ask the user to do something first ("Turn on Bluetooth to pair").

When such a message appears after one of the planner's own actions, the request becomes a
sub-goal done before the task goes on. The steps' memos tell what is under way: `first` on
the steps of a sub-goal, `first_done` on the step that found it done.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from perception.elements import Screen
from planners.embedded.memo import memo_of
from planners.planner import PastStep

_REQUEST = re.compile(
    r"^\s*(?:please\s+)?(turn on|switch on|enable|allow|connect to|sign in to|log in to)\s+"
    r"(.+?)(?:\s+(?:first|to|before|in order to)\b.*)?\s*[.!]?\s*$",
    re.I,
)


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
        memo = memo_of(step)
        if memo.first_done:
            break
        if memo.first:
            return memo.first
    asked = request_on(screen)
    if asked is None or not history or asked.lower() in goal.lower():
        return None
    if any(memo_of(p).first_done == asked for p in history):
        return None
    return asked


def _of_sub_goal(step: PastStep) -> bool:
    memo = memo_of(step)
    return bool(memo.first or memo.first_done)


def since_done(history: Sequence[PastStep]) -> list[PastStep]:
    """The steps after the last one of a sub-goal: the task starts afresh from there."""
    for i in range(len(history) - 1, -1, -1):
        if _of_sub_goal(history[i]):
            return list(history[i + 1 :])
    return list(history)


def resume_page(history: Sequence[PastStep]) -> str:
    """The page where the last sub-goal interrupted the task, while the task has not been
    back there since: the place to return to ("" when none)."""
    for i in range(len(history) - 1, -1, -1):
        if _of_sub_goal(history[i]):
            start = i
            while start > 0 and _of_sub_goal(history[start - 1]):
                start -= 1
            page = history[start - 1].screen_signature if start > 0 else ""
            after = history[i + 1 :]
            return "" if any(p.screen_signature == page for p in after) else page
    return ""
