"""Whose a value is ("whose number is 555 0101?", "who has the address ana@x.org?"): the
person is found by the value, and the answer is their name, never the value itself.

The goal names the value as the thing to find, so the app's own search is given the value
(`search`). What the search leaves is the entries that hold it: where it leaves exactly one
row of the list, that row is the owner, and its name is the answer. Where it leaves several,
or none, nothing is answered here (none: nobody has it; several: the rows would have to be
told apart on their own pages).
"""

from __future__ import annotations

import re

from perception.elements import UIElement
from planners.embedded.acts import finish
from planners.embedded.asked import owner_asked
from planners.embedded.asking import manner
from planners.embedded.goal import Goal, Intent
from planners.embedded.view import View
from planners.embedded.wording import without_courtesy
from planners.planner import Decision

ROW_SPAN = 0.8  # share of its list's width a row covers (a floating button covers less)


def _bare(value: str) -> str:
    """A value as it is compared: lower case, without spaces, dashes, dots or brackets."""
    return re.sub(r"[\s().-]", "", value).casefold()


def _rows(view: View) -> list[UIElement]:
    """The rows of the lists on screen: what can be tapped and spans its list's width, with
    a name of two letters or more (a section's letter is no row)."""
    lists = [e.bounds for e in view.screen.elements if e.scrollable]
    return [e for e in view.screen.elements
            if e.clickable and not e.editable and sum(c.isalpha() for c in e.label) >= 2
            and any(box.contains(e.bounds.center) and e.bounds.width >= ROW_SPAN * box.width
                    for box in lists)]


def owner_found(goal: Goal, view: View) -> Decision | None:
    """The one row a search by the value leaves, as the answer to whose the value is."""
    how = manner(goal.text)
    value = owner_asked(without_courtesy(how.clause), how.context) if (
        goal.intent is Intent.ANSWER) else None
    if value is None or not any(_bare(f.text) == _bare(value) for f in view.fields()):
        return None
    rows = _rows(view)
    if len(rows) != 1:
        return None
    name = rows[0].label
    return finish(f"Searching for {value!r} leaves one entry: {name!r}.", answer=name)
