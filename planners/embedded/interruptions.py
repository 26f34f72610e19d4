"""What pops up without being asked for: a rating request, a permission prompt, a "what's
new" sheet. A person closes it and goes on; opening the app again does not close it.

A dialog counts as unasked when it is a message, not a choice the goal needs (a few
buttons, no field, nothing to check or scroll, nothing that matches the goal), and either
the planner's last step did not lead to it (no press of the goal's verb, a submit, an item
opened or a value chosen; no Back, which may have raised a "discard?" question), or it
says nothing of what the goal names (a rating request that pops up right after a value was
chosen; the goal's own confirmations are answered before this is asked). Back closes it:
every Android dialog that can be cancelled goes on Back, and a permission prompt is then
declined, never granted. The step is marked `Mark.DISMISS`: it is no step towards the goal,
so what the step before it did is still what the next screen is judged by.
"""

from __future__ import annotations

import re

from devices.actions import Key, PressKey
from planners.embedded.goal import Goal
from planners.embedded.memo import Mark, Memo, memo_of
from planners.embedded.memory import is_chrome
from planners.embedded.scoring import words
from planners.embedded.view import Scored, View
from planners.planner import Decision

RELEVANT = 0.6  # a dialog element matching the goal this well is the goal's business
_MESSAGE_BUTTONS = 3  # an alert offers at most three buttons; more is a menu or a list
_LEADS_TO_DIALOG = frozenset(
    {Mark.GOAL_ACTION, Mark.SUBMIT, Mark.OPEN_ITEM, Mark.NEW_ITEM, Mark.FILL})


def _asked(view: View) -> bool:
    """The last step may have opened this dialog on purpose."""
    last = view.last()
    if last is None:
        return False
    return memo_of(last).mark in _LEADS_TO_DIALOG or isinstance(last.action, PressKey)


def _names_goal(goal: Goal, texts: list[str]) -> bool:
    said = words(goal.target).union(*(words(e) for e in goal.entities))
    return any(words(t) & said for t in texts)


def _score(s: Scored, view: View, app: str) -> float:
    """How well a dialog's text matches the goal, less the name of the app in front: "What's
    new in Notes" is the app's news, not the goal's business, whatever the goal says of
    notes."""
    said = s.element.label
    bare = re.sub(rf"\b{re.escape(app)}\b", " ", said, flags=re.I) if app else said
    return s.score if bare == said else view.matcher.element(" ".join(bare.split()))


def dismiss(view: View, goal: Goal, app: str = "") -> Decision | None:
    """Back, when a dialog nobody asked for is in the way; None otherwise. `app`: the label
    of the app in front."""
    front = [s for s in view.scored if not is_chrome(s.element)]
    last = view.last()
    if not view.modal or (_asked(view) and (
            (last is not None and isinstance(last.action, PressKey))
            or _names_goal(goal, [s.element.label for s in front]))):
        return None
    if any(s.element.editable or s.element.checkable or s.element.scrollable for s in front):
        return None
    buttons = [s for s in front if s.element.actionable and s.element.enabled]
    if not buttons or len(buttons) > _MESSAGE_BUTTONS:
        return None
    if max(_score(s, view, app) for s in front) >= RELEVANT:
        return None
    said = next((s.element.label for s in front if s.element.label and not
                 s.element.actionable), front[0].element.label)
    return Decision(PressKey(Key.BACK), thought=f"{said!r} popped up unasked: close it with "
                    "Back and go on.", confidence=0.7, memo=Memo(mark=Mark.DISMISS))
