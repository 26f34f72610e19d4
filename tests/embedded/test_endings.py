"""Honest ends (`planners.embedded.endings`): stop when the safety gate refused the goal's own
action for want of consent, when the item's page lacks what the goal asks for, and when the
planner goes round in circles; and go on where the history shows none of these."""

from dataclasses import replace

import pytest

from devices.actions import (
    Direction,
    ElementRef,
    Finish,
    FinishStatus,
    Key,
    OpenApp,
    PressKey,
    Scroll,
    Tap,
    TypeText,
)
from perception.elements import Bounds
from planners.embedded import EmbeddedPlanner, endings
from planners.embedded.goal import parse_goal
from planners.embedded.memo import Mark, Memo
from planners.embedded.memory import AppMemory, signature_of
from planners.embedded.scoring import GoalMatcher
from planners.embedded.view import View
from planners.planner import PastStep, Refusal, Verdict
from tests.embedded.screens import el, screen

APP = "com.example.recipes"


@pytest.fixture(scope="module")
def planner(encoder) -> EmbeddedPlanner:
    return EmbeddedPlanner(encoder=encoder)


def recipes() -> object:
    return screen(el(0, "text", "Recipes", 0, resource_id="x:id/title"),
                  el(1, "button", "Lentil soup", 200, clickable=True),
                  el(2, "button", "Plum cake", 360, clickable=True),
                  el(3, "button", "New recipe", 2200, clickable=True), app=APP)


def recipe(title: str = "Lentil soup") -> object:
    return screen(el(0, "button", "Navigate up", 0, height=120, clickable=True),
                  el(1, "text", title, 200),
                  el(2, "text", "Simmer the lentils for twenty minutes.", 400), app=APP)


def moved(action, page, verdict=Verdict.CHANGED) -> PastStep:
    return PastStep(action, verdict=verdict, screen_signature=signature_of(page),
                    memo=Memo(moving=True))


def opened(item: str, page) -> PastStep:
    return PastStep(Tap(ElementRef(1)), verdict=Verdict.CHANGED,
                    screen_signature=signature_of(page), memo=Memo(Mark.OPEN_ITEM, item=item))


# law 1: the goal's own action refused for want of consent ---------------------------------

def _refused(kind: Refusal, mark: Mark | None = Mark.GOAL_ACTION) -> PastStep:
    return PastStep(None, error="refused: ...", screen_signature=signature_of(recipe()),
                    memo=Memo(mark), refused=Tap(ElementRef(3)), refusal=kind)


@pytest.mark.slow
def test_the_goals_own_action_refused_for_want_of_consent_ends_the_episode(planner):
    decision = planner.decide("Remove the plum cake recipe", recipes(),
                              [_refused(Refusal.UNAPPROVED)])
    assert decision.action.status is FinishStatus.FAILURE
    assert "consent" in decision.action.answer


@pytest.mark.slow
@pytest.mark.parametrize(("kind", "mark"), [(Refusal.OFF_GOAL, Mark.GOAL_ACTION),
                                            (Refusal.UNAPPROVED, None)])
def test_other_refusals_let_the_planner_choose_something_else(planner, kind, mark):
    decision = planner.decide("Remove the plum cake recipe", recipes(), [_refused(kind, mark)])
    assert not isinstance(decision.action, Finish)


@pytest.mark.slow
def test_a_button_refused_on_this_page_is_not_pressed_again(planner):
    page = screen(el(0, "text", "Plum cake", 200),
                  el(1, "button", "Discard recipe", 2000, clickable=True), app=APP)
    first = planner.decide("Discard the plum cake recipe", page, [])
    assert first.action == Tap(ElementRef(1))
    refused = PastStep(None, error="refused: ...", screen_signature=signature_of(page),
                       memo=first.memo, refused=first.action, refusal=Refusal.OFF_GOAL)
    again = planner.decide("Discard the plum cake recipe", page, [refused])
    assert again.action != Tap(ElementRef(1))


# law 2: the item's page lacks what the goal asks for -------------------------------------

def _there_and_back(item: str = "Lentil soup") -> list[PastStep]:
    return [opened(item, recipes()),
            moved(PressKey(Key.BACK), recipe(item)),
            moved(Tap(ElementRef(1)), recipes())]


@pytest.mark.slow
def test_back_on_an_items_page_that_offered_nothing_the_goal_is_infeasible(planner):
    decision = planner.decide("Translate my Lentil soup recipe", recipe(),
                              _there_and_back())
    assert decision.action.status is FinishStatus.INFEASIBLE
    assert "Lentil soup" in decision.action.answer


@pytest.mark.slow
def test_an_items_page_with_a_control_that_has_no_name_is_no_proof(planner):
    page = screen(*recipe().elements, el(3, "button", "", 0, clickable=True,
                                        bounds=Bounds(900, 0, 1040, 120)), app=APP)
    steps = [opened("Lentil soup", recipes()), moved(PressKey(Key.BACK), page),
             moved(Tap(ElementRef(1)), recipes())]
    decision = planner.decide("Translate my Lentil soup recipe", page, steps)
    assert decision.action.status is FinishStatus.FAILURE


@pytest.mark.slow
def test_an_item_that_is_not_the_one_the_goal_names_is_no_proof(planner):
    steps = [opened("Soup of the day", recipes()), moved(PressKey(Key.BACK), recipe()),
             moved(Tap(ElementRef(1)), recipes())]
    page = recipe("Soup of the day")
    decision = planner.decide("Translate my Lentil soup recipe", page, steps)
    assert getattr(decision.action, "status", None) is not FinishStatus.INFEASIBLE


@pytest.mark.slow
def test_the_first_visit_to_the_items_page_is_no_proof(planner):
    decision = planner.decide("Translate my Lentil soup recipe", recipe(),
                              [opened("Lentil soup", recipes())])
    assert not isinstance(decision.action, Finish)


@pytest.mark.slow
def test_another_items_page_under_the_same_layout_is_no_proof(planner):
    decision = planner.decide("Translate my Plum cake recipe", recipe("Plum cake"),
                              _there_and_back("Lentil soup"))
    assert getattr(decision.action, "status", None) is not FinishStatus.INFEASIBLE


@pytest.mark.slow
def test_an_items_page_acted_on_before_is_no_proof(planner):
    steps = _there_and_back()
    steps[1] = PastStep(Tap(ElementRef(2)), verdict=Verdict.CHANGED,
                        screen_signature=steps[1].screen_signature)  # an act, not a move
    decision = planner.decide("Translate my Lentil soup recipe", recipe(), steps)
    assert getattr(decision.action, "status", None) is not FinishStatus.INFEASIBLE


@pytest.mark.slow
def test_a_goal_with_values_to_enter_is_a_failure_not_infeasible(planner):
    page = screen(el(0, "button", "Navigate up", 0, height=120, clickable=True),
                  el(1, "input", "Lentil soup", 200, editable=True, clickable=True,
                     resource_id="x:id/heading"),
                  el(2, "input", "Simmer the lentils.", 400, editable=True, clickable=True,
                     resource_id="x:id/body"), app=APP)
    steps = [opened("Lentil soup", recipes()), moved(PressKey(Key.BACK), page),
             moved(Tap(ElementRef(1)), recipes())]
    decision = planner.decide("Change the serving size of my lentil soup recipe to 6", page, steps)
    assert isinstance(decision.action, Finish), decision.thought
    assert decision.action.status is FinishStatus.FAILURE


# law 3: going round in circles ----------------------------------------------------------

def _rounds(n: int) -> list[PastStep]:
    pages = [recipes(), recipe(), screen(el(0, "text", "Shopping", 0), app=APP)]
    return [moved(OpenApp("Recipes") if i % 3 == 2 else Tap(ElementRef(1)), pages[i % 3])
            for i in range(n)]


@pytest.mark.slow
def test_pages_seen_over_and_over_with_nothing_done_end_as_a_failure(planner):
    decision = planner.decide("Find the oven temperature for sourdough", recipes(), _rounds(9))
    assert decision.action.status is FinishStatus.FAILURE
    assert "circles" in decision.action.answer


@pytest.mark.slow
def test_pages_seen_again_while_work_is_done_are_no_circle(planner):
    steps = _rounds(9)
    steps[6] = PastStep(TypeText("sourdough", ElementRef(1)), verdict=Verdict.CHANGED,
                        screen_signature=steps[6].screen_signature)
    decision = planner.decide("Find the oven temperature for sourdough", recipes(), steps)
    assert not isinstance(decision.action, Finish)


@pytest.mark.slow
def test_a_circle_after_reaching_the_item_through_its_best_pages_means_they_lack_it(planner):
    steps = _rounds(9)
    steps[5] = PastStep(steps[5].action, verdict=Verdict.CHANGED,
                        screen_signature=steps[5].screen_signature,
                        memo=Memo(moving=True, at_best=True))
    goal = "Print the lentil soup recipe in large type"
    assert planner.decide(goal, recipes(), steps).action.status is FinishStatus.FAILURE
    steps[0] = opened("Lentil soup", recipes())  # it had reached the item the goal is about
    assert planner.decide(goal, recipes(), steps).action.status is FinishStatus.INFEASIBLE


@pytest.mark.slow
def test_a_circle_through_the_best_pages_for_a_goal_naming_no_item_there_means_they_lack_it(
        planner):
    """Nothing of the goal but what the app is about is on its pages: there is no item to
    reach first, and the pages that match it best offer no way to do it."""
    steps = _rounds(9)
    steps[5] = PastStep(steps[5].action, verdict=Verdict.CHANGED,
                        screen_signature=steps[5].screen_signature,
                        memo=Memo(moving=True, at_best=True))
    decision = planner.decide("Sort everything by cuisine", recipes(), steps)
    assert decision.action.status is FinishStatus.INFEASIBLE
    decision = planner.decide("Sort everything by cuisine", recipes(), _rounds(9))
    assert decision.action.status is FinishStatus.FAILURE  # it never passed the best pages


@pytest.mark.slow
def test_the_tab_chosen_names_the_page_not_an_item_to_reach(planner):
    """"make my recipes read aloud" on the Recipes tab: its one shown word is the tab's, what
    the page is about; the feature it asks for is nowhere on the best pages."""
    tabbed = screen(el(0, "tab", "Recipes", 0, height=120, clickable=True, selected=True,
                       bounds=Bounds(0, 0, 540, 120)),
                    el(1, "tab", "Shopping", 0, height=120, clickable=True,
                       bounds=Bounds(540, 0, 1080, 120)),
                    el(2, "button", "Lentil soup", 200, clickable=True),
                    el(3, "button", "Plum cake", 360, clickable=True), app=APP)
    pages = [tabbed, recipe(), screen(el(0, "text", "Shopping", 0), app=APP)]
    steps = [moved(OpenApp("Recipes") if i % 3 == 2 else Tap(ElementRef(2)), pages[i % 3])
             for i in range(9)]
    steps[5] = replace(steps[5], memo=Memo(moving=True, at_best=True))
    decision = planner.decide("make my recipes read aloud", tabbed, steps)
    assert decision.action.status is FinishStatus.INFEASIBLE


@pytest.mark.slow
def test_a_page_come_back_to_again_and_again_is_a_circle_even_between_new_rows(planner):
    """Scrolls that show more rows break a run of pages seen before, but not the count of
    returns to the same page with nothing done since the first."""
    steps = _rounds(12)
    for i in (4, 10):
        steps[i] = moved(Scroll(Direction.DOWN), recipe())  # showed more rows
    decision = planner.decide("Find the oven temperature for sourdough", recipes(), steps)
    assert decision.action.status is FinishStatus.FAILURE
    steps[7] = PastStep(TypeText("sourdough", ElementRef(1)), verdict=Verdict.CHANGED,
                        screen_signature=steps[7].screen_signature)  # work done: count anew
    decision = planner.decide("Find the oven temperature for sourdough", recipes(), steps)
    assert not isinstance(decision.action, Finish)
    steps += _rounds(9)[:9]  # then four more returns with nothing done
    decision = planner.decide("Find the oven temperature for sourdough", recipes(), steps)
    assert decision.action.status is FinishStatus.FAILURE


def printing() -> object:
    return screen(el(0, "text", "Printing", 0), el(1, "button", "Print recipe cards", 200,
                                                    clickable=True), app="com.example.prefs")


def _explored(encoder, *pages) -> EmbeddedPlanner:
    memory = AppMemory()
    for page in pages:
        memory.set_app("Recipes", page.app, signature_of(page))
        memory.add_screen(signature_of(page), page, "Recipes")
    memory.embed(encoder)
    return EmbeddedPlanner(memory, encoder=encoder)


@pytest.mark.slow
def test_a_circle_for_what_no_page_of_the_phone_names_means_it_offers_none(encoder):
    """Away from the pages that match best, a circle is the planner's failure, unless no
    page the exploration read names a word of what the goal is about."""
    memory = _explored(encoder, recipes(), recipe()).memory
    for goal, status in (("Play the cooking video", FinishStatus.INFEASIBLE),
                         ("Play the lentils video", FinishStatus.FAILURE)):  # "lentils": shown
        parsed = parse_goal(goal, encoder)
        view = View(recipes(), signature_of(recipes()), GoalMatcher(parsed, encoder), _rounds(9))
        assert endings.circling(parsed, view, False, "", memory).action.status is status
        assert endings.circling(parsed, view, False, "").action.status is FinishStatus.FAILURE


@pytest.mark.slow
def test_no_other_app_is_a_way_on_from_the_page_of_the_item_the_goal_names(encoder):
    memory = AppMemory()
    for label, page in (("Recipes", recipes()), ("Preferences", printing())):
        memory.set_app(label, page.app, signature_of(page))
        memory.add_screen(signature_of(page), page, label)
    memory.embed(encoder)
    planner = EmbeddedPlanner(memory, encoder=encoder)
    goal = "Print my plum cake recipe card"
    found = replace(opened("Plum cake", recipes()), app=APP)
    for page in (recipe("Plum cake"), recipes()):  # on the item's page, and back on the list
        assert not isinstance(planner.decide(goal, page, [found]).action, OpenApp)
    assert isinstance(planner.decide(goal, recipes(), []).action, Tap)  # the item first


@pytest.mark.parametrize("request_, infeasible", [
    ("who wrote to me most recently?", False),  # a kind of content, seldom a label
    ("turn on the sauna heater", True),  # an order names its control
    ("what is the serial code of the Zorblax reactor?", True),  # a question naming an item
])
def test_a_question_that_names_no_item_has_a_lower_bar_for_nothing_matches(request_,
                                                                           infeasible):
    between = endings.KIND_ALLOWANCE / 2  # below an order's bar, above a question's
    decision = endings.matches_nothing(parse_goal(request_), 0.5 - between, 0.5)
    assert (decision is not None) is infeasible
    if infeasible:
        assert decision.action == Finish(FinishStatus.INFEASIBLE)


@pytest.mark.slow
@pytest.mark.parametrize("request_", [
    "when is the Plover valve service due?", "how much does the quillon desk fan cost?"])
def test_a_question_for_a_value_is_looked_for_however_little_the_pages_match(encoder,
                                                                             request_):
    assert endings.matches_nothing(parse_goal(request_, encoder), 0.1, 0.5) is None
    order = endings.matches_nothing(parse_goal("switch on the quillon fan", encoder), 0.1, 0.5)
    assert order is not None and order.action == Finish(FinishStatus.INFEASIBLE)


@pytest.mark.slow
def test_opening_another_item_on_the_way_back_does_nothing_for_the_goal(planner):
    steps = [opened("Lentil soup", recipes()), moved(PressKey(Key.BACK), recipe()),
             opened("Plum cake", recipes()), moved(PressKey(Key.BACK), recipe("Plum cake")),
             moved(Tap(ElementRef(1)), recipes())]
    decision = planner.decide("Translate my Lentil soup recipe", recipe(), steps)
    assert isinstance(decision.action, Finish), decision.thought
    assert decision.action.status is FinishStatus.INFEASIBLE
    assert "Lentil soup" in decision.action.answer
