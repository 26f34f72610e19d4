"""Whose a value read off a page is: a value belongs to the item whose row holds it, or to
the item whose page it is on, and it answers a question only where that item is the one the
question names ("the code for the lake cabin" is not on the row of another note, nor on
another note's page).
"""

from __future__ import annotations

import re

from planners.embedded.goal import Goal
from planners.embedded.objects import FILLER
from planners.embedded.scoring import words
from planners.embedded.sources import named_item
from planners.embedded.view import Scored, View

# "the password for the studio", "the code of the gate": what the value belongs to
FOR = re.compile(r"\b(?:for|of)\s+(?:the\s+|my\s+|our\s+)?([\w' -]+?)(?=[?.!,;]|\s+(?:in|on|"
                 r"from|at)\b|$)", re.I)


def owner_words(text: str) -> set[str]:
    """The words of what the question says the value is for, up to a verb and less filler
    ("the code for the shed again?" is the shed's; "the kind of lock that is set up", the
    lock's)."""
    phrases = [re.split(r"\s+(?:that\s+|which\s+)?(?:is|are|was|were|has|have|had)\b", o)[0]
               for o in FOR.findall(text)]
    return set().union(*map(words, phrases)) - FILLER


def shows_owner(owner: set[str], shown: set[str]) -> bool:
    """All of the words before the key are shown, but one of several, which may name the
    value's kind ("Wi-Fi" in "the cabin's Wi-Fi password", on a note whose key is
    "Password")."""
    missing = len(owner - shown)
    return missing == 0 or (len(owner) > 1 and missing == 1)


def row_of(s: Scored, view: View) -> set[str] | None:
    """The words of the list row that `s` is or sits in (a preview line is its row's, not
    the page's), or None when it is no row's: a field, or text of a page of one item."""
    if s.element.editable:
        return None
    centre = s.element.bounds.center
    rows = [r.element for r in view.scored if r.element.clickable and not r.element.editable
            and (r.element is s.element or r.element.bounds.contains(centre))]
    if not rows:
        return None
    row = min(rows, key=lambda e: e.bounds.area)
    if row is not s.element and row.bounds.height > view.screen.height / 3:
        return None  # a pane around the text, not a row of a list
    return set().union(*(words(f"{o.element.text} {o.element.description}")
                         for o in view.scored if row.bounds.contains(o.element.bounds.center)))


def of_owner(goal: Goal, s: Scored, view: View, strict: bool = False) -> bool:
    """A value read off a row of a list belongs to that row's item: it answers only when
    the row shows what the question names (all of what it says the value is for, "the code
    for the lake cabin"; else some word of the name it mentions), or when the page itself
    is that item's (a heading outside the rows shows it). A code on another note's row is
    not the lake cabin's, whether or not the lake cabin's row is in view. A `strict` value
    also belongs to the item it is said to be read from (`sources`); on a page of one item,
    the page shows what the question says the value is for (another note's code is not)."""
    rows = [r for r in view.content() if r.element.clickable and not r.element.editable]
    row = row_of(s, view)
    owners = owner_words(goal.text) | (named_item(goal.text) if strict else set())
    if row is None or len(rows) < 2:
        return owners <= set().union(*(words(t.element.label) for t in view.scored))
    name, qualifiers = words(max(goal.entities, key=len, default="")), whose_words(goal)
    if not owners and not name and not qualifiers:
        return True

    def names_it(shown: set[str]) -> bool:
        if owners:
            return owners <= shown
        if qualifiers:  # an item's price: only where the item's whole name is shown
            whole = goal.value_type != "price" or qualifiers <= shown
            return whole and shows_owner(qualifiers, shown) and item_head(goal) <= shown
        return bool(name & shown)

    headings = [t.element.label for t in view.content()
                if not t.element.actionable and t.element.label and row_of(t, view) is None]
    return names_it(row) or any(names_it(words(h)) for h in headings)


_PLACE = re.compile(r"\s+(?:from|in|on|at|of|for|about|to)\s.*$", re.I)


def names_whose(goal: Goal, s: Scored, view: View) -> bool:
    """The row that holds `s` shows every word that says whose value is asked ("check-in" of
    "my check-in hour"): a value of the asked shape there is that one, however little the
    rest of the row resembles the question."""
    qualifiers, row = whose_words(goal), row_of(s, view)
    return bool(qualifiers) and row is not None and shows_owner(qualifiers, row) and (
        item_head(goal) <= row)


def item_head(goal: Goal) -> set[str]:
    """The word that says what kind of thing the item asked about is, where the question
    names an item (a price is an item's: "the walnut shelf" is a shelf, and a row of a lamp
    that shares "walnut" with it is another item's); nothing where it names a value's key
    ("password" of "the cabin Wi-Fi password" need not be on the row that holds it)."""
    phrase = _PLACE.sub("", goal.target).split()
    return words(phrase[-1]) if goal.value_type == "price" and phrase else set()


def whose_words(goal: Goal) -> set[str]:
    """The words that say whose value is asked, before the noun that names it: "lake cabin
    router" of "the lake cabin router key from the shared list"."""
    phrase = _PLACE.sub("", goal.target).split()
    return words(" ".join(phrase[:-1])) if len(phrase) > 1 else set()
