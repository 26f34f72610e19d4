"""Our own recordings: the executed action is the truth."""

import pytest

from automator.offline.metrics.ours import actions_match
from devices.actions import (
    Direction,
    Finish,
    FinishStatus,
    Point,
    Scroll,
    Swipe,
    Tap,
    TypeText,
)
from perception.elements import Bounds, Screen, UIElement

pytestmark = pytest.mark.unit
ROW = UIElement(0, "view", Bounds(0, 100, 1080, 300), clickable=True)
LABEL = UIElement(1, "text", Bounds(40, 150, 400, 250), text="Wi-Fi")
SCREEN = Screen(1080, 2400, (ROW, LABEL))


def test_a_tap_is_right_anywhere_on_the_actionable_element_under_the_truth():
    truth = Tap(Point(100, 200))  # on the label, inside the clickable row
    assert actions_match(Tap(Point(1000, 120)), truth, SCREEN)
    assert not actions_match(Tap(Point(1000, 400)), truth, SCREEN)


def test_where_no_element_holds_the_truth_a_tap_must_be_near():
    truth = Tap(Point(500, 1200))
    assert actions_match(Tap(Point(520, 1250)), truth, SCREEN)
    assert not actions_match(Tap(Point(500, 1400)), truth, SCREEN)


def test_scroll_swipe_text_and_finish_rules():
    assert actions_match(Scroll(Direction.DOWN), Scroll(Direction.DOWN), SCREEN)
    assert not actions_match(Scroll(Direction.UP), Scroll(Direction.DOWN), SCREEN)
    up = Swipe(Point(500, 2000), Point(500, 500))
    assert actions_match(Swipe(Point(10, 900), Point(10, 100)), up, SCREEN)
    assert actions_match(TypeText(" Hello  World"), TypeText("hello world"), SCREEN)
    assert not actions_match(Finish(FinishStatus.INFEASIBLE), Finish(), SCREEN)
    assert not actions_match(None, Finish(), SCREEN)
