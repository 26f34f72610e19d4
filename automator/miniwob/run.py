"""`run_miniwob`: episodes of MiniWoB++ tasks through the agent loop, and their figures.

Each worker (a thread) owns one headless Chromium page and one planner; episodes are dealt
out in a fixed order. Episode `i` of every task is seeded `"{seed}-{i}"`, so a run with the
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
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

from automator.config import LoopConfig
from automator.errors import ConfigError
from automator.loop import TaskEnd, run_episode
from automator.miniwob.page import MiniWoBPage
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


def planner_factory(spec: str) -> PlannerFor:
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

        return lambda page: build_model_planner(spec)
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


def run_miniwob(config: MiniWoBConfig, out: Path,
                on_episode: OnEpisode | None = None) -> dict[str, Any]:
    """Every episode of every task; writes `episodes.jsonl` (as they end) and `summary.json`
    into `out`, and returns the summary."""
    if config.episodes < 1 or config.workers < 1 or not config.tasks:
        raise ConfigError("MiniWoB++ needs at least one task, one episode and one worker")
    make_planner = planner_factory(config.planner)
    out.mkdir(parents=True, exist_ok=True)
    jobs: queue.Queue[tuple[str, int]] = queue.Queue()
    for task in config.tasks:
        for e in range(config.episodes):
            jobs.put((task, e))
    total = jobs.qsize()
    results: list[EpisodeResult] = []
    lock = threading.Lock()
    errors: list[BaseException] = []
    started = time.monotonic()

    def record(result: EpisodeResult) -> None:
        with lock, (out / "episodes.jsonl").open("a", encoding="utf-8") as f:
            f.write(json.dumps(asdict(result), ensure_ascii=False) + "\n")
            results.append(result)
            if on_episode is not None:
                on_episode(result, len(results), total)

    def worker() -> None:
        try:
            _work(config, jobs, make_planner, record)
        except BaseException as e:  # re-raised in the calling thread below
            errors.append(e)

    threads = [threading.Thread(target=worker, name=f"miniwob-{i}", daemon=True)
               for i in range(min(config.workers, total))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    if errors:
        raise errors[0]
    summary = summarise(config, results, time.monotonic() - started)
    (out / "summary.json").write_text(json.dumps(summary, indent=2, ensure_ascii=False) + "\n",
                                      encoding="utf-8")
    return summary


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
