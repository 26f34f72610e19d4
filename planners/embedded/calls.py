"""A phone call asked for in everyday words ("ring Ada", "give Ada a buzz on the phone",
"phone my brother"): the request's act is read by meaning, not by its verb's spelling, so a
request that never says "call" still presses the control that places one.

The request is compared with short descriptions of placing a call and of the things near it
in words but not in deed (a message, a ringtone, an alarm or a doorbell that rings, a
contact's page opened); it asks for a call when it is close to a call's description and
clearly nearer to it than to any of the others. The people it names are said as "someone"
first, as the descriptions say them. The control is the one the safety gate itself reads
as placing a call (`perception.sensitive`), and it is pressed only where the person the
request names is shown by the whole name it gives: the gate, which reads the request on its
own, still has to agree before anything is dialled.
"""

from __future__ import annotations

import re

from perception.sensitive import CALL, classify_element
from planners.embedded.goal import Goal, Intent
from planners.embedded.scoring import words
from planners.embedded.view import Scored, View

_CALLS = ("call someone on the phone", "ring someone", "give someone a call",
          "phone a person", "dial someone's number")
_NEAR = ("send someone a message", "text a person", "let someone know something",
         "change the ringtone or the ring volume", "set an alarm to ring", "ring a doorbell",
         "open a contact's details")
CLOSE = 0.6  # cosine a request needs with a call's description
AHEAD = 0.15  # cosine by which it must beat everything near a call


def asks_call(goal: Goal, view: View) -> bool:
    """The request, an order about a person it names, asks for a phone call (see the
    module docstring). "give Ada a ring" reads, by its form, much like giving something,
    so an order to create is read too; a question or a message never is."""
    if goal.intent not in (Intent.DO, Intent.CREATE) or not goal.entities:
        return False
    encoder = view.matcher.encoder
    sims = encoder.encode([*_CALLS, *_NEAR]) @ encoder.encode([_anyone(goal)])[0]
    call, near = float(sims[:len(_CALLS)].max()), float(sims[len(_CALLS):].max())
    return call >= CLOSE and call >= near + AHEAD


def _anyone(goal: Goal) -> str:
    """The request with the people it names said as "someone", as the descriptions say
    them: a name weighs on the sentence model as much as the verb does."""
    text = goal.text
    for name in sorted(goal.entities, key=len, reverse=True):
        text = re.sub(rf"(?<!\w){re.escape(name)}(?!\w)", "someone", text)
    return re.sub(r"\bsomeone(?:\s+someone)+\b", "someone", text)


def call_buttons(goal: Goal, view: View) -> list[Scored]:
    """The controls that place a call, where the request asks for one and the page shows
    the person by the whole name it gives: a call cannot be taken back, and "Auntie" is
    not "Auntie Lou". A button that says so is pressed before a phone number that dials
    when tapped."""
    longest = max(goal.entities, key=len, default="")
    if not asks_call(goal, view) or not words(longest) <= set().union(
            *(words(s.element.label) for s in view.content())):
        return []
    found = [s for s in view.actionable()
             if (c := classify_element(s.element, view.screen)) is not None
             and c.category == CALL and not s.element.editable]
    said = [s for s in found if not any(ch.isdigit() for ch in s.element.label)]
    return said or found
