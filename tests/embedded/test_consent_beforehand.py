"""Consent known beforehand: when payments are neither approved nor can be asked for, a
purchase is not started (nothing is added to a cart for an order that cannot be placed),
but the item is still looked for, and requests that pay for nothing go on. The shop, its
items and the requests are our own, in no task file."""

import pytest

from devices.actions import ElementRef, Finish, FinishStatus, Tap
from perception.elements import Bounds
from planners.embedded.planner import EmbeddedPlanner
from planners.planner import Briefed, Consents
from tests.embedded.screens import el, screen

pytestmark = pytest.mark.slow

APP = "com.example.garden"
BUY = "Buy two Clay Pots and deliver them to 5 Willow Way, Leeds"


def _item_page():
    return screen(
        el(0, "button", "", 0, height=120, description="Navigate up", clickable=True,
           bounds=Bounds(0, 0, 120, 120)),
        el(1, "button", "", 0, height=120, description="Basket, 0 items", clickable=True,
           bounds=Bounds(900, 0, 1080, 120)),
        el(2, "text", "Clay Pot", 400), el(3, "text", "£4.50", 560),
        el(4, "text", "Terracotta pot, 12 cm, with a saucer.", 720),
        el(5, "button", "Add to basket", 2200, clickable=True), app=APP)


def _other_item_page():
    return screen(
        el(0, "button", "", 0, height=120, description="Navigate up", clickable=True,
           bounds=Bounds(0, 0, 120, 120)),
        el(2, "text", "Watering Can", 400), el(3, "text", "£9.00", 560),
        el(5, "button", "Add to basket", 2200, clickable=True), app=APP)


def _planner(encoder, consents=None):
    planner = EmbeddedPlanner(encoder=encoder)
    if consents is not None:
        planner.brief(consents)
    return planner


def test_the_embedded_planner_is_briefed_on_consents(encoder):
    assert isinstance(_planner(encoder), Briefed)


@pytest.mark.parametrize("consents", [None, Consents(frozenset({"payment"})),
                                      Consents(can_ask=True)])
def test_with_payment_approved_or_someone_to_ask_the_item_is_added(encoder, consents):
    decision = _planner(encoder, consents).decide(BUY, _item_page(), [])
    assert decision.action == Tap(ElementRef(5))


@pytest.mark.parametrize("approved", [frozenset(), frozenset({"deletion"})])
def test_with_payment_withheld_the_purchase_stops_before_the_cart_changes(encoder, approved):
    decision = _planner(encoder, Consents(approved)).decide(BUY, _item_page(), [])
    assert isinstance(decision.action, Finish)
    assert decision.action.status is FinishStatus.FAILURE
    assert "payment" in decision.action.answer and "approved" in decision.action.answer


def test_with_payment_withheld_another_items_page_is_no_reason_to_stop(encoder):
    decision = _planner(encoder, Consents()).decide(BUY, _other_item_page(), [])
    assert not (isinstance(decision.action, Finish)
                and decision.action.status is FinishStatus.FAILURE)


def test_with_payment_withheld_a_request_that_pays_nothing_goes_on(encoder):
    decision = _planner(encoder, Consents()).decide("add a Clay Pot to my basket",
                                                    _item_page(), [])
    assert decision.action == Tap(ElementRef(5))


def _trolley():
    return screen(
        el(0, "button", "", 0, height=120, description="Navigate up", clickable=True,
           bounds=Bounds(0, 0, 120, 120)),
        el(1, "text", "Trolley", 0, height=120, bounds=Bounds(140, 0, 700, 120)),
        el(2, "text", "Clay Pot", 400), el(3, "text", "£4.50", 560),
        el(4, "text", "Total £4.50", 1800),
        el(5, "button", "Checkout", 2200, clickable=True), app=APP)


def _shop_front():
    return screen(
        el(0, "input", "", 60, hint="Search the garden shop", editable=True, clickable=True),
        el(1, "button", "", 0, height=120, description="Trolley, 1 item", clickable=True,
           bounds=Bounds(900, 0, 1080, 120)),
        el(2, "button", "Seeds", 400, clickable=True),
        el(3, "button", "Tools", 600, clickable=True), app=APP)


@pytest.mark.parametrize("page", [_trolley, _shop_front])
def test_with_payment_withheld_a_request_to_pay_for_what_is_held_stops_at_once(encoder, page):
    """Paying for what a trolley holds is buying it: the payment is the request's own end,
    so it is not started when nobody approved it, wherever the request finds the phone (the
    place it ships to names no item to look for first)."""
    decision = _planner(encoder, Consents()).decide(
        "pay for the things in my trolley and deliver them to 12 Rowan Road, York",
        page(), [])
    assert isinstance(decision.action, Finish)
    assert decision.action.status is FinishStatus.FAILURE
    assert "payment" in decision.action.answer
