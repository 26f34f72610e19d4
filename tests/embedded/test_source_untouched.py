"""A value read in one app for use in another: the app it was read in is its source, and
nothing is made or saved there unless the request names it; a clock time read stands as a
time; the asked noun that is a kind's own word says the kind; the clause that names the new
item says nothing of where to go. The requests and screens are our own."""

import pytest

from devices.actions import ElementRef, Finish, FinishStatus, Key, PressKey, Tap
from planners.embedded import lookup, sources
from planners.embedded.goal import parse_goal
from planners.embedded.memo import Mark, Memo
from planners.planner import Decision, PastStep

NOTES, CLOCK = "com.example.jotter", "com.example.clock"
TEXT = "put an alarm at the yoga start time in my Studio note and call it Yoga"


def _new_item() -> Decision:
    return Decision(Tap(ElementRef(7)), thought="new", memo=Memo(mark=Mark.NEW_ITEM))


@pytest.mark.unit
def test_nothing_is_made_in_the_app_a_value_was_read_in():
    left = sources.kept_from_source(_new_item(), NOTES, NOTES, names_here=False)
    assert left.action == PressKey(Key.HOME)
    assert sources.kept_from_source(_new_item(), NOTES, CLOCK, False).action == Tap(ElementRef(7))
    assert sources.kept_from_source(_new_item(), NOTES, NOTES, True).action == Tap(ElementRef(7))


@pytest.mark.unit
def test_the_source_is_the_app_of_the_step_that_read():
    read = PastStep(Tap(ElementRef(1)), app=NOTES, memo=Memo(read=(("q?", "7:05 PM"),)))
    moved = PastStep(Tap(ElementRef(2)), app=CLOCK)
    assert sources.read_in([read, moved], False, CLOCK) == NOTES
    assert sources.read_in([], True, CLOCK) == CLOCK
    assert sources.read_in([moved], False, CLOCK) == ""


@pytest.mark.slow
def test_a_read_step_in_the_source_leaves_it_instead_of_writing_there():
    def decide(text: str, steps) -> Decision:
        return Decision(Finish(FinishStatus.SUCCESS, "7:05 PM")) if text.endswith("?") else (
            _new_item())
    decision = lookup.with_lookups(TEXT, [], parse_goal, decide, NOTES, lambda t: False)
    assert decision.action == PressKey(Key.HOME)


@pytest.mark.slow
def test_a_clock_time_read_stands_as_a_time():
    goal = parse_goal(TEXT)
    asked = lookup.resolve(TEXT, goal, []).asking
    done = parse_goal(lookup.resolve(TEXT, goal, [], {asked: "7:05 PM"}).text)
    assert [(s.name, s.value) for s in done.slots] == [("time", "7:05 PM"), ("name", "Yoga")]
    assert "call" not in done.target.split()  # naming the alarm is no place to go


@pytest.mark.slow
@pytest.mark.parametrize(("question", "kind"), [
    ("What is the bakery collection time from my Errands note?", "time"),
    ("What is the parcel delivery date from my Orders note?", "date"),  # guard
])
def test_the_asked_noun_says_the_kind(question, kind):
    assert parse_goal(question).value_type == kind
