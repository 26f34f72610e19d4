"""Switches and sliders: flip the switch the goal names towards the state it asks for
(every such switch, for "every"), or tap the slider it names at the level it asks for.

A switch in the state asked is evidence only for the thing it names. One that does not
show a name the request gives ("the Pixel Buds" when Bluetooth is on) is a means to it,
not the thing, and the task goes on where that name is. A request that names
two things joined by "and" ("both the torch and the hotspot on") is not done when one of
them is: in the clause that names the switch, a short phrase on either side of "and" that
shares no word with the switch names another thing, still to do, so the task is not
finished on that switch alone. A clause set apart by a comma ("I'm off to bed, put the
phone in silent mode") tells the context and names nothing to switch.
"""

from __future__ import annotations

import re

from devices.actions import Point, Tap
from planners.embedded import amounts, day_parts, row_filters
from planners.embedded.acts import MATCH, finish, open_now, tap
from planners.embedded.goal import Goal, Scope
from planners.embedded.scoring import words
from planners.embedded.view import Scored, View, is_slider, spoken_name
from planners.planner import Decision


def toggle(goal: Goal, view: View, floor: float) -> Decision | None:
    """Flip the best matching switch towards the requested state, or finish if it is there."""
    switches = [s for s in view.scored if s.element.checkable and s.element.enabled]
    if goal.rank is not None and (opened := open_now(view)):
        switches = _of_item(switches, opened)
    best = view.best(switches)
    if best is None or best.score < max(MATCH, floor):
        return None
    want = True if goal.desired is None else goal.desired
    name = best.text or "the switch"
    if goal.scope is Scope.ALL:
        return _toggle_every(goal, switches, best, want, view)
    own = spoken_name(best.element)  # named by itself, not only by the row around it (a day
    #   toggle inside the goal's alarm card says nothing of that alarm's other settings)
    named = words(own) & words(goal.target) or view.matcher.element(own, "") >= MATCH
    if best.element.checked == want and named:
        if not _other_named_here(goal, own, view):
            return None  # a means to the thing the request names, which is elsewhere
        state = "on" if want else "off"
        for other in _others_named(goal, own):  # its switch, where this page has it
            theirs = [s for s in switches if words(spoken_name(s.element)) & other]
            todo = [s for s in theirs if s.element.checked != want
                    and view.tap_count(s.element)[1] < 2]
            if todo:
                return tap(todo[0].element, f"Turn '{todo[0].text}' {state} too.", best.score)
            if not theirs or any(s.element.checked != want for s in theirs):
                return None  # not done yet: it is elsewhere, or did not take
        return finish(f"'{name}' is {state} now, as asked.", confidence=best.score)
    if view.tap_count(best.element)[1] >= 2:
        return None
    state = "on" if want else "off"
    return tap(best.element, f"Turn '{name}' {state}: tap its switch.", best.score)


def _of_item(switches: list[Scored], item: str) -> list[Scored]:
    """The switches of the row an order over a list opened ("my second alarm"): those that
    share the most words with it. The request gives none of that row's own words, so a
    switch of another row of the kind fits it as well and says nothing of it."""
    shared = {s.element.id: len(words(s.text) & words(item)) for s in switches}
    most = max(shared.values(), default=0)
    return [s for s in switches if most and shared[s.element.id] == most]


def _other_named_here(goal: Goal, own: str, view: View) -> bool:
    """The names the request gives besides the switch's own are on screen: "turn on
    Bluetooth for my Aria buds" names the switch and a device; Bluetooth on, with no buds in
    view, is a means to the request, not its end."""
    others = [e for e in goal.entities if not words(e) <= words(own)]
    return not others or any(view.shows(e, fields=True) for e in others)


_SHORT = 3  # content words of a phrase beside "and" that names one thing


def _others_named(goal: Goal, own: str) -> list[set[str]]:
    """The things the request joins to the switch `own` with "and" that share no word with
    it (short phrases of the goal's words, as word sets): other things to do too."""
    said = words(goal.target)
    clauses = re.split(r"[,;.!?]", goal.text)  # "I'm off to bed, put X on": a context
    clause = next((c for c in clauses if words(c) & words(own)), goal.text)  # is no thing
    chunks = [words(c) & said for c in re.split(r"\band\b", clause)]
    chunks = [c for c in chunks if c]
    if len(chunks) < 2 or any(len(c) > _SHORT for c in chunks):
        return []
    return [c for c in chunks if not c & words(own)]


EVERY_MARGIN = 0.1  # how far below the best switch one of "every" such switch may score


def _toggle_every(goal: Goal, switches: list[Scored], best: Scored, want: bool, view: View
                  ) -> Decision | None:
    """"Turn off every alarm": each switch that fits the goal about as well as the best one,
    or is called by the goal's word that the best one is called by ("alarm", "zone"), is
    one of them; one already in the state asked is no proof for the others, so each that is
    not is flipped, and it is done only when none is left."""
    state = "on" if want else "off"
    kind = words(best.text) & words(goal.target)
    fitting = [s for s in switches if s.score >= max(MATCH, best.score - EVERY_MARGIN)
               or kind & words(s.text)]
    for meets in (row_filters.condition(goal.text), day_parts.narrowing(goal.text)):
        if meets is None:  # "every alarm before 8am", "my evening alarms": only the rows
            continue  # whose value meets it; none with a value: nothing to go by
        judged = [(s, meets(s.text)) for s in fitting]
        if all(met is None for _, met in judged):
            return None
        fitting = [s for s, met in judged if met]
    for s in fitting:
        if s.element.checked != want and view.tap_count(s.element)[1] < 2:
            return tap(s.element, f"Turn '{s.text or 'the switch'}' {state}: one of every "
                       "such switch.", s.score)
    if all(s.element.checked == want for s in fitting):
        return finish(f"Every one of the {len(fitting)} such switches is {state} now, "
                      "as asked.", confidence=best.score)
    return None


def slide(goal: Goal, view: View, floor: float) -> Decision | None:
    """Tap the best matching slider at the requested fraction of its length. On a page of
    several sliders the words that tell them apart ("media", "ring") say which one the goal
    means: one whose own words the goal lacks is another setting, and is left alone."""
    sliders = [s for s in view.scored if is_slider(s.element)]
    if len(sliders) > 1:
        own = {s.element.id: words(s.element.label) for s in sliders}
        shared = set.intersection(*map(set, own.values()))
        said = words(goal.text)
        sliders = [s for s in sliders if own[s.element.id] - shared <= set() or (
            (own[s.element.id] - shared) & said)]
    best = view.best(sliders)
    wanted = goal.number if goal.number is not None else amounts.level(goal.text)
    if best is None or wanted is None or best.score < max(MATCH - 0.1, floor):
        return None
    fraction = min(max(wanted / 100.0, 0.0), 1.0)
    b = best.element.bounds
    point = Point(b.left + round(fraction * max(b.width - 1, 0)), b.center.y)
    label = best.element.label or "the slider"
    if view.tapped_point(point):
        return finish(f"'{label}' was set to {wanted:g}.", confidence=best.score)
    thought = f"Set '{label}' to {wanted:g}%: tap at that point of the slider."
    return Decision(Tap(point), thought=thought, confidence=best.score)
