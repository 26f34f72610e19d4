"""A recipient named by an order instead of a name ("write back to the last one who got in touch",
"answer the most recent person who messaged me"): the person is the row the order picks in the
list of conversations, which a phone keeps newest first. That row is opened and the message is
typed in it; no new conversation is started, since its recipient has no name to type. A row
whose preview is the owner's own last words ("You: see you soon") is a conversation where the
other person did not write last, so it is passed over. Only "the latest" is picked from the top
of such a list; "the first who ever wrote" needs the whole list and is left to navigation.

A recipient named by a place in that list ("the one last in my inbox", "the one
at the top of my conversations") is the row in that place: the first row, or the last row once
the list has been scrolled to its end.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from planners.embedded import lists
from planners.embedded.acts import tap
from planners.embedded.forms import form_done
from planners.embedded.goal import Goal, Intent, Slot
from planners.embedded.memo import Mark, Memo, memo_of
from planners.embedded.operations import RankKey
from planners.embedded.sending import press_new, send_message
from planners.embedded.view import View
from planners.planner import Decision

_OWN = re.compile(r"^\s*You\s*:", re.I)  # how a conversation's preview shows the owner's words


# a place in the list of conversations: "last in my inbox", "top of the inbox"
_PLACE = re.compile(r"\b(top|head|start|bottom|end|foot)\s+of\s+(?:my|the)\s+(?:list\s+of\s+)?"
                    r"(?:chats?|conversations?|messages|threads?|texts|inbox|sms)\b", re.I)
_FIRST = frozenset(("top", "head", "start"))


def place(goal: Goal) -> str | None:
    """"first" or "last": the place in the list of conversations that names the recipient."""
    m = _PLACE.search(goal.text)
    return None if m is None else "first" if m.group(1).lower() in _FIRST else "last"


def by_order(goal: Goal) -> bool:
    """A message whose recipient only an order of time, or a place in the list of
    conversations, names."""
    if goal.intent is not Intent.SEND or any(s.name == "to" for s in goal.slots):
        return False
    return place(goal) is not None or (goal.rank is not None and goal.rank.key is RankKey.TIME)


def _opened(view: View) -> str:
    """The conversation an earlier step opened as the order's pick ("" when none)."""
    return next((memo_of(p).item for p in reversed(view.history)
                 if memo_of(p).mark is Mark.OPEN_ITEM), "")


def _to(goal: Goal, person: str) -> Goal:
    return replace(goal, slots=(Slot("to", person), *goal.slots))


def open_latest(goal: Goal, view: View) -> Decision | None:
    """On a list of conversations in time order: open the newest one the other person wrote
    last in."""
    if goal.rank is None or not goal.rank.highest or _opened(view) or not lists.newest_first(view):
        return None
    theirs = [r for r in lists.rows(view) if not _OWN.match(r.element.description or "")]
    if not theirs:
        return None
    row = theirs[0].element
    return tap(row, f"Open '{row.label}': the conversation first by "
               f"{goal.rank.phrase!r} that the other person wrote last in.", 0.6, Mark.OPEN_ITEM)


def open_placed(goal: Goal, view: View) -> Decision | None:
    """On the list of conversations: open the row at the place the request names, the
    last one only once the list has been read to its end."""
    where = place(goal)
    scrolled = bool(lists.seen_rows(view))
    if where is None or _opened(view) or not (lists.newest_first(view) or scrolled):
        return None
    every = lists.rows(view)
    if not every:
        return None
    if where == "last":
        seen = tuple(dict.fromkeys((*lists.seen_rows(view),
                                    *(r.element.label for r in every))))
        more = lists.read_on(view, Memo(seen=seen), "The bottom row is further down: scroll.")
        if more is not None:
            return more
    row = (every[0] if where == "first" else every[-1]).element
    return tap(row, f"Open '{row.label}': the conversation at the {where} place of the list.",
               0.6, Mark.OPEN_ITEM)


def steps(goal: Goal, view: View) -> list[Callable[[], Decision | None]]:
    """The steps of a message to the person an order picks (see the module docstring)."""
    person = _opened(view)
    if person:
        sent = _to(goal, person)
        return [lambda: form_done(sent, view), lambda: send_message(sent, view)]
    if place(goal) is not None:
        return [lambda: open_placed(goal, view)]
    return [lambda: open_latest(goal, view),
            lambda: None if lists.rows(view) else press_new(goal, view)]
