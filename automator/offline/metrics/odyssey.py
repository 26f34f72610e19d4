"""GUI-Odyssey: OpenGVLab/GUI-Odyssey `src/eval_mm/GUIOdyssey_action_matching.py`
(`action_matching`, `click_matching`, `text_matching`) and the ground-truth strings of
`data/format_converter.py` (`decode_action`).

- actions are words: CLICK, LONG_PRESS, SCROLL, TYPE, PRESS_HOME, PRESS_BACK, PRESS_RECENT,
  COMPLETE, IMPOSSIBLE; a type match is the same word (a CLICK on KEY_HOME is PRESS_HOME);
- CLICK / LONG_PRESS: right inside the step's `sam2_bbox` (x1, y1, x2, y2 in 0-1000, edges
  inclusive) or within 0.14 of the truth (Euclidean, coordinates / 1000);
- SCROLL: the same direction, case-insensitive; the truth's direction is the finger's way on
  the axis that moved more (|dx| > |dy| horizontal, else vertical): UP is a finger moving up;
- TYPE: after stripping, either text in the other, or 1 - edit distance / longer length
  >= 0.5 (case-sensitive; an empty prediction is in any text);
- any other action: right on its type alone.

The script's rules and the released description agree step by step, so `official` is the
only rule set. The episode figures differ in naming only: the script's `macro` averages all
steps and its `micro` averages the task categories (run.py reports both figures by what they
compute).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from automator.offline.episode import OfflineStep
from automator.offline.metrics.common import (
    OFFICIAL,
    StepScore,
    finger_direction,
    levenshtein,
    point_of,
    swipe_direction,
)
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
)
from perception.elements import Screen

VARIANTS = (OFFICIAL,)
SCALE = 1000  # coordinates are in 0-1000 of the screen
CLICK_DISTANCE = 0.14
TEXT_SIMILARITY = 0.5  # 1 - normalised edit distance, at least
KEY_WORDS = {"KEY_HOME": "PRESS_HOME", "KEY_BACK": "PRESS_BACK", "KEY_APPSELECT": "PRESS_RECENT"}


@dataclass(frozen=True)
class OdysseyAction:
    action: str  # one of the words above; "" when nothing fits
    point: tuple[float, float] | None = None  # CLICK / LONG_PRESS: (x, y) in 0-1000
    info: str = ""  # SCROLL: the direction; TYPE: the text


def decode(action: str, info: object) -> OdysseyAction:
    """A recorded step's `action` and `info` as `decode_action` reads them."""
    if action in ("CLICK", "LONG_PRESS"):
        if isinstance(info, str) and info in KEY_WORDS:
            return OdysseyAction(KEY_WORDS[info])
        if isinstance(info, list) and info and len(info[0]) == 2:
            return OdysseyAction(action, (float(info[0][0]), float(info[0][1])))
        raise ValueError(f"unknown {action} info {info!r}")
    if action == "SCROLL":
        (x1, y1), (x2, y2) = info  # type: ignore[misc]
        dx, dy = x2 - x1, y2 - y1
        horizontal = abs(dx) > abs(dy)
        word = ("LEFT" if dx < 0 else "RIGHT") if horizontal else ("UP" if dy < 0 else "DOWN")
        return OdysseyAction("SCROLL", info=word)
    if action in ("TEXT", "TYPE"):
        return OdysseyAction("TYPE", info=str(info))
    if action == "COMPLETE":
        return OdysseyAction("COMPLETE")
    if action == "INCOMPLETE":
        return OdysseyAction("IMPOSSIBLE")
    raise ValueError(f"unknown action {action!r}")


def text_matches(truth: str, pred: str) -> bool:
    truth, pred = truth.strip(), pred.strip()
    if truth in pred or pred in truth:
        return True
    longer = max(len(truth), len(pred))
    return 1 - (levenshtein(truth, pred) / longer if longer else 0.0) >= TEXT_SIMILARITY


def click_matches(truth: tuple[float, float], pred: tuple[float, float],
                  sam2_bbox: tuple[float, float, float, float] | None) -> bool:
    if sam2_bbox is not None:
        x1, y1, x2, y2 = sam2_bbox
        if x1 <= pred[0] <= x2 and y1 <= pred[1] <= y2:
            return True
    gap = (np.asarray(pred) - np.asarray(truth)) / SCALE
    return bool(np.linalg.norm(gap) <= CLICK_DISTANCE)


def actions_match(pred: OdysseyAction, truth: OdysseyAction,
                  sam2_bbox: tuple[float, float, float, float] | None) -> bool:
    if pred.action != truth.action:
        return False
    if truth.action == "TYPE":
        return text_matches(truth.info, pred.info)
    if truth.action == "SCROLL":
        return truth.info.lower() == pred.info.lower()
    if truth.action in ("CLICK", "LONG_PRESS"):
        return pred.point is not None and truth.point is not None and click_matches(
            truth.point, pred.point, sam2_bbox)
    return True


_KEYS = {Key.HOME: "PRESS_HOME", Key.BACK: "PRESS_BACK", Key.RECENTS: "PRESS_RECENT"}


def to_odyssey(action: Action | None, screen: Screen) -> OdysseyAction:
    def scaled(p: Point) -> tuple[float, float]:
        return (round(p.x / screen.width * SCALE), round(p.y / screen.height * SCALE))

    match action:
        case Tap() | DoubleTap() | LongPress():
            point = point_of(action, screen)
            word = "LONG_PRESS" if isinstance(action, LongPress) else "CLICK"
            return OdysseyAction(word, scaled(point)) if point else OdysseyAction("")
        case Scroll(direction=d):
            return OdysseyAction("SCROLL", info=str(finger_direction(d)).upper())
        case Swipe():
            return OdysseyAction("SCROLL", info=str(swipe_direction(action)).upper())
        case TypeText(text=text):
            return OdysseyAction("TYPE", info=text)
        case PressKey(key=key) if key in _KEYS:
            return OdysseyAction(_KEYS[key])
        case Finish(status=status):
            return OdysseyAction("COMPLETE" if status is FinishStatus.SUCCESS else "IMPOSSIBLE")
    return OdysseyAction("")


def to_action(truth: OdysseyAction, raw_info: object, width: int, height: int) -> Action | None:
    """The ground truth in our vocabulary (the oracle's move)."""
    def px(x: float, y: float) -> Point:
        return Point(min(width - 1, round(x / SCALE * width)),
                     min(height - 1, round(y / SCALE * height)))

    keys = {v: k for k, v in _KEYS.items()}
    if truth.action in keys:
        return PressKey(keys[truth.action])
    if truth.action in ("CLICK", "LONG_PRESS") and truth.point is not None:
        cls = LongPress if truth.action == "LONG_PRESS" else Tap
        return cls(px(*truth.point))
    if truth.action == "SCROLL":
        (x1, y1), (x2, y2) = raw_info  # type: ignore[misc]
        return Swipe(px(x1, y1), px(x2, y2))
    if truth.action == "TYPE":
        return TypeText(truth.info)
    if truth.action in ("COMPLETE", "IMPOSSIBLE"):
        return Finish(FinishStatus.SUCCESS if truth.action == "COMPLETE"
                      else FinishStatus.INFEASIBLE)
    return None


def score(step: OfflineStep, action: Action | None, screen: Screen) -> StepScore:
    truth: OdysseyAction = step.truth
    pred = to_odyssey(action, screen)
    right = actions_match(pred, truth, step.extra.get("sam2_bbox"))
    return StepScore(truth.action, pred.action or "none", pred.action == truth.action,
                     {OFFICIAL: right})
