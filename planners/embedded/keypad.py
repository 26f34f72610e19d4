"""Entering a duration on a keypad: the display shows hours, minutes and seconds ("00h 05m
00s") and fills from the right as digit keys are pressed, as phone timers do. The request's
duration ("a 12 minute countdown", "1 hour 30 minutes") is typed digit by digit until the display
shows it; a wrong display is cleared with the keypad's delete key first. The display showing
the duration is the evidence the value is set; the goal's own button (Start) comes after.

A length asked for as a thing to have ("I want a 4 minute countdown") names no button of its
own: a length on a keypad is taken only by the page's one button that is neither a key, the
delete key, a tab nor a way back, so that button is pressed once the display shows it. It is
done when a running display counts down from that length; the keypad still showing it after
the press is no evidence.
"""

from __future__ import annotations

import re

from perception.elements import UIElement
from planners.embedded.acts import NEGATIVE, finish, tap
from planners.embedded.durations import DISPLAY, duration_kept, duration_s, running_s
from planners.embedded.goal import Goal
from planners.embedded.memo import Mark
from planners.embedded.view import View
from planners.planner import Decision

_ERASE = re.compile(r"^(?:⌫|delete|backspace|clear|del)$", re.I)


def _digits(seconds: int) -> str:
    """What the keys type for `seconds` on an hours-minutes-seconds display ("500")."""
    h, rest = divmod(seconds, 3600)
    return f"{h:02d}{rest // 60:02d}{rest % 60:02d}".lstrip("0")


def _display(view: View) -> str | None:
    """The digits the keypad's display shows, without leading zeros ("" when empty)."""
    for s in view.scored:
        m = DISPLAY.match(s.element.label)
        if m and not s.element.clickable:
            return "".join(f"{int(g):02d}" for g in m.groups()).lstrip("0")
    return None


def _keys(view: View) -> dict[str, UIElement]:
    keys = {s.element.label.strip(): s.element for s in view.actionable()
            if s.element.label.strip().isdigit() and len(s.element.label.strip()) == 1}
    return keys if len(keys) == 10 else {}


def enter_duration(goal: Goal, view: View) -> Decision | None:
    """The next key towards the request's duration on a keypad screen; None when there is no
    such keypad, no duration, or the display shows it already."""
    seconds = duration_s(goal.text)
    shown = _display(view)
    keys = _keys(view)
    if seconds is None or shown is None or not keys:
        return None
    want = _digits(seconds)
    if shown == want:
        return None  # set: the goal's own button is next
    if want.startswith(shown):
        digit = want[len(shown)]
        return tap(keys[digit], f"Type {digit} of {want} on the keypad for the duration.",
                   0.8, Mark.FILL)
    erase = [s.element for s in view.scored if _ERASE.match(s.element.label.strip())
             and (s.element.clickable or s.element.long_clickable)]
    if not erase:
        return None
    return tap(erase[0], "The display shows another duration: delete a digit.", 0.7,
               Mark.FILL)


def _takes_length(view: View) -> UIElement | None:
    """The keypad page's one button that takes the length typed (see the module docstring)."""
    others = [s.element for s in view.actionable() if s.element.label.strip()
              and not (s.element.label.strip().isdigit() or _ERASE.match(s.element.label.strip())
                       or view.is_nav(s) or s.element.checkable or s.element.editable
                       or NEGATIVE.search(s.element.label))]
    return others[0] if len(others) == 1 else None


def take_duration(goal: Goal, view: View) -> Decision | None:
    """Press the button that takes the length, once the keypad's display shows it."""
    seconds = duration_s(goal.text)
    button = _takes_length(view) if seconds is not None and _keys(view) else None
    if button is None or _display(view) != _digits(seconds or 0) or view.tap_count(button)[0]:
        return None
    return tap(button, f"The display shows the length asked: tap '{button.label}' to take it.",
               0.7, Mark.GOAL_ACTION)


def duration_running(goal: Goal, view: View) -> Decision | None:
    """Finish when, after the length was taken, a display counts down from it."""
    if not view.last_marked(Mark.GOAL_ACTION) or running_s(view) is None:
        return None
    if duration_s(goal.text) is None or not duration_kept(goal, view):
        return None
    return finish("The countdown runs from the length asked.")
