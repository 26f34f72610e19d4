"""What a question asks for: the kind of value its answer is ("what's Ana's e-mail?" asks for
an e-mail address, "how many alarms are set?" for a count, "when does the bus leave?" for a
time), so that the answer read off the screen can be checked to be one.

"how many" and "when" say it in words, and so does the asked noun when it is the kind's
own word ("the ferry's departure time"); any other question is compared by the sentence model
with a short description of each kind, and read as the kind it matches clearly best (none
when two come close). A long name in the question can drown the words that say the kind
("what is Maximilian von Hohenberg's phone number"), so the question is also read without
the names it mentions.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from planners.embedded.encoder import TextEncoder
from planners.embedded.states import split_state
from planners.embedded.wording import EMAIL, PHONE

KINDS = {
    "email": "an e-mail address", "phone": "a phone number to call",
    "version": "the software version number", "percent": "the battery level in percent",
    "price": "the price, what it costs in money", "time": "the time of day, at what time",
    "date": "the date, which day", "code": "a code, password, PIN or reference number",
    "size": "an amount of storage or data, such as the space used or free in GB",
}
KIND_AT_LEAST = 0.3  # and 0.1 above the next kind
# a head noun that is a kind's own word: "the ferry's departure time" asks for a time
HEAD_KINDS = {"time": "time", "date": "date", "price": "price", "cost": "price", "code": "code",
              "email": "email", "e-mail": "email"}
_PLACE = re.compile(r"\s+(?:in|from|on|at)\s+(?:my|the|our|your)\s.*$", re.I)
# who has a value: "whose number is ...", "who has ...", "which contact has ..."
_OWNER = re.compile(r"^(?:whose|who\b|which\s+(?:contact|person|one)\b)", re.I)
_ANYONE = re.compile(r"^(?:is|was)\s+(?:that|this|it)\s+(?:anyone|anybody|someone|somebody)\b",
                     re.I)


def owner_asked(clause: str, told: Sequence[str] = ()) -> str | None:
    """The value whose owner a question asks for ("whose number is 555 0101?", "who has
    the address ana@x.org?"): a phone number or an e-mail said in a question that asks who.
    The answer is the person who has it, found by the value; nothing of its shape is asked.
    A question whether what was told is anyone's ("Got a voicemail from 555 0101. Is that
    anyone I know?") asks it of the value told."""
    if _ANYONE.match(clause):
        clause = " ".join(["who has", *told])
    if not _OWNER.match(clause):
        return None
    found = EMAIL.search(clause) or PHONE.search(clause)
    return found.group(0).strip() if found else None


class ValueKinds:
    """Reads the kind of value questions ask for with one encoder (kinds embedded once)."""

    def __init__(self, encoder: TextEncoder) -> None:
        self.encoder = encoder
        self._kinds = list(KINDS)
        self._vecs = encoder.encode([KINDS[k] for k in self._kinds])

    def read(self, clause: str, names: Sequence[str] = (), around: Sequence[str] = ()
             ) -> str | None:
        """The kind of value the question `clause` asks for (a key of `KINDS`, "count", or
        "address": an address the request says nothing of e-mail about is a street's), or
        None when it is unclear. `around`: the clauses that tell its context."""
        lower = clause.lower()
        if re.match(r"^how\s+(?:many|often)\b|.*\bnumber\s+of\b", lower):
            return "count"
        if re.match(r"^(?:when|what\s+time|at\s+what\s+time)\b", lower):
            return "time"
        head = _PLACE.sub("", _SENT.sub("", clause).lower()).rstrip(" ?.!").split()[-1:]
        if head and head[0] in HEAD_KINDS:
            return HEAD_KINDS[head[0]]
        if head == ["address"]:
            return "email" if re.search(r"\be-?mail", " ".join([clause, *around]), re.I) else (
                "address")
        bare = clause
        for name in sorted(names, key=len, reverse=True):
            bare = re.sub(rf"\b{re.escape(name)}\b", " ", bare, flags=re.I)
        for text in dict.fromkeys((clause, " ".join(bare.split()))):
            sims = self._vecs @ self.encoder.encode([text])[0]
            second, best = (int(i) for i in sims.argsort()[-2:])
            if sims[best] >= KIND_AT_LEAST and sims[best] - sims[second] >= 0.1:
                return self._kinds[best]
        return None


# who sent the value, after its noun: "the pickup time Ana texted me (in my messages)"
_SENT = re.compile(r"\s+(?:that\s+|which\s+)?(?:[A-Z][\w'-]*\s+){1,3}(?:texted|messaged|sent|"
                   r"emailed|mailed|gave|told)\s+(?:me|us)\b.*$")
_ASKED_STATE = re.compile(r"^(?:is|are|was|were|(?:do|does|did)\s+\S+\s+(?:have|keep)|(?:have|"
                          r"has)\s+\S+\s+got)\s+", re.I)  # before a thing and its state


# the other answer offered after "or": "..., or is it switched off?"
_OR_STATE = re.compile(r",?\s+or\s+(?:is|are)\s+(?:that|it|they|this)\s+"
                       r"(?:turned\s+|switched\s+|set\s+)?(?P<state>on|off|enabled|disabled)\W*$",
                       re.I)


def asked_state(clause: str, state_on: Callable[[str], bool | None]) -> tuple[str, bool | None]:
    """A yes/no question about a state ("is the torch switched off", "do I have the
    torch on"): (the thing asked about, the state asked); other questions are kept."""
    other = _OR_STATE.search(clause)  # "is it syncing my photos, or is that off?": the state
    if other is not None and _ASKED_STATE.match(clause):  # besides the one the other names
        on = state_on(other["state"])
        thing = clause[_ASKED_STATE.match(clause).end():other.start()]
        return (thing, not on) if on is not None and thing.split() else (clause, None)
    asked = _ASKED_STATE.match(clause)
    if asked is None or len(clause[asked.end():].split()) < 2:
        return clause, None
    thing, state = split_state(clause[asked.end():])
    on = state_on(state) if state else None
    return (thing, on) if on is not None else (clause, None)
