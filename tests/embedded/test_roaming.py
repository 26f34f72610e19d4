"""Roaming (`planners.embedded.roaming`): going from app to app with nothing done and back into
one already left ends the episode, as infeasible where the roaming passed the goal's place."""

from devices.actions import ElementRef, Finish, FinishStatus, OpenApp, Tap, TypeText
from planners.embedded import roaming
from planners.embedded.goal import parse_goal
from planners.embedded.memo import Memo
from planners.embedded.memory import AppMemory, signature_of
from planners.embedded.scoring import GoalMatcher
from planners.embedded.view import View
from planners.planner import PastStep, Verdict
from tests.embedded.screens import el, screen

KITCHEN, RADIO, WEATHER = "com.example.kitchen", "com.example.radio", "com.example.weather"
HOME = "com.example.home"


def phone() -> AppMemory:
    memory = AppMemory()
    for app in (KITCHEN, RADIO, WEATHER):
        memory.set_app(app.rsplit(".", 1)[-1].title(), app, signature_of(page(app)))
    return memory


def page(app: str) -> object:
    return screen(el(0, "text", app.rsplit(".", 1)[-1].title(), 0),
                  el(1, "button", "Plum cake", 200, clickable=True), app=app)


def moved(app: str, at_best: bool = False) -> PastStep:
    return PastStep(OpenApp(app), verdict=Verdict.CHANGED, app=app,
                    screen_signature=signature_of(page(app)),
                    memo=Memo(moving=True, at_best=at_best))


def decide(encoder, request: str, apps_in_turn: list[str], now: str, best: int | None = None):
    goal = parse_goal(request, encoder)
    steps = [moved(a, at_best=i == best) for i, a in enumerate(apps_in_turn)]
    front = page(now)
    view = View(front, signature_of(front), GoalMatcher(goal, encoder), steps)
    return roaming.roams(goal, view, phone())


CAST = "cast the plum cake recipe onto the big television"


def test_back_in_an_app_left_after_three_with_nothing_done_is_infeasible_past_its_place(
        encoder):
    decision = decide(encoder, CAST, [KITCHEN, KITCHEN, RADIO, WEATHER], KITCHEN, best=1)
    assert isinstance(decision.action, Finish)
    assert decision.action.status is FinishStatus.INFEASIBLE


def test_roaming_that_never_reached_the_goals_place_is_a_failure(encoder):
    decision = decide(encoder, CAST, [KITCHEN, RADIO, WEATHER], KITCHEN)
    assert decision.action.status is FinishStatus.FAILURE


def test_a_goal_with_values_to_enter_roams_to_a_failure(encoder):
    decision = decide(encoder, "add 'bake at 180' to my plum cake recipe",
                      [KITCHEN, RADIO, WEATHER], KITCHEN, best=0)
    assert decision.action.status is FinishStatus.FAILURE


def test_no_stop_before_a_return_or_among_two_apps_or_across_the_home_screen(encoder):
    assert decide(encoder, CAST, [KITCHEN, RADIO], WEATHER, best=0) is None  # no return yet
    assert decide(encoder, CAST, [KITCHEN, RADIO, KITCHEN], RADIO, best=0) is None  # two apps
    assert decide(encoder, CAST, [KITCHEN, HOME, RADIO, HOME], KITCHEN, best=0) is None


def test_work_done_on_the_way_counts_anew(encoder):
    goal = parse_goal(CAST, encoder)
    steps = [moved(KITCHEN, at_best=True), moved(RADIO),
             PastStep(TypeText("cake", ElementRef(1)), verdict=Verdict.CHANGED, app=RADIO),
             moved(WEATHER), moved(RADIO)]
    front = page(KITCHEN)
    view = View(front, signature_of(front), GoalMatcher(goal, encoder), steps)
    assert roaming.roams(goal, view, phone()) is None
    steps[2] = PastStep(Tap(ElementRef(1)), verdict=Verdict.CHANGED, app=RADIO,
                        memo=Memo(moving=True))  # only a move: the roaming goes on
    view = View(front, signature_of(front), GoalMatcher(goal, encoder), steps)
    assert roaming.roams(goal, view, phone()) is not None
