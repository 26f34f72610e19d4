"""The word for the kind of item is no part of its title: "my packing note" is the note titled
"Packing", "the party playlist" the playlist titled "Party".

People name an item with the word for its kind after its title. A list seldom repeats that
word in each row, but it says it elsewhere, for its own items: its search field ("Search your
notes"), its button that adds one ("New note"), its title ("Notes"). So, when the last word of
the name the request gives is a word the page uses for its items, the title is the name
without it, and the row whose title is exactly that (its first line, all of it and nothing
more) is the item. Only one such row may be there: two rows titled alike are a choice the
request does not make, and neither is opened on a guess.
"""

from __future__ import annotations

import re

from planners.embedded.acts import tap
from planners.embedded.goal import Goal, Scope
from planners.embedded.memo import Mark
from planners.embedded.scoring import words
from planners.embedded.view import View, field_name
from planners.planner import Decision

_ADDS = re.compile(r"^\s*(?:new|add|create|compose|start)\b", re.I)


def kind_words(view: View) -> set[str]:
    """The words the page uses for its own items: its fields' names (a search field), its
    buttons that add an item, and its title line."""
    said = [field_name(f) for f in view.fields()]
    said += [s.element.label for s in view.actionable() if _ADDS.match(s.element.label)]
    texts = [s for s in view.content() if not s.element.actionable and s.element.label]
    if texts:
        said.append(min(texts, key=lambda s: s.element.bounds.top).element.label)
    return set().union(*map(words, said)) if said else set()


def _titles(goal: Goal, view: View) -> list[set[str]]:
    """The goal's names without the kind word they end with, where the page uses it."""
    kinds = kind_words(view)
    out = []
    for name in goal.entities:
        parts = name.split()
        last = words(parts[-1]) if len(parts) > 1 else set()
        rest = words(" ".join(parts[:-1]))
        if last and last <= kinds and rest and not last <= rest:
            out.append(rest)
    return out


def open_by_title(goal: Goal, view: View) -> Decision | None:
    """Open the one row titled by the goal's name without its kind word (see the module
    docstring)."""
    if goal.scope is Scope.ALL or view.marked(Mark.GOAL_ACTION) or view.marked(Mark.OPEN_ITEM):
        return None
    titles = _titles(goal, view)
    if not titles:
        return None
    rows = [s.element for s in view.content() if s.element.clickable and s.element.label
            and not (s.element.editable or s.element.checkable)
            and words(re.split(r"[|\n]", s.element.label)[0]) in titles]
    if len(rows) != 1:
        return None
    return tap(rows[0], f"Open '{rows[0].label}': the item the goal names, by its title "
               f"without the word for its kind.", 0.7, Mark.OPEN_ITEM)
