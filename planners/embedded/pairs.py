"""Values written beside their key without a colon ("Gate 4471", "PIN is 2291"), and which key
a question asks for.

A question's noun phrase ends with its head, and a phrase after "for", "of", "in", "from" ...
names whose value it is, not the value: "the code for my garage door" asks for a code, and
a "door 12" written beside it on the same line is another value."""

from __future__ import annotations

import re

from planners.embedded.goal import Goal
from planners.embedded.scoring import words

_PLACE = re.compile(r"\s+(?:from|in|on|at|of|for|about|to)\s.*$", re.I)
_DIGIT = re.compile(r"\d")
_LINKS = ("is", "was", "=")  # what may stand between a key and its value


def asked_phrase(goal: Goal) -> set[str]:
    """The words of the asked noun phrase up to its head, as said: the target's words
    from the first one said up to a preposition that names whose value it is."""
    phrase = _PLACE.sub("", goal.text[_start(goal):].rstrip("?!. "))
    return words(phrase) & words(goal.target)


def asked_head(goal: Goal) -> set[str]:
    """The head of the asked noun phrase: its last word said before a preposition (the
    target's last word when the target is not found as said)."""
    phrase = _PLACE.sub("", goal.text[_start(goal):].rstrip("?!. ")).split()
    said = [t for t in phrase if words(t) and words(t) <= words(goal.target)]
    head = said[-1] if said else (goal.target.split() or [""])[-1]
    return words(head)


def _start(goal: Goal) -> int:
    target = goal.target.split()
    start = re.search(rf"\b{re.escape(target[0])}\b", goal.text, re.I) if target else None
    return start.start() if start else 0


def unmarked_pairs(text: str, goal: Goal) -> list[tuple[set[str], str]]:
    """Pairs written without a colon, as people jot them down or a sender writes them
    ("Gate 4471", "PIN 2291", "your login code is 5521"): the head noun of what
    is asked, maybe "is", then a word with digits, which is its value. Only the head is a
    key here: in "the PIN from my Gym 3 note", "Gym 3" names where the value is
    written, and in "the combination for my bike lock", "lock" names whose it is."""
    key = asked_head(goal)
    if not key or not key <= {w for token in goal.text.split() for w in words(token)}:
        return []
    tokens = text.split()
    found = []
    for i, token in enumerate(tokens[:-1]):
        at = i + 2 if tokens[i + 1].lower() in _LINKS and i + 2 < len(tokens) else i + 1
        if words(token) == key and _DIGIT.search(tokens[at]):
            found.append((key, tokens[at].strip(".,;!?")))
    return found
