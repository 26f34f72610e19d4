"""A dialog nobody asked for is closed with Back; one the planner's own step opened is not."""

import pytest

from devices.actions import ElementRef, Key, PressKey, Tap
from perception.elements import Bounds, Window
from planners.embedded import EmbeddedPlanner
from planners.embedded.memo import Mark, Memo
from planners.embedded.memory import signature_of
from planners.planner import PastStep, Verdict
from tests.embedded import screens as S

pytestmark = pytest.mark.slow

APP = "com.example.recipes"
FULL = Window(APP, Bounds(0, 0, S.WIDTH, S.HEIGHT))
BOX = Bounds(80, 950, 1000, 1450)


@pytest.fixture(scope="module")
def planner(encoder) -> EmbeddedPlanner:
    return EmbeddedPlanner(encoder=encoder)


def with_dialog(*dialog):
    """A recipe list, and a dialog floating over it (window 1)."""
    page = [S.el(0, "text", "Recipes", 0, window=0),
            S.el(1, "button", "Lemon tart", 200, clickable=True, window=0),
            S.el(2, "button", "Pea soup", 360, clickable=True, window=0)]
    return S.screen(*page, *dialog, app=APP, windows=(FULL, Window(APP, BOX)))


def in_box(i, role, text, top, **kw):
    return S.el(i, role, text, top, height=100, window=1,
                bounds=Bounds(BOX.left + 40, top, BOX.right - 40, top + 100), **kw)


def survey():
    return with_dialog(in_box(3, "text", "Do you like cooking with us?", 1000),
                       in_box(4, "button", "Maybe later", 1200, clickable=True),
                       in_box(5, "button", "Take the survey", 1320, clickable=True))


def test_a_dialog_nobody_asked_for_is_closed_with_back(planner):
    decision = planner.decide("Open the pea soup recipe", survey(), [])
    assert decision.action == PressKey(Key.BACK)


def test_a_dialog_the_last_step_asked_for_is_answered_not_closed(planner):
    confirm = with_dialog(in_box(3, "text", "Remove Pea soup?", 1000),
                          in_box(4, "button", "Cancel", 1200, clickable=True),
                          in_box(5, "button", "Remove", 1320, clickable=True))
    pressed = PastStep(Tap(ElementRef(9)), outcome="screen changed", verdict=Verdict.CHANGED,
                       memo=Memo(mark=Mark.GOAL_ACTION), screen_signature="other")
    decision = planner.decide("Remove the pea soup recipe", confirm, [pressed])
    assert decision.action == Tap(ElementRef(5))


def test_a_dialog_with_a_field_is_a_form_not_an_interruption(planner):
    rename = with_dialog(in_box(3, "text", "Recipe name", 1000),
                         in_box(4, "input", "", 1120, editable=True, clickable=True),
                         in_box(5, "button", "Save", 1320, clickable=True))
    decision = planner.decide("Name the recipe 'Green soup'", rename, [])
    assert decision.action != PressKey(Key.BACK)


def test_back_is_tried_once_on_a_dialog_that_stays(planner):
    screen = survey()
    backed = PastStep(PressKey(Key.BACK), outcome="no change", verdict=Verdict.NO_CHANGE,
                      screen_signature=signature_of(screen))
    decision = planner.decide("Open the pea soup recipe", screen, [backed])
    assert decision.action != PressKey(Key.BACK)


def test_news_of_the_app_itself_is_no_business_of_a_goal_about_its_items(encoder):
    """"What's new in Recipes" shares the app's name with "a recipe for scones": the name is
    on every page of the app and says nothing of the goal. Back closes it."""
    from planners.embedded.memory import AppMemory

    memory = AppMemory()
    memory.apps["Recipes"] = {"package": APP, "entry": ""}
    news = with_dialog(in_box(3, "text", "What's new in Recipes", 1000),
                       in_box(4, "button", "Got it", 1200, clickable=True))
    decision = EmbeddedPlanner(memory, encoder).decide("Add a recipe called Scones", news, [])
    assert decision.action == PressKey(Key.BACK)
