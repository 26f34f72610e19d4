"""What a capture costs on the virtual phone, tidy or realistic.

    automator bench capture [--realism on] [--seed N] [--rounds R]

Walks `devices.virtual.tour` R times and times `phone.capture()` (pixels and dump) once at
each screen it stops on, then reports the median and the 90th percentile in milliseconds.
On a phone with transitions the tour lets each screen settle first, so both phones are timed
on the same screens.
"""

from __future__ import annotations

import statistics
import time
from dataclasses import dataclass

from devices.virtual.phone import VirtualPhone
from devices.virtual.realism import Realism
from devices.virtual.tour import tour


@dataclass(frozen=True)
class CaptureBench:
    realism: str  # as `Realism` prints it: on, off, or a list of features
    seed: int
    captures: int  # how many captures were timed
    median_ms: float
    p90_ms: float


def bench_capture(realism: Realism | str | None = None, seed: int = 0,
                  rounds: int = 3) -> CaptureBench:
    """Time one capture at each stop of `rounds` tours of a fresh phone."""
    level = Realism.parse(realism)
    times: list[float] = []
    for _ in range(rounds):
        with VirtualPhone(seed=seed, realism=level) as phone:
            for _stop in tour(phone, settle=level.transitions):
                t0 = time.perf_counter()
                phone.capture()
                times.append((time.perf_counter() - t0) * 1000)
    times.sort()
    return CaptureBench(str(level), seed, len(times), statistics.median(times),
                        times[min(len(times) - 1, int(len(times) * 0.9))])


def format_capture(result: CaptureBench) -> str:
    return (f"capture (realism {result.realism}, seed {result.seed}): median "
            f"{result.median_ms:.1f} ms, p90 {result.p90_ms:.1f} ms, n={result.captures}")
