"""`eval screens`: scoring a first decision on a real dump, and the command on a small set."""

import json
import shutil
from pathlib import Path

import pytest

from automator.cli import main
from automator.screens_eval import Expected, Item, Selector, is_right, load_items, run_item
from devices.actions import (
    Direction,
    ElementRef,
    Finish,
    FinishStatus,
    Point,
    Scroll,
    Tap,
    TypeText,
)
from perception.uiautomator import parse_uiautomator
from planners.scripted import ScriptedPlanner

SCREENS = Path(__file__).resolve().parents[2] / "datasets" / "screens"
LAUNCHER = SCREENS / "midscene" / "home_launcher.xml"
FORM = SCREENS / "nku" / "triage_symptoms.xml"


def _load(path: Path):
    xml = path.read_text(encoding="utf-8")
    return xml, parse_uiautomator(xml)


def _id(screen, label: str) -> int:
    return next(e.id for e in screen.elements if e.label == label)


GMAIL = Expected(tap=(Selector(label="Gmail"),))


def test_a_tap_is_right_only_on_the_expected_element():
    xml, screen = _load(LAUNCHER)
    assert is_right(GMAIL, Tap(ElementRef(_id(screen, "Gmail"))), screen, xml)
    assert is_right(GMAIL, Tap(Point(400, 1600)), screen, xml)  # inside Gmail's icon
    assert not is_right(GMAIL, Tap(ElementRef(_id(screen, "Photos"))), screen, xml)
    assert not is_right(GMAIL, Tap(ElementRef(10_000)), screen, xml)  # no such element
    assert not is_right(GMAIL, Finish(FinishStatus.SUCCESS), screen, xml)
    assert not is_right(GMAIL, Scroll(Direction.DOWN), screen, xml)


def test_typing_needs_the_field_and_the_value():
    xml, screen = _load(FORM)
    field = _id(screen, "e.g. headache, dizziness...")
    want = Expected(type=(Selector(label="e.g. headache, dizziness..."),), value="headache")
    assert is_right(want, TypeText("Headache", target=ElementRef(field)), screen, xml)
    assert not is_right(want, TypeText("fever", target=ElementRef(field)), screen, xml)
    assert not is_right(want, TypeText("headache", target=ElementRef(_id(screen, "Remove"))),
                        screen, xml)


def test_answers_refusals_and_scrolls():
    xml, screen = _load(FORM)
    answer = Expected(answer="Within 48 hours")
    assert is_right(answer, Finish(FinishStatus.SUCCESS, "Urgency: within 48 hours"), screen, xml)
    assert not is_right(answer, Finish(FinishStatus.SUCCESS, "Orange"), screen, xml)
    assert not is_right(answer, Finish(FinishStatus.INFEASIBLE, "Within 48 hours"), screen, xml)
    refuse = Expected(infeasible=True)
    assert is_right(refuse, Finish(FinishStatus.INFEASIBLE), screen, xml)
    assert is_right(refuse, Finish(FinishStatus.FAILURE), screen, xml)
    assert not is_right(refuse, Finish(FinishStatus.SUCCESS), screen, xml)
    assert is_right(Expected(scroll="down"), Scroll(Direction.DOWN), screen, xml)
    assert not is_right(Expected(scroll="down"), Scroll(Direction.UP), screen, xml)


@pytest.mark.parametrize(("action", "right", "false_success"), [
    (Finish(FinishStatus.SUCCESS), False, True),  # "the page is open" at step 0
    (Finish(FinishStatus.SUCCESS, "Gmail"), False, True),  # an answer nobody asked for
    (Finish(FinishStatus.FAILURE), False, False),
    (Tap(Point(400, 1600)), True, False),
])
def test_a_false_success_is_a_success_that_is_not_right(action, right, false_success):
    item = Item("x#1", "x", LAUNCHER, "Open Gmail", GMAIL)
    result = run_item(item, ScriptedPlanner([action]))
    assert (result.right, result.false_success) == (right, false_success)


def test_every_labelled_request_names_something_on_its_screen():
    from automator.screens_eval import regions

    items = load_items(SCREENS)
    assert len(items) >= 70 and len({i.screen for i in items}) >= 30
    for item in items:
        selectors = item.expected.tap or item.expected.type
        if selectors:
            assert regions(item.file.read_text(encoding="utf-8"), selectors), item.id


@pytest.mark.slow
def test_the_command_scores_a_small_set(tmp_path, capsys):
    folder = tmp_path / "screens"
    (folder / "x").mkdir(parents=True)
    shutil.copy(LAUNCHER, folder / "x" / "home.xml")
    manifest = {"screens": [{"id": "x/home", "file": "x/home.xml", "source": "test"}]}
    (folder / "manifest.json").write_text(json.dumps(manifest))
    lines = [{"screen": "x/home", "request": "Open Gmail", "expect": {"tap": [{"label": "Gmail"}]}},
             {"screen": "x/home", "request": "abrir YouTube", "lang": "es",
              "expect": {"tap": [{"label": "YouTube"}]}}]
    (folder / "requests.jsonl").write_text("\n".join(json.dumps(line) for line in lines))
    out = tmp_path / "out"
    assert main(["eval", "screens", str(folder), "--out", str(out)]) == 0
    summary = json.loads((out / "summary.json").read_text())
    assert summary["items"] == 2 and summary["non_english_items"] == 1
    assert summary["results"][0]["right"] is True
    assert "median decision (ms)" in capsys.readouterr().out


def test_a_missing_screen_folder_is_one_line_and_exit_2(tmp_path):
    assert main(["eval", "screens", str(tmp_path / "nothing")]) == 2
