"""Benchmarks of the viewer and the Parquet export, on episodes recorded by the real loop.

`demo_episode` records an episode of a scripted planner on the virtual phone that taps,
goes back and scrolls in turns, so that pages hold real screenshots, trees and every kind
of drawing. `bench_view` times writing its report and loading it in headless Chromium
until every screenshot is decoded; `bench_export` times writing 1,000 steps to Parquet.
"""

from __future__ import annotations

import math
import os
import shutil
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from automator.config import LoopConfig
from automator.loop import run_episode
from automator.recording import Recorder
from devices.actions import Action, Direction, ElementRef, Key, PressKey, Scroll, Tap
from perception.elements import Screen
from perception.sensitive import classify_element
from planners.planner import PastStep
from planners.scripted import ScriptedPlanner

RECORDED_STEPS = 50  # steps recorded once; larger exports repeat them in more episodes
RENDERED = """async () => {
  await Promise.all([...document.images].map((i) => i.decode()));
  await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
  return document.querySelectorAll("li.step").length;
}"""


def _tap_back_scroll(goal: str, screen: Screen, history: Sequence[PastStep]) -> Action:
    """Tap a harmless element, go back, scroll down, scroll up; round and round."""
    turn = len(history) % 4
    if turn == 1:
        return PressKey(Key.BACK)
    if turn in (2, 3):
        return Scroll(Direction.DOWN if turn == 2 else Direction.UP)
    choices = [e for e in screen.elements
               if e.clickable and e.label and classify_element(e, screen) is None]
    if not choices:
        return PressKey(Key.HOME)
    return Tap(ElementRef(choices[len(history) // 4 % len(choices)].id))


def demo_episode(folder: Path, steps: int) -> Path:
    """Record `steps` steps, then a finish, on a fresh virtual phone."""
    from devices.virtual.phone import VirtualPhone

    config = LoopConfig(max_steps=steps + 1, stuck_repeats=10**6, stuck_no_change=10**6,
                        max_mistakes=10**6).for_device("virtual")
    planner = ScriptedPlanner(lambda g, s, h: _tap_back_scroll(g, s, h) if len(h) < steps
                              else None)
    with VirtualPhone(app="settings") as phone:
        run_episode("Look around the settings", phone, planner, config,
                    recorder=Recorder(folder))
    return folder


@dataclass(frozen=True)
class ViewBench:
    steps: int  # steps on the page
    write_ms: float  # the report written (screenshots read, shrunk, embedded)
    render_ms: float  # loaded in Chromium, every image decoded, two frames painted
    page_bytes: int
    launch_ms: float  # Chromium started (not part of the figure)

    @property
    def total_ms(self) -> float:
        return self.write_ms + self.render_ms


def bench_view(steps: int = RECORDED_STEPS, episode: Path | None = None) -> ViewBench:
    """Time the report of a `steps`-step episode (or of `episode`), written and rendered."""
    from automator.viewer import view
    from devices.browser import BrowserDevice

    with tempfile.TemporaryDirectory(prefix="automator-bench-view-") as tmp:
        source = episode or demo_episode(Path(tmp) / "episode", steps - 1)
        out = Path(tmp) / "report.html"
        start = time.perf_counter()
        with BrowserDevice(width=1280, height=900) as browser:
            launched = time.perf_counter()
            view(source, out)
            written = time.perf_counter()
            browser.goto(out.resolve().as_uri())
            rendered_steps = browser.evaluate(RENDERED)
            done = time.perf_counter()
        return ViewBench(rendered_steps, (written - launched) * 1000, (done - written) * 1000,
                         out.stat().st_size, (launched - start) * 1000)


@dataclass(frozen=True)
class ExportBench:
    steps: int
    episodes: int
    seconds: float
    bytes: int


def bench_export(steps: int = 1000) -> ExportBench:
    """Time the Parquet export of `steps` steps: a recorded episode repeated in as many
    episode folders as it takes (files linked, not copied)."""
    from automator.export import export

    with tempfile.TemporaryDirectory(prefix="automator-bench-export-") as tmp:
        root = Path(tmp)
        per = min(steps, RECORDED_STEPS)
        recorded = demo_episode(root / "recorded", per - 1)  # its finish is the last step
        runs = root / "runs"
        for i in range(math.ceil(steps / per)):
            _repeat(recorded, runs / f"episode-{i:03d}", min(per, steps - i * per))
        start = time.perf_counter()
        report = export(runs, "parquet", root / "out.parquet")
        seconds = time.perf_counter() - start
        return ExportBench(report.steps, report.episodes, seconds,
                           (root / "out.parquet").stat().st_size)


def _repeat(episode: Path, folder: Path, steps: int) -> None:
    """A copy of `episode` with its first `steps` steps, its files linked."""
    folder.mkdir(parents=True)
    for path in episode.iterdir():
        if path.name == "steps.jsonl":
            lines = path.read_text(encoding="utf-8").splitlines(keepends=True)[:steps]
            (folder / path.name).write_text("".join(lines), encoding="utf-8")
        elif path.suffix in (".json",):
            shutil.copyfile(path, folder / path.name)
        else:
            try:
                os.link(path, folder / path.name)
            except OSError:
                shutil.copyfile(path, folder / path.name)
