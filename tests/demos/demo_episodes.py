"""What the viewer and export tests record: a scripted episode with every kind of action and
markup in everything a page shows; and the browser check."""

from __future__ import annotations

import importlib.util
import os
from collections.abc import Sequence
from pathlib import Path

import pytest

from devices.actions import (
    Direction,
    ElementRef,
    Finish,
    FinishStatus,
    Key,
    LongPress,
    OpenApp,
    Point,
    PressKey,
    Scroll,
    Swipe,
    Tap,
    TypeText,
)  # fmt: skip
from perception.elements import Screen
from planners.errors import ParseError
from planners.planner import Decision, PastStep

SUITE = Path(__file__).resolve().parents[2] / "datasets" / "tasks" / "virtual-phone" / "dev"
MARKUP = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">'
HOSTILE_STEPS = 9  # steps of the hostile episode, the planner's mistake and finish included


def _id(screen: Screen, label: str) -> ElementRef:
    return ElementRef(next(e.id for e in screen.elements if e.label.startswith(label)))


def _field(screen: Screen) -> ElementRef:
    return ElementRef(next(e.id for e in screen.elements if e.editable))


PLAN = [  # one per step: the screen -> what the planner says
    lambda s: Decision(OpenApp("Notes"), thought=f"open the notes {MARKUP}"),
    lambda s: Decision(Tap(_id(s, "New note")), thought="a new note"),
    lambda s: Decision(TypeText(MARKUP, _field(s)), thought="type the title"),
    lambda s: ParseError(f"no action in {MARKUP}", raw=f"reply {MARKUP}"),
    lambda s: Decision(PressKey(Key.BACK), thought="back to the list"),
    lambda s: Decision(Scroll(Direction.DOWN), thought="look further down"),
    lambda s: Decision(Swipe(Point(540, 1600), Point(540, 900)), thought="swipe up"),
    lambda s: Decision(LongPress(_field(s)), thought="hold the field"),
    lambda s: Decision(Finish(FinishStatus.SUCCESS, answer=f"done {MARKUP}"), thought="done"),
]


def hostile_script(goal: str, screen: Screen, history: Sequence[PastStep]) -> Decision | None:
    item = PLAN[len(history)](screen) if len(history) < len(PLAN) else None
    if isinstance(item, Exception):
        raise item
    return item


def need_browser() -> None:
    """Skip without Playwright or Chromium, with the reason; fail instead where CI
    installed them (AUTOMATOR_REQUIRE_BROWSER=1)."""
    from devices.browser import find_chromium

    reason = None
    if importlib.util.find_spec("playwright") is None:
        reason = "the viewer's page tests need the Python package playwright (setup.sh)"
    elif find_chromium() is None:
        reason = "the viewer's page tests need Chromium: the Debian package chromium (setup.sh)"
    if reason and os.environ.get("AUTOMATOR_REQUIRE_BROWSER") == "1":
        pytest.fail(reason)
    if reason:
        pytest.skip(reason)
