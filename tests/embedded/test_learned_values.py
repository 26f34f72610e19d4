"""An order to learn a value followed by an order that uses it ("it", "that") is one order
with the value named in place of the pointer, read where the first order says it is shown;
an order to learn something followed by an unrelated order stays two. The requests are our
own."""

import pytest

from planners.embedded.goal import Intent, parse_goal, split_goal


@pytest.mark.unit
@pytest.mark.parametrize(("request_", "part"), [
    ("Look up what the brass door knocker costs in the shop and put it in a new note titled "
     "Hallway", "put what the brass door knocker costs from the shop in a new note titled "
     "Hallway"),
    ("find out the boiler service code from my notes, then text it to Ines Varga",
     "text the boiler service code from my notes to Ines Varga"),
    ("check Oren Dahl's email and send that to Pia Moss", "send Oren Dahl's email to Pia Moss"),
])
def test_a_value_learned_is_what_the_next_order_points_to(request_, part):
    assert split_goal(request_) == [part]
    goal = parse_goal(part)
    assert any(slot.ref for slot in goal.slots), goal


@pytest.mark.unit
def test_learning_something_then_an_unrelated_order_stays_two_orders():
    parts = split_goal("look up the forecast and switch on bluetooth")
    assert len(parts) == 2 and parse_goal(parts[1]).intent is Intent.TOGGLE
