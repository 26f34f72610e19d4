"""The phone's own message that an action took effect ("Connected to ...", a toast over the
page) ends the task after the planner's tap on the item; a message that says it failed, or
that names another item, does not, and the item is not pressed twice on its word."""

import pytest

from devices.actions import ElementRef, Finish, FinishStatus, Tap
from perception.elements import Bounds, Screen, Window
from planners.embedded import EmbeddedPlanner
from planners.embedded.memo import Mark, Memo
from planners.planner import PastStep, Verdict
from tests.embedded import screens as S

APP = "com.example.linker"
GOAL = "link my Aurora Beacon tag with the phone"


def nearby(message: str = "") -> Screen:
    """A page of devices in range; a toast floats over its lower part when `message`."""
    rows = [S.el(0, "button", "Navigate up", 0, 120, clickable=True,
                 bounds=Bounds(0, 0, 120, 120)),
            S.el(1, "text", "Devices in range", 0, 120, bounds=Bounds(140, 0, 1080, 120)),
            S.el(2, "button", "Kitchen Radio | Available", 200, clickable=True),
            S.el(3, "button", "Aurora Beacon | Available", 380, clickable=True),
            S.el(4, "button", "Porch Light Hub | Available", 560, clickable=True)]
    windows = [Window(package=APP, bounds=Bounds(0, 0, 1080, 2400))]
    if message:
        box = Bounds(260, 2000, 820, 2130)
        rows.append(S.el(9, "text", message, 2000, 130, window=1, bounds=box))
        windows.append(Window(package="com.android.systemui", bounds=box))
    return S.screen(*rows, app=APP, windows=tuple(windows))


def tapped_item() -> list[PastStep]:
    return [PastStep(Tap(ElementRef(3)), outcome="the page updated", verdict=Verdict.CHANGED,
                     memo=Memo(mark=Mark.OPEN_ITEM, item="Aurora Beacon"),
                     screen_signature="nearby")]


@pytest.fixture(scope="module")
def planner(encoder) -> EmbeddedPlanner:
    return EmbeddedPlanner(encoder=encoder)


@pytest.mark.slow
def test_the_phones_message_that_it_was_done_ends_the_task(planner):
    decision = planner.decide(GOAL, nearby("Linked with Aurora Beacon"), tapped_item())
    assert decision.action == Finish(FinishStatus.SUCCESS)


@pytest.mark.slow
@pytest.mark.parametrize("message", ["Couldn't link with Aurora Beacon",
                                     "Aurora Beacon not linked, try again",
                                     "Linked with Kitchen Radio"])
def test_a_failure_or_another_items_message_is_no_evidence(planner, message):
    decision = planner.decide(GOAL, nearby(message), tapped_item())
    assert decision.action != Finish(FinishStatus.SUCCESS)


@pytest.mark.slow
def test_without_a_tap_of_ours_a_message_proves_nothing(planner):
    decision = planner.decide(GOAL, nearby("Linked with Aurora Beacon"), [])
    assert decision.action != Finish(FinishStatus.SUCCESS)


# The request names the item with a word for its kind ("... Tag"); the phone's message names
# the row that was opened, whose every word the request says.
KIND_GOAL = "Link up with the Aurora Beacon Tag"


def opened(item: str) -> list[PastStep]:
    return [PastStep(Tap(ElementRef(3)), outcome="the page updated", verdict=Verdict.CHANGED,
                     memo=Memo(mark=Mark.OPEN_ITEM, item=item), screen_signature="nearby")]


@pytest.mark.slow
def test_a_message_naming_the_opened_row_ends_the_task(planner):
    decision = planner.decide(KIND_GOAL, nearby("Linked with Aurora Beacon"),
                              opened("Aurora Beacon | Available"))
    assert decision.action == Finish(FinishStatus.SUCCESS)


@pytest.mark.slow
def test_an_opened_row_with_a_word_the_request_never_says_proves_nothing(planner):
    decision = planner.decide(KIND_GOAL, nearby("Linked with Aurora Beacon Mini"),
                              opened("Aurora Beacon Mini"))
    assert decision.action != Finish(FinishStatus.SUCCESS)
