"""Honest ends: when the history shows that going on cannot help, say so and stop, instead of
wandering until the step budget runs out.

First, a request that nothing the exploration saw resembles is infeasible at once
(`matches_nothing`). Then four laws, each read from the typed history (memos, verdicts,
refusals, page signatures), never from the wording of a thought or of a screen:

1. The goal's own action was refused by the safety gate for want of consent (nobody
   approved it beforehand and nobody was there to ask, or the person said no). Every other
   way to the same action meets the same gate: stop without it (the episode ends blocked).
2. The item the goal names was opened, nothing on its page did what the goal asks (the
   planner only moved on, or opened other items), and it is back on that item's page (or
   opened it again) with still nothing to do there: the page lacks what the goal asks for,
   and the phone offers no way to do it (infeasible). A page on which the planner acted
   before has means, and is no proof, nor is a page with a control that has no name (its
   use is unknown), nor an item whose label holds none of the goal's names (the planner may
   have opened the wrong one); a goal with values to enter (text, an address, a quantity)
   needs a form the planner failed to find. These are the planner's failures, not the phone's.
3. The planner goes round in circles: its last steps only revisited pages already seen in
   the episode, only moved (no act applied on any of them), and it is back on a page seen
   twice before; or it is back on a page it was on `RETURNS` times since it last did
   something. More steps would take the same roads again. When the planner had reached
   what the goal is about and the circle passed through the pages the memory knows to match
   the goal best, they lack it (infeasible, under the same provisos as law 2); so does the
   phone when no page it has shown names a word of what the goal is about; otherwise
   the planner failed to find the way (an honest failure).
4. The item the goal names was just opened on its form (fields in view, no Edit to press
   first), and a value the goal sets is for a setting that nothing on the form names (no
   field, row or button means it: "the ringtone" of an item whose form has a label and
   days): the item has no such setting (infeasible). Settings every form kind names its
   own way (a name, a phone number, a message) are left to the form rules.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from devices.actions import Finish, FinishStatus, Scroll
from planners.embedded import asked_search
from planners.embedded.goal import Goal, Intent
from planners.embedded.memo import Mark, memo_of
from planners.embedded.memory import AppMemory
from planners.embedded.persons import about_person
from planners.embedded.scoring import named_apps, words
from planners.embedded.view import View, spoken_name
from planners.planner import Decision, PastStep, Refusal, Verdict

CIRCLE = 6  # pages in a row (the current one included) that were all seen before
CIRCLE_VISITS = 2  # earlier decisions on the current page for it to count as a circle
RETURNS = 4  # earlier decisions on the current page since the planner last did something
GOAL_OWN = frozenset({Mark.GOAL_ACTION, Mark.SUBMIT, Mark.PAY})  # the goal's own press


def _stop(status: FinishStatus, reason: str) -> Decision:
    return Decision(Finish(status, reason), thought=reason, confidence=0.6)


def nothing_asked() -> Decision:
    """A request that only says what not to do asks for nothing to carry out."""
    reason = "The request only says what not to do: there is nothing to carry out."
    return Decision(Finish(FinishStatus.FAILURE, reason), thought=reason)


KIND_ALLOWANCE = 0.1  # how much lower the bar is for a question that names no item


def matches_nothing(goal: Goal, best: float, below: float, view: View | None = None,
                    named_app: bool = False) -> Decision | None:
    """Infeasible at once: nothing the exploration saw resembles the request (`best` is its
    best match anywhere). A question that names no item asks about a kind of content ("who
    wrote to me last?"), whose word is seldom a label (its list is called "Inbox"), while
    an order names a control or an item by the words it is shown with: the question's bar
    is lower. A question about a named person's words or details is never ruled out
    here: people are added every day, and the exploration saw none of today's; they are
    looked up where people are kept (`persons.nobody_by_that_name` ends it there).
    Nor is a request ruled out whose words the screen in front shows, all of them in one
    element (a message's preview that says the very thing asked about; not a field, which
    holds what was typed): the sentence model scores a long line low, though it says it
    in the request's own words.
    Nor is a request that names the app holding what it is about (`named_app`: "it's in my
    inbox", "correct that in my notepad"), an app where people write (`holds_writing`): the
    exploration read that app's pages, not what its items say today, so words that match
    no page may well be an item's; they are looked for there, and the laws below end the
    search that finds nothing. A game or a settings app named keeps no one's writing.
    Nor is a question about a thing ruled out where the page in front searches its items
    (`asked_search`): it is searched for first. Nor is a question for a value (a time, a
    code, a price): values are kept in items, whose names and words the exploration never
    read; it is looked for, and the laws below end a search that finds nothing."""
    if named_app:
        return None
    bar = below - (KIND_ALLOWANCE if goal.intent is Intent.ANSWER and not goal.entities else 0)
    if best >= bar or about_person(goal):  # a person is looked up where people are kept
        return None
    said = words(goal.target)
    if view is not None and said and any(said <= words(f"{s.element.text} {s.element.description}")
                                         for s in view.content() if not s.element.editable):
        return None
    if view is not None and asked_search.searchable(goal, view):  # searched before it is
        return asked_search.search_asked(goal, view)  # ruled out; None: shown, to be read
    if goal.intent is Intent.ANSWER and goal.value_type is not None:
        return None  # a value kept in an item: looked for, not ruled out by the pages
    return Decision(Finish(FinishStatus.INFEASIBLE),
                    thought=f"Nothing on this device matches {goal.target!r} "
                    f"(best match {best:.2f}).", confidence=0.6)


_SEARCH = re.compile(r"\bsearch", re.I)


def holds_writing(memory: AppMemory, text: str, apps: frozenset[str]) -> bool:
    """One of `apps`, or of the apps the request `text` names anywhere ("..., it's in my
    inbox"), has a remembered page with a field to write in that is not a search (a note's
    body, a message, a person's details): it keeps what people wrote, in items whose
    contents the exploration never read."""
    apps = apps | frozenset(named_apps(memory, words(text)).values())
    return any(e.editable and not _SEARCH.search(f"{e.label} {e.resource_id}")
               for r in memory.screens.values() if r.app in apps for e in r.elements)


def refused_goal_action(history: Sequence[PastStep]) -> Decision | None:
    """Law 1: the goal's own action (not a sub-goal's) was refused for want of consent."""
    for step in history:
        memo = memo_of(step)
        if step.refusal is Refusal.UNAPPROVED and memo.mark in GOAL_OWN and not memo.first:
            return _stop(FinishStatus.FAILURE,
                         f"The safety gate did not let the goal's own action run ({step.error}). "
                         f"It needs a consent nobody gave, and any other way to it meets the "
                         f"same gate: I stop without it.")
    return None


def _idle(step: PastStep) -> bool:
    """Nothing was done for the goal in this step: it only moved between pages (no act
    applied where it was), or nothing ran (a refusal, a mistake)."""
    return step.action is None or memo_of(step).moving


def _has_values(goal: Goal) -> bool:
    """The goal carries values (text, an address, a quantity): doing it means a form or a
    field, and a planner that found none has failed to find it rather than shown that
    the phone lacks it."""
    return bool(goal.slots) or goal.quantity is not None


def _unreadable_controls(view: View) -> bool:
    """The page has a control with no name (an icon without a label): what it does is
    unknown, so the page may hold the means after all."""
    return any(not s.element.label and not s.element.scrollable for s in view.actionable())


def _names_the_item(goal: Goal, item: str) -> bool:
    """The item opened is the one the goal names: one of the goal's most specific names
    (those of the most words) is in the item's label."""
    names = [words(e) for e in goal.entities if words(e)]
    longest = max(map(len, names), default=0)
    return any(len(n) == longest and n <= words(item) for n in names)


def _used_here(view: View) -> bool:
    """Something on the current page was acted on before in the episode (opening an item
    aside): the page has means for the goal, which the planner used, so it does not lack
    them."""
    return any(not _idle(p) and memo_of(p).mark is not Mark.OPEN_ITEM for p in view.here())


def _item_pages(steps: Sequence[PastStep], sig: str) -> dict[str, int]:
    """Items opened (`Mark.OPEN_ITEM`) of which one opening led to page `sig`, with the
    index of their first opening."""
    first: dict[str, int] = {}
    here: set[str] = set()
    for j, step in enumerate(steps):
        memo = memo_of(step)
        if memo.mark is not Mark.OPEN_ITEM or not step.changed or not memo.item:
            continue
        first.setdefault(memo.item, j)
        if (steps[j + 1].screen_signature if j + 1 < len(steps) else sig) == sig:
            here.add(memo.item)
    return {item: j for item, j in first.items() if item in here}


def item_page_lacks(goal: Goal, view: View) -> Decision | None:
    """Law 2: on the page of an item opened before (again, or opened anew), its page did
    nothing for the goal then, nothing was done since, and no act applies here now (the
    caller asks only then)."""
    steps = list(view.history)
    if not steps or steps[-1].screen_signature == view.sig or _used_here(view):
        return None  # not an arrival (still on the page it was on), or the page had means
    for item, first in _item_pages(steps, view.sig).items():
        later = steps[first + 1:]
        if not later or not view.shows(item, fields=True):
            continue  # never decided on the item's page before, or not this item's page
        if not all(_idle(p) or memo_of(p).item == item or memo_of(p).mark is Mark.OPEN_ITEM
                   for p in later):  # opening another item on the way did nothing either
            continue
        if _has_values(goal) or _unreadable_controls(view) or not _names_the_item(goal, item):
            return _stop(FinishStatus.FAILURE,
                         f"I came back to {item!r} and found no way on its page to do "
                         f"{goal.text!r} that I could recognise.")
        return _stop(FinishStatus.INFEASIBLE,
                     f"I opened {item!r} twice and its page offers nothing that does "
                     f"{goal.text!r}; the phone shows no way to do it.")
    return None


def _roaming(step: PastStep) -> bool:
    """A move between pages (a scroll that showed more rows is looking, not roaming)."""
    return step.action is not None and memo_of(step).moving and (
        not isinstance(step.action, Scroll) or step.verdict is Verdict.NO_CHANGE)


def _circle(view: View) -> list[PastStep]:
    """The steps of the circle the planner is in (empty when it is in none): the last
    `CIRCLE` - 1 steps when they only moved between pages seen before and the current page
    was decided on `CIRCLE_VISITS` times; else the steps since the last one that did
    something, when the current page was decided on `RETURNS` times among them."""
    steps = list(view.history)
    window = steps[len(steps) - (CIRCLE - 1):]
    if len(steps) >= CIRCLE and all(_roaming(p) for p in window):
        earlier = {p.screen_signature for p in steps[: len(steps) - len(window)]}
        pages = [p.screen_signature for p in window] + [view.sig]
        if all(page in earlier for page in pages) and sum(
                p.screen_signature == view.sig for p in steps) >= CIRCLE_VISITS:
            return window
    done = max((i + 1 for i, p in enumerate(steps) if not _idle(p)), default=0)
    since = steps[done:]  # the steps since the last one that did something
    visits = sum(p.screen_signature == view.sig for p in since)
    return since if visits >= RETURNS else []


def _names_nothing_here(goal: Goal, view: View, app_name: str) -> bool:
    """No word of the goal's target but what names the page itself (the app's name,
    `app_name`, and the tab chosen: "Timer" for "let my timers chime twice") is on the page:
    the goal names no item of the page to reach, only what the page is about."""
    chosen = " ".join(s.element.label for s in view.scored if s.element.selected)
    said = words(goal.target) - words(app_name) - words(chosen)
    shown = set().union(*(words(spoken_name(s.element)) for s in view.scored
                          if not s.element.selected))
    return bool(said) and not said & shown


def _named_nowhere(goal: Goal, view: View, memory: AppMemory | None) -> bool:
    """No word of the goal's target is on any page the exploration read, nor on this one:
    the phone names nothing of what the goal asks for ("wallpaper" on a phone without one).
    A phone never explored tells nothing."""
    said = words(goal.target)
    if memory is None or not memory.texts or not said:
        return False
    seen = words(" ".join(memory.texts)).union(
        *(words(spoken_name(s.element)) for s in view.scored))
    return not said & seen


def circling(goal: Goal, view: View, at_best: bool, app_name: str = "",
             memory: AppMemory | None = None) -> Decision | None:
    """Law 3: the planner goes round in circles (see the module docstring). It is
    infeasible only when the planner had reached what the goal is about (opened its item, or
    started the new one; or the goal names no item on the page, `app_name` aside), the
    circle passed through the pages that match the goal best
    (`at_best`: the current one does) and nothing applied there either; a circle that never
    got there, a goal with values to enter, a page where something was acted on before or
    with a control that has no name, is the planner's failure."""
    circle = _circle(view)
    if not circle:
        return None
    reached = any(memo_of(p).mark in (Mark.OPEN_ITEM, Mark.NEW_ITEM) and p.changed
                  for p in view.history) or _names_nothing_here(goal, view, app_name)
    best = at_best or any(memo_of(p).at_best for p in circle)
    honest = not (_has_values(goal) or _used_here(view) or _unreadable_controls(view))
    if reached and best and honest:
        return _stop(FinishStatus.INFEASIBLE,
                     f"I reached {goal.target!r} and keep coming back to the pages that match "
                     f"it best; none of them offers a way to do {goal.text!r}.")
    if _named_nowhere(goal, view, memory):
        return _stop(FinishStatus.INFEASIBLE,
                     f"I keep coming back to pages I have seen, and no page of this phone names "
                     f"any of {goal.target!r}: it offers no way to do {goal.text!r}.")
    return _stop(FinishStatus.FAILURE,
                 f"I am going round in circles: I keep coming back to pages I have seen, and "
                 f"nothing I did there brought {goal.target!r} closer.")


SETTING_MATCH = 0.45  # a label part that means a setting this well names it on the form


def form_lacks_setting(goal: Goal, view: View, common: frozenset[str]) -> Decision | None:
    """Law 4 (see the module docstring); `common`: the settings left to the form rules."""
    last = view.last()
    asked = [s.name for s in goal.slots if not s.ref and s.name not in common]
    if goal.intent is not Intent.EDIT or not asked or not view.fields() or last is None or (
            not (view.last_marked(Mark.OPEN_ITEM) and last.changed)):
        return None
    item = (words(goal.target) - words(" ".join(asked))).union(*map(words, goal.entities))
    parts = list(dict.fromkeys(p.strip() for s in view.content() for p in re.split(
        r"[|·(),]", spoken_name(s.element)) if p.strip() and not words(p) & item))
    #   (what names the item itself, "6:15 AM alarm", is no setting of it)
    if not parts or any(words(p) & {"edit", "more", "option", "setting"} for p in parts):
        return None  # a way on to more settings: the setting may be behind it
    encoder = view.matcher.encoder
    sims = encoder.encode(asked) @ encoder.encode(parts).T
    lacking = [name for name, row in zip(asked, sims, strict=True) if row.max() < SETTING_MATCH
               and not any(words(name) & words(p) for p in parts)]
    if not lacking:
        return None
    return _stop(FinishStatus.INFEASIBLE,
                 f"The item is open on its form, and nothing on it sets "
                 f"{' or '.join(map(repr, lacking))}: it has no such setting, so "
                 f"{goal.text!r} cannot be done. Nothing was changed.")
