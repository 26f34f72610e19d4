"""Durations: the length a request states ("a 12 minute countdown", "ten minutes", "an
hour"), with its parts of a unit ("an hour and a half" is 90 minutes, "half an hour" 30
minutes, "two and a quarter hours", "1.5 hours"), and the length a timer's display shows,
so that a timer is called set only when the display shows the length asked (or a running
timer counts down from it).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from planners.embedded.wording import NUMBER_WORDS

if TYPE_CHECKING:  # read by the request's reading too, which comes before goals exist
    from planners.embedded.goal import Goal
    from planners.embedded.view import View

_UNIT_S = {"h": 3600, "m": 60, "s": 1}
_DURATION = re.compile(r"(\d+)\s*-?\s*(hours?|hrs?|h|minutes?|mins?|m|seconds?|secs?|s)\b",
                       re.I)
# a count said in words goes only with a whole unit word ("ten minutes", "an hour"): a lone
# letter after a word is no unit ("7 a m")
_TEENS = {w: 11 + i for i, w in enumerate(["eleven", "twelve", "thirteen", "fourteen", "fifteen",
                                           "sixteen", "seventeen", "eighteen", "nineteen"])}
_TENS = {w: 20 + 10 * i for i, w in enumerate(["twenty", "thirty", "forty", "fifty", "sixty"])}
_ONES = {**NUMBER_WORDS, **_TEENS, "a": 1, "an": 1}
_COUNT = (r"(?:" + "|".join(_TENS) + r")(?:[\s-](?:" + "|".join(NUMBER_WORDS) + r"))?|"
          + "|".join(_ONES))
_SAID = re.compile(r"\b(" + _COUNT + r")[\s-]+(hours?|hrs?|minutes?|mins?|seconds?|secs?)\b",
                   re.I)
# hours, minutes and seconds all shown: a clock's "9:41" is a time of day, not a length
_RUNNING = re.compile(r"^\s*(\d{1,2}):(\d{2}):(\d{2})\s*$")
RUNNING_SLACK_S = 60  # a running timer read a step after its start is this much below its length
DISPLAY = re.compile(r"^\s*(\d{1,2})\s*h\s+(\d{1,2})\s*m\s+(\d{1,2})\s*s\s*$", re.I)


_PART = {"half": 0.5, "a half": 0.5, "a quarter": 0.25, "quarter": 0.25,
         "three quarters": 0.75, "three-quarters": 0.75}
_PARTS = "|".join(sorted(_PART, key=len, reverse=True))
_UNIT = r"(hours?|hrs?|minutes?|mins?|seconds?|secs?)"
_N = r"(\d+(?:\.\d+)?|" + _COUNT + r")"
# "an hour and a half", "two and a half hours", "half an hour", "a quarter of an hour"
_WITH_PART = re.compile(rf"\b{_N}[\s-]+{_UNIT}\s+and\s+({_PARTS})\b|"
                        rf"\b{_N}\s+and\s+({_PARTS})[\s-]+{_UNIT}\b|"
                        rf"\b({_PARTS})\s+(?:of\s+)?an?\s+{_UNIT}\b|"
                        rf"\b(\d+\.\d+)\s*{_UNIT}\b", re.I)


def _parts(text: str) -> tuple[float, str]:
    """The seconds of the lengths said with parts of a unit, and `text` without them."""
    total = 0.0
    for m in _WITH_PART.finditer(text):
        g = m.groups()
        if g[0]:
            n, unit, part = _number(g[0]), g[1], _PART[g[2].lower()]
        elif g[3]:
            n, part, unit = _number(g[3]), _PART[g[4].lower()], g[5]
        elif g[6]:
            n, part, unit = 0, _PART[g[6].lower()], g[7]
        else:
            n, part, unit = float(g[8]), 0.0, g[9]
        total += (n + part) * _UNIT_S[unit[0].lower()]
    return total, _WITH_PART.sub(" ", text)


def _number(said: str) -> float:
    return float(said) if said[0].isdigit() else _count(said)


def _count(said: str) -> int:
    """A count said in words ("twelve", "forty-five", "an")."""
    parts = re.split(r"[\s-]+", said.lower())
    return sum(_TENS.get(p) or _ONES[p] for p in parts)


def said_duration(text: str) -> re.Match[str] | None:
    """Where `text` states a length ("5 minutes", "an hour", "half an hour"), first found."""
    return _WITH_PART.search(text) or _DURATION.search(text) or _SAID.search(text)


def duration_s(text: str) -> int | None:
    """The duration a request states, in seconds ("a 12 minute countdown": 720), or None."""
    parts, text = _parts(text)
    found = [(int(n), unit) for n, unit in _DURATION.findall(text)]
    found += [(_count(n), unit) for n, unit in _SAID.findall(text)]
    if not found and not parts:
        return None
    return round(parts) + sum(n * _UNIT_S[unit[0].lower()] for n, unit in found)


def _shown_seconds(view: View, shapes: tuple[re.Pattern[str], ...] = (DISPLAY, _RUNNING)
                   ) -> int | None:
    """The length a timer's display shows, in seconds: a keypad's "00h 05m 00s" or a running
    timer's "00:04:58" (None when no display of those `shapes` is in view)."""
    for s in view.scored:
        if s.element.clickable:
            continue
        m = next((m for shape in shapes if (m := shape.match(s.element.label))), None)
        if m:
            h, mins, secs = (int(g) for g in m.groups())
            return h * 3600 + mins * 60 + secs
    return None


def running_s(view: View) -> int | None:
    """The seconds a running countdown's display ("00:04:58") shows, None when none does."""
    return _shown_seconds(view, (_RUNNING,))


def duration_kept(goal: Goal, view: View) -> bool:
    """A duration the request states is the one set: a display in view shows it, or a length
    just under it (a running timer counting down from it). A display that shows another
    length is proof the timer is not the one asked; with no display, nothing here says so."""
    seconds = duration_s(goal.text)
    shown = _shown_seconds(view)
    if seconds is None or shown is None:
        return True
    return seconds - RUNNING_SLACK_S <= shown <= seconds
