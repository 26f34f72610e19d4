"""A value shown on a list's row belongs to that row's item: it answers a question only when
the row names whose value the question asks for."""

import pytest

from devices.actions import Finish
from perception.elements import Bounds
from planners.embedded import EmbeddedPlanner
from tests.embedded import screens as S

pytestmark = pytest.mark.slow

QUESTION = "What is the lake house Wi-Fi password?"


@pytest.fixture(scope="module")
def planner(encoder) -> EmbeddedPlanner:
    return EmbeddedPlanner(encoder=encoder)


def notes(*rows: tuple[str, str]):
    """A list of notes: each row a clickable container with a title and a preview line."""
    items = [S.el(0, "input", "Search your notes", 60, editable=True, clickable=True)]
    for i, (title, preview) in enumerate(rows):
        top = 260 + 200 * i
        items += [S.el(len(items), "button", "", top, height=200, clickable=True,
                       bounds=Bounds(0, top, 1080, top + 200)),
                  S.el(len(items) + 1, "text", title, top + 20, height=70),
                  S.el(len(items) + 2, "text", preview, top + 100, height=70)]
    return S.screen(*items, S.el(len(items), "list", "", 250, height=1800, scrollable=True),
                    app="com.example.jotter")


def test_a_password_on_another_items_row_is_no_answer(planner):
    screen = notes(("Guest Wi-Fi", "Kestrel-5G / kestrel-2231"), ("Parking", "Level 2"))
    decision = planner.decide(QUESTION, screen, [])
    assert not isinstance(decision.action, Finish)


def test_a_password_on_the_row_that_names_it_answers(planner):
    screen = notes(("Guest Wi-Fi", "Kestrel-5G / kestrel-2231"),
                   ("Lake house Wi-Fi", "Password: heron-4471"))
    decision = planner.decide(QUESTION, screen, [])
    assert isinstance(decision.action, Finish)
    assert decision.action.answer == "heron-4471"


def test_an_amount_of_storage_is_answered_with_its_size(planner):
    disk = S.screen(S.el(0, "text", "Disk", 0),
                    S.el(1, "text", "Music", 200), S.el(2, "text", "3.2 GB", 260),
                    S.el(3, "text", "Space available", 400), S.el(4, "text", "41.7 GB", 460),
                    app="com.example.prefs")
    decision = planner.decide("How much space is available?", disk, [])
    assert isinstance(decision.action, Finish) and "41.7 GB" in decision.action.answer


def regional():
    """A settings page: a clock row, and rows named by compounds whose first word is the
    name of a kind of value ("Time zone", "Date format")."""
    return S.screen(
        S.el(0, "text", "Region & time", 60),
        S.el(1, "button", "Time", 200, clickable=True, description="10:42 AM"),
        S.el(2, "button", "Time zone", 360, clickable=True,
             description="UTC-05:00 Eastern Standard Time"),
        S.el(3, "button", "Date", 520, clickable=True, description="Mon, Jan 5"),
        S.el(4, "button", "Date format", 680, clickable=True, description="31/12/2025"),
        app="com.example.region")


@pytest.mark.parametrize(("question", "value"), [
    ("what time zone is this tablet set to?", "Eastern Standard Time"),
    ("which date format am I using?", "31/12/2025"),
])
def test_a_row_named_by_the_question_answers_whatever_its_values_shape(planner, question,
                                                                       value):
    decision = planner.decide(question, regional(), [])
    assert isinstance(decision.action, Finish) and value in (decision.action.answer or "")


def test_a_price_on_the_row_of_another_kind_of_item_is_no_answer(planner):
    asked = "how much is the cedar garden bench?"
    other = notes(("Garden Hose", "$24.00 · Outdoor"), ("Cedar Planter", "$31.50 · Outdoor"))
    decision = planner.decide(asked, other, [])
    assert not isinstance(decision.action, Finish), decision
    listed = notes(("Garden Hose", "$24.00 · Outdoor"), ("Cedar Garden Bench", "$149.00 · Outdoor"))
    decision = planner.decide(asked, listed, [])
    assert isinstance(decision.action, Finish) and decision.action.answer == "$149.00"
