"""`automator bench desktop`: capture + perceive of a desktop window with about 250
accessible nodes, the step cost the loop pays on a desktop before the planner.

A zenity list of ROWS rows (two cells each) on a headless desktop of its own (Xvfb, D-Bus,
AT-SPI: `devices.desktop.session`), so the figure does not depend on what a person's desktop
shows. Each round is one `DesktopDevice.capture()` (mss screenshot + AT-SPI tree) and one
`perceive()`; the median is the figure (target: 300 ms).
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import time
from dataclasses import dataclass

from automator.errors import ConfigError

ROWS = 120  # list rows: about 250 nodes with the dialog's own
TARGET_MS = 300.0


@dataclass(frozen=True)
class DesktopBench:
    nodes: int  # accessible nodes in the tree read
    elements: int  # elements perceived from it
    rounds: int
    median_ms: float  # capture + perceive
    capture_median_ms: float  # screenshot + tree
    perceive_median_ms: float
    max_ms: float


def bench_desktop(rounds: int = 40, rows: int = ROWS) -> DesktopBench:
    """Open the list, wait for its tree, then time `rounds` captures and perceptions."""
    from devices.desktop.session import HeadlessDesktop, missing
    from devices.errors import DeviceError

    gone = missing() + ([] if shutil.which("zenity") else ["zenity"])
    if gone:
        raise ConfigError("bench desktop needs the Debian packages " + ", ".join(gone))
    try:
        with HeadlessDesktop(1280, 800) as desktop, _environment(desktop.env):
            proc = desktop.launch(_list_args(rows), stdout=subprocess.DEVNULL)
            try:
                return _measure(rounds)
            finally:
                proc.terminate()
                proc.wait(timeout=5)
    except DeviceError as e:
        raise ConfigError(f"bench desktop: {e}") from e


def _list_args(rows: int) -> list[str]:
    cells = [cell for i in range(rows) for cell in (f"item {i}", f"value {i}")]
    return ["zenity", "--list", "--title=Bench", "--width=1200", "--height=780",
            "--column=Item", "--column=Value", *cells]  # fmt: skip


class _environment:
    """The desktop's DISPLAY, XAUTHORITY and bus for this process while the bench runs."""

    KEYS = ("DISPLAY", "XAUTHORITY", "DBUS_SESSION_BUS_ADDRESS")

    def __init__(self, env: dict[str, str]) -> None:
        self.env = env
        self.saved = {k: os.environ.get(k) for k in self.KEYS}

    def __enter__(self) -> None:
        os.environ.update({k: self.env[k] for k in self.KEYS})

    def __exit__(self, *exc: object) -> None:
        for k, v in self.saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


def _measure(rounds: int) -> DesktopBench:
    from devices.desktop import DesktopDevice
    from devices.desktop.session import wait_for
    from perception import perceive

    with DesktopDevice("zenity", pause_s=0.0) as device:
        if not wait_for(lambda: '"push button"' in json.dumps(device.read_tree()), 20):
            raise ConfigError("bench desktop: the zenity list did not show")
        nodes = sum(_count(w["root"]) for w in device.read_tree()["windows"])
        captures, perceptions = [], []
        elements = 0
        for _ in range(rounds):
            start = time.perf_counter()
            observation = device.capture()
            middle = time.perf_counter()
            elements = len(perceive(observation).elements)
            captures.append((middle - start) * 1000)
            perceptions.append((time.perf_counter() - middle) * 1000)
    totals = [c + p for c, p in zip(captures, perceptions, strict=True)]
    return DesktopBench(nodes, elements, rounds, statistics.median(totals),
                        statistics.median(captures), statistics.median(perceptions),
                        max(totals))  # fmt: skip


def _count(node: dict) -> int:
    return 1 + sum(_count(c) for c in node.get("children", []))


def format_desktop(result: DesktopBench) -> str:
    verdict = "within" if result.median_ms <= TARGET_MS else "over"
    return (
        f"desktop tree of {result.nodes} nodes ({result.elements} elements perceived), "
        f"{result.rounds} rounds\n"
        f"capture + perceive: median {result.median_ms:.1f} ms ({verdict} the "
        f"{TARGET_MS:.0f} ms target), max {result.max_ms:.1f} ms\n"
        f"medians: capture {result.capture_median_ms:.1f} ms, "
        f"perceive {result.perceive_median_ms:.1f} ms"
    )
