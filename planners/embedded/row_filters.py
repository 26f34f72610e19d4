"""Which rows of a list a request is about, read from the values the rows show.

An item named by a value ("my 5:20 alarm", "the 9:10 reminder") is only a row that shows
that value: 5:20 is 5:20, 05:20 or 5:20 AM, never 5:50 nor 15:02. A row that shares only
some digits or words with it is another item, and acting on it changes what nobody asked
about; when no row of the whole list shows the value, there is no such item.

A quantifier with a condition ("every alarm before 8am", "all the items over $20") is
about the rows whose own value meets the condition, read row by row; the others are left
as they are. A time in a condition ("before 8am") names no item.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from devices.actions import Direction, Finish, FinishStatus, Scroll
from planners.embedded.goal import Goal, Intent
from planners.embedded.memo import Mark
from planners.embedded.scoring import words
from planners.planner import Decision, Verdict

if TYPE_CHECKING:  # the view asks which of its rows are near misses
    from planners.embedded.view import View

MAX_SCROLLS = 8  # scrolls of one list at most, looking for the row named

_MERIDIEM = r"\s*([ap])\.?\s?m\b\.?"
# a time as a clock shows it or a person writes it: "5:20", "05:20 PM", "8am", "8 a.m."
_TIME = re.compile(r"\b(\d{1,2})(?::(\d{2}))?(?:" + _MERIDIEM + r")|\b(\d{1,2}):(\d{2})\b"
                   r"(?!\s*[ap]\.?\s?m\b)", re.I)
_PRICE = re.compile(r"[$€£¥]\s?(\d[\d,]*(?:\.\d+)?)|(\d[\d,]*(?:\.\d+)?)\s?[$€£¥]")
_BELOW = r"before|earlier\s+than|until|till|under|below|less\s+than|cheaper\s+than|up\s+to"
_ABOVE = r"after|later\s+than|over|above|more\s+than|dearer\s+than|pricier\s+than"
_CONDITION = re.compile(rf"\b(?:(?:that(?:'s|\s+is|\s+are)?|which\s+(?:is|are)|set|going\s+"
                        rf"off|ringing|costing|priced)\s+)*({_BELOW}|{_ABOVE})\s+", re.I)

Clock = tuple[int, int, str]  # hour as said (1-12 or 0-23), minute, "a" / "p" / ""


def _clocks(text: str) -> list[tuple[Clock, re.Match[str]]]:
    found = []
    for m in _TIME.finditer(text):
        if m.group(1):
            found.append(((int(m.group(1)), int(m.group(2) or 0), m.group(3).lower()), m))
        else:
            found.append(((int(m.group(4)), int(m.group(5)), ""), m))
    return [(c, m) for c, m in found if c[0] <= 23 and c[1] <= 59]


def _minutes(clock: Clock) -> set[int]:
    """The minutes after midnight a time may mean: "5:20" said without AM or PM is 5:20 or
    17:20; "17:20" is only that."""
    hour, minute, half = clock
    if half:
        return {(hour % 12 + (12 if half == "p" else 0)) * 60 + minute}
    if hour > 12 or hour == 0:
        return {hour * 60 + minute}
    return {(hour % 12) * 60 + minute, (hour % 12 + 12) * 60 + minute}


def _conditions(text: str) -> list[tuple[bool, re.Match[str]]]:
    """Each condition word of the request with whether it keeps values below it."""
    return [(bool(re.fullmatch(_BELOW, m.group(1), re.I)), m) for m in _CONDITION.finditer(text)]


def named_times(text: str) -> list[Clock]:
    """The times a request names items by: those not inside a condition ("before 8am")."""
    ends = {m.end() for _, m in _conditions(text)}
    return [c for c, m in _clocks(text) if m.start() not in ends]


def named(request: str) -> str:
    """The times the request names its item by, as it says them."""
    ends = {m.end() for _, m in _conditions(request)}
    return " or ".join(m.group(0).strip() for _, m in _clocks(request) if m.start() not in ends)


def shows_named(request: str, row: str) -> bool | None:
    """Whether `row` shows a time the request names its item by: None when the request
    names none or the row shows none (nothing to tell by), False for a row showing only
    other times (a near miss)."""
    named = named_times(request)
    shown = [c for c, _ in _clocks(row)]
    if not named or not shown:
        return None
    return any(_minutes(n) & _minutes(s) for n in named for s in shown)


# requests about an item that exists: a near miss is never it (a new item's time is no name)
_ON_ITEM = (Intent.TOGGLE, Intent.DELETE, Intent.EDIT, Intent.ANSWER)


def _naming(goal: Goal) -> str:
    """The request without the times it gives its item as new values ("move my 6:40 alarm to
    7:00": 7:00 is what it is to show, never what it shows now)."""
    text = goal.text
    for slot in goal.slots:
        if slot.name == "time" and not slot.ref and goal.intent is Intent.EDIT:
            text = text.replace(slot.value, " ")
    return text


def near_miss(goal: Goal, text: str) -> bool:
    """`text` (an element with its row) shows a time, but not the one the request names its
    existing item by."""
    return goal.intent in _ON_ITEM and shows_named(_naming(goal), text) is False


def only_near(goal: Goal, view: View, at_best: bool) -> Decision | None:
    """On the page of the list, every row of the kind asked that shows a time is a near
    miss: the item is not here (see `absent`). After the item was opened or acted on (a
    deleted row is gone from the list), nothing is concluded."""
    naming = _naming(goal)
    if not at_best or goal.intent not in _ON_ITEM or not named_times(naming) or any(
            view.marked(m) for m in (Mark.GOAL_ACTION, Mark.SUBMIT, Mark.OPEN_ITEM)):
        return None  # once the item was acted on, its row gone is the deed, not an absence
    kind = words(goal.target)
    rows = [s for s in view.content() if (s.element.clickable or s.element.checkable)
            and kind & words(s.text) and shows_named(naming, s.text) is not None]
    if not rows or any(shows_named(naming, s.text) for s in rows):
        return None
    shown = [s.element.label for s in rows if not s.element.checkable]
    return absent(view, shown, named(naming))


def condition(request: str) -> Callable[[str], bool | None] | None:
    """The test a row's own value must pass for a quantifier's condition ("before 8am":
    a time before 8:00; "over $20": a price above 20), or None when the request sets none.
    The test says None for a row that shows no value of the condition's kind. A bare hour
    ("before 8") is read by what the row shows: a time (8:00) on a row of times, else a
    price."""
    for below, m in _conditions(request):
        rest = request[m.end():]
        clock = _clocks(rest)
        if clock and clock[0][1].start() == 0:
            limit = min(_minutes(clock[0][0]))
            return lambda row, b=below, x=limit: _compare(_row_minutes(row), x, b)
        price = re.match(r"\s*(?:[$€£¥]\s?)?(\d[\d,]*(?:\.\d+)?)", rest)
        if price:
            limit = float(price.group(1).replace(",", ""))
            hour = _BARE_HOUR.match(rest)
            if hour is None:
                return lambda row, b=below, x=limit: _compare(_row_price(row), x, b)
            at = min(_minutes((int(hour.group(1)), 0, "")))
            return lambda row, b=below, x=limit, t=at: _compare(
                _row_minutes(row), t, b) if _clocks(row) else _compare(_row_price(row), x, b)
    return None


# a bare whole number of 1-23 with no currency ("before 8"): an hour where rows show times
_BARE_HOUR = re.compile(r"\s*(1\d|2[0-3]|[1-9])(?![\d.,:%])\b(?!\s*(?:[$€£¥]|dollars?|euros?"
                        r"|pounds?|bucks?)\b)", re.I)


def _row_minutes(row: str) -> float | None:
    clocks = _clocks(row)
    return float(min(_minutes(clocks[0][0]))) if clocks else None


def _row_price(row: str) -> float | None:
    m = _PRICE.search(row)
    return float((m.group(1) or m.group(2)).replace(",", "")) if m else None


def _compare(value: float | None, limit: float, below: bool) -> bool | None:
    if value is None:
        return None
    return value < limit if below else value > limit


def absent(view: View, near: Sequence[str], named: str) -> Decision:
    """Only near misses are in view: scroll the list on for the row named, and once the list
    is seen whole (a scroll changes nothing) there is no such item."""
    scrolls = [p for p in view.here() if isinstance(p.action, Scroll)]
    if any(e.scrollable for e in view.screen.elements) and len(scrolls) < MAX_SCROLLS and not any(
            p.verdict is Verdict.NO_CHANGE for p in scrolls):
        return Decision(Scroll(Direction.DOWN), confidence=0.6,
                        thought=f"No row here shows {named}: scroll the list on for it.")
    shown = "; ".join(dict.fromkeys(near))
    return Decision(Finish(FinishStatus.INFEASIBLE, answer=f"No item shows {named}: {shown}"),
                    thought=f"The whole list is seen and no row shows {named}: there is none.",
                    confidence=0.7)
