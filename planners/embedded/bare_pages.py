"""A page that offers nothing but its tabs: the place for the goal has no means for it.

When the page in front is the one that matches the goal best (in the app it names, if it
names one), and everything on it that can be pressed is the app's navigation (tabs and bars
found on most of its pages), the page only shows things: no button, row, field or switch
does anything there, so the act the goal asks for ("put another city on the list", "make
this reading the default") has no control on the page made for it, and the other pages
match the goal worse. The law holds only where it is proof:

- the goal asks for an act (not a question, nor only to open something);
- the planner decided on the page before (it looked: a scroll, or a move on to elsewhere)
  and did nothing on it then, so it is no first glance at a page still loading;
- the page's list, if it scrolls, was scrolled here without showing more;
- every control has a name (a control that has none may be the means), and none of the
  page's elements takes a long press (a menu may hide behind one).

Then the goal is infeasible on this phone, said with the controls the page does offer;
nothing was changed.
"""

from __future__ import annotations

from devices.actions import Finish, FinishStatus, Scroll
from planners.embedded.goal import Goal, Intent
from planners.embedded.memo import memo_of
from planners.embedded.view import View
from planners.planner import Decision, PastStep, Verdict

_NO_ACT = frozenset({Intent.ANSWER, Intent.OPEN})  # goals that a page may answer by showing


def _idle(step: PastStep) -> bool:
    """Nothing was done in the step: it only moved or scrolled (or nothing ran)."""
    return step.action is None or memo_of(step).moving or isinstance(step.action, Scroll)


def _scrolled_to_end(view: View) -> bool:
    """The page does not scroll, or a scroll on it here showed nothing more."""
    if not any(s.element.scrollable for s in view.scored):
        return True
    return any(isinstance(p.action, Scroll) and p.verdict is Verdict.NO_CHANGE
               for p in view.here())


def only_tabs(goal: Goal, view: View, at_best: bool) -> Decision | None:
    """Infeasible when the page that matches the goal best offers nothing but its tabs (see
    the module docstring); None otherwise."""
    if goal.intent in _NO_ACT or not at_best or view.modal:
        return None
    earlier = view.here()
    if not earlier or not all(map(_idle, earlier)) or not _scrolled_to_end(view):
        return None
    controls = [s for s in view.actionable() if not s.element.scrollable]
    if not controls or any(not view.is_nav(s) or not s.element.label for s in controls):
        return None
    if any(s.element.long_clickable for s in view.scored):
        return None
    offered = ", ".join(dict.fromkeys(s.element.label for s in controls))
    reason = (f"The page that matches {goal.target!r} best offers nothing to press but its "
              f"tabs ({offered}): there is no way on this phone to do {goal.text!r}. "
              f"Nothing was changed.")
    return Decision(Finish(FinishStatus.INFEASIBLE, reason), thought=reason, confidence=0.6)
