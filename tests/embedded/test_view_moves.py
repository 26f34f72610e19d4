"""A request to move what the screen shows is a scroll that way, done once the view moved."""

import pytest

from devices.actions import Direction, Finish, FinishStatus, Scroll
from planners.embedded import AppMemory, EmbeddedPlanner
from planners.embedded.goal import parse_goal
from planners.embedded.scrolling import asked_move
from planners.planner import PastStep, Verdict
from tests.embedded import screens as S

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(("request_text", "way", "to_end"), [
    ("scroll down", Direction.DOWN, False),
    ("Would you scroll up a little, please?", Direction.UP, False),
    ("keep reading", Direction.DOWN, False),
    ("go further down the recipe", Direction.DOWN, False),
    ("scroll right through the photos", Direction.RIGHT, False),
    ("scroll all the way to the bottom", Direction.DOWN, True),
    ("page back to the very top", Direction.UP, True),
])
def test_the_way_the_view_is_to_move(encoder, request_text, way, to_end):
    assert asked_move(parse_goal(request_text, encoder)) == (way, to_end)


@pytest.mark.parametrize("request_text", [
    "scroll down to the Privacy section",  # a thing looked for, not a way alone
    "go to the downloads",
    "turn the volume down",
])
def test_not_a_move_of_the_view(encoder, request_text):
    assert asked_move(parse_goal(request_text, encoder)) is None


def recipe():
    return S.screen(
        S.el(0, "list", "", 0, height=2200, scrollable=True),
        S.el(1, "text", "Lemon drizzle cake", 100),
        S.el(2, "button", "Search recipes", 300, clickable=True),
        S.el(3, "text", "Whisk the butter and sugar until pale.", 500),
        app="com.example.recipes",
    )


@pytest.fixture(scope="module")
def planner(encoder) -> EmbeddedPlanner:
    return EmbeddedPlanner(AppMemory(), encoder=encoder)


def scrolled(way: Direction, verdict: Verdict) -> PastStep:
    return PastStep(Scroll(way), outcome="scrolled", verdict=verdict,
                    screen_signature="recipe")


def test_it_scrolls_then_finishes_once_the_view_moved(planner):
    first = planner.decide("keep reading further down", recipe(), [])
    assert first.action == Scroll(Direction.DOWN)
    then = planner.decide("keep reading further down", recipe(),
                          [scrolled(Direction.DOWN, Verdict.CHANGED)])
    assert then.action == Finish()


def test_to_the_end_it_goes_on_until_the_view_moves_no_more(planner):
    goal = "scroll to the bottom of the recipe"
    assert planner.decide(goal, recipe(), [scrolled(Direction.DOWN, Verdict.CHANGED)]
                          ).action == Scroll(Direction.DOWN)
    assert planner.decide(goal, recipe(), [scrolled(Direction.DOWN, Verdict.CHANGED),
                                           scrolled(Direction.DOWN, Verdict.NO_CHANGE)]
                          ).action == Finish()


def test_a_view_that_cannot_move_is_no_success(planner):
    done = planner.decide("scroll up", recipe(), [scrolled(Direction.UP, Verdict.NO_CHANGE)])
    assert isinstance(done.action, Finish) and done.action.status is FinishStatus.FAILURE
