"""A count narrowed by what the rows show (a quoted word, a day of the week, a time limit)
counts the rows that show it; one narrowed by what no row shows is not answered with the
list's total. The questions and screens are our own."""

import pytest

from devices.actions import Finish, FinishStatus
from perception.elements import Bounds
from planners.embedded import EmbeddedPlanner
from tests.embedded import screens as S
from tests.embedded.test_count_by_state import answer

pytestmark = pytest.mark.slow

PLANTS = (("Fern | Water Tue, Sun", ), ("Cactus | Water Sun", ), ("Basil | Water every day", ),
          ("Orchid | Water Wed", ), ("Fern cutting | Water Mon", ))


def _plants():
    items = [S.el(0, "text", "Watering", 0, resource_id="x:id/title"),
             S.el(1, "list", "", 200, height=2000, scrollable=True,
                  bounds=Bounds(0, 200, 1080, 2200))]
    for i, (row,) in enumerate(PLANTS):
        top = 220 + 200 * i
        name, summary = row.split(" | ")
        items.append(S.el(2 + i, "button", name, top, height=180, clickable=True,
                          description=summary, bounds=Bounds(0, top, 1080, top + 180)))
    return S.screen(*items, app="com.example.garden")


@pytest.mark.parametrize(("question", "count"), [
    ("how many watering plans have 'fern' in the name?", "2"),
    ("how many of my watering plans water on a Sunday?", "3"),
    ("how many watering plans mention 'sun'?", "2"),  # "Tue, Sun" and "Sun" in the preview
    ("how many watering plans have 'sun' in the name?", "0"),  # the preview is no name
])
def test_only_the_rows_that_show_it_are_counted(encoder, question, count):
    decision = answer(EmbeddedPlanner(encoder=encoder), question, _plants())
    assert decision.action == Finish(FinishStatus.SUCCESS, count), decision.thought


def test_a_narrowing_no_row_shows_is_not_answered_with_the_total(encoder):
    decision = answer(EmbeddedPlanner(encoder=encoder),
                       "how many of my watering plans have no photo?", _plants())
    assert decision.action != Finish(FinishStatus.SUCCESS, str(len(PLANTS))), decision.thought
    assert not (isinstance(decision.action, Finish)
                and decision.action.status is FinishStatus.SUCCESS), decision.thought


def test_a_plain_count_is_the_whole_list(encoder):
    decision = answer(EmbeddedPlanner(encoder=encoder), "how many watering plans do I have?",
                       _plants())
    assert decision.action == Finish(FinishStatus.SUCCESS, str(len(PLANTS))), decision.thought
