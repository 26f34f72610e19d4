"""What a reply to a question must be, besides having the shape of the value asked.

- A person's number is a phone number ("what's Ana's number?").
- A value is read beside a key (a short name: "Mobile", "Order total"), never beside a
  sentence: a message or a review says something itself, and the date shown under it is
  when it was said, not what the question asks.
- A reply about an item the question names by its number ("order #5512", "ticket 20931")
  comes from a screen that shows that number.
- Which item holds some content ("which note mentions the boiler?") is answered with the
  name of the row that shows it, read to the list's end when no row shows all of it; what
  the person has ("which number have I got stored for Ana?") is a value, no item that holds it.
- How much one would pay for everything (a cart, a bill) is the page's total.
- A yes/no question about an item's state ("is the 6:30 alarm on?", "is the one at 8
  set?") is answered by the switch on the row that shows the item, when one row does;
  one about a switch itself ("is nfc on?"), by the switch that matches it best.
"""

from __future__ import annotations

import re
from dataclasses import replace

from planners.embedded.acts import MATCH, finish
from planners.embedded.goal import Goal
from planners.embedded.lists import read_on, row_text, rows, seen_rows
from planners.embedded.memo import Memo, memo_of
from planners.embedded.scoring import words
from planners.embedded.view import Scored, View
from planners.planner import Decision

_PERSONS_NUMBER = re.compile(r"(?:\w'?s|\bwhich|\bwhat|\bthe)\s+"
                             r"(?:(?:phone|mobile|cell|home|work)\s+)?number\b", re.I)


def kind_asked(goal: Goal) -> Goal:
    """The goal with the kind of value it asks for: a number that belongs to someone
    named (Ana's, Ana's work one, "which number is saved for Ana") is a phone
    number."""
    if goal.value_type is None and _PERSONS_NUMBER.search(goal.text) and goal.entities:
        return replace(goal, value_type="phone")
    return goal


_SENTENCE_END = re.compile(r"[.!?…]\s*$")
KEY_WORDS = 5  # a key names a value in a few words; more words say something


def is_key(label: str) -> bool:
    """`label` can name a value shown beside it: a few words, not a sentence."""
    return not _SENTENCE_END.search(label) and len(label.split()) <= KEY_WORDS


_IDENTIFIER = re.compile(r"(?:#|\bno\.?\s*)(\w*\d\w*)", re.I)


def named_numbers(goal: Goal) -> list[str]:
    """The numbers by which the question names its item: "#5512", "No. 20931"."""
    return _IDENTIFIER.findall(goal.text)


def shows_named_numbers(goal: Goal, view: View) -> bool:
    """Every number the question names its item by is on the screen."""
    shown = " ".join(f"{s.element.label} {s.element.description} {s.context}"
                     for s in view.scored)
    return all(re.search(rf"(?<!\w){re.escape(n)}(?!\w)", shown) for n in named_numbers(goal))


_YES_NO = re.compile(r"^\s*(?:is|are|was|were|has|have|does|do)\b", re.I)
_ON = re.compile(r"\b(?:on|set|enabled|active|scheduled|armed)\b", re.I)
_OFF = re.compile(r"\b(?:off|disabled|inactive|unset)\b", re.I)
_CLOCK_ASKED = re.compile(r"(?<![\w:#.])(\d{1,2})(?::(\d{2}))?\s*([ap])?\.?m?\b(?![:.]?\d)",
                          re.I)
_CLOCK_SHOWN = re.compile(r"\b(\d{1,2}):(\d{2})\s*([ap])?", re.I)


def _times_asked(text: str) -> list[tuple[int, int, str]]:
    """The clock times a question names: (hour, minute, "a"/"p"/"")."""
    return [(int(h), int(m or 0), (ap or "").lower()) for h, m, ap in _CLOCK_ASKED.findall(text)
            if int(h) <= 23 and int(m or 0) < 60]


def _shows_time(text: str, hour: int, minute: int, half: str) -> bool:
    """`text` shows the clock time asked ("7" is 7:00 AM, 7:00 PM or 19:00)."""
    for h, m, ap in _CLOCK_SHOWN.findall(text):
        shown_h, ap = int(h), ap.lower()
        same_hour = shown_h % 12 == hour % 12 if (ap or hour <= 12) else shown_h == hour
        if half and ap and half != ap:
            continue
        if same_hour and int(m) == minute:
            return True
    return False


def _row_of_switch(switch: Scored, view: View) -> str:
    """All that the row of a switch shows: the texts on its line."""
    b = switch.element.bounds
    line = [s for s in view.scored if b.top <= s.element.bounds.center.y <= b.bottom
            or s.element.bounds.top <= b.center.y <= s.element.bounds.bottom]
    return " ".join(f"{s.element.label} {s.element.description} {s.context}" for s in line)


def row_state(goal: Goal, view: View) -> Decision | None:
    """A yes/no question about the state of an item that a list shows with a switch per
    row: the switch of the one row that shows what the question names (a time, a name)."""
    if not _YES_NO.match(goal.text):
        return None
    times = _times_asked(goal.text)
    names = [words(e) for e in goal.entities if words(e) and not _CLOCK_ASKED.fullmatch(e)]
    if not times and not names:
        return None
    switches = [s for s in view.content() if s.element.checkable]
    mine = []
    for s in switches:
        row = _row_of_switch(s, view)
        if all(_shows_time(row, *t) for t in times) and all(n <= words(row) for n in names):
            mine.append(s)
    if len(mine) != 1:
        return None  # none of the rows, or several: the item is not told apart here
    on = bool(mine[0].element.checked)
    asked_on = not (_OFF.search(goal.text) and not _ON.search(goal.text))
    state = "on" if on else "off"
    yes = "yes" if on == asked_on else "no"
    name = mine[0].element.description or mine[0].text or "its switch"
    return finish(f"The row of {name!r} has its switch {state}.", answer=f"{yes}, {state}")


_WHICH_HOLDS = re.compile(
    r"^\s*which\b(?:(?!\b(?:i|we|you)\b).)*?\b(?:has|have|holds?|contains?|mentions?|says?|"
    r"includes?|talks?\s+about|is\s+about|are\s+about)\s+(?!(?:i|we|you)\b)"
    r"(?P<content>.+?)(?:\s+(?:in|on)\s+(?:it|them))?\s*[?.!]*$",
    re.I)


def content_asked(goal: Goal) -> set[str]:
    """The words of what a "which one holds ..." question looks for inside the items ("the
    plumber's quote" of "which of my emails mentions the plumber's quote?")."""
    m = _WHICH_HOLDS.match(goal.text)
    return words(m.group("content")) if m else set()


def which_holds(goal: Goal, view: View, at_best_page: bool) -> Decision | None:
    """A question that asks which item holds some content is answered with the name of the
    row whose own text (its title and its preview line) shows that content. A row that
    shows all of its words answers at once. A row that shows only some of them (a preview
    is cut short: "Dentist at 2:15" for "the dentist appointment") answers only once the
    list has been read to its end, when no other row shows as many and it shows at least
    half of them: the right row may be further down. Rows that tie, or none that shows
    enough, leave it to the items' pages or the app's search."""
    content = content_asked(goal)
    if not content:
        return None
    held = [(len(content & words(row_text(r))), r.element.text) for r in rows(view)
            if r.element.text]
    whole = {title for n, title in held if n == len(content)}
    if whole:
        if len(whole) > 1:
            return None
        title = whole.pop()
        return finish(f"{title!r} shows all the words asked for.", answer=title)
    last = view.last()
    memo = memo_of(last) if last is not None and last.screen_signature == view.sig else Memo()
    best, most = memo.best, int(memo.best_value or 0)
    for n, title in held:
        if n > most:
            best, most = title, n
        elif n == most and title != best:
            best = ""  # a tie: neither row is told apart by what it shows
    if most == 0 and not at_best_page:
        return None  # nothing here shows any of it: this is not the list of those items
    seen = tuple(dict.fromkeys((*seen_rows(view), *(t for _, t in held))))
    more = read_on(view, Memo(seen=seen, best=best, best_value=float(most)),
                   f"No row shows all of what is asked yet (best {best!r}): scroll on.")
    if more is not None:
        return more
    if not best or 2 * most < len(content):
        return None
    return finish(f"{best!r} shows {most} of the words asked for, more than any other row.",
                  answer=best, confidence=0.7)


_TO_PAY = re.compile(r"\b(?:pay|paying|owe|spend|spent|total|altogether|in all|all together)\b",
                     re.I)
_TOTAL = re.compile(r"\b(?:total|to pay|amount due|balance due|grand total)\b", re.I)
_MONEY = re.compile(r"[$€£¥]\s?\d[\d,.]*|\d[\d,.]*\s?[$€£¥]")


def _asks_total(goal: Goal) -> bool:
    """The question asks for the total: it says so ("what's the total?"), or asks how much
    one pays for everything without naming an item."""
    if _TOTAL.search(goal.text):
        return True
    return goal.value_type in ("price", None) and not goal.entities and bool(
        _TO_PAY.search(goal.text))


def _beside(key: Scored, view: View) -> list[Scored]:
    """What is shown beside a key: on its line to its right, or just below it; nearest
    first."""
    b = key.element.bounds
    near = [s for s in view.content() if s.element.id != key.element.id and (
        (s.element.bounds.left >= b.center.x and b.top <= s.element.bounds.center.y <= b.bottom)
        or b.top < s.element.bounds.top <= b.bottom + b.height)]
    return sorted(near, key=lambda s: (s.element.bounds.top, s.element.bounds.left))


def _names_a_line(goal: Goal, view: View) -> bool:
    """The question names a line of the page ("the total for the desk lamp"): something
    shown, besides the total, whose words are all among the question's."""
    asked = words(goal.target) - words(" ".join(_TOTAL.findall(goal.text)))
    for s in view.content():
        shown = words(_MONEY.sub("", s.element.label))
        if shown and shown <= asked and not _TOTAL.search(s.element.label):
            return True
    return False


def total_due(goal: Goal, view: View) -> Decision | None:
    """What one would pay for everything (a cart, a bill) is its total, not the price of
    one line: a question that asks for the total, or how much to pay without naming an item,
    is answered by the amount the page shows as its total, in the same text ("Total: $9")
    or beside it (a "Total" key with its amount to its right or below)."""
    if not _asks_total(goal) or _names_a_line(goal, view):
        return None
    for s in view.content():
        e = s.element
        shown = " ".join(t for t in (e.label, e.description, s.context) if t)
        if e.editable or not (m := _TOTAL.search(shown)):
            continue
        if amount := _MONEY.search(shown[m.end():]):
            return finish(f"The page's total is {amount.group(0)!r}.",
                          answer=amount.group(0).strip())
        if not is_key(shown):
            continue
        for near in _beside(s, view):
            if amount := _MONEY.fullmatch(near.element.label.strip()):
                return finish(f"'{e.label}' shows {amount.group(0)!r}.",
                              answer=amount.group(0).strip())
    return None


def switch_state(goal: Goal, view: View) -> Decision | None:
    """A yes/no question about a switch, answered from the switch that matches it."""
    switches = [s for s in view.scored if s.element.checkable]
    best = view.best(switches)
    if best is None or best.score < MATCH:
        return None
    on = bool(best.element.checked)
    state = "on" if on else "off"
    yes = "yes" if on == (goal.desired is not False) else "no"
    name = best.text or "the switch"
    return finish(f"'{name}' is {state}.", answer=f"{yes}, {state}", confidence=best.score)
