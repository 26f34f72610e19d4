"""A time said as a length before or after another time: "wake me twenty minutes before my
train leaves", "an alarm for half an hour after the start time in my Swim note". The other
time (the anchor) is a value to read (`lookup`); the time to use is the one read, moved by
the length, and it stands in the request where the whole phrase stood ("wake me at 6:10");
a clause of context that only told where the time was is then no part of the request.

A pronoun for an anchor ("before it", "after that") points back at what a clause of context
told: its object, the value the clause says was given ("the ferry company texted my sailing
time": "my sailing time"; "Ivo sent me when the match starts": "when the match starts").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from planners.embedded.durations import duration_s, said_duration

_SIDE = r"(before|after|ahead\s+of|earlier\s+than|later\s+than|prior\s+to)"
# the anchor runs to the end of its clause: a stop, or "and" before the next verb
_ANCHOR = re.compile(rf"\b{_SIDE}\s+(.+?)\s*(?=[,;.!?]|\s+and\s+\w+\s+(?:it|them)\b|$)", re.I)
_LEAD = re.compile(r"\b(at|for)\s+$", re.I)  # the preposition a time is said with
_POINTERS = {"it", "that", "this", "then", "that time", "this time", "the same time"}
# what a clause of context says was given: a definite or wh- phrase after its verb
_OBJECT = re.compile(r"\b((?:my|the|our|her|his|their|its)\s+\w.*|(?:what|when|which)\s+\w.*)$",
                     re.I)
_EARLIER = re.compile(r"^(?:before|ahead|earlier|prior)", re.I)


@dataclass(frozen=True)
class Shift:
    """A time the request gives as a length from another time."""

    phrase: str  # the words to replace once the anchor is read ("for two hours before it")
    anchor: str  # what names the time counted from ("my sailing time"), to read
    minutes: int  # the length, negative before the anchor
    lead: str  # the preposition the time is said with ("at", "for")
    told: str = ""  # the clause of context a pronoun anchor points back at, with its stop


def _duration_before(prefix: str) -> tuple[int, int] | None:
    """(where it starts, its seconds): the length said at the very end of `prefix`."""
    starts = [0] + [m.end() for m in re.finditer(r"\s+", prefix)]
    for start in starts:
        tail = prefix[start:].rstrip()
        m = said_duration(tail)
        if tail and m is not None and m.start() == 0 and m.end() == len(tail):
            seconds = duration_s(tail)
            return (start, seconds) if seconds else None
    return None


def told_object(clause: str) -> str:
    """What a clause of context says was given: "the ferry company texted my sailing time"
    -> "my sailing time" (never its subject, at the clause's start); "" when it names none."""
    words = clause.split()
    for i in range(1, len(words)):
        m = _OBJECT.match(" ".join(words[i:]))
        if m is not None:
            return m.group(1).strip(" ,;.!?")
    return ""


def shift_of(text: str) -> Shift | None:
    """The time `text` gives as a length before or after another one, or None. A pronoun
    for the anchor points back at the clauses before the one it is in."""
    for m in _ANCHOR.finditer(text):
        length = _duration_before(text[:m.start()])
        if length is None:
            continue
        start, seconds = length
        lead = _LEAD.search(text[:start])
        begin = lead.start() if lead else start
        anchor = m.group(2).strip()
        told, pointed = "", anchor.lower() in _POINTERS
        if pointed:
            clauses = re.findall(r".+?(?:[.;!?]\s+|,\s+|$)", text[:start])[:-1]
            told = next((c for c in reversed(clauses) if told_object(c)), "")
            if not told:
                continue
            anchor = told_object(told)
        sign = -1 if _EARLIER.match(m.group(1)) else 1
        return Shift(text[begin:m.end()].strip(), anchor, sign * seconds // 60,
                     (lead.group(1) if lead else "at").lower(), told if pointed else "")
    return None


_CLOCK = re.compile(r"^\s*(\d{1,2})(?::(\d{2}))?\s*(?:([AaPp])\.?[Mm]\.?)?\s*$")


def moved(time: str, minutes: int) -> str | None:
    """The clock time `minutes` after `time` ("6:20 AM", -60 -> "5:20 AM"), said the way the
    time was (with AM / PM, or on a 24-hour clock); None when `time` is no clock time."""
    m = _CLOCK.match(time)
    if m is None or (m.group(2) is None and m.group(3) is None):
        return None  # a bare number is no time of day
    hour, minute, half = int(m.group(1)), int(m.group(2) or 0), (m.group(3) or "").upper()
    if hour > 23 or minute > 59 or (half and not 1 <= hour <= 12):
        return None
    if half:
        hour = hour % 12 + (12 if half == "P" else 0)
    total = (hour * 60 + minute + minutes) % (24 * 60)
    hour, minute = divmod(total, 60)
    if half:
        return f"{(hour - 1) % 12 + 1}:{minute:02d} {'PM' if hour >= 12 else 'AM'}"
    return f"{hour}:{minute:02d}"
