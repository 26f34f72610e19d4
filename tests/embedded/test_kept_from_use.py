"""Keeping someone from a use of a thing ("keep the games from reaching my microphone") is
an order to switch that thing off."""

import pytest

from planners.embedded.goal import Intent, parse_goal

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(("text", "thing"), [
    ("keep the games from reaching my microphone", "microphone"),
    ("please block websites from reading the camera", "camera"),
    ("Would you prevent the widgets from tracking my whereabouts?", "whereabouts"),
])
def test_a_use_kept_from_is_a_switch_turned_off(text, thing):
    goal = parse_goal(text)
    assert (goal.intent, goal.desired) == (Intent.TOGGLE, False), goal
    assert thing in goal.target

