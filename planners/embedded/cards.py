"""The kind of item a creation makes when the request names it only by its values.

A person's name with a way to reach them (a phone number, an e-mail) is a contact card,
whatever the verb ("keep", "store", "add") and however the values are put ("Lea Marn's
mobile", "Lea Marn, 0161 496 0000", "his email is ..."). The words that name those values
("number", "mobile", "email") say which field each value fills, not what is made; a place
named as the cards' collection ("into my contacts") is where the new one goes."""

from __future__ import annotations

from collections.abc import Sequence

from planners.embedded.slots import Slot

__all__ = ["CARD", "is_person", "kind_made"]

CARD = "contact"  # what a phone keeps a person's name and numbers in
_PERSONAL = frozenset({"phone", "email"})  # values that say how to reach someone
# words that name a person's values (the fields they fill), never the item made
_VALUE_WORDS = frozenset({"number", "numbers", "phone", "mobile", "cell", "landline", "email",
                          "e-mail", "mail", "address", "details", "info", "contact"})
_CLITICS = frozenset({"s", "'s", "’s", "'", "’"})  # left of a name taken out


def is_person(slots: Sequence[Slot]) -> bool:
    """The values are a person's: a name, and a phone number or an e-mail to reach them."""
    names = {s.name for s in slots if not s.ref}
    return "name" in names and bool(names & _PERSONAL)


def kind_made(target: str, slots: Sequence[Slot]) -> str:
    """The item a creation with these values makes: a contact card where the values are a
    person's and the request's other words only name those values, or the collection the
    card joins; else the target as it was (the request named another kind of item)."""
    if not is_person(slots):
        return target
    words = (w.strip(".,;:!?") for w in target.split())
    rest = [w for w in words if w and w.casefold() not in _VALUE_WORDS and w not in _CLITICS]
    if not rest or (len(rest) == 1 and rest[0].casefold() == f"{CARD}s"):
        return CARD
    return target
