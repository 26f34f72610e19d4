"""A phone call asked for in everyday words presses the page's call control, where the
person named is shown; words near a call (a message, a ringtone, an alarm that rings) never
do. The requests and screens are our own."""

import pytest

from devices.actions import Tap
from perception.elements import Bounds
from planners.embedded import EmbeddedPlanner
from planners.embedded.calls import asks_call
from planners.embedded.goal import parse_goal
from planners.embedded.memory import signature_of
from planners.embedded.scoring import GoalMatcher
from planners.embedded.view import View
from tests.embedded.screens import el, screen

pytestmark = pytest.mark.slow


def _person(name: str = "Otto Brandt"):
    """A person's page: the name, the acts on them, their number and address."""
    return screen(
        el(0, "button", "", 100, clickable=True, description="Navigate up",
           bounds=Bounds(0, 100, 140, 220)),
        el(1, "text", name, 300),
        el(2, "button", "Call", 500, clickable=True, bounds=Bounds(0, 500, 360, 640)),
        el(3, "button", "Message", 500, clickable=True, bounds=Bounds(360, 500, 720, 640)),
        el(4, "button", "Video", 500, clickable=True, bounds=Bounds(720, 500, 1080, 640),
           description="Start video chat"),
        el(5, "text", "555-0142", 700), el(6, "text", "Mobile", 760, height=60),
        el(7, "text", "otto@example.com", 900), el(8, "text", "Email", 960, height=60),
        app="com.example.people")


def _asks(request: str, encoder) -> bool:
    goal = parse_goal(request, encoder)
    return asks_call(goal, View(_person(), signature_of(_person()),
                                GoalMatcher(goal, encoder), []))


@pytest.mark.parametrize("request_", [
    "ring Otto", "give Otto Brandt a ring", "phone Otto for me", "give Otto a call",
])
def test_a_call_in_everyday_words_is_placed(encoder, request_):
    assert _asks(request_, encoder)
    decision = EmbeddedPlanner(encoder=encoder).decide(request_, _person(), [])
    assert decision.action == Tap(target=decision.action.target)
    assert decision.action.target.id == 2, decision.thought


@pytest.mark.parametrize("request_", [
    "text Otto that I'm late", "give Otto his own ringtone", "ring the doorbell",
    "make the alarm ring at 7", "open Otto",
])
def test_words_near_a_call_ask_for_none(encoder, request_):
    assert not _asks(request_, encoder)


def test_a_call_is_placed_only_where_the_person_is_shown(encoder):
    decision = EmbeddedPlanner(encoder=encoder).decide("ring Wilma", _person(), [])
    assert not (isinstance(decision.action, Tap) and decision.action.target.id == 2)


def test_a_call_is_placed_only_to_the_whole_name_given(encoder):
    decision = EmbeddedPlanner(encoder=encoder).decide("ring Otto Brandt", _person("Otto"), [])
    assert not (isinstance(decision.action, Tap) and decision.action.target.id == 2)
    assert "555-0142" not in decision.thought, decision.thought


def test_the_button_that_says_call_before_the_number(encoder):
    decision = EmbeddedPlanner(encoder=encoder).decide("phone Otto for me", _person(), [])
    assert decision.action.target.id == 2, decision.thought
