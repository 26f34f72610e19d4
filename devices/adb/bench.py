"""Round-trip cost of the Android driver over the adb protocol, against the virtual phone.

    automator bench adb [--steps N]

For each capture path ("uiautomator2", "adb") it times N steps of `capture()` plus one
action (`PressKey(HOME)`, harmless on the home screen) and reports the median and the
90th percentile in milliseconds. Everything (server, phone, driver) runs in this process.
"""

from __future__ import annotations

import statistics
import time
from dataclasses import dataclass

from devices.actions import Key, PressKey
from devices.adb.server import serve
from devices.android import AndroidDevice


@dataclass(frozen=True)
class BenchResult:
    path: str  # "uiautomator2" or "adb"
    steps: int
    median_ms: float  # capture + one action
    p90_ms: float
    capture_median_ms: float
    action_median_ms: float


def _measure(port: int, use_u2: bool, steps: int) -> BenchResult:
    with AndroidDevice(port=port, use_uiautomator2=use_u2) as device:
        device.capture()  # warm up: first dump, screen size, imports
        totals, captures, actions = [], [], []
        for _ in range(steps):
            t0 = time.perf_counter()
            device.capture()
            t1 = time.perf_counter()
            device.execute(PressKey(Key.HOME))
            t2 = time.perf_counter()
            captures.append((t1 - t0) * 1000)
            actions.append((t2 - t1) * 1000)
            totals.append((t2 - t0) * 1000)
        path = device.capture_path
    totals.sort()
    return BenchResult(
        path=path,
        steps=steps,
        median_ms=statistics.median(totals),
        p90_ms=totals[min(len(totals) - 1, int(len(totals) * 0.9))],
        capture_median_ms=statistics.median(captures),
        action_median_ms=statistics.median(actions),
    )


def measure(steps: int = 20) -> list[BenchResult]:
    """Median capture + action round trip for both capture paths."""
    with serve(port=0, phones=1) as server:
        return [_measure(server.port, use_u2, steps) for use_u2 in (True, False)]
