"""A count an item in the cart is to end with ("down to two") is a total: the item's count
is stepped to it, down as well as up, where the cart shows it, and the request is done only
when the item's row shows that count; nothing is added on the item's page. An add button
adds its own page's item: on another item's page it is not pressed. The shop, its items and
the requests are our own."""

import pytest

from devices.actions import ElementRef, Finish, FinishStatus, Key, PressKey, Tap
from perception.elements import Bounds
from planners.embedded import EmbeddedPlanner
from planners.embedded.goal import parse_goal
from planners.embedded.purchase import total_asked
from tests.embedded.screens import el, screen

APP = "com.example.grocer"
GOAL = "bring the oat milk in my basket down to two cartons"


def _basket(milk: int):
    """A basket of two rows, each with its count between - and +."""
    rows = []
    for i, (name, qty) in enumerate((("Oat Milk 1L", milk), ("Rye Bread", 1))):
        top, n = 300 + 200 * i, 10 * (i + 1)
        rows += [el(n, "text", name, top, bounds=Bounds(0, top, 500, top + 160)),
                 el(n + 1, "button", "−", top, clickable=True,
                    bounds=Bounds(560, top, 680, top + 160)),
                 el(n + 2, "text", str(qty), top, bounds=Bounds(690, top, 780, top + 160)),
                 el(n + 3, "button", "+", top, clickable=True,
                    bounds=Bounds(790, top, 910, top + 160))]
    return screen(el(0, "text", "Your basket", 0, height=120), *rows,
                  el(9, "button", "Proceed to checkout", 2200, clickable=True), app=APP)


def _shelf():
    return screen(
        el(1, "button", "", 0, height=120, description="Basket, 5 items", clickable=True,
           bounds=Bounds(900, 0, 1080, 120)),
        el(2, "button", "Oat Milk 1L | £1.80", 300, clickable=True),
        el(3, "button", "Rye Bread | £2.40", 500, clickable=True),
        el(4, "button", "Add to basket", 2200, clickable=True), app=APP)


@pytest.mark.unit
@pytest.mark.parametrize(("text", "total"), [
    (GOAL, 2), ("cut the rye bread in the basket to just 1", 1),
    ("change the number of eggs in my trolley to 6", 6),
    ("add two oat milks to my basket", None),
    ("set the alarm in my bag to 7 am", None),
    ("bring the oat milk down to two", None),  # no cart named: a level, not a count held
    ("buy the rye bread in my basket and send it to 12 Mill Row, Hull", None),  # a place
    ("make the eggs in my trolley 6, no, up to 8 of them please", 8),
])
def test_a_count_to_end_with_in_the_cart_is_a_total(text, total):
    assert total_asked(parse_goal(text)) == total


@pytest.mark.slow
def test_a_lower_total_steps_the_items_count_down_and_finishes_on_it(encoder):
    planner = EmbeddedPlanner(encoder=encoder)
    assert planner.decide(GOAL, _basket(4), []).action == Tap(ElementRef(11))
    done = planner.decide(GOAL, _basket(2), []).action
    assert done == Finish(FinishStatus.SUCCESS), done


@pytest.mark.slow
def test_a_total_is_set_in_the_cart_not_added_on_the_shelf(encoder):
    decision = EmbeddedPlanner(encoder=encoder).decide(GOAL, _shelf(), [])
    assert decision.action == Tap(ElementRef(1)), decision.thought


def _item_page(name: str):
    return screen(
        el(1, "button", "", 0, height=120, description="Basket, 0 items", clickable=True,
           bounds=Bounds(900, 0, 1080, 120)),
        el(2, "text", name, 400), el(3, "text", "£6.20", 560),
        el(4, "button", "Add to basket", 2200, clickable=True), app=APP)


@pytest.mark.slow
def test_another_items_add_button_is_not_pressed_for_the_item_named(encoder):
    planner = EmbeddedPlanner(encoder=encoder)
    goal = "add a Carbon Paddle to my basket"
    other = planner.decide(goal, _item_page("Paddle Leash"), []).action
    assert other == PressKey(Key.BACK), other
    assert planner.decide(goal, _item_page("Carbon Paddle"), []).action == Tap(ElementRef(4))
