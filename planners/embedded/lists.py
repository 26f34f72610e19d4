"""Operations over what a list shows: counting its rows ("how many alarms"), and orders
over them ("the earliest alarm", "the priciest thing", "my most recent chat").

A list is read to its end: the planner scrolls down until a scroll changes nothing or shows
no new row, carrying the rows seen and the best one so far in its memo (data, not prose).
The rows of a list are the widest actionable elements inside its scrollable container, so
a row's inner buttons (an alarm's time, its switch) are not counted again.
"""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import pairwise

from devices.actions import Direction, Finish, FinishStatus, Scroll
from planners.embedded import row_kinds, tallies
from planners.embedded.acts import finish, tap
from planners.embedded.goal import Goal, Intent
from planners.embedded.memo import Mark, Memo, memo_of
from planners.embedded.operations import Rank, RankKey
from planners.embedded.scoring import words
from planners.embedded.view import Scored, View
from planners.planner import Decision, Verdict

MAX_SCROLLS = 8  # scrolls of one list at most, before answering from what was seen
_PRICE = re.compile(r"[$€£¥]\s?(\d[\d,]*(?:\.\d+)?)|(\d[\d,]*(?:\.\d+)?)\s?[$€£¥]")
_CLOCK = re.compile(r"\b(\d{1,2}):(\d{2})\s*([AaPp])?\.?[Mm]?\b")


def rows(view: View) -> list[Scored]:
    """The rows of the screen's main list, top to bottom."""
    lists = [e for e in view.screen.elements if e.scrollable]
    if not lists:
        return []
    box = max(lists, key=lambda e: e.bounds.area).bounds
    inside = [s for s in view.content() if s.element.clickable and not s.element.checkable
              and not s.element.editable and not s.element.scrollable and s.element.label
              and box.contains(s.element.bounds.center)]
    if not inside:
        return []
    widest = max(s.element.bounds.width for s in inside)
    kept = [s for s in inside if s.element.bounds.width >= 0.8 * widest]
    return sorted(kept, key=lambda s: s.element.bounds.top)


def row_text(s: Scored) -> str:
    """All a row shows: its label, its description (a merged summary line) and its texts."""
    return " ".join(dict.fromkeys(t for t in (s.element.label, s.element.description, s.context)
                                  if t))


_WHO = re.compile(r"^\s*(?:who|whom|whose)\b|\b(?:title|name|called)\b", re.I)


def _reply(goal: Goal, row: Scored) -> str:
    """What a row answers: its name when the question asks who or for a name or title (a
    chat's row shows the person and the last message; the person is the reply), else all
    that it shows."""
    if _WHO.search(goal.text) and row.element.text:
        return row.element.text
    return row_text(row)


def _value(key: RankKey, text: str) -> float | None:
    """The row's value for an order: a price, or a clock time in minutes after midnight."""
    if key is RankKey.VALUE:
        m = _PRICE.search(text)
        return float((m.group(1) or m.group(2)).replace(",", "")) if m else None
    m = _CLOCK.search(text)
    if m is None:
        return None
    hour = int(m.group(1)) % 12 if m.group(3) else int(m.group(1))
    hour += 12 if m.group(3) and m.group(3).lower() == "p" else 0
    return float(hour * 60 + int(m.group(2)))


def newest_first(view: View) -> bool:
    """Some rows show a clock time and the others a day: a list kept in time order, newest
    first (a list of chats)."""
    every = rows(view)
    timed = sum(1 for s in every if _value(RankKey.TIME, row_text(s)) is not None)
    return 0 < timed < len(every)


def _alphabetical(found: list[Scored]) -> bool:
    """The rows' names are in alphabetical order (nearly all neighbours are): a list sorted
    by name."""
    names = [(s.element.text or s.element.label).casefold() for s in found]
    pairs = list(pairwise(names))
    return len(pairs) >= 2 and sum(a <= b for a, b in pairs) >= 0.8 * len(pairs)


def by_place(rank: Rank, every: list[Scored]) -> Rank | None:
    """The order as places on the list, or None when the rows' own values order them. A
    place asked for ("the one at the bottom") is one. A time order ("the oldest", "my most
    recent") over a list whose rows do not each show a time is the list's own order: phones
    keep what people write and get newest first, at the top, so the newest is the top row
    and the oldest the bottom one; but rows in alphabetical order are sorted by name, which
    says nothing of when each came."""
    if rank.key is RankKey.PLACE:
        return rank
    timed = sum(1 for s in every if _value(RankKey.TIME, row_text(s)) is not None)
    if rank.key is not RankKey.TIME or timed == len(every) or (
            not timed and _alphabetical(every)):
        return None
    return Rank(RankKey.PLACE, not rank.highest, rank.phrase)


def _placed(goal: Goal, view: View, place: Rank, found: list[Scored]) -> Decision | None:
    """The row at the place asked: counted from the top on the list as it opens, or from
    the bottom once the list is read to its end (a list cut short by the planner's limit
    has no bottom it can tell)."""
    seen = tuple(dict.fromkeys((*seen_rows(view), *(s.element.label for s in found))))
    scrolled = any(isinstance(p.action, Scroll) for p in view.here())
    if not place.highest and not scrolled and len(found) > place.nth:
        row = _reply(goal, found[place.nth])
        return finish(f"Row {place.nth + 1} from the top is {row!r}.", answer=row, confidence=0.6)
    more = read_on(view, Memo(seen=seen), f"{place.phrase!r} is a place on the list: read on.")
    if more is not None:
        return more
    here = [p for p in view.here() if isinstance(p.action, Scroll)]
    if len(here) >= MAX_SCROLLS and not any(p.verdict is Verdict.NO_CHANGE for p in here):
        reason = f"The list goes on past {MAX_SCROLLS} scrolls: I cannot tell its end."
        return Decision(Finish(FinishStatus.FAILURE, reason), thought=reason, confidence=0.5)
    if len(seen) <= place.nth:
        return None
    at = -1 - place.nth if place.highest else place.nth
    row = _reply(goal, found[at]) if place.highest and len(found) > place.nth else seen[at]
    return finish(f"{place.phrase!r}: {row!r}.", answer=row, confidence=0.6)


def _at_end(view: View) -> bool:
    """This list was scrolled as far as it goes, or as far as the planner will."""
    here = [p for p in view.here() if isinstance(p.action, Scroll)]
    return len(here) >= MAX_SCROLLS or any(p.verdict is Verdict.NO_CHANGE for p in here)


def seen_rows(view: View) -> tuple[str, ...]:
    last = view.last()
    return memo_of(last).seen if last is not None else ()


def read_on(view: View, memo: Memo, thought: str) -> Decision | None:
    """Scroll on for more rows, unless the list has ended or the last scroll showed none."""
    scrollable = any(e.scrollable for e in view.screen.elements)
    fresh = len(memo.seen) > len(seen_rows(view))
    if not scrollable or _at_end(view) or (view.here() and not fresh):
        return None
    return Decision(Scroll(Direction.DOWN), thought=thought, confidence=0.7, memo=memo)


_STATE_ASKED = re.compile(r"\b(?:switched|turned|set)\s+(on|off)\b|\b(?:is|are)\s+(on|off)\b|"
                          r"\b(enabled|disabled|active|inactive)\b", re.I)
_ON = ("on", "enabled", "active")
_MARK = "\u241f"  # joins a row's label and its switch's state in the memo


def _state_asked(goal: Goal) -> bool | None:
    """The state a count is restricted to ("how many alarms are switched on"), or None."""
    m = _STATE_ASKED.search(goal.text)
    return None if m is None else next(g for g in m.groups() if g).lower() in _ON


def _switch_of(row: Scored, view: View) -> bool | None:
    """The checked state of the switch on `row`'s line, or None when it has none."""
    b = row.element.bounds
    for e in view.screen.elements:
        if e.checkable and b.top <= e.bounds.center.y <= b.bottom:
            return e.checked
    return None


def count(goal: Goal, view: View, at_best_page: bool) -> Decision | None:
    """How many rows the list has, read to its end. A count restricted to a state ("how many
    are switched on") counts the rows whose switch shows it; a list without switches cannot
    answer it, and its total is no answer. So with any other narrowing (`tallies`): the rows
    that show it are counted, and one no row can be checked for is not answered."""
    found = rows(view)
    if not at_best_page or not found:
        return None
    want, test = _state_asked(goal), None
    if want is None and (narrowed := tallies.unreadable(goal)):
        reason = (f"The list does not show which rows are {narrowed!r}: its total would "
                  "answer another question.")
        return Decision(Finish(FinishStatus.FAILURE, reason), thought=reason, confidence=0.6)
    if want is None and (test := tallies.row_test(goal)) is not None:  # the rows showing it
        want = True
        labels = [f"{s.element.label}{_MARK}{test(s.element.text or s.element.label, row_text(s))}"
                  for s in found]
    elif want is None:
        labels = [s.element.label for s in found]
    else:
        states = [(s.element.label, _switch_of(s, view)) for s in found]
        if all(state is None for _, state in states):
            return None
        labels = [f"{label}{_MARK}{state}" for label, state in states]
    seen = tuple(dict.fromkeys((*seen_rows(view), *labels)))
    more = read_on(view, Memo(seen=seen), f"{len(seen)} rows so far: scroll for more.")
    if more is not None:
        return more
    if want is None:
        return finish(f"The list has {len(seen)} rows.", answer=str(len(seen)))
    n = sum(1 for s in seen if s.endswith(f"{_MARK}{want}"))
    told = f"have their switch {'on' if want else 'off'}" if test is None else "show what is asked"
    return finish(f"{n} of the {len(seen)} rows {told}.", answer=str(n))


def _fitting(goal: Goal, found: list[Scored]) -> list[Scored]:
    """The rows an order is taken over: those that show every item the request names
    besides the order ("the cheapest of the Sony ones", "the latest from Rhea"); none when
    no row shows them, since the first of a whole list is no answer about one entry."""
    named = [words(e) for e in goal.entities if words(e)]
    return [s for s in found if all(n <= words(row_text(s)) for n in named)]


def ranked(goal: Goal, view: View, at_best_page: bool) -> Decision | None:
    """The row first by the goal's order ("the priciest"), read to the end of the list; or
    the row at a place on it (`by_place`). A list whose rows show times for some and days
    for others is in time order, newest first (a list of chats), wherever it is found."""
    rank = goal.rank
    every = rows(view)
    found = _fitting(goal, every)
    if rank is None or not found:
        return None
    place = by_place(rank, every)
    if place is not None:
        mixed = rank.key is RankKey.TIME and newest_first(view)
        return _placed(goal, view, place, row_kinds.of_kind(goal, view, found)) if (
            at_best_page or mixed or row_kinds.listed_here(goal, view)) else None
    last = memo_of(view.last()) if view.last() is not None else Memo()
    values = [(v, s) for s in found if (v := _value(rank.key, row_text(s))) is not None]
    mine = row_kinds.of_kind(goal, view, found)
    valued = [(v, _reply(goal, s)) for v, s in values if s in mine]
    if not at_best_page and not (rank.key is RankKey.VALUE and valued):
        return None  # a list of prices is where a price order is read; times are everywhere
    best, best_value = last.best, last.best_value
    for value, text in valued:
        if best_value is None or (value > best_value if rank.highest else value < best_value):
            best, best_value = text, value
    if not values and not best:
        return None  # no row shows a value of the order: the list is elsewhere
    seen = tuple(dict.fromkeys((*seen_rows(view), *(s.element.label for s in found))))
    memo = Memo(seen=seen, best=best, best_value=best_value)
    more = read_on(view, memo, f"So far {best!r} comes first by {rank.phrase!r}: scroll on."
                   if best else "No row so far is of the kind asked: scroll on.")
    if more is not None or not best:  # a list that has no row of the kind answers nothing
        return more
    return finish(f"{best!r} comes first by {rank.phrase!r}.", answer=best, confidence=0.7)


def pick(goal: Goal, view: View) -> Decision | None:
    """An order over a list to act on ("open the oldest invoice", "add the lightest tent"):
    the order is taken over every row showing the kind named, with the value each row
    shows, read to the end of the list (a row of another kind, or first on screen, is not
    it); that row is opened, and the request goes on on its page as for an item named."""
    rank = goal.rank
    if rank is None or goal.intent is Intent.ANSWER or view.marked(Mark.OPEN_ITEM):
        return None
    kind = words(goal.target)
    every = rows(view)
    if rank.key is RankKey.PLACE:
        return _pick_placed(view, rank, [s for s in row_kinds.of_kind(goal, view, every)
                                         if kind & row_kinds.GENERAL or kind & words(row_text(s))])
    valued = [(v, s) for s in row_kinds.of_kind(goal, view, every)
              if (kind & row_kinds.GENERAL or kind & words(row_text(s)))
              and (v := _value(rank.key, row_text(s))) is not None]
    if not valued:
        return None
    last = memo_of(view.last()) if view.last() is not None else Memo()
    best, best_value = last.best, last.best_value
    for value, s in valued:
        if best_value is None or (value > best_value if rank.highest else value < best_value):
            best, best_value = s.element.label, value
    seen = tuple(dict.fromkeys((*seen_rows(view), *(s.element.label for _, s in valued))))
    memo = Memo(seen=seen, best=best, best_value=best_value)
    more = read_on(view, memo, f"So far {best!r} comes first by {rank.phrase!r}: scroll on.")
    if more is not None:
        return more
    here = [s for s in every if s.element.label == best]
    if not here:  # read past it: back up the list to it
        return Decision(Scroll(Direction.UP), thought=f"Back up the list to {best!r}.",
                        confidence=0.6, memo=memo)
    opened = tap(here[0].element, f"{best!r} comes first by {rank.phrase!r} of the "
                 f"{len(seen)} rows of its kind: open it.", 0.75, Mark.OPEN_ITEM)
    return replace(opened, memo=replace(memo_of(opened), best=best, best_value=best_value))


def _pick_placed(view: View, place: Rank, mine: list[Scored]) -> Decision | None:
    """The row of the kind asked at the place asked ("my second alarm"), counted from the
    top on the list as it opens, or from the bottom once the list is read to its end."""
    if not mine:
        return None
    seen = tuple(dict.fromkeys((*seen_rows(view), *(s.element.label for s in mine))))
    scrolled = any(isinstance(p.action, Scroll) for p in view.here())
    if place.highest or scrolled or len(mine) <= place.nth:
        more = read_on(view, Memo(seen=seen), f"{place.phrase!r} is a place on the list: "
                       "read on.")
        if more is not None or len(seen) <= place.nth:
            return more
        best = seen[-1 - place.nth] if place.highest else seen[place.nth]
    else:
        best = mine[place.nth].element.label
    here = [s for s in mine if s.element.label == best]
    if not here:  # read past it: back up the list to it
        return Decision(Scroll(Direction.UP), thought=f"Back up the list to {best!r}.",
                        confidence=0.6, memo=Memo(seen=seen, best=best))
    opened = tap(here[0].element, f"{best!r} is {place.phrase!r} of the {len(seen)} rows of "
                 "its kind: open it.", 0.75, Mark.OPEN_ITEM)
    return replace(opened, memo=replace(memo_of(opened), best=best))
