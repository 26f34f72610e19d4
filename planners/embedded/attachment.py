"""Where a place in a request attaches: to the noun right before it.

"Jot the time in my journal" puts its object in the journal: the place follows the verb's own
object. In "set an alarm for the ferry time in my journal" the place follows a noun inside a
prepositional phrase of a new item ("for the ferry time"): it says where that noun's value
is kept, so the value is read there, and nothing is written into the journal. The new item is
made by the main verb, with the value read in place of the words that name it.
"""

from __future__ import annotations

import re
from collections.abc import Callable

# VERB a/an/another/a new ITEM for|at THE VALUE in|from|on MY PLACE, or THE VALUE someone
# sent: "the pickup time Ana texted me"
_KEPT_IN = re.compile(
    r"^\w+\s+(?:an?|another)\s+(?:new\s+)?[\w-]+(?:\s+[\w-]+)?\s+(?:for|at)\s+"
    r"((?:the|my|our|[A-Z][\w-]*'s)\s+(?:[\w'-]+\s+){0,3}?([\w-]+)\s+(?:(?:in|from|on)\s+"
    r"((?:my|the|our)\s+[\w-]+)|(?-i:[A-Z][\w'-]*)(?:\s+(?-i:[A-Z][\w'-]*))?\s+"
    r"(?:texted|messaged|sent|emailed|mailed)\s+(?:me|us)\b))",
    re.I)


def kept_value(text: str, is_container: Callable[[str], bool] = lambda place: False
               ) -> tuple[str, str] | None:
    """The value a new item takes from another place ("an alarm for the ferry time in my
    journal" -> ("time", "the ferry time in my journal"), to look up), or None: the value's
    head noun ("time", "date") names the field it is for. A place things are bought into
    (`is_container`: "a strap for the watch in my basket") keeps no value: it is where the new
    item goes."""
    m = _KEPT_IN.match(text.strip())
    if m is None or (m.group(3) is not None and is_container(m.group(3))):
        return None
    return m.group(2).lower(), m.group(1)


# "... and call it Gym", "..., label it Gym", "... . Call the note Gym": a verb of naming, the
# new item as "it" (or as "the KIND"), then the name
_NAMED_IT = re.compile(r"(?:\band|[.;!,])\s+(call|name|label|title)\s+"
                       r"(?:it|(?:the|that|this)\s+([a-z]+))\s+(.+?)\s*[.!]?$", re.I)
# the field a verb of naming (or its participle) sets; any other names the item
_FIELD_OF_NAMING = {"label": "label", "labelled": "label", "labeled": "label", "title": "title",
                    "titled": "title"}


def field_of_naming(verb: str) -> str:
    """The field a verb of naming sets ("label", "titled" -> "title"; "call" -> "name")."""
    return _FIELD_OF_NAMING.get(verb.lower(), "name")


def _naming(text: str, made: str = "") -> re.Match[str] | None:
    """The clause that names the new item: "and call it Gym", or "and title the note Tiles"
    where the request made a note before it (or `made` says it makes one)."""
    m = _NAMED_IT.search(text)
    if m is None or (m.group(2) and m.group(2).lower() not in (
            f"{text[:m.start()]} {made}").lower().split()):
        return None
    return m


def given_name(text: str) -> tuple[str, str] | None:
    """The name a request gives the item it makes ("set an alarm for 7 and call it Gym" ->
    ("name", "Gym")): "and call it Y" names the item, it is neither a call nor a second
    request."""
    m = _naming(text)
    return None if m is None else (field_of_naming(m.group(1)), m.group(3))


def naming_clause(text: str, made: str = "") -> str:
    """The clause that names the new item, without the word that joins it ("call the note
    Gym" of "... . Call the note Gym"); "" when there is none."""
    m = _naming(text, made)
    return "" if m is None else m.group(0).lstrip(" .;!").removeprefix("and ").strip()


def without_given_name(text: str, made: str = "") -> str:
    """`text` without the clause that names the new item ("... and call it Gym"): its verb
    names nothing to look for. `made`: what the text makes, where it does not say it."""
    m = _naming(text, made)
    return text if m is None else f"{text[:m.start()]} {text[m.end():]}"
