"""Sentences told around the one that asks: leave to pay given after an order, a reason that
ends with its sentence, "whatever the X is" after a sentence that tells, the product named
in the clause that asks, a purchase told and then its price asked. Requests and screens of
our own, in no task file."""

from __future__ import annotations

from devices.actions import Tap
from planners.embedded import catalogue, priced, purchase
from planners.embedded.asking import request_clause
from planners.embedded.goal import Intent, parse_goal
from planners.embedded.memory import signature_of
from planners.embedded.operations import RankKey
from planners.embedded.scoring import GoalMatcher
from planners.embedded.view import View
from planners.planner import PastStep, Verdict
from tests.embedded.screens import el, screen


def test_leave_to_pay_after_an_order_is_no_order_of_its_own():
    clause, told = request_clause("Payday. Order two Oak Coasters, shipped to 4 Elm Way. "
                                  "Sure, go ahead and pay.")
    assert clause.startswith("Order two Oak Coasters") and "go ahead and pay." in told


def test_a_reason_ends_with_its_sentence_and_the_order_after_it_is_read():
    goal = parse_goal("Got paid today so I'm spoiling myself. Whatever the cheapest kettle "
                      "they sell is, add it to my bag.")
    assert goal.intent is Intent.CREATE
    assert goal.rank is not None and goal.rank.key is RankKey.VALUE and not goal.rank.highest
    assert "kettle" in goal.target


def test_the_product_is_named_in_the_clause_that_asks_not_in_the_sentence_before():
    goal = parse_goal("Mum's party is Sunday. Buy one Tea Tin as a gift.")
    assert catalogue._name(goal) == "Tea Tin"


def test_come_to_asks_what_it_costs_and_that_is_the_purchase_told():
    assert "cost" in parse_goal("what would three candles come to?").text
    goal = priced.asked(parse_goal("I'm planning on buying 4 beeswax candles. What would "
                                   "that cost?"))
    assert goal.quantity == 4 and "candles" in goal.target


def test_after_an_inverted_question_the_verb_is_no_word_of_a_name():
    goal = parse_goal("What would the lamp from the shop cost?")
    assert not any("cost" in e for e in goal.entities)


def _product(name: str):
    return screen(el(0, "text", name, 100), el(1, "button", "Add to cart", 400, clickable=True),
                  el(2, "button", "Cart, 0 items", 0, height=80, clickable=True),
                  app="com.example.shop")


def test_an_item_named_by_no_word_is_the_one_the_request_started_on(encoder):
    goal = parse_goal("put this in my basket", encoder)
    page = _product("Clay Mug")
    started = View(page, signature_of(page), GoalMatcher(goal, encoder), [])
    assert purchase.item_here(goal, started)
    elsewhere = screen(el(0, "text", "Shop", 0), el(1, "button", "Clay Mug", 300,
                                                    clickable=True), app="com.example.shop")
    opened = PastStep(Tap(None), verdict=Verdict.CHANGED, screen_signature=signature_of(elsewhere))
    later = View(page, signature_of(page), GoalMatcher(goal, encoder), [opened])
    assert not purchase.item_here(goal, later)  # a page the planner opened itself is any item


def test_a_remark_after_a_count_narrows_nothing():
    from planners.embedded import tallies
    goal = parse_goal("how many timers have I even set? running or paused, I don't care")
    assert tallies.unreadable(goal) == "" and tallies.row_test(goal) is None


def test_words_that_set_the_scene_before_a_colon_are_context_not_a_place():
    goal = parse_goal("One thing before I head out: is the torch on, or is it off?")
    assert goal.intent is Intent.ANSWER and goal.value_type == "state"
    assert goal.target.split() == ["torch"]
    clause, _ = request_clause("Reply to Mom: see you at eight")
    assert clause.startswith("Reply to Mom")  # a colon after a name says whom, not a scene


def test_a_question_with_the_other_answer_after_or_asks_a_state():
    goal = parse_goal("is my tablet syncing its photos, or is that switched off?")
    assert goal.intent is Intent.ANSWER and goal.value_type == "state" and goal.desired is True
    assert "photos" in goal.target


def test_it_after_a_value_told_is_the_words_that_told_it():
    goal = parse_goal("new bike lock. the code's 4-8-1-5, could you save that as a note")
    assert goal.intent is Intent.CREATE
    assert {s.name: s.value for s in goal.slots} == {"text": "the code's 4-8-1-5"}


def test_a_wish_of_a_thing_done_and_put_somewhere_is_that_act_never_a_switch():
    goal = parse_goal("Ines sent me the alarm code for the shed. I'd like it copied into a "
                      "note, I'll want the code later")
    assert goal.intent is Intent.CREATE and goal.intent is not Intent.TOGGLE
    assert {s.name: (s.value, s.ref) for s in goal.slots} == {"text": ("the code", True)}


def test_a_clause_of_time_with_its_subject_first_is_no_question_and_its_sentence_is_told():
    from planners.embedded.purpose import main_clause
    from planners.embedded.wording import is_question
    assert not is_question("When I get home the porch light stays off", False)
    assert is_question("when is my next alarm", False) and is_question("when's the bus", False)
    text = "When I plug it in my tablet shows a weird name. I want it called Desk Tab."
    assert main_clause(text) == text
