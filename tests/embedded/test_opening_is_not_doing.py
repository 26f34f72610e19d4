"""Opening the item a request names is the deed only when the request asks to see it: for
another verb ("ring", "lock", "pin") the item's page must show the verb done, so opening
it is no proof of success."""

import pytest

from devices.actions import ElementRef, Finish, FinishStatus, Tap
from perception.elements import Bounds
from planners.embedded import EmbeddedPlanner
from planners.embedded.evidence import only_looks
from planners.embedded.goal import parse_goal
from planners.embedded.memo import Mark, Memo
from planners.embedded.memory import signature_of
from planners.planner import PastStep, Verdict
from tests.embedded import screens as S

pytestmark = pytest.mark.slow


def _people():
    return S.screen(
        S.el(0, "text", "People", 0, resource_id="x:id/title"),
        S.el(1, "button", "Marta Ruiz", 200, clickable=True),
        S.el(2, "button", "Omar Haddad", 360, clickable=True),
        app="com.example.people")


def _marta():
    return S.screen(
        S.el(0, "button", "Navigate up", 0, height=120, clickable=True),
        S.el(1, "text", "Marta Ruiz", 140, resource_id="x:id/title"),
        S.el(2, "button", "Dial", 400, clickable=True, bounds=Bounds(0, 400, 500, 560)),
        S.el(3, "button", "Chat", 400, clickable=True, bounds=Bounds(540, 400, 1080, 560)),
        app="com.example.people")


@pytest.mark.parametrize("goal", ["ring Marta for me", "pin Marta"])
def test_an_opened_item_is_no_proof_for_another_verb(encoder, goal):
    opened = PastStep(Tap(ElementRef(1)), screen_signature=signature_of(_people()),
                      verdict=Verdict.CHANGED, memo=Memo(Mark.OPEN_ITEM, item="Marta Ruiz"))
    action = EmbeddedPlanner(encoder=encoder).decide(goal, _marta(), [opened]).action
    assert not (isinstance(action, Finish) and action.status is FinishStatus.SUCCESS), action


def test_verbs_of_seeing_are_done_by_opening(encoder):
    view = type("V", (), {"matcher": type("M", (), {"encoder": encoder})()})()
    assert all(only_looks(parse_goal(f"{verb} Marta", encoder), view) for verb in ("view", "see"))
    assert not any(only_looks(parse_goal(f"{verb} Marta", encoder), view)
                   for verb in ("ring", "pin"))
