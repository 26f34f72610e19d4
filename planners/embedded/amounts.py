"""How much and how many: the level a value is set to ("to 30%", "all the way down", "to
half", a percentage wherever it stands) and the count of items a request asks for ("two
cables", "3x mugs", "a couple of")."""

from __future__ import annotations

import re

from planners.embedded import counts
from planners.embedded.durations import said_duration
from planners.embedded.slots import Slot
from planners.embedded.wording import NUMBER, NUMBER_WORDS, TIME, is_name_word, strip_quotes

# "as quiet as it gets", "as loud as possible", "as faint as it can be": the end of the scale
# the comparison points to
_AS_FAR = (r"as\s+{}\s+as\s+(?:possible\b|(?:it|they|you|I)(?:'ll|'d|\s+(?:can|will|could|would))?"
           r"\s+(?:go(?:es)?|gets?|can)\b)")
_EXTREMES = (
    (re.compile(r"\b(all the way up|to (the )?max(imum)?|maximum|to full|fully up|highest|"
                + _AS_FAR.format(r"(?:high|loud|bright|far\s+up)") + ")", re.I), 100.0),
    (re.compile(r"\b(all the way down|to (the )?min(imum)?|minimum|lowest|"
                + _AS_FAR.format(r"(?:low|quiet|dim|dark|far\s+down)") + ")", re.I), 0.0),
)
# Muting a level ("mute the alarm volume", "silence the ringer") sets it to nothing.
_SILENCING = re.compile(r"^\s*(?:please\s+)?(?:mute|silence)\b", re.I)


def level(text: str) -> float | None:
    """The level a slider is moved to: the number the request says, else nothing for a
    request that mutes or silences it."""
    said = number(text)[0]
    if said is None and _SILENCING.search(text):
        return 0.0
    return said
# a level said in words: "down to nothing", "to half", "to fifty percent"
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
         "eighty": 80, "ninety": 90}
_LEVEL_WORDS = {**NUMBER_WORDS, **_TENS, "zero": 0, "nothing": 0, "half": 50, "halfway": 50,
                "a hundred": 100, "one hundred": 100, "hundred": 100}
_LEVEL = re.compile(r"\bto\s+(" + "|".join(sorted(_LEVEL_WORDS, key=len, reverse=True))
                    + r")(?:[\s-]+(" + "|".join(NUMBER_WORDS) + r"))?\b\s*(%|percent\b)?", re.I)


# a share of a whole is a level wherever it stands ("at 30%", "be 45 percent", "40% please")
_PERCENTAGE = re.compile(r"(?<![\w.])(\d+(?:\.\d+)?)\s*(%|percent\b)", re.I)


def without_extremes(text: str) -> str:
    """`text` without the words that say a level is at an end of its scale: they are the
    value ("to the very top"), no part of the thing's name; a comparison keeps its adjective,
    which says what is measured ("as faint as it can be": faint, a brightness)."""
    text = re.sub(_AS_FAR.format(r"([a-z]+(?:\s+(?:up|down))?)"), r"\1", text, flags=re.I)
    for pattern, _ in _EXTREMES:
        text = pattern.sub(" ", text)
    return " ".join(text.split())


def number(text: str) -> tuple[float | None, bool]:
    """The value a level is set to ("to 30%", "to the max"), and whether a percentage."""
    for pattern, value in _EXTREMES:
        if pattern.search(text):
            return value, True
    m = re.search(r"\bto\s+" + NUMBER.pattern, text, re.I) or _PERCENTAGE.search(text)
    if m:
        return float(m.group(1)), bool(m.group(2))
    said = _LEVEL.search(text)
    if said is None:
        return None, False
    value = _LEVEL_WORDS[said.group(1).lower()] + NUMBER_WORDS.get((said.group(2) or "").lower(), 0)
    return float(value), bool(said.group(3)) or said.group(1).lower() in ("half", "halfway")


# Units of measure: a number before one is a size ("2 m", "500 ml"), not how many.
_UNITS = ("mm|cm|m|km|in|inch(?:es)?|ft|ml|l|g|kg|mg|oz|lbs?|gb|tb|mb|mah|w|kw|v|hz|mp|"
          "mins?|minutes?|hours?|seconds?|am|pm|points?|percent|%")
_TIMES = re.compile(r"(?:\b(\d{1,2})\s*[x×]|[x×]\s*(\d{1,2}))(?=\s|$)", re.I)  # "3x", "x 2"
_COUPLE = re.compile(r"\ba\s+couple\s+of\b", re.I)


def quantity(text: str, slots: list[Slot]) -> int | None:
    """How many items: a count word before a noun ("two cables", "3 yoga mats"), a count
    with a times sign ("3x mugs", "the lamp x2") or "a couple of"; not a time, a length of
    time, a size before its unit ("2 m"), what a name holds in brackets ("Socks (3 pairs)"),
    part of a name ("Pixel 9") or a typed value. Of several counts, the one wanted (`counts`)."""
    bare = re.sub(r"\([^()]*\)", " ", strip_quotes(text))
    for slot in slots:
        bare = bare.replace(slot.value, " ")
    bare = TIME.sub(" ", bare)
    while (length := said_duration(bare)) is not None:  # "six and a half hours": a length
        bare = f"{bare[:length.start()]} {bare[length.end():]}"
    times = _TIMES.search(bare)
    if times:
        return int(times.group(1) or times.group(2))
    if _COUPLE.search(bare):
        return 2
    for m in re.finditer(r"\b(\d+|" + "|".join(NUMBER_WORDS) + r")\s*"
                         rf"(?!(?:{_UNITS})\b)(?<=\s)[a-z-]+", bare, re.I):
        word = m.group(1).lower()
        value = int(word) if word.isdigit() else NUMBER_WORDS[word]
        before = bare[: m.start()].split()
        named = len(before) > 1 and is_name_word(before[-1])
        if value < 100 and not named:
            return counts.wanted(bare) or value  # "I have 4 ..., 2 will do": the one wanted
    return None
