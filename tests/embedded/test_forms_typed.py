"""A form whose fields lost their hints once typed into: the values show where they went."""

import pytest

from devices.actions import ElementRef, Tap, TypeText
from perception.elements import Bounds
from planners.embedded import EmbeddedPlanner
from planners.embedded.memo import Mark, Memo
from planners.planner import PastStep, Verdict
from tests.embedded import screens as S

pytestmark = pytest.mark.slow

GOAL = "Create a reminder titled 'Renew passport' that says 'before the 3rd'"


@pytest.fixture(scope="module")
def planner(encoder) -> EmbeddedPlanner:
    return EmbeddedPlanner(encoder=encoder)


def editor(title: str, body: str):
    return S.screen(
        S.el(0, "image_button", "", 0, height=120, clickable=True, description="Navigate up"),
        S.el(1, "image_button", "", 0, clickable=True, description="Done",
             bounds=Bounds(930, 0, 1060, 120)),
        S.el(2, "input", title, 200, editable=True, clickable=True),
        S.el(3, "input", body, 400, height=400, editable=True, clickable=True),
        app="com.example.remind",
    )


def test_a_filled_form_whose_hints_are_gone_is_submitted(planner):
    typed = [PastStep(TypeText("Renew passport", ElementRef(2), clear=True), outcome="typed",
                      verdict=Verdict.CHANGED, screen_signature="editor"),
             PastStep(TypeText("before the 3rd", ElementRef(3), clear=True), outcome="typed",
                      verdict=Verdict.CHANGED, screen_signature="editor")]
    opened = PastStep(Tap(ElementRef(9)), outcome="opened", verdict=Verdict.CHANGED,
                      memo=Memo(mark=Mark.NEW_ITEM), screen_signature="list")
    decision = planner.decide(GOAL, editor("Renew passport", "before the 3rd"),
                              [opened, *typed])
    assert decision.action == Tap(ElementRef(1))


def test_the_body_left_over_goes_into_the_one_field_left(planner):
    """The title is typed; the body field shows only a word where its hint was ("Details"):
    the one body value left goes there before the form is saved, not left out."""
    goal = "Make a new reminder called Bikes that says chain oil, 2 tubes"
    opened = PastStep(Tap(ElementRef(9)), outcome="opened", verdict=Verdict.CHANGED,
                      memo=Memo(mark=Mark.NEW_ITEM), screen_signature="list")
    typed = PastStep(TypeText("Bikes", ElementRef(2), clear=True), outcome="typed",
                     verdict=Verdict.CHANGED, screen_signature="editor")
    decision = planner.decide(goal, editor("Bikes", "Details"), [opened, typed])
    assert decision.action == TypeText("chain oil, 2 tubes", ElementRef(3), clear=True)
