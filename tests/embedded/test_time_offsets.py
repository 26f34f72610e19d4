"""A time said as a length before or after a time shown elsewhere ("wake me forty minutes
before my sailing time") is that time, read, then moved; a pronoun for it points back at
what a clause of context said was given. A value that came in a message from someone not
named is read in the messages. The requests and screens are our own."""

import pytest

from devices.actions import Finish, FinishStatus
from planners.embedded import lookup, reading
from planners.embedded.goal import parse_goal
from planners.embedded.memory import signature_of
from planners.embedded.offsets import moved, shift_of
from planners.embedded.scoring import GoalMatcher, without_app_names
from planners.embedded.view import View
from planners.planner import Decision
from tests.embedded.screens import el, screen

FERRY = "The ferry line texted my sailing time. Wake me forty minutes before it"


@pytest.mark.unit
@pytest.mark.parametrize(("text", "anchor", "minutes"), [
    (FERRY, "my sailing time", -40),
    ("put an alarm 15 minutes after the start time in my Swim note", "the start time in my "
     "Swim note", 15),
    ("Ivo sent me when the match starts, wake me an hour and a half ahead of that",
     "when the match starts", -90),
    ("an alarm for half an hour before the bus time from my Commute note, please",
     "the bus time from my Commute note", -30),
])
def test_a_length_before_or_after_names_the_time_it_counts_from(text, anchor, minutes):
    shift = shift_of(text)
    assert shift is not None and (shift.anchor, shift.minutes) == (anchor, minutes)


@pytest.mark.unit
def test_a_pronoun_anchor_takes_the_clause_that_told_it_along():
    shift = shift_of(FERRY)
    assert shift is not None
    assert shift.phrase == "forty minutes before it"
    assert shift.told.strip() == "The ferry line texted my sailing time."


@pytest.mark.unit
@pytest.mark.parametrize("text", ["set a timer for 20 minutes", "wake me at 7 before work",
                                  "remind me before the film starts"])
def test_no_length_or_no_anchor_is_no_shift(text):
    assert shift_of(text) is None


@pytest.mark.unit
@pytest.mark.parametrize(("time", "minutes", "result"), [
    ("6:05 AM", -40, "5:25 AM"), ("11:50 pm", 20, "12:10 AM"), ("12:15 AM", -30, "11:45 PM"),
    ("18:30", 45, "19:15"), ("7 PM", -90, "5:30 PM"), ("7", 5, None), ("Tuesday", 5, None),
])
def test_a_clock_time_is_moved_and_said_as_it_was(time, minutes, result):
    assert moved(time, minutes) == result


@pytest.mark.slow
def test_the_time_read_is_moved_into_the_request():
    goal = parse_goal(FERRY)
    asked = lookup.resolve(FERRY, goal, []).asking
    assert asked == "What is my sailing time in my messages?"
    done = lookup.resolve(FERRY, goal, [], {asked: "6:05 AM"})
    assert done.asking is None and done.text == "Wake me at 5:25 AM"
    assert [(s.name, s.value) for s in parse_goal(done.text).slots] == [("time", "5:25 AM")]


@pytest.mark.slow
def test_a_value_read_that_is_no_time_ends_honestly():
    text = "put an alarm 15 minutes after the start time in my Swim note"
    goal = parse_goal(text)
    asked = lookup.resolve(text, goal, []).asking
    done = lookup.resolve(text, goal, [], {asked: "Lane 4"})
    assert done.unusable
    read = Decision(Finish(FinishStatus.SUCCESS, "Lane 4"), thought="read")
    decision = lookup.with_lookups(text, [], parse_goal, lambda t, steps: read)
    assert decision.action == Finish(FinishStatus.FAILURE)


@pytest.mark.slow
def test_words_of_a_message_are_typed_not_counted_from():
    text = "text Remy: I'll be there ten minutes after the ferry docks"
    assert lookup.own_shift(text, parse_goal(text)) is None


def _inbox():
    rows = [("Harbour Lines", "Your sailing leaves 6:05 AM from pier 3. | 8:10 PM"),
            ("Tomas Berg", "Lunch at 1:30 PM? | 9:02 AM"),
            ("Grandma", "Call me after 5:00 PM | Mon")]
    return screen(el(0, "text", "Chats", 0, height=120),
                  *[el(i + 1, "button", who, 300 + 200 * i, height=180, clickable=True,
                       description=said) for i, (who, said) in enumerate(rows)],
                  app="com.example.chats")


def test_a_value_on_the_row_that_names_whose_it_is_answers(encoder):
    """A row that shows what the asked value belongs to ("sailing") answers with the value of
    the asked shape on it, though it resembles the question little; rows without that word
    never do."""
    for asked, shown in (("my sailing time", "6:05 AM"), ("my boarding time", None)):
        goal = without_app_names(parse_goal(f"What is {asked} in my messages?", encoder),
                                 ["Messages"])  # as the planner reads it: the app is a place
        view = View(_inbox(), signature_of(_inbox()), GoalMatcher(goal, encoder), [])
        found = reading.answer(goal, view, False, strict=True)
        assert (found.action.answer if found is not None else None) == shown
