"""AndroidControl step matching as OS-Atlas and UI-TARS state it (no official script)."""

import pytest

from automator.offline.metrics.androidcontrol import actions_match, parse, to_control
from devices.actions import Direction, OpenApp, Point, Scroll, Swipe, TypeText
from perception.elements import Screen

pytestmark = pytest.mark.unit
W, H = 1080, 2400


def test_a_click_is_right_within_014_of_the_screen():
    truth = parse({"action_type": "click", "x": 540, "y": 1200})
    near = parse({"action_type": "click", "x": 540 + 0.1 * W, "y": 1200 + 0.09 * H})  # 0.1345
    far = parse({"action_type": "click", "x": 540 + 0.1 * W, "y": 1200 + 0.1 * H})  # 0.1414
    assert actions_match(near, truth, W, H) and not actions_match(far, truth, W, H)
    assert not actions_match(parse({"action_type": "long_press", "x": 540, "y": 1200}), truth,
                             W, H)


def test_type_and_input_text_are_one_type_with_the_same_text():
    truth = parse({"action_type": "type", "x": 10, "y": 10, "text": "Pizza "})
    assert actions_match(parse({"action_type": "input_text", "text": "pizza"}), truth, W, H)
    assert not actions_match(parse({"action_type": "input_text", "text": "pizz"}), truth, W, H)


def test_scroll_directions_name_the_content_as_ours_do():
    screen = Screen(W, H, ())
    truth = parse({"action_type": "scroll", "direction": "down"})
    assert actions_match(to_control(Scroll(Direction.DOWN), screen), truth, W, H)
    finger_up = Swipe(Point(540, 2000), Point(540, 400))
    assert actions_match(to_control(finger_up, screen), truth, W, H)
    assert not actions_match(to_control(Scroll(Direction.UP), screen), truth, W, H)


def test_open_app_compares_the_name_and_navigation_the_type():
    screen = Screen(W, H, ())
    truth = parse({"action_type": "open_app", "app_name": "Clock"})
    assert actions_match(to_control(OpenApp("clock"), screen), truth, W, H)
    assert not actions_match(to_control(OpenApp("Calendar"), screen), truth, W, H)
    back = parse({"action_type": "navigate_back"})
    assert actions_match(back, back, W, H)
    assert to_control(TypeText("x"), screen).action_type == "input_text"
