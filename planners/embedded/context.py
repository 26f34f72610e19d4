"""Words of a request's order that point back at what its context told: "the fan rattles,
send it back": "it" is the fan; "Lin wrote what day the party is, put a reminder on that
day": "that day" is the day the message gives, a value to read before it is used
(`lookup`), never the order's end by itself.

A told clause lends its referents in two ways: its topic (its subject, else the phrase after
"about") for a pronoun, and a wh-phrase ("what day the party is") for "that"
(or "this", "the same") followed by the wh-phrase's own noun; once the value is read and
quoted where the wh-phrase stood, the value itself ("put a reminder on Friday").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

_ABOUT = re.compile(r"\babout\s+((?:the|my|our|this|that)\s+.+?)\s*$", re.I)
_WH = re.compile(r"\b(?:what|which)\s+(\w+)\s+.+$", re.I)
_READ = re.compile(r'"([^"]+)"$')  # a told value, read and quoted in place (`lookup.resolve`)
_POINTER = re.compile(r"\b(?:that|this|the\s+same)\s+(\w+)\b", re.I)


def refer_back(clause: str, told: Sequence[str], topic: Callable[[str], str]) -> str:
    """`clause` with what points back at the `told` clauses put in place (see the module
    docstring). `topic(told clause)`: what the clause is about by its grammar (its subject:
    "the boiler is fixed, ... archive the notes about it"), "" when it does not say."""
    about = next((topic(c) for c in told if topic(c)), "") or next(
        (m.group(1) for c in told if (m := _ABOUT.search(c))), "")
    if about:
        clause = re.sub(r"\b(it|them)\b", about, clause, count=1)
    for c in told:
        wh, read = _WH.search(c), _READ.search(c)
        pointer = _POINTER.search(clause)
        if pointer and read:  # the value once read stands in its wh-phrase's place
            clause = clause[:pointer.start()] + read.group(1) + clause[pointer.end():]
        elif wh and pointer and pointer.group(1).lower() == wh.group(1).lower():
            clause = clause[:pointer.start()] + wh.group(0) + clause[pointer.end():]
    return clause
