"""A move is never an act: a tap made only because a control's label is like the request
(a way on towards the item or the page that does it) never presses a control that changes
something.

Controls that remove or delete, step a count ("Increase quantity", "−"), place a call, send
or pay are the request's own act or nobody's: the acts that read the request's verb press
them (a removal for "pull it out", a call for "ring her", a quantity for "make it 4"),
and only where it asks. Their labels are often the most like the request ("Remove Desk
Fan" for a request about the fan, "Call" for one that mentions calls), so pressing them as
a way on changes what nobody asked to change; a removal from a cart counts too, though it is
no deletion for the safety gate (adding the item again restores it).

Nor is such a control the item a request names: "Delete note" on an open note's page, "New
note" above a list, say the kind of item the request names, yet opening them is no way to
an item that exists; an edit, in particular, never goes through a removal."""

from __future__ import annotations

import re

from perception.elements import Screen, UIElement
from perception.sensitive import CALL, DELETION, PAYMENT, SEND, SEND_MONEY, classify_element
from planners.embedded.explore_rules import sensitive
from planners.embedded.goal import Goal, Intent, Scope
from planners.embedded.scoring import words
from planners.embedded.view import is_slider

_ACTS = frozenset({CALL, SEND, DELETION, PAYMENT, SEND_MONEY})
_REMOVES = re.compile(r"^\s*(?:remove|delete|erase|discard|clear|empty|trash)\b", re.I)
# a removal of the whole list: emptying it, or every item at once ("Clear basket", "Delete all")
_WHOLE = re.compile(r"^\s*(?:clear|empty)\b|\b(?:all|everything)\b", re.I)
CREATION_WORDS = frozenset(("add", "new", "create", "compose", "plus", "start"))
_CHANGES = re.compile(r"^\s*(?:decrease|increase|increment|decrement|add one|subtract)\b"
                      r"|^\s*[+\-−–]\s*$", re.I)


def changes_something(element: UIElement, screen: Screen, goal: Goal | None = None) -> bool:
    """Pressing `element` changes something the `goal` does not ask to change (see the
    module docstring), by its label or by the safety gate's reading of it. A removal is
    asked for where the request removes and the control names its item ("Discard recipe"
    for "discard the cake recipe"), or every item ("clear the basket"); the next row's
    "Remove USB cable" is not, where one item is asked to go, nor a control that removes
    the whole list ("Clear basket", "Delete all"), though it names the list the item is
    in. A call, a message, a payment is asked for where the request's main clause says it
    ("start a video call with Jo": "Call"); a purpose that mentions calls does not (`purpose`)."""
    labels = [t for t in (element.text, element.description) if t]
    if any(_CHANGES.search(t) for t in labels):
        return True
    found = classify_element(element, screen)
    removal = any(_REMOVES.search(t) for t in labels) or (
        found is not None and found.category == DELETION)
    if removal:
        named = " ".join(goal.entities) or goal.target if goal is not None else ""
        whole = any(_WHOLE.search(t) for t in labels)  # never the way to one item of it
        return not (goal is not None and goal.intent is Intent.DELETE and (
            goal.scope is Scope.ALL or (words(element.label) & words(named) and not whole)))
    return found is not None and found.category in _ACTS and not (goal is not None and (
        words(element.label) & words(goal.target)
        or (found.category == SEND and goal.intent is Intent.SEND)))  # "send what I typed"


def way_on(element: UIElement, screen: Screen, goal: Goal | None = None) -> bool:
    """Whether tapping `element` may be a move towards the goal: a labelled control that is
    no field, switch or slider (those are values to set: tapping a slider moves it), not
    the page already shown, that changes nothing and does nothing where it is pressed
    (`acts_on_its_own`)."""
    e = element
    return not (e.editable or e.checkable or not e.label or is_slider(e) or e.selected or (
        e.scrollable and not e.clickable) or changes_something(e, screen, goal) or (
        goal is not None and acts_on_its_own(e, screen, goal)))


def acts_on_its_own(element: UIElement, screen: Screen, goal: Goal) -> bool:
    """A control that does something where it is pressed ("Reset", "Start", "Add to cart"):
    no way on (exploring never presses one either) unless it names what the request is
    about ("Orders" for where an order is) or says its verb; one that starts a new item
    ("Add alarm") is none even where it names the kind of item the request is about. A
    request whose act is the item's own verb ("link my earbuds": "Pair new device"), a
    message, which may start a conversation ("Start chat"), and a removal, whose controls
    `changes_something` reads, may go through one."""
    if goal.intent in (Intent.DO, Intent.SEND, Intent.DELETE):
        return False
    said, asked = words(element.label), words(goal.target) | words(goal.verb)
    if said & CREATION_WORDS:  # "Add alarm" starts a new one, never the way to one that is
        return not said & words(goal.verb)
    return sensitive(element, screen) and not said & asked


def starts_new(element: UIElement) -> bool:
    """A button that starts a new item ("New note", "Add alarm", "+") is no item that exists,
    however well its kind matches the one the goal names."""
    said = words(element.label)
    return element.label.strip() == "+" or (bool(said & CREATION_WORDS) and len(
        said - CREATION_WORDS) <= 1)


def is_no_item(element: UIElement, screen: Screen, goal: Goal,
               names: list[set[str]] | None = None) -> bool:
    """`element` is a control, not an item to open for `goal` (see the module docstring): it
    starts a new item (unless its label is exactly one of the item `names` the goal says),
    or it changes something the goal does not ask to change."""
    made = starts_new(element) and words(element.label) not in (names or [])
    return made or changes_something(element, screen, goal)
