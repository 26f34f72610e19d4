"""Android in the Zoo (AITZ): the `ActionEvaluator` of IMNearth/CoAT `coat/evaluate.py`, with
the box helpers of `coat/screen_utils.py` (`enlarge_bbox`, `check_inside`, `intersect_iou`).

Rules, as that script applies them (`official`):

- types: click, scroll, type, press, stop; the ground truth's type is the first word of its
  `coat_action_desc` ("input" reads as type); a type match is the same type;
- click: right when the ground-truth point lies in the predicted box grown 1.2x about its
  centre, or lies in annotated boxes (each grown 1.2x) of which one overlaps the grown
  predicted box with IoU > 0.5 (areas floored at 1 px); edges inclusive;
- scroll: the same direction word (AITZ words name the finger's way: "scroll up" is a finger
  moving up, which reveals what is below);
- type: prediction in truth, truth in prediction, or `Levenshtein.ratio` > 0.8;
- press: the same button (the first of enter, back, home named in the description);
- stop: right whatever the status.

Where the script departs from what it means to measure, `documented` fixes it:

- the script fills the ground-truth point from `result_touch_yx` only for scrolls, so every
  click is scored against the point (0, 0): `documented` uses the real touch point;
- its text check is case-sensitive and an empty prediction is "in" any text:
  `documented` compares case-folded text and an empty prediction matches only empty text;
- its stop ignores complete vs impossible: `documented` requires the same status.
"""

from __future__ import annotations

from dataclasses import dataclass

from automator.offline.episode import OfflineStep
from automator.offline.metrics.common import (
    DOCUMENTED,
    OFFICIAL,
    StepScore,
    finger_direction,
    indel_ratio,
    swipe_direction,
)
from devices.actions import (
    Action,
    DoubleTap,
    ElementRef,
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
TYPES = ("click", "scroll", "type", "press", "stop")
GROWTH = 1.2  # boxes grow to 1.2x their width and height, about their centre
IOU_NEEDED = 0.5  # strictly more than this
TEXT_RATIO = 0.8  # strictly more than this
BUTTONS = ("enter", "back", "home")  # searched in this order in the description

XYXY = tuple[float, float, float, float]  # left, top, right, bottom in image pixels


@dataclass(frozen=True)
class AitzAction:
    type: str | None  # one of TYPES; None: nothing AITZ can express
    box: XYXY | None = None  # click: the predicted box
    direction: str = ""  # scroll: up / down / left / right (the finger's way)
    text: str = ""  # type
    button: str = ""  # press
    status: str = ""  # stop: "complete" or "impossible"


@dataclass(frozen=True)
class AitzTruth:
    action: AitzAction  # as `_parse_answer_` reads it (no box)
    touch: tuple[int, int]  # the touch point (x, y) in image pixels; (-1, -1) for none
    nodes: tuple[XYXY, ...]  # the annotated boxes (ui_positions) as left, top, right, bottom


def action_type(word: str) -> str | None:
    """The script's `action_map`: "input" is type, else the first type the word contains."""
    word = word.lower()
    if word == "input":
        return "type"
    return next((t for t in TYPES if t in word), None)


def parse_truth(description: str, text: str, touch: tuple[int, int], nodes: tuple[XYXY, ...],
                aitw_type: int) -> AitzTruth:
    """The ground truth from `coat_action_desc`, `result_action_text`, the touch point in
    pixels and `result_action_type` (10 complete, 11 impossible)."""
    words = description.split(" ")
    kind = action_type(words[0])
    direction = words[1].strip() if kind == "scroll" and len(words) > 1 else ""
    button = next((b for b in BUTTONS if b in description), "") if kind == "press" else ""
    status = {10: "complete", 11: "impossible"}.get(aitw_type, "") if kind == "stop" else ""
    return AitzTruth(AitzAction(kind, None, direction, text, button, status), touch, nodes)


# matching ------------------------------------------------------------------------------------


def grow(box: XYXY, factor: float = GROWTH) -> XYXY:
    cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
    w, h = (box[2] - box[0]) * factor, (box[3] - box[1]) * factor
    return (cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2)


def _inside(x: float, y: float, box: XYXY) -> bool:
    return box[0] <= x <= box[2] and box[1] <= y <= box[3]


def iou(a: XYXY, b: XYXY) -> float:
    """`intersect_iou`: each area floored at 1."""
    across = max(0.0, min(a[2], b[2]) - max(a[0], b[0]))
    down = max(0.0, min(a[3], b[3]) - max(a[1], b[1]))
    inter = across * down
    area_a = max((a[2] - a[0]) * (a[3] - a[1]), 1)
    area_b = max((b[2] - b[0]) * (b[3] - b[1]), 1)
    return inter / (area_a + area_b - inter)


def click_matches(box: XYXY | None, point: tuple[float, float], nodes: tuple[XYXY, ...]) -> bool:
    """`_check_click_`: the point in the grown predicted box, or in grown annotated boxes one
    of which overlaps the grown predicted box by IoU > 0.5."""
    if box is None:
        return False
    grown = grow(box)
    if _inside(*point, grown):
        return True
    around = [g for g in (grow(n) for n in nodes) if _inside(*point, g)]
    return any(iou(grown, g) > IOU_NEEDED for g in around)


def text_matches(pred: str, truth: str, official: bool = True) -> bool:
    if not official:
        pred, truth = pred.casefold(), truth.casefold()
        if not pred:
            return not truth
    return pred in truth or truth in pred or indel_ratio(pred, truth) > TEXT_RATIO


def exact_match(pred: AitzAction, truth: AitzTruth, official: bool = True) -> bool:
    gt = truth.action
    if pred.type is None or pred.type != gt.type:
        return False
    match gt.type:
        case "click":
            point = (0, 0) if official else truth.touch
            return click_matches(pred.box, point, truth.nodes)
        case "scroll":
            return pred.direction == gt.direction
        case "type":
            return text_matches(pred.text, gt.text, official)
        case "press":
            return pred.button == gt.button
        case "stop":
            return official or pred.status == gt.status
    return False


# our actions -> AITZ -------------------------------------------------------------------------


def _box_of(target: object, screen: Screen, nodes: tuple[XYXY, ...]) -> XYXY | None:
    """An element: its box. A point: the smallest annotated box holding it, else the point
    itself as a box of no size (a model that names a point names no box)."""
    if isinstance(target, ElementRef):
        try:
            b = screen.element(target.id).bounds
        except KeyError:
            return None
        return (b.left, b.top, b.right, b.bottom)
    if not isinstance(target, Point):
        return None
    holding = [n for n in nodes if _inside(target.x, target.y, n)]
    if holding:
        return min(holding, key=lambda n: (n[2] - n[0]) * (n[3] - n[1]))
    return (target.x, target.y, target.x, target.y)


def to_aitz(action: Action | None, screen: Screen, nodes: tuple[XYXY, ...]) -> AitzAction:
    match action:
        case Tap() | LongPress() | DoubleTap():
            return AitzAction("click", box=_box_of(action.target, screen, nodes))
        case Scroll(direction=d):
            return AitzAction("scroll", direction=str(finger_direction(d)))
        case Swipe():
            return AitzAction("scroll", direction=str(swipe_direction(action)))
        case TypeText(text=text):
            return AitzAction("type", text=text)
        case PressKey(key=key):
            return AitzAction("press", button=str(key))
        case Finish(status=status):
            return AitzAction("stop", status="complete" if status is FinishStatus.SUCCESS
                              else "impossible")
    return AitzAction(None)


def to_action(truth: AitzTruth, touch_lift: tuple[Point, Point] | None) -> Action | None:
    """The ground truth in our vocabulary (the oracle's move); `touch_lift` in pixels."""
    gt = truth.action
    match gt.type:
        case "click" if touch_lift is not None:
            return Tap(touch_lift[0])
        case "scroll" if touch_lift is not None:
            return Swipe(*touch_lift)
        case "type":
            return TypeText(gt.text)
        case "press" if gt.button:
            return PressKey(Key(gt.button))
        case "stop":
            return Finish(FinishStatus.INFEASIBLE if gt.status == "impossible"
                          else FinishStatus.SUCCESS)
    return None


def score(step: OfflineStep, action: Action | None, screen: Screen) -> StepScore:
    truth: AitzTruth = step.truth
    pred = to_aitz(action, screen, truth.nodes)
    shown = pred.type or "none"
    return StepScore(truth.action.type or "unknown", shown,
                     pred.type is not None and pred.type == truth.action.type,
                     {v: exact_match(pred, truth, official=v == OFFICIAL) for v in VARIANTS})
