"""What the screen shows as evidence that a step of the goal took effect, read without
acting: a counter before and after a press, the numbers a request states, which tool's page
is in front, whether the list that held an item is on screen. `acts` decides with these;
success is claimed only on evidence, and a task the screen shows undone is given up
honestly (`give_up`) rather than finished.
"""

from __future__ import annotations

import re

from devices.actions import Finish, FinishStatus
from planners.embedded.counts import wanted as count_wanted
from planners.embedded.goal import Goal, Intent
from planners.embedded.memo import Mark, memo_of
from planners.embedded.operations import RankKey
from planners.embedded.scoring import words
from planners.embedded.view import View
from planners.embedded.wording import DEVICE_NOUNS, modifiers_of
from planners.planner import Decision


def another_tool(goal: Goal, view: View) -> bool:
    """The page in front is another tool's: the selected tab names nothing of the goal while
    a tab beside it (same row) is named by it ("start a countdown" on the Lap counter tab, with a
    Timer tab next to it). A Start there starts the wrong thing."""
    said = words(goal.target) - words(goal.verb)  # what is acted on, not the verb ("call")
    chosen = [s.element for s in view.scored if s.element.selected and s.element.label]
    for tab in chosen:
        if words(tab.label) & said:
            continue
        row = [s.element for s in view.actionable() if not s.element.selected
               and s.element.label and abs(s.element.bounds.center.y - tab.bounds.center.y)
               <= tab.bounds.height // 2]
        if any(words(e.label) and words(e.label) <= said for e in row):
            return True
    return False


def shows_numbers(goal: Goal, view: View) -> bool:
    """Every number the request states (a duration, an amount) is shown on the screen: the
    evidence that what was started or set has the goal's value."""
    shown = " ".join(s.element.label for s in view.scored if not s.element.clickable)
    #   a key of a keypad ("5") shows a digit to press, not a value set
    return all(re.search(rf"(?<!\d)0*{n}(?!\d)", shown)
               for n in re.findall(r"\d+", goal.text))


def give_up(reason: str) -> Decision:
    """Finish with FAILURE and an honest reason: the screen shows the task not done."""
    return Decision(Finish(FinishStatus.FAILURE, reason), thought=reason, confidence=0.6)


def on_its_list(view: View) -> bool:
    """The screen is the list that held the item: the page it was opened from (or acted on),
    or another page of that app that is no form (an editor says nothing of the list)."""
    for mark in (Mark.OPEN_ITEM, Mark.GOAL_ACTION):
        steps = [p for p in view.history if memo_of(p).mark is mark]
        if steps:
            page = steps[-1]
            return view.sig == page.screen_signature or (
                page.app in ("", view.screen.app) and not view.fields())
    return True


def removals(view: View) -> int:
    """Removals tried: the item opened, then the goal's action pressed there."""
    steps = list(view.history)
    return sum(memo_of(p).mark is Mark.OPEN_ITEM and any(
        memo_of(q).mark is Mark.GOAL_ACTION and q.changed for q in steps[i + 1:])
        for i, p in enumerate(steps))


def counters(view: View) -> tuple[tuple[str, int], ...]:
    """The counters on screen ("Cart, 2 items", "3 selected"): each label with one number,
    by its wording with the number taken out (singular and plural alike)."""
    out = []
    for s in view.scored:
        numbers = re.findall(r"\d+", s.element.label)
        if len(numbers) == 1:
            key = re.sub(r"s\b", "", re.sub(r"\d+", "#", s.element.label.casefold()))
            if words(key):
                out.append((key, int(numbers[0])))
    return tuple(out)


def whole_name_here(goal: Goal, view: View) -> bool:
    """The screen shows the goal's fullest name ("Ethernet Cable", not just "Cable"): the
    page is that item's, not one of another item that shares a word with it."""
    if not goal.entities:
        return True
    longest = max(len(words(e)) for e in goal.entities)
    return any(view.shows(e, fields=True) for e in goal.entities if len(words(e)) == longest)


def whole_name(entity: str) -> bool:
    """A name of several words, each with a capital ("Grandpa Joe", "Walnut Coffee Stand"): a row
    that shows only some of them ("Grandpa", "Coffee Stand") is another person or thing."""
    parts = entity.split()
    return len(parts) > 1 and all(p[:1].isupper() for p in parts)


def but_kind(name: str, label: str) -> bool:
    """`label` shows every word of `name` but maybe its last, the word for its kind that a
    list leaves out ("my packing list" is the row "Packing"); a row sharing only another
    word ("Weekends" for "the weekend list") is another item."""
    said = name.split()
    rest = words(" ".join(said[:-1])) or words(name)
    return bool(rest) and rest <= words(label)


_LOOKING = ("open it to look at it", "show it to me")  # what a verb of seeing asks
LOOKING_AT_LEAST = 0.3


def only_looks(goal: Goal, view: View) -> bool:
    """The request's verb asks only to see its item ("check", "view", "pull up"): its page,
    opened, is the end. Any other verb ("ring", "archive") asks for more than the page, and
    an opened page is no evidence that it was done."""
    if not goal.verb:
        return True
    encoder = view.matcher.encoder
    sims = encoder.encode(list(_LOOKING)) @ encoder.encode([goal.verb])[0]
    return float(sims.max()) >= LOOKING_AT_LEAST


def counts_stated(goal: Goal) -> list[int]:
    """The counts the request states outside the names it gives ("4" and "2" of "I have 4
    of the Ladder (3 m), 2 will do"; the "3" of the name is no count)."""
    text = goal.text
    for name in sorted(goal.entities, key=len, reverse=True):
        text = text.replace(name, " ")
    return [int(n) for n in re.findall(r"(?<![\w.,:])\d+(?![\w.,:]\d)", text)]


def _wanted(goal: Goal) -> int | None:
    """The count the request wants of those it states (`counts`), names taken out."""
    text = goal.text
    for name in sorted(goal.entities, key=len, reverse=True):
        text = text.replace(name, " ")
    return count_wanted(text)


def stepped_by_us(view: View) -> bool:
    """A step of ours moved a quantity: the count shown after it is our change, not the one
    the item already had."""
    return any(memo_of(p).mark is Mark.STEPPER and p.changed for p in view.history)


def switch_is_means(goal: Goal, switch: str) -> bool:
    """A switch turned on without the request saying a state is a means to the request, not
    its end, when the request names an item the switch's name shares no word with ("link my
    Aria Band over NFC": NFC on is needed, the band linked is the task), or one thing of the
    switch's kind (`one_of_its_kind`: "hop onto the lab Wi-Fi"). A request that says on or
    off names the switch's state, whatever words it adds ("the swim alarm on")."""
    own = words(switch)
    other = any(words(e) and not words(e) & own for e in goal.entities)
    return goal.desired is None and (other or one_of_its_kind(goal, switch))


def one_of_its_kind(goal: Goal, switch: str) -> bool:
    """The request names one thing of the switch's kind, not the switch: a word it says just
    before the switch's name that the name lacks ("the lab Wi-Fi" is a network, "the car
    Bluetooth" a device), other than the phone itself ("the phone's Wi-Fi" is the switch)."""
    return bool(modifiers_of(switch, goal.target) - DEVICE_NOUNS)


def vouched(goal: Goal, view: View, decision: Decision) -> Decision:
    """The decision, unless it claims success where the request states several counts and
    the one worked to is not the one it wants (`counts`: the others are what it has now, or
    what it refuses), or where it
    picks its item by the values rows show ("the cheapest", "the heaviest") and no item was
    opened as first by that order: an item found by likeness alone is not the one picked."""
    action = decision.action
    if not (isinstance(action, Finish) and action.status is FinishStatus.SUCCESS):
        return decision
    counts = counts_stated(goal)
    if goal.quantity is not None and len(set(counts)) > 1 and _wanted(goal) != goal.quantity:
        return give_up(f"The request states the counts {counts}; the one I worked to may be "
                       "the count it has, not the one it wants: no evidence it is done.")
    if goal.rank is None or goal.rank.key is not RankKey.VALUE or (
            goal.intent is Intent.ANSWER):
        return decision
    if any(memo_of(p).mark is Mark.OPEN_ITEM and memo_of(p).best for p in view.history):
        return decision
    return give_up(f"The request picks its item by {goal.rank.phrase!r}, and I found no list "
                   "to pick it from by that order: what I did is no evidence it is done.")
