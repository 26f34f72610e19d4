"""Where a request with several parts is cut into parts done one after the other: always at
"then"; at "and" only when an order follows it ("type hi and tap Send", "buy a lamp and
share the page"), never inside a list of things ("salt and pepper") nor before a verb that
carries on with the same item ("buy a mug and ship it")."""

from __future__ import annotations

import re

from planners.embedded import objects
from planners.embedded.operations import OperationReader
from planners.embedded.wording import closed_class, verb_phrase

_OBJECT_STARTS = closed_class("a an the my your his her our their this that these those "
                              "some all every each another one two three me him us up down "
                              "on off out")
# Verbs of touching a control: after "and" they start a step of their own ("type hi and tap
# Send", "enter the code and press OK"), whatever their object is called.
TOUCH_VERBS = closed_class("tap press click hit touch")
ORDER_AT_LEAST = 0.45  # how well a piece after "and" must read as an operation to be one


def cut(text: str, operations: OperationReader) -> list[str]:
    """`text` cut at "then" always and at "and" when an order follows (see the module
    docstring); the pieces keep their words."""
    out: list[str] = []
    for part in re.split(r",?\s+(?:and\s+)?then\s+", text):
        pieces = re.split(r",?\s+and\s+", part)
        current = pieces[0]
        for piece in pieces[1:]:
            if starts_order(piece, operations) and len(current.split()) > 1:
                out.append(current)
                current = piece
            else:
                current = f"{current} and {piece}"
        out.append(current)
    return out


def starts_order(piece: str, operations: OperationReader) -> bool:
    """A piece after "and" starts an order: a lower-case word that an article, a pronoun, a
    number or a particle follows (a noun is not followed by one: "salt and pepper"), a verb
    of touching a control, or a word that reads as an operation; not "VERB it" (the same
    item, carried on)."""
    words = piece.split()
    if len(words) < 2 or not words[0].isalpha() or not words[0].islower():
        return False
    after = words[1].lower()
    if after in ("it", "them", "i", "you", "we") or words[0] in objects.FILLER:
        return False
    if after in _OBJECT_STARTS or after[:1].isdigit() or words[0] in TOUCH_VERBS:
        return True
    return operations.read(verb_phrase(piece), piece).score >= ORDER_AT_LEAST


def name_carried(parts: list[str], name: str) -> list[str]:
    """Later parts with their first pronoun ("text her") replaced by the first part's
    name, so that each part can be read alone."""
    if not name:
        return parts
    return [parts[0], *(re.sub(r"\b(her|him|them|it)\b", name, p, count=1, flags=re.I)
                        for p in parts[1:])]
