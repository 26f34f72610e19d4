"""Sending a message: open the conversation with the recipient (or start one and type
the recipient), type the message, press send."""

from __future__ import annotations

import re
from collections.abc import Callable

import numpy as np

from devices.actions import Finish, FinishStatus, Key, PressKey, TypeText
from perception.elements import UIElement
from planners.embedded.acts import (
    VERB_PHRASES,
    entity_rows,
    matching,
    of_kind,
    open_entity,
    tap,
)
from planners.embedded.forms import has_value, type_value
from planners.embedded.goal import Goal, Intent, Slot
from planners.embedded.harmless import CREATION_WORDS
from planners.embedded.memo import Mark, memo_of
from planners.embedded.scoring import words
from planners.embedded.view import View, field_name
from planners.planner import Decision


def _slot(goal: Goal, name: str) -> Slot | None:
    return next((s for s in goal.slots if s.name == name), None)


_RECIPIENT = "to recipient name phone number"


def _named_field(view: View, phrase: str, floor: float = 0.3,
                 exclude: UIElement | None = None) -> UIElement | None:
    fields = [f for f in view.fields() if "search" not in field_name(f).lower() and f != exclude]
    if not fields:
        return None
    encoder = view.matcher.encoder
    sims = encoder.encode([field_name(f) for f in fields]) @ encoder.encode([phrase])[0]
    i = int(np.argmax(sims))
    return fields[i] if sims[i] >= floor else None


def _opened(view: View, name: str) -> bool:
    """The steps that led here opened the recipient's conversation (its row showed the
    name, or the name was typed as the recipient)."""
    steps = list(view.history)
    at = [i for i, p in enumerate(steps) if p.action is not None and (
        (memo_of(p).mark is Mark.OPEN_ITEM and words(name) <= words(memo_of(p).item))
        or (isinstance(p.action, TypeText) and p.action.text == name))]
    return bool(at) and all(isinstance(p.action, TypeText) or memo_of(p).mark is not None
                            for p in steps[at[-1] + 1:])


def send_message(goal: Goal, view: View) -> Decision | None:
    """In a conversation with the recipient: type the message, then press send."""
    message, to = _slot(goal, "message"), _slot(goal, "to")
    recipient = _named_field(view, _RECIPIENT, 0.45)
    field = _named_field(view, "message text", exclude=recipient)
    if field is None and message is not None:  # a typed field shows its value, not its hint
        field = next((f for f in view.fields()
                      if f.text.strip() == message.value and f != recipient), None)
    if message is None or message.ref or field is None:
        return None
    if to is None or not (view.shows(to.value) or _opened(view, to.value)):
        return None  # only in a conversation with the recipient
    if field.text.strip() != message.value:
        return type_value(field, message)
    when = _slot(goal, "when")
    if when is not None:
        return _schedule(view, when.value)
    buttons = matching(view, ("send", "send message"), 0.5)
    if not buttons:
        return None
    return tap(buttons[0].element, f"Tap '{buttons[0].element.label}' to send.", 0.8, Mark.SUBMIT)


def type_recipient(goal: Goal, view: View) -> Decision | None:
    """Type the recipient into a "To" field; when the field holds the name and the picker
    lists nobody of that name, the recipient does not exist."""
    to = _slot(goal, "to")
    if to is None:
        return None
    field = _named_field(view, _RECIPIENT, 0.45) or _typed_into(view, to.value)
    if field is None:
        return None
    if not has_value(field, to):
        return type_value(field, to)
    if not entity_rows(goal, view):  # typed (perhaps before a popup came and went)
        return Decision(Finish(FinishStatus.INFEASIBLE),
                        thought=f"No contact or number matches {to.value!r}.", confidence=0.7)
    return None


def _typed_into(view: View, value: str) -> UIElement | None:
    """The field that shows what an earlier step typed (a field loses its hint once it
    holds text, and many name nothing else): the recipient field after the name went in."""
    typed = any(isinstance(p.action, TypeText) and p.action.text == value for p in view.history)
    return next((f for f in view.fields() if typed and f.text.strip() == value), None)


def send_steps(goal: Goal, view: View) -> list[Callable[[], Decision | None]]:
    """A recipient field, where there is one, comes before the rows beside it: typing the
    name narrows the list to everyone it fits, so that a namesake further down is seen."""
    return [lambda: send_message(goal, view), lambda: ambiguous_recipient(goal, view),
            lambda: type_recipient(goal, view), lambda: open_entity(goal, view),
            lambda: leave_conversation(goal, view), lambda: press_new(goal, view)]


def _first_part(label: str) -> set[str]:
    return words(re.split(r"[,|·:]", label)[0])


def ambiguous_recipient(goal: Goal, view: View) -> Decision | None:
    """A person named by part of a name that several people listed here have ("Tariq" for
    Tariq Aziz and Tariq Hamdan) is not yet known: writing to either might reach the wrong
    one, so the request says too little, unless one of them bears exactly that name."""
    to = _slot(goal, "to")
    if to is None or any(c.isdigit() for c in to.value) or not words(to.value):
        return None
    named = words(to.value)
    people = {" ".join(re.split(r"[,|·:]", r.element.label)[0].split())
              for r in entity_rows(goal, view) if named <= _first_part(r.element.label)}
    if len(people) < 2 or any(_first_part(p) == named for p in people):
        return None
    reason = (f"{to.value!r} could be any of {', '.join(sorted(people))}: the request does not "
              "say which, and a message to the wrong person cannot be taken back.")
    return Decision(Finish(FinishStatus.INFEASIBLE), thought=reason, confidence=0.6)


def leave_conversation(goal: Goal, view: View) -> Decision | None:
    """In a conversation with someone else (a message field, no recipient field, nothing
    showing the recipient): the list of conversations, where a new one starts, is back."""
    to = _slot(goal, "to")
    message_field = _named_field(view, "message text")
    if to is None or message_field is None or _named_field(view, _RECIPIENT, 0.45) not in (
            None, message_field):
        return None
    if view.shows(to.value) or _opened(view, to.value):
        return None
    return Decision(PressKey(Key.BACK), thought="This conversation is with someone else: back "
                    "to the list of conversations.", confidence=0.6)


_MESSAGE_KINDS = "message conversation chat text thread"  # what a new message is called


def press_new(goal: Goal, view: View) -> Decision | None:
    """The button that starts a new message. One that starts a new item of another kind
    ("New memo", "Add contact") is not it, however near its label is in meaning: what a
    button makes is what its label says besides "new" or "add"."""
    buttons = [b for b in matching(view, VERB_PHRASES[Intent.SEND], 0.55)
               if view.tap_count(b.element)[0] == 0 and (
                   not words(b.element.label) & CREATION_WORDS
                   or of_kind(view, b.element.label, _MESSAGE_KINDS))]
    if not buttons or entity_rows(goal, view):
        return None
    return tap(buttons[0].element, f"Tap '{buttons[0].element.label}' for a new message.", 0.7,
               Mark.NEW_ITEM)


def _schedule(view: View, when: str) -> Decision:
    """A message to go out later: the conversation's own way to schedule it, or, where it
    has none, the request cannot be done here (sending it now would not be what was asked)."""
    plain = words("send message sms text")  # a button that says only this sends now
    buttons = [b for b in matching(view, ("schedule send", "send later", "schedule message"),
                                   0.6)
               if words(b.element.label) - plain and view.tap_count(b.element)[0] == 0]
    if buttons:
        return tap(buttons[0].element, f"Tap '{buttons[0].element.label}' to send it {when}.",
                   0.7)
    reason = f"This conversation offers no way to send the message later ({when}); not sent."
    return Decision(Finish(FinishStatus.INFEASIBLE), thought=reason, confidence=0.6)
