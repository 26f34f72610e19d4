"""A value written right after the noun of the field it fills, as an apposition: "the
username "tora"", "the label Rowing", "the title Budget Plan".

A quoted value after any field noun is that field's value (every quoted value of the request
must be named so, or none is: then the words are sure). Without quotes, a value is known by
its capitals: a run of name words right after the noun of an attribute that names or tags
an item (its label, title, name, nickname, tag). A noun that is also a kind of item ("the
note Groceries", "the message Hello") names the item, not a value to type, and is left out.
"""

from __future__ import annotations

import re

from planners.embedded.wording import NAMES, quoted

_DETERMINER = r"\b(?:the|my|your|a|an)\s+"
_QUOTED = re.compile(_DETERMINER + r"([a-z]+(?:\s+[a-z]+)?)\s+[\"“]([^\"”]+)[\"”]", re.I)
# the attributes that name or tag an item, never items themselves
_ATTRIBUTES = r"(?:label|title|name|nickname|tag)"
_CAPITALISED = re.compile(rf"(?i:{_DETERMINER}(?:new\s+)?({_ATTRIBUTES}))\s+({NAMES})")


def named_pairs(text: str) -> list[tuple[str, str]]:
    """(field, value) for each value written after its field's noun (see the docstring)."""
    found = [(m.group(1).lower(), m.group(2).strip()) for m in _QUOTED.finditer(text)]
    if found and len(found) == len(quoted(text)):
        return found
    if quoted(text):
        return []
    return [(m.group(1).lower(), m.group(2).strip()) for m in _CAPITALISED.finditer(text)]
