"""Forms: which field gets which of the goal's values, typing them, submitting the form,
and knowing when it is done; and when a form is the goal's to fill (a new item's, after
pressing "add"; the goal's item, opened on the way here), so an existing item is never
typed over by a request that did not ask to change it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

from devices.actions import ElementRef, TypeText
from perception.elements import UIElement
from perception.sensitive import PAYMENT, classify_element
from planners.embedded import repeat_days, row_fields
from planners.embedded.acts import NEGATIVE, entity_here, finish, shown, tap
from planners.embedded.days import describe
from planners.embedded.goal import Goal, Intent, Slot
from planners.embedded.harmless import changes_something
from planners.embedded.memo import Mark, memo_of
from planners.embedded.scoring import words
from planners.embedded.view import Scored, View, field_name
from planners.planner import Decision

PAIR_AT_LEAST = 0.4  # a field whose name means a value's field less than this does not get it
_SUBMIT_WORDS = ("Save", "Done", "Send", "OK", "Add", "Create", "Confirm", "Submit", "Apply")
_SLOT_PHRASES = {
    "name": "name title",  # "a note called X": the item's name, in a title field
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
_FREE_TEXT = ("message", "text", "note", "title", "name", "label")
_BODY = ("message", "text", "note")  # an item's body: its one field of free text
# settings every kind of form has a field for, under a name of its own
COMMON_FIELDS = frozenset(_SLOT_PHRASES) | {"first name", "last name", "hour", "minute",
                                            "password", "when", "date", "phone number"}


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
    """Which field gets which slot: greedy by meaning of the field's hint vs the slot's name.
    One field left and one value left go together when nothing else was paired, or when
    that value is the body (a message, a note's text): an item's body is its one field of
    free text, whatever its hint says ("Details"), and a form is not saved without it. A
    field that picks someone or something (a recipient, a search) gets only a recipient:
    what a message says never goes where whom it is for is chosen."""
    queries = _queries(view)
    sought = any("search" in s.name for s in slots)  # "type tofu in the search box"
    fields = [f for f in view.fields() if (sought or "search" not in field_name(f).lower())
              and f.text.strip().casefold() not in queries]
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
    for i, f in enumerate(fields):  # a field that shows a slot's value is where it went,
        for j, slot in enumerate(slots):  # whatever its (lost) hint said
            if j not in used_s and i not in used_f and f.text.strip() and has_value(f, slot):
                pairs.append((f, slot))
                used_f.add(i)
                used_s.add(j)
    pickers = {i for i, f in enumerate(fields) if picks(view, f)}
    for flat in np.argsort(-sims, axis=None):
        i, j = divmod(int(flat), len(slots))
        if sims[i, j] < PAIR_AT_LEAST or i in used_f or j in used_s or (
                i in pickers and slots[j].name != "to"):  # who it goes to, never what
            continue
        pairs.append((fields[i], slots[j]))
        used_f.add(i)
        used_s.add(j)
    free_f = [f for i, f in enumerate(fields) if i not in used_f and not picks(view, f)]
    free_s = [s for j, s in enumerate(slots) if j not in used_s and s.name in _FREE_TEXT]
    if len(free_f) == 2 and len(free_s) == 1 and free_s[0].name in ("text", "note"):
        free_f = [f for f in free_f if not _names_item(view, f)] or free_f
    body = len(free_s) == 1 and free_s[0].name in _BODY  # the body: the one field left
    if len(free_f) == 1 and len(free_s) == 1 and (not pairs or len(slots) == 1 or body):
        pairs.append((free_f[0], free_s[0]))
    return sorted(pairs, key=lambda p: (p[0].bounds.top, p[0].bounds.left))


def _queries(view: View) -> set[str]:
    """What was typed into a list's search since an item was last opened: a field showing
    it is the search box, whatever its hint became. Once an item found by the search is
    open, a field showing the same words is the item's own (its title)."""
    since = max((i for i, p in enumerate(view.history)
                 if memo_of(p).mark is Mark.OPEN_ITEM and p.changed), default=-1)
    return {p.action.text.strip().casefold() for p in view.history[since + 1:]
            if memo_of(p).mark is Mark.SEARCH and isinstance(p.action, TypeText)}


def _names_item(view: View, field: UIElement) -> bool:
    """The field shows the name of the item opened here (its title): of an item's two
    fields, the other one is its body, where free text goes."""
    opened = [memo_of(p).item for p in view.history if memo_of(p).mark is Mark.OPEN_ITEM]
    return bool(opened) and bool(words(field.text)) and words(field.text) == words(opened[-1])


def pay_button(view: View) -> UIElement | None:
    """The button that pays ("Pay $12.00", "Place order", "Buy now"): what the safety gate
    calls a payment by its own label."""
    for s in view.scored:
        e = s.element
        if e.actionable and not e.editable and e.label:
            found = classify_element(e, view.screen)
            if found is not None and found.category == PAYMENT:
                return e
    return None


def submit_button(view: View, goal: Goal) -> Scored | None:
    """The button that saves / sends the filled form, by the meaning of its label."""
    buttons = [
        s for s in view.actionable()
        if not s.element.editable and not s.element.checkable and s.element.label
        and not NEGATIVE.search(s.element.label)
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


def has_value(element: UIElement, slot: Slot) -> bool:
    text = element.text.strip()
    if element.password and text and set(text) <= _MASKS:
        return len(text) == len(slot.value)  # masked: the length is all a screen tells
    if slot.append:
        return slot.value.lower() in text.lower()
    return text == slot.value or (text.lstrip("0") == slot.value.lstrip("0") and text.isdigit())


def type_value(element: UIElement, slot: Slot) -> Decision:
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


def _renamed(goal: Goal, view: View, slots: Sequence[Slot]) -> list[tuple[UIElement, Slot]]:
    """A new name, where no field is named for it: the field that shows the old name the
    goal gives ("rename 'Bike' to 'Bike care'": the field that says "Bike"), not a search
    for it. The goal may say the name with the item's kind after it ("my Bike note"): a
    field that shows the leading words of such a name shows the name."""
    slot = slots[0] if len(slots) == 1 else None
    if goal.intent is not Intent.EDIT or slot is None or slot.append or (
            slot.name not in ("title", "name", "label")):
        return []
    new = slot.value.casefold()
    old = {e.casefold() for e in goal.entities if e.casefold() != new} - _queries(view)
    fields = [f for f in view.fields() if "search" not in field_name(f).lower() and (
        shown := f.text.strip().casefold()) and shown not in _queries(view) and any(
        shown == o or o.startswith(f"{shown} ") for o in old)]
    return [(fields[0], slots[0])] if len(fields) == 1 else []


def fill_form(goal: Goal, view: View) -> Decision | None:
    """Type each slot into its field, then press the submit button (or finish when the form
    has none: it saves as it is typed), unless the form ends in a payment: then paying is its
    submit."""
    typable = [s for s in goal.slots if not s.ref]
    if not typable:
        return None
    pairs = [(f, s) for f, s in assign(view, typable) or _renamed(goal, view, typable)
             if not row_fields.anothers(goal, view, f)]  # another item's field is not ours
    if not pairs:
        return None
    for element, slot in pairs:
        if not has_value(element, slot):
            return type_value(element, slot)
    if len(typable) < len(goal.slots):
        return None  # a value still has to be read elsewhere: nothing is submitted without it
    meridiem = _meridiem_tap(goal, view)
    if meridiem is not None:
        return meridiem
    pay = pay_button(view)
    if pay is not None:
        # a form that ends in a payment (a checkout) is never saved by typing: its values go
        # with the order, done only when the shop confirms it (and a refused payment stops)
        return tap(pay, f"The form is filled; it is sent by paying with '{pay.label}'.", 0.75,
                   Mark.PAY)
    button = submit_button(view, goal)
    if button is None:
        # a form may save as it is typed; a message never leaves without being sent
        if len(pairs) >= len(goal.slots) and goal.intent is not Intent.SEND and not any(
                picks(view, element) for element, _slot in pairs):
            return finish("Every value is typed in; the form saves as it is typed.")
        return None
    return tap(button.element, f"The form is filled; tap '{button.element.label}' to submit it.",
               0.75, Mark.SUBMIT)


_PICKER = ("to: recipient name, phone number or email", "search")
PICKER_AT_LEAST = 0.55  # "Email" alone, a field of a form, stays below


def picks(view: View, field: UIElement) -> bool:
    """The field chooses something (a recipient, a search query) rather than holding an
    item's content: what is typed there is saved nowhere."""
    name = field_name(field)
    if not name:
        return False
    encoder = view.matcher.encoder
    sims = encoder.encode(list(_PICKER)) @ encoder.encode([name])[0]
    return float(sims.max()) >= PICKER_AT_LEAST


def form_done(goal: Goal, view: View) -> Decision | None:
    """After submitting: finish when the form is gone or its main value is shown."""
    if not goal.slots or not view.marked(Mark.SUBMIT):
        return None
    main = next((s.value for s in goal.slots if s.name in ("message", "text")), goal.slots[0].value)
    last = view.last()
    changed = last is not None and last.changed
    if view.shows(main) or not assign(view, goal.slots) or (
            view.last_marked(Mark.SUBMIT) and changed):
        if never_entered(goal, view) or not repeat_days.days_shown(goal, view):
            return None  # a value still has to go somewhere: not done
        return finish(f"Submitted; {main!r} is saved.")
    return None


def open_created(goal: Goal, view: View) -> Decision | None:
    """After a form that had no field for some of the values was saved, open the new item
    (the row that shows the values that were entered) to set the rest on it."""
    missing = never_entered(goal, view)
    if goal.days is not None and not repeat_days.days_shown(goal, view):
        missing = [*missing, f"the days {describe(goal.days.days)}"]
    if not view.marked(Mark.SUBMIT) or not missing or row_fields.own_fields(goal, view):
        return None
    entered = [s.value for s in goal.slots if s.value not in missing]
    rows = [s for s in view.content() if s.element.clickable and not s.element.checkable
            and any(row_fields.shows_value(shown(s), v) for v in entered)]
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


def editing(goal: Goal, view: View) -> bool:
    """The item the goal names is open: shown here, or opened by the steps that led here
    (the last step, or a form filled since), not by a step long ago on another page."""
    return in_form_after(view, Mark.OPEN_ITEM) or (bool(goal.entities)
                                                   and entity_here(goal, view))


def unnamed_item(goal: Goal, view: View) -> bool:
    """The request names no item beyond the values it types ("type 'Ada' in the text
    field"): the form on screen is the one meant, when filling it overwrites nothing."""
    values = {s.value for s in goal.slots}
    return all(e in values for e in goal.entities) and (
        blank_or_ours(goal, view) or _fills_only_empty(goal, view))


def _fills_only_empty(goal: Goal, view: View) -> bool:
    """Every value has its field here, and each of those fields is empty or holds that
    value: what other fields hold ("Email | ana@") is left as it is, nothing overwritten."""
    typable = [s for s in goal.slots if not s.ref]
    pairs = assign(view, typable) if len(typable) == len(goal.slots) else []
    return len(pairs) == len(typable) > 0 and all(
        not f.text.strip() or f.text.strip() == f.hint.strip() or has_value(f, s)
        for f, s in pairs)


def blank_or_ours(goal: Goal, view: View) -> bool:
    """Every field of the form is empty or holds one of the goal's own values: filling it
    overwrites nothing of an existing item."""
    values = [s.value for s in goal.slots]
    return bool(view.fields()) and all(
        not f.text.strip() or f.text.strip() == f.hint.strip()
        or any(f.text.strip().casefold() == v.strip().casefold() for v in values)
        for f in view.fields())


def in_form_after(view: View, mark: Mark) -> bool:
    """A step with `mark` was carried out, and every step since filled in what it opened
    (typed, chose, submitted) rather than went elsewhere."""
    steps = list(view.history)
    at = [i for i, p in enumerate(steps) if memo_of(p).mark is mark and p.action is not None]
    if not at:
        return False
    return all(isinstance(p.action, TypeText) or memo_of(p).mark is not None
               for p in steps[at[-1] + 1:])


def open_field_row(goal: Goal, view: View) -> Decision | None:
    """A new value for one field, on a page with no field to type in: the row that names
    that field ("Device name | Pixel 7" for a new name, "Label | Work" for a new label) is
    where its editor opens; settings pages show a field's value so and edit it in a dialog.
    Only a row not tapped yet, whose label's first part is a short phrase ending in the
    field's word ("Device name", not "Name the device after ..."), and never a control that
    changes something."""
    slot = goal.slots[0] if len(goal.slots) == 1 else None
    if goal.intent is not Intent.EDIT or slot is None or slot.ref or view.fields():
        return None
    for s in view.content():
        head = re.split(r"[|,]", s.element.label)[0].split()
        if (s.element.clickable and 0 < len(head) <= 3 and head[-1].casefold() == slot.name
                and view.tap_count(s.element)[0] == 0 and not view.is_nav(s)
                and not changes_something(s.element, view.screen, goal)):
            return tap(s.element, f"Open '{s.element.label}': its {slot.name} gets the new "
                       "value.", 0.7, Mark.OPEN_ITEM)
    return None
