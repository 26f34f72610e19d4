"""The safety gate: sensitive actions run only with the person's consent, and consequential
ones only where the goal asks for them.

Before an action is executed the gate classifies it (`perception.sensitive`), then decides:

1. Goal consistency. An action that communicates or cannot be undone (placing a call,
   sending, deleting, paying or sending money, overwriting an existing item) must be of a
   kind the goal asks for ("call Anna" asks for a call), or of a category the person
   pre-approved (`allow`: their explicit say-so for this run), and must concern what the
   goal names, where the goal names something and the screen says what the action concerns
   ("call Anna" on Bob's card is refused, `allow` or not). An action that fails this is not
   what the person asked for: without a person to ask it is refused with the reason, which
   the loop shows the planner; interactively the person is asked, with the reason.
2. Consent. A call, a message or an overwrite that the goal asks for, of the object it
   names, needs no further consent: the request is the consent. Deleting, paying, sending
   money, installing, uninstalling and granting permissions still need `allow` or the
   person's `confirm`, even when asked for: they cost money or lose data for good, and the
   suite's tasks (`expect: blocked`) hold the agent to stopping before a deletion nobody
   approved however the request is worded.

Install, uninstall and permission are not read from goals (a prompt asking for them comes
from the app, rarely from the request); they follow rule 2 only.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Collection
from dataclasses import dataclass

from automator.goal_requests import GoalRequests, kind_of
from devices.actions import Action, ElementRef, describe
from perception.action_object import field_texts, object_texts
from perception.elements import Screen
from perception.sensitive import (
    CALL,
    CATEGORIES,
    DELETION,
    OVERWRITE,
    PAYMENT,
    SEND,
    SEND_MONEY,
    classify_action,
    target_element,
)
from planners.planner import Refusal

log = logging.getLogger(__name__)

Confirm = Callable[[str, str], bool]  # (category, description) -> the person agrees

GOAL_CHECKED = frozenset({CALL, SEND, DELETION, PAYMENT, SEND_MONEY, OVERWRITE})
REQUEST_IS_CONSENT = frozenset({CALL, SEND, OVERWRITE})
_DOING = {CALL: "place a call", SEND: "send anything", DELETION: "delete anything",
          PAYMENT: "pay for anything", OVERWRITE: "change an existing item"}


@dataclass(frozen=True)
class GateResult:
    allowed: bool
    category: str = ""  # "" when the action is not sensitive
    description: str = ""  # what was asked, for people and the trajectory
    asked: bool = False  # a person was asked (False: refused for want of anyone to ask)
    conflict: str = ""  # how the action goes against the goal; "" when it does not

    def kind(self) -> Refusal | None:
        """Why the action did not run, as data for the planner (None when it was allowed)."""
        if self.allowed:
            return None
        return Refusal.OFF_GOAL if self.conflict else Refusal.UNAPPROVED

    def refusal(self) -> str:
        """Why the action did not run, for the planner (empty when it was allowed)."""
        if self.allowed:
            return ""
        what = f"{self.description} ({self.category})"
        if self.asked:
            why = f"; {self.conflict}" if self.conflict else ""
            return f"the person refused: {what}{why}; choose something else or finish"
        if self.conflict:
            return f"refused: {what}: {self.conflict}; choose something else or finish"
        return (f"refused: nobody was there to confirm it and it was not pre-approved: "
                f"{what}; choose something else or finish")


def check_categories(names: Collection[str]) -> frozenset[str]:
    """Validate category names (from the command line or a task file)."""
    unknown = sorted(set(names) - set(CATEGORIES))
    if unknown:
        raise ValueError(f"unknown categories {unknown}; known: {', '.join(CATEGORIES)}")
    return frozenset(names)


def _acted_on(action: Action, original: Action | None) -> Action:
    """The action as the planner gave it when it named the element by id, else `action`."""
    if original is not None and isinstance(getattr(original, "target", None), ElementRef):
        return original
    return action


def conflict(category: str, action: Action, screen: Screen, goal: GoalRequests,
             allow: Collection[str] = ()) -> str:
    """How an action of `category` goes against the goal: its kind is neither asked for nor
    pre-approved, or it concerns something other than what the goal names. "" otherwise."""
    if category not in GOAL_CHECKED:
        return ""
    if category not in allow and not goal.asks_for(category):
        return f"the goal does not ask to {_DOING[kind_of(category)]}"
    element = target_element(action, screen)
    if element is None or not goal.names_something():
        return ""
    around = object_texts(element, screen)
    fields = field_texts(element, screen) if category != SEND else ()  # a draft is content
    page = [t for e in screen.elements if e.window == element.window and not e.editable
            for t in (e.text, e.description) if t]
    if goal.named_in(around, fields, page):
        return ""
    shown = "; ".join(t for t in around if t not in (element.text, element.description))[:120]
    return (f"the goal names {goal.shown()}, but nothing around this action does"
            + (f" (it shows: {shown})" if shown else ""))


def gate(
    action: Action,
    screen: Screen,
    allow: Collection[str] = (),
    confirm: Confirm | None = None,
    original: Action | None = None,
    goal: GoalRequests | None = None,
) -> GateResult:
    """Whether to execute `action` toward `goal` (see the module docstring); asks `confirm`
    where the person must decide. Without a goal, no consequential kind is asked for."""
    acted = _acted_on(action, original)
    found = classify_action(acted, screen)
    if found is None:
        return GateResult(True)
    description = f"{describe(original or action)}: {found.reason}"
    against = conflict(found.category, acted, screen, goal or GoalRequests(""), allow)
    if not against and (found.category in allow or found.category in REQUEST_IS_CONSENT):
        log.info("%s action %s: %s", found.category,
                 "pre-approved" if found.category in allow else "asked for", description)
        return GateResult(True, found.category, description)
    question = f"{description} -- {against}" if against else description
    agreed = bool(confirm(found.category, question)) if confirm is not None else False
    log.info("%s action %s: %s", found.category, "approved" if agreed else "refused", question)
    return GateResult(agreed, found.category, description, asked=confirm is not None,
                      conflict=against)
