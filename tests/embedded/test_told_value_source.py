"""A value a person told ("Mira messaged me what time the fair opens, ...") is read in the
message from that person, not wherever a value of its kind is shown. The requests are our
own."""

import pytest

from planners.embedded import lookup
from planners.embedded.context import teller
from planners.embedded.goal import parse_goal

REQUEST = "Mira Holt messaged me what time the fair opens, set an alarm for that time"


@pytest.mark.unit
@pytest.mark.parametrize(("text", "phrase", "who"), [
    (REQUEST, "what time the fair opens", "Mira Holt"),
    ("Aunt Ilse sent us what day the bus leaves, remind me that day", "what day the bus leaves",
     "Aunt Ilse"),
    ("remind me what time the bus leaves", "what time the bus leaves", ""),  # nobody told it
    ("tell Ilse what time my alarm goes off", "what time my alarm goes off", ""),
])
def test_the_person_who_told_a_value(text, phrase, who):
    assert teller(text, phrase) == who


@pytest.mark.slow
def test_a_told_value_is_asked_of_the_message_from_the_teller():
    asked = lookup.resolve(REQUEST, parse_goal(REQUEST), []).asking
    assert asked == "what time the fair opens in the message from Mira Holt?"
    assert parse_goal(asked).entities[0] == "Mira Holt"


@pytest.mark.slow
def test_a_told_when_is_the_time_that_time_points_at():
    """"Ada messaged me when the fair opens, ... for that time": the when-clause is the time to
    read; once read, the alarm is set for it. The speaker's own "when I wake up" is no value
    shown anywhere."""
    text = "Ada Roos messaged me when the fair opens, set an alarm for that time"
    goal = parse_goal(text)
    assert [(s.name, s.ref) for s in goal.slots] == [("time", True)]
    asked = lookup.resolve(text, goal, []).asking
    assert asked == "when the fair opens in the message from Ada Roos?"
    done = lookup.resolve(text, goal, [], {asked: "6:40 AM"})
    assert [s.value for s in parse_goal(done.text).slots] == ["6:40 AM"]
    assert not any(s.ref for s in parse_goal("set an alarm for when I wake up").slots)
