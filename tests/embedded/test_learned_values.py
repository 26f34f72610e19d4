"""An order to learn a value followed by an order that uses it ("it", "that") is one order
with the value named in place of the pointer, read where the first order says it is shown;
an order to learn something followed by an unrelated order stays two. The requests are our
own."""

import pytest

from devices.actions import ElementRef, Tap
from planners.embedded import lookup
from planners.embedded.goal import Intent, parse_goal, split_goal
from planners.embedded.memo import Memo
from planners.planner import PastStep


@pytest.mark.unit
@pytest.mark.parametrize(("request_", "part"), [
    ("look up what the brass door knocker costs at the store and write it into a note called "
     "Hallway", "write what the brass door knocker costs at the store into a note called "
     "Hallway"),
    ("find out the boiler service code in my journal, then text it to Ines Varga",
     "text the boiler service code from my journal to Ines Varga"),
    ("check Oren Dahl's email and send that to Pia Moss", "send Oren Dahl's email to Pia Moss"),
    # the name of the value's kind points back at it; a particle after it stays with its verb
    ("look up how much a copper kettle sells for in the store and scribble the cost down in a "
     "fresh note called Spares", "scribble down how much a copper kettle sells for from the "
     "store in a fresh note called Spares"),
    ("work out the locker code from my journal, then write it up in a note named Gym",
     "write up the locker code from my journal in a note named Gym"),
])
def test_a_value_learned_is_what_the_next_order_points_to(request_, part):
    assert split_goal(request_) == [part]
    goal = parse_goal(part)
    assert any(slot.ref for slot in goal.slots), goal


@pytest.mark.unit
def test_learning_something_then_an_unrelated_order_stays_two_orders():
    parts = split_goal("look up the forecast and switch on bluetooth")
    assert len(parts) == 2 and parse_goal(parts[1]).intent is Intent.TOGGLE


@pytest.mark.unit
@pytest.mark.parametrize(("request_", "asked"), [
    ("message Tova Rask the storage unit code, it's in my journal",
     "What is the storage unit code in my journal?"),
    ("send Elif the router password, it is saved on the Home list",
     "What is the router password in the Home list?"),
])
def test_a_clause_that_says_where_the_value_is_kept_is_where_it_is_read(request_, asked):
    assert lookup.questions(request_, parse_goal(request_)) == [asked]


@pytest.mark.unit
def test_the_value_named_with_its_own_place_keeps_that_place():
    request_ = "text Elif the code from my Shed note, it's on the fridge list"
    assert lookup.questions(request_, parse_goal(request_)) == [
        "What is the code from my Shed note?"]


@pytest.mark.unit
@pytest.mark.parametrize(("request_", "asked"), [
    ("Juno's grooming slot is in my journal. Add an alarm for it",
     "What is Juno's grooming slot in my journal?"),
    ("the courier's drop time is written in my planner, add an alarm for it",
     "What is the courier's drop time in my planner?"),
])
def test_a_thing_told_to_be_kept_somewhere_is_read_there(request_, asked):
    assert lookup.questions(request_, parse_goal(request_)) == [asked]


@pytest.mark.unit
def test_where_a_value_was_kept_is_no_part_of_its_use_once_read():
    text = "message Tova Rask the storage unit code, it's in my journal"
    asked = "What is the storage unit code in my journal?"
    read = PastStep(Tap(ElementRef(1)), memo=Memo(read=((asked, "7316"),)))
    done = lookup.resolve(text, parse_goal(text), [read])
    assert done.asking is None and done.text == 'message Tova Rask "7316"'
