"""Short and sideways requests read as people mean them: a thing and its state with no verb
("hotspot off") is that state wanted; a request opening with "is" or "does" is a question
even without its mark, and switches nothing; "do I have X on" asks about a state; "are you
able to ..." asks for the thing politely; "do" before a thing is an order. Sentences of our
own."""

import pytest

from planners.embedded.goal import Intent, parse_goal
from planners.embedded.spoken_times import in_digits


@pytest.mark.slow
@pytest.mark.parametrize(("text", "thing", "on"), [
    ("hotspot off", "hotspot", False),
    ("night light on pls", "night light", True),
    ("Vibration off", "Vibration", False),
])
def test_a_thing_and_its_state_is_the_state_wanted(encoder, text, thing, on):
    goal = parse_goal(text, encoder)
    assert (goal.intent, goal.desired, goal.target) == (Intent.TOGGLE, on, thing)


@pytest.mark.slow
def test_an_order_with_its_object_between_verb_and_particle_stays_an_order(encoder):
    goal = parse_goal("flick the fan on", encoder)
    assert (goal.intent, goal.desired, goal.target) == (Intent.TOGGLE, True, "fan")
    assert parse_goal("switch it off", encoder).verb == "switch"


@pytest.mark.slow
@pytest.mark.parametrize(("text", "on"), [
    ("is location on", True), ("are the captions off", False),
    ("do I have the hotspot on", True), ("have we got vibration off?", False),
])
def test_a_state_asked_about_without_its_mark_switches_nothing(encoder, text, on):
    goal = parse_goal(text, encoder)
    assert (goal.intent, goal.value_type, goal.desired) == (Intent.ANSWER, "state", on)


@pytest.mark.slow
@pytest.mark.parametrize(("text", "intent"), [
    ("are you able to switch the torch off", Intent.TOGGLE),
    ("is it possible to make a note called Bins", Intent.CREATE),
    ("do the software update", Intent.DO),
])
def test_asking_for_an_ability_or_do_before_a_thing_is_an_order(encoder, text, intent):
    assert parse_goal(text, encoder).intent is intent


@pytest.mark.slow
def test_a_number_in_groups_after_a_comma_is_the_new_entrys_number(encoder):
    goal = parse_goal("pls save Ines Dara, 0161 496 0000", encoder)
    assert goal.intent is Intent.CREATE
    assert {(s.name, s.value) for s in goal.slots} >= {("name", "Ines Dara"),
                                                       ("phone", "0161 496 0000")}


@pytest.mark.unit
@pytest.mark.parametrize(("text", "digits"), [
    ("ring at half 9 this evening", "ring at 9:30 PM"),  # half past, as said in Britain
    ("a reminder at half past two this morning", "a reminder at 2:30 AM"),
    ("for half an hour", "for half an hour"),
])
def test_half_an_hour_said_as_people_say_it(text, digits):
    assert in_digits(text) == digits


@pytest.mark.slow
@pytest.mark.parametrize(("text", "level", "thing"), [
    ("I'd like the speaker as quiet as it'll go", 0.0, "speaker quiet"),
    ("I want the torch as bright as it can go", 100.0, "torch bright"),
    ("push the bass all the way up", 100.0, "bass"),  # the level's words name nothing
])
def test_a_level_wanted_at_the_end_of_its_scale_is_set_there(encoder, text, level, thing):
    goal = parse_goal(text, encoder)
    assert (goal.intent, goal.number, goal.target) == (Intent.SET_VALUE, level, thing)
