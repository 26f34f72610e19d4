"""The lines of a page: a label and the value beside it share a line ("Tokyo   10:41 PM"),
though neither holds the other and no row around them can be tapped. A value asked about a
thing whose label the page shows is the value on that label's line, where that line has one:
the neighbour's line above or below holds the neighbour's.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from perception.elements import Bounds
from planners.embedded.goal import Goal
from planners.embedded.scoring import words
from planners.embedded.view import Scored, View

Found = tuple[Scored, re.Match[str]]  # a text and the value matched in it


def same_line(a: Bounds, b: Bounds) -> bool:
    """The two boxes share a line: they overlap by at least half the lower one's height."""
    overlap = min(a.bottom, b.bottom) - max(a.top, b.top)
    return overlap * 2 >= min(a.height, b.height) > 0


def on_named_line(goal: Goal, found: Sequence[Found], view: View) -> list[Found]:
    """Of the values `found` (each with what matched in it), those on the line of a label
    that names what the goal names; all of them when no such line holds one."""
    names = [n for e in goal.entities if (n := words(e))]
    keys = [s.element.bounds for s in view.content()
            if s.element.label and any(n <= words(s.element.label) for n in names)]
    on = [f for f in found if any(same_line(f[0].element.bounds, k) for k in keys)]
    return on or list(found)


# what a question of room asks about: "how much space are my photos using?", "how much
# storage does the music app use"
_ROOM_TAKEN_BY = re.compile(r"\b(?:are|is|do|does)\s+(?:my\s+|the\s+|all\s+)?([a-z]+(?:\s+[a-z]+)?)"
                            r"\s+(?:taking|using|eating|hogging|take|use|eat)\b", re.I)


def of_room_taker(goal: Goal, found: Sequence[Found], view: View) -> list[Found]:
    """Of the sizes `found`, those on the line of what takes the room asked about ("Images
    6.1 GB" for "how much space are images using?"); none when no line here names it
    (the phone's total is another thing's size). All of them for any other question."""
    named = room_taker(goal)
    if not named:
        return list(found)
    keys = [s.element.bounds for s in view.content() if named & words(s.element.label)]
    return [f for f in found if named & words(f[0].element.label)
            or any(same_line(f[0].element.bounds, k) for k in keys)]


def room_taker(goal: Goal) -> set[str]:
    """The words of what takes the room a size question asks about; empty for any other."""
    taker = _ROOM_TAKEN_BY.search(goal.text) if goal.value_type == "size" else None
    return words(taker[1]) if taker else set()
