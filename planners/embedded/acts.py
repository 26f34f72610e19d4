"""Acting on the current screen once the goal's target is on it: flip a switch, move a
slider, fill a form and submit it, press the goal's verb button, read an answer.

Each function returns a `Decision`, or None when the screen offers nothing for it (then the
planner navigates). The rules are generic: they read roles, states, field hints and the
meaning of labels, never an app's layout.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

import numpy as np

from devices.actions import ElementRef, Finish, FinishStatus, Point, Tap, TypeText
from perception.elements import UIElement
from planners.embedded.goal import Goal, Intent, Scope, Slot
from planners.embedded.memo import Mark, Memo, memo_of
from planners.embedded.scoring import words
from planners.embedded.view import Scored, View, field_name, is_slider
from planners.planner import Decision, PastStep

MATCH = 0.62  # a score from which an element is taken to be the goal's target
PAIR_AT_LEAST = 0.4  # a field whose name means a value's field less than this does not get it
_SUBMIT_WORDS = ("Save", "Done", "Send", "OK", "Add", "Create", "Confirm", "Submit", "Apply")
_NEGATIVE = re.compile(r"\b(cancel|back|discard|close|dismiss|navigate up|no)\b", re.I)
_SLOT_PHRASES = {
    "name": "name",
    "phone": "phone number",
    "email": "email address",
    "message": "message text",
    "text": "text body note content",
    "title": "title name",
    "to": "to recipient",
    "time": "time",
    "label": "label name",
    "note": "note text",
    "address": "address",
}
_FREE_TEXT = ("message", "text", "note", "title", "name")


def finish(thought: str, answer: str | None = None, confidence: float = 0.8) -> Decision:
    return Decision(Finish(answer=answer), thought=thought, confidence=confidence)


def tap(element: UIElement, thought: str, confidence: float, mark: Mark | None = None
        ) -> Decision:
    """Tap `element`; `mark` records what the tap is for (see `memo.Mark`)."""
    item = element.label if mark is Mark.OPEN_ITEM else ""
    return Decision(Tap(ElementRef(element.id)), thought=thought, confidence=confidence,
                    memo=Memo(mark=mark, item=item))


# switches and sliders ---------------------------------------------------------------------


def toggle(goal: Goal, view: View, floor: float) -> Decision | None:
    """Flip the best matching switch towards the requested state, or finish if it is there."""
    switches = [s for s in view.scored if s.element.checkable and s.element.enabled]
    best = view.best(switches)
    if best is None or best.score < max(MATCH, floor):
        return None
    want = True if goal.desired is None else goal.desired
    name = best.text or "the switch"
    if best.element.checked == want:
        state = "on" if want else "off"
        return finish(f"'{name}' is {state} now, as asked.", confidence=best.score)
    if view.tap_count(best.element)[1] >= 2:
        return None
    state = "on" if want else "off"
    return tap(best.element, f"Turn '{name}' {state}: tap its switch.", best.score)


def slide(goal: Goal, view: View, floor: float) -> Decision | None:
    """Tap the best matching slider at the requested fraction of its length."""
    sliders = [s for s in view.scored if is_slider(s.element)]
    best = view.best(sliders)
    if best is None or goal.number is None or best.score < max(MATCH - 0.1, floor):
        return None
    fraction = min(max(goal.number / 100.0, 0.0), 1.0)
    b = best.element.bounds
    point = Point(b.left + round(fraction * max(b.width - 1, 0)), b.center.y)
    label = best.element.label or "the slider"
    if view.tapped_point(point):
        return finish(f"'{label}' was set to {goal.number:g}.", confidence=best.score)
    thought = f"Set '{label}' to {goal.number:g}%: tap at that point of the slider."
    return Decision(Tap(point), thought=thought, confidence=best.score)


# forms -----------------------------------------------------------------------------------------


def _meridiem(view: View) -> dict[str, UIElement]:
    """The form's AM / PM toggles, by their text."""
    return {e.text.strip().upper(): e for e in view.screen.elements
            if e.text.strip().upper() in ("AM", "PM") and (e.clickable or e.checkable)}


def _expand_time(slots: Sequence[Slot], fields: Sequence[UIElement],
                 twelve_hour: bool = False) -> list[Slot]:
    """A time typed into separate hour / minute fields when the form has them (12-hour
    values when the form has AM / PM toggles)."""
    names = " ".join(field_name(f).lower() for f in fields)
    out: list[Slot] = []
    for slot in slots:
        m = re.match(r"(\d{1,2})(?::(\d{2}))?\s*([ap])?", slot.value, re.I)
        parts = slot.value.split()
        if slot.name == "name" and len(parts) > 1 and "first" in names and "last" in names:
            out += [Slot("first name", parts[0]), Slot("last name", " ".join(parts[1:]))]
        elif slot.name == "time" and m and "hour" in names and "minute" in names:
            hour = int(m.group(1))
            if not twelve_hour and m.group(3) and m.group(3).lower() == "p" and hour < 12:
                hour += 12
            if not twelve_hour and m.group(3) and m.group(3).lower() == "a" and hour == 12:
                hour = 0
            out += [Slot("hour", str(hour)), Slot("minute", m.group(2) or "00")]
        else:
            out.append(slot)
    return out


def assign(view: View, slots: Sequence[Slot]) -> list[tuple[UIElement, Slot]]:
    """Which field gets which slot: greedy by meaning of the field's hint vs the slot's name."""
    fields = [f for f in view.fields() if "search" not in field_name(f).lower()]
    slots = _expand_time(slots, fields, twelve_hour=len(_meridiem(view)) == 2)
    if not fields or not slots:
        return []
    encoder = view.matcher.encoder
    f_vec = encoder.encode([field_name(f) for f in fields])
    phrases = [_SLOT_PHRASES.get(s.name, s.name) for s in slots]
    sims = f_vec @ encoder.encode(phrases).T
    for i, f in enumerate(fields):  # a shared word ("phone") is strong evidence
        names = words(field_name(f))
        for j, phrase in enumerate(phrases):
            sims[i, j] += 0.3 * bool(names & words(phrase))
    pairs: list[tuple[UIElement, Slot]] = []
    used_f: set[int] = set()
    used_s: set[int] = set()
    for flat in np.argsort(-sims, axis=None):
        i, j = divmod(int(flat), len(slots))
        if sims[i, j] < PAIR_AT_LEAST or i in used_f or j in used_s:
            continue
        pairs.append((fields[i], slots[j]))
        used_f.add(i)
        used_s.add(j)
    free_f = [f for i, f in enumerate(fields) if i not in used_f]
    free_s = [s for j, s in enumerate(slots) if j not in used_s and s.name in _FREE_TEXT]
    if len(free_f) == 1 and len(free_s) == 1 and (not pairs or len(slots) == 1):
        pairs.append((free_f[0], free_s[0]))
    return sorted(pairs, key=lambda p: (p[0].bounds.top, p[0].bounds.left))


def submit_button(view: View, goal: Goal) -> Scored | None:
    """The button that saves / sends the filled form, by the meaning of its label."""
    buttons = [
        s for s in view.actionable()
        if not s.element.editable and not s.element.checkable and s.element.label
        and not _NEGATIVE.search(s.element.label)
    ]
    if not buttons:
        return None
    verb = goal.text.split()[0].capitalize() if goal.text else "Save"
    encoder = view.matcher.encoder
    phrases = encoder.encode([*_SUBMIT_WORDS, verb])
    sims = (encoder.encode([s.element.label for s in buttons]) @ phrases.T).max(axis=1)
    i = int(np.argmax(sims))
    return buttons[i] if sims[i] >= 0.55 else None


_MASKS = frozenset("•●*·")  # what a password field shows instead of its characters


def _has_value(element: UIElement, slot: Slot) -> bool:
    text = element.text.strip()
    if element.password and text and set(text) <= _MASKS:
        return len(text) == len(slot.value)  # masked: the length is all a screen tells
    if slot.append:
        return slot.value.lower() in text.lower()
    return text == slot.value or (text.lstrip("0") == slot.value.lstrip("0") and text.isdigit())


def _type(element: UIElement, slot: Slot) -> Decision:
    thought = f"Type {slot.value!r} into the '{field_name(element)}' field ({slot.name})."
    if slot.append and element.text.strip():
        return Decision(TypeText(", " + slot.value, target=ElementRef(element.id)),
                        thought=thought, confidence=0.8)
    return Decision(TypeText(slot.value, target=ElementRef(element.id), clear=True),
                    thought=thought, confidence=0.8)


def _meridiem_tap(goal: Goal, view: View) -> Decision | None:
    """Tap AM or PM when the goal's time says which and the form shows the other."""
    toggles = _meridiem(view)
    time = next((s.value for s in goal.slots if s.name == "time"), "")
    m = re.search(r"\b([ap])\.?m\b", time, re.I)
    if len(toggles) != 2 or m is None:
        return None
    want = toggles[m.group(1).upper() + "M"]
    if want.checked or want.selected or view.tap_count(want)[0]:
        return None
    return tap(want, f"Choose {want.text} for {time}.", 0.8, Mark.FILL)


def fill_form(goal: Goal, view: View) -> Decision | None:
    """Type each slot into its field, then press the submit button (or finish when the form
    has none: it saves as it is typed)."""
    if not goal.slots:
        return None
    pairs = assign(view, goal.slots)
    if not pairs:
        return None
    for element, slot in pairs:
        if not _has_value(element, slot):
            return _type(element, slot)
    meridiem = _meridiem_tap(goal, view)
    if meridiem is not None:
        return meridiem
    button = submit_button(view, goal)
    if button is None:
        if len(pairs) >= len(goal.slots):
            return finish("Every value is typed in; the form saves as it is typed.")
        return None
    return tap(button.element, f"The form is filled; tap '{button.element.label}' to submit it.",
               0.75, Mark.SUBMIT)


def form_done(goal: Goal, view: View) -> Decision | None:
    """After submitting: finish when the form is gone or its main value is shown."""
    if not goal.slots or not view.marked(Mark.SUBMIT):
        return None
    main = next((s.value for s in goal.slots if s.name in ("message", "text")), goal.slots[0].value)
    last = view.last()
    changed = last is not None and last.changed
    if view.shows(main) or not assign(view, goal.slots) or (
            view.last_marked(Mark.SUBMIT) and changed):
        if never_entered(goal, view):
            return None  # a value still has to go somewhere: not done
        return finish(f"Submitted; {main!r} is saved.")
    return None


def open_created(goal: Goal, view: View) -> Decision | None:
    """After a form that had no field for some of the values was saved, open the new item
    (the row that shows the values that were entered) to set the rest on it."""
    missing = never_entered(goal, view)
    if not view.marked(Mark.SUBMIT) or not missing or view.fields():
        return None
    entered = [s.value for s in goal.slots if s.value not in missing]
    rows = [s for s in view.content() if s.element.clickable and not s.element.checkable
            and any(words(v) and words(v) <= words(_shown(s)) for v in entered)]
    rows = [r for r in rows if view.tap_count(r.element)[0] == 0]
    if not rows:
        return None
    best = max(rows, key=lambda r: r.element.bounds.area)
    return tap(best.element, f"Open the new item '{best.element.label}' to set "
               f"{', '.join(map(repr, missing))}.", 0.7, Mark.OPEN_ITEM)


def never_entered(goal: Goal, view: View) -> list[str]:
    """The goal's values (times aside: they go in parts) that were never typed and are not
    on screen: a form submitted without them did not do what was asked."""
    typed = view.typed()
    return [s.value for s in goal.slots if s.name not in ("time", "date")
            and not any(s.value in t for t in typed) and not view.shows(s.value, fields=True)]


# verbs ---------------------------------------------------------------------------------------


_VERB_PHRASES = {
    Intent.DELETE: ("delete", "remove"),
    Intent.EDIT: ("edit",),
    Intent.SEND: ("start chat", "new message", "compose"),
}
_CREATION_WORDS = frozenset(("add", "new", "create", "compose", "plus", "start"))


def verb_word(goal: Goal) -> str:
    return goal.verb


def _phrases(goal: Goal) -> tuple[str, ...]:
    return (*_VERB_PHRASES.get(goal.intent, ()), goal.verb) if goal.verb else ()


def _matching(view: View, phrases: Sequence[str], floor: float = 0.6) -> list[Scored]:
    """Buttons whose label means one of `phrases` (by embedding, or containing the word)."""
    buttons = [s for s in view.actionable() if s.element.label and not s.element.editable
               and not s.element.checkable and not _NEGATIVE.search(s.element.label)]
    if not buttons or not phrases:
        return []
    encoder = view.matcher.encoder
    sims = (encoder.encode([s.element.label for s in buttons]) @ encoder.encode(
        list(phrases)).T).max(axis=1)
    wanted = {w for p in phrases for w in words(p)}
    return [b for b, sim in sorted(zip(buttons, sims, strict=True), key=lambda p: -p[1])
            if sim >= floor or (words(b.element.label) & wanted and len(
                words(b.element.label)) <= 3)]


def verb_buttons(goal: Goal, view: View) -> list[Scored]:
    """Actionable elements whose label means the goal's verb (Delete, Remove, Call...). For
    a goal without a known intent, a button that shares the verb must not add words the goal
    lacks: "Start chat" is not "start a video call"."""
    found = _matching(view, _phrases(goal))
    if goal.intent is not Intent.DO:
        return found
    said = words(goal.text)
    return [b for b in found if words(b.element.label) <= said]


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
    if view.last_marked(Mark.GOAL_ACTION) and not view.modal:
        return None
    best = min(buttons, key=lambda s: (view.tap_count(s.element)[0], -s.score))
    return tap(best.element, f"Tap '{best.element.label}': the goal's own action.", 0.7,
               Mark.GOAL_ACTION)


def entity_rows(goal: Goal, view: View) -> list[Scored]:
    """Rows and buttons that show one of the goal's named items, best first."""
    rows = [s for s in view.content() if (s.element.clickable or s.element.long_clickable)
            and not s.element.editable and not s.element.checkable]
    out: list[Scored] = []
    for entity in sorted(goal.entities, key=len, reverse=True):
        want = words(entity)
        out += [s for s in rows if want and want <= words(_shown(s)) and s not in out]
    if out or not goal.entities or goal.scope is Scope.ALL:
        return out  # every item: only those that show the whole name
    partial = [s for s in rows if any(words(e) & words(s.element.label) for e in goal.entities)]
    return sorted(partial, key=lambda s: -s.score)[:1]


def _shown(s: Scored) -> str:
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
        rows = [r for r in entity_rows(goal, view) if view.tap_count(r.element)[0] == 0]
        if view.marked(Mark.GOAL_ACTION):
            return None
    if not rows:
        return None
    best = max(rows[:3], key=lambda r: r.element.bounds.area)
    return tap(best.element, f"Open '{best.element.label}': the item the goal names.", 0.75,
               Mark.OPEN_ITEM)


def verb_done(goal: Goal, view: View) -> Decision | None:
    """Finish once the goal's own action went through (and, for a removal, the item is gone)."""
    last = view.last()
    if last is None or view.modal:
        return None
    changed = last.changed
    memo = memo_of(last)
    if goal.intent is Intent.DELETE:
        removed = view.marked(Mark.GOAL_ACTION) and changed and memo.mark is not Mark.OPEN_ITEM
        if removed and goal.scope is Scope.ALL:
            listed = [p.screen_signature for p in view.history if memo_of(p).mark is (
                Mark.OPEN_ITEM)][:1]
            if entity_rows(goal, view) or verb_buttons(goal, view) or view.sig not in listed:
                return None  # more of them are listed, this one is open, or not on the list
            return finish("No item that the goal names is left on the list.")
        if removed and (not verb_buttons(goal, view) or not entity_here(goal, view)):
            return finish("The item was removed.")
        return None
    if memo.mark is Mark.GOAL_ACTION and changed:
        return finish("The goal's action was carried out.")
    main = max(goal.entities, key=len, default="")
    more = words(goal.target) - words(main) - words(goal.verb)  # "video call": more is asked
    if memo.mark is Mark.OPEN_ITEM and changed and not verb_buttons(goal, view) and not (
            view.fields()) and goal.intent is Intent.DO and words(main) <= words(memo.item) \
            and not more:
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
    matching = _matching(view, _phrases(goal))
    if not matching:
        matching = _matching(view, ("OK", "Confirm", "Yes", "Continue"), 0.7)
    if not matching:
        return None
    return tap(matching[0].element, f"Confirm with '{matching[0].element.label}'.", 0.75,
               Mark.GOAL_ACTION)


def editing(goal: Goal, view: View) -> bool:
    """The item the goal names is open: shown here, or opened by the steps that led here
    (the last step, or a form filled since), not by a step long ago on another page."""
    return in_form_after(view, Mark.OPEN_ITEM) or (bool(goal.entities)
                                                   and entity_here(goal, view))


def blank_or_ours(goal: Goal, view: View) -> bool:
    """Every field of the form is empty or holds one of the goal's own values: filling it
    overwrites nothing of an existing item."""
    values = [s.value for s in goal.slots]
    return bool(view.fields()) and all(
        not f.text.strip() or f.text.strip() == f.hint.strip()
        or any(f.text.strip() in v or v in f.text for v in values) for f in view.fields())


def in_form_after(view: View, mark: Mark) -> bool:
    """A step with `mark` was carried out, and every step since filled in what it opened
    (typed, chose, submitted) rather than went elsewhere."""
    steps = list(view.history)
    at = [i for i, p in enumerate(steps) if memo_of(p).mark is mark and p.action is not None]
    if not at:
        return False
    return all(isinstance(p.action, TypeText) or memo_of(p).mark is not None
               for p in steps[at[-1] + 1:])


def press_edit(goal: Goal, view: View) -> Decision | None:
    """On the item's page, open its editor."""
    if not entity_here(goal, view) and not view.marked(Mark.OPEN_ITEM):
        return None
    buttons = [b for b in _matching(view, ("edit",), 0.7) if view.tap_count(b.element)[0] == 0]
    if not buttons:
        return None
    return tap(buttons[0].element, f"Tap '{buttons[0].element.label}' to edit.", 0.7)


def _of_kind(view: View, label: str, noun: str) -> bool:
    """A creation button makes the goal's kind of item: what its label says besides "add" /
    "new" means the goal's noun ("New note" makes no contact); a bare "Add" or "+" may."""
    said = words(label)
    if not said & (_CREATION_WORDS | {"create"}) and label.strip() != "+":
        return False  # a button that starts a new item says so ("Add", "New", "+")
    rest = " ".join(w for w in said if w not in _CREATION_WORDS | {"create"})
    if not rest or words(rest) & words(noun):
        return True
    encoder = view.matcher.encoder
    a, b = encoder.encode([rest, noun])
    return float(a @ b) >= 0.45


def press_create(goal: Goal, view: View) -> Decision | None:
    """The button that starts a new item of the goal's kind ("Add alarm", "New note")."""
    noun = goal.target or "item"
    buttons = [b for b in _matching(view, (f"add {noun}", f"new {noun}", f"create {noun}"), 0.55)
               if view.tap_count(b.element)[0] == 0 and not view.is_nav(b)
               and _of_kind(view, b.element.label, noun)]
    if not buttons or (view.marked(Mark.NEW_ITEM) and view.fields()):
        return None
    return tap(buttons[0].element, f"Tap '{buttons[0].element.label}' for a new item.", 0.7,
               Mark.NEW_ITEM)


# sending ---------------------------------------------------------------------------------------


def _slot(goal: Goal, name: str) -> Slot | None:
    return next((s for s in goal.slots if s.name == name), None)


_RECIPIENT = "to recipient name phone number"


def _named_field(view: View, phrase: str, floor: float = 0.3,
                 exclude: UIElement | None = None) -> UIElement | None:
    fields = [f for f in view.fields() if "search" not in field_name(f).lower() and f != exclude]
    if not fields:
        return None
    encoder = view.matcher.encoder
    sims = encoder.encode([field_name(f) for f in fields]) @ encoder.encode([phrase])[0]
    i = int(np.argmax(sims))
    return fields[i] if sims[i] >= floor else None


def send_message(goal: Goal, view: View) -> Decision | None:
    """In a conversation with the recipient: type the message, then press send."""
    message, to = _slot(goal, "message"), _slot(goal, "to")
    recipient = _named_field(view, _RECIPIENT, 0.45)
    field = _named_field(view, "message text", exclude=recipient)
    if message is None or field is None:
        return None
    if to is not None and not view.shows(to.value) and not view.marked(Mark.OPEN_ITEM):
        return None
    if field.text.strip() != message.value:
        return _type(field, message)
    buttons = _matching(view, ("send", "send message"), 0.5)
    if not buttons:
        return None
    return tap(buttons[0].element, f"Tap '{buttons[0].element.label}' to send.", 0.8, Mark.SUBMIT)


def type_recipient(goal: Goal, view: View) -> Decision | None:
    """Type the recipient into a "To" field; when the picker then lists nobody of that name,
    the recipient does not exist."""
    to = _slot(goal, "to")
    field = _named_field(view, _RECIPIENT, 0.45)
    if to is None or field is None:
        return None
    if not _has_value(field, to):
        return _type(field, to)
    last = view.last()
    if last is not None and isinstance(last.action, TypeText) and not entity_rows(goal, view):
        return Decision(Finish(FinishStatus.INFEASIBLE),
                        thought=f"No contact or number matches {to.value!r}.", confidence=0.7)
    return None


def send_steps(goal: Goal, view: View) -> list[Callable[[], Decision | None]]:
    return [lambda: send_message(goal, view), lambda: open_entity(goal, view),
            lambda: type_recipient(goal, view), lambda: press_new(goal, view)]


def press_new(goal: Goal, view: View) -> Decision | None:
    buttons = [b for b in _matching(view, _VERB_PHRASES[Intent.SEND], 0.55)
               if view.tap_count(b.element)[0] == 0]
    if not buttons or entity_rows(goal, view):
        return None
    return tap(buttons[0].element, f"Tap '{buttons[0].element.label}' for a new message.", 0.7,
               Mark.NEW_ITEM)
