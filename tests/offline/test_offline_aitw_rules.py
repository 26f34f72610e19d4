"""AitW action matching (android_in_the_wild/action_matching.py), one test per rule."""

import pytest

from automator.offline.metrics.aitw import (
    AitwAction,
    AitwType,
    actions_match,
    is_tap,
    taps_match,
    to_aitw,
)
from devices.actions import Direction, Point, Scroll, Tap
from perception.elements import Screen

pytestmark = pytest.mark.unit
TAP, OTHER_TAP = (0.5, 0.5), (0.52, 0.5)


def tap(y: float, x: float) -> AitwAction:
    return AitwAction(AitwType.DUAL_POINT, (y, x), (y, x))


def swipe(touch, lift) -> AitwAction:
    return AitwAction(AitwType.DUAL_POINT, touch, lift)


@pytest.mark.parametrize("official", [True, False])
def test_typed_text_is_never_compared(official):
    assert actions_match(AitwAction(AitwType.TYPE, text="bye"),
                         AitwAction(AitwType.TYPE, text="hello"), (), official)


@pytest.mark.parametrize("official", [True, False])
def test_non_gestures_match_on_type_alone(official):
    complete = AitwAction(AitwType.STATUS_TASK_COMPLETE)
    assert actions_match(complete, complete, (), official)
    assert not actions_match(complete, AitwAction(AitwType.STATUS_TASK_IMPOSSIBLE), (), official)
    assert not actions_match(AitwAction(AitwType.PRESS_BACK), tap(*TAP), (), official)


def test_a_gesture_is_a_tap_up_to_004_apart():
    assert is_tap((0.5, 0.5), (0.5, 0.53))
    assert not is_tap((0.5, 0.5), (0.5, 0.56))


def test_a_tap_never_matches_a_swipe_even_in_the_same_place():
    assert not actions_match(tap(0.5, 0.5), swipe((0.5, 0.5), (0.2, 0.5)), ())


@pytest.mark.parametrize("official", [True, False])
def test_taps_match_within_014(official):
    assert actions_match(tap(0.5, 0.5), tap(0.6, 0.58), (), official)  # 0.128 apart
    assert not actions_match(tap(0.5, 0.5), tap(0.6, 0.62), (), official)  # 0.156 apart


def test_official_taps_match_in_the_box_grown_by_14x_documented_only_in_the_box():
    # box y=x=0.1, h=w=0.1 grows to top/left 0.1 - 0.07 = 0.03 and size 0.24: [0.03, 0.27]
    box = ((0.1, 0.1, 0.1, 0.1),)
    a, b = (0.05, 0.05), (0.25, 0.25)  # 0.283 apart; both in the grown box, a not in the box
    assert taps_match(a, b, box, official=True)
    assert not taps_match(a, b, box, official=False)
    assert taps_match((0.12, 0.12), (0.19, 0.19), box, official=False)  # 0.099 apart anyway
    assert taps_match((0.11, 0.11), (0.2, 0.2), ((0.1, 0.1, 0.1, 0.1),), official=False)


def test_box_containment_is_inclusive():
    # the corners of the box (y 0.25-0.35, x 0.3-0.4) are 0.141 apart: only the box joins them
    box = ((0.25, 0.3, 0.1, 0.1),)
    assert taps_match((0.25, 0.3), (0.35, 0.4), box, official=False)
    assert not taps_match((0.25, 0.3), (0.3501, 0.4), box, official=False)


def test_a_box_clipped_at_the_top_keeps_its_full_grown_height():
    # y=0.02, h=0.1: top max(0, 0.02 - 0.07) = 0, height 0.24 -> bottom 0.24, not 0.19
    box = ((0.02, 0.45, 0.1, 0.1),)
    assert taps_match((0.05, 0.5), (0.22, 0.5), box, official=True)  # 0.17 apart


def test_swipes_match_on_the_main_axis_whatever_their_sign():
    up, down = swipe((0.8, 0.5), (0.2, 0.5)), swipe((0.2, 0.5), (0.8, 0.5))
    right = swipe((0.5, 0.2), (0.5, 0.8))
    assert actions_match(up, down, ())
    assert not actions_match(up, right, ())


def test_official_arithmetic_is_float32():
    # |0.158 - 0.018| is 0.14 in float64 but 0.14000002 > float32(0.14) in float32
    assert not actions_match(tap(0.018, 0.5), tap(0.158, 0.5), (), official=True)
    assert actions_match(tap(0.018, 0.5), tap(0.158, 0.5), (), official=False)
    # |0.058 - 0.018| is a tap in float32 (<= 0.04) and a swipe in float64
    assert is_tap((0.018, 0.5), (0.058, 0.5), official=True)
    assert not is_tap((0.018, 0.5), (0.058, 0.5), official=False)


def test_points_become_y_x_in_0_1():
    screen = Screen(1000, 2000, ())
    assert to_aitw(Tap(Point(100, 300)), screen).touch == (0.15, 0.1)


def test_our_scroll_down_is_a_finger_moving_up():
    screen = Screen(1000, 2000, ())
    action = to_aitw(Scroll(Direction.DOWN), screen)
    assert action.type == AitwType.DUAL_POINT and action.touch[0] > action.lift[0]
    assert action.touch[1] == action.lift[1]
