"""A scroll's finger path and the scroll a finger's path makes are inverses."""

import pytest

from devices.actions import Direction, Point
from devices.gestures import finger_direction, scroll_swipe, swipe_scroll

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("direction", list(Direction))
@pytest.mark.parametrize("center", [None, Point(100, 2200), Point(1000, 40)])
def test_the_scroll_of_a_scrolls_finger_path_is_that_scroll(direction, center):
    start, end = scroll_swipe(direction, center, (1080, 2400))
    assert swipe_scroll(start, end) == direction
    assert finger_direction(start, end) != direction  # the finger moves the other way


def test_a_diagonal_counts_on_its_main_axis_and_a_tie_as_vertical():
    assert finger_direction(Point(0, 0), Point(300, 100)) == Direction.RIGHT
    assert finger_direction(Point(0, 0), Point(100, -100)) == Direction.UP
