"""An item asked for in lower case ("a glazed clay pot") is on its own page only where one
text shows all its words: the page of an item sharing only some of them ("Clay Pot") is
another item's, and its add button is not pressed. The shop and requests are our own."""

import pytest

from devices.actions import ElementRef, Tap
from perception.elements import Bounds
from planners.embedded import EmbeddedPlanner
from tests.embedded.screens import el, screen

pytestmark = pytest.mark.slow

APP = "com.example.garden"


def _item_page(name: str):
    return screen(
        el(0, "button", "", 0, height=120, description="Navigate up", clickable=True,
           bounds=Bounds(0, 0, 120, 120)),
        el(1, "button", "", 0, height=120, description="Basket, 0 items",
           clickable=True, bounds=Bounds(900, 0, 1080, 120)),
        el(2, "text", name, 400), el(3, "text", "£4.50", 560),
        el(4, "text", "Terracotta, 12 cm, with a saucer.", 720),
        el(5, "button", "Add to basket", 2200, clickable=True), app=APP)


def test_the_page_of_an_item_sharing_some_words_gets_no_add(encoder):
    decision = EmbeddedPlanner(encoder=encoder).decide(
        "drop a glazed clay pot into my basket", _item_page("Clay Pot"), [])
    assert decision.action != Tap(ElementRef(5))


def test_the_page_showing_all_the_words_is_the_items_own(encoder):
    """A guard: the item's own page still counts as its page."""
    from planners.embedded import purchase
    from planners.embedded.goal import parse_goal
    from planners.embedded.memory import signature_of
    from planners.embedded.scoring import GoalMatcher
    from planners.embedded.view import View
    goal = parse_goal("drop a glazed clay pot into my basket", encoder)
    for name, own in (("Glazed Clay Pot", True), ("Clay Pot", False)):
        shown = _item_page(name)
        view = View(shown, signature_of(shown), GoalMatcher(goal, encoder), [])
        assert purchase.item_here(goal, view) is own
