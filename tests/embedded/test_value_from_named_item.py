"""A value carried to another app is read from the item the request names ("from my
Boathouse note"): on that item's row or page, never on a neighbour's that holds a value of
the same shape. The requests and screens are our own."""

import pytest

from devices.actions import Finish
from planners.embedded import EmbeddedPlanner
from planners.embedded.sources import named_item
from tests.embedded.screens import el, screen

pytestmark = pytest.mark.slow


@pytest.mark.unit
@pytest.mark.parametrize(("text", "item"), [
    ("What is the lock code from my Boathouse note?", {"boathouse"}),
    ("What is the pin in the bike lock note?", {"bike", "lock"}),
    ("What is the lock code from my notes?", set()),  # a kind of place, no item
    ("How much is the kettle in the Market app?", set()),  # an app is no item
    ("What is the lock code?", set()),
])
def test_the_item_a_value_is_read_from(text, item):
    assert named_item(text) == item


def _list():
    """A list of notes: the one named holds its code in running text; a neighbour holds a
    code of the same shape under a key made of the question's words."""
    return screen(
        el(0, "input", "Search your notes", 100, editable=True, clickable=True),
        el(1, "list", "", 270, height=1400, scrollable=True),
        el(2, "button", "Shed", 280, height=200, clickable=True,
           description="Lock code: 8820 Oil the hinges"),
        el(3, "button", "Boathouse", 480, height=200, clickable=True,
           description="Lock 4471 Paddles in the loft"),
        el(4, "button", "Recipes", 680, height=200, clickable=True,
           description="Bread, soup, 2 eggs"),
        app="com.example.jotter")


def _other_note():
    return screen(el(0, "input", "Shed", 200, editable=True, hint="Title"),
                  el(1, "input", "Lock code: 8820 Oil the hinges", 400, editable=True,
                     hint="Note"), app="com.example.jotter")


def _question(planner: EmbeddedPlanner, asked: str, shown):
    planner._lookups.add(asked)  # read to be sent: what it belongs to must be shown with it
    return planner.decide(asked, shown, [])


def test_a_value_to_send_comes_from_the_named_items_row(encoder):
    asked = "What is the lock code from my Boathouse note?"
    decision = _question(EmbeddedPlanner(encoder=encoder), asked, _list())
    assert decision.action == Finish(answer="4471")


def test_another_items_page_gives_no_value_to_send(encoder):
    asked = "What is the lock code from my Boathouse note?"
    decision = _question(EmbeddedPlanner(encoder=encoder), asked, _other_note())
    assert decision.action != Finish(answer="8820")


def test_the_planner_reads_the_named_note_for_a_message(encoder):
    planner = EmbeddedPlanner(encoder=encoder)
    first = planner.decide("text Wren the lock code from my Boathouse note", _list(), [])
    assert "4471" in first.thought and "8820" not in first.thought
