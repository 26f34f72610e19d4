"""Compare two evaluations of the same suite, task by task.

Two runs (`automator eval ... --out A`, then `--out B`, changing one thing: the planner, the
grammar, `--no-app-notes`) are paired per task and seed: a run is named `<task id>@<seed>`
(rows without a seed are seed 0; a MiniWoB++ run's episode is its seed). Runs in only one
eval are listed, never counted. Success rates are given per group and overall, the tasks
that flipped are named, and the exact McNemar test says how likely that many one-sided flips
are by chance: on a 68-task suite a few points of difference are often noise.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from math import comb
from pathlib import Path
from typing import Any

from automator.evaluate import SUMMARY
from automator.runs.report import runs_of


class SummaryError(ValueError):
    """A summary that cannot be read; the message names the file."""


def load_summary(path: str | Path) -> dict[str, Any]:
    """An eval summary from its file or from the eval's output folder."""
    file = Path(path)
    if file.is_dir():
        file = file / SUMMARY
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
        tasks = {run_name(t): t for t in runs_of(data)}
        for t in tasks.values():
            t["success"] = bool(t["success"])
    except OSError as e:
        raise SummaryError(f"{file}: cannot read: {e.strerror or e}") from e
    except (ValueError, KeyError, TypeError) as e:
        raise SummaryError(f"{file}: not an eval summary ({type(e).__name__}: {e})") from e
    return {"planner": str(data.get("planner", "")), "tasks": tasks, "path": str(file)}


def run_name(row: dict[str, Any]) -> str:
    """A summary row's key: its task and the phone's seed."""
    return f"{row['id']}@{int(row.get('seed', 0))}"


def mcnemar_p(gained: int, lost: int) -> float:
    """Two-sided exact McNemar p-value for `gained` vs `lost` discordant pairs."""
    n = gained + lost
    if n == 0:
        return 1.0
    tail = sum(comb(n, k) for k in range(min(gained, lost) + 1)) / 2**n
    return min(1.0, 2 * tail)


@dataclass(frozen=True)
class Comparison:
    groups: dict[str, tuple[int, float, float]]  # group -> (tasks, rate in A, rate in B)
    gained: tuple[str, ...]  # failed in A, passed in B
    lost: tuple[str, ...]  # passed in A, failed in B
    only_a: tuple[str, ...]
    only_b: tuple[str, ...]
    rate_a: float
    rate_b: float
    steps_a: float  # mean steps over the tasks both runs passed
    steps_b: float

    @property
    def p_value(self) -> float:
        return mcnemar_p(len(self.gained), len(self.lost))


def compare(a: dict[str, Any], b: dict[str, Any]) -> Comparison:
    """Pair two loaded summaries on the task ids they share."""
    ta, tb = a["tasks"], b["tasks"]
    shared = sorted(set(ta) & set(tb))
    groups: dict[str, list[tuple[bool, bool]]] = {}
    for task_id in shared:
        groups.setdefault(str(ta[task_id].get("app", "")), []).append(
            (ta[task_id]["success"], tb[task_id]["success"]))
    both = [t for t in shared if ta[t]["success"] and tb[t]["success"]]

    def rate(pairs: list[tuple[bool, bool]], side: int) -> float:
        return sum(p[side] for p in pairs) / len(pairs) if pairs else 0.0

    def mean_steps(tasks: dict[str, Any]) -> float:
        return sum(int(tasks[t].get("steps", 0)) for t in both) / len(both) if both else 0.0

    pairs = [pair for group in groups.values() for pair in group]
    return Comparison(
        groups={g: (len(p), rate(p, 0), rate(p, 1)) for g, p in sorted(groups.items())},
        gained=tuple(t for t in shared if tb[t]["success"] and not ta[t]["success"]),
        lost=tuple(t for t in shared if ta[t]["success"] and not tb[t]["success"]),
        only_a=tuple(sorted(set(ta) - set(tb))), only_b=tuple(sorted(set(tb) - set(ta))),
        rate_a=rate(pairs, 0), rate_b=rate(pairs, 1),
        steps_a=mean_steps(ta), steps_b=mean_steps(tb))
