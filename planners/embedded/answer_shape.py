"""What an answer read off the screen must be to answer the question asked.

- A row's help text is no value. Settings rows carry a line that tells what the row is for
  ("See and connect to networks", "Choose what to back up"): a sentence in lower case after
  its first word, made with small words (to, and, your). A value is a name, a number or a
  state ("HomeNet", "Pixel 8", "Off"), which keeps its own capitals or is a word or two; so a
  line of the sentence shape answers no question about the row's value.
- An answer to "when" is the moment as the source states it: when the sentence that holds
  the time also says the day ("on Friday at 4 PM", "tomorrow at 9:15", "12 May, 10:00"),
  the day is part of the answer; the time alone names another moment as well.
"""

from __future__ import annotations

import re

_SMALL = {"to", "and", "or", "for", "your", "the", "of", "with", "from", "on", "in", "a",
          "an", "what", "how", "who", "which", "when", "this", "that"}
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*|\S+")


def is_help_text(text: str) -> bool:
    """The line reads as a row's help text (see the module docstring), not as a value."""
    tokens = _WORD.findall(text.strip().rstrip("."))
    if len(tokens) < 3 or not tokens[0][:1].isupper():
        return False
    rest = tokens[1:]
    if not all(t.isalpha() or "'" in t or "-" in t for t in rest):
        return False  # digits, symbols: a value ("Up to 2 GB", "HomeNet-5G")
    if any(t[:1].isupper() for t in rest):
        return False  # a capital inside is a name's ("Connected to HomeNet")
    return any(t.lower() in _SMALL for t in rest)


_WEEKDAY = (r"(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?s?\b")
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_DAY = (rf"(?:(?:this|next|coming|on)\s+)?(?:{_WEEKDAY}(?:,?\s+(?:the\s+)?\d{{1,2}}"
        rf"(?:st|nd|rd|th)?(?:\s+{_MONTH})?)?|today|tonight|tomorrow|"
        rf"\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?|"
        rf"\d{{1,4}}[/.-]\d{{1,2}}(?:[/.-]\d{{1,4}})?)")
_BEFORE = re.compile(rf"\b({_DAY})\s*,?\s*(?:at|@|from|,)?\s*$", re.I)
_AFTER = re.compile(rf"^\s*,?\s*(?:on\s+|this\s+|next\s+)?({_DAY})", re.I)


def with_its_day(sentence: str, start: int, end: int) -> str:
    """The time at `sentence[start:end]` with the day the same sentence states right before
    or after it ("Saturday at 11:30 AM"), or the time alone when no day is said there."""
    before = _BEFORE.search(sentence[:start])
    if before is not None:
        start = before.start(1)
    else:
        after = _AFTER.match(sentence[end:])
        end += after.end() if after is not None else 0
    return re.sub(r"^on\s+", "", sentence[start:end].strip(), flags=re.I)


def asks_when(question: str) -> bool:
    """The question asks when (the moment), not only at what time of the day."""
    return re.match(r"^\s*when\b", question, re.I) is not None
