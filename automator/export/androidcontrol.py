"""AndroidControl: one JSON line per episode with the fields of its TFRecords.

    OUT/episodes.jsonl   {"episode_id", "goal", "screenshots", "screenshot_widths",
                          "screenshot_heights", "accessibility_trees", "actions",
                          "step_instructions", "source_id"}
    OUT/screenshots/<episode>/step_NNN.png

As in AndroidControl, `actions[i]` (a JSON string) was taken on `screenshots[i]`, one step
instruction per action, and when the episode ends with a finish, the screen it finished on
is the last screenshot, without an action: len(actions) == len(screenshots) - 1. Points
are (x, y) in the screenshot's pixels. Differences, for lack of the original's pieces:
screenshots are files (paths) rather than PNG bytes, trees are the recorded tree text
(uiautomator XML, or JSON off Android) rather than accessibility-forest protos,
`episode_id` is the episode's number in the export and `source_id` its folder.

Actions: click, long_press, scroll (direction: where content comes from, as ours),
open_app, type (click x, y, type, enter) for text typed into a point and submitted,
input_text otherwise (a focusing tap or an enter without the other is not said),
navigate_home, navigate_back, wait. AndroidControl has no swipe, double
tap, or enter, delete and recents keys: a double tap is written as a click, a swipe as the
scroll it makes (the finger moving up scrolls down), the keys are left out and counted.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from automator.episodes import Episode, StepScreen
from automator.export.output import (
    ExportReport,
    copy_file,
    file_stem,
    fresh_output,
    instruction,
)  # fmt: skip
from devices.actions import (
    Action,
    Direction,
    DoubleTap,
    Finish,
    Key,
    LongPress,
    OpenApp,
    Point,
    PressKey,
    Scroll,
    Swipe,
    Tap,
    TypeText,
    Wait,
)  # fmt: skip

LINES = "episodes.jsonl"
NAVIGATE = {Key.HOME: "navigate_home", Key.BACK: "navigate_back"}


def ac_action(action: Action) -> dict[str, Any] | None:
    """The action in AndroidControl's JSON, or None when it has none such."""
    match action:
        case Tap(target=Point() as p) | DoubleTap(target=Point() as p):
            return {"action_type": "click", "x": p.x, "y": p.y}
        case LongPress(target=Point() as p):
            return {"action_type": "long_press", "x": p.x, "y": p.y}
        case Scroll(direction=d):
            return {"action_type": "scroll", "direction": str(d)}
        case Swipe(start=s, end=e):
            return {"action_type": "scroll", "direction": str(swipe_scroll(s, e))}
        case TypeText(text=text, target=Point() as p, submit=True):
            return {"action_type": "type", "x": p.x, "y": p.y, "text": text}
        case TypeText(text=text):
            return {"action_type": "input_text", "text": text}
        case PressKey(key=key) if key in NAVIGATE:
            return {"action_type": NAVIGATE[key]}
        case OpenApp(app=app):
            return {"action_type": "open_app", "app_name": app}
        case Wait():
            return {"action_type": "wait"}
    return None


def swipe_scroll(start: Point, end: Point) -> Direction:
    """The scroll a finger's swipe makes: content comes from where the finger moves away."""
    dx, dy = end.x - start.x, end.y - start.y
    if abs(dy) >= abs(dx):
        return Direction.DOWN if dy < 0 else Direction.UP
    return Direction.RIGHT if dx < 0 else Direction.LEFT


def export_androidcontrol(episodes: Sequence[Episode], out: Path) -> ExportReport:
    fresh_output(out, folder=True)
    report = ExportReport("androidcontrol", out)
    with open(out / LINES, "w", encoding="utf-8") as f:
        for episode in episodes:
            record = _episode(episode, report.episodes, out, report)
            if record is None:
                continue
            f.write(json.dumps(record, ensure_ascii=False) + "\n")
            f.flush()
            report.episodes += 1
            report.steps += len(record["actions"])
    return report


def _episode(episode: Episode, number: int, out: Path,
             report: ExportReport) -> dict[str, Any] | None:
    record: dict[str, Any] = {
        "episode_id": number, "goal": episode.trajectory.goal, "screenshots": [],
        "screenshot_widths": [], "screenshot_heights": [], "accessibility_trees": [],
        "actions": [], "step_instructions": [], "source_id": episode.id,
    }  # fmt: skip
    for step in episode.trajectory.steps:
        view = StepScreen(episode, step)
        if step.executed is None:
            report.skipped["steps without an executed action"] += 1
            continue
        if view.size is None or episode.path(step.screenshot) is None:
            report.skipped["steps without a screenshot"] += 1
            continue
        finish = isinstance(step.executed, Finish)
        action = None if finish else ac_action(step.executed)
        if action is None and not finish:
            report.skipped[f"{step.executed.kind} (not in AndroidControl)"] += 1
            continue
        _add_screen(record, episode, view, out)
        if finish:
            break
        record["actions"].append(json.dumps(action))
        record["step_instructions"].append(instruction(step))
    return record if record["screenshots"] else None


def _add_screen(record: dict[str, Any], episode: Episode, view: StepScreen, out: Path) -> None:
    name = f"screenshots/{file_stem(episode.id)}/{view.step.screenshot}"
    copy_file(episode, view.step.screenshot, out / name)
    width, height = view.size or (0, 0)
    record["screenshots"].append(name)
    record["screenshot_widths"].append(width)
    record["screenshot_heights"].append(height)
    record["accessibility_trees"].append(view.tree_text)
