"""A value goes where the request puts it: never over the content of an item nobody asked to
change, and a switch named without a state is turned on, never off."""

import pytest

from devices.actions import ElementRef, Tap, TypeText
from planners.embedded import EmbeddedPlanner
from planners.embedded.view import field_name
from tests.embedded import screens as S

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def planner(encoder) -> EmbeddedPlanner:
    return EmbeddedPlanner(encoder=encoder)


def test_lines_of_content_do_not_name_a_field():
    body = S.el(1, "input", "Router: Attic Key: plum-4471", 300, editable=True)  # lines joined
    hint_as_text = S.el(2, "input", "Search recipes", 100, editable=True)
    assert field_name(body) == ""
    assert field_name(hint_as_text) == "Search recipes"


def test_a_value_is_not_typed_over_a_note_that_mentions_its_field(planner):
    note = S.screen(
        S.el(0, "input", "Attic router", 100, editable=True, clickable=True),
        S.el(1, "input", "Network: Attic Password: plum-4471", 300, height=400,
             editable=True, clickable=True),
        app="com.example.jotter",
    )
    decision = planner.decide("Join the Loft Wi-Fi; the password is hazel-19",
                              note, [])
    assert not (isinstance(decision.action, TypeText)
                and decision.action.target == ElementRef(1))


def sync(on: bool):
    return S.screen(
        S.el(0, "text", "Accounts", 0),
        S.el(1, "text", "Back up photos automatically", 300),
        S.el(2, "switch", "", 300, checkable=True, checked=on, clickable=True,
             description="Back up photos automatically"),
        app="com.example.gallery",
    )


def test_a_switch_named_without_a_state_is_turned_on(planner):
    assert planner.decide("back up photos automatically", sync(False), []).action == Tap(
        ElementRef(2))


def test_a_switch_named_without_a_state_is_never_turned_off(planner):
    decision = planner.decide("back up photos automatically", sync(True), [])
    assert decision.action not in (Tap(ElementRef(2)), Tap(ElementRef(1)))


@pytest.mark.parametrize("goal", ["stop backing up photos automatically",
                                  "Quit backing up my photos automatically"])
def test_a_switch_is_turned_off_when_the_verb_ends_the_activity(planner, goal):
    assert planner.decide(goal, sync(True), []).action == Tap(ElementRef(2))
    assert planner.decide(goal, sync(False), []).action != Tap(ElementRef(2))


def test_a_switch_that_names_only_part_of_the_request_is_left_alone(planner):
    decision = planner.decide("share my photos backup log as a PDF", sync(False), [])
    assert decision.action != Tap(ElementRef(2))


def radio_note_menu():
    return S.screen(
        S.el(0, "text", "Quick settings", 0),
        S.el(1, "switch", "Bluetooth", 200, checkable=True, checked=False, clickable=True),
        S.el(2, "text", "Other settings", 500, clickable=True),
        app="com.example.jotter",
    )


@pytest.mark.parametrize("goal", ["Print my Bluetooth note", "email the Bluetooth manual to me",
                                  "archive my Bluetooth note as a PDF", "pin the Bluetooth note"])
def test_a_switch_named_only_as_a_modifier_is_not_what_the_request_is_about(planner, goal):
    assert planner.decide(goal, radio_note_menu(), []).action != Tap(ElementRef(1))


def test_a_switch_named_as_the_head_of_the_request_is_tapped(planner):
    assert planner.decide("Bluetooth on please", radio_note_menu(), []).action == Tap(
        ElementRef(1))
