"""What several things come to together is a sum of their prices, each read as a question of
its own, never one row's price. Sentences of our own, in no task file."""

from __future__ import annotations

import pytest

from devices.actions import Direction, Finish, FinishStatus, Scroll
from planners.embedded.goal import parse_goal
from planners.embedded.memo import memo_of
from planners.embedded.sums import add_up, summed
from planners.planner import Decision, PastStep, Verdict


@pytest.mark.parametrize(("text", "things"), [
    ("I might buy three candles and a lantern. What would that all come to?",
     [(3, "candle"), (1, "lantern")]),
    ("how much are 2 teapots plus a box of the green tea altogether?",
     [(2, "teapot"), (1, "green tea")]),
    ("what would four batteries, a torch and two boxes come to in total?",
     [(4, "battery"), (1, "torch"), (2, "box")]),
])
def test_a_total_of_several_things_is_a_sum_of_each(text, things):
    assert summed(text, parse_goal(text)) == things


@pytest.mark.parametrize("text", ["what does the lantern cost?",
                                  "how much is a lantern altogether?",
                                  "set an alarm for 7 and call it Both"])
def test_one_thing_or_no_total_is_no_sum(text):
    assert summed(text, parse_goal(text)) == []


def _answered(prices: dict[str, str], looked: list[str]):
    """A decide that reads a price where it is given, and looks further where it is not."""
    def decide(asked: str, steps):
        looked.append(asked)
        thing = asked.removeprefix("What does the ").removesuffix(" cost?")
        if thing in prices:
            return Decision(Finish(FinishStatus.SUCCESS, answer=prices[thing]), thought="read")
        return Decision(Scroll(Direction.DOWN), thought="look further")
    return decide


def _answer_of(decision: Decision, asked: str) -> str | None:
    action = decision.action
    return action.answer if isinstance(action, Finish) and action.answer else None


def test_the_prices_read_are_counted_and_added():
    looked: list[str] = []
    things = [(3, "candle"), (1, "lantern")]
    done = add_up(things, [], _answer_of, _answered({"candle": "$4.50", "lantern": "$22.00"},
                                                    looked))
    assert done.action == Finish(FinishStatus.SUCCESS, answer="$35.50")


def test_a_price_read_is_kept_while_the_next_is_looked_for():
    looked: list[str] = []
    things = [(3, "candle"), (1, "lantern")]
    step = add_up(things, [], _answer_of, _answered({"candle": "$4.50"}, looked))
    assert isinstance(step.action, Scroll)
    assert memo_of(step).lookup == "What does the lantern cost?"
    past = PastStep(step.action, verdict=Verdict.CHANGED, memo=step.memo)
    done = add_up(things, [past], _answer_of, _answered({"lantern": "$22.00"}, looked))
    assert done.action == Finish(FinishStatus.SUCCESS, answer="$35.50")


def test_a_price_that_cannot_be_read_gives_up_and_says_which():
    def nowhere(asked, steps):
        return Decision(Finish(FinishStatus.FAILURE), thought="not found")
    done = add_up([(2, "candle"), (1, "lantern")], [], _answer_of, nowhere)
    assert done.action == Finish(FinishStatus.FAILURE)
    assert "candle" in done.thought
