"""The end of a lookup hands back to the request that asked for it: a value read for a
message is sent, never given as the request's answer. The requests are our own."""

import pytest

from devices.actions import ElementRef, Finish, FinishStatus, Tap, TypeText
from planners.embedded import EmbeddedPlanner, lookup
from planners.embedded.goal import Goal, Intent, Slot, parse_goal
from planners.embedded.memo import memo_of
from planners.planner import Decision, PastStep, Verdict
from tests.embedded.screens import el, screen

pytestmark = pytest.mark.slow


def test_quoted_words_told_to_a_person_are_a_message(encoder):
    goal = parse_goal('tell Wren "eleven fifty"', encoder)
    assert goal.intent is Intent.SEND
    assert [s.value for s in goal.slots] == ["Wren", "eleven fifty"]


def test_a_value_read_for_a_message_leaves_it_a_message(encoder):
    text = "tell Wren how much the copper teapot costs"
    goal = parse_goal(text, encoder)
    assert goal.intent is Intent.SEND and [s.ref for s in goal.slots] == [False, True]
    read = lookup.resolve(text, goal, [], {"how much the copper teapot costs?": "$18.40"})
    assert parse_goal(read.text, encoder).intent is Intent.SEND


def test_a_request_that_reads_otherwise_once_filled_is_given_up():
    """Whatever the parser makes of the request with its value in place, a request to send
    never ends with the value as its answer."""
    asked = "how much the copper teapot costs?"
    sending = Goal("tell Wren how much the copper teapot costs", Intent.SEND, "Wren",
                   slots=(Slot("to", "Wren"), Slot("message", asked[:-1], ref=True)))
    goals = {sending.text: sending, asked: Goal(asked, Intent.ANSWER, "teapot", value_type="price")}

    def goal_of(text: str) -> Goal:
        return goals.get(text, Goal(text, Intent.ANSWER, "Wren"))

    def decide(text, steps):
        return Decision(Finish(answer="$18.40"), thought="The screen shows '$18.40'.")

    decision = lookup.with_lookups(sending.text, [], goal_of, decide)
    assert decision.action == Finish(FinishStatus.FAILURE)
    assert memo_of(decision).read == ((asked, "$18.40"),)


def _product():
    return screen(el(0, "text", "Copper Teapot", 300, height=130),
                  el(1, "text", "$18.40", 450, height=110),
                  el(2, "button", "Add to cart", 1900, clickable=True),
                  app="com.example.store")


def _chat(typed: str = ""):
    hint = "" if typed else "Text message"
    return screen(el(0, "text", "Wren Ito", 0, height=120),
                  el(1, "input", typed, 2000, height=150, editable=True, hint=hint),
                  el(2, "button", "", 2000, height=150, description="Send", clickable=True),
                  app="com.example.messages")


def test_the_planner_sends_the_price_it_read(encoder):
    planner = EmbeddedPlanner(encoder=encoder)
    goal = "tell Wren how much the copper teapot costs"
    first = planner.decide(goal, _product(), [])
    assert memo_of(first).read == (("how much the copper teapot costs?", "$18.40"),)
    assert not isinstance(first.action, Finish)
    step = PastStep(first.action, verdict=Verdict.CHANGED, memo=first.memo)
    typing = planner.decide(goal, _chat(), [step])
    assert typing.action == TypeText("$18.40", target=ElementRef(1), clear=True)
    typed = PastStep(typing.action, verdict=Verdict.CHANGED, memo=typing.memo)
    assert planner.decide(goal, _chat("$18.40"), [step, typed]).action == Tap(ElementRef(2))
