"""A part of the day narrows rows by the times they show.

"the morning timers", "the reminders for the evening", "tonight's events": the word for a
part of the day is a condition on each row's own time, not a name the rows carry. A row
whose time falls in that part (morning 5:00-11:59, afternoon 12:00-16:59, evening
17:00-21:59, night 21:00-4:59) is one of them; the others are left alone. A row that shows no
time says nothing either way. The same words right after a time ("at 7 in the morning")
only say AM or PM of that time: they narrow nothing.
"""

from __future__ import annotations

import re
from collections.abc import Callable

_HOUR = 60
PARTS = {  # minutes after midnight: from (inclusive), to (exclusive); night runs past 0:00
    "morning": (5 * _HOUR, 12 * _HOUR), "afternoon": (12 * _HOUR, 17 * _HOUR),
    "evening": (17 * _HOUR, 22 * _HOUR), "night": (21 * _HOUR, 5 * _HOUR),
}
_SAID = re.compile(r"\b(mornings?|afternoons?|evenings?|nights?|tonight|overnight)\b", re.I)
_AFTER_TIME = re.compile(r"(?:\d|\b[ap]\.?m\.?)\s*(?:in\s+the|at|this|tomorrow)?\s*$", re.I)
_CLOCK = re.compile(r"\b(\d{1,2})(?::(\d{2}))?\s*([ap])\.?\s?m\b|\b(\d{1,2}):(\d{2})\b", re.I)


def _part(word: str) -> str:
    word = word.lower().rstrip("s")
    return {"tonight": "night", "overnight": "night"}.get(word, word)


def part_said(request: str) -> str | None:
    """The part of the day the request narrows its rows to ("morning"), or None: none is
    said, or only to tell AM from PM of a time it states."""
    for m in _SAID.finditer(request):
        if not _AFTER_TIME.search(request[:m.start()]):
            return _part(m.group(1))
    return None


def row_minutes(row: str) -> int | None:
    """Minutes after midnight of the first clock time a row shows ("5:40 AM", "17:05")."""
    m = _CLOCK.search(row)
    if m is None:
        return None
    if m.group(1):
        hour, minute = int(m.group(1)) % 12, int(m.group(2) or 0)
        return (hour + (12 if m.group(3).lower() == "p" else 0)) * _HOUR + minute
    hour, minute = int(m.group(4)), int(m.group(5))
    return hour * _HOUR + minute if hour <= 23 and minute <= 59 else None


def in_part(part: str, minutes: int) -> bool:
    start, end = PARTS[part]
    return start <= minutes < end if start < end else minutes >= start or minutes < end


def narrowing(request: str) -> Callable[[str], bool | None] | None:
    """The test a row must pass for the part of the day the request says (None for a row
    that shows no time), or None when it says none."""
    part = part_said(request)
    if part is None:
        return None

    def meets(row: str) -> bool | None:
        minutes = row_minutes(row)
        return None if minutes is None else in_part(part, minutes)
    return meets
