"""A field inside another item's row of a list is that item's: a new item's values never go
into it; the new item's own row is opened instead."""

import pytest

from devices.actions import ElementRef, Tap, TypeText
from perception.elements import Bounds, Screen
from planners.embedded import EmbeddedPlanner
from planners.embedded.memo import Mark, Memo
from planners.planner import PastStep, Verdict
from tests.embedded import screens as S

APP = "com.example.wakeful"
MADE = "add an alarm for 4:25 AM and name it Compost"


def row(i: int, top: int, time: str, summary: str, label: str | None) -> list:
    """A list row; with a label it is unfolded and shows a field holding that label."""
    height = 500 if label is not None else 220
    out = [S.el(i, "button", "", top, height, clickable=True,
                description=f"{time} alarm, {'expanded' if label is not None else 'collapsed'}"),
           S.el(i + 1, "text", time, top + 20, 110, bounds=Bounds(30, top + 20, 480, top + 130)),
           S.el(i + 2, "text", summary, top + 140, 60, bounds=Bounds(30, top + 140, 700,
                                                                     top + 200))]
    if label is not None:
        out.append(S.el(i + 3, "input", label, top + 260, 120, editable=True, clickable=True,
                        hint="Add label", bounds=Bounds(30, top + 260, 1000, top + 380)))
    return out


def saved_list(other_label: str = "Water the ferns") -> Screen:
    """The list after the new alarm was saved: it is folded, another one is unfolded."""
    return S.screen(S.el(0, "text", "Alarms", 0, 120),
                    S.el(1, "list", "", 140, 1900, scrollable=True),
                    *row(10, 160, "4:25 AM", "Not scheduled", None),
                    *row(20, 400, "9:05 PM", f"{other_label} · Thu", other_label),
                    app=APP)


def made_steps() -> list[PastStep]:
    return [PastStep(Tap(ElementRef(9)), outcome="form", verdict=Verdict.CHANGED,
                     memo=Memo(mark=Mark.NEW_ITEM), screen_signature="list"),
            PastStep(TypeText("4", ElementRef(3)), outcome="typed", verdict=Verdict.CHANGED,
                     screen_signature="picker"),
            PastStep(TypeText("25", ElementRef(4)), outcome="typed", verdict=Verdict.CHANGED,
                     screen_signature="picker"),
            PastStep(Tap(ElementRef(5)), outcome="saved", verdict=Verdict.CHANGED,
                     memo=Memo(mark=Mark.SUBMIT), screen_signature="picker")]


@pytest.fixture(scope="module")
def planner(encoder) -> EmbeddedPlanner:
    return EmbeddedPlanner(encoder=encoder)


@pytest.mark.slow
@pytest.mark.parametrize("other_label", ["Water the ferns", ""])
def test_the_new_items_name_never_goes_into_anothers_field(planner, other_label):
    decision = planner.decide(MADE, saved_list(other_label), made_steps())
    assert not isinstance(decision.action, TypeText)
    assert decision.action == Tap(ElementRef(10))  # the new alarm's own row


@pytest.mark.slow
def test_the_new_items_own_field_gets_it(planner):
    screen = S.screen(S.el(0, "text", "Alarms", 0, 120),
                      S.el(1, "list", "", 140, 1900, scrollable=True),
                      *row(10, 160, "4:25 AM", "Not scheduled", ""),
                      *row(20, 700, "9:05 PM", "Water the ferns · Thu", None), app=APP)
    steps = [*made_steps(), PastStep(Tap(ElementRef(10)), outcome="expanded",
                                     verdict=Verdict.CHANGED,
                                     memo=Memo(mark=Mark.OPEN_ITEM), screen_signature="list")]
    decision = planner.decide(MADE, screen, steps)
    assert decision.action == TypeText("Compost", ElementRef(13), clear=True)
