"""A price asked is read by the item's own words (no verb of paying); asked for several
of an item, it is its price times the count; a question about a thing the page in front does
not show, where that page searches its items, is searched for before it is ruled out, and
ruled out once the search shows nothing. The shop, its items and the requests are our own."""

import pytest

from devices.actions import ElementRef, Finish, FinishStatus, TypeText
from perception.elements import Bounds
from planners.embedded import endings, priced
from planners.embedded.goal import parse_goal
from planners.embedded.memo import Mark, Memo
from planners.embedded.memory import signature_of
from planners.embedded.scoring import GoalMatcher
from planners.embedded.view import View
from planners.planner import Decision, PastStep, Verdict
from tests.embedded.screens import el, screen

APP = "com.example.grocer"


@pytest.mark.unit
def test_a_price_asked_for_several_keeps_the_count_and_the_items_words():
    goal = priced.asked(parse_goal("what would four oven gloves cost?"))
    assert (goal.target, goal.quantity, goal.value_type) == ("oven gloves", 4, "price")
    one = parse_goal("how much is the oven glove?")
    read = priced.asked(one)
    assert (read.target, read.quantity) == (one.target, one.quantity)


@pytest.mark.unit
@pytest.mark.parametrize("request_", [
    "How much does the copper kettle cost?", "what's the copper kettle priced at?",
    "what would the copper kettle set me back?"])
def test_a_price_asked_of_one_item_reads_it_by_its_own_words(request_):
    goal = priced.asked(parse_goal(request_))
    assert (goal.target, goal.quantity, goal.value_type) == ("copper kettle", None, "price")


@pytest.mark.unit
@pytest.mark.parametrize(("read", "count", "total"), [
    ("$3.25", 4, "$13.00"), ("£1,200.00", 2, "£2,400.00"), ("7 €", 3, "21 €")])
def test_the_price_read_is_multiplied_by_the_count(read, count, total):
    goal = priced.asked(parse_goal(f"how much would {count} oven gloves come to?"))
    decision = priced.times(goal, Decision(Finish(answer=read), thought="Read."))
    assert decision is not None and decision.action == Finish(answer=total)


@pytest.mark.unit
def test_a_reading_that_is_no_price_is_no_answer_to_a_price_times_a_count():
    goal = priced.asked(parse_goal("what would 3 oven gloves come to?"))
    assert priced.times(goal, Decision(Finish(answer="Kitchen"), thought="Read.")) is None


def _shop(query: str = "", rows=("Oat Milk 1L", "Rye Bread")):
    return screen(
        el(0, "text", "Grocer", 0, height=120, bounds=Bounds(0, 0, 800, 120)),
        el(1, "button", "", 0, height=120, description="Basket, 0 items", clickable=True,
           bounds=Bounds(900, 0, 1080, 120)),
        el(2, "input", query, 200, hint="Search the aisles", editable=True, clickable=True),
        *[el(10 + i, "button", row, 400 + 200 * i, clickable=True)
          for i, row in enumerate(rows)], app=APP)


def _ruled(request, shown, history=(), encoder=None):
    goal = priced.asked(parse_goal(request, encoder))
    view = View(shown, signature_of(shown), GoalMatcher(goal, encoder), list(history))
    return endings.matches_nothing(goal, 0.1, 0.5, view)


@pytest.mark.slow
def test_a_question_about_an_unlisted_thing_is_searched_before_it_is_ruled_out(encoder):
    request = "what would 3 wool mittens cost?"
    first = _ruled(request, _shop(), encoder=encoder)
    assert first is not None and first.action == TypeText(
        "wool mitten", target=ElementRef(2), clear=True), first
    searched = [PastStep(first.action, verdict=Verdict.CHANGED, memo=Memo(mark=Mark.SEARCH),
                         app=APP, screen_signature=signature_of(_shop()))]
    found = _shop("wool mitten", ("Wool Mitten | $6.50",))
    assert _ruled(request, found, searched, encoder) is None  # shown: read it
    empty = _ruled(request, _shop("wool mitten", ()), searched, encoder)
    assert isinstance(empty.action, Finish) and empty.action.status is FinishStatus.INFEASIBLE
