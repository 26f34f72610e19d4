"""A field inside a row of a list belongs to that row's item.

A list may show one of its items unfolded, with fields of its own (an alarm's label, a
task's note) beside the other rows. Such a field is no form of the request's: what it holds
is that item's, and typing there overwrites it. So a field in a row that shows none of the
request's values or names (the time of the alarm just made, the title of the note asked
about) is another item's, and the request's values never go into it; the request's own row
is opened instead. A field outside every row (a form's, a dialog's) is not touched by this.
"""

from __future__ import annotations

from perception.elements import UIElement
from planners.embedded.goal import Goal, Intent
from planners.embedded.scoring import words
from planners.embedded.spoken_times import canonical_time
from planners.embedded.view import View
from planners.embedded.wording import TIME

ROW_HEIGHT_AT_MOST = 0.6  # share of the screen's height: a taller box is a page, no row


def shows_value(text: str, value: str) -> bool:
    """The text shows the value: all its words, and the same time where it is one ("8 AM"
    is not the row of 8:30 AM)."""
    time = canonical_time(value)
    if time is not None:
        return time in {canonical_time(m.group(0)) for m in TIME.finditer(text)}
    return bool(words(value)) and words(value) <= words(text)


def row_around(view: View, field: UIElement) -> UIElement | None:
    """The list row the field sits in: the smallest labelled, tappable box around it that
    is no page, inside a scrolling list, with another box of its width beside it (a list
    has several rows) and texts of its own beside the field (an item's, not a wrapper's)."""
    lists = [e.bounds for e in view.screen.elements if e.scrollable]
    boxes = [e for e in view.screen.elements if e.clickable and not e.editable
             and not e.scrollable and e.label and e.bounds.area > field.bounds.area
             and e.bounds.height < view.screen.height * ROW_HEIGHT_AT_MOST
             and any(b.contains(e.bounds.center) for b in lists)]
    around = [e for e in boxes if e.bounds.contains(field.bounds.center)]
    row = min(around, key=lambda e: e.bounds.area, default=None)
    if row is None or not any(e is not row and e.bounds.width == row.bounds.width
                              and not e.bounds.contains(field.bounds.center) for e in boxes):
        return None
    texts = [e for e in view.screen.elements if e.text and not e.editable and e is not row
             and row.bounds.contains(e.bounds.center) and e.text != field.hint]
    return row if texts else None


def _shown_in(view: View, row: UIElement) -> str:
    inside = [e for e in view.screen.elements if row.bounds.contains(e.bounds.center)
              and not e.editable]
    return " ".join(e.label for e in (row, *inside) if e.label)


def anothers(goal: Goal, view: View, field: UIElement) -> bool:
    """The field is in the row of an item other than the one the request makes (an edit
    finds its item by its own rules: `forms.editing`)."""
    row = row_around(view, field) if goal.intent is Intent.CREATE else None
    if row is None:
        return False
    said = [s.value for s in goal.slots] + list(goal.entities)
    text = _shown_in(view, row)
    return not any(shows_value(text, v) for v in said)


def own_fields(goal: Goal, view: View) -> list[UIElement]:
    """The fields on screen that are not another item's."""
    return [f for f in view.fields() if not anothers(goal, view, f)]
