"""A question about a thing the app in front does not show, asked where the app offers a
search of its items ("how much are the wool mittens?" in a shop whose list stops before
them): the exploration saw the app's pages, not every item it holds today, so the thing is
searched for by the question's own words before anything is concluded.

The search types the name the question gives the thing, else its words (plurals made
single: an item is listed by its own name, "Wool Mitten"), which changes nothing on the
phone. Once the field holds them,
a row that shows them all is read as any row is (`reading`); when no row does, the app has
no such thing and the question cannot be answered (infeasible, saying what was searched).
"""

from __future__ import annotations

import re

from devices.actions import ElementRef, Finish, FinishStatus, TypeText
from perception.elements import UIElement
from planners.embedded.goal import Goal, Intent, Scope
from planners.embedded.memo import Mark, Memo
from planners.embedded.scoring import words
from planners.embedded.search import sought
from planners.embedded.view import View, field_name
from planners.planner import Decision

_SEARCH = re.compile(r"\bsearch", re.I)


def search_field(view: View) -> UIElement | None:
    """The page's search field, named so by its hint or id."""
    return next((f for f in view.fields() if _SEARCH.search(field_name(f))), None)


def _single(word: str) -> str:
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


def _query(goal: Goal) -> str:
    """The name of the item the question names ("which number is saved for Ana?" looks for
    Ana: the rest asks what of hers), else the words of the thing asked about."""
    return sought(goal) or " ".join(_single(w) for w in goal.target.split())


def searchable(goal: Goal, view: View) -> bool:
    """The request is a question about a thing, and the page in front searches its items."""
    return (goal.intent is Intent.ANSWER and goal.scope is Scope.ONE and goal.rank is None
            and bool(goal.target.split()) and search_field(view) is not None)


def search_asked(goal: Goal, view: View) -> Decision | None:
    """Search for the thing asked about where the page does not show it; once searched
    with no row that shows it, say the app has none."""
    if not searchable(goal, view) or view.shows(_query(goal)) or view.shows(goal.target):
        return None
    field = search_field(view)
    assert field is not None  # searchable() found it
    query = _query(goal)
    searched_here = any(isinstance(p.action, TypeText) and p.action.text == query
                        and p.app == view.screen.app for p in view.history)  # not elsewhere
    if searched_here or words(field.text) == words(query):
        answer = (f"A search of this app for {query!r} shows no such thing: the question "
                  "has nothing here to be answered from.")
        return Decision(Finish(FinishStatus.INFEASIBLE, answer), thought=answer,
                        confidence=0.6)
    return Decision(TypeText(query, target=ElementRef(field.id), clear=True),
                    thought=f"{query!r} is not shown here: search the app for it.",
                    confidence=0.6, memo=Memo(mark=Mark.SEARCH))
