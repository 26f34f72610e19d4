"""A time an item shows as a control of its own ("6:40 AM" on an alarm's card) is where that
time is edited: a new time for the item, with no field on its page to type it in, opens the
editor there (whose fields `forms` then fills)."""

from __future__ import annotations

import re

from planners.embedded.acts import tap
from planners.embedded.forms import assign
from planners.embedded.goal import Goal, Intent
from planners.embedded.harmless import changes_something
from planners.embedded.memo import Mark, memo_of
from planners.embedded.view import View
from planners.planner import Decision

# a control that is a clock time and nothing else: the value it shows is what it edits
_CLOCK_CONTROL = re.compile(r"\d{1,2}:\d{2}(?:\s*[AaPp]\.?[Mm]\.?)?")


def open_shown_time(goal: Goal, view: View) -> Decision | None:
    """A new time for the item just opened, where no field here takes it: the time the item
    shows, as a control of its own ("6:40 AM" on an alarm's card), opens its editor. Only
    the time the opened row showed (the item's own), never another item's."""
    slot = goal.slots[0] if len(goal.slots) == 1 else None
    if goal.intent is not Intent.EDIT or slot is None or slot.ref or slot.name != "time" or (
            assign(view, [slot])):
        return None
    opened = next((p for p in reversed(view.history) if memo_of(p).mark is Mark.OPEN_ITEM),
                  None)
    if opened is None or opened is not view.last():
        return None
    said = memo_of(opened).item.casefold()
    for s in view.content():
        label = s.element.label.strip()
        if (s.element.clickable and _CLOCK_CONTROL.fullmatch(label) and label.casefold() in said
                and view.tap_count(s.element)[0] == 0
                and not changes_something(s.element, view.screen, goal)):
            return tap(s.element, f"Tap '{label}': the time the item shows opens its editor.",
                       0.7, Mark.OPEN_ITEM)
    return None
