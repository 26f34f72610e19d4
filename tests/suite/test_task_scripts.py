"""Every task of the suite can be done: its script, played by the agent's own loop on each
seed of the phone, passes the task's check. A task that no script can do measures nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from automator.config import LoopConfig
from automator.loop import run_episode
from automator.tasks import check_task, task_from_dict
from automator.templates import fill
from devices.virtual.phone import VirtualPhone
from planners.scripted import ScriptedPlanner
from planners.task_script import TaskScript

SUITE = Path(__file__).resolve().parents[2] / "datasets" / "tasks" / "virtual-phone"
SEEDS = (0, 1, 2)
FILES = sorted(SUITE.rglob("*.yaml"))

pytestmark = pytest.mark.sim


def _play(path: Path, seed: int) -> list[str]:
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    raw.setdefault("id", path.stem)
    phone = VirtualPhone(state=raw.get("state"), app=raw.get("app"), seed=seed)
    initial = phone.state()
    data = fill({k: v for k, v in raw.items() if k != "state"}, initial)
    task = task_from_dict({**data, "state": raw.get("state")}, str(path))
    planner = ScriptedPlanner(TaskScript(data["script"]))
    config = LoopConfig(max_steps=60, allow=task.allow).for_device("virtual")
    trajectory = run_episode(task.goal, phone, planner, config)
    return list(check_task(task, phone.state(), trajectory, initial).failures)


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_the_script_does_the_task(path: Path, seed: int) -> None:
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert raw.get("script"), f"{path.name} has no script"
    assert _play(path, seed) == []
