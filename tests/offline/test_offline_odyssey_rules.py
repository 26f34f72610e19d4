"""GUI-Odyssey's action matching (GUIOdyssey_action_matching.py, format_converter.py)."""

import pytest

from automator.offline.metrics.odyssey import (
    OdysseyAction,
    actions_match,
    click_matches,
    decode,
    text_matches,
    to_odyssey,
)
from devices.actions import Direction, LongPress, Point, Scroll, Tap
from perception.elements import Screen

pytestmark = pytest.mark.unit


def test_key_clicks_become_presses_and_text_becomes_type():
    assert decode("CLICK", "KEY_HOME").action == "PRESS_HOME"
    assert decode("LONG_PRESS", "KEY_BACK").action == "PRESS_BACK"
    assert decode("CLICK", "KEY_APPSELECT").action == "PRESS_RECENT"
    assert decode("TEXT", "pizza") == OdysseyAction("TYPE", info="pizza")
    assert decode("INCOMPLETE", None).action == "IMPOSSIBLE"
    assert decode("CLICK", [[120, 880]]).point == (120.0, 880.0)


def test_a_scroll_is_named_by_the_finger_on_its_longer_axis():
    assert decode("SCROLL", [[500, 800], [500, 200]]).info == "UP"
    assert decode("SCROLL", [[800, 500], [200, 450]]).info == "LEFT"
    assert decode("SCROLL", [[500, 500], [600, 400]]).info == "UP"  # a tie is vertical


def test_a_click_hits_inside_sam2_bbox_inclusive_or_within_014():
    assert click_matches((100, 100), (600, 900), (500, 800, 600, 900))  # far, on the box edge
    assert click_matches((100, 100), (200, 190), None)  # 0.1345
    assert not click_matches((100, 100), (200, 210), None)  # 0.1487


def test_type_text_by_substring_or_similarity_at_least_half():
    assert text_matches(" pizza near me ", "pizza")
    assert text_matches("abcd", "abxy")  # 1 - 2/4 = 0.5
    assert not text_matches("abcd", "axyz")  # 1 - 3/4
    assert not text_matches("ABC", "abc")  # case-sensitive: 1 - 3/3
    assert text_matches("anything", "")  # an empty prediction is in any text


def test_scroll_direction_is_case_insensitive_and_others_match_on_type():
    assert actions_match(OdysseyAction("SCROLL", info="up"), OdysseyAction("SCROLL", info="UP"),
                         None)
    assert actions_match(OdysseyAction("COMPLETE"), OdysseyAction("COMPLETE"), None)
    assert not actions_match(OdysseyAction("IMPOSSIBLE"), OdysseyAction("COMPLETE"), None)
    assert not actions_match(OdysseyAction("CLICK", (1, 1)), OdysseyAction("LONG_PRESS", (1, 1)),
                             None)


def test_ours_become_x_y_in_0_1000_and_finger_directions():
    screen = Screen(1080, 2400, ())
    assert to_odyssey(Tap(Point(540, 600)), screen).point == (500, 250)
    assert to_odyssey(LongPress(Point(0, 0)), screen).action == "LONG_PRESS"
    assert to_odyssey(Scroll(Direction.DOWN), screen).info == "UP"
