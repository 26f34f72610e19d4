"""The item a value is read from, when the request names it: "the gate pin from my Studio
note", "the pin in the bike lock note". A noun phrase after "from" or "in" is the place
the value is written; when it has words before its head noun, the head says what kind of
item it is ("note", "message") and the words before it name which one ("Studio", "bike
lock").
A phrase of one word ("from my jottings", "in the journal") names only a kind of place, and a
phone's app ("in the Shop app") is no item of its own.

A value carried to another app (sent, written down) is read only where that item is shown:
on its row of a list or on its own page, never on a neighbour's that holds a value of the
same shape.
"""

from __future__ import annotations

import re

from planners.embedded.scoring import words

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
