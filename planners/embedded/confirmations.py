"""A message that says it was done: the phone's own word that the goal's action took effect.

Many actions leave no row changed where the planner can see it: pairing with a device,
saving or sending from a list, a setting applied from a chooser. The phone then says so in a
short message of its own, often a toast or a snackbar that floats over the page for a few
seconds ("Paired with the speaker", "Connected to Home"). Such a message is evidence when
all of this holds:

- the planner's own last tap opened or pressed the goal's item and the screen changed;
- one text that nothing can press (a message, not a row or a button) holds both a past
  participle of what was done and a whole name of the item. What was done is the goal's
  verb ("pair" -> "paired"), or the verb the page's title starts with, the operation the
  page is for, where that verb is the same act as the goal's (`OperationReader.same_act`):
  a request says "sync my earbuds", the page where their row was tapped is "Pair new
  device", and the phone says "Paired with ..." ("unpair" is no such act); the name is the
  goal's
  fullest name, or the title of the row the last tap opened where every word of that title
  is a word of the request (a request names an item with the word for its kind, "the Cedar
  Hall Wi-Fi network", which the phone leaves out: "Connected to Cedar Hall"; a row whose
  title adds a word the request never says is another item);
- the message says nothing went wrong ("Couldn't pair with ...", "not paired", "failed").

Then the goal is done: pressing the item again would do it twice or undo it. A message
that asks for something first ("Turn on Bluetooth to pair") is a request, not a result
(`prereq` follows it), and a message that names another item says nothing of this one.
"""

from __future__ import annotations

import re

from planners.embedded.acts import finish, participle
from planners.embedded.goal import Goal, Intent
from planners.embedded.grounding import titles
from planners.embedded.memo import Mark, memo_of
from planners.embedded.operations import operation_reader
from planners.embedded.scoring import words
from planners.embedded.view import View
from planners.planner import Decision

_WENT_WRONG = re.compile(r"\b(?:not|no|never|couldn't|can't|cannot|could\s+not|unable|"
                         r"fail\w*|error|denied|rejected|try\s+again)\b|n't\b", re.I)
_BY_TAP = (Mark.OPEN_ITEM, Mark.GOAL_ACTION)


def message_says_done(goal: Goal, view: View) -> Decision | None:
    """Finish on the phone's own message that the goal's verb was done to its item (see the
    module docstring); None when no such message is on the screen."""
    last = view.last()
    done = {participle(goal.verb), *_page_verbs(goal, view)} - {""}
    names = _names(goal, memo_of(last).item) if last is not None else []
    if goal.intent is not Intent.DO or last is None or not last.changed or not done or (
            memo_of(last).mark not in _BY_TAP) or not names:
        return None
    for e in view.screen.elements:
        text = e.label
        if e.actionable or e.editable or not text or _WENT_WRONG.search(text):
            continue
        said = words(text)
        if done & said and any(name <= said for name in names):
            return finish(f"The phone says {text!r}: the goal's action took effect.")
    return None


def _names(goal: Goal, opened: str) -> list[set[str]]:
    """The whole names a message may give the item: the goal's fullest name, and the title of
    the row opened (its first line) where the request says every word of it."""
    names = [words(e) for e in goal.entities if words(e)]
    out = [max(names, key=len)] if names else []
    title = words(re.split(r"[,|]", opened)[0])
    return [*out, title] if title and title <= words(goal.text) else out


def _page_verbs(goal: Goal, view: View) -> set[str]:
    """The participles of the verbs the page's titles start with ("Pair new device" ->
    "paired") that are the same act as the goal's verb."""
    if not goal.verb:
        return set()
    acts = operation_reader(view.matcher.encoder)
    firsts = {s.element.label.split()[0].lower() for s in titles(view)}
    return {participle(v) for v in firsts if acts.same_act(goal.verb, v)}
