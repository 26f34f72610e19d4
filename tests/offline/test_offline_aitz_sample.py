"""The AITZ repository's own example episode (datasets/offline/aitz), scored by hand.

By hand from the JSON (270 x 600 screenshots, ui_positions [y, x, h, w] in pixels):

- step 0: truth "press the home button" -> press / home;
- step 1: truth "scroll up", touch (y .541, x .507) -> lift (y .001, x .579): a finger moving
  up; our Scroll(DOWN) is that finger, Scroll(UP) the other way;
- step 2: truth a click at touch (y .49836, x .60698) -> pixel (x int(163.89) = 163,
  y int(299.02) = 299), on the Clock icon, which has no annotated box of its own; its label
  box #22 "Cleck" is [321, 156, 5, 18] -> (156, 321, 174, 326), grown 1.2x to
  (154.2, 320.5, 175.8, 326.5): (163, 299) is not in it, and no grown box holds (163, 299).
  The topmost box starts at y = 34, so no grown box holds (0, 0) either;
- step 3: truth "stop and set the query as completed", result_action_type 10 (complete).

Predictions A = [press home, Scroll(DOWN), tap (163, 299), finish success]:
  official  [yes, yes, no (scored against (0, 0)), yes]; documented [yes, yes, yes, yes].
Predictions B = [press back, Scroll(UP), tap element #22, finish infeasible]:
  every type matches; official [no, no, no, yes (stop ignores the status)];
  documented [no, no, no, no].
"""

from pathlib import Path

import pytest

from automator.offline.formats import aitz
from automator.offline.oracle import oracle
from automator.offline.run import evaluate_offline, formats
from devices.actions import (
    Direction,
    ElementRef,
    Finish,
    FinishStatus,
    Key,
    Point,
    PressKey,
    Scroll,
    Tap,
)
from planners.scripted import ScriptedPlanner

pytestmark = pytest.mark.unit
SAMPLE = Path(__file__).resolve().parents[2] / "datasets" / "offline" / "aitz"
A = [PressKey(Key.HOME), Scroll(Direction.DOWN), Tap(Point(163, 299)), Finish()]
B = [PressKey(Key.BACK), Scroll(Direction.UP), Tap(ElementRef(22)),
     Finish(FinishStatus.INFEASIBLE)]


def _run(actions):
    fmt = formats()["aitz"]
    summary = evaluate_offline(fmt, fmt.load(SAMPLE), lambda e: ScriptedPlanner(list(actions)))
    return summary


def test_the_sample_loads_as_the_json_says():
    (episode,) = aitz.load(SAMPLE)
    assert episode.goal == 'open app "Clock" (install if not already installed)'
    assert [s.truth.action.type for s in episode.steps] == ["press", "scroll", "click", "stop"]
    clock = episode.steps[2]
    assert (clock.width, clock.height) == (270, 600) and clock.truth.touch == (163, 299)
    assert clock.boxes[22].text == "Cleck" and clock.boxes[22].bounds.as_list() == [
        156, 321, 174, 326]


def test_predictions_a_score_as_computed_by_hand():
    s = _run(A)
    assert (s["official"]["step_accuracy"], s["documented"]["step_accuracy"]) == (0.75, 1.0)
    assert s["official"]["by_type"]["click"]["step_accuracy"] == 0.0
    assert (s["official"]["episode_success"], s["official"]["goal_progress"]) == (0.0, 0.5)
    assert (s["documented"]["episode_success"], s["documented"]["goal_progress"]) == (1.0, 1.0)


def test_predictions_b_score_as_computed_by_hand():
    s = _run(B)
    assert s["official"]["type_accuracy"] == s["documented"]["type_accuracy"] == 1.0
    assert s["official"]["step_accuracy"] == 0.25  # the stop only
    assert s["official"]["by_type"]["stop"]["step_accuracy"] == 1.0
    assert s["documented"]["step_accuracy"] == 0.0
    assert s["official"]["goal_progress"] == s["documented"]["goal_progress"] == 0.0


def test_the_oracle_scores_all_documented_and_shows_the_official_click_departure(tmp_path):
    fmt = formats()["aitz"]
    s = evaluate_offline(fmt, fmt.load(SAMPLE), oracle, out=tmp_path)
    assert s["documented"]["step_accuracy"] == 1.0 and s["documented"]["episode_success"] == 1.0
    assert s["official"]["by_type"]["click"]["step_accuracy"] == 0.0
    lines = (tmp_path / "steps.jsonl").read_text().splitlines()
    assert len(lines) == 4 and (tmp_path / "summary.json").exists()
