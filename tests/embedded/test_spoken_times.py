"""Times said in words are times: the request is read with them in digits."""

import pytest

from planners.embedded.goal import parse_goal
from planners.embedded.slots import Slot
from planners.embedded.spoken_times import in_digits

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(("said", "digits"), [
    ("ring at a quarter to eight", "ring at 7:45"),
    ("ring at quarter past 9", "ring at 9:15"),
    ("leave at half past four", "leave at 4:30"),
    ("start at eleven o'clock in the morning", "start at 11:00 AM"),
    ("remind me at noon", "remind me at 12:00 PM"),
    ("buzz me at five fifteen", "buzz me at 5:15"),
    ("lights out by ten forty-five pm", "lights out by 10:45 pm"),
])
def test_a_time_said_in_words_is_written_in_digits(said, digits):
    assert in_digits(said) == digits


@pytest.mark.parametrize("text", ["turn the volume to seven", "order two thirty-packs",
                                  "I have four ten minute calls"])
def test_numbers_that_are_no_time_stay_words(text):
    assert in_digits(text) == text


@pytest.mark.slow
def test_an_alarm_asked_for_in_words_gets_its_time(encoder):
    goal = parse_goal("add an alarm for a quarter to eight in the evening", encoder)
    assert Slot("time", "7:45 PM") in goal.slots
