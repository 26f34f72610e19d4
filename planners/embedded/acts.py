"""Acting on the current screen once the goal's target is on it: open the item the goal
names, press the goal's verb button (or the one that starts a new item), confirm its dialog.
Switches and sliders are in `controls`, forms in `forms`, sending in `sending`, answers in
`reading` and `lists`.

Each function returns a `Decision`, or None when the screen offers nothing for it (then the
planner navigates). The rules are generic: they read roles, states, field hints and the
meaning of labels, never an app's layout.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

import numpy as np

from devices.actions import ElementRef, Finish, Tap, Wait
from perception.elements import UIElement
from perception.merge import SEPARATOR
from planners.embedded.calls import call_buttons
from planners.embedded.durations import duration_kept
from planners.embedded.evidence import (
    another_tool,
    but_kind,
    counters,
    give_up,
    on_its_list,
    only_looks,
    removals,
    shows_numbers,
    whole_name,
    whole_name_here,
)
from planners.embedded.goal import Goal, Intent, Scope
from planners.embedded.harmless import CREATION_WORDS, is_no_item
from planners.embedded.memo import Mark, Memo, memo_of
from planners.embedded.owned import KINDS
from planners.embedded.scoring import words
from planners.embedded.view import Scored, View
from planners.planner import Decision, PastStep

MATCH = 0.62  # a score from which an element is taken to be the goal's target
NEGATIVE = re.compile(r"\b(cancel|back|discard|close|dismiss|navigate up|no)\b", re.I)


def finish(thought: str, answer: str | None = None, confidence: float = 0.8) -> Decision:
    return Decision(Finish(answer=answer), thought=thought, confidence=confidence)


def tap(element: UIElement, thought: str, confidence: float, mark: Mark | None = None
        ) -> Decision:
    """Tap `element`; `mark` records what the tap is for (see `memo.Mark`)."""
    item = element.label if mark is Mark.OPEN_ITEM else ""
    return Decision(Tap(ElementRef(element.id)), thought=thought, confidence=confidence,
                    memo=Memo(mark=mark, item=item))


# verbs ---------------------------------------------------------------------------------------


VERB_PHRASES = {
    Intent.DELETE: ("delete", "remove"),
    Intent.EDIT: ("edit",),
    Intent.SEND: ("start chat", "new message", "compose"),
}


def _phrases(goal: Goal) -> tuple[str, ...]:
    return (*VERB_PHRASES.get(goal.intent, ()), goal.verb) if goal.verb else ()


def matching(view: View, phrases: Sequence[str], floor: float = 0.6) -> list[Scored]:
    """Buttons whose label means one of `phrases` (by embedding, or containing the word)."""
    buttons = [s for s in view.actionable() if s.element.label and not s.element.editable
               and not s.element.checkable and not NEGATIVE.search(s.element.label)]
    if not buttons or not phrases:
        return []
    encoder = view.matcher.encoder
    said = encoder.encode(list(phrases)).T
    labels = [s.element.label for s in buttons]  # a button that names its item ("Remove
    #   Enamel Bread Bin") means its verb, however long the name after it
    sims = np.maximum((encoder.encode(labels) @ said).max(axis=1),
                      (encoder.encode([t.split()[0] for t in labels]) @ said).max(axis=1))
    wanted = {w for p in phrases for w in words(p)}
    return [b for b, sim in sorted(zip(buttons, sims, strict=True), key=lambda p: -p[1])
            if sim >= floor or (words(b.element.label) & wanted and len(
                words(b.element.label)) <= 3)]


def verb_buttons(goal: Goal, view: View) -> list[Scored]:
    """Actionable elements whose label means the goal's verb (Delete, Remove, Call...). For
    a goal without a known intent, a button that shares the verb must not add words the goal
    lacks: "Start chat" is not "start a video call". A call asked in other words ("ring
    Ada") presses the call control (`calls`)."""
    said = words(goal.text)  # a count merged into the label ("Like | 120") adds no words
    return [b for b in matching(view, _phrases(goal)) if goal.intent is not Intent.DO
            or words(b.element.label.split(SEPARATOR)[0]) <= said] or call_buttons(goal, view)


def entity_here(goal: Goal, view: View) -> bool:
    return not goal.entities or any(view.shows(e, fields=True) for e in goal.entities)


def _fresh(view: View, s: Scored) -> bool:
    return view.tap_count(s.element)[1] < 2


def press_verb(goal: Goal, view: View) -> Decision | None:
    """Delete / call / connect: press the verb's button where the item is."""
    buttons = [b for b in verb_buttons(goal, view) if _fresh(view, b)]
    opened = view.marked(Mark.OPEN_ITEM) or view.marked(Mark.GOAL_ACTION)
    if goal.scope is Scope.ALL:  # each one is acted on only where it shows the name
        opened = view.last_marked(Mark.OPEN_ITEM) and entity_here(goal, view)
    if not buttons or not (entity_here(goal, view) or opened):
        return None
    if goal.intent is Intent.CREATE and not whole_name_here(goal, view):
        return None  # an item added in place is added on its own page, not on one of another
        #   item that shares a word of its name ("Cable" of "Ethernet Cable")
    if another_tool(goal, view) or (view.last_marked(Mark.GOAL_ACTION) and not view.modal
                                    and not _next_of_all(goal, view)):
        return None
    best = min(buttons, key=lambda s: (view.tap_count(s.element)[0], -s.score))
    pressed = tap(best.element, f"Tap '{best.element.label}': the goal's own action.", 0.7,
                  Mark.GOAL_ACTION)
    return replace(pressed, memo=replace(memo_of(pressed), counts=counters(view),
                                         item=best.element.label))


def _next_of_all(goal: Goal, view: View) -> bool:
    """Every item is acted on in place ("clear the basket"), the last press went through
    and its item is gone: the next item's button may be pressed at once."""
    last = view.last()
    return (goal.scope is Scope.ALL and last is not None and last.changed
            and not view.marked(Mark.OPEN_ITEM)
            and not any(e.label == memo_of(last).item for e in view.screen.elements))


def entity_rows(goal: Goal, view: View) -> list[Scored]:
    """Rows and buttons that show one of the goal's named items, best first: a row named by
    one (its label) before one that mentions it in its summary, and more names before fewer
    ("80210 (the pharmacy)": the row 80210, not another whose last message says pharmacy).
    Where the goal gives a whole name, only rows that show all of it."""
    rows = [s for s in view.content() if (s.element.clickable or s.element.long_clickable)
            and not s.element.editable and not s.element.checkable]
    named = [words(e) for e in goal.entities if words(e)]

    def weight(s: Scored) -> tuple[int, int]:
        label, everything = words(s.element.label), words(shown(s))
        return (sum(2 * (w <= label) + (w <= everything) for w in named),
                max((len(" ".join(w)) for w in named if w <= everything), default=0))

    whole = [words(e) for e in goal.entities if whole_name(e)]
    out = sorted((s for s in rows if any(w <= words(shown(s)) for w in named)
                  and (not whole or any(w <= words(shown(s)) for w in whole))),
                 key=lambda s: weight(s), reverse=True)
    if out or not goal.entities or goal.scope is Scope.ALL or whole:
        return out  # every item: only those that show the whole name
    partial = [s for s in rows if any(but_kind(e, s.element.label) for e in goal.entities)]
    return sorted(partial, key=lambda s: -s.score)[:1]


def shown(s: Scored) -> str:
    """All a row shows: label, summary line (description) and the texts inside it."""
    return " ".join(t for t in (s.text, s.element.description) if t)


def _since_goal_action(view: View) -> list[PastStep]:
    steps = list(view.history)
    done = [i for i, p in enumerate(steps) if memo_of(p).mark is Mark.GOAL_ACTION]
    return steps[done[-1] + 1:] if done else steps


def open_entity(goal: Goal, view: View) -> Decision | None:
    """Open the item the goal names (a list row) when it is on screen; for every item
    ("all the notes about X"), the next one after each is done."""
    if goal.scope is Scope.ALL:
        if view.last_marked(Mark.GOAL_ACTION):
            return None
        opened = {memo_of(p).item for p in _since_goal_action(view)}
        rows = [r for r in entity_rows(goal, view) if r.element.label not in opened]
    else:
        just = words(open_now(view))
        names = [words(e) for e in goal.entities if words(e) and words(e) <= just]
        again = _retry_removal(goal, view)  # the last removal did not take: once more
        rows = [r for r in entity_rows(goal, view) if again or (view.tap_count(r.element)[0] == 0
                and not any(n <= words(r.element.label) for n in names))]  # the item just
        #   opened shows its name again where it opened ("6:15 PM" in its row): not another
        if view.marked(Mark.GOAL_ACTION) and not again:
            return None
    exact = [words(e) for e in goal.entities if words(e)]
    rows = [r for r in rows if not is_no_item(r.element, view.screen, goal, exact)]
    if not rows:
        return None
    if any(words(r.element.label) in exact for r in rows):  # "Bike" is listed: not the
        #   "Bike lock" beside it, whose name adds a word the goal does not say
        said = words(goal.text)
        rows = [r for r in rows if not words(re.split(r"[,|]", r.element.label)[0]) - said]
    best = max(rows[:3], key=lambda r: r.element.bounds.area)
    return tap(best.element, f"Open '{best.element.label}': the item the goal names.", 0.75,
               Mark.OPEN_ITEM)


def open_now(view: View) -> str:
    """The item opened in this app and still open: only taps in place followed ("" when
    none)."""
    for step in reversed(view.history):
        memo = memo_of(step)
        if memo.mark is Mark.OPEN_ITEM and step.changed:
            return memo.item
        if not isinstance(step.action, Tap) or step.app != view.screen.app:
            return ""
    return ""


def participle(verb: str) -> str:
    """The regular past participle of a verb ("connect" -> "connected", "pair" -> "paired"):
    the word a list shows on an item once the verb has been done to it. Irregular verbs
    give a word no list shows, which finds nothing."""
    if not verb.isalpha() or len(verb) < 3:
        return ""
    return verb + ("d" if verb.endswith("e") else "ed")


SETTLE_S = 1.0  # s to wait before judging a list that still shows the item just removed
REMOVAL_TRIES = 2  # presses of the goal's own action before a removal that does not take is
#   given up on


def removal_item(goal: Goal, view: View) -> str:
    """What a removal removes: the row opened for it, else the goal's fullest name."""
    opened = [memo_of(p).item for p in view.history if memo_of(p).mark is Mark.OPEN_ITEM
              and memo_of(p).item]
    return opened[-1] if opened else max(goal.entities, key=len, default="")


def still_listed(goal: Goal, view: View) -> bool:
    """A removal is done only when the item is gone from the list it was on: a row on this
    screen (not a field, not the page's own title) still showing the item opened for it, or
    the goal's whole name, is evidence that it is not. A page with the goal's action
    button on it is the item's own page, not the list."""
    item = words(removal_item(goal, view))
    if not item or verb_buttons(goal, view):
        return False
    rows = [s.element for s in view.content() if (s.element.clickable
            or s.element.long_clickable) and not s.element.editable and not s.element.checkable]
    return any(item <= words(f"{e.label} {e.description}") for e in rows)  # the row's own
    #   texts: a notice beside it ("X deleted") is not the row


def _retry_removal(goal: Goal, view: View) -> bool:
    """The goal's action went through but the item is still listed, and it may be tried
    again."""
    return (goal.intent is Intent.DELETE and view.marked(Mark.GOAL_ACTION)
            and not view.last_marked(Mark.OPEN_ITEM) and still_listed(goal, view)
            and removals(view) < REMOVAL_TRIES)


def _removal_done(goal: Goal, view: View) -> Decision | None:
    """A removal is done when the list that held the item no longer shows it. Right after
    the press a list that still shows it is looked at again after a pause (lists redraw
    after their animation); still there, the removal is tried once more, then given up."""
    last = view.last()
    acted = view.marked(Mark.GOAL_ACTION) and memo_of(last).mark is not Mark.OPEN_ITEM
    removed = acted and last is not None and last.changed
    if goal.scope is Scope.ALL:
        listed = [p.screen_signature for p in view.history if memo_of(p).mark is (
            Mark.OPEN_ITEM)][:1]  # the list the items were opened from, when they were
        in_place = not listed and memo_of(last).mark is Mark.GOAL_ACTION and _emptied(view)
        if not removed or entity_rows(goal, view) or verb_buttons(goal, view) or not (
                in_place or view.sig in listed):
            return None  # more of them are listed, this one is open, or not on the list
        return finish("No item that the goal names is left on the list.")
    if not acted or not on_its_list(view):
        return None  # another app or an editor: it says nothing of the list
    if not goal.entities:
        return _unnamed_removed(goal, view)
    if still_listed(goal, view):
        if view.last_marked(Mark.GOAL_ACTION):
            return Decision(Wait(SETTLE_S), thought="The list still shows the item right "
                            "after the removal: let the screen settle and look again.")
        if removals(view) >= REMOVAL_TRIES:
            return give_up(f"I pressed the goal's action {removals(view)} times, yet "
                           f"'{removal_item(goal, view)}' is still listed: it was not "
                           "removed.")
        return None  # the removal did not take: it is tried again
    if removed and (not verb_buttons(goal, view) or not entity_here(goal, view)):
        return finish("The item was removed: the list no longer shows it.")
    return None


def _emptied(view: View) -> bool:
    """The list items were removed from in place holds nothing one could act on: no row,
    no button of a row. Rows further down a list keep their buttons out of sight, so no
    button in view is no evidence while anything else is still listed."""
    lists = [e for e in view.screen.elements if e.scrollable]
    if not lists:
        return True
    box = max(lists, key=lambda e: e.bounds.area).bounds
    return not any((e.clickable or e.long_clickable) and not e.scrollable
                   and box.contains(e.bounds.center) for e in view.screen.elements)


def _unnamed_removed(goal: Goal, view: View) -> Decision | None:
    """A removal of an item the goal names by no name of its own ("take the lamp out"): the
    control pressed for it named the item ("Remove Desk Lamp"), and its going is the
    evidence, when that name is the goal's. Until then nothing is finished, and once it is
    gone nothing else is removed (the next row's "Remove" is another item's)."""
    pressed = [memo_of(p).item for p in view.history if memo_of(p).mark is Mark.GOAL_ACTION
               and memo_of(p).item and p.changed]
    if not pressed or any(e.label == pressed[-1] for e in view.screen.elements):
        return None
    if words(goal.target) and not words(goal.target) & words(pressed[-1]) - words(goal.verb):
        return give_up(f"'{pressed[-1]}' is gone, and it names nothing of "
                       f"'{goal.target}': no evidence that the item asked for was removed.")
    return finish(f"'{pressed[-1]}' is gone from the list: the item was removed.")


def verb_done(goal: Goal, view: View) -> Decision | None:
    """Finish once the goal's own action went through (and, for a removal, the item is gone)."""
    last = view.last()
    if last is None or view.modal:
        return None
    changed = last.changed
    memo = memo_of(last)
    if goal.intent is Intent.DELETE:
        return _removal_done(goal, view)
    if memo.mark is Mark.GOAL_ACTION and changed and goal.intent is not Intent.CREATE:
        if not shows_numbers(goal, view) or not duration_kept(goal, view):
            # an addition needs it shown, a number too, a duration on its display
            return None
        return finish("The goal's action was carried out.")
    main = max(goal.entities, key=len, default="")
    done = participle(goal.verb)
    if memo.mark is Mark.OPEN_ITEM and changed and done and any(
            done in words(shown(s)) for s in entity_rows(goal, view)):
        return finish(f"'{main or goal.target}' now says it is {done}.")  # "Connected"
    more = words(goal.target) - words(main) - words(goal.verb)  # "video call": more is asked
    if memo.mark is Mark.OPEN_ITEM and changed and not verb_buttons(goal, view) and not (
            view.fields()) and goal.intent is Intent.DO and words(main) <= words(memo.item) \
            and not more and only_looks(goal, view):
        return finish("The item was opened; nothing more is asked.")
    return None


def dialog(goal: Goal, view: View) -> Decision | None:
    """A dialog after the goal's own action (or a submit) is confirmed with the button that
    means the goal's verb, else its positive button."""
    if not (view.last_marked(Mark.GOAL_ACTION) or view.last_marked(Mark.SUBMIT)
            or view.last_marked(Mark.OPEN_ITEM)):
        return None
    if view.fields() and goal.slots:
        return None
    found = matching(view, _phrases(goal))
    if not found:
        found = matching(view, ("OK", "Confirm", "Yes", "Continue"), 0.7)
    if not found:
        return None
    return tap(found[0].element, f"Confirm with '{found[0].element.label}'.", 0.75,
               Mark.GOAL_ACTION)


def press_edit(goal: Goal, view: View) -> Decision | None:
    """On the item's page, open its editor."""
    if not entity_here(goal, view) and not view.marked(Mark.OPEN_ITEM):
        return None
    buttons = [b for b in matching(view, ("edit",), 0.7) if view.tap_count(b.element)[0] == 0]
    if not buttons:
        return None
    return tap(buttons[0].element, f"Tap '{buttons[0].element.label}' to edit.", 0.7)


def of_kind(view: View, label: str, noun: str) -> bool:
    """A creation button makes the goal's kind of item: what its label says besides "add" /
    "new" means the goal's noun ("New note" makes no contact); a bare "Add" or "+" may."""
    said = words(label)
    if not said & (CREATION_WORDS | {"create"}) and label.strip() != "+":
        return False  # a button that starts a new item says so ("Add", "New", "+")
    rest = " ".join(w for w in said if w not in CREATION_WORDS | {"create"})
    if not rest or words(rest) & words(noun):
        return True
    if words(rest) & KINDS and words(noun) & KINDS:
        return False  # "Add alarm" makes no timer, however near the two words are
    encoder = view.matcher.encoder
    a, b = encoder.encode([rest, noun])
    return float(a @ b) >= 0.45


def press_create(goal: Goal, view: View) -> Decision | None:
    """The button that starts a new item of the goal's kind ("Add alarm", "New note")."""
    noun = goal.target or "item"
    buttons = [b for b in matching(view, (f"add {noun}", f"new {noun}", f"create {noun}"), 0.55)
               if view.tap_count(b.element)[0] == 0 and not view.is_nav(b)
               and of_kind(view, b.element.label, noun)]
    if not buttons or (view.marked(Mark.NEW_ITEM) and view.fields()):
        return None
    pressed = tap(buttons[0].element, f"Tap '{buttons[0].element.label}' for a new item.", 0.7,
                  Mark.NEW_ITEM)
    return replace(pressed, memo=replace(memo_of(pressed), counts=counters(view)))
