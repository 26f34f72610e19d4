"""What a request forbids is asked for by no step: the planner, the goal reading and the
safety gate all leave it out."""

import pytest

from automator.goal_requests import GoalRequests
from devices.actions import ElementRef, Finish, FinishStatus, Tap
from planners.embedded import EmbeddedPlanner
from planners.embedded.goal import Intent, parse_goal
from planners.embedded.negation import without_negated
from tests.embedded import screens as S


@pytest.mark.unit
@pytest.mark.parametrize(("text", "wanted"), [
    ("Leave the folders, don't archive anything", "Leave the folders"),
    ("Do not ring the office, just email Priya", "just email Priya"),
    ("Never mind, go back", "go back"),
    ("Don't forget to water the basil reminder", "water the basil reminder"),
    ("Mute the group without leaving it", "Mute the group"),
    ("Switch on Do Not Disturb", "Switch on Do Not Disturb"),  # a name, not a negation
    # after a verb or an article it is the object's name, whatever its case
    ("turn off do not disturb and open the radio", "turn off do not disturb and open the radio"),
    ("enable the do not track option", "enable the do not track option"),
    ("Dim the screen, never touch the volume", "Dim the screen"),
    ('Text Lu "never again"', 'Text Lu "never again"'),  # a value
    ("Reply to Lu: don't wait for me", "Reply to Lu: don't wait for me"),
    ("Please don't call anyone", ""),
    ("I don't need the torch right now", "the torch off"),  # a thing wished away
    ("we no longer want location history.", "location history off"),
    # the colon of a time opens no words said: what follows it is still read
    ("silence my 5:20 alarm this week but don't remove it", "silence my 5:20 alarm this week"),
    ("Ping Lu at 6:30: don't wait for me", "Ping Lu at 6:30: don't wait for me"),
    # a thing kept as it is asks for nothing
    ("switch the porch light schedule off, but keep it", "switch the porch light schedule off"),
    ("pause the 9:05 alarm and leave it on the list", "pause the 9:05 alarm"),
    ("Reply to Lu: keep it simple", "Reply to Lu: keep it simple"),
])
def test_what_is_forbidden_is_left_out(text, wanted):
    assert without_negated(text) == wanted


@pytest.mark.slow
@pytest.mark.parametrize(("goal", "kinds"), [
    ("Open the album, don't delete anything", set()),
    ("Do not send it yet, just save the draft", set()),
    ("Don't forget to call the dentist", {"call"}),
])
def test_the_gate_reads_no_request_in_a_prohibition(encoder, goal, kinds):
    assert set(GoalRequests(goal, encoder).kinds) == kinds


@pytest.mark.slow
@pytest.mark.parametrize("goal", ["Keep the photos", "hold on to my old receipts"])
def test_keeping_is_no_deletion(encoder, goal):
    assert parse_goal(goal, encoder).intent is not Intent.DELETE


@pytest.mark.slow
def test_a_request_that_only_forbids_is_refused_at_once(encoder):
    planner = EmbeddedPlanner(encoder=encoder)
    decision = planner.decide("Do not call my sister", S.settings_main(), [])
    assert isinstance(decision.action, Finish)
    assert decision.action.status is FinishStatus.FAILURE


@pytest.mark.slow
def test_a_thing_wished_away_is_switched_off_and_asks_for_no_deletion(encoder):
    goal = parse_goal(without_negated("I don't want the 6:30 alarm anymore"), encoder)
    assert (goal.intent, goal.desired) == (Intent.TOGGLE, False)
    assert not GoalRequests("I don't want the 6:30 alarm anymore", encoder).kinds


@pytest.mark.slow
def test_a_switch_wished_away_is_turned_off(encoder):
    planner = EmbeddedPlanner(encoder=encoder)
    screen = S.network(wifi=True)
    switch = next(e for e in screen.elements if e.checkable)
    decision = planner.decide("I don't need wifi at the moment", screen, [])
    assert decision.action == Tap(ElementRef(switch.id))


@pytest.mark.slow
def test_a_thing_wished_away_before_an_order_is_what_the_order_is_about(encoder):
    text = "we don't need the Oslo itinerary any more, delete it"
    goal = parse_goal(without_negated(text), encoder)
    assert goal.intent is Intent.DELETE and "Oslo" in goal.target
