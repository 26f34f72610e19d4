"""A thing put before the clause about it, which points back at it: "Whichever alarm goes
off first, label it Gym"; "My oldest memo, what does it say?"; "Whatever the priciest rug
is, take it off the basket". The clause is what the request says, with the thing in
the place of the word that points back ("it", "them", "that one", "this one").

The thing is a free relative ("whichever alarm goes off first": the alarm that does;
"whatever the cheapest lamp is": that lamp) or a noun phrase of the person's or a definite one
with no verb of its own ("my oldest memo"; "my tablet's overheating" is a statement, not a thing).
"""

from __future__ import annotations

import re

from planners.embedded.context import AMBIENT_IT
from planners.embedded.states import past_form
from planners.embedded.wording import AUXILIARIES

_FRONTED = re.compile(r"^\s*(?:(?:whichever|whatever)(?:['’]s\b)?\s+(?P<free>[^,;.?!]+?)|"
                      r"(?P<thing>(?:my|the|our)\s+[^,;.?!]+?))\s*,\s+(?P<clause>.+)$", re.I)
_COPULA_END = re.compile(r"\s+(?:is|are|was|were)$", re.I)  # "whatever the cheapest lamp is"
# what points back at the thing; not the "it" of a time asked ("what day is it"), which
# points at nothing (`context`)
_BACK = re.compile(r"\b(?:(?:that|this)\s+one|it|them)\b", re.I)


def _thing(m: re.Match[str]) -> str:
    if m["free"] is not None:
        free = re.sub(r"^(?:is|are)\s+", "", _COPULA_END.sub("", m["free"]), flags=re.I)
        if said := re.fullmatch(r"([\w-]+)\s+(?:is|are)\s+([\w-]+)", free, re.I):
            free = f"{said[2]} {said[1]}"  # "whichever lamp is cheapest": the cheapest lamp
        return free if re.match(r"(?:the|my|our)\s", free, re.I) else f"the {free}"
    words = m["thing"].lower().split()
    if any(w in AUXILIARIES or "'" in w or past_form(w) for w in words[1:]):
        return ""  # "the boiler is fixed", "my tablet's hot", "the code changed": said
    return m["thing"]


def in_place(text: str) -> str:
    """`text` with a thing put first moved into the clause that points back at it (see the
    module docstring); `text` itself when it has none."""
    m = _FRONTED.match(text)
    if m is None or not (thing := _thing(m)):
        return text
    clause = m["clause"]
    back = next((b for b in _BACK.finditer(clause)
                 if not AMBIENT_IT.search(clause[:b.end()])), None)
    if back is None:
        return text
    return f"{clause[:back.start()]}{thing}{clause[back.end():]}"
