"""A setting shown as a fixed line: the page names what the goal changes, and nothing on it
changes it.

Settings pages show some values for information only: a row with the setting's name and its
value under it ("Build number", "Model") that takes no tap, holds no switch, slider or field,
and opens nothing. When the goal asks to change such a setting, the phone offers no way to do
it there, and wandering to other pages only repeats the search. The law, judged on the page:

- the goal sets a value (a DO or SET_VALUE request, not a switch, a question or a form)
  and says it with "to" or "at": "put the auto-lock delay to ten minutes";
- a row of the page's list (not its title bar) is a text that nothing can press, of two words
  or more, every word of which the goal says ("the auto-lock delay" names "Auto-lock
  delay"), and the goal says nothing else but the value ("ten minutes"): a request that
  names more ("the delay of the side lock") is about something else;
- no control of the page shares a word with that name (a slider "Brightness level" under a
  "Brightness" line is the way to change it), and none is unnamed (its use is unknown) or
  leads on to more settings ("Advanced", "More", "Edit").

Then the goal is infeasible on this phone, said with the line that shows it; nothing was
changed. A page that lists the choices (a picker whose title is the setting) has the name in
its title bar, not in its list, and is left to the rules that choose.
"""

from __future__ import annotations

import re

from devices.actions import Finish, FinishStatus
from perception.elements import UIElement
from planners.embedded.goal import Goal, Intent
from planners.embedded.scoring import words
from planners.embedded.view import View
from planners.planner import Decision

_LEADS_ON = frozenset({"edit", "more", "advanced", "option", "options", "setting", "settings",
                       "additional", "other", "change", "modify"})
_MIN_WORDS = 2
_VALUE = re.compile(r"\b(?:to|at)\s+(.+)$", re.I)  # "... to two minutes"


def _in_list(view: View, e: UIElement) -> bool:
    """The element is a row of the page's scrollable list, not its title bar."""
    return any(s.element.scrollable and s.element.bounds.contains(e.bounds.center)
               for s in view.scored)


def fixed_setting(goal: Goal, view: View) -> Decision | None:
    """Infeasible when the page shows the goal's setting as a fixed line (see the module
    docstring); None otherwise."""
    value = _VALUE.search(goal.text.rstrip(" .!?"))
    if goal.intent not in (Intent.DO, Intent.SET_VALUE) or goal.slots or view.modal or (
            value is None or goal.quantity is not None):
        return None
    said, told = words(goal.target), words(value.group(1))
    controls = [s.element for s in view.actionable()
                if not s.element.scrollable and not view.is_nav(s)]
    if any(not e.label or words(e.label) & _LEADS_ON for e in controls):
        return None
    for s in view.content():
        e = s.element
        name = words(e.label)
        if e.actionable or e.editable or len(name) < _MIN_WORDS or not name <= said or (
                not said - name <= told):
            continue
        if not _in_list(view, e) or any(words(c.label) & name for c in controls):
            continue
        reason = (f"The page shows {e.label!r} as a fixed line: nothing on it can be pressed "
                  f"or changed, so {goal.text!r} cannot be done on this phone. Nothing was "
                  f"changed.")
        return Decision(Finish(FinishStatus.INFEASIBLE, reason), thought=reason,
                        confidence=0.6)
    return None
