"""Buying goes item page -> cart -> checkout -> payment -> confirmation, each page known by
what it offers; payment happens only when the summary lists the item and the quantity asked
and nothing else, and success only when the page after paying confirms the order. The shop,
its items and the requests are our own, in no task file."""

import pytest

from devices.actions import ElementRef, Finish, FinishStatus, Key, PressKey, Tap, TypeText
from perception.elements import Bounds
from planners.embedded import purchase
from planners.embedded.goal import Intent, parse_goal
from planners.embedded.memo import Mark, Memo
from planners.embedded.memory import signature_of
from planners.embedded.scoring import GoalMatcher
from planners.embedded.view import View
from planners.planner import PastStep, Verdict
from tests.embedded.screens import el, screen

pytestmark = pytest.mark.slow

APP = "com.example.garden"
GOAL = "Buy three Clay Pots and deliver them to 5 Willow Way, Leeds"


def _view(goal, shown, history=(), encoder=None):
    parsed = parse_goal(goal, encoder)
    return parsed, View(shown, signature_of(shown), GoalMatcher(parsed, encoder), list(history))


def _item_page(count: int = 0):
    return screen(
        el(0, "button", "", 0, height=120, description="Navigate up", clickable=True,
           bounds=Bounds(0, 0, 120, 120)),
        el(1, "button", "", 0, height=120, description=f"Basket, {count} items",
           clickable=True, bounds=Bounds(900, 0, 1080, 120)),
        el(2, "text", "Clay Pot", 400), el(3, "text", "£4.50", 560),
        el(4, "text", "Terracotta pot, 12 cm, with a saucer.", 720),
        el(5, "button", "Add to basket", 2200, clickable=True), app=APP)


def _basket(qty: int, other: str = ""):
    rows = [el(1, "text", "Clay Pot", 300, bounds=Bounds(0, 300, 500, 460)),
            el(2, "button", "−", 300, clickable=True, bounds=Bounds(560, 300, 680, 460)),
            el(3, "text", str(qty), 300, bounds=Bounds(690, 300, 780, 460)),
            el(4, "button", "+", 300, clickable=True, bounds=Bounds(790, 300, 910, 460))]
    if other:
        rows.append(el(5, "text", other, 500, bounds=Bounds(0, 500, 500, 660)))
    return screen(el(0, "text", "Your basket", 0, height=120), *rows,
                  el(9, "button", "Proceed to checkout", 2200, clickable=True), app=APP)


def _checkout(address: str = "", lines=("3 x Clay Pot",), enabled: bool = True):
    summary = [el(10 + i, "text", line, 700 + 120 * i, height=100)
               for i, line in enumerate(lines)]
    return screen(
        el(0, "text", "Checkout", 0, height=120),
        el(1, "input", address, 300, hint="Delivery address", editable=True, clickable=True),
        *summary, el(20, "text", "Total £13.50", 1500, height=100),
        el(21, "button", "Place order", 2200, clickable=True, enabled=enabled), app=APP)


def _paid(shown):
    return PastStep(Tap(ElementRef(21)), verdict=Verdict.CHANGED, memo=Memo(mark=Mark.PAY),
                    screen_signature=signature_of(shown), app=APP)


def _first(goal, view):
    for step in purchase.steps(goal, view):
        decision = step()
        if decision is not None:
            return decision
    return None


def test_buying_reads_as_a_purchase_and_sorting_does_not(encoder):
    shown = _item_page()
    for request, buys in ((GOAL, True), ("purchase a garden hose", True),
                          ("order the plants by price", False),
                          ("how much is the clay pot?", False)):
        goal, view = _view(request, shown, encoder=encoder)
        assert purchase.is_purchase(goal, view) is buys, request


def test_on_the_item_page_the_add_button_is_pressed_until_the_counter_rose_by_the_quantity(
        encoder):
    goal, view = _view(GOAL, _item_page(0), encoder=encoder)
    first = _first(goal, view)
    assert first.action == Tap(ElementRef(5)) and first.memo.mark is Mark.NEW_ITEM
    history = [PastStep(first.action, verdict=Verdict.CHANGED, memo=first.memo, app=APP,
                        screen_signature=signature_of(_item_page(0)))]
    goal, view = _view(GOAL, _item_page(1), history, encoder)
    assert _first(goal, view).action == Tap(ElementRef(5))  # 1 of 3 so far
    history += [PastStep(Tap(ElementRef(5)), verdict=Verdict.CHANGED, app=APP,
                         memo=Memo(mark=Mark.NEW_ITEM, counts=(("basket, # item", 1),)))] * 2
    goal, view = _view(GOAL, _item_page(3), history, encoder)
    assert _first(goal, view).action == Tap(ElementRef(1))  # three added: the basket


def test_in_the_cart_the_items_stepper_is_set_before_checking_out(encoder):
    goal, view = _view(GOAL, _basket(1), encoder=encoder)
    assert _first(goal, view).action == Tap(ElementRef(4))
    goal, view = _view(GOAL, _basket(3), encoder=encoder)
    assert _first(goal, view).action == Tap(ElementRef(9))


def test_the_checkout_gets_the_address_then_is_paid_when_the_summary_is_right(encoder):
    goal, view = _view(GOAL, _checkout(), encoder=encoder)
    typed = _first(goal, view)
    assert isinstance(typed.action, TypeText) and typed.action.text == "5 Willow Way, Leeds"
    goal, view = _view(GOAL, _checkout("5 Willow Way, Leeds"), encoder=encoder)
    paid = _first(goal, view)
    assert paid.action == Tap(ElementRef(21)) and paid.memo.mark is Mark.PAY


def test_an_order_that_holds_more_than_was_asked_is_not_paid_for(encoder):
    shown = _checkout("5 Willow Way, Leeds", ("3 x Clay Pot", "1 x Watering Can"))
    goal, view = _view(GOAL, shown, encoder=encoder)
    stop = _first(goal, view)
    assert stop.action.status is FinishStatus.FAILURE and "Watering Can" in stop.thought


def test_a_summary_with_another_quantity_sends_back_to_the_cart(encoder):
    goal, view = _view(GOAL, _checkout("5 Willow Way, Leeds", ("1 x Clay Pot",)),
                       encoder=encoder)
    assert _first(goal, view).action == PressKey(Key.BACK)


def test_a_checkout_that_cannot_be_paid_for_want_of_a_value_is_given_up(encoder):
    goal, view = _view("Buy three Clay Pots", _checkout(enabled=False), encoder=encoder)
    stop = _first(goal, view)
    assert stop.action.status is FinishStatus.FAILURE and "Delivery address" in stop.thought


def test_success_only_once_the_page_after_paying_confirms_the_order(encoder):
    done = screen(el(0, "text", "Thank you for your order!", 400),
                  el(1, "text", "Delivering to 5 Willow Way, Leeds", 600),
                  el(2, "button", "Back to the shop", 2200, clickable=True), app=APP)
    before = _checkout("5 Willow Way, Leeds")
    goal, view = _view(GOAL, done, [_paid(before)], encoder)
    decision = _first(goal, view)
    assert isinstance(decision.action, Finish) and decision.action.status is (
        FinishStatus.SUCCESS)
    silent = screen(el(0, "text", "Garden shop", 0), el(1, "button", "Clay Pot", 300,
                                                        clickable=True), app=APP)
    waited = PastStep(None, verdict=Verdict.NO_CHANGE, screen_signature=signature_of(silent))
    goal, view = _view(GOAL, silent, [_paid(before), waited], encoder)
    assert _first(goal, view).action.status is FinishStatus.FAILURE


def test_without_paying_nothing_is_a_purchase_done(encoder):
    done = screen(el(0, "text", "Order placed", 400), app=APP)
    goal, view = _view(GOAL, done, encoder=encoder)
    assert _first(goal, view) is None


@pytest.mark.parametrize("request_, count", [
    ("Put 3x Garden Gloves in my basket", 3),
    ("Order the Brass Lamp x2", 2),
    ("Add a couple of beeswax candles to the cart", 2),
    ("Add five tulip bulbs to my basket", 5),
    ("Add the Hose Reel (15 m) to my basket", None),  # a size in its name, not a count
    ("Add the Seed Tray (6 pack) to my basket", None),
    ("add a 2 m garden hose to my basket", None),  # a size before its unit
    ("Set a timer for 5 minutes", None),
])
def test_how_many_items_a_request_asks_for(request_, count):
    assert purchase.wanted(parse_goal(request_)) == (count or 1)
    assert parse_goal(request_).quantity == count


def test_a_counter_that_rose_on_another_items_page_is_no_evidence(encoder):
    """The page of "Clay Pot" proves nothing of a "Clay Bowl" asked for: they share a word."""
    history = [PastStep(Tap(ElementRef(5)), verdict=Verdict.CHANGED, app=APP,
                        memo=Memo(mark=Mark.NEW_ITEM, counts=(("basket, # item", 0),)),
                        screen_signature=signature_of(_item_page(0)))]
    for request in ("Add the Clay Bowl to my basket", "Add two Clay Bowls to my basket"):
        goal, view = _view(request, _item_page(1), history, encoder)
        assert purchase.added_enough(goal, view) is None
        assert purchase.added_in_place(goal, view) is None
    goal, view = _view("Add the Clay Pot to my basket", _item_page(1), history, encoder)
    assert isinstance(purchase.added_in_place(goal, view).action, Finish)


@pytest.mark.parametrize("request_, address", [
    ("Buy a Rain Barrel and send it to 5 Willow Way, Leeds", "5 Willow Way, Leeds"),
    ("Ship the Bird Bath to 40 Quarry Lane", "40 Quarry Lane"),
    ("Ship the Sun Hat to 7 Rue Cler", "7 Rue Cler"),
    ("Purchase 3 Seed Packets and deliver to 1 Mill Rd, Ely", "1 Mill Rd, Ely"),
    ("Put 2 Garden Gloves in my basket", None),  # a count before a name is no address
])
def test_a_street_address_ends_on_a_kind_of_street_or_goes_on_to_a_town(request_, address):
    found = [s.value for s in parse_goal(request_).slots if s.name == "address"]
    assert found == ([address] if address else [])


def test_putting_an_item_into_a_basket_adds_it_and_a_mode_is_still_a_switch():
    goal = parse_goal("Put 2 Garden Gloves in my basket")
    assert (goal.intent, goal.quantity) == (Intent.CREATE, 2)
    assert parse_goal("Put the phone into silent mode").intent is Intent.TOGGLE


def test_the_add_button_of_another_item_sharing_a_word_is_not_pressed(encoder):
    from planners.embedded import acts
    goal, view = _view("Add the Clay Bowl to my basket", _item_page(0), encoder=encoder)
    assert acts.press_verb(goal, view) is None and purchase.add_to_cart(goal, view) is None
    goal, view = _view("Add the Clay Pot to my basket", _item_page(0), encoder=encoder)
    assert purchase.add_to_cart(goal, view).action == Tap(ElementRef(5))


def _lines(*names):
    rows = []
    for i, name in enumerate(names):
        top, base = 300 + 200 * i, 10 * (i + 1)
        rows += [el(base, "text", name, top, bounds=Bounds(0, top, 480, top + 160)),
                 el(base + 1, "button", "", top, description=f"Decrease {name}", clickable=True,
                    bounds=Bounds(500, top, 620, top + 160)),
                 el(base + 2, "text", "1", top, bounds=Bounds(630, top, 700, top + 160)),
                 el(base + 3, "button", "", top, description=f"Increase {name}", clickable=True,
                    bounds=Bounds(710, top, 830, top + 160)),
                 el(base + 4, "button", "", top, description=f"Remove {name}", clickable=True,
                    bounds=Bounds(850, top, 1000, top + 160))]
    return screen(el(0, "text", "Your basket", 0, height=120), *rows,
                  el(9, "button", "Proceed to checkout", 2200, clickable=True), app=APP)


def test_an_item_taken_out_by_a_common_name_is_done_when_its_line_is_gone(encoder):
    """"the linen apron": no name of its own to look for; the control pressed named it, and
    its going is the evidence. The other line's remove is never pressed after it."""
    from planners.embedded import acts
    request = "Take the linen apron out of my basket"
    goal, view = _view(request, _lines("Linen Apron", "Wool Scarf"), encoder=encoder)
    pressed = acts.press_verb(goal, view)
    assert pressed.action == Tap(ElementRef(14))
    step = PastStep(pressed.action, verdict=Verdict.CHANGED, memo=pressed.memo, app=APP,
                    screen_signature=view.sig)
    goal, view = _view(request, _lines("Wool Scarf"), [step], encoder)
    done = acts.verb_done(goal, view)
    assert isinstance(done.action, Finish) and done.action.status is FinishStatus.SUCCESS
    goal, view = _view(request, _lines("Linen Apron", "Wool Scarf"), [step], encoder)
    assert acts.verb_done(goal, view) is None  # still listed: not done


@pytest.mark.parametrize("request_, highest", [
    ("Which houseplant in the garden shop costs the least?", False),
    ("which seeds cost the most here", True),
    ("Which lamp do you like the most", None),  # a liking is no price and no time
])
def test_a_verb_ranked_by_the_most_or_the_least(request_, highest):
    rank = parse_goal(request_).rank
    assert (rank.highest if rank else None) == highest
