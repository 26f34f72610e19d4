"""The current screen as the embedded planner sees it: elements with their goal scores, and
what the episode's history says was already done on it."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from devices.actions import Action, ElementRef, Point, Tap, TypeText, target_of
from perception.elements import Screen, UIElement
from planners.embedded.legibility import readable_id
from planners.embedded.memo import Mark, marked
from planners.embedded.memory import element_context, element_key, is_chrome
from planners.embedded.row_filters import near_miss
from planners.embedded.scoring import GoalMatcher, words
from planners.planner import PastStep


@dataclass(frozen=True)
class Scored:
    element: UIElement
    score: float
    context: str
    key: str

    @property
    def text(self) -> str:
        return " ".join(t for t in (self.element.label, self.context) if t)


# What a person calls a control that has no name: its kind ("the text field").
KIND_NAMES = {"input": "text field", "checkbox": "checkbox", "radio": "radio button",
              "switch": "switch", "toggle": "toggle button", "slider": "slider"}


_ABBREVIATION = 3  # characters: a day's initial, "ON", "Tue"


def spoken_name(e: UIElement) -> str:
    """The element's label; a control that shows no name (only its resource id, if that)
    is called by its kind, then its resource name. A text too short to be a name ("S",
    "ON", "Tue") gives way to the description beside it ("Saturday"), which a screen reader
    speaks in its place."""
    if 0 < len(e.text.strip()) <= _ABBREVIATION and len(e.description) > len(e.text):
        return e.description
    kind = KIND_NAMES.get(e.role, "")
    if e.text or e.description or e.hint or not kind:
        return e.label
    return " ".join(t for t in (kind, e.label) if t)


def is_slider(e: UIElement) -> bool:
    return "seekbar" in e.class_name.lower() or e.role in ("slider", "seekbar", "progress")


_HINT_WORDS = 6  # a hint is a short phrase ("Search songs, artists or podcasts")


def field_name(e: UIElement) -> str:
    """What an editable field is for: its hint, description or resource name (not its value);
    when none says anything, its text, if that could be a hint (an empty field shows its hint
    as text in dumps that have no hint of their own): a short phrase with no digits and no
    "key: value". Content ("Network: Home Password: plum-44", its lines joined by the dump)
    names nothing, or a note would be taken for a form."""
    said = (e.hint, e.description, readable_id(e.resource_id))
    named = " ".join(dict.fromkeys(t for t in said if t))
    if named:
        return named
    text = e.label
    hint_like = len(text.split()) <= _HINT_WORDS and not re.search(r"\d|\w:\s", text)
    return text if hint_like else ""


def floating_windows(screen: Screen) -> set[int]:
    """The windows of the app in front that float over the screen (its dialogs and popups):
    narrower than the screen, or a sheet over its lower part (its top below the first third).
    Other apps' overlays (chat heads) do not count."""
    return {i for i, w in enumerate(screen.windows)
            if w.package == screen.app and w.bounds.area > 0
            and (w.bounds.left > 0 or w.bounds.right < screen.width
                 or w.bounds.top > screen.height // 3)}


def front(screen: Screen) -> Screen:
    """The screen as a person can use it: when an app window floats over it (a dialog, a
    popup), that window and the system's. A phone leaves the window under a modal dialog
    out of its dump; other dumps keep it. The dump's order says nothing of what is in
    front (uiautomator2 gathers the windows in a hash set), so geometry decides."""
    floats = floating_windows(screen)
    if not floats:
        return screen
    kept = tuple(e for e in screen.elements if e.window in floats or e.window < 0 or is_chrome(e))
    return replace(screen, elements=kept)


def switch_context(screen: Screen, e: UIElement) -> str:
    """What a switch or checkbox is for: its description and the row it sits in (the smallest
    element around it, and the texts beside it on the same line)."""
    texts = [e.description] if e.description and e.description != e.text else []
    around = [o for o in screen.elements if o.id != e.id and o.label and not o.scrollable
              and o.bounds.contains(e.bounds.center) and o.bounds.area > e.bounds.area]
    if around:
        texts.append(min(around, key=lambda o: o.bounds.area).label)
    mid = e.bounds.center.y
    texts += [o.label for o in screen.elements if o.id != e.id and o.label and not o.actionable
              and o.bounds.top <= mid < o.bounds.bottom and o.bounds.right <= e.bounds.left
              and not is_chrome(o)]
    return " · ".join(dict.fromkeys(t for t in texts if t))


@dataclass
class View:
    screen: Screen
    sig: str
    matcher: GoalMatcher
    history: Sequence[PastStep]
    scored: list[Scored] = field(default_factory=list)
    nav_keys: frozenset[str] = frozenset()  # keys of elements found on most pages of the app
    modal: bool = False  # a dialog is on top
    resume: str = ""  # the page a finished sub-goal interrupted the task on: go back there

    def __post_init__(self) -> None:
        self.modal = bool(floating_windows(self.screen))
        self.screen = front(self.screen)
        texts = []
        pairs = []
        system_only = all(is_chrome(e) for e in self.screen.elements)
        for e in self.screen.elements:
            if is_chrome(e) and not system_only:  # a system dialog alone is the page
                continue
            if e.checkable:
                context = switch_context(self.screen, e)
            else:
                context = element_context(self.screen, e)
            pairs.append((e, context))
            texts.extend(t for t in (spoken_name(e), context) if t)
        self.matcher.prime(texts)
        self.scored = [  # a row showing another time than the item's is not it
            Scored(e, 0.0 if near_miss(self.matcher.goal, " ".join((e.label, c))) else
                   self.matcher.element(spoken_name(e), c), c, element_key(e))
            for e, c in pairs
        ]

    # what is on screen ----------------------------------------------------------------------

    def actionable(self) -> list[Scored]:
        return [s for s in self.scored if s.element.actionable and s.element.enabled]

    def is_nav(self, s: Scored) -> bool:
        """Navigation chrome (tabs, bars found on most pages) or the tab already selected."""
        return s.key in self.nav_keys or s.element.selected

    def content(self) -> list[Scored]:
        return [s for s in self.scored if not self.is_nav(s)]

    def last(self) -> PastStep | None:
        """The last step towards the goal: closing a dialog that popped up unasked is none
        (what the step before it did is still what the screen shows the effect of)."""
        steps = [p for p in self.history if not marked(p, Mark.DISMISS)]
        return steps[-1] if steps else None

    def last_marked(self, mark: Mark) -> bool:
        """The last step carries `mark`."""
        last = self.last()
        return last is not None and marked(last, mark)

    def best(self, items: Sequence[Scored]) -> Scored | None:
        return max(items, key=lambda s: (s.score, s.element.clickable), default=None)

    def shows(self, text: str, fields: bool = False) -> bool:
        """Some element (not a field, unless `fields`) shows all the words of `text`."""
        want = words(text)
        return bool(want) and any(
            want <= words(s.text) for s in self.scored if fields or not s.element.editable
        )

    def fields(self) -> list[UIElement]:
        return sorted(
            (e for e in self.screen.elements if e.editable and e.enabled and not is_chrome(e)),
            key=lambda e: (e.bounds.top, e.bounds.left),
        )

    # what the history says ------------------------------------------------------------------

    def here(self) -> list[PastStep]:
        """Past steps decided on this same page."""
        return [p for p in self.history if p.screen_signature == self.sig]

    def tap_count(self, element: UIElement) -> tuple[int, int]:
        """(times tapped on this page, of which with no visible change)."""
        total = unchanged = 0
        for step in self.here():
            if step.action is None or not _hits(step.action, element):
                continue
            total += 1
            unchanged += not step.changed
        return total, unchanged

    def refused(self, element: UIElement) -> bool:
        """The safety gate refused a tap on this element on this page: asking again would
        meet the same refusal."""
        return any(p.refused is not None and _hits(p.refused, element) for p in self.here())

    def refused_tap(self, action: Action) -> bool:
        """`action` taps an element (named by id) that the safety gate refused here before."""
        target = action.target if isinstance(action, Tap) else None
        return isinstance(target, ElementRef) and any(
            e.id == target.id and self.refused(e) for e in self.screen.elements)

    def tapped_point(self, point: Point, tolerance: int = 12) -> bool:
        for step in self.here():
            t = target_of(step.action) if step.action is not None else None
            if isinstance(step.action, Tap) and isinstance(t, Point) and (
                abs(t.x - point.x) <= tolerance and abs(t.y - point.y) <= tolerance
            ):
                return True
        return False

    def marked(self, mark: Mark) -> bool:
        """A step with this mark was carried out (a refused one was not)."""
        return any(marked(p, mark) and p.action is not None for p in self.history)

    def typed(self) -> list[str]:
        return [p.action.text for p in self.history if isinstance(p.action, TypeText)]

    def holds(self, element: UIElement) -> bool:
        """The element shows what is kept: a text, or a field's text that no step typed (the
        body of a note as it was saved), never a hint or words of ours."""
        return not element.editable or (bool(element.text) and element.text not in self.typed())


def _hits(action: object, element: UIElement) -> bool:
    if not isinstance(action, Tap):
        return False
    target = action.target
    if isinstance(target, ElementRef):
        return target.id == element.id
    return element.bounds.contains(target)
