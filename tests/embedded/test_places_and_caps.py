"""A row chosen by its place on a list and the switch that is its own; a count capped by a
wish ("I just need two") after a question that only complains; a sound said on its own;
sentences that tell around the one that asks. Requests of our own, in no task file, played
on the virtual phone by the agent's own loop."""

from __future__ import annotations

import pytest

from automator.config import LoopConfig
from automator.loop import run_episode
from automator.trajectory import Outcome
from devices.virtual import VirtualPhone
from planners.embedded import AppMemory, EmbeddedPlanner, explore
from planners.embedded.asking import caps_count, opens_order, request_clause
from planners.embedded.counts import corrects
from planners.embedded.goal import Intent, parse_goal, split_goal
from planners.embedded.shorthand import expanded

ALARMS = [
    {"id": 1, "hour": 5, "minute": 50, "label": "", "enabled": True, "days": ["Mon", "Tue"]},
    {"id": 2, "hour": 8, "minute": 15, "label": "Gym", "enabled": True, "days": ["Wed"]},
    {"id": 3, "hour": 10, "minute": 0, "label": "Brunch", "enabled": False, "days": ["Sun"]},
]


@pytest.fixture(scope="module")
def memory(encoder) -> AppMemory:
    return explore(VirtualPhone(), AppMemory(), apps=["Clock", "Shop"], budget=40,
                   encoder=encoder)


def _play(goal: str, memory: AppMemory, encoder, state: dict, app: str) -> tuple[object, dict]:
    phone = VirtualPhone(state=state, app=app)
    trajectory = run_episode(goal, phone, EmbeddedPlanner(memory, encoder=encoder),
                             LoopConfig(max_steps=12).for_device("virtual"))
    return trajectory, phone.state()


def _enabled(state: dict) -> dict[int, bool]:
    return {a["id"]: a["enabled"] for a in state["clock"]["alarms"]}


@pytest.mark.sim
@pytest.mark.slow
@pytest.mark.parametrize("goal", [
    "Switch off the second alarm.",
    "No gym this week!! I won't need my 2nd alarm, turn it off. Leave everything else alone.",
])
def test_the_row_at_the_place_asked_is_switched_and_only_its_switch_is_evidence(
        memory, encoder, goal):
    trajectory, state = _play(goal, memory, encoder, {"clock": {"alarms": ALARMS}}, "clock")
    assert trajectory.outcome is Outcome.SUCCESS, trajectory.reason
    assert _enabled(state) == {1: True, 2: False, 3: False}


@pytest.mark.sim
@pytest.mark.slow
def test_a_wish_that_caps_a_count_after_a_complaint_steps_the_cart_down(memory, encoder):
    phone = VirtualPhone()
    item = phone.state()["shop"]["products"][4]["name"]
    goal = f"ugh, why are there four {item} in my basket? I just need two"
    trajectory, state = _play(goal, memory, encoder,
                              {"shop": {"cart": [{"product": item, "qty": 4}]}}, "shop")
    assert trajectory.outcome is Outcome.SUCCESS, trajectory.reason
    assert state["shop"]["cart"] == [{"product": item, "qty": 2}]


def test_a_question_for_a_reason_only_complains_and_the_wish_after_it_asks():
    clause, told = request_clause("why is the volume so loud? I want it quieter")
    assert clause == "I want it quieter" and told == ["why is the volume so loud?"]


def test_a_capped_wish_adds_nothing_a_plain_one_still_puts():
    assert caps_count("I just need 3 of the mugs in my basket")
    assert not caps_count("I want 3 mugs in my cart")
    goal = parse_goal("Why are there five mugs in my bag? I just need one")
    assert goal.intent is Intent.DO and goal.quantity == 1 and "mugs" in goal.target
    assert parse_goal("I want 3 mugs in my cart").intent is Intent.CREATE


def test_an_inverted_there_is_a_count_had():
    assert corrects("are there six lamps in my bag? only need two")


def test_a_noun_with_a_particle_and_a_time_opens_no_order_nor_does_leaving_things_alone():
    assert not opens_order("Week off next week!!")
    assert not opens_order("Leave the other timers alone.")
    assert not opens_order("let the rest be")
    assert opens_order("Switch off the lamp tomorrow")
    assert opens_order("log out")


def test_within_the_sentence_that_asks_the_clause_that_orders():
    (part,) = split_goal("Holiday tomorrow! I won't need my first alarm, turn it off.")
    goal = parse_goal(part)
    assert goal.intent is Intent.TOGGLE and goal.desired is False and goal.target == "alarm"


def test_a_sound_said_on_its_own_is_no_shorthand():
    labels = ["Hannah Meyer", "Bluetooth"]
    assert expanded("hm, why is this on?", labels) == "hm, why is this on?"
    assert expanded("turn bt off", labels) == "turn bluetooth off"
    assert expanded("text hm hello", labels) == "text hannah meyer hello"


def _slots(goal) -> dict[str, str]:
    return {s.name: s.value for s in goal.slots}


def test_a_card_named_after_a_sentence_that_tells_is_saved_with_its_number():
    (part,) = split_goal("Found a dog walker at last! Ines Barros, her mobile number is 555-0148. "
                         "Add her please")
    goal = parse_goal(part)
    assert goal.intent is Intent.CREATE
    assert _slots(goal) == {"name": "Ines Barros", "phone": "555-0148"}


def test_a_sigh_in_capitals_then_an_order_to_tell_and_to_ask_is_one_message():
    (part,) = split_goal("Argh, stuck at the station. Tell Omar I'll be late and ask him to "
                         "save me a seat")
    goal = parse_goal(part)
    assert goal.intent is Intent.SEND and _slots(goal)["to"] == "Omar"
    said = _slots(goal)["message"]
    assert "I'll be late" in said and "could you save me a seat" in said.lower()


def test_asking_a_person_to_do_something_sends_them_the_request():
    goal = parse_goal("ask Ivo to water the plants")
    assert goal.intent is Intent.SEND
    assert _slots(goal) == {"to": "Ivo", "message": "could you water the plants?"}


def test_what_someone_in_lower_case_texted_is_read_where_they_sent_it():
    goal = parse_goal("lena sent me the locker number yesterday and now i forgot it. "
                      "what was it?")
    assert goal.intent is Intent.ANSWER
    assert {"locker", "lena"} <= set(goal.target.lower().split())
