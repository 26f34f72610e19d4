"""AndroidControl: step matching as the papers that report AndroidControl numbers state it.

The dataset's README (google-research `android_control/README.md`) defines the actions but
no metric, and no official script is published. The rules here are those that OS-Atlas and
UI-TARS state they used (and later work follows): the action type must be the same, a click
or long press is right within 0.14 of the truth (Euclidean distance in coordinates divided by
the screenshot's width and height), a scroll needs the same direction, typed text and app
names must be the same (we compare them case-folded, stripped). `type` (click, type, enter)
and `input_text` (type only) are one type here: both put text in a field.

Directions: AndroidControl's `scroll` direction names where the content moves into view, as
android_env / android_world actions do (`scroll down` is a finger moving up), the same
convention as our `Scroll`: the README does not say, but the released steps pair the step
instruction "Swipe up for more details" with `{"action_type": "scroll", "direction": "down"}`
(seen in a public re-packaging of the data). Their x and y are integer pixels of the
screenshot (e.g. x 948, y 604 on 1080 x 2400 screens).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from automator.offline.episode import OfflineStep
from automator.offline.metrics.common import OFFICIAL, StepScore, point_of, swipe_direction
from automator.offline.metrics.common import finger_direction as opposite
from devices.actions import (
    Action,
    Direction,
    DoubleTap,
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
)
from perception.elements import Screen

VARIANTS = (OFFICIAL,)
CLICK_DISTANCE = 0.14  # of the screen, in normalised (x, y)
TYPE_WORDS = ("type", "input_text")  # one action type for matching


@dataclass(frozen=True)
class ControlAction:
    action_type: str  # click, long_press, scroll, open_app, type, input_text, navigate_home,
    #                   navigate_back, wait; "" when nothing fits
    x: float | None = None  # px of the screenshot
    y: float | None = None
    direction: str = ""
    text: str = ""
    app_name: str = ""

    @property
    def kind(self) -> str:
        return "type" if self.action_type in TYPE_WORDS else self.action_type


def parse(data: dict) -> ControlAction:
    """One action of the `actions` list (a JSON object)."""
    kind = str(data["action_type"])
    x, y = data.get("x"), data.get("y")
    return ControlAction(kind, None if x is None else float(x), None if y is None else float(y),
                         str(data.get("direction", "")), str(data.get("text", "")),
                         str(data.get("app_name", "")))


def _same(a: str, b: str) -> bool:
    return " ".join(a.casefold().split()) == " ".join(b.casefold().split())


def actions_match(pred: ControlAction, truth: ControlAction, width: int, height: int) -> bool:
    if not pred.kind or pred.kind != truth.kind:
        return False
    if truth.kind in ("click", "long_press"):
        if None in (pred.x, pred.y, truth.x, truth.y):
            return False
        dx = (pred.x - truth.x) / width  # type: ignore[operator]
        dy = (pred.y - truth.y) / height  # type: ignore[operator]
        return math.hypot(dx, dy) <= CLICK_DISTANCE
    if truth.kind == "scroll":
        return pred.direction == truth.direction
    if truth.kind == "type":
        return _same(pred.text, truth.text)
    if truth.kind == "open_app":
        return _same(pred.app_name, truth.app_name)
    return True


def to_control(action: Action | None, screen: Screen) -> ControlAction:
    match action:
        case Tap() | DoubleTap() | LongPress():
            point = point_of(action, screen)
            word = "long_press" if isinstance(action, LongPress) else "click"
            return ControlAction(word, point.x, point.y) if point else ControlAction("")
        case Scroll(direction=d):
            return ControlAction("scroll", direction=str(d))
        case Swipe():
            return ControlAction("scroll", direction=str(opposite(swipe_direction(action))))
        case TypeText(text=text):
            point = point_of(action, screen)
            if point is None:
                return ControlAction("input_text", text=text)
            return ControlAction("type", point.x, point.y, text=text)
        case PressKey(key=Key.HOME):
            return ControlAction("navigate_home")
        case PressKey(key=Key.BACK):
            return ControlAction("navigate_back")
        case OpenApp(app=app):
            return ControlAction("open_app", app_name=app)
        case Wait():
            return ControlAction("wait")
    return ControlAction("")


def to_action(truth: ControlAction, width: int, height: int) -> Action | None:
    """The ground truth in our vocabulary (the oracle's move)."""
    def px() -> Point:
        return Point(min(width - 1, round(truth.x or 0)), min(height - 1, round(truth.y or 0)))

    match truth.action_type:
        case "click":
            return Tap(px())
        case "long_press":
            return LongPress(px())
        case "scroll" if truth.direction in Direction.__members__.values():
            return Scroll(Direction(truth.direction))
        case "type":
            return TypeText(truth.text, target=px() if truth.x is not None else None,
                            submit=True)
        case "input_text":
            return TypeText(truth.text)
        case "open_app":
            return OpenApp(truth.app_name)
        case "navigate_home":
            return PressKey(Key.HOME)
        case "navigate_back":
            return PressKey(Key.BACK)
        case "wait":
            return Wait()
    return None


def score(step: OfflineStep, action: Action | None, screen: Screen) -> StepScore:
    truth: ControlAction = step.truth
    pred = to_control(action, screen)
    right = actions_match(pred, truth, step.width, step.height)
    return StepScore(truth.kind, pred.kind or "none", bool(pred.kind) and pred.kind == truth.kind,
                     {OFFICIAL: right})
