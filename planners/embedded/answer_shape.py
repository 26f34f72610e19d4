"""What an answer read off the screen must be to answer the question asked.

- A row's help text is no value. Settings rows carry a line that tells what the row is for
  ("See and connect to networks", "Choose what to back up"): a sentence in lower case after
  its first word, made with small words (to, and, your). A value is a name, a number or a
  state ("HomeNet", "Pixel 8", "Off"), which keeps its own capitals or is a word or two; so a
  line of the sentence shape answers no question about the row's value.
- An answer to "when" is the moment as the source states it: when the sentence that holds
  the time also says the day ("on Friday at 4 PM", "tomorrow at 9:15", "12 May, 10:00"),
  the day is part of the answer; the time alone names another moment as well.
- A question that asks who (its own clause opens with "who" or "whom": "who sent it?",
  "someone rang, who was it?", "tell me who wrote") asks for a person. A sentence (several
  words in lower case, or a line that ends as a question or an exclamation) names no one:
  it is what someone said, not who said it.
- A question that asks how far something goes ("how loud", "how bright") asks for a level.
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


# "who" opening a clause of its own: the sentence's start, after a comma or a colon, or as
# the object of a verb of telling or knowing ("tell me who", "find out who"); "whose" asks
# for an owner and a relative "who" ("the man who called") follows a noun
_ASKS_WHO = re.compile(r"(?:^|[,;:]|\b(?:and|but|so|me|us|know|out|see|check|wonder))\s*"
                       r"(?:who|whom|who's)\b", re.I)
# the small words inside a person's name ("Maria de la Cruz", "Jan van Dijk")
_PARTICLES = {"de", "la", "le", "van", "von", "der", "den", "da", "di", "du", "bin", "al", "el"}


def asks_who(question: str) -> bool:
    """The question asks who: it wants a person named (see the module docstring)."""
    return _ASKS_WHO.search(question.strip()) is not None


def is_sentence(text: str) -> bool:
    """The text reads as something said, not as a name (see the module docstring)."""
    tokens = text.split()
    lower = [t for t in tokens if t[:1].islower() and t.lower() not in _PARTICLES]
    return len(lower) >= 3 or (len(tokens) >= 3 and text.rstrip()[-1:] in "?!")


# "how loud is ...", "how bright are ...": "how" and an adjective before the verb ask for a
# degree; "how much", "how long", "how late" ask for money, a length of time, a moment
_LEVEL = re.compile(r"^\s*how\s+(?!(?:much|many|often|long|late|early|soon|old|far)\b)"
                    r"[a-z]+\s+(?:is|are|was|were)\b", re.I)


def asks_level(question: str) -> bool:
    """The question asks how far something goes ("how bright is the torch?"): its answer is
    a level (a number, a percentage, a word such as "High"), never a price, a time, a date
    or an address."""
    return _LEVEL.match(question) is not None


def names_a_day(text: str) -> bool:
    """The text is a day and nothing else ("Yesterday", "Mon 12 May"): a divider between
    messages, not a name."""
    return re.fullmatch(rf"{_DAY}|yesterday", text.strip(" ,."), re.I) is not None
