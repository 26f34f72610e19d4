"""Setting the days an item repeats on, with the row of day toggles its form shows (`days`
reads what the request wants).

- The toggles are the item's when the card or page around them is the goal's item: it
  shows the item's name or time, or (for a request that names it only in lower-case words)
  it shares more of the request's words than any other item's row does. The words that say
  the days ("on all seven days", "rather than only Mondays") tell the new schedule, not which item:
  they are left out of that count, or a row whose summary reads "Every day" would seem as
  much the item as the one named. Toggles of another item are never tapped.
- The toggles whose state differs from the wanted set are tapped one by one; an addition
  keeps the days the item had, a removal keeps the others.
- Done only on evidence: the toggles show the wanted set, and the item shows every other
  value asked (its time, its label). Where the form has a button that saves it, the days
  are set before the form's other values are typed and it is saved, and the item's row
  must show the days afterwards.
- A rhythm that weekly toggles cannot hold ("every second Thursday") is infeasible where the
  app offers nothing else for it: a form of ours that is open is cancelled first, so
  nothing half-made is saved.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from devices.actions import Finish, FinishStatus
from perception.elements import UIElement
from planners.embedded import days as weekdays
from planners.embedded.acts import NEGATIVE, finish, tap
from planners.embedded.goal import Goal
from planners.embedded.memo import Mark
from planners.embedded.memory import AppMemory
from planners.embedded.scoring import words
from planners.embedded.spoken_times import canonical_time
from planners.embedded.view import View, spoken_name
from planners.embedded.wording import TIME
from planners.planner import Decision

# a control that offers a rhythm other than a set of weekdays
_RHYTHM = re.compile(r"\b(?:custom|interval|every\s+(?:\d+|other|two|second)|bi-?weekly|"
                     r"fortnight\w*|monthly|weeks)\b", re.I)


def toggles(view: View) -> dict[int, UIElement]:
    """The day toggles on screen, by day (0 = Monday): checkables named by a day."""
    found: dict[int, UIElement] = {}
    for s in view.scored:
        e = s.element
        if not e.checkable or not e.enabled:
            continue
        name = re.sub(r"^(?:every|each|on)\s+", "", spoken_name(e).strip(), flags=re.I)
        day = weekdays.day_index(name)
        if day is not None and day not in found:
            found[day] = e
    return found


def _card(view: View, row: dict[int, UIElement]) -> tuple[UIElement | None, str]:
    """The smallest labelled element around the toggles (the item's card), and every text
    shown inside it; (None, all the page's texts) when the page itself is the item's."""
    first = next(iter(row.values()))
    around = [e for e in view.screen.elements if e.label and not e.scrollable
              and e.bounds.contains(first.bounds.center) and e.bounds.area > first.bounds.area
              and e.bounds.width < view.screen.width * 1.01
              and e.bounds.height < view.screen.height * 0.6]
    card = min(around, key=lambda e: e.bounds.area, default=None)
    inside = [e for e in view.screen.elements
              if card is None or card.bounds.contains(e.bounds.center)]
    return card, " ".join(e.label for e in inside if e.label)


def _times(text: str) -> set[str]:
    return {t for m in TIME.finditer(text) if (t := canonical_time(m.group(0)))}


def _asked_time(goal: Goal) -> str | None:
    said = [s.value for s in goal.slots if s.name == "time"] + list(goal.entities)
    return next((t for v in said if (t := canonical_time(v))), None)


def _is_goal_item(goal: Goal, view: View, row: dict[int, UIElement]) -> bool:
    """The toggles belong to the item the goal names or makes (see the module docstring)."""
    card, text = _card(view, row)
    if card is None and (view.marked(Mark.NEW_ITEM) or view.marked(Mark.OPEN_ITEM)):
        return True  # the item's own page, opened or started on the way here
    time = _asked_time(goal)
    if time is not None:  # said without am or pm, it is that time in either half of the day
        return time in _times(text) or time in {re.sub(r" [AP]M$", "", t) for t in _times(text)}
    names = [words(e) for e in goal.entities if words(e)]
    if names:
        return any(n <= words(text) for n in names)
    said = words(goal.target) - words(goal.days.phrase if goal.days else "")
    others = [s for s in view.content() if s.element.clickable and s.element.label
              and not (s.element.checkable or s.element.editable)
              and not (card and card.bounds.contains(s.element.bounds.center))]  # others
    mine = len(said & words(text))
    return mine > 0 and all(len(said & words(f"{s.element.label} {s.context}")) < mine
                            for s in others)


def _checked(row: dict[int, UIElement]) -> frozenset[int]:
    return frozenset(d for d, e in row.items() if e.checked or e.selected)


def _judged(want: weekdays.Days, row: dict[int, UIElement]) -> bool:
    """The toggles in view say whether the request holds: all seven for a whole set, the
    days named for an addition or a removal (a row may be cut off at the screen's edge)."""
    return len(row) == 7 if want.change is weekdays.Change.SET else want.days <= set(row)


def set_days(goal: Goal, view: View) -> Decision | None:
    """Tap the next day toggle towards the wanted set, on the goal's item."""
    want = goal.days
    row = toggles(view) if want is not None and want.weekly else {}
    if want is None or not row or not _is_goal_item(goal, view, row):
        return None
    now = _checked(row)
    for day in sorted(now ^ want.wanted(now)):
        element = row.get(day)
        if element is not None and view.tap_count(element)[1] < 2:
            state = "on" if day not in now else "off"
            return tap(element, f"Turn {weekdays.describe(frozenset({day}))} {state} for "
                       f"the repeat ({weekdays.describe(want.wanted(now))}).", 0.8, Mark.FILL)
    return None


def days_done(goal: Goal, view: View) -> Decision | None:
    """Finish when the goal's item shows the wanted days and every other value asked; where a
    save button waits, press it instead (see the module docstring)."""
    want = goal.days
    row = toggles(view) if want is not None and want.weekly else {}
    if want is None or not row or not _is_goal_item(goal, view, row):
        return None
    if not _judged(want, row) or not want.holds(_checked(row)) or missing_values(goal, view):
        return None
    save = _save_button(view)
    if save is not None and any(not s.ref for s in goal.slots):
        return None  # the form's other values are typed, then it is saved (`forms`)
    if save is not None and view.marked(Mark.FILL):
        return tap(save, f"The days are set; tap '{save.label}' to save.", 0.75, Mark.SUBMIT)
    shown = weekdays.describe(_checked(row))
    return finish(f"The item repeats on {shown} now, with every value asked.")


def missing_values(goal: Goal, view: View) -> list[str]:
    """The goal's typed values that the screen does not show (fields included)."""
    return [s.value for s in goal.slots if not s.ref and s.name != "time"
            and not view.shows(s.value, fields=True)]


def _save_button(view: View) -> UIElement | None:
    wanted = {"save", "done", "ok", "apply", "confirm"}
    found = [s.element for s in view.actionable() if s.element.label and not (
        s.element.checkable or s.element.editable or NEGATIVE.search(s.element.label))
        and words(s.element.label) and words(s.element.label) <= wanted]
    return found[0] if found else None


def days_shown(goal: Goal, view: View) -> bool:
    """The screen shows the goal's days on its item: the toggles, or a row that shows the
    item's time with a summary of days that holds them."""
    want = goal.days
    if want is None:
        return True
    row = toggles(view)
    if row and _is_goal_item(goal, view, row) and _judged(want, row):
        return want.holds(_checked(row))
    time = _asked_time(goal)
    for s in view.content():
        text = " ".join(t for t in (s.element.label, s.context) if t)
        shown = weekdays.shown(text)
        if shown is not None and (time is None or time in _times(text)) and want.holds(shown):
            return True
    return False


def unsupported_rhythm(goal: Goal, view: View, labels: Iterable[str]) -> Decision | None:
    """A rhythm the app's day toggles cannot hold, and nothing the app shows (`labels`: what
    the planner knows of the app, this screen included) offers another: cancel a form of
    ours that is open, then say that it cannot be done."""
    want = goal.days
    if want is None or want.weekly or any(_RHYTHM.search(t) for t in labels):
        return None
    fields = view.fields()
    cancel = [s.element for s in view.actionable() if s.element.label
              and re.fullmatch(r"\s*(?:cancel|discard)\s*", s.element.label, re.I)]
    if fields and cancel and view.marked(Mark.NEW_ITEM) and not view.last_marked(Mark.CANCEL):
        return tap(cancel[0], "The repeat asked for cannot be set here: cancel the new "
                   "item without saving it.", 0.7, Mark.CANCEL)
    reason = (f"The request wants a rhythm ({want.phrase!r}) that this app cannot set: its "
              "repeat is a set of weekdays, and nothing in it repeats every other week or "
              "month. Nothing was saved.")
    return Decision(Finish(FinishStatus.INFEASIBLE, reason), thought=reason, confidence=0.6)


def app_cannot_hold(goal: Goal, view: View, memory: AppMemory, leads_here: Callable[[], bool]
                    ) -> Decision | None:
    """A repeat the app cannot hold ("every second Thursday"), judged in the app the goal leads
    to (`leads_here`) from what is known of it: its remembered pages, or its day toggles in
    view."""
    if goal.days is None or goal.days.weekly:
        return None
    known = [r for r in memory.screens.values() if r.app == view.screen.app]
    if not (known and leads_here()) and not toggles(view):
        return None
    labels = [e.label for r in known for e in r.elements] + [s.element.label
                                                            for s in view.scored]
    return unsupported_rhythm(goal, view, labels)
