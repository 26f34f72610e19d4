"""Evaluate a planner on a task suite: every task on a fresh virtual phone per seed, checked
and summed.

`out_dir` receives one episode folder per run (`<task id>/seed-<n>`) and `summary.json`:

    {"planner", "seeds": [0, 1, 2], "realism": "on" | "off" | features,
     "total": runs, "succeeded", "success_rate": 0-1, "ci95": [low, high],
     "false_successes": runs where the agent said success and the task failed,
     "side_effect_failures": runs that failed on a change the task does not allow,
     "per_split": {split: {"runs", "succeeded", "rate", "ci95"}},   ("" = the top folder)
     "per_group": {app: {...}}, "per_app": {app: rate},
     "floor": {"give_up": {...}, "infeasible": {...}},   (see automator.floor)
     "median_decide_ms": the planner's median time per step, over every run,
     "tasks": [{"id", "seed", "split", "app", "outcome", "success", "steps", "seconds",
                "reason", "failures", "side_effects", "decide_ms": [per step]}, ...],
     "complete": false until the last run is done}

Intervals are Wilson 95% score intervals (automator.scoring). The summary is rewritten
after each run, so an interrupted eval keeps what it finished.
"""

from __future__ import annotations

import json
import logging
import os
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from automator.config import LoopConfig, PhoneConfig, check_realism
from automator.errors import TaskError
from automator.floor import Floor, floor
from automator.loop import run_episode
from automator.recording import Recorder
from automator.scoring import Rate, rate_of
from automator.tasks import Task, check_task, load_suite
from devices.device import Device
from planners.planner import Planner

if TYPE_CHECKING:
    from devices.virtual.phone import VirtualPhone

log = logging.getLogger(__name__)

# A planner for one run: the run's device and its task, placeholders filled (for planners
# that play the task's own script).
PlannerFactory = Callable[[Device, Task], Planner]
SUMMARY = "summary.json"
SIDE_EFFECT = "side effect: "  # how the check words a failure on an unallowed change


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
    seed: int = 0  # the phone's seed
    split: str = ""  # the suite's subfolder (dev, test); "" at its top
    decide_ms: tuple[float, ...] = ()  # the planner's time per step

    @property
    def false_success(self) -> bool:
        """The agent said it was done, and the task was not."""
        return self.outcome == "success" and not self.success

    @property
    def side_effects(self) -> int:
        return sum(f.startswith(SIDE_EFFECT) for f in self.failures)


@dataclass(frozen=True)
class Summary:
    planner: str
    tasks: tuple[TaskReport, ...]
    seeds: tuple[int, ...] = (0,)
    realism: str = "off"
    floor: Floor | None = None

    @property
    def overall(self) -> Rate:
        return rate_of(t.success for t in self.tasks)

    @property
    def success_rate(self) -> float:
        return self.overall.rate

    def _by(self, key: Callable[[TaskReport], str]) -> dict[str, Rate]:
        groups: dict[str, list[bool]] = {}
        for t in self.tasks:
            groups.setdefault(key(t), []).append(t.success)
        return {k: rate_of(v) for k, v in sorted(groups.items())}

    @property
    def per_group(self) -> dict[str, Rate]:
        return self._by(lambda t: t.app)

    @property
    def per_split(self) -> dict[str, Rate]:
        return self._by(lambda t: t.split)

    @property
    def per_app(self) -> dict[str, float]:
        return {app: r.rate for app, r in self.per_group.items()}

    @property
    def median_decide_ms(self) -> float | None:
        """The planner's median time per step over every run (None before any step)."""
        times = sorted(ms for t in self.tasks for ms in t.decide_ms)
        return times[len(times) // 2] if times else None

    def to_dict(self) -> dict[str, Any]:
        overall = self.overall.to_dict()
        return {
            "planner": self.planner,
            "seeds": list(self.seeds),
            "realism": self.realism,
            "total": len(self.tasks),
            "succeeded": overall["succeeded"],
            "success_rate": overall["rate"],
            "ci95": overall["ci95"],
            "false_successes": sum(t.false_success for t in self.tasks),
            "side_effect_failures": sum(t.side_effects > 0 for t in self.tasks),
            "per_split": {k: v.to_dict() for k, v in self.per_split.items()},
            "per_group": {k: v.to_dict() for k, v in self.per_group.items()},
            "per_app": {k: round(v, 4) for k, v in self.per_app.items()},
            "median_decide_ms": self.median_decide_ms,
            "floor": self.floor.to_dict() if self.floor else None,
            "tasks": [{**asdict(t), "failures": list(t.failures), "decide_ms": list(t.decide_ms),
                       "side_effects": t.side_effects} for t in self.tasks],
        }


@contextmanager
def _task_device(task: Task, phone_config: PhoneConfig, over_adb: bool
                 ) -> Iterator[tuple[Device, VirtualPhone]]:
    """A fresh phone for the task, and the device that drives it: the phone itself, or,
    `over_adb`, an AndroidDevice talking to it through the adb protocol on loopback."""
    state = task.state
    if state:  # it may name the seed's data: filled from the bare phone of this seed
        with phone_config.phone() as bare:
            state = task.state_for(bare.state())
    phone: VirtualPhone = phone_config.phone(state=state, app=task.app)  # type: ignore[assignment]
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


def _folder(out_dir: Path, task: Task, seed: int) -> Path:
    return out_dir / task.id / f"seed-{seed}"


def run_task(task: Task, planner_factory: PlannerFactory, out_dir: Path,
             config: LoopConfig, over_adb: bool = False,
             phone: PhoneConfig | None = None) -> TaskReport:
    """One task on a fresh phone, its placeholders filled from that phone's initial state,
    recorded under `out_dir/<task id>/seed-<n>`, then checked (side effects included)."""
    phone = phone or PhoneConfig()
    start = time.monotonic()
    with _task_device(task, phone, over_adb) as (device, virtual):
        initial = virtual.state()
        resolved = task.resolve(initial)
        planner = planner_factory(device, resolved)
        loop_config = replace(config, max_steps=resolved.max_steps, allow=resolved.allow)
        trajectory = run_episode(resolved.goal, device, planner, loop_config,
                                 recorder=Recorder(_folder(out_dir, task, phone.seed)))
        check = check_task(resolved, virtual.state(), trajectory, initial)
    return TaskReport(task.id, task.group, str(trajectory.outcome), check.success,
                      len(trajectory.steps), round(time.monotonic() - start, 3),
                      trajectory.reason, check.failures, phone.seed, task.split,
                      tuple(round(s.timings.get("decide", 0.0), 1) for s in trajectory.steps))


def script_planner(device: Device, task: Task) -> Planner:
    """The task's own script (`planners.task_script`): what proves a task can be done."""
    from planners.scripted import ScriptedPlanner
    from planners.task_script import TaskScript

    del device
    return ScriptedPlanner(TaskScript(task.script))


def _crashed(task: Task, seed: int, error: Exception) -> TaskReport:
    return TaskReport(task.id, task.group, "error", False, 0, 0.0,
                      f"internal error: {type(error).__name__}: {error}", (), seed, task.split)


def evaluate(
    suite_dir: str | Path,
    planner_factory: PlannerFactory,
    out_dir: str | Path,
    on_task: Callable[[TaskReport], None] | None = None,
    pattern: str = "*",
    config: LoopConfig | None = None,
    over_adb: bool = False,
    seeds: Sequence[int] = (0,),
    realism: str = "off",
) -> Summary:
    """Run every task of the suite whose id matches `pattern` on a phone of each seed (with
    `realism`); write and return the summary. `over_adb` drives each phone through the adb
    protocol, as a real phone would be. Raises TaskError when no task matches."""
    out = Path(out_dir)
    tasks = load_suite(suite_dir, pattern)
    if not tasks:
        raise TaskError(f"no task in {suite_dir} matches {pattern!r}")
    realism = check_realism(realism)
    phones = [PhoneConfig(seed, realism) for seed in seeds]
    out.mkdir(parents=True, exist_ok=True)
    transitions = any(p.transitions for p in phones)
    config = (config or LoopConfig()).for_device("android" if over_adb else "virtual",
                                                 transitions=transitions)
    bounds = floor(tasks, phones)
    reports: list[TaskReport] = []
    planner_name = ""
    for task in tasks:
        for phone in phones:
            try:
                report = run_task(task, planner_factory, out, config, over_adb, phone)
            except Exception as e:  # the harness goes on past one run's crash; logged in full
                log.exception("task %s (seed %d) crashed", task.id, phone.seed)
                report = _crashed(task, phone.seed, e)
            reports.append(report)
            if on_task is not None:
                on_task(report)
            planner_name = planner_name or _planner_name(_folder(out, task, phone.seed))
            summary = Summary(planner_name, tuple(reports), tuple(seeds), realism, bounds)
            _write_summary(out, summary, complete=False)
    summary = Summary(planner_name, tuple(reports), tuple(seeds), realism, bounds)
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
