"""What a request asks to do, read by meaning: the sentence model compares the request's
verb phrase and its clause with short descriptions of each kind of operation, so that a verb
nobody listed ("shut off", "crank up", "ditch", "jot down") lands on the kind it means.

The same is done for order words ("the priciest", "the oldest thread", "my most recent
chat"): a superlative is found by its form (-est, most/least, first/last) and its meaning
(price or time, highest or lowest) is read by the model.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache

import numpy as np

from planners.embedded.encoder import TextEncoder


class Operation(StrEnum):
    TURN_ON = "turn_on"
    TURN_OFF = "turn_off"
    SET_VALUE = "set_value"
    DELETE = "delete"
    CREATE = "create"
    EDIT = "edit"
    SEND = "send"
    OPEN = "open"
    ANSWER = "answer"
    DO = "do"  # anything else: the item's own verb (call, start, pair, buy, ...)


# How each kind is described to the model: the verb phrase is compared (as "VERB it") with
# the short forms, the whole clause with the sentence.
_VERB_FORMS: dict[Operation, tuple[str, ...]] = {
    Operation.TURN_ON: ("turn it on", "switch it on", "enable it", "activate it"),
    Operation.TURN_OFF: ("turn it off", "switch it off", "disable it", "deactivate it"),
    Operation.SET_VALUE: ("turn it up", "turn it down", "increase it", "decrease it",
                          "adjust it"),
    Operation.DELETE: ("delete it", "remove it", "erase it", "throw it away"),
    Operation.CREATE: ("add it", "create it", "make a new one", "write it down", "save it"),
    Operation.EDIT: ("change it", "edit it", "rename it", "update it", "correct it"),
    Operation.SEND: ("send it", "text them", "message them", "reply to them", "write to them"),
    Operation.OPEN: ("open it", "show it", "go to it", "display it", "view it"),
    Operation.ANSWER: ("tell me", "find out", "look it up", "check it"),
    Operation.DO: ("call them", "start it", "stop it", "play it", "connect it", "buy it",
                   "order it", "export it", "reset it"),
}
_SENTENCES: dict[Operation, str] = {
    Operation.TURN_ON: "turn a setting such as wifi, bluetooth or a mode on",
    Operation.TURN_OFF: "turn a setting such as wifi, bluetooth or a mode off",
    Operation.SET_VALUE: "set a level such as volume or brightness higher or lower",
    Operation.DELETE: "delete an item such as a note, an alarm, a message or a contact",
    Operation.CREATE: "add a new item such as a note, an alarm, a contact or an event",
    Operation.EDIT: "change a field of an existing item such as its name, time or number",
    Operation.SEND: "send a text message to a person",
    Operation.OPEN: "open a page or screen of an app and show it",
    Operation.ANSWER: "tell me a fact that the phone shows",
    Operation.DO: "call a person, start a timer, play music, connect a device, buy a product",
}
VERB_WEIGHT = 0.3  # share of the verb phrase in the score (the clause has the rest)
SAME_VERB = 0.93  # a verb phrase this close to a description's form is that form


@dataclass(frozen=True)
class Reading:
    operation: Operation
    score: float  # how well the request matches the kind's description, about 0-1
    exact: bool = False  # the verb phrase is one of the kind's own forms
    verb_says: Operation | None = None  # the kind the verb phrase alone is most like

    def kind(self, below: float, taken_from: bool = False) -> Operation:
        """The kind read, or DO when the clause matches it less than `below`; unless the
        verb alone says it, and it is an edit or a sending: a long object dilutes the
        clause's score ("label my 7:10 one 'Swim'", "text Bo what the rug is"). A thing taken
        from a place (`taken_from`) by a verb that alone says removal is removed ("take the
        cast iron pan out of the trolley", "drop the lamp from my basket")."""
        if taken_from and self.verb_says is Operation.DELETE:
            return Operation.DELETE  # "drop the lamp from my basket": what the verb does to
            #   a thing taken from a place, however the whole clause reads
        said = self.verb_says is self.operation and self.operation in (Operation.EDIT,
                                                                       Operation.SEND)
        return self.operation if self.score >= below or said else Operation.DO


def as_form(verb: str) -> str:
    """A verb phrase as the forms are written: "shut off" -> "shut it off"."""
    words = verb.split()
    if len(words) == 1 or words[-1] == "of":
        return f"{verb} it"
    return f"{words[0]} it {' '.join(words[1:])}"


@lru_cache(maxsize=4)
def operation_reader(encoder: TextEncoder) -> OperationReader:
    """The reader for `encoder`, built once (its forms are embedded when it is made)."""
    return OperationReader(encoder)


class OperationReader:
    """Reads requests with one encoder; the descriptions are embedded once."""

    def __init__(self, encoder: TextEncoder) -> None:
        self.encoder = encoder
        self._forms = [(op, f) for op, forms in _VERB_FORMS.items() for f in forms]
        self._form_vecs = encoder.encode([f for _, f in self._forms])
        self._ops = list(_SENTENCES)
        self._sentence_vecs = encoder.encode([_SENTENCES[op] for op in self._ops])

    def _by_verb(self, verb: str) -> dict[Operation, float]:
        row = self._form_vecs @ self.encoder.encode([as_form(verb)])[0]
        best: dict[Operation, float] = {}
        for (op, _), sim in zip(self._forms, row, strict=True):
            best[op] = max(best.get(op, -1.0), float(sim))
        return best

    def read(self, verb: str, clause: str, among: Sequence[Operation] = ()) -> Reading:
        """The operation the clause (whose verb phrase is `verb`) means, among `among` (all
        kinds when empty)."""
        by_verb = self._by_verb(verb) if verb else {}
        row = self._sentence_vecs @ self.encoder.encode([clause])[0]
        kinds = list(among) or self._ops
        scores = {}
        for op, sim in zip(self._ops, row, strict=True):
            if op not in kinds:
                continue
            said = by_verb.get(op, 0.0)
            scores[op] = said if said >= SAME_VERB else (
                VERB_WEIGHT * said + (1 - VERB_WEIGHT) * float(sim))
        best = max(scores, key=lambda op: scores[op])
        verb_says = max(by_verb, key=lambda op: by_verb[op]) if by_verb else None
        return Reading(best, scores[best], by_verb.get(best, 0.0) >= SAME_VERB, verb_says)

    def same_act(self, verb: str, other: str) -> bool:
        """Whether two verb phrases name one act: the same words, or the same nearest form
        of the operations' ("sync" and "pair" are both most like the form for connecting)."""
        if verb.lower() == other.lower():
            return True
        vecs = self.encoder.encode([as_form(verb.lower()), as_form(other.lower())])
        nearest = (self._form_vecs @ vecs.T).argmax(axis=0)
        return bool(nearest[0] == nearest[1])

    def puts_in(self, verb: str) -> bool:
        """Whether "VERB it in" means putting something in ("throw it in", "pop it in")
        rather than taking it away ("get rid of it in", "ditch it in"): with a place after
        its object, a verb of motion places the thing there, a verb of removal only says
        where the thing to remove is. A tie is a removal: nothing is added on a doubt."""
        said, put, *taken = self.encoder.encode([f"{verb} it in", "put it in", "remove it",
                                                 "take it out"])
        return float(said @ put) > max(float(said @ t) for t in taken)


# order words -----------------------------------------------------------------------------


class RankKey(StrEnum):
    VALUE = "value"  # price, amount, size
    TIME = "time"  # when: date, clock time, recency
    PLACE = "place"  # where the row is on the list: its top, its bottom, the second row


@dataclass(frozen=True)
class Rank:
    """An order over what a list shows: "the priciest" is (VALUE, highest); "the one at the
    bottom" is (PLACE, highest), "the third one" (PLACE, not highest, nth 2)."""

    key: RankKey
    highest: bool  # PLACE: counted from the bottom of the list
    phrase: str  # the words that asked for it
    nth: int = 0  # PLACE: rows before it, counted from the end it is counted from


_RANKS: tuple[tuple[RankKey, bool, str], ...] = (
    (RankKey.VALUE, True, "the most expensive, with the highest price"),
    (RankKey.VALUE, False, "the cheapest, with the lowest price"),
    (RankKey.TIME, True, "the newest, the latest, the most recent"),
    (RankKey.TIME, False, "the oldest, the earliest, the first one"),
)
RANK_AT_LEAST = 0.45  # a superlative less like every description than this is no order
_SUPERLATIVE = re.compile(r"\b(?:(?:most|least)\s+[a-z]+|[a-z]{2,}est|first|last)\b", re.I)


_ARTICLES = frozenset(("of", "the", "a", "an", "my", "your"))
# A verb ranked by "the most" / "the least" with nothing after it but an end or a place:
# "which one costs the least?", "who texts me the most in this app"
_VERB_RANKED = re.compile(r"\b([a-z]+)\s+(?:me\s+|us\s+)?the\s+(most|least)\b"
                          r"(?=\s*(?:[?.!,]|$|\b(?:in|on|at|of|from|among|here|there)\b))",
                          re.I)


def _stems(word: str) -> list[str]:
    """'priciest' -> most pricy / most pricey; 'biggest' -> most big: the base adjective."""
    base = word[:-3]
    out = [base, base + "e"]
    if base.endswith("i"):
        out += [base[:-1] + "y", base[:-1] + "ey"]
    if len(base) > 2 and base[-1] == base[-2]:
        out.append(base[:-1])
    return [f"most {b}" for b in out]


_ORDINALS = {"second": 1, "2nd": 1, "third": 2, "3rd": 2, "fourth": 3, "4th": 3, "fifth": 4,
             "5th": 4}
_FROM_END = r"(?:\s*-?\s*to\s*-?\s*last|\s+last|\s+from\s+(?:the\s+)?(?:bottom|end))"
_THEN_FROM_END = re.compile(r"^(?:\s+[a-z]+){1,2}?\s+from\s+(?:the\s+)?(?:bottom|end)\b", re.I)
# "the second alarm", "my third note", "the second to last one": a row counted along the
# list. An ordinal before a unit of the calendar ("the second Monday", "the third week") is
# a date, and one after "a" ("a second alarm") is one more, no row
_NTH = re.compile(rf"\b(?:the|my|your)\s+({'|'.join(_ORDINALS)})({_FROM_END})?\b(?!\s+(?:"
                  r"mon|tues|wednes|thurs|fri|satur|sun)day)(?!\s+(?:week|month|year|day|"
                  r"weekend|time|hour|minute)s?\b)", re.I)
# "at the very bottom", "the top one", "right at the top": the end of the list. A
# top or bottom that something goes to ("pin it to the top") is a place, no row; "the top"
# alone may be a thing (a shirt), so the words after it must say it is the list's end
_END = re.compile(r"(?<!\bto\s)(?<!\binto\s)\b(?:(?:at|on|near)\s+(?:the\s+)?(?:very\s+)?"
                  r"(top|bottom)\b|(?:the|my)\s+(?:very\s+)?(top|bottom)(?:most)?(?=\s+(?:one|"
                  r"row|entry|item|of|in|on)\b))", re.I)


def place(text: str) -> Rank | None:
    """A row named by where it is on the list (see `_NTH` and `_END`), or None."""
    m = _NTH.search(text)
    if m is not None:
        back = bool(m.group(2) or _THEN_FROM_END.match(text[m.end():]))  # "... note from the end"
        return Rank(RankKey.PLACE, back, m.group(0), _ORDINALS[m.group(1).lower()])
    m = _END.search(text)
    if m is not None:
        end = (m.group(1) or m.group(2)).lower()
        return Rank(RankKey.PLACE, end == "bottom", m.group(0))
    return None


class RankReader:
    def __init__(self, encoder: TextEncoder) -> None:
        self.encoder = encoder
        self._vecs = encoder.encode([d for _, _, d in _RANKS])

    def read(self, text: str) -> Rank | None:
        placed = place(text)
        if placed is not None:
            return placed
        for m in _SUPERLATIVE.finditer(text):
            phrase = m.group(0).lower()
            if phrase.startswith(("most ", "least ")) and phrase.split()[1] in _ARTICLES:
                continue
            forms = [f"the {phrase}"]
            if phrase.endswith("est") and " " not in phrase:
                forms += [f"the {s}" for s in _stems(phrase)]
            sims = self.encoder.encode(forms) @ self._vecs.T
            i, j = np.unravel_index(int(np.argmax(sims)), sims.shape)
            if sims[i, j] >= RANK_AT_LEAST:
                key, highest, _ = _RANKS[int(j)]
                return Rank(key, highest, phrase)
        return self._verb_ranked(text)

    def _verb_ranked(self, text: str) -> Rank | None:
        """"costs the least": the verb says what is ranked, "the most/least" which end."""
        m = _VERB_RANKED.search(text)
        if m is None:
            return None
        sims = self.encoder.encode([f"the one that {m.group(0).lower()}"]) @ self._vecs.T
        j = int(np.argmax(sims[0]))
        key, highest, _ = _RANKS[j]
        if sims[0, j] < RANK_AT_LEAST or highest is not (m.group(2).lower() == "most"):
            return None  # what it ranks is no price or time, or the model reads it reversed
        return Rank(key, highest, m.group(0))
