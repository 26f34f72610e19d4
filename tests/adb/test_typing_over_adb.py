"""Tasks that type end the same when their scripts drive the phone in-process and through the
real Android driver over the adb protocol (as a real phone is driven): a time picker's
selected value, a field that shows its hint, a field renamed after clearing it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from automator.evaluate import evaluate, script_planner

pytestmark = pytest.mark.sim

DEV = Path(__file__).resolve().parents[2] / "datasets" / "tasks" / "virtual-phone" / "dev"
TASKS = ("clock-alarm-630", "clock-flight-alarm", "notes-rename-car")


@pytest.fixture(scope="module")
def outcomes(tmp_path_factory: pytest.TempPathFactory) -> dict[bool, list[tuple]]:
    root = tmp_path_factory.mktemp("typing")
    suite = root / "suite"
    suite.mkdir()
    for task in TASKS:
        shutil.copy(DEV / f"{task}.yaml", suite)
    return {
        over_adb: [(t.id, t.outcome, t.success, t.steps) for t in
                   evaluate(suite, script_planner, root / f"out-{over_adb}",
                            over_adb=over_adb).tasks]
        for over_adb in (False, True)
    }  # fmt: skip


def test_typing_tasks_end_the_same_over_adb(outcomes: dict[bool, list[tuple]]) -> None:
    assert outcomes[True] == outcomes[False]


def test_typing_task_scripts_succeed_over_adb(outcomes: dict[bool, list[tuple]]) -> None:
    assert sorted(task for task, _, success, _ in outcomes[True] if success) == sorted(TASKS)
