"""A rename: the item is found by its old name, and the new one goes into the field that
shows the old one."""

import pytest

from devices.actions import ElementRef, Tap, TypeText
from perception.elements import Bounds
from planners.embedded import EmbeddedPlanner
from planners.embedded.goal import parse_goal
from planners.embedded.memo import Mark, Memo
from planners.embedded.search import sought
from planners.planner import PastStep, Verdict
from tests.embedded import screens as S

pytestmark = pytest.mark.slow

GOAL = "Rename the note 'Trip' to 'Trip to Oslo'"


@pytest.fixture(scope="module")
def planner(encoder) -> EmbeddedPlanner:
    return EmbeddedPlanner(encoder=encoder)


def test_the_item_is_sought_by_its_old_name(encoder):
    assert sought(parse_goal(GOAL, encoder)) == "Trip"


def editor():
    return S.screen(
        S.el(0, "image_button", "", 0, height=120, clickable=True, description="Navigate up"),
        S.el(1, "image_button", "", 0, clickable=True, description="Done",
             bounds=Bounds(930, 0, 1060, 120)),
        S.el(2, "input", "Trip", 200, editable=True, clickable=True),
        S.el(3, "input", "Book the ferry, pack boots and the blue rain jacket", 400,
             height=400, editable=True, clickable=True),
        app="com.example.jotter",
    )


def test_the_new_name_goes_into_the_field_that_shows_the_old_one(planner):
    opened = PastStep(Tap(ElementRef(7)), outcome="opened", verdict=Verdict.CHANGED,
                      memo=Memo(mark=Mark.OPEN_ITEM, item="Trip"), screen_signature="list")
    decision = planner.decide(GOAL, editor(), [opened])
    assert decision.action == TypeText("Trip to Oslo", ElementRef(2), clear=True)


def test_a_search_for_the_old_name_is_not_renamed(planner):
    results = S.screen(
        S.el(0, "input", "Trip", 100, editable=True, clickable=True, hint="Search notes"),
        S.el(1, "button", "Trip | Book the ferry", 300, clickable=True),
        app="com.example.jotter",
    )
    decision = planner.decide(GOAL, results, [])
    assert decision.action != TypeText("Trip to Oslo", ElementRef(0), clear=True)


def test_after_a_search_the_opened_items_title_is_renamed_not_taken_for_the_search(planner):
    searched = PastStep(TypeText("Trip", ElementRef(0), clear=True), verdict=Verdict.CHANGED,
                        memo=Memo(mark=Mark.SEARCH), screen_signature="list")
    opened = PastStep(Tap(ElementRef(1)), verdict=Verdict.CHANGED, screen_signature="results",
                      memo=Memo(mark=Mark.OPEN_ITEM, item="Trip"))
    decision = planner.decide(GOAL, editor(), [searched, opened])
    assert decision.action == TypeText("Trip to Oslo", ElementRef(2), clear=True)


def test_a_button_that_starts_a_new_item_is_not_the_item_named(planner):
    jotter = S.screen(
        S.el(0, "button", "New note", 100, clickable=True),
        S.el(1, "button", "Groceries | eggs, rice", 300, clickable=True),
        S.el(2, "button", "To buy | bins, stamps", 500, clickable=True),
        app="com.example.jotter",
    )
    decision = planner.decide("Put 'descale kettle' at the end of my to-buy note", jotter, [])
    assert decision.action != Tap(ElementRef(0))
