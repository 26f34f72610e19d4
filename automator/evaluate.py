"""Evaluate a planner on a task suite: every task on a fresh virtual phone, checked and summed.

`out_dir` receives one episode folder per task and `summary.json`:

    {"planner": ..., "tasks": [{"id", "app", "outcome", "success", "steps", "seconds",
     "reason", "failures"}, ...], "success_rate": 0-1, "per_app": {app: 0-1}, "total": n,
     "complete": false until the last task is done}

The summary is rewritten after each task, so an interrupted run keeps what it finished.
"""

from __future__ import annotations

import json
import logging
import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from automator.config import LoopConfig
from automator.loop import run_episode
from automator.recording import Recorder
from automator.tasks import Task, check_task, load_suite
from devices.device import Device
from planners.planner import Planner

if TYPE_CHECKING:
    from devices.virtual.phone import VirtualPhone

log = logging.getLogger(__name__)

PlannerFactory = Callable[[Device], Planner]  # a fresh planner for each task's device
SUMMARY = "summary.json"


@dataclass(frozen=True)
class TaskReport:
    id: str
    app: str  # the group the task counts under
    outcome: str  # the episode's outcome, or "error" when the harness itself failed
    success: bool  # the task's check passed
    steps: int
    seconds: float
    reason: str  # why the episode ended
    failures: tuple[str, ...] = ()  # what the check found wrong


@dataclass(frozen=True)
class Summary:
    planner: str
    tasks: tuple[TaskReport, ...]

    @property
    def success_rate(self) -> float:
        return sum(t.success for t in self.tasks) / len(self.tasks) if self.tasks else 0.0

    @property
    def per_app(self) -> dict[str, float]:
        groups: dict[str, list[bool]] = {}
        for t in self.tasks:
            groups.setdefault(t.app, []).append(t.success)
        return {app: sum(v) / len(v) for app, v in sorted(groups.items())}

    def to_dict(self) -> dict[str, Any]:
        return {
            "planner": self.planner,
            "total": len(self.tasks),
            "succeeded": sum(t.success for t in self.tasks),
            "success_rate": round(self.success_rate, 4),
            "per_app": {k: round(v, 4) for k, v in self.per_app.items()},
            "tasks": [{**asdict(t), "failures": list(t.failures)} for t in self.tasks],
        }


@contextmanager
def _task_device(task: Task, over_adb: bool) -> Iterator[tuple[Device, VirtualPhone]]:
    """A fresh phone for the task, and the device that drives it: the phone itself, or,
    `over_adb`, an AndroidDevice talking to it through the adb protocol on loopback."""
    from devices.virtual.phone import VirtualPhone

    phone = VirtualPhone(state=task.state, app=task.app, serial="eval-0")
    if not over_adb:
        with phone:
            yield phone, phone
        return
    from devices.adb.server import serve
    from devices.android import AndroidDevice

    with serve(phones={phone.name: phone}) as server, AndroidDevice(
        phone.name, port=server.port
    ) as device:
        yield device, phone


def run_task(task: Task, planner_factory: PlannerFactory, out_dir: Path,
             config: LoopConfig, over_adb: bool = False) -> TaskReport:
    """One task on a fresh phone, recorded under `out_dir/<task id>`, then checked."""
    start = time.monotonic()
    with _task_device(task, over_adb) as (device, phone):
        initial = phone.state()
        planner = planner_factory(device)
        loop_config = replace(config, max_steps=task.max_steps, allow=task.allow)
        trajectory = run_episode(task.goal, device, planner, loop_config,
                                 recorder=Recorder(out_dir / task.id))
        check = check_task(task, phone.state(), trajectory, initial)
    return TaskReport(task.id, task.group, str(trajectory.outcome), check.success,
                      len(trajectory.steps), round(time.monotonic() - start, 3),
                      trajectory.reason, check.failures)


def evaluate(
    suite_dir: str | Path,
    planner_factory: PlannerFactory,
    out_dir: str | Path,
    on_task: Callable[[TaskReport], None] | None = None,
    pattern: str = "*",
    config: LoopConfig | None = None,
    over_adb: bool = False,
) -> Summary:
    """Run every task of the suite whose id matches `pattern`; write and return the summary.
    `over_adb` drives each phone through the adb protocol, as a real phone would be."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    config = (config or LoopConfig()).for_device("android" if over_adb else "virtual")
    reports: list[TaskReport] = []
    planner_name = ""
    for task in load_suite(suite_dir, pattern):
        try:
            report = run_task(task, planner_factory, out, config, over_adb)
        except Exception as e:  # the harness keeps going past one task's crash; logged in full
            log.exception("task %s crashed", task.id)
            report = TaskReport(task.id, task.group, "error", False, 0, 0.0,
                                f"internal error: {type(e).__name__}: {e}")
        reports.append(report)
        if on_task is not None:
            on_task(report)
        planner_name = planner_name or _planner_name(out / task.id)
        _write_summary(out, Summary(planner_name, tuple(reports)), complete=False)
    summary = Summary(planner_name, tuple(reports))
    _write_summary(out, summary, complete=True)
    return summary


def _write_summary(out: Path, summary: Summary, complete: bool) -> None:
    """Rewritten after every task (a crash keeps the tasks done so far), replaced whole."""
    temporary = out / f".{SUMMARY}.partial"
    data = summary.to_dict() | {"complete": complete}
    temporary.write_text(json.dumps(data, indent=2), encoding="utf-8")
    os.replace(temporary, out / SUMMARY)


def _planner_name(folder: Path) -> str:
    try:
        return str(json.loads((folder / "episode.json").read_text())["planner"])
    except (OSError, ValueError, KeyError):
        return ""
