"""Edits said without naming the field apart from the verb, and where a new value ends.

A verb made of "re-" and the name of a field ("rename", "retitle", "relabel") asks for that
field to be given anew: "rename ITEM to VALUE" is "change the name of ITEM to VALUE". The
item is the words between the verb and the first "to"; the field is the verb's stem, known
only when it is one of the fields a request can fill (so "remove", "reset", "repeat" are
never read as fields).

A new value runs to the end of its clause: what follows a sentence's end ("... to Blue
Box? The old one is dull.") or a comma and a conjunction ("... to Q3 plan, but leave the
text alone") is said about the change, never part of the value typed.
"""

from __future__ import annotations

import re
from collections.abc import Collection

_RE_FIELD = re.compile(r"^re([a-z]+)\s+(.+?)\s+(?:to|as)\s+(.+)$", re.I)
_OWNER = re.compile(r"^(?:my|the|this|that|our|your)\s+", re.I)
# a new clause: a sentence ends, or a comma brings a conjunction
_CLAUSE_END = re.compile(r"(?:[.?!](?:\s|$)|,\s*(?:but|and|so|though|although|while|yet|"
                         r"then|because|as)\b|;)", re.I)
_QUOTES = " '\"“”‘’"


def clause_value(value: str) -> str:
    """The value up to the end of its clause ("Q3 plan, but keep the text" -> "Q3 plan").
    A full stop inside a value ("v2.1", "J. Smith") is kept: only one that ends a word
    before a space or the end counts, and an abbreviation of one letter never does."""
    for m in _CLAUSE_END.finditer(value):
        before = value[: m.start()]
        if m.group(0)[0] == "." and re.search(r"(?:^|\s)\w$", before):
            continue  # "J. Smith": an initial, not a sentence's end
        return before.strip(_QUOTES + " ,")
    return value.strip(_QUOTES + " .!?")


def re_field(text: str, fields: Collection[str]) -> tuple[str, str, str] | None:
    """(field, new value, the item's words) for "re-FIELD ITEM to VALUE", else None."""
    m = _RE_FIELD.match(" ".join(text.split()))
    if m is None or m.group(1).lower() not in fields:
        return None
    value = clause_value(m.group(3))
    item = _OWNER.sub("", m.group(2)).strip(_QUOTES)
    return (m.group(1).lower(), value, item) if value and item else None
