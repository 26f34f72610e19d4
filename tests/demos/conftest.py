"""Episodes for the viewer and export tests, recorded by the real loop on the virtual phone:
one with every kind of action and markup in everything a page shows, and an eval folder."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from demo_episodes import HOSTILE_STEPS, MARKUP, SUITE, hostile_script, need_browser

from automator.evaluate import evaluate, script_planner
from automator.loop import run_episode
from automator.recording import Recorder
from devices.actions import Finish, FinishStatus
from devices.virtual.phone import VirtualPhone
from planners.scripted import ScriptedPlanner


@pytest.fixture(scope="session")
def hostile_episode(tmp_path_factory) -> Path:
    """Every kind of step (open app, tap, type, a planner's mistake, back, scroll, swipe,
    long press, finish), with markup in the goal, thoughts, typed text, screen and answer."""
    from automator.config import LoopConfig

    folder = tmp_path_factory.mktemp("hostile") / "episode"
    config = LoopConfig(max_steps=20).for_device("virtual")
    with VirtualPhone() as phone:
        trajectory = run_episode(f"Write {MARKUP} in a note", phone,
                                 ScriptedPlanner(hostile_script), config, recorder=Recorder(folder))
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


@pytest.fixture
def chromium(tmp_path_factory, monkeypatch):
    """A headless page of the system Chromium (its profile in a temporary HOME)."""
    need_browser()
    from devices.browser import BrowserDevice

    monkeypatch.setenv("HOME", str(tmp_path_factory.mktemp("home")))
    with BrowserDevice(width=1100, height=900) as browser:
        yield browser
