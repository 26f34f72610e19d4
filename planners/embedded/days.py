"""Days of the week: the set of days a request wants something to happen on (an alarm's
repeat, a schedule), and the row of day toggles a phone shows for them.

A request names the days as people say them: "every day" / "daily" (all seven),
"weekdays" (Monday to Friday), "weekends", day names full or short, plural or not
("Saturdays", "Tue"), ranges ("Monday to Thursday", "Mon-Fri"), exceptions ("every day
except Sunday"). It says how they relate to what the item has: added ("on Sundays as well",
"also"), taken away ("no longer on Fridays", "skip Mondays"), or the whole set (anything
else). What it only describes ("not just Tuesdays", "instead of weekends") is the present
state, not what is wanted. A single day without a sign of repetition ("on Monday") is a
date, not a repeat, and is left to other rules. A day word that a possessive or "the" puts
before another noun ("my weekend reading list", "the Friday team note") is part of an item's
name, not a repeat: it says which item, and that item's days are not asked about.

A rhythm that weekly day toggles cannot hold ("every second Thursday", "every two weeks",
"once a month") is marked not weekly: where a form offers only days, the request cannot
be done as asked.

On a screen, a day toggle is a switch, checkbox or toggle button whose spoken name is a
day's ("S" described as "Saturday", "Sat", "Every Saturday"). Tapping those whose state
differs from the wanted set reaches it; their states, or an item's summary line that
names days ("Tue, Thu, Sat", "Weekdays"), are the evidence that it holds.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from planners.embedded.slots import Slot
from planners.embedded.wording import closed_class

_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_SHORT = r"mon|tues?|wed|thu(?:rs?)?|fri|sat|sun"
_DAY = re.compile(rf"\b(?:({'|'.join(n[:-3] for n in _NAMES)})days?|({_SHORT})s?)\b\.?", re.I)
_ALL = re.compile(r"\b(?:every\s+(?:single\s+)?day|each\s+day|daily|all\s+week|seven\s+days"
                  r"|7\s+days|every\s+day\s+of\s+the\s+week)\b", re.I)
_WEEKDAYS = re.compile(r"\b(?:week\s?days?|work\s?days?|working\s+days?|business\s+days?)\b",
                       re.I)
_WEEKENDS = re.compile(r"\bweek-?ends?\b", re.I)
_RANGE = re.compile(rf"({_DAY.pattern})\s*(?:-|–|to|through|thru|until|till)\s*"
                    rf"({_DAY.pattern})", re.I)
_NOT_WEEKLY = re.compile(r"\b(?:every\s+(?:other|second|2nd|alternate|two|2|three|3|four|4)"
                         r"\s+(?:weeks?|\w+days?)|alternate\s+\w+days|bi-?weekly|fortnight"
                         r"\w*|monthly|(?:once|twice)\s+a\s+month|every\s+month|of\s+(?:the|"
                         r"each|every)\s+month)\b", re.I)
# words that say what the item has now, not what is wanted ("not just Tuesdays")
_DESCRIBED = re.compile(r"\b(?:not\s+just|not\s+only|instead\s+of|rather\s+than)\b", re.I)
_EXCEPT = re.compile(r"\b(?:except(?:\s+for|\s+on)?|but\s+not(?:\s+on)?|other\s+than|apart"
                     r"\s+from|excluding|without|not\s+on)\b", re.I)
_ADDED = re.compile(r"\b(?:too|also|as\s+well|additionally|in\s+addition|plus)\b", re.I)
_REMOVED = re.compile(r"\b(?:no\s+longer|not\s+anymore|any\s?more|skip|remove|drop|stop"
                      r"|take\s+off|leave\s+out)\b", re.I)
_REPEATS = re.compile(r"\b(?:every|each|repeat\w*|only|on\s+\w+days?\s+and)\b", re.I)
# a day word between a determiner and the noun it modifies: part of a name ("my weekend
# reading list"), unless a preposition of time comes before "the" ("on the weekend trips")
_IN_NAME = re.compile(rf"(\w+\s+)?\b(my|the|your|our|his|her|their)\s+(?:{_WEEKENDS.pattern}"
                      rf"|{_WEEKDAYS.pattern}|{_DAY.pattern})(?=\s+[a-z])(?!\s+(?:and|or|too|"
                      rf"also|as|only|at|on|to|is|are|from|until|till|through|please|thanks|"
                      rf"again|now|instead|each|every|starting|by|in)\b(?!-))", re.I)
_OF_TIME = frozenset(("on", "over", "at", "for", "during", "until", "till", "by", "every",
                      "each", "through", "throughout", "this", "next", "last"))
_END = re.compile(r"[,;.!?]|\s+(?:but|and\s+not|instead|then)\b")


class Change(StrEnum):
    SET = "set"  # the item repeats on exactly these days
    ADD = "add"  # these days as well as those it has
    REMOVE = "remove"  # no longer on these days


@dataclass(frozen=True)
class Days:
    """The days a request wants, as indices 0 (Monday) to 6 (Sunday)."""

    days: frozenset[int]
    change: Change = Change.SET
    weekly: bool = True  # False: a rhythm day toggles cannot hold ("every second Thursday")
    phrase: str = ""  # the words of the request that say it (kept out of its object)

    def wanted(self, now: frozenset[int]) -> frozenset[int]:
        """The set the item should end with, given the one it has."""
        if self.change is Change.ADD:
            return now | self.days
        if self.change is Change.REMOVE:
            return now - self.days
        return self.days

    def holds(self, shown: frozenset[int]) -> bool:
        """A set shown on screen is what was asked (for an addition: it includes the days,
        whatever else the item had)."""
        if self.change is Change.ADD:
            return self.days <= shown
        if self.change is Change.REMOVE:
            return not self.days & shown
        return shown == self.days


def day_index(word: str) -> int | None:
    """0-6 for a day's name, short name or plural ("Sat", "saturdays", "Thurs."), else None."""
    m = _DAY.fullmatch(word.strip())
    if m is None:
        return None
    stem = (m.group(1) or m.group(2)).lower()[:3]
    return next(i for i, n in enumerate(_NAMES) if n.startswith(stem))


def _named(text: str) -> set[int]:
    """Every day a stretch of text names: sets, ranges and single days."""
    found: set[int] = set()
    if _ALL.search(text):
        found |= set(range(7))
    if _WEEKDAYS.search(text):
        found |= set(range(5))
    if _WEEKENDS.search(text):
        found |= {5, 6}
    for m in _RANGE.finditer(text):
        a, b = day_index(m.group(1)), day_index(m.group(4))
        if a is not None and b is not None:
            found |= {(a + k) % 7 for k in range((b - a) % 7 + 1)}
    found |= {i for m in _DAY.finditer(text) if (i := day_index(m.group(0))) is not None}
    return found


def _cut(text: str, pattern: re.Pattern[str]) -> tuple[str, str]:
    """(the text without the clauses that `pattern` opens, those clauses)."""
    kept, cut, at = [], [], 0
    for m in pattern.finditer(text):
        end = _END.search(text, m.end())
        stop = end.start() if end else len(text)
        kept.append(text[at:m.start()])
        cut.append(text[m.end():stop])
        at = stop
    kept.append(text[at:])
    return " ".join(kept), " ".join(cut)


def _repeats(text: str, days: set[int]) -> bool:
    """The days are a repeat, not a date: a set word, a plural, several days, or a word of
    repetition or change."""
    plural = any(m.group(0).rstrip(".").lower().endswith("s") and day_index(m.group(0))
                 is not None for m in _DAY.finditer(text))
    sets = _ALL.search(text) or _WEEKDAYS.search(text) or _WEEKENDS.search(text)
    cue = _REPEATS.search(text) or _ADDED.search(text) or _REMOVED.search(text)
    return bool(plural or sets or len(days) > 1 or cue)


def _unnamed(m: re.Match[str]) -> str:
    """A determiner and day word that name an item, taken out (kept after a preposition
    of time: "on the weekend trips" says when; "on my weekend note" says which note)."""
    before = (m.group(1) or "").strip().lower()
    timed = before in _OF_TIME and m.group(2).lower() == "the"
    return m.group(0) if timed else f"{m.group(1) or ''} "


# "who's up for a climb on Thursdays", "who swims on Sundays": a relative clause about someone
_ABOUT_SOMEONE = re.compile(r"\bwho(?:'s|\s+is|\s+are)?\b[^.!?,;]*", re.I)


def read(text: str) -> Days | None:
    """The days `text` asks for, or None when it names no repeat. Days said in a relative
    clause about someone ("a man who climbs on Thursdays") describe that person, not the
    item."""
    text = _IN_NAME.sub(_unnamed, _ABOUT_SOMEONE.sub(" ", text))
    wanted, _ = _cut(text, _DESCRIBED)
    kept, excepted = _cut(wanted, _EXCEPT)
    days = _named(kept) - _named(excepted)
    weekly = _NOT_WEEKLY.search(text) is None
    if not days or not (_repeats(kept, days) or not weekly):
        return None
    change = Change.SET
    if _ADDED.search(kept):
        change = Change.ADD
    elif _REMOVED.search(kept) and not excepted:
        change = Change.REMOVE
    return Days(frozenset(days), change, weekly, _phrase(text))


def _phrase(text: str) -> str:
    """The words that say the days, to keep out of what the request names."""
    spans = [m.span() for p in (_ALL, _WEEKDAYS, _WEEKENDS, _DAY, _NOT_WEEKLY, _DESCRIBED,
                                _EXCEPT) for m in p.finditer(text)]
    return " ".join(text[a:b] for a, b in sorted(spans))


def shown(text: str) -> frozenset[int] | None:
    """The days a summary line shows ("Tue, Thu", "Every day", "Weekends"), or None when
    it names none ("Not scheduled" names none)."""
    found = _named(text)
    return frozenset(found) if found else None


def describe(days: frozenset[int]) -> str:
    return ", ".join(_NAMES[i].capitalize()[:3] for i in sorted(days)) or "no day"


_DAYS_LEAD = closed_class("on every each and that repeats repeating")


def set_apart(days: Days, clause: str, entities: Sequence[str], slots: Sequence[Slot],
              said: Sequence[str]) -> tuple[Days | None, str, list[str], list[Slot]]:
    """The days, the request's clause, the names it looks for and its values, without the
    words that say the days: those are values set on the item, not names to look for
    (`said`: the quoted values, kept whole). Days said inside the words an item holds ("a
    note containing she comes Friday") are those words: no days are set."""
    said_days = {w.casefold() for w in days.phrase.split()}
    if any(s.name == "text" and said_days & set(s.value.casefold().split()) for s in slots):
        return None, clause, list(entities), list(slots)
    entities = [_without_days(Slot("", e), said_days, said).value for e in entities
                if not set(e.casefold().split()) <= said_days]
    clause = " ".join(w for w in clause.split() if w.strip(",.;!?").casefold() not in said_days)
    return days, clause, entities, [_without_days(s, said_days, said) for s in slots]


def _without_days(slot: Slot, said_days: set[str], said: Sequence[str]) -> Slot:
    """An unquoted value without the days that follow it ("called Yoga on weekends": the
    name is "Yoga"; the days are set apart)."""
    found = slot.value.split()
    cut = next((i for i, w in enumerate(found) if w.strip(",.;!?").casefold() in said_days), None)
    if slot.value in said or not cut:
        return slot
    while cut > 1 and found[cut - 1].casefold() in _DAYS_LEAD:
        cut -= 1
    return Slot(slot.name, " ".join(found[:cut]), slot.append, slot.ref)
