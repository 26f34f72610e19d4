"""A product the request buys or puts in a cart, named by its name, is looked up with the
shop's search; when the search shows no row with the whole name, the shop does not sell
it (infeasible). Descriptions in lower case and ranked picks conclude nothing. The shop,
its products and the requests are our own, in no task file."""

import pytest

from devices.actions import ElementRef, Finish, FinishStatus, Key, PressKey, Tap, TypeText
from perception.elements import Bounds
from planners.embedded import catalogue
from planners.embedded.goal import parse_goal
from planners.embedded.memo import Mark, Memo
from planners.embedded.memory import signature_of
from planners.embedded.scoring import GoalMatcher
from planners.embedded.view import View
from planners.planner import PastStep, Verdict
from tests.embedded.screens import el, screen

pytestmark = pytest.mark.slow

APP = "com.example.garden"


def _list(query: str = "", rows=("Gamebox Stand", "Garden Hose"), hint: str = "Search"):
    shown = [el(10 + i, "button", row, 400 + 200 * i, clickable=True)
             for i, row in enumerate(rows)] or [el(10, "text", "Nothing matches", 400)]
    return screen(
        el(0, "text", "Garden Shop", 0, height=120, bounds=Bounds(0, 0, 800, 120)),
        el(1, "button", "", 0, height=120, description="Basket, 0 items", clickable=True,
           bounds=Bounds(900, 0, 1080, 120)),
        el(2, "input", query, 200, hint="" if query else hint, editable=True, clickable=True),
        *shown, app=APP)


def _decide(request, shown, history=(), encoder=None):
    goal = parse_goal(request, encoder)
    view = View(shown, signature_of(shown), GoalMatcher(goal, encoder), list(history))
    return catalogue.sold_here(goal, view)


def _searched(text):
    return [PastStep(TypeText(text, target=ElementRef(2), clear=True), verdict=Verdict.CHANGED,
                     memo=Memo(mark=Mark.SEARCH), app=APP,
                     screen_signature=signature_of(_list()))]


def test_a_named_product_not_in_view_is_searched_for_with_its_model_number(encoder):
    decision = _decide("put a Gamebox 3 in my basket", _list(), encoder=encoder)
    assert decision.action == TypeText("Gamebox 3", target=ElementRef(2), clear=True)
    assert decision.memo.mark is Mark.SEARCH


def test_a_search_that_shows_no_row_of_the_whole_name_means_the_shop_lacks_it(encoder):
    for rows in ((), ("Gamebox Stand",)):  # nothing, or a product sharing a word of it
        decision = _decide("put a Gamebox 3 in my basket", _list("Gamebox 3", rows),
                           _searched("Gamebox 3"), encoder)
        assert isinstance(decision.action, Finish), rows
        assert decision.action.status is FinishStatus.INFEASIBLE
        assert "Gamebox 3" in decision.action.answer


def test_a_row_with_the_whole_name_is_the_product(encoder):
    shown = _list("Gamebox 3", ("Gamebox 3 Console",))
    assert _decide("buy a Gamebox 3", shown, _searched("Gamebox 3"), encoder) is None
    socks = _list("Wool Sock", ("Wool Sock",))  # one of the two asked is still the product
    assert _decide("put two Wool Socks in my basket", socks, _searched("Wool Sock"),
                   encoder) is None


def test_descriptions_and_ranked_picks_conclude_nothing(encoder):
    empty = _list("warm hat", ())
    assert _decide("put a warm hat in my basket", empty, _searched("warm hat"), encoder) is None
    assert _decide("put the cheapest Gamebox in my basket", _list("Gamebox", ()),
                   _searched("Gamebox"), encoder) is None


def test_a_page_with_no_cart_is_no_shop(encoder):
    shown = screen(el(2, "input", "", 200, hint="Search", editable=True, clickable=True),
                   el(10, "button", "Garden Hose", 400, clickable=True), app=APP)
    assert _decide("put a Gamebox 3 in my basket", shown, encoder=encoder) is None


def _kettle_page(checkout: bool = False):
    last = (el(5, "button", "Checkout", 2200, clickable=True) if checkout
            else el(5, "button", "Add to basket", 2200, clickable=True))
    return screen(
        el(1, "button", "", 0, height=120, description="Basket, 2 items", clickable=True,
           bounds=Bounds(900, 0, 1080, 120)),
        el(2, "text", "Copper Kettle", 400), el(3, "text", "£31.00", 560), last, app=APP)


def test_what_is_taken_out_of_the_cart_is_removed_in_the_cart(encoder):
    def decide(request, shown):
        goal = parse_goal(request, encoder)
        view = View(shown, signature_of(shown), GoalMatcher(goal, encoder), [])
        return catalogue.from_cart(goal, view)

    opened = decide("the copper kettle has to go, drop it from my basket",
                    _kettle_page())
    assert opened is not None and opened.action.target == ElementRef(1)
    assert decide("remove the Copper Kettle from the basket", _kettle_page(True)) is None
    assert decide("put the Copper Kettle in my basket", _kettle_page()) is None


def test_a_product_of_another_model_number_is_not_added_for_the_one_named(encoder):
    shown = screen(
        el(1, "button", "", 0, height=120, description="Basket, 0 items", clickable=True,
           bounds=Bounds(900, 0, 1080, 120)),
        el(2, "text", "Gamebox 2 Cover", 400), el(3, "text", "£12.00", 560),
        el(5, "button", "Add to basket", 2200, clickable=True), app=APP)
    goal = parse_goal("add a Gamebox 3 cover to my basket", encoder)
    view = View(shown, signature_of(shown), GoalMatcher(goal, encoder), [])
    first = next(d for d in (t() for t in catalogue.steps(goal, view, None)) if d is not None)
    assert first.action == PressKey(Key.BACK)
    right = parse_goal("add a Gamebox 2 cover to my basket", encoder)
    view = View(shown, signature_of(shown), GoalMatcher(right, encoder), [])
    first = next(d for d in (t() for t in catalogue.steps(right, view, None)) if d is not None)
    assert first.action == Tap(ElementRef(5))


def test_an_address_after_the_product_names_no_product(encoder):
    searched = _list("Elm", ())
    assert _decide("buy the clay pot and send it to 9 Elm Road, York YO1 7HH", searched,
                   _searched("Elm"), encoder) is None
