"""A name given after a comma; several things wished each in its state; a kind of thing asked
for with no verb; a thing set working, the device taken out of a mode; values after a
question that follows what the speaker told; an order that goes on about "it" in a second
sentence; a question put to the person a message goes to; an alarm moved to a time or by a
length. Requests of our own, in no task file; the timer and the alarms are played on the
virtual phone by the agent's own loop."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from automator.config import LoopConfig
from automator.goal_requests import GoalRequests
from automator.loop import run_episode
from automator.trajectory import Outcome
from devices.virtual import VirtualPhone
from planners.embedded import AppMemory, EmbeddedPlanner, explore
from planners.embedded.acts import of_kind
from planners.embedded.asking import manner, request_clause
from planners.embedded.goal import Intent, parse_goal, split_goal
from planners.embedded.lookup import question
from planners.embedded.owned import named_by_topic
from planners.embedded.reading import shaped_part
from planners.embedded.wording import courteous


def _slots(goal) -> dict[str, str]:
    return {s.name: s.value for s in goal.slots}


@pytest.mark.unit
def test_a_name_given_after_a_comma_is_the_new_items_label():
    goal = parse_goal("I want an alarm at 6:40 AM on Mondays, label it Recycling")
    assert goal.intent is Intent.CREATE and _slots(goal)["label"] == "Recycling"


@pytest.mark.unit
def test_a_particle_that_ends_the_name_given_is_no_particle_of_the_main_verb():
    goal = parse_goal("Set an alarm at 10:30 PM and call it Lights out")
    assert goal.intent is Intent.CREATE
    assert _slots(goal) == {"time": "10:30 PM", "name": "Lights out"}


@pytest.mark.unit
def test_each_thing_wished_in_its_state_is_a_wish_of_its_own():
    parts = split_goal("The fridge is beeping and I'm on a call now. I'd like wifi off, and "
                       "the phone on silent so nobody bothers me")
    assert len(parts) == 2
    first, second = (parse_goal(p) for p in parts)
    assert first.intent is Intent.TOGGLE and first.desired is False and first.target == "wifi"
    assert second.intent is Intent.TOGGLE and "silent" in second.target


@pytest.mark.unit
def test_a_word_of_time_that_ends_a_statement_asks_nothing():
    assert not courteous("The car is almost out of fuel and I'm driving now.")
    assert courteous("switch it off now please")
    clause, told = request_clause("The car is almost out of fuel and I'm driving now. "
                                  "I'd like the screen dimmer")
    assert clause == "I'd like the screen dimmer" and len(told) == 1


@pytest.mark.unit
@pytest.mark.parametrize("text", [
    "rice is on, it needs 12 min. timer please",
    "a new note please",
])
def test_a_kind_of_thing_asked_for_with_no_verb_is_a_new_one(text):
    goal = parse_goal(split_goal(text)[0])
    assert goal.intent is Intent.CREATE, goal
    assert manner("undo please").mood.value == "command"  # a verb alone stays an order


@pytest.mark.unit
def test_a_thing_set_working_is_switched_on_the_device_taken_out_of_a_mode_switches_it_off():
    on = parse_goal("could you get wifi going")
    assert on.intent is Intent.TOGGLE and on.desired is True and on.target == "wifi"
    off = parse_goal("take my phone out of airplane mode")
    assert off.intent is Intent.TOGGLE and off.desired is False and "airplane" in off.target
    assert parse_goal("take the kettle out of my cart").intent is Intent.DELETE
    assert parse_goal("get my car bluetooth going").desired is None  # one of its kind


@pytest.mark.unit
def test_values_after_the_question_that_follows_what_was_told_are_the_card():
    goal = parse_goal("I bumped into an old school friend today, could you save him? "
                      "Piet Vos, 555-0123")
    assert goal.intent is Intent.CREATE and goal.target == "contact"
    assert _slots(goal) == {"name": "Piet Vos", "phone": "555-0123"}
    assert parse_goal("I need to save Bo, 555 0100").intent is Intent.CREATE


@pytest.mark.unit
def test_a_second_sentence_about_it_goes_on_with_the_order():
    goal = parse_goal("Buy the desk lamp. Pay for it and send it to 4 Elm Road, Leeds.")
    assert _slots(goal).get("address") == "4 Elm Road, Leeds"


@pytest.mark.unit
def test_a_question_put_to_the_person_written_to_is_the_message():
    goal = parse_goal("text the landlord at 555-0144 and ask whether the boiler is fixed")
    assert goal.intent is Intent.SEND
    assert _slots(goal)["to"] == "555-0144" and "boiler" in _slots(goal)["message"]
    assert len(split_goal("text Ana and ask her if the bike is still for sale")) == 1
    assert GoalRequests("text the landlord at 555-0144 and ask whether the boiler is "
                        "fixed").asks_for("send")


@pytest.mark.unit
def test_a_button_that_names_another_kind_of_item_makes_none_of_this_kind(encoder):
    view = SimpleNamespace(matcher=SimpleNamespace(encoder=encoder))
    assert not of_kind(view, "Add alarm", "timer")
    assert of_kind(view, "Add alarm", "alarm") and of_kind(view, "Add", "timer")


@pytest.mark.unit
def test_the_writer_told_of_first_is_whose_message_holds_the_value_the_order_names():
    text = ("bertil messaged me where the barbecue is. pop the address in a note")
    assert question("the address", text) == "What is the address in the message from bertil?"
    assert question("the address", "someone messaged me where it is. note the address") == (
        "What is the address in my messages?")


@pytest.mark.unit
def test_an_address_the_request_says_no_email_of_is_a_streets():
    assert parse_goal("What is the address in the message from Bertil?").value_type == "address"
    assert parse_goal("I must email Bo later. What address do I have for him?").value_type == (
        "email")
    assert shaped_part("Meet at 9 Alder Lane, ring twice", "address") == "9 Alder Lane"
    assert shaped_part("Fri 6:30 PM at Bo's place, 9 Alder Lane", "address") == "9 Alder Lane"


@pytest.mark.unit
def test_a_purpose_after_a_quote_that_has_ended_is_cut_one_inside_it_is_not():
    goal = parse_goal('put "9 Alder Lane" in a new note titled Barbecue so i dont forget it')
    assert _slots(goal)["title"] == "Barbecue"
    said = parse_goal('text Bo "running late so start without me"')
    assert _slots(said)["message"] == "running late so start without me"


@pytest.mark.unit
def test_things_named_alone_are_what_them_stands_for_and_a_list_is_named_by_its_topic():
    goal = parse_goal("fairy lights!! add them to the list I made for the garden party")
    assert goal.intent is Intent.EDIT and _slots(goal)["text"] == "fairy lights"
    assert goal.entities[0] == "garden party list"
    assert named_by_topic("my note about the boiler") == "boiler note"
    assert named_by_topic("the lamp") == "the lamp"
    told = parse_goal("Day off tomorrow!! I won't need my first alarm, switch it off")
    assert "Day" not in told.target  # "it" is the alarm, never a sentence that only names


@pytest.mark.unit
def test_an_item_given_a_clock_time_or_moved_by_a_length_is_an_edit_of_its_time():
    goal = parse_goal("move my swim alarm to 6:15 AM")
    assert goal.intent is Intent.EDIT and _slots(goal) == {"time": "6:15 AM"}
    assert goal.entities[0] == "swim alarm"
    moved = parse_goal("The pool opens later now, so push my swim alarm back 15 minutes")
    assert moved.intent is Intent.EDIT
    assert "15 minutes after the time of my swim alarm" in _slots(moved)["time"]
    assert parse_goal("set an alarm for 6:15").intent is Intent.CREATE
    assert GoalRequests("so push my swim alarm back 15 minutes").asks_for("overwrite")


@pytest.mark.unit
def test_an_order_with_a_number_word_after_and_is_its_own_and_leaving_things_be_is_none():
    parts = split_goal("Open the marble game and clear five marbles, then leave the game there")
    assert len(parts) == 2 and parse_goal(parts[0]).intent is Intent.OPEN
    assert parse_goal(parts[1]).quantity == 5
    assert split_goal("Take the mug out of my cart and leave the rest alone") == [
        "Take the mug out of my cart"]


@pytest.fixture(scope="module")
def memory(encoder) -> AppMemory:
    return explore(VirtualPhone(), AppMemory(), apps=["Clock"], budget=30, encoder=encoder)


@pytest.mark.sim
@pytest.mark.slow
def test_a_timer_asked_for_on_the_alarms_page_is_no_new_alarm(memory, encoder):
    phone = VirtualPhone(app="clock")
    trajectory = run_episode("eggs are boiling, they need 6 min 30 sec. timer please", phone,
                             EmbeddedPlanner(memory, encoder=encoder),
                             LoopConfig(max_steps=12).for_device("virtual"))
    assert trajectory.outcome is Outcome.SUCCESS, trajectory.reason
    state = phone.state()
    assert state["clock"]["timer"]["duration"] == 390
    assert len(state["clock"]["alarms"]) == len(VirtualPhone().state()["clock"]["alarms"])


SWIM = [{"id": 1, "hour": 6, "minute": 0, "label": "Swim", "enabled": True, "days": ["Tue"]},
        {"id": 2, "hour": 7, "minute": 30, "label": "Work", "enabled": True, "days": ["Mon"]}]


@pytest.mark.sim
@pytest.mark.slow
@pytest.mark.parametrize(("goal", "hour", "minute"), [
    ("move my swim alarm to 6:20 AM", 6, 20),
    ("The pool opens later now, so push my swim alarm back 15 minutes", 6, 15),
])
def test_the_time_an_alarm_shows_opens_its_editor_and_takes_the_new_time(
        memory, encoder, goal, hour, minute):
    phone = VirtualPhone(state={"clock": {"alarms": SWIM}}, app="clock")
    trajectory = run_episode(goal, phone, EmbeddedPlanner(memory, encoder=encoder),
                             LoopConfig(max_steps=14).for_device("virtual"))
    assert trajectory.outcome is Outcome.SUCCESS, trajectory.reason
    alarms = {a["label"]: (a["hour"], a["minute"]) for a in phone.state()["clock"]["alarms"]}
    assert alarms == {"Swim": (hour, minute), "Work": (7, 30)}
