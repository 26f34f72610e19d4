"""A question that asks how far something goes ("how bright", "how warm") asks for a level:
a number or a percentage, never a price, a time or an address. What it says of the moment
("right now", "currently") and of the thing's being set names no part of the thing."""

import pytest

from planners.embedded import AppMemory, EmbeddedPlanner
from planners.embedded.goal import parse_goal
from planners.embedded.memory import signature_of
from planners.embedded.objects import target
from planners.embedded.reading import answer, fits_kind
from planners.embedded.view import View
from tests.embedded.screens import el, screen


@pytest.mark.unit
@pytest.mark.parametrize("question, words", [
    ("how warm is the thermostat set currently?", "warm thermostat"),
    ("what is the kitchen timer set for right now?", "kitchen timer"),
    ("which font size is the reader set to at present?", "font size reader"),
])
def test_the_moment_and_being_set_name_no_part_of_the_thing_asked(question, words):
    assert target(question, []) == words


@pytest.mark.unit
def test_whether_a_thing_is_set_keeps_the_state_asked():  # a guard
    assert "set" in target("is the porch alarm set?", []).split()


@pytest.mark.unit
@pytest.mark.parametrize("question, value, fits", [
    ("how bright is the desk lamp?", "$24.00", False),
    ("how bright is the desk lamp?", "40%", True),
    ("how warm is the bedroom heater?", "7:45 AM", False),
    ("how much is the desk lamp?", "$24.00", True),  # a guard: money is asked
])
def test_a_level_is_no_price_and_no_time(question, value, fits):
    assert fits_kind(parse_goal(question), value) is fits


def display():
    """A settings page: each slider's name over its level."""
    return screen(el(0, "text", "Display", 0, height=120),
                  el(1, "text", "Font size", 200, height=70),
                  el(2, "text", "90%", 270, height=60),
                  el(3, "slider", "Font size", 330, height=120, clickable=True,
                     description="Font size"),
                  el(4, "text", "Brightness", 500, height=70),
                  el(5, "text", "40%", 570, height=60),
                  el(6, "slider", "Brightness", 630, height=120, clickable=True,
                     description="Brightness"),
                  app="com.example.settings")


@pytest.mark.slow
def test_how_bright_is_read_off_the_brightness_row(encoder):  # a guard
    question = "how bright is my screen set currently?"
    state = EmbeddedPlanner(AppMemory(), encoder=encoder)._state(question)
    page = display()
    decision = answer(state.goal, View(page, signature_of(page), state.matcher, []),
                      at_best_page=True)
    assert decision is not None and decision.action.answer == "40%"
