"""`run_miniwob`: episodes of MiniWoB++ tasks through the agent loop, and their figures.

Each worker (a thread: the time goes to Chromium, outside Python) owns one headless Chromium
page and one planner; episodes are dealt out in a fixed order. Finished episodes are kept in
the folder's results store (`automator.runs.store`), so an interrupted run resumes. Episode
`i` of every task is seeded `"{seed}-{i}"`, so a run with the
same seed sees the same task instances whatever the number of workers.

An episode ends when the page says it is done (its check, or its own 10 s timer), when the
planner finishes, or when the loop's budget runs out. One that is not done by then scores
-1, as the page's timer would have scored it. Success is a positive raw reward (MiniWoB++'s
convention); the reward reported is the page's, decayed with the time taken.
"""

from __future__ import annotations

import json
import logging
import queue
import statistics
import threading
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from automator.config import LoopConfig
from automator.errors import ConfigError
from automator.loop import TaskEnd, run_episode
from automator.miniwob.page import MiniWoBPage
from automator.scoring import rate_of
from automator.trajectory import Outcome, Trajectory
from devices.errors import DeviceError
from planners.planner import Planner

log = logging.getLogger(__name__)

SUMMARY_VERSION = 1
# The page's own timer is 10 s; the loop stops soon after it whatever happens.
MINIWOB_LOOP = LoopConfig(max_steps=12, max_seconds=12.0, settle_interval_s=0.05,
                          settle_timeout_s=0.4, settle_max_captures=3, max_mistakes=3)


@dataclass(frozen=True)
class MiniWoBConfig:
    tasks: tuple[str, ...]  # task names (see `select_tasks`)
    episodes: int = 3  # per task
    seed: int = 0  # seeds episode i of every task with "{seed}-{i}"
    planner: str = "default"  # default | embedded | oracle | transformers:M | openai:M@URL
    workers: int = 1  # Chromium pages run side by side (threads)
    headless: bool = True
    loop: LoopConfig = MINIWOB_LOOP
    model: dict[str, Any] = field(default_factory=dict)  # a model planner's prompt_template,
    # screenshots (automator.config.build_model_planner)


@dataclass(frozen=True)
class EpisodeResult:
    task: str
    episode: int
    seed: str  # what seeded the page's random numbers
    utterance: str
    reward: float  # -1..1, decayed with time
    raw_reward: float  # -1..1
    success: bool  # raw reward > 0
    steps: int
    seconds: float  # wall-clock, reset excluded
    outcome: str  # the loop's outcome
    reason: str  # the page's reason, else the loop's
    step_ms: float  # mean ms per step outside the planner (capture, perceive, act, settle)
    actions: list[str] = field(default_factory=list)


OnEpisode = Callable[[EpisodeResult, int, int], None]  # result, episodes done, total
PlannerFor = Callable[[MiniWoBPage], Planner]


def planner_factory(spec: str, model: dict[str, Any] | None = None) -> PlannerFor:
    """A planner per worker page. The embedded planner starts with an empty memory (a web
    page has no exploration map), exactly as on any unknown screen."""
    kind = spec.partition(":")[0]
    if kind == "oracle":
        from automator.miniwob.oracle import MiniWoBOracle

        return lambda page: MiniWoBOracle(page.dom)
    if kind in ("default", "embedded"):
        from planners.embedded import EmbeddedPlanner

        return lambda page: EmbeddedPlanner()
    if kind in ("transformers", "openai"):
        from automator.config import build_model_planner

        return lambda page: build_model_planner(spec, **(model or {}))
    raise ConfigError(f"unknown planner {spec!r} for MiniWoB++; use default, oracle, "
                      "transformers:MODEL or openai:MODEL@URL")


def play(page: MiniWoBPage, planner: Planner, task: str, episode: int, seed: int,
         loop: LoopConfig = MINIWOB_LOOP) -> EpisodeResult:
    """One episode of `task` on `page` with `planner`."""
    seed_text = f"{seed}-{episode}"
    utterance = page.reset(task, seed_text)

    def ended() -> TaskEnd | None:
        s = page.state()
        if not s.done:
            return None
        outcome = Outcome.SUCCESS if s.raw_reward > 0 else Outcome.FAILURE
        return TaskEnd(outcome, f"the page ended the episode: reward {s.reward:.2f}")

    start = time.monotonic()
    trajectory = run_episode(utterance, page.device, planner, loop, ended=ended)
    seconds = time.monotonic() - start
    state = page.state()
    reward, raw = (state.reward, state.raw_reward) if state.done else (-1.0, -1.0)
    reason = state.reason or trajectory.reason
    if not state.done:
        reason = f"not done when the loop stopped: {trajectory.reason}"
    return EpisodeResult(task, episode, seed_text, utterance, reward, raw, raw > 0,
                         len(trajectory.steps), round(seconds, 3), str(trajectory.outcome),
                         reason, _step_ms(trajectory), _actions(trajectory))


def _step_ms(trajectory: Trajectory) -> float:
    spent = [sum(v for k, v in s.timings.items() if k != "decide") for s in trajectory.steps]
    return round(statistics.fmean(spent), 1) if spent else 0.0


def _actions(trajectory: Trajectory) -> list[str]:
    from automator.secrets import mask
    from devices.actions import describe

    return [mask(describe(s.executed) if s.executed is not None else f"({s.error or s.refusal})",
                 s.secrets) for s in trajectory.steps]


def run_miniwob(config: MiniWoBConfig, out: Path, on_episode: OnEpisode | None = None,
                meta: dict[str, Any] | None = None) -> dict[str, Any]:
    """Every episode of every task; appends each to `results.jsonl` as it ends (see
    `automator.runs.store`: a second start in `out` plays only the episodes not there yet,
    and refuses other settings), writes `summary.json` and `report.html`, and returns the
    summary."""
    if config.episodes < 1 or config.workers < 1 or not config.tasks:
        raise ConfigError("MiniWoB++ needs at least one task, one episode and one worker")
    from automator.runs.report import write_report
    from automator.runs.store import RunStore

    make_planner = planner_factory(config.planner, config.model)
    store = RunStore(out, _settings(config), meta)
    done = {row["key"]: _result_of(row) for row in store.rows}
    jobs: queue.Queue[tuple[str, int]] = queue.Queue()
    order = [(task, e) for task in config.tasks for e in range(config.episodes)]
    for task, e in order:
        if _key(task, e) not in done:
            jobs.put((task, e))
    total = len(order)
    lock = threading.Lock()
    errors: list[BaseException] = []
    started = time.monotonic()

    def record(result: EpisodeResult) -> None:
        with lock:
            store.append(asdict(result) | {"key": _key(result.task, result.episode)})
            done[_key(result.task, result.episode)] = result
            if on_episode is not None:
                on_episode(result, len(done), total)

    def worker() -> None:
        try:
            _work(config, jobs, make_planner, record)
        except BaseException as e:  # re-raised in the calling thread below
            errors.append(e)

    threads = [threading.Thread(target=worker, name=f"miniwob-{i}", daemon=True)
               for i in range(min(config.workers, jobs.qsize()))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    if errors:
        raise errors[0]
    results = [done[_key(task, e)] for task, e in order]
    summary = summarise(config, results, time.monotonic() - started)
    (out / "summary.json").write_text(json.dumps(summary, indent=2, ensure_ascii=False) + "\n",
                                      encoding="utf-8")
    write_report(out)
    return summary


def _key(task: str, episode: int) -> str:
    return f"{task}#{episode}"


def _settings(config: MiniWoBConfig) -> dict[str, Any]:
    """What a resumed run must share with the folder's (not the number of workers)."""
    return {"benchmark": "miniwob++", "tasks": list(config.tasks), "episodes": config.episodes,
            "seed": config.seed, "planner": config.planner, "loop": config.loop.to_dict()}


def _result_of(row: dict[str, Any]) -> EpisodeResult:
    names = {f.name for f in fields(EpisodeResult)}
    return EpisodeResult(**{k: v for k, v in row.items() if k in names})


def _work(config: MiniWoBConfig, jobs: queue.Queue[tuple[str, int]],
          make_planner: PlannerFor, record: Callable[[EpisodeResult], None]) -> None:
    with MiniWoBPage.open(headless=config.headless) as page:
        planner = make_planner(page)
        _warm_up(planner, page)
        while True:
            try:
                task, e = jobs.get_nowait()
            except queue.Empty:
                return
            try:
                result = play(page, planner, task, e, config.seed, config.loop)
            except DeviceError as err:  # the browser failed, not the agent: say so
                result = EpisodeResult(task, e, f"{config.seed}-{e}", "", -1.0, -1.0, False,
                                       0, 0.0, str(Outcome.INFRASTRUCTURE), str(err), 0.0)
            record(result)


def _warm_up(planner: Planner, page: MiniWoBPage) -> None:
    """One decision on the blank page before any episode: a planner that loads its model on
    first use would otherwise spend the first episode's 10 s timer loading it."""
    from perception import perceive

    planner.decide("warm up", perceive(page.device.capture()), [])


def summarise(config: MiniWoBConfig, results: list[EpisodeResult],
              seconds: float) -> dict[str, Any]:
    """Mean reward and success per task (in the configured order) and overall."""
    per_task = {}
    for task in config.tasks:
        mine = sorted((r for r in results if r.task == task), key=lambda r: r.episode)
        if mine:
            per_task[task] = _figures(mine)
    counted = [r for r in results if r.outcome != Outcome.INFRASTRUCTURE]
    return {
        "version": SUMMARY_VERSION,
        "benchmark": "miniwob++",
        "planner": config.planner,
        "seed": config.seed,
        "episodes_per_task": config.episodes,
        "workers": config.workers,
        "loop": config.loop.to_dict(),
        "seconds": round(seconds, 1),
        "overall": _figures(results) | {
            "tasks": len(per_task),
            "task_mean_success": round(statistics.fmean(
                t["success_rate"] for t in per_task.values()), 4) if per_task else 0.0,
            "infrastructure_failures": len(results) - len(counted)},
        "tasks": per_task,
    } | shared_figures(results)


def shared_figures(results: list[EpisodeResult]) -> dict[str, Any]:
    """The figures every evaluation's summary has (see `automator.evaluate`): success with
    its 95% interval overall and per task, and one row per episode (`runs`) in the shape of
    an eval's task rows, the task as its group and the episode as its seed."""
    overall = rate_of(r.success for r in results).to_dict()
    per_task: dict[str, list[bool]] = {}
    for r in results:
        per_task.setdefault(r.task, []).append(r.success)
    return {
        "total": len(results), "succeeded": overall["succeeded"],
        "success_rate": overall["rate"], "ci95": overall["ci95"],
        "per_group": {task: rate_of(v).to_dict() for task, v in per_task.items()},
        "runs": [{"id": r.task, "app": r.task, "seed": r.episode, "split": "",
                  "outcome": r.outcome, "success": r.success, "steps": r.steps,
                  "seconds": r.seconds, "reason": r.reason, "failures": [], "decide_ms": [],
                  "reward": r.reward} for r in results],
        "complete": True,
    }


def _figures(results: list[EpisodeResult]) -> dict[str, Any]:
    n = len(results)
    return {
        "episodes": n,
        "mean_reward": round(statistics.fmean(r.reward for r in results), 4) if n else 0.0,
        "success_rate": round(sum(r.success for r in results) / n, 4) if n else 0.0,
        "mean_steps": round(statistics.fmean(r.steps for r in results), 2) if n else 0.0,
        "mean_step_ms": round(statistics.fmean(r.step_ms for r in results), 1) if n else 0.0,
    }


def with_loop(config: MiniWoBConfig, **changes: Any) -> MiniWoBConfig:
    """The config with its loop settings changed (e.g. `max_steps`)."""
    return replace(config, loop=replace(config.loop, **changes))
