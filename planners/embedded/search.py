"""Items the exploration never saw: looked for on the list page through the app's own
search (a search field, or the search button that opens one), else by scrolling the list,
before the planner goes elsewhere.

Only where the item must already exist (to open, read, change or remove it): a request
that creates something or writes to someone never searches. Searching types the item's
name into a search field, which changes nothing on the phone.
"""

from __future__ import annotations

import re

from devices.actions import Direction, ElementRef, Scroll, Tap, TypeText
from perception.elements import UIElement
from planners.embedded.acts import MATCH, tap
from planners.embedded.goal import Goal, Intent, Scope
from planners.embedded.memo import Mark, Memo, memo_of
from planners.embedded.memory import AppMemory
from planners.embedded.persons import conversation_apps, nobody_by_that_name, people_apps
from planners.embedded.scoring import words
from planners.embedded.view import View, field_name
from planners.embedded.wording import NAMES, TIME, modifiers_of
from planners.planner import Decision

_SEARCH = re.compile(r"\bsearch", re.I)
_EXISTING = (Intent.ANSWER, Intent.DELETE, Intent.EDIT, Intent.DO, Intent.OPEN, Intent.TOGGLE)
MAX_SCROLLS = 4  # a list looked through this far without the item: it is not in this list


def sought(goal: Goal) -> str:
    """The name of the item the goal acts on, to find in a list ("" when none): the longest
    named item that is not a time, nor a value the goal gives it ("rename 'Bike' to 'Bike
    care'" looks for "Bike": the new name is on no list yet), nor a word said only inside
    such a value ("relabel it to Swim practice": "Swim" is no item's name)."""
    given = {s.value.casefold() for s in goal.slots if not s.ref}
    names = [e for e in goal.entities if not TIME.search(e) and len(e) > 1
             and e.casefold() not in given and not _only_in(e, given, goal.text)]
    return max(names, key=len, default="")


def _only_in(name: str, values: set[str], text: str) -> bool:
    """Every time the request says `name`, it is inside one of the values it gives."""
    said = len(re.findall(rf"\b{re.escape(name)}\b", text, re.I))
    inside = sum(len(re.findall(rf"\b{re.escape(name)}\b", v, re.I)) for v in values)
    return 0 < said <= inside


def _part_of_name(entity: str, name: str) -> bool:
    """`entity` is some of the words of a full name ("Nan Ola" in "Nan Ola Berg"): on a
    list of people, a row that shows only them names another person, who has fewer names."""
    return (re.fullmatch(NAMES, name) is not None and " " in name
            and words(entity) < words(name))


def seen_in(memory: AppMemory, app: str, name: str) -> bool:
    """Some remembered page of the app shows the name (the memory knows the way to it)."""
    want = words(name)
    return any(want <= words(f"{e.label} {e.context}")
               for r in memory.screens.values() if r.app == app for e in r.elements)


def _search_field(view: View) -> UIElement | None:
    return next((f for f in view.fields() if _SEARCH.search(field_name(f))), None)


def _search_button(view: View) -> UIElement | None:
    buttons = [s.element for s in view.actionable() if not s.element.editable
               and _SEARCH.search(f"{s.element.label} {s.element.resource_id}")]
    return next((b for b in buttons if view.tap_count(b)[0] == 0), None)


def find_unseen(goal: Goal, view: View, memory: AppMemory) -> Decision | None:
    """A step towards the item the goal names when this page does not show it and no
    remembered page of this app does: search for it here, else scroll the list."""
    name = sought(goal)
    if goal.intent not in _EXISTING or goal.scope is Scope.ALL or not name:
        return None
    people = people_apps(memory) | conversation_apps(memory)  # where rows are people
    named = [e for e in goal.entities if not TIME.search(e)  # any of its names will do,
             and not (view.screen.app in people and _part_of_name(e, name))]  # but a part
    #   of a person's full name, on a list of people, is another person
    if any(view.shows(e) or seen_in(memory, view.screen.app, e) for e in named):
        return None
    field = _search_field(view)
    if field is not None:
        if words(field.text) == words(name) or name in view.typed():  # searched: what it
            return nobody_by_that_name(goal, view, memory)  # found is on screen
        thought = f"'{name}' is not listed here: search this list for it."
        return Decision(TypeText(name, target=ElementRef(field.id), clear=True),
                        thought=thought, confidence=0.6, memo=Memo(mark=Mark.SEARCH))
    button = _search_button(view)
    if button is not None and name not in view.typed():
        return tap(button, f"'{name}' is not listed here: open this list's search.", 0.6,
                   Mark.SEARCH)
    return _scroll_on(view, name)


def read_further(goal: Goal, view: View, move: Decision) -> Decision | None:
    """A question asked of the page that best holds its answer (or of the app it names,
    `nothing_like_it`), which this screen does not show: the rest of its list first, unless
    the `move` chosen scrolls it already. The exploration saw the pages, not today's data,
    so the item asked about may be further down a list that it saw shorter."""
    if goal.intent is not Intent.ANSWER or goal.scope is Scope.ALL or isinstance(
            move.action, Scroll) or _names_asked(goal, view, move):
        return None
    return _scroll_on(view, goal.target)


def _names_asked(goal: Goal, view: View, move: Decision) -> bool:
    """The move opens a row whose name is a word of the thing asked about ("Power" for
    "how much oomph does the power pack have?"): it is opened before the list is read on;
    not where the question says a word before that name which the row lacks ("the oak
    desk tidy" is not the row "Desk tidy": another may be further down)."""
    target = move.action.target if isinstance(move.action, Tap) else None
    shown = next((e for e in view.screen.elements
                  if isinstance(target, ElementRef) and e.id == target.id), None)
    return shown is not None and bool(words(shown.label) & words(goal.target)) and not (
        modifiers_of(shown.label, goal.text))


_LIST_ROWS = 3  # rows to open that make a page a list


def nothing_like_it(view: View) -> bool:
    """The page is a list (rows to open) and no row in view resembles what is sought: in the
    app that keeps it, the rest of the list is where it may be, before any row that is not
    it is opened. A page of one item (a conversation) has no rest to read."""
    rows = [s for s in view.content() if s.element.clickable and not s.element.editable]
    return len(rows) >= _LIST_ROWS and max((s.score for s in rows), default=0.0) < MATCH


def _scroll_on(view: View, name: str) -> Decision | None:
    """Scroll a list that may hold more rows, until it stops moving."""
    if not any(e.scrollable for e in view.screen.elements):
        return None
    scrolls = [p for p in view.here() if isinstance(p.action, Scroll)]
    if len(scrolls) >= MAX_SCROLLS or (scrolls and not scrolls[-1].changed):
        return None
    return Decision(Scroll(Direction.DOWN), thought=f"'{name}' may be further down the list.",
                    confidence=0.5)



def found_in_front(goal: Goal, view: View) -> bool:
    """An item the goal names was opened in the app in front: the request is about it, and
    another app whose pages share a word with its name ("Wi-Fi" in a note's title) is no
    way on. A goal that carries values (slots) may need another app; a switch or a level
    is no item."""
    return (not goal.slots and goal.intent not in (Intent.TOGGLE, Intent.SET_VALUE)
            and any(memo_of(p).mark is Mark.OPEN_ITEM and p.changed and p.app == view.screen.app
                    for p in view.history))
