"""Framework overhead per step, model excluded.

`bench_step` runs the real loop on the in-process virtual phone with a scripted planner that
taps an element and goes back, in turns, and times each step from one recorded step to the
next, less the planner's `decide`: capture + perceive + resolve/gate + execute + settle +
verify + record, and whatever glue lies between them.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from automator.config import LoopConfig
from automator.loop import run_episode
from automator.recording import Recorder
from devices.actions import Action, ElementRef, Key, PressKey, Tap
from perception.elements import Screen
from perception.sensitive import classify_element
from planners.planner import PastStep
from planners.scripted import ScriptedPlanner


@dataclass(frozen=True)
class StepBench:
    steps: int
    median_ms: float
    max_ms: float
    phases_median_ms: dict[str, float]  # median of each phase


def _tap_then_back(goal: str, screen: Screen, history: Sequence[PastStep]) -> Action:
    """Tap a harmless element, then go back; turn by turn through the screen's elements."""
    if history and isinstance(history[-1].action, Tap):
        return PressKey(Key.BACK)
    choices = [
        e for e in screen.elements
        if e.clickable and e.label and classify_element(e, screen) is None
    ]
    if not choices:
        return PressKey(Key.HOME)
    return Tap(ElementRef(choices[len(history) % len(choices)].id))


def bench_step(steps: int = 40, record: bool = True) -> StepBench:
    """Run `steps` steps on a fresh virtual phone. A step's overhead is the wall-clock time
    from one recorded step to the next, less the planner's `decide`; the first is skipped."""
    from devices.virtual.phone import VirtualPhone

    config = LoopConfig(max_steps=steps + 1, stuck_repeats=10**6, stuck_no_change=10**6,
                        max_mistakes=10**6).for_device("virtual")
    stamps: list[float] = []
    with tempfile.TemporaryDirectory(prefix="automator-bench-") as tmp, VirtualPhone() as phone:
        recorder = Recorder(Path(tmp) / "episode") if record else None
        trajectory = run_episode("benchmark", phone, ScriptedPlanner(_tap_then_back), config,
                                 recorder=recorder,
                                 on_step=lambda _step: stamps.append(time.perf_counter()))
    pairs = list(zip(stamps, stamps[1:], trajectory.steps[1:], strict=False))
    measured = [(b - a) * 1000 - s.timings.get("decide", 0.0) for a, b, s in pairs
                if s.executed is not None]
    if not measured:
        raise RuntimeError(f"the benchmark executed nothing: {trajectory.reason}")
    executed = [s for s in trajectory.steps[1:] if s.executed is not None]
    phases = sorted({p for s in executed for p in s.timings})
    return StepBench(
        steps=len(measured),
        median_ms=statistics.median(measured),
        max_ms=max(measured),
        phases_median_ms={p: statistics.median(s.timings.get(p, 0.0) for s in executed)
                          for p in phases},
    )


def bench_planner_episode(model: str, steps: int = 10, screenshots: int | None = None,
                          torch_device: str | None = None, max_new_tokens: int = 16
                          ) -> list[dict[str, float]]:
    """A `steps`-step episode of a transformers planner (MODEL: a path or hub id) on the
    virtual phone's home screen, history growing as the loop grows it; per step the usage:
    prompt, prefilled and cached tokens. Unreadable replies (random weights) count too."""
    import contextlib

    from devices.actions import Key, PressKey
    from devices.virtual.phone import VirtualPhone
    from perception import perceive
    from planners.conversation import Dialect
    from planners.errors import ParseError
    from planners.planner import PastStep
    from planners.transformers_planner import TransformersPlanner

    planner = TransformersPlanner(model, device=torch_device, max_new_tokens=max_new_tokens,
                                  dialect=Dialect(screenshots=screenshots))
    phone = VirtualPhone()
    history: list[PastStep] = []
    rows = []
    for _ in range(steps):
        screen = perceive(phone.capture())  # a new capture each step, as in the loop
        with contextlib.suppress(ParseError):
            planner.decide("Turn on Wi-Fi", screen, history)
        rows.append(dict(planner.last_usage))
        history.append(PastStep(PressKey(Key.HOME), outcome="no visible change"))
    return rows


def format_planner_episode(rows: list[dict[str, float]]) -> str:
    lines = ["step  prompt  prefilled  cached  reply  ms"]
    for i, u in enumerate(rows, start=1):
        lines.append(f"{i:>4}  {u['prompt_tokens']:>6.0f}  {u['prefilled_tokens']:>9.0f}  "
                     f"{u['cached_prefix_tokens']:>6.0f}  {u['completion_tokens']:>5.0f}  "
                     f"{u['generate_ms']:.0f}")
    return "\n".join(lines)
