"""A request that names two things joined by "and" is done only when both are: one switch
in the state asked is no proof for the other, and is never flipped back."""

import pytest

from devices.actions import ElementRef, Finish, FinishStatus, Tap
from perception.elements import Screen
from planners.embedded import EmbeddedPlanner
from tests.embedded import screens as S

GOAL = "switch on both the torch and the hotspot"


def tools(torch: bool, hotspot: bool | None) -> Screen:
    """A page of quick switches; without `hotspot` (None) that switch is on another page."""
    rows = [S.el(0, "text", "Quick tools", 0, 120),
            S.el(1, "switch", "Torch", 200, clickable=True, checkable=True, checked=torch),
            S.el(2, "switch", "Battery saver", 380, clickable=True, checkable=True)]
    if hotspot is not None:
        rows.append(S.el(3, "switch", "Hotspot", 560, clickable=True, checkable=True,
                         checked=hotspot))
    return S.screen(*rows, app="com.example.tools")


@pytest.fixture(scope="module")
def planner(encoder) -> EmbeddedPlanner:
    return EmbeddedPlanner(encoder=encoder)


@pytest.mark.slow
def test_one_of_two_in_state_is_not_done_and_is_left_alone(planner):
    decision = planner.decide(GOAL, tools(torch=True, hotspot=None), [])
    assert decision.action != Finish(FinishStatus.SUCCESS)
    assert decision.action != Tap(ElementRef(1))  # the torch stays on


@pytest.mark.slow
def test_the_others_switch_on_the_same_page_is_turned_on_too(planner):
    decision = planner.decide(GOAL, tools(torch=True, hotspot=False), [])
    assert decision.action == Tap(ElementRef(3))


@pytest.mark.slow
def test_done_when_both_are_on(planner):
    decision = planner.decide(GOAL, tools(torch=True, hotspot=True), [])
    assert decision.action == Finish(FinishStatus.SUCCESS)


@pytest.mark.slow
def test_a_clause_of_context_names_nothing_to_switch(planner):
    """"I'm off to the cinema now, switch on the torch": the first clause says why."""
    decision = planner.decide("I'm off to the cinema now, switch on the torch please",
                              tools(torch=True, hotspot=None), [])
    assert decision.action == Finish(FinishStatus.SUCCESS)
