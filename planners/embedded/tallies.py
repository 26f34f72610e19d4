"""Which rows a count is of: "how many notes are there" counts every row of the list, but
"how many memos show 'tax' in their name", "how many alarms ring on Sundays", "how many
alarms are before 8" count only the rows that show it, and the total of the list answers
another question.

A narrowing the rows' own text can be checked against is read row by row: a quoted word
(the row shows it; its title alone, where the question says "in the title"), days of the
week (the row's summary names one of them), a time or a price limit
(`row_filters.condition`). A narrowing the planner cannot check on a row ("that have no
e-mail", "who live abroad", "with a photo") leaves the count unanswered: the total
would be said as the answer to a question nobody asked, a false success.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from planners.embedded import days as weekdays
from planners.embedded.goal import Goal
from planners.embedded.row_filters import condition
from planners.embedded.wording import quoted

RowTest = Callable[[str, str], bool]  # (the row's title, all the row shows) -> counted
# words that narrow what is counted: a relative clause, a "with", a negation, "only"
_NARROWS = re.compile(r"\b(?:with|without|that|which|who|whose|where|containing|named|called|"
                      r"not|no|never|only|except|but)\b|\b\w+n['’]t\b", re.I)
_ASKED = re.compile(r"\bhow\s+many\b([^?.!]*)", re.I)  # to the question's end: a remark after
#   it ("..., any of them, I don't mind") narrows nothing
_TITLED = re.compile(r"\bin\s+(?:the|its|their)\s+(?:title|name|heading|subject)s?\b", re.I)


def _asked(goal: Goal) -> str:
    """What follows "how many" in its sentence: the kind counted and what narrows it."""
    m = _ASKED.search(goal.text)
    return m.group(1) if m is not None else goal.text


def row_test(goal: Goal) -> RowTest | None:
    """The test each row must pass to be counted (see the module docstring), or None when
    every row counts."""
    asked = _asked(goal)
    said = [q.lower() for q in quoted(asked)]
    if said and _TITLED.search(asked):  # "with 'tax' in the title": not in its preview
        return lambda title, _row: any(q in title.lower() for q in said)
    if said:
        return lambda _title, row: any(q in row.lower() for q in said)
    named = weekdays.shown(asked)
    if named:
        return lambda _title, row: bool((weekdays.shown(row) or frozenset()) & named)
    limit = condition(asked)
    if limit is not None:
        return lambda _title, row: bool(limit(row))
    return None


def unreadable(goal: Goal) -> str:
    """The words that narrow a count in a way no row can be checked for ("" when none)."""
    if row_test(goal) is not None:
        return ""
    m = _NARROWS.search(_asked(goal))
    return _asked(goal)[m.start():].strip(" ?.!") if m is not None else ""
