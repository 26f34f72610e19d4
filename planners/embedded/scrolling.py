"""A request to move what the screen shows: "scroll down", "keep reading", "go further down
the page", "scroll back to the top".

It is a scroll that way (down when no way is said), done once the view has moved, or, to an
end ("to the bottom"), once it moves no more. A scroll towards something named ("scroll down
to Battery") is a search for it, left to the planner's finding: no way alone is asked there.
"""

from __future__ import annotations

import re

from devices.actions import Direction, Finish, FinishStatus, Scroll
from planners.embedded.acts import finish
from planners.embedded.goal import Goal
from planners.embedded.view import View
from planners.embedded.wording import without_courtesy
from planners.planner import Decision, Verdict

# the verbs that move the view, and "further" after one that only goes somewhere
_MOVES = re.compile(r"^(?:(?:scroll|page)(?:\s+(?:back|on))?|(?:keep|continue|carry\s+on)\s+"
                    r"(?:scrolling|reading|going)|read\s+on|(?:go|move)\s+(?=further\b))"
                    r"(?P<rest>.*)$", re.I)
_WAY = re.compile(r"\b(down|up|left|right)(?:wards)?\b", re.I)
_END = re.compile(r"\bto\s+the\s+(?:very\s+)?(top|bottom|end|start|beginning)\b", re.I)
_ELSEWHERE = re.compile(r"\b(?:to|until|till)\s+(?!the\s+(?:very\s+)?(?:top|bottom|end|start|"
                        r"beginning)\b)", re.I)  # "to Battery": a thing looked for
_TOWARDS_END = {"top": Direction.UP, "start": Direction.UP, "beginning": Direction.UP,
                "bottom": Direction.DOWN, "end": Direction.DOWN}


def asked_move(goal: Goal) -> tuple[Direction, bool] | None:
    """(the way to scroll, whether to its end), when the request only moves the view."""
    m = _MOVES.match(without_courtesy(goal.text).strip(" .!"))
    if m is None or _ELSEWHERE.search(m.group("rest")):
        return None
    end = _END.search(m.group("rest"))
    if end is not None:
        return _TOWARDS_END[end.group(1).lower()], True
    way = _WAY.search(m.group("rest"))
    return (Direction(way.group(1).lower()) if way else Direction.DOWN), False


def move_view(goal: Goal, view: View) -> Decision | None:
    """Scroll as asked; finish when the screen shows that it moved (or reached the end)."""
    asked = asked_move(goal)
    if asked is None:
        return None
    way, to_end = asked
    last = view.last()
    if last is not None and last.action == Scroll(way):
        if last.verdict is Verdict.NO_CHANGE and to_end:
            return finish(f"The view is at its end: it moves no further {way}.")
        if last.verdict is Verdict.NO_CHANGE:
            why = f"Nothing more to show: the view does not move {way}."
            return Decision(Finish(FinishStatus.FAILURE, why), thought=why)
        if last.verdict is Verdict.CHANGED and not to_end:
            return finish(f"The view moved {way}.")
    return Decision(Scroll(way), thought=f"Scroll {way}, as asked.", confidence=0.8)
