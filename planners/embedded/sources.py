"""The item a value is read from, when the request names it: "the gate pin from my Studio
note", "the pin in the bike lock note". A noun phrase after "from" or "in" is the place
the value is written; when it has words before its head noun, the head says what kind of
item it is ("note", "message") and the words before it name which one ("Studio", "bike
lock").
A phrase of one word ("from my jottings", "in the journal") names only a kind of place, and a
phone's app ("in the Shop app") is no item of its own.

A value carried to another app (sent, written down) is read only where that item is shown:
on its row of a list or on its own page, never on a neighbour's that holds a value of the
same shape. The app it was read in is its source, not the place the request puts it: nothing
is made, filled or saved there unless the request names that app for it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from devices.actions import Key, PressKey, TypeText
from planners.embedded.memo import Mark, memo_of, with_memo
from planners.embedded.scoring import words
from planners.planner import Decision, PastStep

_STOP = r"(?:for|to|from|in|on|at|of|and|then)\b"
_WORD = rf"(?!{_STOP})[\w'’-]+"
_SOURCE = re.compile(rf"\b(?:from|in)\s+(?:my|the|our|your)\s+({_WORD}(?:\s+{_WORD})+?)"
                     rf"(?=[?.!,;]|\s+{_STOP}|$)", re.I)
_APP = {"app", "application"}  # the phone's own word for a program: a place, not an item


def named_item(text: str) -> set[str]:
    """The words that name the item a value is read from (see the module docstring); empty
    when the request names none."""
    m = _SOURCE.search(text)
    if m is None:
        return set()
    phrase = m.group(1).split()
    if words(phrase[-1]) <= _APP:
        return set()
    return words(" ".join(phrase[:-1]))


_WRITES = (Mark.NEW_ITEM, Mark.SUBMIT, Mark.FILL)  # steps that make or save something


def read_in(history: Sequence[PastStep], fresh: bool, here: str) -> str:
    """The app the request's values were read in: `here` when read on this step, else the app
    of the last step that read one ("" when none was read)."""
    if fresh:
        return here
    return next((p.app for p in reversed(history) if memo_of(p).read), "")


def _writes(decision: Decision) -> bool:
    return memo_of(decision).mark in _WRITES or isinstance(decision.action, TypeText)


def kept_from_source(main: Decision, source: str, here: str, names_here: bool) -> Decision:
    """`main`, unless it would make, fill or save something in the app a value was read in
    (`source`) while the request does not name that app (`names_here`): then leave the app
    for the home screen, from where the app the request is for is opened."""
    if not source or here != source or names_here or not _writes(main):
        return main
    return with_memo(Decision(PressKey(Key.HOME), thought="The value was read in this app; "
                              "it is its source, not where the request puts it: leave it."),
                     moving=True)
