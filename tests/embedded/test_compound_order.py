"""A compound names a kind of its last word: "screen lock" is a lock and "lock screen" a
screen, so a label that says the request's words the other way round is another thing,
however alike their words and their embeddings."""

import pytest

from planners.embedded.goal import parse_goal
from planners.embedded.scoring import GoalMatcher

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(("request_", "same", "other"), [
    ("Which screen lock does the tablet have?", "Screen lock", "Lock screen"),
    ("what does a water bottle cost in the shop?", "Water bottle", "Bottle water"),
])
def test_a_name_said_the_other_way_round_matches_less_than_the_name_itself(
        encoder, request_, same, other):
    matcher = GoalMatcher(parse_goal(request_, encoder), encoder)
    assert matcher.reversed(other) and not matcher.reversed(same)
    assert matcher.score(other) < 0.6 * matcher.score(same)


def test_words_in_the_requests_own_order_or_apart_are_not_reversed(encoder):
    matcher = GoalMatcher(parse_goal("turn on the lock screen clock", encoder), encoder)
    assert not matcher.reversed("Lock screen")
    assert not matcher.reversed("Clock")  # one word has no order
    assert not matcher.reversed("Screen timeout")  # the words are not both said
