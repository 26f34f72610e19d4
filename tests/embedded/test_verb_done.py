"""An item the goal's verb was done to says so: "Connect to X" is done when X's row says
"Connected", and not before."""

import pytest

from devices.actions import ElementRef, Finish, FinishStatus, Tap
from planners.embedded import EmbeddedPlanner
from planners.embedded.acts import participle
from planners.embedded.memo import Mark, Memo
from planners.planner import PastStep, Verdict
from tests.embedded import screens as S

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def planner(encoder) -> EmbeddedPlanner:
    return EmbeddedPlanner(encoder=encoder)


@pytest.mark.unit
@pytest.mark.parametrize(("verb", "done"), [("connect", "connected"), ("pair", "paired"),
                                            ("save", "saved"), ("go", "")])
def test_the_regular_participle(verb, done):
    assert participle(verb) == done


def printers(status: str):
    return S.screen(
        S.el(0, "text", "Printers", 0),
        S.el(1, "button", "Office LaserJet | Available", 200, clickable=True),
        S.el(2, "button", f"Studio InkTank | {status}", 360, clickable=True),
        app="com.example.print",
    )


def opened():
    return [PastStep(Tap(ElementRef(2)), outcome="the page updated", verdict=Verdict.CHANGED,
                     memo=Memo(mark=Mark.OPEN_ITEM, item="Studio InkTank"),
                     screen_signature="printers")]


def test_done_when_the_item_says_the_verb_was_done_to_it(planner):
    decision = planner.decide("Connect to the Studio InkTank printer", printers("Connected"),
                              opened())
    assert decision.action == Finish(FinishStatus.SUCCESS)


def test_not_done_while_the_item_says_otherwise(planner):
    decision = planner.decide("Connect to the Studio InkTank printer", printers("Available"),
                              opened())
    assert decision.action != Finish(FinishStatus.SUCCESS)


def basket(*items: str, more_rows: tuple[str, ...] = ()):
    """A basket page: a list of lines, each with its own remove button, rows without one
    further down when `more_rows`."""
    lines = [e for i, name in enumerate(items) for e in (
        S.el(2 + 2 * i, "text", name, 300 + 200 * i),
        S.el(3 + 2 * i, "button", f"Discard {name}", 300 + 200 * i, clickable=True,
             bounds=S.Bounds(900, 300 + 200 * i, 1080, 460 + 200 * i)))]
    rows = [S.el(40 + i, "button", name, 300 + 200 * (len(items) + i), clickable=True)
            for i, name in enumerate(more_rows)]
    return S.screen(S.el(0, "text", "Basket", 100),
                    S.el(1, "list", "", 280, height=1600, scrollable=True), *lines, *rows,
                    S.el(99, "button", "Pay now", 2000, clickable=True), app="com.example.deli")


def pressed(item: str):
    return [PastStep(Tap(ElementRef(3)), outcome="the page updated", verdict=Verdict.CHANGED,
                     memo=Memo(mark=Mark.GOAL_ACTION, item=f"Discard {item}"),
                     screen_signature="basket")]


def test_every_item_removed_in_place_is_pressed_in_turn_then_done(planner):
    goal = "clear out the whole basket"
    after_one = planner.decide(goal, basket("Rye loaf", "Olives"), pressed("Brie"))
    assert after_one.action in (Tap(ElementRef(3)), Tap(ElementRef(5)))  # at once
    done = planner.decide(goal, basket(), pressed("Olives"))
    assert done.action == Finish(FinishStatus.SUCCESS)


def test_no_button_in_view_is_no_evidence_while_rows_are_still_listed(planner):
    decision = planner.decide("clear out the whole basket", basket(more_rows=("Figs",)),
                              pressed("Olives"))
    assert decision.action != Finish(FinishStatus.SUCCESS)
