"""Acting on screens the tree cannot describe, and on number steppers.

Pixel-only screens (a game, a canvas: one opaque node) come with vision proposals, boxes
without labels. When the goal asks to tap things there ("pop a bubble", "hit 3 targets"),
the proposals are tapped one by one, biggest first, until the asked count of taps changed
the screen. Steppers (a number between a "-" and a "+" button) are stepped until they show
the goal's quantity.
"""

from __future__ import annotations

import re

from devices.actions import Finish, FinishStatus, Tap
from perception.elements import UIElement
from planners.embedded.acts import tap
from planners.embedded.evidence import counts_stated, stepped_by_us
from planners.embedded.goal import Goal
from planners.embedded.memo import Mark, Memo, marked
from planners.embedded.memory import is_chrome
from planners.embedded.view import Scored, View
from planners.planner import Decision

# Verbs that mean "touch things on the screen" (games, canvases).
TAP_VERBS = frozenset(
    ("tap", "pop", "hit", "press", "click", "touch", "burst", "smash", "squash", "catch",
     "shoot", "score")
)
_COUNT = re.compile(
    r"\b(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)\s+"
    r"(?:more\s+)?[a-z]+",
    re.I,
)
_COUNT_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
}
_INCREASE = re.compile(r"\b(increase|increment|more|add|plus|up)\b|^\s*\+\s*$", re.I)
_DECREASE = re.compile(r"\b(decrease|decrement|less|fewer|minus|down)\b|^\s*[-−–]\s*$", re.I)


# "till the score reaches 10", "until my total is 3": the count the taps are to reach
_UNTIL = re.compile(r"\b(?:until|till|til)\s+(?:my|the)\s+(?:score|count|total)\s+"
                    r"(?:is|reaches|hits|gets\s+to)\s+(\d{1,2})\b", re.I)


def _tap_count(goal: Goal) -> int:
    """How many taps the goal asks for: its quantity, the count a game's score is to reach
    (each tap scores one), a count before a noun, else one."""
    if goal.quantity:
        return goal.quantity
    if (until := _UNTIL.search(goal.text)) is not None:
        return int(until.group(1))
    m = _COUNT.search(goal.text)
    if m is None:
        return 1
    word = m.group(1).lower()
    return int(word) if word.isdigit() else _COUNT_WORDS[word]


def _overlaps(a: UIElement, b: UIElement) -> bool:
    x, y = a.bounds, b.bounds
    return x.left < y.right and y.left < x.right and x.top < y.bottom and y.top < x.bottom


def _inside(inner: UIElement, outer: UIElement) -> bool:
    a, b = inner.bounds, outer.bounds
    return a.left >= b.left and a.right <= b.right and a.top >= b.top and a.bottom <= b.bottom


def pixel_only(view: View) -> bool:
    """No labelled control of the app itself: what is there is drawn in pixels."""
    return not any(
        e.label and e.actionable and e.source != "vision" and not is_chrome(e)
        for e in view.screen.elements
    )


def proposals(view: View) -> list[UIElement]:
    """Unlabelled vision boxes that may be things to tap, biggest first: the outermost ones,
    away from the system bars and from text (a drawn letter is no target)."""
    boxes = [e for e in view.screen.elements if e.source == "vision" and not e.label]
    blockers = [e for e in view.screen.elements if e.label and (is_chrome(e) or e.role == "text")]
    kept = [
        b
        for b in boxes
        if not any(_overlaps(b, o) for o in blockers)
        and not any(o is not b and _inside(b, o) and o.bounds.area > b.bounds.area for o in boxes)
    ]
    return sorted(kept, key=lambda e: -e.bounds.area)


def _landed(view: View) -> int:
    """Taps on proposals in this episode part that changed the screen."""
    return sum(marked(p, Mark.PROPOSAL) and p.changed for p in view.history)


def tap_proposals(goal: Goal, view: View) -> Decision | None:
    """On a pixel-only screen, tap the goal's things one by one; finish after enough landed."""
    if goal.verb not in TAP_VERBS or not pixel_only(view):
        return None
    wanted, done = _tap_count(goal), _landed(view)
    if done >= wanted and view.marked(Mark.PROPOSAL):
        return Decision(
            Finish(FinishStatus.SUCCESS),
            thought=f"{done} tap(s) on the drawn targets went through.",
            confidence=0.6,
        )
    fresh = [p for p in proposals(view) if not view.tapped_point(p.bounds.center)]
    if not fresh:
        return None
    box = fresh[0]
    return Decision(
        Tap(box.bounds.center),
        thought=f"Tap the drawn target at {box.bounds.center.x},"
        f"{box.bounds.center.y} ({done + 1}/{wanted}).",
        confidence=0.6,
        memo=Memo(mark=Mark.PROPOSAL),
    )


# steppers -------------------------------------------------------------------------------


def _same_row(a: UIElement, b: UIElement) -> bool:
    return a.bounds.top < b.bounds.bottom and b.bounds.top < a.bounds.bottom


def _button_side(
    view: View, number: UIElement, pattern: re.Pattern[str], left: bool
) -> UIElement | None:
    """The button beside `number` that steps it: by its label, else by its side. A number
    between numbers is a key of a keypad, which steps nothing."""
    row = [
        s.element
        for s in view.actionable()
        if _same_row(s.element, number) and not s.element.editable and s.element.id != number.id
        and not s.element.text.strip().isdigit()
    ]
    named = [e for e in row if pattern.search(e.label)]
    if named:
        return min(named, key=lambda e: abs(e.bounds.center.x - number.bounds.center.x))
    side = [
        e
        for e in row
        if (e.bounds.right <= number.bounds.left if left else e.bounds.left >= number.bounds.right)
    ]
    near = [
        e
        for e in side
        if abs(e.bounds.center.x - number.bounds.center.x)
        < 3 * max(number.bounds.width, e.bounds.width)
    ]
    return min(near, key=lambda e: abs(e.bounds.center.x - number.bounds.center.x), default=None)


def steppers(view: View) -> list[tuple[Scored, UIElement, UIElement]]:
    """(number, decrease button, increase button) for each number shown between two buttons."""
    out = []
    for s in view.scored:
        e = s.element
        if not e.text.strip().isdigit() or e.editable or is_chrome(e):
            continue
        down = _button_side(view, e, _DECREASE, left=True)
        up = _button_side(view, e, _INCREASE, left=False)
        if down is not None and up is not None and down.id != up.id:
            out.append((s, down, up))
    return out


def _row_score(view: View, number: UIElement) -> float:
    """How well the stepper's row matches the goal (the item it counts)."""
    row = [s.score for s in view.scored if _same_row(s.element, number)]
    return max(row, default=0.0)


def step_quantity(goal: Goal, view: View) -> Decision | None:
    """Step the goal item's quantity towards the number the goal asks for."""
    if not goal.quantity:
        return None
    found = steppers(view)
    if not found:
        return None
    number, down, up = max(found, key=lambda f: _row_score(view, f[0].element))
    have = int(number.element.text.strip())
    if have == goal.quantity:
        return None
    button = up if have < goal.quantity else down
    label = button.label or ("+" if button is up else "-")
    return tap(
        button,
        f"The quantity shows {have}, {goal.quantity} is wanted: tap '{label}'.",
        0.75,
        Mark.STEPPER,
    )


def quantity_set(goal: Goal, view: View) -> bool:
    """A stepper for the goal's item shows the goal's quantity."""
    found = steppers(view)
    if not goal.quantity or not found:
        return False
    number = max(found, key=lambda f: _row_score(view, f[0].element))[0]
    if len(set(counts_stated(goal))) > 1 and not stepped_by_us(view):
        return False  # a request that says the count it has and the one it wants: the
        #   count shown before any step of ours may be the one it has
    return int(number.element.text.strip()) == goal.quantity
