"""A wish that a thing do something is an order to have it do so, never a switch put on; a
value written as a name after an attribute's noun is that attribute's value; a length on a
keypad asked for as a thing to have is taken by the page's one button and done when a
display counts down from it; an add button that names a kind makes a new item; after
"does", the verb that follows the subject is no head of the kind an order is over."""

import pytest

from devices.actions import ElementRef, Finish, Tap
from perception.elements import Bounds
from planners.embedded import keypad, purchase, row_kinds
from planners.embedded.days import Change
from planners.embedded.goal import Intent, parse_goal
from planners.embedded.memo import Mark, Memo
from planners.embedded.memory import signature_of
from planners.embedded.scoring import GoalMatcher
from planners.embedded.view import View
from planners.planner import PastStep, Verdict
from tests.embedded.screens import el, screen


@pytest.mark.parametrize(("said", "day"), [
    ("I want the 5:55 alarm to sound on Thursdays too", 3),
    ("I'd love my bike alarm to ring on Tuesdays as well", 1),
])
def test_a_wished_act_with_days_adds_the_days_and_switches_nothing(said, day):
    goal = parse_goal(said)
    assert goal.intent is not Intent.TOGGLE
    assert goal.days is not None and goal.days.days == {day} and goal.days.change is Change.ADD


@pytest.mark.parametrize(("said", "on"), [  # guards: a wished state is still a switch
    ("I'd like the hotspot to stay on", True), ("I want bluetooth to be off", False)])
def test_a_wished_state_is_still_the_switch_put_in_it(said, on):
    goal = parse_goal(said)
    assert goal.intent is Intent.TOGGLE and goal.desired is on


@pytest.mark.parametrize(("said", "field", "value"), [
    ("could you give my 9:20 alarm the label Piano", "label", "Piano"),
    ("stick the title Road Trip on that playlist", "title", "Road Trip"),
])
def test_a_capitalised_value_after_an_attribute_noun_is_its_value(said, field, value):
    goal = parse_goal(said)
    assert (field, value) in [(s.name, s.value) for s in goal.slots]


def test_a_kind_of_item_before_a_name_names_the_item_not_a_value():  # guard
    assert parse_goal("open the note Recipes").slots == ()


_KEYS = [el(10 + d, "button", str(d), 700 + 120 * d, height=100, clickable=True)
         for d in range(10)]


def _keypad(encoder, display: str):
    shown = screen(el(0, "text", "Countdown", 0), el(1, "text", display, 300, height=200),
                   *_KEYS, el(30, "button", "⌫", 1950, height=100, clickable=True),
                   el(31, "button", "Go", 2100, height=120, clickable=True),
                   app="com.example.kitchen")
    goal = parse_goal("I want a 4 minute countdown")
    return goal, View(shown, signature_of(shown), GoalMatcher(goal, encoder), [])


def test_a_length_asked_as_a_thing_is_taken_by_the_pages_one_button_once_shown(encoder):
    goal, half = _keypad(encoder, "00h 00m 40s")
    assert keypad.take_duration(goal, half) is None  # not yet the length asked
    goal, full = _keypad(encoder, "00h 04m 00s")
    pressed = keypad.take_duration(goal, full)
    assert pressed is not None and pressed.action == Tap(ElementRef(31))


def test_a_taken_length_is_done_only_when_a_display_counts_down_from_it(encoder):
    taken = PastStep(Tap(ElementRef(31)), verdict=Verdict.CHANGED,
                     memo=Memo(mark=Mark.GOAL_ACTION), screen_signature="keypad")
    goal = parse_goal("I want a 4 minute countdown")
    for display, done in (("00:03:58", True), ("00:00:09", False)):
        shown = screen(el(0, "text", display, 400, height=200, bounds=Bounds(0, 400, 1080, 600)),
                       el(1, "button", "Pause", 1600, clickable=True), app="com.example.kitchen")
        view = View(shown, signature_of(shown), GoalMatcher(goal, encoder), [taken])
        decided = keypad.duration_running(goal, view)
        assert isinstance(decided.action, Finish) if done else decided is None


def test_an_add_button_that_names_a_kind_puts_nothing_in_a_cart(encoder):
    shown = screen(el(0, "text", "Reminders", 0), el(1, "button", "Add reminder", 2100,
                                                     clickable=True), app="com.example.todo")
    goal = parse_goal("add a red scarf to my cart")
    view = View(shown, signature_of(shown), GoalMatcher(goal, encoder), [])
    assert purchase.add_button(view) is None


@pytest.mark.parametrize(("said", "noun"), [
    ("when does my soonest reminder pop up?", "reminder"),
    ("what time does the earliest bus leave?", "bus"),
])
def test_after_do_support_the_verb_is_no_head_of_the_ordered_kind(said, noun):
    assert row_kinds.kind(parse_goal(said)) == noun
