"""People and messages: a new message is started by a button that makes a message, a
compose page's fields are told apart by who and what, and a person is opened by the whole
name the request gives."""

import pytest

from devices.actions import ElementRef, Tap
from planners.embedded import acts, forms, sending
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


def _new_conversation(*more):
    return screen(el(0, "text", "New conversation", 0, height=120),
                  el(1, "input", "", 200, hint="Type name, phone number, or email",
                     editable=True, clickable=True), *more, app="com.example.sms")


def test_what_a_message_says_never_goes_where_its_recipient_is_chosen(encoder):
    goal, view = _view("send a text saying 'porch light is on'", _new_conversation(), encoder)
    decision = forms.fill_form(goal, view)
    assert decision is None or decision.action.target != ElementRef(1)


def test_what_a_message_says_goes_into_the_field_for_it(encoder):
    body = el(2, "input", "", 2200, hint="Write something", editable=True, clickable=True)
    goal, view = _view("send a text saying 'porch light is on'", _new_conversation(body),
                       encoder)
    decision = forms.fill_form(goal, view)
    assert decision is not None and decision.action.target == ElementRef(2)


def _people(*names):
    rows = [el(i + 2, "button", n, 300 + 170 * i, clickable=True) for i, n in enumerate(names)]
    return screen(el(0, "text", "People", 0, height=120),
                  el(1, "list", "", 250, height=1800, scrollable=True), *rows,
                  app="com.example.people")


def test_a_person_is_not_opened_by_part_of_the_name_given(encoder):
    goal, view = _view("phone Auntie Mags for me", _people("Auntie", "Uncle Bert"), encoder)
    assert acts.open_entity(goal, view) is None


def test_a_person_is_opened_by_the_whole_name_given(encoder):
    goal, view = _view("phone Auntie Mags for me", _people("Auntie", "Auntie Mags"), encoder)
    decision = acts.open_entity(goal, view)
    assert decision is not None and decision.action == Tap(ElementRef(3))
