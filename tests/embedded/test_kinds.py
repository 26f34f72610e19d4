"""The word for an item's kind is no part of its title: "my later memo" is the memo
titled "Later" on a list that calls its items memos; never a guess between two rows
titled alike, nor on a list that does not use that word."""

import pytest

from devices.actions import ElementRef, Tap
from perception.elements import Screen
from planners.embedded import EmbeddedPlanner, kinds
from planners.embedded.goal import parse_goal
from planners.embedded.scoring import GoalMatcher
from planners.embedded.view import View
from tests.embedded import screens as S

GOAL = "append 'charge the camera' to my later memo"


def memos(*titles: str, search: str = "Search memos", add: str = "New memo") -> Screen:
    rows = [S.el(10 + i, "button", f"{t} | Snacks, maps, chargers", 200 + 180 * i,
                 clickable=True) for i, t in enumerate(titles)]
    return S.screen(S.el(0, "input", "", 0, 140, editable=True, clickable=True, hint=search),
                    *rows,
                    S.el(9, "image_button", "", 2000, 160, clickable=True, description=add),
                    app="com.example.memos")


def _view(encoder, screen: Screen) -> View:
    goal = parse_goal(GOAL, encoder)
    return View(screen, "list", GoalMatcher(goal, encoder), [])


@pytest.mark.slow
def test_the_row_titled_by_the_name_without_its_kind_word_is_opened(encoder):
    decision = EmbeddedPlanner(encoder=encoder).decide(
        GOAL, memos("Garden", "Later", "Recipes"), [])
    assert decision.action == Tap(ElementRef(11))


@pytest.mark.slow
def test_two_rows_titled_alike_are_no_choice_to_guess(encoder):
    view = _view(encoder, memos("Later", "Garden", "Later"))
    assert kinds.open_by_title(parse_goal(GOAL, encoder), view) is None


@pytest.mark.slow
def test_a_list_that_does_not_use_the_word_keeps_it_in_the_name(encoder):
    view = _view(encoder, memos("Garden", "Later", search="Search", add="Add"))
    assert kinds.open_by_title(parse_goal(GOAL, encoder), view) is None
