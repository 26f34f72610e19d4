"""A page that offers nothing but its tabs (`planners.embedded.bare_pages`): where the page
that matches the goal best only shows things, the act the goal asks for has no means on this
phone. The screens and requests are our own, in no task file."""

import pytest

from devices.actions import Direction, ElementRef, Finish, FinishStatus, Scroll, Tap
from perception.elements import Bounds
from planners.embedded.bare_pages import only_tabs
from planners.embedded.goal import parse_goal
from planners.embedded.memo import Memo
from planners.embedded.memory import element_key, signature_of
from planners.embedded.scoring import GoalMatcher
from planners.embedded.view import View
from planners.planner import PastStep, Verdict
from tests.embedded.screens import el, screen

pytestmark = pytest.mark.slow

APP = "com.example.weather"


def _tabs() -> list:
    return [el(10 + i, "tab", name, 2100, clickable=True, description=name,
               bounds=Bounds(270 * i, 2100, 270 * (i + 1), 2260))
            for i, name in enumerate(("Today", "Radar", "Cities"))]


def _cities(*extra) -> object:
    rows = [el(1 + i, "text", name, 300 + 160 * i)
            for i, name in enumerate(("Oslo 4°", "Lima 19°", "Cairo 27°"))]
    return screen(el(0, "text", "Cities", 0, resource_id="x:id/title"), *rows, *extra,
                  *_tabs(), app=APP)


def _view(goal: str, shown, history, encoder):
    parsed = parse_goal(goal, encoder)
    keys = frozenset(element_key(e) for e in _tabs())
    return parsed, View(shown, signature_of(shown), GoalMatcher(parsed, encoder),
                        list(history), nav_keys=keys)


def _looked(shown) -> PastStep:
    return PastStep(Tap(ElementRef(12)), verdict=Verdict.CHANGED,
                    screen_signature=signature_of(shown), memo=Memo(moving=True))


GOAL = "put Quito on my list of followed cities"


def test_back_on_the_best_page_that_offers_only_tabs_the_goal_is_infeasible(encoder):
    shown = _cities()
    goal, view = _view(GOAL, shown, [_looked(shown)], encoder)
    decision = only_tabs(goal, view, at_best=True)
    assert isinstance(decision.action, Finish)
    assert decision.action.status is FinishStatus.INFEASIBLE
    assert "Radar" in decision.action.answer


def test_the_first_look_at_the_page_is_no_proof(encoder):
    goal, view = _view(GOAL, _cities(), [], encoder)
    assert only_tabs(goal, view, at_best=True) is None


def test_a_page_that_is_not_the_best_match_is_no_proof(encoder):
    shown = _cities()
    goal, view = _view(GOAL, shown, [_looked(shown)], encoder)
    assert only_tabs(goal, view, at_best=False) is None


@pytest.mark.parametrize("extra", [
    el(5, "button", "Add city", 1800, clickable=True),
    el(5, "button", "", 1800, clickable=True, bounds=Bounds(900, 1800, 1040, 1940)),
])
def test_a_button_of_its_own_or_one_without_a_name_may_be_the_means(encoder, extra):
    shown = _cities(extra)
    goal, view = _view(GOAL, shown, [_looked(shown)], encoder)
    assert only_tabs(goal, view, at_best=True) is None


def test_a_question_is_answered_by_what_the_page_shows(encoder):
    shown = _cities()
    goal, view = _view("how warm is it in Lima right now?", shown, [_looked(shown)], encoder)
    assert only_tabs(goal, view, at_best=True) is None


def test_a_list_that_scrolls_must_have_been_scrolled_to_its_end(encoder):
    shown = _cities(el(6, "list", "", 250, height=1800, scrollable=True))
    goal, view = _view(GOAL, shown, [_looked(shown)], encoder)
    assert only_tabs(goal, view, at_best=True) is None
    scrolled = PastStep(Scroll(Direction.DOWN), verdict=Verdict.NO_CHANGE,
                        screen_signature=signature_of(shown), memo=Memo(moving=True))
    goal, view = _view(GOAL, shown, [_looked(shown), scrolled], encoder)
    assert only_tabs(goal, view, at_best=True).action.status is FinishStatus.INFEASIBLE


def test_a_scroll_that_showed_nothing_more_is_an_earlier_look(encoder):
    shown = _cities(el(6, "list", "", 250, height=1800, scrollable=True))
    scrolled = PastStep(Scroll(Direction.DOWN), verdict=Verdict.NO_CHANGE,
                        screen_signature=signature_of(shown))  # no memo: looking, not moving
    goal, view = _view(GOAL, shown, [scrolled], encoder)
    assert only_tabs(goal, view, at_best=True).action.status is FinishStatus.INFEASIBLE
