"""AITZ's ActionEvaluator (IMNearth/CoAT coat/evaluate.py), one test per rule, with the
script's departures (`official`) next to what it means to measure (`documented`)."""

import pytest

from automator.offline.metrics.aitz import (
    AitzAction,
    AitzTruth,
    action_type,
    click_matches,
    exact_match,
    parse_truth,
    text_matches,
    to_aitz,
)
from automator.offline.metrics.common import indel_ratio
from devices.actions import Direction, Finish, FinishStatus, Scroll, Swipe, Tap
from devices.actions import Point as P
from perception.elements import Screen

pytestmark = pytest.mark.unit


def truth(description: str, text: str = "", touch=(-1, -1), nodes=(), aitw_type=4) -> AitzTruth:
    return parse_truth(description, text, touch, nodes, aitw_type)


def test_the_type_is_the_first_word_of_the_description():
    assert action_type("click") == "click" and action_type("Press") == "press"
    assert action_type("input") == "type" and action_type("types") == "type"
    assert truth("scroll up").action.direction == "up"
    assert truth("stop and set the query as completed").action.type == "stop"
    assert action_type("tap") is None


def test_the_button_is_the_first_of_enter_back_home_named():
    assert truth("press the back button").action.button == "back"
    assert truth("press enter to go home").action.button == "enter"


def test_a_type_match_is_the_same_type_only():
    gt = truth("scroll down")
    assert not exact_match(AitzAction("scroll", direction="up"), gt)
    assert not exact_match(AitzAction("click", box=(0, 0, 10, 10)), gt)


def test_official_clicks_are_scored_against_the_point_0_0():
    # the GT touch is (150, 150); a box on it misses, a box at the top-left corner hits
    gt = truth("click on the thing", touch=(150, 150))
    on_target, corner = AitzAction("click", box=(100, 100, 200, 200)), AitzAction(
        "click", box=(0, 0, 50, 20))
    assert not exact_match(on_target, gt, official=True)
    assert exact_match(on_target, gt, official=False)
    assert exact_match(corner, gt, official=True)
    assert not exact_match(corner, gt, official=False)


def test_a_click_hits_inside_the_predicted_box_grown_12x():
    # (100, 100, 200, 200) grows to (90, 90, 210, 210), edges inclusive
    assert click_matches((100, 100, 200, 200), (210, 150), ())
    assert not click_matches((100, 100, 200, 200), (211, 150), ())


def test_a_click_hits_through_an_annotated_box_with_iou_over_05():
    node = (100.0, 100.0, 200.0, 200.0)  # grown (90, 90, 210, 210) holds the point (95, 150)
    # grown prediction (100, 90, 220, 210): IoU 13200 / 15600 = 0.85; point not inside it
    assert click_matches((110, 100, 210, 200), (95, 150), (node,))
    # grown prediction (150, 90, 270, 210): IoU 7200 / 21600 = 0.33
    assert not click_matches((160, 100, 260, 200), (95, 150), (node,))
    assert not click_matches(None, (95, 150), (node,))


def test_official_text_is_case_sensitive():
    assert not text_matches("Hello", "hello world", official=True)  # ratio 8/16 = 0.5
    assert text_matches("Hello", "hello world", official=False)


def test_official_empty_text_matches_anything():
    assert text_matches("", "send it now", official=True)
    assert not text_matches("", "send it now", official=False)
    assert text_matches("", "", official=False)


def test_text_matches_by_substring_or_ratio_strictly_over_08():
    assert text_matches("weather", "weather in paris")
    assert text_matches("weather in paris", "weather")
    assert text_matches("colour", "color")  # ratio 10/11
    assert not text_matches("abcde", "abcdf")  # ratio 8/10, not more than 0.8


def test_the_ratio_is_levenshtein_ratio():
    assert indel_ratio("kitten", "sitting") == pytest.approx(0.6153846, abs=1e-7)
    assert indel_ratio("", "") == 1.0 and indel_ratio("a", "") == 0.0


def test_official_stop_ignores_complete_vs_impossible():
    gt = truth("stop and set the query as completed", aitw_type=10)
    impossible = AitzAction("stop", status="impossible")
    assert exact_match(impossible, gt, official=True)
    assert not exact_match(impossible, gt, official=False)
    assert exact_match(AitzAction("stop", status="complete"), gt, official=False)


def test_scroll_words_name_the_finger_and_ours_the_content():
    screen = Screen(270, 600, ())
    assert to_aitz(Scroll(Direction.DOWN), screen, ()).direction == "up"
    assert to_aitz(Swipe(P(100, 500), P(100, 50)), screen, ()).direction == "up"
    assert to_aitz(Finish(FinishStatus.FAILURE), screen, ()).status == "impossible"


def test_a_point_is_scored_as_the_smallest_annotated_box_holding_it():
    screen = Screen(270, 600, ())
    nodes = ((0.0, 0.0, 270.0, 600.0), (10.0, 10.0, 50.0, 40.0))
    assert to_aitz(Tap(P(20, 20)), screen,
                   nodes).box == nodes[1]
    assert to_aitz(Tap(P(5, 500)), screen,
                   nodes[1:]).box == (5, 500, 5, 500)
