"""A setting shown as a fixed line (its name and value, nothing to press) cannot be changed
there: a request to set it is infeasible on that page. A row that takes a tap, a picker
titled by the setting, or a request that names more than the line are left to other rules."""

import pytest

from devices.actions import Finish, FinishStatus
from perception.elements import Bounds, Screen
from planners.embedded import EmbeddedPlanner
from tests.embedded import screens as S

APP = "com.example.prefs"
GOAL = "put the auto-lock delay to ten minutes"


def lock_page(tappable: bool = False) -> Screen:
    """A settings page: a title bar, then a list with a switch and two fixed lines."""
    return S.screen(
        S.el(0, "button", "Navigate up", 0, 120, clickable=True, bounds=Bounds(0, 0, 120, 120)),
        S.el(1, "text", "Lock screen", 0, 120, bounds=Bounds(140, 0, 1080, 120)),
        S.el(2, "list", "", 140, 2000, scrollable=True, bounds=Bounds(0, 140, 1080, 2140)),
        S.el(3, "switch", "Show notifications", 160, 160, clickable=True, checkable=True),
        S.el(4, "text", "Auto-lock delay", 340, 70, clickable=tappable),
        S.el(5, "text", "After 5 minutes", 410, 70),
        S.el(6, "text", "Owner info", 520, 70),
        S.el(7, "text", "None set", 590, 70),
        app=APP)


def delay_picker() -> Screen:
    """The setting's own chooser: its name in the title bar, the choices in the list."""
    return S.screen(
        S.el(0, "button", "Navigate up", 0, 120, clickable=True, bounds=Bounds(0, 0, 120, 120)),
        S.el(1, "text", "Auto-lock delay", 0, 120, bounds=Bounds(140, 0, 1080, 120)),
        S.el(2, "list", "", 140, 2000, scrollable=True, bounds=Bounds(0, 140, 1080, 2140)),
        *(S.el(3 + i, "radio", choice, 160 + 170 * i, 160, clickable=True, checkable=True,
               checked=i == 1)
          for i, choice in enumerate(["1 minute", "5 minutes", "10 minutes"])),
        app=APP)


@pytest.fixture(scope="module")
def planner(encoder) -> EmbeddedPlanner:
    return EmbeddedPlanner(encoder=encoder)


def _infeasible(decision) -> bool:
    return isinstance(decision.action, Finish) and (
        decision.action.status is FinishStatus.INFEASIBLE)


@pytest.mark.slow
def test_a_fixed_line_of_the_setting_asked_is_infeasible(planner):
    decision = planner.decide(GOAL, lock_page(), [])
    assert _infeasible(decision)
    assert "Auto-lock delay" in decision.thought


@pytest.mark.slow
def test_a_row_that_takes_a_tap_is_no_fixed_line(planner):
    assert not _infeasible(planner.decide(GOAL, lock_page(tappable=True), []))


@pytest.mark.slow
def test_the_settings_own_chooser_is_not_a_fixed_line(planner):
    assert not _infeasible(planner.decide(GOAL, delay_picker(), []))


@pytest.mark.slow
def test_a_request_that_names_more_than_the_line_is_about_something_else(planner):
    decision = planner.decide("put the auto-lock delay of the work profile to ten minutes",
                              lock_page(), [])
    assert not _infeasible(decision)
