"""A message addressed to several people goes to each of them, in a thread of its own, in
the order they are named, each with the whole message. The people are named together, joined
by "and" (and perhaps announced by "both" or "all of"), either before what the message says
("text Ana and Bo: late", "message both Ana and Bo that ...") or after it, as the last words
of the request ("send 'late' to Ana and Bo", "forward the code to both Ana and Bo"). A list
of names inside the message itself ("text Priya: Sam and Lou are coming") is what is said,
not who it goes to.
"""

from __future__ import annotations

import re

from planners.embedded.wording import NAMES

_PHONE = r"\+?\d[\d\s().-]{4,}\d"  # someone named by their number
_PERSON = rf"(?:{NAMES}|{_PHONE})"
_TOGETHER_WORD = r"(?:(?:both|all|each)(?:\s+of)?\s+)?"
_LIST = rf"(?:{_PERSON}\s*,\s*)*{_PERSON},?\s+and\s+{_PERSON}"
# several people named together before what a message says: "Ana and Bo: ...",
# "Ana, Bo and Cy that ...", "to Ana and Bo saying ..."
_BEFORE = re.compile(rf"^(\s*\S+(?:\s+an?\s+\S+)?\s+(?:to\s+)?){_TOGETHER_WORD}({_LIST})"
                     r"(\s*(?::|\bthat\b|\bsaying\b).+)$")
# several people named last, after "to": "send 'late' to Ana and Bo"
_AFTER = re.compile(rf"^(.+?\s+to\s+){_TOGETHER_WORD}({_LIST})\s*[.!]*$")
_QUOTES = "'\"“”‘’"


def _people(listed: str) -> list[str]:
    return [p.strip() for p in re.split(r",\s*(?:and\s+)?|\s+and\s+", listed) if p.strip()]


def _outside_quotes(text: str, at: int) -> bool:
    """Position `at` is not inside a quoted message (an even number of quotes before it)."""
    before = text[:at]
    return sum(before.count(q) for q in "\"“”") % 2 == 0 and not re.search(
        r"(?:^|\s)['‘][^'’]*$", before)


def _addressed(head: str) -> bool:
    """The words before "to" already address someone: "tell Ana to greet Bo and Cy" is said
    to Ana (a name right after the verb, not one whose thing is sent: "send Ana's number")."""
    second = head.split()[1:2]
    return bool(second) and re.fullmatch(NAMES, second[0]) is not None and not re.search(
        r"['’]s?$", second[0])


def each_addressee(text: str) -> list[str]:
    """`text` once for each person it addresses: "text Ana and Bo: late" is "text Ana: late"
    then "text Bo: late". [text] when it names one person (or none)."""
    m = _BEFORE.match(text)
    if m is not None:
        return [f"{m.group(1)}{person}{m.group(3)}" for person in _people(m.group(2))]
    m = _AFTER.match(text)
    if m is not None and _outside_quotes(text, m.start(2)) and not _addressed(m.group(1)):
        return [f"{m.group(1)}{person.rstrip('.!')}" for person in _people(m.group(2))]
    return [text]
