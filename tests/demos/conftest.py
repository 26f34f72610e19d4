"""Episodes for the viewer and export tests, recorded by the real loop on the virtual phone:
one with every kind of action and markup in everything a page shows, and an eval folder."""

from __future__ import annotations

import importlib.util
import os
import shutil
from collections.abc import Sequence
from pathlib import Path

import pytest

from automator.evaluate import evaluate, script_planner
from automator.loop import run_episode
from automator.recording import Recorder
from devices.actions import (
    Direction,
    ElementRef,
    Finish,
    FinishStatus,
    Key,
    LongPress,
    OpenApp,
    Point,
    PressKey,
    Scroll,
    Swipe,
    Tap,
    TypeText,
)  # fmt: skip
from devices.virtual.phone import VirtualPhone
from perception.elements import Screen
from planners.errors import ParseError
from planners.planner import Decision, PastStep
from planners.scripted import ScriptedPlanner

SUITE = Path(__file__).resolve().parents[2] / "datasets" / "tasks" / "virtual-phone" / "dev"
MARKUP = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">'
HOSTILE_STEPS = 9  # steps of the hostile episode, the planner's mistake and finish included


def _id(screen: Screen, label: str) -> ElementRef:
    return ElementRef(next(e.id for e in screen.elements if e.label.startswith(label)))


def _field(screen: Screen) -> ElementRef:
    return ElementRef(next(e.id for e in screen.elements if e.editable))


PLAN = [  # one per step: the screen -> what the planner says
    lambda s: Decision(OpenApp("Notes"), thought=f"open the notes {MARKUP}"),
    lambda s: Decision(Tap(_id(s, "New note")), thought="a new note"),
    lambda s: Decision(TypeText(MARKUP, _field(s)), thought="type the title"),
    lambda s: ParseError(f"no action in {MARKUP}", raw=f"reply {MARKUP}"),
    lambda s: Decision(PressKey(Key.BACK), thought="back to the list"),
    lambda s: Decision(Scroll(Direction.DOWN), thought="look further down"),
    lambda s: Decision(Swipe(Point(540, 1600), Point(540, 900)), thought="swipe up"),
    lambda s: Decision(LongPress(_field(s)), thought="hold the field"),
    lambda s: Decision(Finish(FinishStatus.SUCCESS, answer=f"done {MARKUP}"), thought="done"),
]


def _hostile(goal: str, screen: Screen, history: Sequence[PastStep]) -> Decision | None:
    item = PLAN[len(history)](screen) if len(history) < len(PLAN) else None
    if isinstance(item, Exception):
        raise item
    return item


@pytest.fixture(scope="session")
def hostile_episode(tmp_path_factory) -> Path:
    """Every kind of step (open app, tap, type, a planner's mistake, back, scroll, swipe,
    long press, finish), with markup in the goal, thoughts, typed text, screen and answer."""
    from automator.config import LoopConfig

    folder = tmp_path_factory.mktemp("hostile") / "episode"
    config = LoopConfig(max_steps=20).for_device("virtual")
    with VirtualPhone() as phone:
        trajectory = run_episode(f"Write {MARKUP} in a note", phone,
                                 ScriptedPlanner(_hostile), config, recorder=Recorder(folder))
    assert len(trajectory.steps) == HOSTILE_STEPS, trajectory.reason
    return folder


@pytest.fixture(scope="session")
def eval_dir(tmp_path_factory) -> Path:
    """An eval of two tasks on two seeds: one task played by its script (passes), one by a
    planner that gives up at once (fails)."""
    root = tmp_path_factory.mktemp("eval")
    suite = root / "suite"
    suite.mkdir()
    for name in ("notes-new-plumber", "clock-alarm-630"):
        shutil.copyfile(SUITE / f"{name}.yaml", suite / f"{name}.yaml")
    out = root / "out"

    def factory(device: object, task: object) -> ScriptedPlanner:
        if task.id == "notes-new-plumber":  # type: ignore[attr-defined]
            return script_planner(device, task)  # type: ignore[arg-type]
        return ScriptedPlanner([Finish(FinishStatus.FAILURE, answer="gave up")])

    summary = evaluate(suite, factory, out, seeds=(0, 1))
    assert len(summary.tasks) == 4 and summary.overall.succeeded == 2, summary.tasks
    return out


def need_browser() -> None:
    """Skip without Playwright or Chromium, with the reason; fail instead where CI
    installed them (AUTOMATOR_REQUIRE_BROWSER=1)."""
    from devices.browser import find_chromium

    reason = None
    if importlib.util.find_spec("playwright") is None:
        reason = "the viewer's page tests need the Python package playwright (setup.sh)"
    elif find_chromium() is None:
        reason = "the viewer's page tests need Chromium: the Debian package chromium (setup.sh)"
    if reason and os.environ.get("AUTOMATOR_REQUIRE_BROWSER") == "1":
        pytest.fail(reason)
    if reason:
        pytest.skip(reason)


@pytest.fixture
def chromium(tmp_path_factory, monkeypatch):
    """A headless page of the system Chromium (its profile in a temporary HOME)."""
    need_browser()
    from devices.browser import BrowserDevice

    monkeypatch.setenv("HOME", str(tmp_path_factory.mktemp("home")))
    with BrowserDevice(width=1100, height=900) as browser:
        yield browser
