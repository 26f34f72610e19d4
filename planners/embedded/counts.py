"""Which of the counts a request states is the one it wants.

A request may state the count an item has beside the one it wants: "there are five in my
bag, three will do", "make it 6, not 2", "from seven down to four". Each count is read by
the words just before it:

- refused: after "not" ("not 2", "not just one"), "rather than", "instead of": what is
  there now, or what is not wanted;
- had: after a verb of having ("we own", "we've got", "there are", "is there", "it
  holds") or "from" ("from seven"): what is there now;
- marked: after "to" ("down to four"), "only" or "just" ("I only need three"), or a verb
  of wanting ("we need 6"): the count wanted;
- plain: any other.

The wanted count is the last marked one that is neither refused nor had, else the last
plain one. A request that states one count only needs none of this (`wanted` is None).
A clause that only refuses a count ("..., not just one") asks nothing of its own: it tells
which count the clause before it means (`refusal_only`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                "eight": 8, "nine": 9, "ten": 10}
_WORD = "|".join(NUMBER_WORDS)
_COUNT = re.compile(rf"(?<![\w.,:/-])(\d{{1,2}}|(?i:{_WORD}))(?!\w)(?![.,:/-]\w)")
_REFUSED = re.compile(r"\b(?:not|rather\s+than|instead\s+of)(?:\s+(?:just|only|even))?\s+$",
                      re.I)
_HAD = re.compile(r"(?:\b(?:have|has|got|holds?|contains?|currently|from)|'ve|"
                  r"\bthere(?:'s|\s+(?:is|are))|\b(?:is|are)\s+there)\s+"
                  r"(?:(?:only|just|already)\s+)?$", re.I)
_MARKED = re.compile(r"\b(?:to|only|just|need|want|needs|wants)\s+$", re.I)
# "one" is a count only where a count's word says so ("not just one", "one mat"); "the
# blue one" is a pronoun
_COUNT_BEFORE = re.compile(r"\b(?:not|just|only|to|need|want|have|got|than|from)\s+$", re.I)


class Role(StrEnum):
    REFUSED = "refused"
    HAD = "had"
    MARKED = "marked"
    PLAIN = "plain"


@dataclass(frozen=True)
class Mention:
    value: int
    role: Role


def _role(before: str) -> Role:
    if _REFUSED.search(before):
        return Role.REFUSED
    if _HAD.search(before):
        return Role.HAD
    return Role.MARKED if _MARKED.search(before) else Role.PLAIN


def mentions(text: str) -> list[Mention]:
    """The counts `text` states, in order, each with the role its preceding words give it.
    The caller takes out what is no count (times, sizes in brackets, names with numbers)."""
    out = []
    text = re.sub(r"\([^()]*\)", " ", text)  # "Rope (5 m)": a size in a name, no count
    for m in _COUNT.finditer(text):
        said, before = m.group(1).lower(), text[: m.start()]
        if said == "one" and not _COUNT_BEFORE.search(before) and before.strip():
            continue
        value = int(said) if said.isdigit() else NUMBER_WORDS[said]
        out.append(Mention(value, _role(before)))
    return out


def wanted(text: str) -> int | None:
    """The count wanted where `text` states several different ones; None where it states
    fewer than two, or where every one is refused or had."""
    said = mentions(text)
    if len({m.value for m in said}) < 2:
        return None
    kept = [m for m in said if m.role in (Role.MARKED, Role.PLAIN)]
    marked = [m for m in kept if m.role is Role.MARKED]
    return (marked or kept)[-1].value if kept else None


def corrects(text: str) -> bool:
    """`text` states a count the item has or that is not wanted beside the one wanted: the
    wanted one is a total the item is to end with, not a number to add."""
    said = mentions(text)
    return wanted(text) is not None and any(m.role in (Role.REFUSED, Role.HAD) for m in said)


# "make it 5", "make that 2 of the mugs": a count said as what the object is to be
_MADE = re.compile(rf"^\s*\w+\s+(?:it|that|this|them|those)\s+(?:\d{{1,2}}|{_WORD})\b", re.I)


def changes_count(clause: str) -> bool:
    """The clause sets how many there are of a thing that is already there: it says the
    count the thing is to be ("make that three mugs in my bag") or states one beside
    the count it has or refuses ("..., not just one"). Such a clause puts nothing anywhere:
    a place in it says where the thing already is."""
    return _MADE.match(clause) is not None or corrects(clause)


_REFUSAL = re.compile(rf"^(?:but\s+|and\s+)?(?:not|rather\s+than|instead\s+of)(?:\s+(?:just|only|"
                      rf"even))?\s+(?:\d{{1,2}}|{_WORD})(?:\s+[a-z]+){{0,2}}\s*[.!]?$", re.I)


def refusal_only(clause: str) -> bool:
    """The clause only refuses a count ("not 4", "not just one", "rather than two of them")."""
    return _REFUSAL.match(clause.strip(" ,;")) is not None
