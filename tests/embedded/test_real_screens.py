"""The embedded planner with an empty memory on real dumps (datasets/screens): a visible
target is tapped, never announced as open."""

from pathlib import Path

import pytest

from devices.actions import ElementRef, Finish, FinishStatus, Tap
from perception.elements import Screen
from perception.uiautomator import parse_uiautomator
from planners.embedded import AppMemory, EmbeddedPlanner

pytestmark = pytest.mark.slow

SCREENS = Path(__file__).resolve().parents[2] / "datasets" / "screens"


def screen(name: str) -> Screen:
    return parse_uiautomator((SCREENS / name).read_text(encoding="utf-8"))


def tapped(planner: EmbeddedPlanner, goal: str, where: Screen) -> str:
    action = planner.decide(goal, where, []).action
    assert isinstance(action, Tap), f"{goal!r}: {action}"
    assert isinstance(action.target, ElementRef)
    return where.element(action.target.id).label


@pytest.fixture
def planner(encoder) -> EmbeddedPlanner:
    return EmbeddedPlanner(AppMemory(), encoder=encoder)


@pytest.mark.parametrize(("name", "goal", "label"), [
    ("midscene/home_launcher.xml", "Open Gmail", "Gmail"),
    ("shirates/clock_alarms.xml", "Open the timer", "Timer"),
    ("nku/triage_empty.xml", "open settings", "Settings"),
    ("termux-ide/explorer.xml", "Open the lib folder", "lib"),
])
def test_open_x_with_x_visible_taps_x(planner, name, goal, label):
    assert tapped(planner, goal, screen(name)) == label


def test_a_switch_the_request_names_is_tapped(planner):
    where = screen("shirates/date_time_en.xml")
    assert tapped(planner, "Stop setting the time automatically", where) == (
        "Set time automatically")


def test_a_question_reads_the_value_in_the_rows_summary(planner):
    action = planner.decide("What's my battery level?", screen("shirates/settings_top.xml"),
                            []).action
    assert action == Finish(FinishStatus.SUCCESS, "100%")


def test_a_system_dialog_alone_is_the_page(planner):
    assert tapped(planner, "Close the app that froze",
                  screen("shirates/app_not_responding.xml")) == "Close app"


def test_another_script_taps_what_the_screen_shows_word_for_word(planner):
    where = screen("shirates/date_time_ja.xml")
    assert tapped(planner, "日時を自動的に設定をオフにする", where) == "日時を自動的に設定"


def test_another_script_with_nothing_on_screen_is_refused(planner):
    action = planner.decide("打开蓝牙", screen("shirates/date_time_ja.xml"), []).action
    assert isinstance(action, Finish) and action.status is FinishStatus.FAILURE
