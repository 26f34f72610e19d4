"""The value a question asks for is the one keyed by the head of its noun phrase; a phrase
after "for" or "of" names whose value it is, and a number written beside that word is
another value. The requests and screens are our own."""

import pytest

from devices.actions import Finish
from planners.embedded import EmbeddedPlanner
from planners.embedded.goal import parse_goal
from planners.embedded.pairs import asked_head
from tests.embedded.screens import el, screen

pytestmark = pytest.mark.slow


def _note(title: str, body: str):
    return screen(el(0, "button", "", 100, clickable=True, description="Navigate up"),
                  el(1, "input", title, 280, editable=True, clickable=True, hint="Title"),
                  el(2, "input", body, 440, height=480, editable=True, clickable=True,
                     hint="Note"), app="com.example.jotter")


@pytest.mark.parametrize(("asked", "head"), [
    ("what is the combination of my bike shed?", {"combination"}),
    ("what is the alarm code of the boat house", {"code"}),
    ("tell me the wifi password", {"password"}),
])
def test_the_head_is_said_before_whose_value_it_is(encoder, asked, head):
    assert asked_head(parse_goal(asked, encoder)) == head


@pytest.mark.parametrize(("body", "value"), [
    ("Combination 4-19-33, shed 27", "4-19-33"),
    ("Shed 27. Combination: 4-19-33", "4-19-33"),
])
def test_the_number_of_whose_value_it_is_is_not_the_answer(encoder, body, value):
    planner = EmbeddedPlanner(encoder=encoder)
    decision = planner.decide("what is the combination of my bike shed?",
                              _note("Bike shed", body), [])
    assert decision.action == Finish(answer=value)
