"""Times said in words are times: "quarter to seven" is 6:45, "ten past eight" 8:10, "half
past six" 6:30 (and "at half six", as it is said in Britain: half past, never half an hour
before), "noon" 12:00 PM, "seven o'clock" 7:00, "six thirty" 6:30 (after "at", "for",
"until", or before am / pm), and "in the morning" / "this evening" / "tomorrow morning"
after a time is AM / PM. The request is read with the digits in their place, so the parsers
that know times by their shape read these too."""

from __future__ import annotations

import re

from planners.embedded.wording import TIME

_HOURS = {w: i for i, w in enumerate(("one", "two", "three", "four", "five", "six", "seven",
                                      "eight", "nine", "ten", "eleven", "twelve"), start=1)}
_MINUTES = {"oh five": 5, "ten": 10, "fifteen": 15, "twenty": 20, "twenty-five": 25,
            "twenty five": 25, "thirty": 30, "forty": 40, "forty-five": 45, "forty five": 45,
            "fifty": 50, "fifty-five": 55, "fifty five": 55}
_HOUR = r"(\d{1,2}|" + "|".join(_HOURS) + r")"
_MINUTE = "|".join(sorted(_MINUTES, key=len, reverse=True))
_BY = {"quarter": 15, "five": 5, "ten": 10, "twenty": 20, "twenty-five": 25, "twenty five": 25}
# "quarter to nine", "ten past eight", "twenty-five to 8" (never a span: "from ten to six")
_QUARTER = re.compile(rf"(?<!\bfrom\s)(?<!\bbetween\s)\b(?:a\s+)?"
                      rf"({'|'.join(sorted(_BY, key=len, reverse=True))})(?:\s+minutes)?\s+"
                      rf"(past|after|to|till|before|of)\s+{_HOUR}\b", re.I)
_HALF = re.compile(rf"\bhalf\s+past\s+{_HOUR}\b|(?:(?<=\bat\s)|(?<=\bfor\s)|(?<=\buntil\s)|"
                   rf"(?<=\bby\s)|(?<=\bfrom\s))half\s+{_HOUR}\b", re.I)  # "at half 6": 6:30
_OCLOCK = re.compile(rf"\b{_HOUR}\s+o'?\s?clock\b", re.I)
_HOUR_MINUTE = re.compile(rf"(?:(?<=\bat\s)|(?<=\bfor\s)|(?<=\buntil\s)|(?<=\bby\s))"
                          rf"{_HOUR}\s+({_MINUTE})\b|\b{_HOUR}\s+({_MINUTE})(?=\s*[ap]\.?m\b)",
                          re.I)
_NOON = re.compile(r"\b(?:noon|midday)\b", re.I)
_MIDNIGHT = re.compile(r"\bmidnight\b", re.I)
_PART_OF_DAY = re.compile(r"\b(\d{1,2}(?::\d{2})?)\s+(?:(tomorrow|today)\s+(?:in\s+the\s+)?)?"
                          r"(in\s+the\s+morning|in\s+the\s+afternoon|in\s+the\s+evening|"
                          r"at\s+night|tonight|this\s+(?:morning|afternoon|evening)|morning|"
                          r"afternoon|evening|night)\b", re.I)


def _hour(word: str) -> int:
    return int(word) if word.isdigit() else _HOURS[word.lower()]


def _at(hour: int, minute: int) -> str:
    return f"{(hour - 1) % 12 + 1}:{minute:02d}"


def _quarter(m: re.Match[str]) -> str:
    minutes, hour = _BY[m.group(1).lower()], _hour(m.group(3))
    before = m.group(2).lower() in ("to", "till", "before", "of")
    return _at(hour - 1, 60 - minutes) if before else _at(hour, minutes)


def _hour_minute(m: re.Match[str]) -> str:
    hour, minute = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
    return _at(_hour(hour), _MINUTES[minute.lower()])


def _part_of_day(m: re.Match[str]) -> str:
    """"7 in the morning" -> "7 AM"; "7 tomorrow morning" -> "7 AM tomorrow" (the day stays);
    a bare part of the day counts only after the day ("7 morning" is no time)."""
    if m.group(3).lower() in ("morning", "afternoon", "evening", "night") and not m.group(2):
        return m.group(0)
    morning = m.group(3).lower().endswith("morning")
    day = f" {m.group(2)}" if m.group(2) else ""
    return f"{m.group(1)} {'AM' if morning else 'PM'}{day}"


def in_digits(text: str) -> str:
    """`text` with the times it says in words written in digits."""
    text = _QUARTER.sub(_quarter, text)
    text = _HALF.sub(lambda m: _at(_hour(m.group(1) or m.group(2)), 30), text)
    text = _OCLOCK.sub(lambda m: _at(_hour(m.group(1)), 0), text)
    text = _HOUR_MINUTE.sub(_hour_minute, text)
    text = _NOON.sub("12:00 PM", text)
    text = _MIDNIGHT.sub("12:00 AM", text)
    return _PART_OF_DAY.sub(_part_of_day, text)


def canonical_time(text: str) -> str | None:
    """'7 AM' -> '7:00 AM', '9:15 pm' -> '9:15 PM', '8:30' -> '8:30'; None when no time."""
    m = TIME.search(text)
    if not m:
        return None
    if m.group(1):
        return f"{int(m.group(1))}:{m.group(2) or '00'} {m.group(3).upper()}M"
    return f"{int(m.group(4))}:{m.group(5)}"
