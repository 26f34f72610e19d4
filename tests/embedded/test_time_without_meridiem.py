"""A clock time said without am or pm ("the 5:10 alarm") names that hour and minute in either
half of the day: the card showing "5:10 PM" is the item whose days are set."""

import pytest

from devices.actions import ElementRef, Tap
from planners.embedded import EmbeddedPlanner
from tests.embedded.test_repeat_days import alarms, opened

CARD = 10 + 20  # the 5:10 PM card's first id; its day toggles follow its time and summary


@pytest.fixture(scope="module")
def planner(encoder) -> EmbeddedPlanner:
    return EmbeddedPlanner(encoder=encoder)


@pytest.mark.slow
def test_the_card_of_that_time_in_either_half_of_the_day_gets_its_days(planner):
    decision = planner.decide("have the 5:10 alarm sound just on Sundays",
                              alarms("5:10 PM", {1}), opened("5:10 PM alarm"))
    toggles = {Tap(ElementRef(CARD + 3 + d)) for d in range(7)}
    assert decision.action in toggles, decision.thought


@pytest.mark.slow
def test_a_card_of_another_minute_is_not_the_item(planner):
    decision = planner.decide("have the 5:40 alarm sound just on Sundays",
                              alarms("5:10 PM", {1}), opened("5:10 PM alarm"))
    toggles = {Tap(ElementRef(CARD + 3 + d)) for d in range(7)}
    assert decision.action not in toggles, decision.thought
