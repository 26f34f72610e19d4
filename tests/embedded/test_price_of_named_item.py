"""A price asked of an item named in several words ("the oak plant stand") is read only on
a row or page that shows the whole name: a row of a shorter name ("Plant Stand") is
another item, whose price is no answer. The screens and requests are our own."""

import pytest

from devices.actions import Finish
from planners.embedded import priced, reading
from planners.embedded.goal import parse_goal
from planners.embedded.memory import signature_of
from planners.embedded.scoring import GoalMatcher
from planners.embedded.view import View
from tests.embedded.screens import el, screen

pytestmark = pytest.mark.slow


def _row(i: int, name: str, price: str, top: int):
    return [el(i, "button", name, top, height=200, clickable=True,
               description=f"{price} · Home")]


def _catalogue(*rows):
    return screen(el(0, "text", "Store", 0, height=120),
                  *[e for n, (name, price) in enumerate(rows)
                    for e in _row(10 * n + 10, name, price, 300 + 220 * n)],
                  app="com.example.store")


def _answer(request: str, shown, encoder):
    goal = priced.asked(parse_goal(request, encoder))
    view = View(shown, signature_of(shown), GoalMatcher(goal, encoder), [])
    return reading.answer(goal, view, at_best_page=True)


def test_a_shorter_names_row_gives_no_price_for_the_item(encoder):
    shown = _catalogue(("Table Lamp", "$40.00"), ("Plant Stand", "$21.50"),
                       ("Floor Rug", "$75.00"))
    decision = _answer("What does the oak plant stand cost?", shown, encoder)
    assert decision is None or not isinstance(decision.action, Finish)


def test_the_row_with_the_whole_name_gives_its_price(encoder):
    shown = _catalogue(("Table Lamp", "$40.00"), ("Oak Plant Stand", "$21.50"),
                       ("Floor Rug", "$75.00"))
    decision = _answer("What does the oak plant stand cost?", shown, encoder)
    assert isinstance(decision.action, Finish) and "21.50" in decision.action.answer
