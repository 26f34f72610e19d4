"""A street address written in free text: a house number, then words that name a street."""

from __future__ import annotations

import re

from planners.embedded.wording import ADDRESS, NAME_START

# The kinds of street an address names after its house number, in their usual short forms.
_KINDS = (r"(?:street|st|road|rd|avenue|ave|av|lane|ln|drive|dr|court|ct|way|boulevard|blvd|"
          r"place|pl|square|sq|close|crescent|cres|terrace|ter|highway|hwy|parkway|pkwy|row|"
          r"circle|cir|trail|alley|walk|hill|gardens|mews|plaza)")
_STREETS = re.compile(rf"\b{_KINDS}\.?$", re.I)
_STREET_FIRST = re.compile(r"^\d+\w?\s+(?:rue|via|calle|avenida|avenue|boulevard|piazza|plaza|"
                           r"rua|viale|place)\b", re.I)  # "7 Rue Cler": the kind goes first


# a house number, capitalised words, and the kind of street they end on ("9 Alder Lane")
# (not the minutes of a clock time: "6:30 PM at Bo's place")
STREET = re.compile(rf"(?<![:.,\d])\b\d+\w?\s+(?:{NAME_START}[\w'.-]*\s+){{1,4}}?(?i:{_KINDS})"
                    r"\b\.?")


def street_address(text: str) -> str:
    """The first street address written in `text`: a house number and capitalised words that
    end on a kind of street ("5 Willow Way") or go on to a town after a comma ("12 Oak
    Street, Springfield"). A count before a name ("3 Notebooks", "2 Garden Gloves") is
    neither; "" when there is none."""
    for m in ADDRESS.finditer(text):
        first = m.group(0).split(",")[0]
        if "," in m.group(0) or _STREETS.search(first) or _STREET_FIRST.match(first):
            return m.group(0)
    return ""
