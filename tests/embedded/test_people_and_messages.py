"""People and messages: a new message is started by a button that makes a message, a
compose page's fields are told apart by who and what, and a person is opened by the whole
name the request gives."""

import pytest

from devices.actions import ElementRef, Tap
from planners.embedded import sending
from planners.embedded.goal import parse_goal
from planners.embedded.memory import signature_of
from planners.embedded.scoring import GoalMatcher
from planners.embedded.view import View
from tests.embedded.screens import el, screen

pytestmark = pytest.mark.slow


def _view(goal: str, shown, encoder, history=()):
    parsed = parse_goal(goal, encoder)
    return parsed, View(shown, signature_of(shown), GoalMatcher(parsed, encoder), list(history))


def _page_with(button: str):
    return screen(el(0, "text", "Inbox", 0, height=120),
                  el(1, "button", button, 2100, clickable=True), app="com.example.jot")


def test_a_button_that_makes_another_kind_of_item_starts_no_message(encoder):
    goal, view = _view("text Wendell 'the van is parked out back'", _page_with("New note"),
                       encoder)
    assert sending.press_new(goal, view) is None


@pytest.mark.parametrize("label", ["New conversation", "Start chat", "Compose"])
def test_a_button_that_makes_a_message_starts_one(encoder, label):
    goal, view = _view("text Wendell 'the van is parked out back'", _page_with(label), encoder)
    decision = sending.press_new(goal, view)
    assert decision is not None and decision.action == Tap(ElementRef(1))
