"""Requests said the way people talk, restated as the plain order they mean, by their shape
alone (never by their words):

- the person and a clock time as the only objects ("wake me at 6:45", "get us up at 7"): the
  request is for something to ring at that time, an alarm;
- a length of time as the only object, given to the person or counted down ("give me 5
  minutes", "count down 2 minutes for the pasta"): a timer of that length (a purpose after
  "for" names what it is for, not another thing to do);
- the person and a new thing ("get me a lamp", "find us some batteries"): the thing is to be
  had, which on a phone is an order;
- a bare noun and a clock time, with no verb ("alarm 6am", "reminder at 17:30"): a new item
  of that kind at that time (a note jotted on a list of things to make);
- writing something down ("jot down: eggs and flour", "write this down - call the vet"): a
  new note whose text is what follows, not names of things to look for;
- a light verb whose object is an act ("place an order for X", "make a call to Y"): the
  act's noun is the verb ("order X", "call Y").
"""

from __future__ import annotations

import re

from planners.embedded.durations import said_duration

_PERSON = r"(?:me|us|him|her|them)"
_CLOCK = r"(\d{1,2})(?::(\d{2}))?\s*((?:[ap])\.?\s?m\b\.?)?"
# when, after the time: the day ("tomorrow") and its part, which says am or pm
_DAY = (r"(?:\s+(?:tomorrow|today|tonight|this))?"
        r"(?:\s+(?:in\s+the\s+)?(morning|afternoon|evening|night))?")
_RING = re.compile(rf"^\s*(\w+)\s+{_PERSON}(?:\s+(?:up|out))?\s+(?:at|by)\s+{_CLOCK}{_DAY}"
                   r"\s*[.!]?\s*$", re.I)
_GIVEN = re.compile(rf"^\s*(\w+)\s+(?:{_PERSON}|down)\s+(.+?)"
                    r"(?:\s+for\s+(?:the|my|our|a|an)\s+[\w\s-]+)?\s*[.!]?\s*$", re.I)
_HAD = re.compile(rf"^\s*(?:get|find|fetch|grab)\s+{_PERSON}\s+((?:an?|some|\d+|two|three)\s+.+)$",
                  re.I)
_LIGHT = re.compile(r"^\s*(?:place|make|put\s+in|give)\s+(?:an?|the)\s+([a-z]+)\s+(?:for|to|of)"
                    r"\s+(.+)$", re.I)
_TERSE = re.compile(r"^\s*([a-z]{3,})\s+(?:at\s+|for\s+)?(\d{1,2}(?::\d{2})?\s*[ap]\.?\s?m\.?"
                    r"|\d{1,2}:\d{2})\s*[.!]?\s*$", re.I)
_JOTTED = re.compile(r"^\s*(?:jot|write|scribble|note|take)\s+(?:this\s+|that\s+|it\s+)?down"
                     r"\s*(?:[:,-]\s*|\s+that\s+)(.+?)\s*$", re.I)
_NOT_A_VERB = re.compile(r"(?:tion|sion|ment|ance|ence|ing|al|ist|ery)$", re.I)


def _ringing(m: re.Match[str]) -> str:
    hour, minute, meridiem = m.group(2), m.group(3) or "00", m.group(4) or ""
    if not meridiem and m.group(5):
        meridiem = "am" if m.group(5).lower() == "morning" else "pm"
    return f"set an alarm for {hour}:{minute}{' ' + meridiem if meridiem else ''}"


def plainly(text: str) -> str:
    """`text` restated as the plain order it means (itself when it is plain already)."""
    m = _RING.match(text)
    if m:
        return _ringing(m)
    m = _GIVEN.match(text)
    if m and said_duration(m.group(2)) and said_duration(m.group(2)).group(0) == (
            m.group(2).strip()):
        return f"start a timer for {m.group(2).strip()}"
    m = _HAD.match(text)
    if m:
        return f"order {m.group(1)}"
    m = _JOTTED.match(text)
    if m:
        return 'add a note "' + m.group(1).strip('"\'') + '"'
    m = _TERSE.match(text)
    if m:
        return f"add a new {m.group(1)} at {m.group(2)}"
    m = _LIGHT.match(text)
    if m and not _NOT_A_VERB.search(m.group(1)):
        return f"{m.group(1)} {m.group(2)}"
    return text
