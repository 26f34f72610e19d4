"""Values written without a colon, as people jot them in a note or a sender writes them in
a message ("PIN 2291", "your login code is 5521"), are read by the head noun of
what is asked; and a question whose words the screen in front shows is never ruled out as
matching nothing. The requests and screens are our own."""

import pytest

from devices.actions import Finish
from planners.embedded import EmbeddedPlanner, endings
from planners.embedded.goal import parse_goal
from planners.embedded.memory import signature_of
from planners.embedded.scoring import GoalMatcher
from planners.embedded.view import View
from tests.embedded.screens import el, screen

pytestmark = pytest.mark.slow


def _note(body: str):
    """A note's own page: its title, then its body as one field of several lines."""
    return screen(el(0, "button", "", 100, clickable=True, description="Navigate up"),
                  el(1, "input", "Gym bag", 280, editable=True, clickable=True, hint="Title"),
                  el(2, "input", body, 440, height=480, editable=True, clickable=True,
                     hint="Note"), app="com.example.jotter")


def _inbox():
    """A list of conversations, newest first; their previews run on past one line."""
    return screen(
        el(0, "text", "Chats", 100),
        el(1, "button", "40404", 260, height=200, clickable=True,
           description="Your login code is 5521. Valid for 5 minutes, tell no one. | 9:02 AM"),
        el(2, "button", "Courier Co", 460, height=200, clickable=True,
           description="Parcel 880231 is on its way to you. | 8:40 AM"),
        el(3, "button", "Ada Lovelace", 660, height=200, clickable=True,
           description="See you at 7 then | Yesterday"),
        app="com.example.chat")


@pytest.mark.parametrize(("body", "value"), [
    ("Shelf 4\nPIN 2291", "2291"),
    ("PIN is 80-13. Spare card in the side pocket", "80-13"),
])
def test_a_value_jotted_after_its_key_is_read(encoder, body, value):
    planner = EmbeddedPlanner(encoder=encoder)
    asked = "What is the PIN from my Gym bag note?"
    planner._lookups.add(asked)  # read to be sent elsewhere: the strictest reading
    assert planner.decide(asked, _note(body), []).action == Finish(answer=value)


def test_the_number_beside_another_word_is_not_the_value(encoder):
    planner = EmbeddedPlanner(encoder=encoder)
    asked = "What is the PIN from my Gym bag note?"
    planner._lookups.add(asked)
    decision = planner.decide(asked, _note("Shelf 4\nOil the lock in spring"), [])
    assert decision.action != Finish(answer="4")


def test_a_code_in_a_preview_is_read_by_its_words(encoder):
    decision = EmbeddedPlanner(encoder=encoder).decide("what's the login code I got?",
                                                       _inbox(), [])
    assert decision.action == Finish(answer="5521")


def test_a_question_the_screen_words_is_not_ruled_out(encoder):
    goal = parse_goal("what's the login code I got?", encoder)
    view = View(_inbox(), signature_of(_inbox()), GoalMatcher(goal, encoder), [])
    assert endings.matches_nothing(goal, 0.2, 0.55, view) is None
    order = parse_goal("switch on the login vault", encoder)  # words no screen shows
    elsewhere = View(_note("Shelf 4"), signature_of(_note("Shelf 4")),
                     GoalMatcher(order, encoder), [])
    assert endings.matches_nothing(order, 0.2, 0.55, elsewhere) is not None
