"""What the planner knows of one request, read once and kept for the steps that follow: the
goal, its matcher, and how near each remembered page is to it (`scoring`)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from planners.embedded import offered, priced, shorthand, spelling
from planners.embedded.app_object import started_app
from planners.embedded.encoder import TextEncoder
from planners.embedded.goal import Goal, parse_goal
from planners.embedded.memory import AppMemory
from planners.embedded.persons import kept_in
from planners.embedded.scoring import (
    GoalMatcher,
    holder_of_place,
    named_apps,
    page_values,
    places,
    propagate,
    without_app_names,
    words,
)


@dataclass
class GoalState:
    goal: Goal
    matcher: GoalMatcher
    relevance: dict[str, float]
    value: dict[str, float]
    here: str = ""  # the page `value` was computed from
    named: frozenset[str] = frozenset()  # packages of the apps the goal names
    unfound: bool = False  # its item appears only where the phone looks for it (`offered`)

    @property
    def best_anywhere(self) -> float:
        return max(self.relevance.values(), default=0.0)


def goal_state(text: str, memory: AppMemory, encoder: TextEncoder, shown: frozenset[str],
               labels: Sequence[str]) -> GoalState:
    """Read `text` (its misspellings of words the phone `shown`, its shorthand for `labels`
    put right) and score the remembered pages against it."""
    said = shorthand.expanded(spelling.corrected(text, shown), labels)
    goal = priced.asked(parse_goal(said, encoder))  # a price: the item by its words
    apps = named_apps(memory, words(goal.target))
    goal = started_app(without_app_names(goal, apps), apps)  # "play Chess"
    matcher = GoalMatcher(goal, encoder)
    held = holder_of_place(memory, text) | kept_in(memory, goal)
    named = frozenset(apps.values()) | held
    place = frozenset(apps[label] for label in places(text, apps)) | held
    relevance, value = page_values(memory, matcher, named, place)
    found = offered.with_offered(memory, goal, relevance, encoder)
    unfound = found != relevance  # an item the phone has yet to find: where it appears
    if unfound:  # (no search of a list finds it)
        relevance, value = found, propagate(memory, found)
    return GoalState(goal, matcher, relevance, value, named=named, unfound=unfound)
