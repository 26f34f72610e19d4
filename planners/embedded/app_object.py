"""A verb of starting a program whose whole object is an app's name ("play Sudoku",
"launch the Maps app", "start Chess"): the request opens that app. Nothing inside the app is
asked for, so the app in front is the end; a part after it ("..., and win a round") is done
there."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from planners.embedded.goal import Goal, Intent
from planners.embedded.scoring import words
from planners.embedded.wording import closed_class

STARTING = closed_class("play launch start run load boot")  # verbs that start a program
APP_WORDS = frozenset({"game", "app", "application"})  # what an app is called, not its name


def started_app(goal: Goal, labels: Iterable[str]) -> Goal:
    """`goal`, read as opening an app where its verb starts a program and its object is
    only the names of `labels` (the apps the request names)."""
    names = set().union(*(words(label) for label in labels))
    said = words(goal.target)
    if goal.intent is not Intent.DO or goal.verb not in STARTING or not names or not said:
        return goal
    return replace(goal, intent=Intent.OPEN) if said <= names | APP_WORDS else goal
