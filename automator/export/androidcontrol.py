"""AndroidControl, as its release stores it: a GZIP-compressed TFRecord file of
`tf.train.Example`s, one per episode (google-research `android_control/README.md`).

    OUT/androidcontrol.tfrecord.gz   episode_id (int64), goal (bytes), screenshots (PNG
                                     bytes), screenshot_widths, screenshot_heights (int64),
                                     accessibility_trees (AndroidAccessibilityForest protos),
                                     actions (JSON strings), step_instructions (bytes),
                                     source_id (bytes, ours)

As in AndroidControl, `actions[i]` was taken on `screenshots[i]`, one step instruction per
action, and the last screenshot has no action: len(actions) == len(screenshots) - 1. When
the episode ends with a finish, that is the screen it finished on; otherwise it is the
screen of the last action, whose outcome was never recorded, and that action is left out
and counted. Points are (x, y) in the screenshot's pixels. `episode_id` is the episode's
number in the export; `source_id`, a feature AndroidControl does not have, names its
folder. The trees are forests of the elements perception kept (`automator.export.forest`
says what that leaves out).

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
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from automator.episodes import Episode, StepScreen
from automator.export.forest import forest
from automator.export.output import ExportReport, fresh_output, instruction, png_bytes
from automator.tfrecord import TFRecordWriter, bytes_feature, encode_example, int64_feature
from devices.actions import (
    Action,
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
from devices.gestures import swipe_scroll

FILE = "androidcontrol.tfrecord.gz"
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


def export_androidcontrol(episodes: Sequence[Episode], out: Path) -> ExportReport:
    fresh_output(out, folder=True)
    report = ExportReport("androidcontrol", out)
    with TFRecordWriter(out / FILE) as writer:
        for episode in episodes:
            record = _episode(episode, report.episodes, report)
            if record is None:
                continue
            writer.write(encode_example(record.features()))
            report.episodes += 1
            report.steps += len(record.actions)
    return report


@dataclass
class _Record:
    episode_id: int
    goal: str
    source_id: str
    screenshots: list[bytes] = field(default_factory=list)  # PNG
    widths: list[int] = field(default_factory=list)  # px
    heights: list[int] = field(default_factory=list)  # px
    trees: list[bytes] = field(default_factory=list)  # forests
    actions: list[str] = field(default_factory=list)  # JSON
    instructions: list[str] = field(default_factory=list)

    def features(self) -> dict[str, bytes]:
        return {"episode_id": int64_feature([self.episode_id]),
                "goal": bytes_feature([self.goal]),
                "screenshots": bytes_feature(self.screenshots),
                "screenshot_widths": int64_feature(self.widths),
                "screenshot_heights": int64_feature(self.heights),
                "accessibility_trees": bytes_feature(self.trees),
                "actions": bytes_feature(self.actions),
                "step_instructions": bytes_feature(self.instructions),
                "source_id": bytes_feature([self.source_id])}


def _episode(episode: Episode, number: int, report: ExportReport) -> _Record | None:
    record = _Record(number, episode.trajectory.goal, episode.id)
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
        _add_screen(record, episode, view)
        if finish:
            break
        record.actions.append(json.dumps(action))
        record.instructions.append(instruction(step))
    if record.actions and len(record.actions) == len(record.screenshots):
        # no finish: the screen after the last action was never recorded, and AndroidControl
        # needs one (len(actions) == len(screenshots) - 1); its last screenshot stays as the
        # episode's final screen
        record.actions.pop()
        record.instructions.pop()
        report.skipped["last actions (no screen recorded after them)"] += 1
    if record.actions:
        return record
    if record.screenshots:  # a screen without an action says nothing
        report.skipped["episodes' only screens (no action to pair with)"] += 1
    return None


def _add_screen(record: _Record, episode: Episode, view: StepScreen) -> None:
    width, height = view.size or (0, 0)
    record.screenshots.append(png_bytes(episode, view.step.screenshot))
    record.widths.append(width)
    record.heights.append(height)
    record.trees.append(forest(view.screen.elements if view.screen else (), (width, height)))
