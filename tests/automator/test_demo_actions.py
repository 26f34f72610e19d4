"""What a person's gestures and words mean in the action vocabulary."""

from __future__ import annotations

import re

import pytest

from automator.demo_actions import gesture_action, nav_key, parse_ending
from devices.actions import Direction, Finish, FinishStatus, Key, Point, PressKey, Scroll, Swipe
from devices.gestures import swipe_scroll
from devices.touch_reading import Gesture, GestureKind
from perception.elements import Bounds, Screen, UIElement

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(("line", "expected"), [
    ("done", Finish(FinishStatus.SUCCESS)),
    ("  Done \n", Finish(FinishStatus.SUCCESS)),
    ("answer Anna Schmidt", Finish(FinishStatus.SUCCESS, "Anna Schmidt")),
    ("infeasible there is no such setting", Finish(FinishStatus.INFEASIBLE,
                                                   "there is no such setting")),
    ("infeasible", Finish(FinishStatus.INFEASIBLE)),
])  # fmt: skip
def test_closing_words(line, expected):
    assert parse_ending(line) == expected


@pytest.mark.parametrize("line", ["answer", "finished", "", "yes done"])
def test_other_words_say_what_is_accepted(line):
    with pytest.raises(ValueError, match=re.escape("done | answer TEXT | infeasible REASON")):
        parse_ending(line)


def _swipe(x1, y1, x2, y2, pointer="finger"):
    return Gesture(GestureKind.SWIPE, Point(x1, y1), Point(x2, y2), 300, 0.0, pointer=pointer)


@pytest.mark.parametrize(("finger", "direction"), [
    ((500, 1500, 520, 600), Direction.DOWN), ((500, 600, 480, 1500), Direction.UP),
    ((900, 800, 100, 820), Direction.RIGHT), ((100, 800, 900, 780), Direction.LEFT),
])  # fmt: skip
def test_a_swipe_names_what_comes_into_view(finger, direction):
    swipe = _swipe(*finger)
    assert swipe_scroll(swipe.start, swipe.end) == direction


LIST = UIElement(0, "list", Bounds(0, 300, 1080, 2200), resource_id="app:id/list",
                 scrollable=True)
BACK = UIElement(1, "image_button", Bounds(120, 2274, 360, 2400), description="Back",
                 resource_id="com.android.systemui:id/back", package="com.android.systemui",
                 clickable=True)
SCREEN = Screen(1080, 2400, (LIST, BACK))


def test_a_finger_in_a_list_scrolls_but_a_mouse_drags():
    action, element = gesture_action(_swipe(540, 1800, 540, 800), SCREEN)
    assert action == Scroll(Direction.DOWN, Point(540, 1800)) and element == LIST
    action, _ = gesture_action(_swipe(540, 1800, 540, 800, "mouse"), SCREEN)
    assert action == Swipe(Point(540, 1800), Point(540, 800), 300)


def test_the_navigation_bar_buttons_are_keys():
    tap = Gesture(GestureKind.TAP, Point(240, 2337), Point(240, 2337), 60, 0.0)
    assert gesture_action(tap, SCREEN) == (PressKey(Key.BACK), BACK)
    assert nav_key(LIST) is None
