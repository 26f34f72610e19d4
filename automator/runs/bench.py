"""`bench eval`: the wall time of the same evaluation played by 1, 2, 4... workers.

The episodes are the first tasks of a suite (by id) on as many phone seeds as it takes to
reach the count asked for, copied into a scratch suite so that every worker count plays
exactly the same runs. The planner is built and its memory explored before any clock
starts; each timed run includes starting its workers and loading their planners, as a real
evaluation does. The machine's load average is printed beside each time: on a shared machine
several workers also win a larger share of the cores from other work, which flatters them.
"""

from __future__ import annotations

import math
import os
import shutil
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from automator.config import PhoneConfig
from automator.errors import TaskError
from automator.runs.planners import PlannerBuilder
from automator.tasks import load_suite


@dataclass(frozen=True)
class BenchRow:
    workers: int
    episodes: int
    seconds: float  # wall time of the whole evaluation
    succeeded: int
    load: tuple[float, float] = (0.0, 0.0)  # the machine's 1-minute load average, start, end

    @property
    def per_minute(self) -> float:
        return self.episodes / self.seconds * 60 if self.seconds else 0.0


def bench_eval(suite_dir: str | Path, episodes: int, workers: Sequence[int],
               planner: str = "default",
               say: Callable[[str], None] = lambda _: None) -> list[BenchRow]:
    """Time `episodes` runs of the suite with each worker count, in order."""
    tasks = load_suite(suite_dir)
    seeds = max(1, math.ceil(episodes / len(tasks)))
    chosen = tasks[: math.ceil(episodes / seeds)]
    builder = PlannerBuilder(planner, phones=tuple(PhoneConfig(s) for s in range(seeds)))
    builder.prepare(say)
    rows = []
    with tempfile.TemporaryDirectory(prefix="bench-eval-") as scratch:
        suite = Path(scratch) / "suite"
        suite.mkdir()
        for task in chosen:  # the same files, flattened: ids are unique in a suite
            shutil.copy(_file_of(suite_dir, task.id), suite / f"{task.id}.yaml")
        for n in workers:
            from automator.evaluate import evaluate

            load, start = os.getloadavg()[0], time.monotonic()
            summary = evaluate(suite, builder, Path(scratch) / f"out-{n}", workers=n,
                               seeds=range(seeds))
            rows.append(BenchRow(n, len(summary.tasks), time.monotonic() - start,
                                 summary.overall.succeeded, (load, os.getloadavg()[0])))
            say(format_row(rows[-1], rows[0]))
    return rows


def _file_of(suite_dir: str | Path, task_id: str) -> Path:
    for path in Path(suite_dir).rglob(f"{task_id}.y*ml"):
        return path
    raise TaskError(f"no file for task {task_id} in {suite_dir}")


def format_row(row: BenchRow, first: BenchRow) -> str:
    speedup = first.seconds / row.seconds if row.seconds else 0.0
    return (f"{row.workers} worker(s): {row.episodes} episodes in {row.seconds:.1f} s "
            f"({row.per_minute:.1f}/min, {row.succeeded} succeeded), "
            f"{speedup:.2f}x the {first.workers}-worker time; load average "
            f"{row.load[0]:.1f} -> {row.load[1]:.1f} on {os.cpu_count()} cores")
