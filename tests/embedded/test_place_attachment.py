"""Where a place in a request attaches. After a verb of telling, "in the store" says where
the value to tell is, not a container to put it in; after a noun inside a new item's
prepositional phrase ("an alarm for the ferry time in my journal") it says where that value
is kept, so nothing is written into the journal; "and call it X" (or "and call the KIND X")
names the new item. The
sentences and screens are our own."""

import pytest

from devices.actions import TypeText
from planners.embedded import EmbeddedPlanner, lookup
from planners.embedded.attachment import given_name, kept_value
from planners.embedded.goal import Intent, parse_goal, split_goal
from tests.embedded.screens import el, screen

TOLD = "let Ines know what the walnut stool costs in the store"
KEPT = "set an alarm for the ferry departure time in my journal and label it Ferry"


@pytest.mark.unit
def test_a_value_kept_elsewhere_and_the_name_given():
    assert kept_value(KEPT) == ("time", "the ferry departure time in my journal")
    assert kept_value("jot the ferry time in my journal") is None  # the object itself, put
    assert given_name(KEPT) == ("label", "Ferry")
    assert given_name("start a timer for 9 minutes and call it Eggs") == ("name", "Eggs")
    assert given_name("call Ines and ask about it") is None


@pytest.mark.unit
def test_the_new_item_named_by_its_kind_is_given_the_name():
    assert given_name("start a timer for 9 minutes and call the timer Eggs") == ("name", "Eggs")
    assert given_name("add a note about grout and title the note Tiles") == ("title", "Tiles")
    assert given_name("start a timer and call the plumber Ines") is None  # another thing


@pytest.mark.slow
@pytest.mark.parametrize(("request_", "time"), [
    ("put in an alarm for 4:50 and name the alarm Rowing", "4:50"),
    ("Wake me at 6:20 and call it Rowing", "6:20"),
    ("My shift starts early. Get me up at 4:15 in the morning and name the alarm Rowing.",
     "4:15 AM"),
])
def test_a_new_item_named_in_passing_is_one_order(request_, time):
    parts = split_goal(request_)
    assert len(parts) == 1
    goal = parse_goal(parts[0])
    assert goal.intent is Intent.CREATE
    assert {(s.name, s.value) for s in goal.slots} == {("name", "Rowing"), ("time", time)}


@pytest.mark.slow
def test_a_told_value_in_a_place_is_sent_not_put_in_a_cart():
    goal = parse_goal(TOLD)
    assert goal.intent is Intent.SEND
    assert [(s.name, s.ref) for s in goal.slots] == [("to", False), ("message", True)]
    assert parse_goal("toss the walnut stool in my basket").intent is Intent.CREATE


@pytest.mark.slow
def test_a_new_item_takes_its_value_from_where_it_is_kept():
    goal = parse_goal(KEPT)
    assert goal.intent is Intent.CREATE
    assert not any(s.append for s in goal.slots)  # nothing is written into the journal
    assert ("time", "the ferry departure time in my journal", True) in [
        (s.name, s.value, s.ref) for s in goal.slots]
    assert ("label", "Ferry") in [(s.name, s.value) for s in goal.slots]
    assert lookup.resolve(KEPT, goal, []).asking == (
        "What is the ferry departure time in my journal?")
    assert parse_goal("add oat milk to my errands note").slots[0].append  # still an append


@pytest.mark.slow
def test_the_planner_types_nothing_into_the_journal(encoder):
    journal = screen(el(0, "input", "Ferry", 200, editable=True, hint="Title"),
                     el(1, "input", "Boat leaves the pier at 6:40 AM", 400, editable=True,
                        hint="Note"), app="com.example.journal")
    decision = EmbeddedPlanner(encoder=encoder).decide(KEPT, journal, [])
    assert not isinstance(decision.action, TypeText)
