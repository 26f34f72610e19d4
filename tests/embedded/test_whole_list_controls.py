"""A control that acts on a whole list ("Clear basket", "Delete all") is never the way to act
on one item of it: a request about one item presses the item's own control or nothing.
Screens and sentences of our own."""

import pytest

from devices.actions import ElementRef, Tap
from planners.embedded import EmbeddedPlanner
from planners.embedded.goal import Scope, parse_goal
from planners.embedded.harmless import changes_something
from tests.embedded import screens as S

pytestmark = pytest.mark.slow


def hamper(clear: str = "Clear basket") -> S.Screen:
    """A basket of two items, each with its own removal, and one control that empties it."""
    return S.screen(
        S.el(0, "button", "", 0, height=120, clickable=True, description="Navigate up"),
        S.el(1, "text", "Basket", 0, bounds=S.Bounds(140, 0, 700, 120)),
        S.el(2, "button", clear, 0, height=120, clickable=True,
             bounds=S.Bounds(740, 0, 1080, 120)),
        S.el(3, "text", "Walnut Bookend", 300, bounds=S.Bounds(0, 300, 700, 420)),
        S.el(4, "button", "Remove", 300, height=120, clickable=True,
             bounds=S.Bounds(740, 300, 1080, 420)),
        S.el(5, "text", "Linen Throw", 460, bounds=S.Bounds(0, 460, 700, 580)),
        S.el(6, "button", "Remove", 460, height=120, clickable=True,
             bounds=S.Bounds(740, 460, 1080, 580)),
        S.el(7, "button", "Proceed to payment", 2000, clickable=True),
        app="com.example.store",
    )


@pytest.mark.parametrize("clear", ["Clear basket", "Empty basket", "Remove all"])
def test_a_request_about_one_item_never_clears_the_list(encoder, clear):
    shown = hamper(clear)
    one = parse_goal("pull the walnut bookend out of my basket", encoder)
    assert one.scope is Scope.ONE
    assert changes_something(shown.elements[2], shown, one)
    decision = EmbeddedPlanner(encoder=encoder).decide(
        "pull the walnut bookend out of my basket", shown, [])
    assert decision.action != Tap(ElementRef(2))
    assert decision.action not in (Tap(ElementRef(6)),)  # nor the other item's removal


def test_a_request_about_the_whole_list_may_clear_it(encoder):
    shown = hamper()
    every = parse_goal("get rid of everything in my basket", encoder)
    assert every.scope is Scope.ALL
    assert not changes_something(shown.elements[2], shown, every)
