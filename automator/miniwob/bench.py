"""`bench_miniwob`: the time of a MiniWoB++ episode step outside the planner.

The real loop (capture, perceive, resolve, execute, settle, verify) runs on MiniWoB++ pages
with a scripted planner that never ends a task: it ticks check boxes and types into text
fields in turns, so each step is a click or typing followed by a settle, as in a real
episode. A step's time is the wall clock from one step to the next less the planner's
`decide`, including the page's own end-of-episode check; the first step of each episode is
skipped (it also carries the episode's start).
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Sequence
from dataclasses import dataclass, replace

from automator.loop import run_episode
from automator.miniwob.page import MiniWoBPage
from automator.miniwob.run import MINIWOB_LOOP
from devices.actions import Action, ElementRef, Finish, Tap, TypeText
from perception.elements import Screen
from planners.planner import PastStep
from planners.scripted import ScriptedPlanner

BENCH_TASKS = ("click-checkboxes", "enter-text", "login-user", "click-checkboxes-large")
WORDS = ("alpha", "bravo", "delta")


@dataclass(frozen=True)
class MiniWoBBench:
    steps: int
    median_ms: float
    max_ms: float
    phases_median_ms: dict[str, float]


def _busy_but_harmless(goal: str, screen: Screen, history: Sequence[PastStep]) -> Action:
    """Tick a check box or type into a field, in turns; never a button (it would end the
    task)."""
    targets = [e for e in screen.elements if e.editable or e.checkable]
    if not targets:
        return Finish()
    element = targets[len(history) % len(targets)]
    if element.editable:
        return TypeText(WORDS[len(history) % len(WORDS)], ElementRef(element.id), clear=True)
    return Tap(ElementRef(element.id))


def bench_miniwob(steps: int = 40, tasks: Sequence[str] = BENCH_TASKS) -> MiniWoBBench:
    """At least `steps` measured steps over episodes of `tasks`, in turns."""
    measured: list[float] = []
    phases: dict[str, list[float]] = {}
    loop = replace(MINIWOB_LOOP, max_steps=8, stuck_repeats=10**6, stuck_no_change=10**6)
    with MiniWoBPage.open() as page:
        episode = 0
        while len(measured) < steps:
            task = tasks[episode % len(tasks)]
            page.reset(task, f"bench-{episode}")
            episode += 1
            stamps: list[float] = []

            def ended(page: MiniWoBPage = page) -> None:
                page.state()  # the check every MiniWoB++ step makes; never ends the bench

            trajectory = run_episode("benchmark", page.device,
                                     ScriptedPlanner(_busy_but_harmless), loop, ended=ended,
                                     on_step=lambda _s, stamps=stamps: stamps.append(
                                         time.perf_counter()))
            for a, b, step in zip(stamps, stamps[1:], trajectory.steps[1:], strict=False):
                if step.executed is None or isinstance(step.executed, Finish):
                    continue
                measured.append((b - a) * 1000 - step.timings.get("decide", 0.0))
                for phase, ms in step.timings.items():
                    phases.setdefault(phase, []).append(ms)
            if episode > 4 * steps:
                raise RuntimeError(f"the benchmark measured only {len(measured)} steps")
    return MiniWoBBench(len(measured), statistics.median(measured), max(measured),
                        {p: statistics.median(v) for p, v in sorted(phases.items())})


def format_bench(result: MiniWoBBench) -> str:
    phases = ", ".join(f"{p} {ms:.1f}" for p, ms in result.phases_median_ms.items())
    return (f"MiniWoB++ step outside the planner, over {result.steps} steps: median "
            f"{result.median_ms:.1f} ms, max {result.max_ms:.1f} ms\n"
            f"phase medians (ms): {phases}")
