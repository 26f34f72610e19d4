"""A clause that sets how many there are of a thing ("make it two of the X in my bag",
"four of them, not one") changes the count of what is already there: the place it names
says where the thing is, and nothing is written or put there. The requests are our own."""

import pytest

from planners.embedded.counts import changes_count
from planners.embedded.goal import Intent, parse_goal


@pytest.mark.unit
@pytest.mark.parametrize("request_", [
    "Could you make it 3 of the Wool Socks in my basket rather than one",
    "Make that two of the Garden Gloves in my basket rather than one"])
def test_a_count_set_in_the_cart_writes_nothing_there(request_):
    goal = parse_goal(request_)
    assert goal.intent is not Intent.EDIT and not goal.slots
    assert "Wool Socks" in goal.entities or "Garden Gloves" in goal.entities


@pytest.mark.unit
@pytest.mark.parametrize(("clause", "sets"), [
    ("make it five", True), ("make them 2 of the candles in my bag", True),
    ("six of the candles, not just one", True), ("pop the candles in my bag", False),
    ("make it in time for dinner", False)])
def test_what_sets_a_count(clause, sets):
    assert changes_count(clause) is sets
