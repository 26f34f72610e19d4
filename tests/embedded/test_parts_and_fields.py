"""Requests in several parts, carried out part by part, and text fields named by their kind:
on phone-shaped screens (the same laws hold on any screen)."""

import pytest

from devices.actions import ElementRef, Finish, Tap, TypeText
from planners.embedded import EmbeddedPlanner
from planners.embedded.goal import Slot, parse_goal, split_goal
from planners.embedded.memory import signature_of
from planners.planner import PastStep, Verdict
from tests.embedded import screens as S

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def planner(encoder) -> EmbeddedPlanner:
    return EmbeddedPlanner(encoder=encoder)


def code_form(typed: str = "", focused: bool = False):
    """A verification page: one field with no name, and an OK button."""
    return S.screen(
        S.el(0, "text", "Check your messages for the code", 0),
        S.el(1, "input", typed, 300, editable=True, clickable=True, focused=focused),
        S.el(2, "button", "OK", 500, clickable=True),
    )


def test_a_touch_verb_after_and_starts_a_part_of_its_own():
    assert split_goal("Type 'see you at 6' in the message box and tap Send") == [
        "Type 'see you at 6' in the message box",
        "tap Send",
    ]
    assert split_goal("Enter the code and press OK") == ["Enter the code", "press OK"]


def test_a_switched_thing_set_again_is_a_part_of_its_own_about_that_thing():
    assert split_goal("set the tablet to mute and turn it to the high contrast theme") == [
        "set the tablet to mute", "turn the tablet to the high contrast theme"]
    assert split_goal("enable the guest network and set it to 2.4 GHz") == [
        "enable the guest network", "set the guest network to 2.4 GHz"]
    # not after a purchase or a creation: "it" carries on with that item
    assert split_goal("order the kettle and send it to 9 Ash Row") == [
        "order the kettle and send it to 9 Ash Row"]


def test_several_things_switched_at_once_are_one_part_each():
    assert split_goal("could you turn off both the hotspot and nfc please") == [
        "turn off the hotspot", "turn off nfc"]
    assert split_goal("switch off nfc and location") == ["switch off nfc", "switch off location"]
    assert split_goal("turn on the torch") == ["turn on the torch"]


def test_a_phone_put_on_a_mode_switches_the_mode_on():
    goal = parse_goal("put my phone on Flight Mode")
    assert goal.intent.value == "toggle" and goal.desired is True


def test_quoted_values_take_the_name_of_the_field_before_them():
    goal = parse_goal('Enter the username "mara" and the password "k3y-77"')
    assert {Slot("username", "mara"), Slot("password", "k3y-77")} <= set(goal.slots)


def test_the_text_is_typed_before_the_final_button(planner):
    goal = "Enter '4821' into the text field and press OK"
    first = planner.decide(goal, code_form(), [])
    assert first.action == TypeText("4821", ElementRef(1), clear=True)
    typed = PastStep(
        first.action,
        outcome="screen changed",
        verdict=Verdict.CHANGED,
        memo=first.memo,
        screen_signature=signature_of(code_form()),
    )
    second = planner.decide(goal, code_form("4821"), [typed])
    assert second.action == Tap(ElementRef(2))


@pytest.mark.parametrize("goal", ["Click in the text field", "Click into the text box"])
def test_a_field_named_by_its_kind_is_tapped_for_the_focus(planner, goal):
    first = planner.decide(goal, code_form(), [])
    assert first.action == Tap(ElementRef(1))
    tapped = PastStep(
        first.action,
        outcome="screen changed",
        verdict=Verdict.CHANGED,
        memo=first.memo,
        screen_signature=signature_of(code_form()),
    )
    assert isinstance(planner.decide(goal, code_form(focused=True), [tapped]).action, Finish)


def test_a_quoted_button_name_is_tapped_not_typed(planner):
    assert parse_goal('Click on the "OK" button').slots == ()
    assert planner.decide('Click on the "OK" button', code_form(), []).action == Tap(
        ElementRef(2)
    )


def trip_note(focused: bool = False):
    """A note being edited: its title field holds the note's name."""
    return S.screen(
        S.el(0, "text", "Edit note", 0),
        S.el(1, "input", "Road trip", 300, editable=True, clickable=True, focused=focused),
        S.el(2, "input", "fuel, snacks, maps", 600, editable=True, clickable=True),
    )


@pytest.mark.parametrize("goal", ["Print my road trip note", "Share the road trip note by mail"])
def test_a_field_holding_the_item_is_not_the_goal(planner, goal):
    """Focusing the field named like the item is no evidence that the item was printed."""
    decision = planner.decide(goal, trip_note(focused=True), [])
    assert not (isinstance(decision.action, Finish) and decision.action.status == "success")
