"""Grounding on the screen alone: what a person does with a request and a screen they have
never seen, before any map of the app exists.

- "Open X" with X visible is a tap on X, never "the page is open": a page counts as open
  only with evidence on it (its title, or the selected tab, matches X better than anything
  that can still be tapped).
- A switch or checkbox whose label is what the request names is tapped when no other rule
  knows the request's verb ("accept the terms", "stop setting the time automatically"), and
  only towards the state the request wants: on, unless it says off. A request that says no
  state never turns a switch off.
- A text field the request names, with nothing to type into it ("click in the search box"),
  is tapped, which gives it the focus; the request is done once it has it.
- A request the sentence model cannot read (another script) is still understood when the
  screen shows one of its phrases word for word: "日本語を選んで" on a screen that lists
  "日本語 (日本)" taps that row. Labels are compared as written, with no word list.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from devices.actions import Finish, FinishStatus
from perception.elements import Screen, UIElement
from planners.embedded.acts import MATCH, finish, tap
from planners.embedded.evidence import switch_is_means
from planners.embedded.goal import Goal
from planners.embedded.legibility import ELSEWHERE
from planners.embedded.memo import Mark
from planners.embedded.memory import is_chrome
from planners.embedded.scoring import words
from planners.embedded.view import Scored, View, front, spoken_name
from planners.embedded.wording import closed_class, ends_something, only_modifies
from planners.planner import Decision, PastStep

_TITLE_BAND = 0.2  # share of the screen's height, from the top, where a page's title sits
_MARGIN = 0.05  # how much better evidence must match than what can still be tapped
_MIN_LITERAL = 2  # characters of a label that may stand for a request on its own
# a field named by its kind alone ("the textbox") matches less than a named control does:
# enough when it also matches better than anything else that can be tapped
_FIELD_MATCH = 0.45
_FIELD_KIND = closed_class("field box textbox input text area textarea entry")
_PLACE_WORDS = closed_class("into onto inside within upon from by")  # "click into the box"
_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)?|first|second|third|fourth|fifth|last")


def _tappable(view: View) -> list[Scored]:
    return [s for s in view.actionable() if s.element.label and not s.element.editable
            and not s.element.selected and not (s.element.scrollable and not s.element.clickable)]


def best_tappable(view: View, checkable: bool | None = None) -> Scored | None:
    """The element that can still be tapped and matches the goal best (only switches and
    checkboxes, or none of them, when `checkable` says so)."""
    found = [s for s in _tappable(view)
             if checkable is None or s.element.checkable == checkable]
    return max(found, key=lambda s: (s.score, s.element.bounds.area), default=None)


def titles(view: View) -> list[Scored]:
    """The page's titles: text that cannot be tapped, in the top band of the screen."""
    band = view.screen.height * _TITLE_BAND
    return [s for s in view.scored if not s.element.actionable
            and s.element.bounds.bottom <= band and s.element.label]


def page_evidence(view: View) -> float:
    """How well the page itself says what it is: its selected tab, or a title."""
    shown = [s.score for s in view.scored if s.element.selected] + [s.score for s in titles(view)]
    return max(shown, default=0.0)


def shows_page(view: View) -> bool:
    """The page on screen is the one the goal names: the evidence matches, and nothing that
    can still be tapped matches better."""
    evidence = page_evidence(view)
    best = best_tappable(view)
    return evidence >= MATCH and (best is None or evidence >= best.score + _MARGIN)


def open_visible(view: View) -> Decision | None:
    """Tap the visible element that best matches what the goal asks to open."""
    best = best_tappable(view)
    if best is None or best.score < MATCH or view.tap_count(best.element)[0]:
        return None
    return tap(best.element, f"Open '{best.element.label}': it is on screen.",
               min(best.score, 1.0))


def tap_checkable(goal: Goal, view: View, floor: float) -> Decision | None:
    """Tap the switch or checkbox the goal names, when it matches better than any other
    element and any remembered way on."""
    best = best_tappable(view, checkable=True)
    names = [words(e) for e in goal.entities if words(e)]
    others = [s for s in _tappable(view) if not s.element.checkable  # a label that only
              and not any(words(s.element.label) <= n for n in names)]  # names the item
    other = max(others, key=lambda s: s.score, default=None)
    last = view.last()
    # the state wanted: the one the request says, or off when its verb ends something
    # ("stop syncing"); a request that says neither wants it on, never off
    want = goal.desired if goal.desired is not None else not ends_something(goal.verb)
    if best is not None and best.element.checked == want and last is not None and (
            last.changed and view.tap_count(best.element)[0]
            and last.screen_signature == view.sig) and (
            not goal.slots and any(words(best.element.label) <= n for n in names)) and (
            not switch_is_means(goal, best.element.label)):
        state = "on" if want else "off"  # the evidence: what the goal names is switched as
        return finish(f"'{best.element.label}' is {state} now, after my tap.")  # wanted
    if best is None or best.score < max(MATCH, floor) or view.tap_count(best.element)[0]:
        return None
    if best.element.checked == want:
        return None  # already as wanted
    asked, named = words(goal.target), words(spoken_name(best.element))
    if only_modifies(spoken_name(best.element), goal.text):
        return None  # it names what the request's object is of, not the object: "pin the
        #   Bluetooth note" is about a note
    if not named <= asked and len(asked & (named | words(best.context))) * 2 < len(asked):
        return None  # it names a part of the request, not the request ("Use mobile data"
        #   is not what "export my mobile data report as a PDF" is about; "Saturday" is
        #   what "make the pottery alarm ring on Saturdays" changes)
    if other is not None and other.score > best.score:
        return None
    return tap(best.element, f"Tap '{best.element.label}' for {goal.target!r}.",
               min(best.score, 1.0))


def focus_field(goal: Goal, view: View) -> Decision | None:
    """Tap the text field the goal names when it gives nothing to type and the field matches
    better than anything else; finish once the field has the focus. The field must be all the
    goal is about: each word of its object is the field's own name or kind, or an ordinal
    that picks among fields ("the 2nd input box"); "export the packing list as a PDF" is not
    done by focusing a field called "Packing list"."""
    fields = [s for s in view.actionable() if s.element.editable]
    best = max(fields, key=lambda s: s.score, default=None)
    if goal.slots or best is None or best.score < _FIELD_MATCH:
        return None
    rest = {w for w in words(goal.target) - _FIELD_KIND - _PLACE_WORDS
            if not _ORDINAL.fullmatch(w)}
    if not rest <= words(best.element.label):
        return None
    other = best_tappable(view)
    if other is not None and other.score > best.score:
        return None
    if best.element.focused:
        return finish(f"The '{best.element.label or 'text'}' field has the focus.")
    if view.tap_count(best.element)[0]:
        return None
    return tap(best.element, f"Tap the field for {goal.target!r}: it takes the focus.",
               min(best.score, 1.0))


def _plain(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold()


def literal_target(request: str, screen: Screen) -> UIElement | None:
    """The element whose label (or the label's part before a bracket) the request quotes word
    for word: an actionable one first (a person taps a list's text as well), the longest
    label first."""
    said = _plain(request)
    found = []
    for e in front(screen).elements:
        if not e.enabled or e.editable or e.scrollable or is_chrome(e):
            continue
        for label in {e.label, e.label.split(" (")[0]}:
            plain = _plain(label).strip()
            if len(plain) >= _MIN_LITERAL and plain in said:
                found.append((e.actionable, len(plain), e))
    return max(found, key=lambda p: p[:2])[2] if found else None


def press_floating_action(view: View) -> Decision | None:
    """A new item on a list page whose creation button says nothing of itself: the floating
    action button, a small square that floats over the lower part of the list, is the page's
    main action in Material apps ("new alarm", "compose"), and apps often leave it without a
    label. Tapped once; what opens is read on the next step."""
    lists = [e.bounds for e in view.screen.elements if e.scrollable]
    for e in view.screen.elements:
        b = e.bounds
        if e.text or e.description or not e.clickable or view.tap_count(e)[0]:
            continue
        square = 0.75 <= b.width / max(b.height, 1) <= 1.33
        small = b.width < view.screen.width / 4
        floats = any(box.contains(b.center) for box in lists) and (
            b.center.y > view.screen.height / 2 and b.center.x > view.screen.width / 2)
        if square and small and floats:
            return tap(e, "The unlabelled button floating over the list starts a new item.",
                       0.55, Mark.NEW_ITEM)
    return None


def unreadable_request(goal: str, why: str, screen: Screen,
                       history: Sequence[PastStep]) -> Decision:
    """A request the sentence model cannot read: tap what the screen shows of it word for
    word (once), else refuse at once with the reason and the planners that read it."""
    target = literal_target(goal, screen) if not history else None
    if target is not None:
        return tap(target, f"The request names '{target.label}', which is on screen: tap it.",
                   0.6)
    reason = (f"I tapped what the screen shows of the request; I cannot read the rest of it "
              f"({why}); {ELSEWHERE}" if history else
              f"I cannot read this request: {why}; {ELSEWHERE}")
    return Decision(Finish(FinishStatus.FAILURE, reason), thought=reason)
