"""Android in the Wild: action matching.

Reproduces `check_actions_match` of google-research `android_in_the_wild/action_matching.py`
(and `action_type.py` for the type numbers), rule by rule:

- a non-gesture action (type, back, home, enter, complete, impossible) matches on its type
  alone: typed text is never compared;
- a dual-point gesture is a tap when touch and lift are at most 0.04 apart (Euclidean, in
  normalised (y, x)), else a swipe; a tap never matches a swipe;
- two taps match within 0.14 of each other, or when both fall in one annotated box after every
  box is grown by 1.4x its height and width (kept centred, top and left clipped at 0, height
  and width capped at 1; edges inclusive);
- two swipes match when their main axis (the larger of |dy|, |dx|; y on a tie) is the same:
  the sign is not compared, so a swipe up matches a swipe down.

`official` computes as the JAX code does, in float32 with the enlarged boxes. `documented`
follows the README's "Action matching for evaluation" section: taps "within a 14% screen
distance ... or fall within the same bounding box" (the box as annotated), in exact
(float64) arithmetic.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum

import numpy as np

from automator.offline.episode import OfflineStep
from automator.offline.metrics.common import DOCUMENTED, OFFICIAL, StepScore, point_of
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

VARIANTS = (OFFICIAL, DOCUMENTED)
SWIPE_DISTANCE = 0.04  # touch-lift distance up to which a gesture is a tap
TAP_DISTANCE = 0.14  # taps this close match ("14% of screen")
BOX_GROWTH = 1.4  # each annotated box's height and width grow by this fraction of themselves
SCROLL_REACH = 0.2  # a scroll becomes a swipe of this much of the screen each side of centre
NO_POINT = (-1.0, -1.0)  # touch and lift of a non-gesture action, as the data stores them


class AitwType(IntEnum):
    """`ActionType` of android_in_the_wild/action_type.py (0-2, 8, 9 are unused)."""

    TYPE = 3
    DUAL_POINT = 4
    PRESS_BACK = 5
    PRESS_HOME = 6
    PRESS_ENTER = 7
    STATUS_TASK_COMPLETE = 10
    STATUS_TASK_IMPOSSIBLE = 11


INVALID = -1  # an action of ours with no AitW counterpart (open app, wait): matches nothing

YX = tuple[float, float]


@dataclass(frozen=True)
class AitwAction:
    type: int  # an AitwType, or INVALID
    touch: YX = NO_POINT  # normalised (y, x)
    lift: YX = NO_POINT
    text: str = ""  # what a TYPE action typed (never compared by the official matcher)


_KEYS = {Key.BACK: AitwType.PRESS_BACK, Key.HOME: AitwType.PRESS_HOME,
         Key.ENTER: AitwType.PRESS_ENTER}


def _yx(point: Point, screen: Screen) -> YX:
    return (point.y / screen.height, point.x / screen.width)


def _scroll(action: Scroll, screen: Screen) -> AitwAction:
    """A scroll as the finger swipe that performs it, across the target or the screen."""
    centre = point_of(action, screen) or Point(screen.width // 2, screen.height // 2)
    y, x = _yx(centre, screen)
    dy, dx = {"down": (-1, 0), "up": (1, 0), "right": (0, -1), "left": (0, 1)}[action.direction]
    lift = (min(1.0, max(0.0, y + dy * SCROLL_REACH)), min(1.0, max(0.0, x + dx * SCROLL_REACH)))
    touch = (min(1.0, max(0.0, y - dy * SCROLL_REACH)), min(1.0, max(0.0, x - dx * SCROLL_REACH)))
    return AitwAction(AitwType.DUAL_POINT, touch, lift)


def to_aitw(action: Action | None, screen: Screen) -> AitwAction:
    """Our action in AitW's action space (a scroll is the finger's swipe: our `Scroll(DOWN)`
    is a finger moving up)."""
    match action:
        case Tap() | LongPress() | DoubleTap():
            point = point_of(action, screen)
            if point is None:
                return AitwAction(INVALID)
            return AitwAction(AitwType.DUAL_POINT, _yx(point, screen), _yx(point, screen))
        case Swipe(start=start, end=end):
            return AitwAction(AitwType.DUAL_POINT, _yx(start, screen), _yx(end, screen))
        case Scroll():
            return _scroll(action, screen)
        case TypeText(text=text):
            return AitwAction(AitwType.TYPE, text=text)
        case PressKey(key=key) if key in _KEYS:
            return AitwAction(_KEYS[key])
        case Finish(status=FinishStatus.SUCCESS):
            return AitwAction(AitwType.STATUS_TASK_COMPLETE)
        case Finish():
            return AitwAction(AitwType.STATUS_TASK_IMPOSSIBLE)
    return AitwAction(INVALID)


def to_action(truth: AitwAction, width: int, height: int) -> Action | None:
    """The ground truth in our vocabulary (the oracle's move), in pixels of a width x height
    screenshot."""
    def px(yx: YX) -> Point:
        return Point(min(width - 1, round(yx[1] * width)), min(height - 1, round(yx[0] * height)))

    kind = truth.type
    if kind == AitwType.DUAL_POINT:
        if is_tap(truth.touch, truth.lift, official=False):
            return Tap(px(truth.touch))
        return Swipe(px(truth.touch), px(truth.lift))
    keys = {v: k for k, v in _KEYS.items()}
    if kind in keys:
        return PressKey(keys[AitwType(kind)])
    if kind == AitwType.TYPE:
        return TypeText(truth.text)
    if kind == AitwType.STATUS_TASK_COMPLETE:
        return Finish(FinishStatus.SUCCESS)
    if kind == AitwType.STATUS_TASK_IMPOSSIBLE:
        return Finish(FinishStatus.INFEASIBLE)
    return None


# matching ------------------------------------------------------------------------------------


def _array(values: object, official: bool) -> np.ndarray:
    return np.asarray(values, dtype=np.float32 if official else np.float64)


def _distance(a: YX, b: YX, official: bool) -> np.floating:
    return np.linalg.norm(_array(a, official) - _array(b, official))


def is_tap(touch: YX, lift: YX, official: bool = True) -> bool:
    dtype = np.float32 if official else np.float64
    return bool(_distance(touch, lift, official) <= dtype(SWIPE_DISTANCE))


def grown_boxes(boxes: np.ndarray) -> np.ndarray:
    """The official enlargement of (y, x, h, w) boxes: height and width grow by 1.4x
    themselves (to 2.4x), top and left move up and left by half that, clipped at 0; height and
    width are capped at 1."""
    dh, dw = BOX_GROWTH * boxes[:, 2], BOX_GROWTH * boxes[:, 3]
    return np.stack([np.maximum(0, boxes[:, 0] - dh / 2), np.maximum(0, boxes[:, 1] - dw / 2),
                     np.minimum(1, boxes[:, 2] + dh), np.minimum(1, boxes[:, 3] + dw)], axis=1)


def _inside(yx: np.ndarray, boxes: np.ndarray) -> np.ndarray:
    top, left, height, width = boxes[:, 0], boxes[:, 1], boxes[:, 2], boxes[:, 3]
    y, x = yx
    return (y >= top) & (y <= top + height) & (x >= left) & (x <= left + width)


def taps_match(a: YX, b: YX, boxes: tuple[tuple[float, float, float, float], ...],
               official: bool = True) -> bool:
    """Two taps: close enough, or both inside one (official: enlarged) annotated box."""
    dtype = np.float32 if official else np.float64
    if _distance(a, b, official) <= dtype(TAP_DISTANCE):
        return True
    if not boxes:
        return False
    table = _array(boxes, official).reshape(-1, 4)
    if official:
        table = grown_boxes(table)
    both = _inside(_array(a, official), table) & _inside(_array(b, official), table)
    return bool(both.any())


def _main_axis(touch: YX, lift: YX, official: bool) -> int:
    return int(np.argmax(np.abs(_array(lift, official) - _array(touch, official))))


def actions_match(pred: AitwAction, truth: AitwAction,
                  boxes: tuple[tuple[float, float, float, float], ...],
                  official: bool = True) -> bool:
    """`check_actions_match`, with the official or the documented tap rule."""
    if AitwType.DUAL_POINT not in (pred.type, truth.type) or pred.type != truth.type:
        return pred.type == truth.type
    pred_tap = is_tap(pred.touch, pred.lift, official)
    if pred_tap != is_tap(truth.touch, truth.lift, official):
        return False
    if pred_tap:
        return taps_match(pred.touch, truth.touch, boxes, official)
    return _main_axis(pred.touch, pred.lift, official) == _main_axis(
        truth.touch, truth.lift, official)


def kind_of(action: AitwAction) -> str:
    """A type name for per-type figures: dual-point actions split into tap and swipe."""
    if action.type == AitwType.DUAL_POINT:
        return "tap" if is_tap(action.touch, action.lift) else "swipe"
    names = {AitwType.TYPE: "type", AitwType.PRESS_BACK: "back", AitwType.PRESS_HOME: "home",
             AitwType.PRESS_ENTER: "enter", AitwType.STATUS_TASK_COMPLETE: "complete",
             AitwType.STATUS_TASK_IMPOSSIBLE: "impossible"}
    return names.get(action.type, "invalid")  # type: ignore[call-overload]


def score(step: OfflineStep, action: Action | None, screen: Screen) -> StepScore:
    truth: AitwAction = step.truth
    pred = to_aitw(action, screen)
    boxes = step.extra.get("annotations", ())
    return StepScore(kind_of(truth), kind_of(pred), kind_of(pred) == kind_of(truth),
                     {v: actions_match(pred, truth, boxes, official=v == OFFICIAL)
                      for v in VARIANTS})
