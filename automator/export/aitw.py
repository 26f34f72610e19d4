"""Android in the Wild (AitW): one JSON line per step with the fields of AitW's TFRecords.

    OUT/steps.jsonl   {"episode_id", "episode_length", "step_id", "goal_info",
                       "current_activity", "device_type", "image/path", "image/height",
                       "image/width", "image/channels", "image/ui_annotations_positions",
                       "image/ui_annotations_text", "image/ui_annotations_ui_types",
                       "results/action_type", "results/type_action", "results/yx_touch",
                       "results/yx_lift"}
    OUT/images/<episode>/step_NNN.png

As in AitW: points are (y, x) fractions of the screen; element boxes are flattened
(y, x, height, width) fractions, with each element's text and type (our role); every tap and
swipe is a DUAL_POINT (4) whose touch and lift points are equal for a tap, and a scroll is
the swipe the finger made (`devices.gestures.scroll_swipe`); other actions carry touch =
lift = (-1, -1). The screenshot is a file beside the lines (`image/path`) rather than bytes.

AitW has no long press, double tap, opening an app, waiting or giving up: a long press or
double tap is written as the tap it starts with; the others are left out and counted.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from enum import IntEnum
from pathlib import Path
from typing import Any

from automator.episodes import Episode, StepScreen
from automator.export.frames import Size, unit_box_yxhw, unit_yx
from automator.export.output import ExportReport, copy_file, file_stem, fresh_output
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

LINES = "steps.jsonl"
NO_POINT = [-1.0, -1.0]


class AitwAction(IntEnum):
    """AitW's action types (its action_type.py); 0-2, 8 and 9 are unused there."""

    TYPE = 3
    DUAL_POINT = 4
    PRESS_BACK = 5
    PRESS_HOME = 6
    PRESS_ENTER = 7
    STATUS_TASK_COMPLETE = 10
    STATUS_TASK_IMPOSSIBLE = 11


KEYS = {Key.BACK: AitwAction.PRESS_BACK, Key.HOME: AitwAction.PRESS_HOME,
        Key.ENTER: AitwAction.PRESS_ENTER}
STATUS = {FinishStatus.SUCCESS: AitwAction.STATUS_TASK_COMPLETE,
          FinishStatus.INFEASIBLE: AitwAction.STATUS_TASK_IMPOSSIBLE}


def aitw_action(action: Action, size: Size) -> dict[str, Any] | None:
    """The `results/*` fields of an action, or None when AitW cannot say it."""
    touch = lift = None
    kind: AitwAction | None = None
    text = ""
    match action:
        case Tap(target=Point() as p) | LongPress(target=Point() as p) | DoubleTap(
                target=Point() as p):
            kind, touch, lift = AitwAction.DUAL_POINT, p, p
        case Swipe(start=s, end=e):
            kind, touch, lift = AitwAction.DUAL_POINT, s, e
        case Scroll(direction=d, target=t):
            touch, lift = scroll_swipe(d, t if isinstance(t, Point) else None, size)
            kind = AitwAction.DUAL_POINT
        case TypeText(text=typed):
            kind, text = AitwAction.TYPE, typed
        case PressKey(key=key):
            kind = KEYS.get(key)
        case Finish(status=status):
            kind = STATUS.get(status)
    if kind is None:
        return None
    return {
        "results/action_type": int(kind),
        "results/type_action": text,
        "results/yx_touch": unit_yx(touch, size) if touch else NO_POINT,
        "results/yx_lift": unit_yx(lift, size) if lift else NO_POINT,
    }


def export_aitw(episodes: Sequence[Episode], out: Path) -> ExportReport:
    fresh_output(out, folder=True)
    report = ExportReport("aitw", out)
    with open(out / LINES, "w", encoding="utf-8") as f:
        for episode in episodes:
            records = _records(episode, out, report)
            for record in records:
                f.write(json.dumps({**record, "episode_length": len(records)},
                                   ensure_ascii=False) + "\n")
            f.flush()
            report.episodes += 1 if records else 0
            report.steps += len(records)
    return report


def _records(episode: Episode, out: Path, report: ExportReport) -> list[dict[str, Any]]:
    records: list[dict[str, Any]] = []
    for step in episode.trajectory.steps:
        view = StepScreen(episode, step)
        if step.executed is None:
            report.skipped["steps without an executed action"] += 1
            continue
        if view.size is None or episode.path(step.screenshot) is None:
            report.skipped["steps without a screenshot"] += 1
            continue
        results = aitw_action(step.executed, view.size)
        if results is None:
            report.skipped[f"{step.executed.kind} (not in AitW)"] += 1
            continue
        image = f"images/{file_stem(episode.id)}/{step.screenshot}"
        copy_file(episode, step.screenshot, out / image)
        records.append(_record(episode, view, len(records), image, results))
    return records


def _record(episode: Episode, view: StepScreen, step_id: int, image: str,
            results: dict[str, Any]) -> dict[str, Any]:
    size = view.size or (1, 1)
    elements = view.screen.elements if view.screen else ()
    return {
        "episode_id": episode.id, "step_id": step_id, "goal_info": episode.trajectory.goal,
        "current_activity": view.step.app, "device_type": episode.trajectory.device,
        "image/path": image, "image/width": size[0], "image/height": size[1],
        "image/channels": 3,
        "image/ui_annotations_positions": [v for e in elements
                                           for v in unit_box_yxhw(e.bounds, size)],
        "image/ui_annotations_text": [e.label for e in elements],
        "image/ui_annotations_ui_types": [e.role for e in elements],
        **results,
    }  # fmt: skip
