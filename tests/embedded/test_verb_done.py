"""An item the goal's verb was done to says so: "Connect to X" is done when X's row says
"Connected", and not before."""

import pytest

from devices.actions import ElementRef, Finish, FinishStatus, Tap
from planners.embedded import EmbeddedPlanner
from planners.embedded.acts import participle
from planners.embedded.memo import Mark, Memo
from planners.planner import PastStep, Verdict
from tests.embedded import screens as S

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def planner(encoder) -> EmbeddedPlanner:
    return EmbeddedPlanner(encoder=encoder)


@pytest.mark.unit
@pytest.mark.parametrize(("verb", "done"), [("connect", "connected"), ("pair", "paired"),
                                            ("save", "saved"), ("go", "")])
def test_the_regular_participle(verb, done):
    assert participle(verb) == done


def printers(status: str):
    return S.screen(
        S.el(0, "text", "Printers", 0),
        S.el(1, "button", "Office LaserJet | Available", 200, clickable=True),
        S.el(2, "button", f"Studio InkTank | {status}", 360, clickable=True),
        app="com.example.print",
    )


def opened():
    return [PastStep(Tap(ElementRef(2)), outcome="the page updated", verdict=Verdict.CHANGED,
                     memo=Memo(mark=Mark.OPEN_ITEM, item="Studio InkTank"),
                     screen_signature="printers")]


def test_done_when_the_item_says_the_verb_was_done_to_it(planner):
    decision = planner.decide("Connect to the Studio InkTank printer", printers("Connected"),
                              opened())
    assert decision.action == Finish(FinishStatus.SUCCESS)


def test_not_done_while_the_item_says_otherwise(planner):
    decision = planner.decide("Connect to the Studio InkTank printer", printers("Available"),
                              opened())
    assert decision.action != Finish(FinishStatus.SUCCESS)
