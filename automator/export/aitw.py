"""Android in the Wild (AitW), as its release stores it: a GZIP-compressed TFRecord file of
`tf.train.Example`s, one per step (google-research `android_in_the_wild/README.md`).

    OUT/aitw.tfrecord.gz   episode_id, goal_info, current_activity, device_type (bytes);
                           step_id, episode_length (int64); image/encoded (raw 8-bit RGB
                           pixels, row by row, as AitW's own reader decodes them with
                           decode_raw), image/height, image/width, image/channels (int64);
                           image/ui_annotations_positions (float), image/ui_annotations_text,
                           image/ui_annotations_ui_types (bytes); results/action_type (int64),
                           results/type_action (bytes), results/yx_touch, results/yx_lift
                           (float)

As in AitW: points are (y, x) fractions of the screen; element boxes are flattened
(y, x, height, width) fractions, with each element's text and type (our role, where AitW
has its detector's TEXT or ICON_* classes); every tap and swipe is a DUAL_POINT (4) whose
touch and lift points are equal for a tap, and a scroll is the swipe the finger made
(`devices.gestures.scroll_swipe`); other actions carry touch = lift = (-1, -1).
`android_api_level` is not written: a recording does not know it.

AitW has no long press, double tap, opening an app, waiting or giving up: a long press or
double tap is written as the tap it starts with; the others are left out and counted.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum
from pathlib import Path
from typing import Any

from automator.episodes import Episode, StepScreen
from automator.export.frames import Size, unit_box_yxhw, unit_yx
from automator.export.output import ExportReport, fresh_output, rgb_pixels
from automator.tfrecord import (
    TFRecordWriter,
    bytes_feature,
    encode_example,
    float_feature,
    int64_feature,
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

FILE = "aitw.tfrecord.gz"
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
    with TFRecordWriter(out / FILE) as writer:
        for episode in episodes:
            steps = _steps(episode, report)
            for step_id, (view, results) in enumerate(steps):
                writer.write(encode_example(_features(episode, view, step_id, len(steps),
                                                      results)))
            report.episodes += 1 if steps else 0
            report.steps += len(steps)
    return report


def _steps(episode: Episode,
           report: ExportReport) -> list[tuple[StepScreen, dict[str, Any]]]:
    """The steps AitW can say, with their `results/*` fields (the pixels are read later, one
    step at a time)."""
    steps = []
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
        steps.append((view, results))
    return steps


def _features(episode: Episode, view: StepScreen, step_id: int, length: int,
              results: dict[str, Any]) -> dict[str, bytes]:
    pixels, width, height = rgb_pixels(episode, view.step.screenshot)
    elements = view.screen.elements if view.screen else ()
    boxes = [v for e in elements for v in unit_box_yxhw(e.bounds, (width, height))]
    return {
        "episode_id": bytes_feature([episode.id]), "goal_info": bytes_feature([
            episode.trajectory.goal]),
        "current_activity": bytes_feature([view.step.app]),
        "device_type": bytes_feature([episode.trajectory.device]),
        "step_id": int64_feature([step_id]), "episode_length": int64_feature([length]),
        "image/encoded": bytes_feature([pixels]), "image/height": int64_feature([height]),
        "image/width": int64_feature([width]), "image/channels": int64_feature([3]),
        "image/ui_annotations_positions": float_feature(boxes),
        "image/ui_annotations_text": bytes_feature([e.label for e in elements]),
        "image/ui_annotations_ui_types": bytes_feature([e.role for e in elements]),
        "results/action_type": int64_feature([results["results/action_type"]]),
        "results/type_action": bytes_feature([results["results/type_action"]]),
        "results/yx_touch": float_feature(results["results/yx_touch"]),
        "results/yx_lift": float_feature(results["results/yx_lift"]),
    }  # fmt: skip
