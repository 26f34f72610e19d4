"""The offline loop: every recorded step shown to a planner, its action scored by the format's
rules, results written step by step, figures per rule set.

The planner sees the step's screenshot and boxes or tree, the goal (or the step's own
instruction), and the ground-truth actions of the steps before (each step starts from the
recorded screen, so what came before is what the person did). Figures, per rule set:

- type accuracy: steps whose action type matches;
- step accuracy: steps whose action matches (the benchmarks' "action matching", "exact
  match", AMS);
- episode success: episodes whose every step matches (AITZ's success rate, GUI-Odyssey's SR);
  an episode missing steps the dataset says it has is left out of this figure;
- goal progress (AITZ): the share of an episode's steps before the first miss;
- per category (GUI-Odyssey): step accuracy and episode success averaged over categories.
"""

from __future__ import annotations

import json
import logging
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

from automator.offline.episode import Episode, FormatError, OfflineStep
from automator.offline.screen import step_screen
from devices.actions import Action, describe
from planners.errors import PlannerError
from planners.planner import PastStep, Planner

log = logging.getLogger(__name__)
SCHEMA = 1  # of summary.json and steps.jsonl
HIGH, STEP = "high", "step"  # which instruction the planner is given


@dataclass(frozen=True)
class Format:
    name: str
    load: Callable[[Path], list[Episode]]
    metric: ModuleType  # has score(step, action, screen) and VARIANTS
    step_instructions: bool  # the format gives each step its own instruction


def formats() -> dict[str, Format]:
    from automator.offline.formats import aitw, aitz, androidcontrol, odyssey, ours
    from automator.offline.metrics import aitw as aitw_m
    from automator.offline.metrics import aitz as aitz_m
    from automator.offline.metrics import androidcontrol as ac_m
    from automator.offline.metrics import odyssey as od_m
    from automator.offline.metrics import ours as ours_m

    return {"aitw": Format("aitw", aitw.load, aitw_m, False),
            "aitz": Format("aitz", aitz.load, aitz_m, False),
            "androidcontrol": Format("androidcontrol", androidcontrol.load, ac_m, True),
            "gui-odyssey": Format("gui-odyssey", odyssey.load, od_m, True),
            "ours": Format("ours", ours.load, ours_m, False)}


@dataclass(frozen=True)
class StepResult:
    episode: str
    index: int
    kind: str  # the truth's action type, in the format's words
    predicted: str  # the prediction's type, in the format's words
    action: str  # what the planner decided, in our words
    type_match: bool
    exact: dict[str, bool]
    decide_ms: float
    error: str = ""  # the planner's failure, when it gave no action


@dataclass
class Figures:
    steps: list[StepResult] = field(default_factory=list)
    categories: dict[str, str] = field(default_factory=dict)  # episode -> category
    complete: dict[str, bool] = field(default_factory=dict)  # episode -> all steps present

    def by_episode(self) -> dict[str, list[StepResult]]:
        out: dict[str, list[StepResult]] = defaultdict(list)
        for s in self.steps:
            out[s.episode].append(s)
        return out

    def variant(self, name: str, rows: Sequence[StepResult] | None = None) -> dict[str, Any]:
        rows = self.steps if rows is None else rows
        episodes = defaultdict(list)
        for s in rows:
            episodes[s.episode].append(s)
        whole = [v for k, v in episodes.items() if self.complete.get(k, True)]
        progress = [_leading(v, name) / len(v) for v in whole]
        return {"steps": len(rows), "type_accuracy": _rate(s.type_match for s in rows),
                "step_accuracy": _rate(s.exact[name] for s in rows),
                "episodes": len(whole),
                "episode_success": _rate(all(s.exact[name] for s in v) for v in whole),
                "goal_progress": round(sum(progress) / len(progress), 4) if progress else 0.0}

    def summary(self, variants: Sequence[str]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for name in variants:
            figures = self.variant(name)
            kinds = sorted({s.kind for s in self.steps})
            figures["by_type"] = {k: self.variant(name, [s for s in self.steps if s.kind == k])
                                  for k in kinds}
            for f in figures["by_type"].values():
                for key in ("episodes", "episode_success", "goal_progress"):
                    f.pop(key)
            if self.categories:
                figures["category_mean"] = self._category_mean(name)
            out[name] = figures
        return out

    def _category_mean(self, name: str) -> dict[str, float]:
        groups = defaultdict(list)
        for s in self.steps:
            groups[self.categories.get(s.episode, "")].append(s)
        each = [self.variant(name, rows) for rows in groups.values()]
        return {"categories": len(each),
                "step_accuracy": round(sum(f["step_accuracy"] for f in each) / len(each), 4),
                "episode_success": round(sum(f["episode_success"] for f in each) / len(each), 4)}


def _rate(values: Iterable[bool]) -> float:
    values = list(values)
    return round(sum(values) / len(values), 4) if values else 0.0


def _leading(rows: Sequence[StepResult], name: str) -> int:
    n = 0
    for s in rows:
        if not s.exact[name]:
            break
        n += 1
    return n


def instruction_of(step: OfflineStep, episode: Episode, which: str) -> str:
    return step.instruction if which == STEP else episode.goal


def score_step(fmt: Format, step: OfflineStep, episode: Episode, planner: Planner,
               history: list[PastStep], which: str) -> StepResult:
    screen = step_screen(step)
    start = time.perf_counter()
    action: Action | None = None
    error = ""
    try:
        action = planner.decide(instruction_of(step, episode, which), screen, history).action
    except PlannerError as e:
        error = f"{type(e).__name__}: {e}"
    ms = (time.perf_counter() - start) * 1000
    score = fmt.metric.score(step, action, screen)
    return StepResult(episode.id, step.index, score.kind, score.predicted,
                      describe(action) if action is not None else "(none)", score.type_match,
                      score.exact, round(ms, 1), error)


def evaluate_offline(fmt: Format, episodes: Sequence[Episode],
                     make_planner: Callable[[Episode], Planner], which: str = HIGH,
                     out: Path | None = None,
                     on_step: Callable[[StepResult], None] | None = None,
                     about: dict[str, Any] | None = None) -> dict[str, Any]:
    """Score every step; write `out/steps.jsonl` line by line and `out/summary.json`
    (`about`: what the run was, e.g. the planner and the dataset, kept in the summary)."""
    if which == STEP and not fmt.step_instructions:
        raise FormatError(f"{fmt.name} gives no step instructions: use --instruction high")
    figures = Figures()
    lines = None
    if out is not None:
        out.mkdir(parents=True, exist_ok=True)
        lines = open(out / "steps.jsonl", "w", encoding="utf-8")  # noqa: SIM115
    try:
        for episode in episodes:
            figures.categories.update({episode.id: episode.category} if episode.category else {})
            figures.complete[episode.id] = episode.complete
            planner, history = make_planner(episode), []
            for step in episode.steps:
                result = score_step(fmt, step, episode, planner, history, which)
                history.append(PastStep(action=step.truth_action))
                figures.steps.append(result)
                if lines is not None:
                    lines.write(json.dumps(asdict(result), ensure_ascii=False) + "\n")
                    lines.flush()
                if on_step is not None:
                    on_step(result)
    finally:
        if lines is not None:
            lines.close()
    summary = {"schema": SCHEMA, **(about or {}), "format": fmt.name, "instruction": which,
               "variants": list(fmt.metric.VARIANTS), "episodes": len(episodes),
               **figures.summary(fmt.metric.VARIANTS)}
    if out is not None:
        (out / "summary.json").write_text(json.dumps(summary, indent=1, ensure_ascii=False),
                                          encoding="utf-8")
    return summary
