"""Roaming: going from app to app with nothing done, and back into one already left.

The planner moves by what the memory says of each app's pages. When, since it last did
something for the goal, it has been through `ROAM_APPS` apps or more and is now back in one
it had left (only looked and moved on in each), it has tried every app that matched the goal
and is taking the same roads again: more steps cannot help, so it stops.

Which stop: when the roaming passed through the place the goal is about (a page that matches
it as well as any the memory knows), that place lacks a way to do it, and the phone offers
none (infeasible). Only having been in the app the request names is no proof: its page may
show nothing that reads like the goal (a game drawn in pixels) and still be the way. A goal
with values to enter (text, an address, a quantity) needs a form the planner failed to find,
and a roaming that never reached the goal's place is the planner's failure: both end as an
honest failure.
"""

from __future__ import annotations

from collections.abc import Sequence

from devices.actions import Finish, FinishStatus
from planners.embedded.goal import Goal
from planners.embedded.memo import Mark, memo_of
from planners.embedded.memory import AppMemory
from planners.embedded.view import View
from planners.planner import Decision, PastStep

ROAM_APPS = 3  # distinct apps gone through with nothing done, for a return to count
_LOOKING = frozenset({Mark.DISMISS, Mark.SEARCH})  # closing a popup, searching: no act yet


def _idle(step: PastStep) -> bool:
    """Nothing was done for the goal: a move, a look (a search, a popup closed), or nothing ran."""
    memo = memo_of(step)
    return step.action is None or memo.moving or memo.mark in _LOOKING


def _since_done(history: Sequence[PastStep]) -> list[PastStep]:
    """The steps since the last one that did something for the goal."""
    done = max((i + 1 for i, p in enumerate(history) if not _idle(p)), default=0)
    return list(history[done:])


def _entered(apps_in_turn: Sequence[str]) -> list[str]:
    """The apps in the order they were entered (a stay in one app counts once)."""
    return [a for i, a in enumerate(apps_in_turn) if i == 0 or a != apps_in_turn[i - 1]]


def roams(goal: Goal, view: View, memory: AppMemory) -> Decision | None:
    """A stop when the planner roams from app to app (see the module docstring); the apps
    are those of the `memory` (the launcher is none)."""
    apps = {a["package"] for a in memory.apps.values()}
    since = _since_done(view.history)
    entered = _entered([p.app for p in since if p.app in apps] +
                       ([view.screen.app] if view.screen.app in apps else []))
    if len(set(entered)) < ROAM_APPS or view.screen.app not in entered[:-1]:
        return None
    reached = any(memo_of(p).at_best for p in since)
    if reached and not (goal.slots or goal.quantity is not None):  # no values to enter
        reason = (f"I went through {len(set(entered))} apps and the pages that match "
                  f"{goal.target!r} best, and came back again: none of them offers a way to "
                  f"do {goal.text!r}. Nothing was changed.")
        return Decision(Finish(FinishStatus.INFEASIBLE, reason), thought=reason, confidence=0.6)
    reason = (f"I went from app to app and back again without finding a way to do "
              f"{goal.text!r}: more steps would take the same roads.")
    return Decision(Finish(FinishStatus.FAILURE, reason), thought=reason, confidence=0.6)
