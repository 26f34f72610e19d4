"""A list page whose creation button has no label: the floating action button starts a new
item."""

import pytest

from devices.actions import ElementRef, Tap
from perception.elements import Bounds
from planners.embedded import EmbeddedPlanner
from tests.embedded import screens as S

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def planner(encoder) -> EmbeddedPlanner:
    return EmbeddedPlanner(encoder=encoder)


def reminders(labelled: bool = False):
    return S.screen(
        S.el(0, "text", "Reminders", 0),
        S.el(1, "list", "", 200, height=1900, scrollable=True),
        S.el(2, "button", "Reminder: water the ferns · Mon", 200, clickable=True),
        S.el(3, "button", "Reminder: renew passport · 3 Dec", 360, clickable=True),
        S.el(4, "image_button", "", 0, clickable=True, resource_id="com.remind:id/f",
             description="New reminder" if labelled else "",
             bounds=Bounds(820, 1840, 1010, 2030)),
        S.el(5, "button", "Settings", 2160, clickable=True, bounds=Bounds(0, 2160, 540, 2300)),
        app="com.remind",
    )


@pytest.mark.parametrize("goal", ["Create a new reminder", "Add a reminder"])
def test_the_unlabelled_floating_button_starts_a_new_item(planner, goal):
    assert planner.decide(goal, reminders(), []).action == Tap(ElementRef(4))


def test_an_unlabelled_button_that_does_not_float_is_left_alone(planner):
    screen = reminders()
    corner = S.el(4, "image_button", "", 0, clickable=True,
                  bounds=Bounds(900, 40, 1060, 180))  # top bar, not over the list
    screen = S.screen(*screen.elements[:4], corner, screen.elements[5], app="com.remind")
    assert planner.decide("Create a new reminder", screen, []).action != Tap(ElementRef(4))
