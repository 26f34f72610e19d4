"""A request that states the count an item has beside the one it wants ("I have five, three
will do", "six, not two") wants the one neither had nor refused: that count is a total
the item's row is stepped to, and success is claimed on it. A clause that only refuses a
count asks nothing of its own. A bracket after a product's name holds a size or a pack,
which no search needs. The shop, its items and the requests are our own."""

import pytest

from devices.actions import ElementRef, Finish, FinishStatus, Tap, TypeText
from planners.embedded import EmbeddedPlanner, counts
from planners.embedded.goal import parse_goal
from planners.embedded.purchase import total_asked
from tests.embedded.test_cart_totals import _basket
from tests.embedded.test_catalogue import _decide, _list


@pytest.mark.unit
@pytest.mark.parametrize(("text", "count"), [
    ("we have 6 of the rye loaves, 3 is plenty", 3),
    ("there are five oven gloves in there, I only need two", 2),
    ("keep 7 of them, not 9", 7),
    ("I want 4 garden chairs, not just one", 4),
    ("take the pots from 8 down to 5", 5),
    ("buy two oat milks", None),  # one count: nothing to choose
    ("the red one, not the blue one", None),  # "one" of a pronoun is no count
])
def test_the_count_wanted_is_neither_had_nor_refused(text, count):
    assert counts.wanted(text) == count


@pytest.mark.unit
def test_a_clause_that_only_refuses_a_count_asks_nothing():
    assert counts.refusal_only("not just two")
    assert counts.refusal_only(", not 9 of them")
    assert not counts.refusal_only("not the Rye Bread")
    assert not counts.refusal_only("not today, thanks")


@pytest.mark.unit
@pytest.mark.parametrize(("text", "total"), [
    ("I have 5 of the Rye Bread in my basket, I only need 3", 3),
    ("I only want 3 oat milks, not 5", 3),
    ("I need 6 eggs in my trolley, not just one", 6),
    ("add two oat milks to my basket", None),
])
def test_a_count_beside_the_one_held_is_a_total(text, total):
    assert total_asked(parse_goal(text)) == total


@pytest.mark.slow
def test_the_wanted_count_is_stepped_to_and_done_on_it(encoder):
    request = "my basket has 4 oat milk in it and 2 is all I need"
    planner = EmbeddedPlanner(encoder=encoder)
    assert planner.decide(request, _basket(4), []).action == Tap(ElementRef(11))
    done = planner.decide(request, _basket(2), []).action
    assert done == Finish(FinishStatus.SUCCESS), done
    up = "I need 5 of the oat milk in my basket, not just one"
    assert planner.decide(up, _basket(1), []).action == Tap(ElementRef(13))


@pytest.mark.slow
def test_a_bracket_after_the_name_is_not_searched_for(encoder):
    decision = _decide("put 2x Tent Pegs (12 pack) in my basket", _list(), encoder=encoder)
    assert decision.action == TypeText("Tent Peg", target=ElementRef(2), clear=True)
