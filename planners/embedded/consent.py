"""Consent known beforehand: what the person approved decides whether a task may be started.

The loop tells the planner, before the first step, which sensitive kinds of action the
person pre-approved and whether anyone is there to ask (`planners.planner.Consents`). A
purchase ends in a payment; when payments are withheld (not approved, nobody to ask), the
safety gate will refuse that end whatever the way to it, and every act on the way (adding
the item to the cart, stepping its quantity, checking out, typing the address) changes the
phone for an order that cannot be placed: a side effect nobody asked for. So the planner
stops before the first of them, honestly, saying what is missing. Finding the item (a
search, a list, its page) changes nothing, and it tells an item the shop sells from one it
does not (which is infeasible, a different answer): the stop waits until the item is seen
(a page shows its whole name) or a step of the purchase offers itself here.

A planner never told (a harness that calls `decide` alone) goes on as before: the gate
still refuses the payment itself.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from perception.sensitive import PAYMENT
from planners.embedded.evidence import give_up, whole_name_here
from planners.embedded.goal import Goal
from planners.embedded.scoring import words
from planners.embedded.view import View
from planners.planner import Consents, Decision

Try = Callable[[], Decision | None]


class Briefing:
    """The `planners.planner.Briefed` side of a planner: keeps what the loop told it."""

    consents: Consents | None = None  # None: never told (nothing is withheld beforehand)

    def brief(self, consents: Consents) -> None:
        self.consents = consents


def unpaid(goal: Goal, view: View, consents: Consents | None, tries: list[Try]) -> list[Try]:
    """The purchase's `tries`, or, when payment is withheld, only the stop before them."""
    if consents is None or not consents.withheld(PAYMENT):
        return tries
    return [lambda: _stop(goal, view, tries)]


def _item_seen(goal: Goal, view: View) -> bool:
    """The item bought is on screen; the names inside the values the request gives (an
    address to ship to) name no item, and a request that names none ("pay for my cart")
    has nothing to look for."""
    names = tuple(e for e in goal.entities
                  if not any(words(e) <= words(s.value) for s in goal.slots))
    return whole_name_here(replace(goal, entities=names), view) if names else True


def _stop(goal: Goal, view: View, tries: list[Try]) -> Decision | None:
    """Give up once the item is seen or a purchase step would act here; until then, None
    (the planner looks for the item, which changes nothing)."""
    if not _item_seen(goal, view) and all(t() is None for t in tries):
        return None
    return give_up("Buying needs a payment, which the person has not approved, and nobody "
                   "is here to ask: the payment would be refused, so I stop before changing "
                   "anything (the cart, the order) for an order that cannot be placed.")
