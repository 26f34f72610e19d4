"""What each kind of request tries on a screen, in order: the first step that applies is
taken. Every entry is a rule of its own module (acts, forms, sending, lists, reading,
grounding, keypad); this table only says which rules a kind of request uses, and when."""

from __future__ import annotations

from collections.abc import Callable

from planners.embedded import (
    acts,
    confirmations,
    controls,
    endings,
    fixed_rows,
    forms,
    grounding,
    keypad,
    kinds,
    lists,
    owners,
    priced,
    purchase,
    reading,
    recipients,
    repeat_days,
    row_filters,
    sending,
    time_controls,
)
from planners.embedded.goal import Goal, Intent
from planners.embedded.memo import Mark
from planners.embedded.view import View
from planners.planner import Decision


def tries(goal: Goal, view: View, floor: float, at_best: bool, strict: bool
          ) -> list[Callable[[], Decision | None]]:
    """The steps to try for `goal` on this view, first first; each gives a decision or None.
    `floor`: what a tap must beat (the best remembered way on); `at_best`: this page matches
    the goal as well as any known one; `strict`: an answer that will be sent or written on.
    First, a list that shows only near misses of the item named, then the row that the
    request's order picks ("the cheapest ..."); days to repeat on come before all of these
    wherever the item's day toggles are in view."""
    steps = [lambda: row_filters.only_near(goal, view, at_best), lambda: lists.pick(goal, view),
             *_tries(goal, view, floor, at_best, strict)]
    if goal.days is None or goal.intent in (Intent.ANSWER, Intent.DELETE, Intent.TOGGLE):
        return steps
    return [lambda: repeat_days.days_done(goal, view), lambda: repeat_days.set_days(goal, view),
            *steps]


def _tries(goal: Goal, view: View, floor: float, at_best: bool, strict: bool
           ) -> list[Callable[[], Decision | None]]:
    common = [lambda: forms.form_done(goal, view), lambda: forms.fill_form(goal, view)]
    floating = [lambda: grounding.press_floating_action(view)] if at_best and not (
        view.marked(Mark.NEW_ITEM)) else []
    duration = lambda: keypad.enter_duration(goal, view)  # noqa: E731
    fixed = lambda: fixed_rows.fixed_setting(goal, view)  # noqa: E731  (when nothing else)
    entity = [lambda: acts.verb_done(goal, view), lambda: acts.press_verb(goal, view),
              lambda: acts.open_entity(goal, view), lambda: kinds.open_by_title(goal, view)]
    match goal.intent:
        case Intent.TOGGLE:
            return [lambda: controls.toggle(goal, view, floor)]
        case Intent.SET_VALUE:
            return [lambda: controls.slide(goal, view, floor), *common, fixed]
        case Intent.ANSWER if goal.rank is not None:
            return [lambda: lists.ranked(goal, view, at_best)]
        case Intent.ANSWER if goal.value_type == "count":
            return [lambda: lists.count(goal, view, at_best)]
        case Intent.ANSWER:  # else the row of the item it asks about, opened where listed
            return [lambda: owners.owner_found(goal, view),
                    lambda: priced.times(goal, reading.answer(goal, view, at_best, strict)),
                    lambda: reading.open_asked(goal, view)]
        case Intent.DELETE:
            return entity
        case Intent.SEND if recipients.by_order(goal):  # "whoever wrote last": a row
            return recipients.steps(goal, view)
        case Intent.SEND if not any(s.name == "to" for s in goal.slots):
            # text to enter with nobody to send it to: a form to fill
            return [*common, lambda: grounding.focus_field(goal, view),
                    *sending.send_steps(goal, view)]
        case Intent.SEND:
            return [lambda: forms.form_done(goal, view), *sending.send_steps(goal, view)]
        case Intent.EDIT:
            mine = [lambda: forms.form_done(goal, view),
                    lambda: forms.fill_form(goal, view) if forms.editing(goal, view)
                    or forms.unnamed_item(goal, view) else None]
            return [*mine, lambda: acts.press_edit(goal, view),
                    lambda: forms.open_field_row(goal, view),
                    lambda: time_controls.open_shown_time(goal, view), entity[2], entity[3],
                    lambda: endings.form_lacks_setting(goal, view, forms.COMMON_FIELDS)]
        case Intent.CREATE if goal.slots:  # a form of the goal's kind, not any form
            mine = forms.in_form_after(view, Mark.NEW_ITEM) or (
                view.marked(Mark.SUBMIT) and forms.in_form_after(view, Mark.OPEN_ITEM)
            ) or forms.blank_or_ours(goal, view)
            return [*(common if mine else []), lambda: forms.open_created(goal, view),
                    lambda: acts.press_create(goal, view), *floating]
        case Intent.OPEN:
            return [lambda: acts.finish("The page is open.") if grounding.shows_page(view)
                    else None,
                    lambda: grounding.open_visible(view),
                    lambda: acts.finish("The page is open.") if at_best and view.history
                    else None]
        case Intent.CREATE if not goal.slots:
            return [lambda: purchase.added_in_place(goal, view),
                    lambda: keypad.duration_running(goal, view), duration,
                    lambda: keypad.take_duration(goal, view),
                    lambda: acts.press_create(goal, view), *floating, *entity,
                    lambda: grounding.tap_checkable(goal, view, floor)]
    said = lambda: confirmations.message_says_done(goal, view)  # noqa: E731
    # a length is typed, taken and seen running whatever the verb, or with none read ("a
    # ninety second countdown, please"); "bring X as low as it goes" is a level
    entity = [said, lambda: keypad.duration_running(goal, view), duration,
              lambda: keypad.take_duration(goal, view), lambda: controls.slide(goal, view, floor),
              *entity, lambda: grounding.tap_checkable(goal, view, floor),
              lambda: grounding.focus_field(goal, view), fixed]
    if goal.slots:
        entity = [*common, *entity]
    return entity
