"""GUI-Odyssey: one JSON file per episode, screenshots beside them, as its release lays out.

    OUT/annotations/<episode>.json   {"episode_id", "device_info": {"device_name", "w", "h"},
                                      "task_info": {"category", "app", "meta_task", "task",
                                      "instruction"}, "step_length", "steps": [...]}
    OUT/screenshots/<episode>_<n>.png

A step: {"step", "screenshot", "action", "info", "ps", "sam2_bbox",
"low_level_instruction", "intention"}. As in GUI-Odyssey, every coordinate is (x, y) in
thousandths of the screen (0-1000): CLICK and LONG_PRESS `info` = [[x, y]] with the
element's box in `sam2_bbox` = [x1, y1, x2, y2]; SCROLL `info` = [[x1, y1], [x2, y2]], the
finger's path (a scroll is the swipe the finger made); typing is TEXT with the text in
`info` (the word the release's annotations use and its `format_converter.py` reads; its
introduction.md calls it TYPE, which that converter rejects); the keys
home, back and recents are CLICKs whose `info` is KEY_HOME, KEY_BACK, KEY_APPSELECT; a
finish is COMPLETE (success) or INCOMPLETE (infeasible, gave up).

GUI-Odyssey has no double tap, enter or delete key, opening an app or waiting: a double tap
is written as a CLICK, the others are left out and counted.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from automator.episodes import Episode, StepScreen
from automator.export.frames import Size, thousandths_box, thousandths_xy
from automator.export.output import (
    ExportReport,
    copy_file,
    file_stem,
    fresh_output,
    instruction,
)  # fmt: skip
from devices.actions import (
    Action,
    DoubleTap,
    Finish,
    FinishStatus,
    Key,
    LongPress,
    Point,
    PressKey,
    Scroll,
    Swipe,
    Tap,
    TypeText,
)  # fmt: skip
from devices.gestures import scroll_swipe

KEYS = {Key.HOME: "KEY_HOME", Key.BACK: "KEY_BACK", Key.RECENTS: "KEY_APPSELECT"}


def odyssey_action(action: Action, size: Size) -> tuple[str, Any] | None:
    """(action, info) in GUI-Odyssey's terms, or None when it has no such action."""
    match action:
        case Tap(target=Point() as p) | DoubleTap(target=Point() as p):
            return "CLICK", [thousandths_xy(p, size)]
        case LongPress(target=Point() as p):
            return "LONG_PRESS", [thousandths_xy(p, size)]
        case Swipe(start=s, end=e):
            return "SCROLL", [thousandths_xy(s, size), thousandths_xy(e, size)]
        case Scroll(direction=d, target=t):
            s, e = scroll_swipe(d, t if isinstance(t, Point) else None, size)
            return "SCROLL", [thousandths_xy(s, size), thousandths_xy(e, size)]
        case TypeText(text=text):
            return "TEXT", text
        case PressKey(key=key) if key in KEYS:
            return "CLICK", KEYS[key]
        case Finish(status=status):
            return ("COMPLETE" if status == FinishStatus.SUCCESS else "INCOMPLETE"), ""
    return None


def export_gui_odyssey(episodes: Sequence[Episode], out: Path) -> ExportReport:
    fresh_output(out, folder=True)
    (out / "annotations").mkdir()
    report = ExportReport("gui-odyssey", out)
    for episode in episodes:
        stem = file_stem(episode.id)
        steps = _steps(episode, stem, out, report)
        if not steps:
            continue
        size = StepScreen(episode, episode.trajectory.steps[0]).size or (0, 0)
        data = {
            "episode_id": stem,
            "device_info": {"device_name": episode.trajectory.device, "w": size[0],
                            "h": size[1]},
            "task_info": {"category": episode.group, "app": _apps(episode),
                          "meta_task": episode.task or episode.trajectory.goal,
                          "task": episode.trajectory.goal,
                          "instruction": episode.trajectory.goal},
            "step_length": len(steps),
            "steps": steps,
        }
        path = out / "annotations" / f"{stem}.json"
        path.write_text(json.dumps(data, indent=1, ensure_ascii=False), encoding="utf-8")
        report.episodes += 1
        report.steps += len(steps)
    return report


def _apps(episode: Episode) -> list[str]:
    return list(dict.fromkeys(s.app for s in episode.trajectory.steps if s.app))


def _steps(episode: Episode, stem: str, out: Path, report: ExportReport) -> list[dict[str, Any]]:
    steps: list[dict[str, Any]] = []
    for step in episode.trajectory.steps:
        view = StepScreen(episode, step)
        if step.executed is None:
            report.skipped["steps without an executed action"] += 1
            continue
        if view.size is None or episode.path(step.screenshot) is None:
            report.skipped["steps without a screenshot"] += 1
            continue
        mapped = odyssey_action(step.executed, view.size)
        if mapped is None:
            report.skipped[f"{step.executed.kind} (not in GUI-Odyssey)"] += 1
            continue
        shot = f"{stem}_{len(steps)}.png"
        copy_file(episode, step.screenshot, out / "screenshots" / shot)
        element = view.element if mapped[0] in ("CLICK", "LONG_PRESS") else None
        steps.append({
            "step": len(steps), "screenshot": shot, "action": mapped[0], "info": mapped[1],
            "ps": "", "sam2_bbox": thousandths_box(element.bounds, view.size) if element else [],
            "low_level_instruction": instruction(step),
            "intention": step.decision.thought if step.decision else "",
        })  # fmt: skip
    return steps
