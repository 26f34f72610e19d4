"""A thing put on an item of the person's ("stick X on my list", "pop X on our list") is
written on it, whatever the verb of putting; a new item made "on" a day is made, not
written anywhere; a told clause of what the person lacks ("I also need X", "we've run out
of X") lends X to the order's "it". The requests are our own."""

import pytest

from planners.embedded.context import needed
from planners.embedded.goal import Intent, parse_goal


def _written(goal):
    return [(s.name, s.value, s.append) for s in goal.slots]


@pytest.mark.unit
@pytest.mark.parametrize("request_", ["slap oat milk on my weekly shop list",
                                      "pop oat milk on our weekly shop list"])
def test_a_thing_put_on_a_list_of_the_persons_is_written_on_it(request_):
    goal = parse_goal(request_)
    assert goal.intent is Intent.EDIT and "weekly shop list" in goal.target
    assert _written(goal) == [("text", "oat milk", True)]


@pytest.mark.unit
def test_a_new_item_made_on_a_day_is_written_nowhere():
    goal = parse_goal("set a reminder on my anniversary")
    assert goal.intent is Intent.CREATE and not goal.slots


@pytest.mark.unit
@pytest.mark.parametrize(("told", "thing"), [
    ("I also need drawing pins", "drawing pins"), ("we've run out of lentils", "lentils"),
    ("I could use more bin bags too", "bin bags"), ("the lentils are gone", "")])
def test_what_a_person_lacks_is_what_they_point_back_at(told, thing):
    assert needed(told) == thing


@pytest.mark.unit
def test_an_order_after_what_is_lacking_writes_that_thing():
    goal = parse_goal("We've run out of lentils, add it to the pantry list")
    assert goal.intent is Intent.EDIT and _written(goal) == [("text", "lentils", True)]


@pytest.mark.unit
def test_a_thing_sent_to_a_place_it_names_is_written_nowhere():
    goal = parse_goal("Buy the linen throw and ship it to the address Pia sent me")
    assert goal.intent is not Intent.EDIT and not any(s.name == "text" for s in goal.slots)
