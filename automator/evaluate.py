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
                "reason", "failures", "side_effects", "decide_ms": [per step],
                "person_steps": the task's steps for a person (its difficulty)}, ...],
     "complete": false until the last run is done}

Intervals are Wilson 95% score intervals (automator.scoring). Each finished run is appended
to `results.jsonl` and the summary rewritten, so an interrupted eval keeps what it finished,
and the same call resumes it (`automator.runs`). The rows are in suite order whatever order
the runs finished in, so a resumed or parallel eval sums up as a sequential one.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from automator.config import LoopConfig, PhoneConfig, check_realism
from automator.errors import ConfigError, TaskError
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
    person_steps: int | None = None  # steps a person needs (the task's difficulty)
    device: str = ""  # the attached device that played it ("" : a phone of the eval's own)

    @property
    def key(self) -> str:
        """The run's name in results and comparisons: task and seed."""
        return f"{self.id}@{self.seed}"

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


def _folder(out_dir: Path, task_id: str, seed: int) -> Path:
    return out_dir / task_id / f"seed-{seed}"


def run_task(task: Task, planner_factory: PlannerFactory, out_dir: Path,
             config: LoopConfig, over_adb: bool = False,
             phone: PhoneConfig | None = None) -> TaskReport:
    """One task on a fresh phone, its placeholders filled from that phone's initial state,
    recorded under `out_dir/<task id>/seed-<n>`, then checked (side effects included)."""
    phone = phone or PhoneConfig()
    start = time.monotonic()
    with _task_device(task, phone, over_adb) as (device, virtual):
        return play_task(task, planner_factory, device, virtual.state, out_dir, config, phone,
                         start)


def play_task(task: Task, planner_factory: PlannerFactory, device: Device,
              read_state: Callable[[], dict[str, Any]], out_dir: Path, config: LoopConfig,
              phone: PhoneConfig, start: float) -> TaskReport:
    """The episode on a `device` already in the task's initial state: placeholders filled
    from that state, played, recorded, and checked against the state `read_state` gives at
    the end (however the phone is reached: in process, or through its state channel).
    `start` is when setting up the phone began (monotonic s)."""
    initial = read_state()
    resolved = task.resolve(initial)
    planner = planner_factory(device, resolved)
    loop_config = replace(config, max_steps=resolved.max_steps, allow=resolved.allow)
    trajectory = run_episode(resolved.goal, device, planner, loop_config,
                             recorder=Recorder(_folder(out_dir, task.id, phone.seed)))
    check = check_task(resolved, read_state(), trajectory, initial)
    return TaskReport(task.id, task.group, str(trajectory.outcome), check.success,
                      len(trajectory.steps), round(time.monotonic() - start, 3),
                      trajectory.reason, check.failures, phone.seed, task.split,
                      tuple(round(s.timings.get("decide", 0.0), 1) for s in trajectory.steps),
                      task.steps)


def script_planner(device: Device, task: Task) -> Planner:
    """The task's own script (`planners.task_script`): what proves a task can be done."""
    from planners.scripted import ScriptedPlanner
    from planners.task_script import TaskScript

    del device
    return ScriptedPlanner(TaskScript(task.script))


def crashed(task: Task, seed: int, error: Exception) -> TaskReport:
    """The report of a run the harness itself failed (not the planner)."""
    return TaskReport(task.id, task.group, "error", False, 0, 0.0,
                      f"internal error: {type(error).__name__}: {error}", (), seed, task.split,
                      person_steps=task.steps)


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
    workers: int = 1,
    ray: str | None = None,
    meta: dict[str, Any] | None = None,
    devices: Sequence[str] = (),
    adb_port: int | None = None,
) -> Summary:
    """Run every task of the suite whose id matches `pattern` on a phone of each seed (with
    `realism`); write and return the summary. `over_adb` drives each phone through the adb
    protocol, as a real phone would be.

    `workers` > 1 plays episodes side by side in as many processes (the factory must then
    pickle: `script_planner` or an `automator.runs.planners.PlannerBuilder`); `ray` (an
    address, or "local") spreads them over a Ray cluster instead. `devices` (serials of the
    adb server at `adb_port`, default the environment's) plays them on attached devices
    instead of phones of its own, one episode per device at a time, each set up and checked
    through the device's state channel (`automator.runs.attached`). Episodes already in
    `out_dir`'s results are not played again (see `automator.runs.store`); `meta` (command,
    code version) is kept beside the settings for the report. Raises TaskError when no task
    matches, RunMismatch when `out_dir` holds a run with other settings, ConfigError when a
    device is missing or has no state channel."""
    from automator.runs.pool import Episode, EpisodeSetup
    from automator.runs.store import RunStore

    out = Path(out_dir)
    tasks = load_suite(suite_dir, pattern)
    if not tasks:
        raise TaskError(f"no task in {suite_dir} matches {pattern!r}")
    realism = check_realism(realism)
    phones = [PhoneConfig(seed, realism) for seed in seeds]
    transitions = any(p.transitions for p in phones)
    devices = tuple(devices)
    if devices:
        _check_attached(devices, adb_port, over_adb, ray)
    config = (config or LoopConfig()).for_device(
        "android" if over_adb or devices else "virtual", transitions=transitions)
    order = [Episode(task.id, phone.seed) for task in tasks for phone in phones]
    settings = _settings(suite_dir, pattern, tasks, planner_factory, seeds, realism, over_adb,
                         config)
    if devices:  # which ones may change between starts: any served phone plays alike
        settings["attached_devices"] = True
    store = RunStore(out, settings, meta)
    done = {r.key: r for r in map(report_from_row, store.rows)}
    todo = [e for e in order if e.key not in done]
    for episode in todo:  # one cut short by a kill is played again from a clean folder
        shutil.rmtree(out / episode.task_id / f"seed-{episode.seed}", ignore_errors=True)
    setup = EpisodeSetup(str(suite_dir), pattern, planner_factory, str(out), config,
                         over_adb, realism, devices, adb_port)
    bounds = floor(tasks, phones)

    def summary() -> Summary:
        reports = tuple(done[e.key] for e in order if e.key in done)
        name = next((_planner_name(_folder(out, r.id, r.seed)) for r in reports), "")
        return Summary(name, reports, tuple(seeds), realism, bounds)

    if todo:
        log.info("%d of %d runs to play (%d done before)", len(todo), len(order), len(done))
    for report in _play(setup, todo, workers, ray):
        store.append(asdict(report) | {"key": report.key})
        done[report.key] = report
        if on_task is not None:
            on_task(report)
        _write_summary(out, summary(), complete=False)
    final = summary()
    _write_summary(out, final, complete=True)
    return final


def _check_attached(devices: tuple[str, ...], port: int | None, over_adb: bool,
                    ray: str | None) -> None:
    from automator.runs.attached import check_devices

    if over_adb or ray:
        raise ConfigError(f"--devices plays on attached devices: it does not go with "
                          f"{'--over-adb' if over_adb else '--ray'}")
    check_devices(devices, port)


def _play(setup: Any, todo: list[Any], workers: int, ray: str | None) -> Iterator[TaskReport]:
    if ray:
        from automator.runs.ray_pool import run_episodes_ray

        return run_episodes_ray(setup, todo, ray, workers)
    from automator.runs.pool import run_episodes

    return run_episodes(setup, todo, workers)


def _settings(suite_dir: str | Path, pattern: str, tasks: Sequence[Task],
              factory: PlannerFactory, seeds: Sequence[int], realism: str, over_adb: bool,
              config: LoopConfig) -> dict[str, Any]:
    """What decides a run's episodes and how they are played: a resumed run must match."""
    raw = json.dumps([[t.split, t.id, t.raw] for t in tasks], sort_keys=True, default=str)
    return {"benchmark": "virtual-phone", "suite": str(Path(suite_dir).resolve()),
            "tasks": pattern, "tasks_sha256": hashlib.sha256(raw.encode()).hexdigest()[:16],
            "planner": planner_label(factory), "seeds": list(seeds), "realism": realism,
            "over_adb": over_adb, "loop": config.to_dict()}


def planner_label(factory: PlannerFactory) -> str:
    """A factory's name: its `label` (a PlannerBuilder's spec), else its function's."""
    label = getattr(factory, "label", None)
    if isinstance(label, str):
        return label
    return f"{getattr(factory, '__module__', '')}.{getattr(factory, '__qualname__', factory)}"


def report_from_row(row: dict[str, Any]) -> TaskReport:
    """A TaskReport back from its summary or results row."""
    names = {f.name for f in fields(TaskReport)}
    data = {k: v for k, v in row.items() if k in names}
    return TaskReport(**data | {"failures": tuple(data.get("failures", ())),
                                "decide_ms": tuple(data.get("decide_ms", ()))})


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
