"""A value put into a field the request names: "fill in the city field with Lyon", "type
tofu in the search box", "use s3cret! as my password", "set the zip code box to 10115".

The field is named by a noun and, unless that noun is itself a kind of typed value, by the
word a form uses for the place a value goes ("field", "box"): "put the lamp in my basket"
places a thing, "put Lyon in the city field" types a value. The value is never an item to
look for: it is what the field is to hold.
"""

from __future__ import annotations

import re

from planners.embedded.slots import Slot, is_reference
from planners.embedded.wording import QUOTE, closed_class, quoted

# the places on a form a value is typed into
_PLACE = r"(?:field|box|input|bar|line)"
# kinds of value a person types into a form; a field named so needs no "field" after it
TYPED_KINDS = closed_class("password passcode pin username login name nickname email address "
                           "phone number title label code city zip postcode")
_OWNER = r"(?:the|my|your|our|this)"
_FIELD = r"(?P<field>[a-z][a-z -]*?)"
_FILL = re.compile(rf"^fill(?:\s+(?:in|out))?\s+{_OWNER}\s+{_FIELD}(?:\s+{_PLACE})?\s+with\s+"
                   r"(?P<value>.+?)$", re.I)
_INTO = re.compile(rf"^\w+\s+(?P<value>.+?)\s+(?:in|into)\s+{_OWNER}\s+{_FIELD}\s+{_PLACE}$",
                   re.I)
_AS = re.compile(rf"^\w+(?:\s+in)?\s+(?P<value>.+?)(?:\s+in)?\s+as\s+{_OWNER}\s+{_FIELD}$", re.I)
_TO = re.compile(rf"^\w+\s+{_OWNER}\s+{_FIELD}\s+{_PLACE}\s+to\s+(?P<value>.+?)$", re.I)


def _named(field: str, place_said: bool) -> bool:
    """A field: named with the word for a place on a form, or by a kind of typed value."""
    return place_said or field.split()[-1].lower() in TYPED_KINDS


def field_value(clause: str) -> Slot | None:
    """The field the clause names and the value it is to hold, if it says so."""
    text = clause.strip(" .!?")
    bare = QUOTE.sub(lambda m: m.group(1), text)  # a quoted value is matched as its words
    for pattern, place_said in ((_FILL, None), (_INTO, True), (_AS, False), (_TO, True)):
        m = pattern.match(bare)
        if m is None:
            continue
        field = m.group("field").strip()
        said = place_said if place_said is not None else bool(
            re.search(rf"\s{_PLACE}\s+with\s", bare, re.I))
        if not _named(field, said):
            return None
        value = m.group("value").strip(" ,")
        ref = value not in quoted(text) and is_reference(value)
        return Slot(field.lower(), value, ref=ref)
    return None
