"""Which item of a list a request means: a place on the list ("at the bottom", "the third
one"), the list's own order where its rows show no time ("my newest memo"), the kind a
superlative names ("the cheapest kettle" is no kettle descaler), and two things joined by
"and" as one order each. The requests and screens are of our own."""

import pytest

from devices.actions import Direction, Scroll
from planners.embedded import lists, parts
from planners.embedded.goal import Intent, parse_goal, split_goal
from planners.embedded.memo import memo_of
from planners.embedded.memory import signature_of
from planners.embedded.operations import RankKey, place
from planners.embedded.scoring import GoalMatcher
from planners.embedded.view import View
from planners.planner import PastStep, Verdict
from tests.embedded.screens import el, screen

pytestmark = pytest.mark.slow


def _list(*rows: tuple[str, str], extra=()):
    items = [el(i + 1, "button", label, 300 + 200 * i, height=180, clickable=True,
                description=summary) for i, (label, summary) in enumerate(rows)]
    return screen(el(0, "list", "", 280, height=1800, scrollable=True), *items, *extra,
                  app="com.example.memos")


NEW_MEMO = (el(8, "button", "New memo", 2150, height=120, clickable=True),)


def _view(goal: str, shown, history=(), encoder=None):
    parsed = parse_goal(goal, encoder)
    return parsed, View(shown, signature_of(shown), GoalMatcher(parsed, encoder), list(history))


def _ended(decision, shown):
    """The scroll `decision` asked for, as the loop returns it once the list has ended."""
    return PastStep(decision.action, verdict=Verdict.NO_CHANGE, memo=decision.memo,
                    screen_signature=signature_of(shown))


MEMOS = [("Piano scales", "practice daily"), ("Bread starter", "feed at night"),
         ("Yoga poses", "warrior, tree"), ("Bike pump", "borrowed by Sam")]
PEOPLE = [("Aiko Mori", ""), ("Bruno Costa", ""), ("Carmen Diaz", ""), ("Dev Patel", "")]


@pytest.mark.parametrize(("text", "from_bottom", "nth"), [
    ("which contact is at the very bottom of the list?", True, 0),
    ("read me the third memo", False, 2),
    ("open my second one from the end", True, 1),
])
def test_a_place_on_the_list_is_read_as_one(text, from_bottom, nth):
    rank = place(text)
    assert rank is not None and rank.key is RankKey.PLACE
    assert (rank.highest, rank.nth) == (from_bottom, nth)


@pytest.mark.parametrize("text", ["move the Bread memo to the top", "add a second timer",
                                  "remind me on the second Friday", "buy the striped top"])
def test_a_place_something_goes_to_or_a_date_is_no_row(text):
    assert place(text) is None


def test_the_top_row_is_read_where_the_list_opens(encoder):
    goal, view = _view("which memo sits at the top of my list?", _list(*MEMOS, extra=NEW_MEMO),
                       encoder=encoder)
    assert lists.ranked(goal, view, True).action.answer.startswith("Piano scales")


def test_the_bottom_row_is_read_once_the_list_has_ended(encoder):
    shown = _list(*PEOPLE)
    goal, view = _view("who is the bottom one in my address book?", shown, encoder=encoder)
    first = lists.ranked(goal, view, True)
    assert first.action == Scroll(Direction.DOWN)
    goal, view = _view("who is the bottom one in my address book?", shown,
                       [_ended(first, shown)], encoder)
    assert lists.ranked(goal, view, True).action.answer == "Dev Patel"


def test_rows_without_times_are_newest_first(encoder):
    goal, view = _view("what's the name of the memo I made most recently?",
                       _list(*MEMOS, extra=NEW_MEMO), encoder=encoder)
    assert lists.ranked(goal, view, True).action.answer == "Piano scales"
    shown = _list(*MEMOS, extra=NEW_MEMO)
    goal, view = _view("what is my earliest memo called?", shown, encoder=encoder)
    first = lists.ranked(goal, view, True)
    goal, view = _view("what is my earliest memo called?", shown, [_ended(first, shown)],
                       encoder)
    assert lists.ranked(goal, view, True).action.answer == "Bike pump"


def test_rows_in_alphabetical_order_tell_nothing_of_time(encoder):
    goal, view = _view("who did I add to my address book most recently?", _list(*PEOPLE),
                       encoder=encoder)
    assert lists.ranked(goal, view, True) is None


KETTLES = [("Kettle Descaler", "$4.99 · Kitchen"), ("Glass Kettle", "$25.00 · Kitchen"),
           ("Steel Kettle", "$30.00 · Kitchen"), ("Bread Tin", "$3.50 · Kitchen")]


def test_the_kind_narrows_the_rows_before_the_order(encoder):
    shown = _list(*KETTLES, extra=(el(9, "field", "", 100, editable=True,
                                      hint="Search products"),))
    goal, view = _view("which is the least expensive kettle on sale?", shown, encoder=encoder)
    assert memo_of(lists.ranked(goal, view, True)).best.startswith("Glass Kettle")


def test_a_noun_phrase_asked_about_is_a_question(encoder):
    goal = parse_goal("cheapest kettle in stock?", encoder)
    assert goal.intent is Intent.ANSWER and goal.rank is not None


def test_a_list_named_by_its_purpose_is_still_a_list(encoder):
    goal = parse_goal("add plums to my picnic shopping list", encoder)
    assert goal.intent is Intent.EDIT
    assert parse_goal("add plums to my shopping basket", encoder).intent is Intent.CREATE


def test_two_things_joined_by_and_are_one_order_each(encoder):
    assert split_goal("drop a candle and two vases into my basket", encoder) == [
        "drop a candle into my basket", "drop two vases into my basket"]
    assert split_goal("erase the Yoga memo and the Piano memo", encoder) == [
        "erase the Yoga memo", "erase the Piano memo"]


@pytest.mark.parametrize("text", ["jot down: soap, rice and beans",
                                  "write a memo with a sketch and a caption",
                                  "add 'a pen and a pad' to my Desk memo"])
def test_words_to_write_or_one_thing_with_parts_are_not_cut(text):
    assert parts.each_item(text) == [text]
