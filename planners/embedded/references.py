"""A value a request asks to type (`Slot`), and whether its words name a value shown
somewhere else, to read first ("Bob's email", "the code from my journal"), rather than the
text itself."""

from __future__ import annotations

import re
from dataclasses import dataclass

from planners.embedded.states import past_form
from planners.embedded.wording import AUXILIARIES, NAMES, outside_relative


@dataclass(frozen=True)
class Slot:
    """A value the goal asks to type, and what it is (used to pick the field)."""

    name: str  # e.g. "name", "phone", "message", "time"
    value: str
    append: bool = False  # add to what the field holds instead of replacing it
    ref: bool = False  # the value names a value shown elsewhere ("Bob's email"), not text


# "as long as the manual says", "however long the label says": how long, a length to read
HOW_LONG = r"(?:how(?:ever)?\s+long|as\s+long\s+as)"
# "Bob Carter's email", "what the blue mug costs", "the price of the mug": a value to look up
_REFERENCE = re.compile(rf"^(?:{NAMES}'s\s+[a-z]+(?:\s+[a-z]+)?|(?:what|how much|when|where|"
                        rf"{HOW_LONG})\s.+|the\s+[a-z]+\s+of\s.+)$")
# "the gate code from my journal", "my next meeting's room": a definite noun phrase
_DEFINITE_PHRASE = re.compile(r"^(?:the|my|our)\s+\S.*$", re.I)


_GET_PASSIVE = frozenset({"get", "gets", "got", "gotten"})  # "got delayed": get as an auxiliary


def is_reference(phrase: str, said_as_text: bool = False) -> bool:
    """The phrase names a value shown somewhere (to read, then type), not text to type: a
    possessive, a wh-clause, or a definite noun phrase with no finite verb of its own ("the
    meeting is moved" says something; "the code from my journal" names something). A definite
    phrase names a value where it stands for the text itself (what a message says:
    `said_as_text`) or says where the value is ("from my journal"); elsewhere ("add the mug
    to the cart") it names an item."""
    phrase = phrase.strip(" ,.;:!?")
    if _REFERENCE.match(phrase):
        return True
    found = outside_relative([w.lower() for w in re.findall(r"[\w']+", phrase)])
    verbs = set(found) & (AUXILIARIES | _GET_PASSIVE) or {  # "the flight got delayed", "the
        w for w in found[2:] if past_form(w)}  # parcel arrived": past the head, a verb
    definite = bool(_DEFINITE_PHRASE.match(phrase)) and not verbs
    return definite and (said_as_text or re.search(r"\bfrom\b", phrase, re.I) is not None)


def referenced(slot: Slot, said: list[str]) -> Slot:
    """The slot, marked when its value names a value to look up (quoted text never does)."""
    if slot.value not in said and is_reference(slot.value):
        return Slot(slot.name, slot.value, slot.append, ref=True)
    return slot
