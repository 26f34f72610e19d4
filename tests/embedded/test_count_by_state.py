"""A count restricted to a state ("how many are switched on") counts the rows whose switch
shows it; the list's total is no answer to it."""

import pytest

from devices.actions import Finish, FinishStatus, Scroll
from perception.elements import Bounds
from planners.embedded import EmbeddedPlanner
from planners.embedded.memory import signature_of
from planners.planner import PastStep, Verdict
from tests.embedded import screens as S

pytestmark = pytest.mark.slow

REMINDERS = (("Water the ferns reminder", True), ("Bins out reminder", False),
             ("Pay the nanny reminder", True), ("Dentist reminder", False),
             ("Stretch reminder", True))


def _reminders(switches: bool = True):
    items = [S.el(0, "text", "Reminders", 0, resource_id="x:id/title"),
             S.el(1, "list", "", 200, height=2000, scrollable=True,
                  bounds=Bounds(0, 200, 1080, 2200))]
    for i, (name, on) in enumerate(REMINDERS):
        top = 220 + 200 * i
        items.append(S.el(2 + 2 * i, "button", name, top, height=180, clickable=True,
                          bounds=Bounds(0, top, 1080, top + 180)))
        if switches:
            items.append(S.el(3 + 2 * i, "switch", "ON" if on else "OFF", top, height=120,
                              clickable=True, checkable=True, checked=on,
                              bounds=Bounds(880, top + 30, 1040, top + 150)))
    return S.screen(*items, app="com.example.reminders")


def answer(planner, goal, screen):
    """Decide; a scroll for more rows is fed back as a scroll that showed nothing new."""
    decision = planner.decide(goal, screen, [])
    if isinstance(decision.action, Scroll):
        scrolled = PastStep(decision.action, screen_signature=signature_of(screen),
                            verdict=Verdict.NO_CHANGE, memo=decision.memo)
        decision = planner.decide(goal, screen, [scrolled])
    return decision


def test_only_the_rows_in_the_state_asked_are_counted(encoder):
    planner = EmbeddedPlanner(encoder=encoder)
    on = answer(planner, "How many of my reminders are actually turned on?", _reminders())
    assert on.action == Finish(FinishStatus.SUCCESS, "3"), on.thought
    off = answer(planner, "how many reminders are disabled?", _reminders())
    assert off.action == Finish(FinishStatus.SUCCESS, "2"), off.thought


def test_without_switches_the_total_is_noanswer(encoder):
    decision = answer(EmbeddedPlanner(encoder=encoder),
                       "How many of my reminders are switched on?", _reminders(switches=False))
    assert decision.action != Finish(FinishStatus.SUCCESS, str(len(REMINDERS))), decision


def test_a_count_of_rows_showing_quoted_words_counts_only_those(encoder):
    decision = answer(EmbeddedPlanner(encoder=encoder),
                       "how many reminders are there with 'the' in the name", _reminders())
    assert decision.action == Finish(FinishStatus.SUCCESS, "2"), decision.thought


@pytest.mark.parametrize("goal", ["how many of my reminders don't have a sound set?",
                                  "how many reminders ring on Tuesdays?"])
def test_a_condition_the_rows_cannot_show_is_never_answered_with_the_total(encoder, goal):
    decision = answer(EmbeddedPlanner(encoder=encoder), goal, _reminders(switches=False))
    assert decision.action != Finish(FinishStatus.SUCCESS, str(len(REMINDERS))), decision
