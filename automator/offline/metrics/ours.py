"""Our own recordings: the recorded step's executed action is the truth.

Our rules (there is no outside script to follow): the action kind must be the same; a tap,
long press or double tap is right inside the smallest actionable element of the recorded
screen that holds the recorded point (any element when no actionable one does), or within
0.04 of it (normalised by the screen's width and height) where no element holds it; a scroll
needs the same direction, a swipe the same finger direction; typed text, keys, app names and
a finish's status must be the same (text case-folded, stripped).
"""

from __future__ import annotations

import math

from automator.offline.episode import OfflineStep
from automator.offline.metrics.common import OFFICIAL, StepScore, point_of, swipe_direction
from devices.actions import (
    Action,
    DoubleTap,
    Finish,
    LongPress,
    OpenApp,
    Point,
    PressKey,
    Scroll,
    Swipe,
    Tap,
    TypeText,
)
from perception.elements import Bounds, Screen

VARIANTS = (OFFICIAL,)
NEAR = 0.04  # of the screen, where no element holds the recorded point


def _plain(text: str) -> str:
    return " ".join(text.casefold().split())


def element_around(point: Point, screen: Screen) -> Bounds | None:
    """The smallest actionable element holding the point, else the smallest element."""
    holding = [e for e in screen.elements if e.bounds.contains(point) and e.bounds.area]
    actionable = [e for e in holding if e.actionable] or holding
    return min((e.bounds for e in actionable), key=lambda b: b.area, default=None)


def _points_match(pred: Point | None, truth: Point | None, screen: Screen) -> bool:
    if pred is None or truth is None:
        return False
    around = element_around(truth, screen)
    if around is not None:
        return around.contains(pred)
    return math.hypot((pred.x - truth.x) / screen.width,
                      (pred.y - truth.y) / screen.height) <= NEAR


def actions_match(pred: Action | None, truth: Action, screen: Screen) -> bool:
    if pred is None or pred.kind != truth.kind:
        return False
    match truth:
        case Tap() | LongPress() | DoubleTap():
            return _points_match(point_of(pred, screen), point_of(truth, screen), screen)
        case Scroll(direction=d):
            return pred.direction == d  # type: ignore[union-attr]
        case Swipe():
            return swipe_direction(pred) == swipe_direction(truth)  # type: ignore[arg-type]
        case TypeText(text=text):
            return _plain(pred.text) == _plain(text)  # type: ignore[union-attr]
        case PressKey(key=key):
            return pred.key == key  # type: ignore[union-attr]
        case OpenApp(app=app):
            return _plain(pred.app) == _plain(app)  # type: ignore[union-attr]
        case Finish(status=status):
            return pred.status == status  # type: ignore[union-attr]
    return True


def score(step: OfflineStep, action: Action | None, screen: Screen) -> StepScore:
    truth: Action = step.truth
    kind = str(action.kind) if action is not None else "none"
    return StepScore(str(truth.kind), kind, kind == str(truth.kind),
                     {OFFICIAL: actions_match(action, truth, screen)})
