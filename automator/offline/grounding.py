"""GUI grounding in the ScreenSpot format: one screenshot, one instruction, one target box.

Data (njucckevin/SeeClick `pretrain/screenspot_test.py`, `readme_data.md`): files
`screenspot_{mobile,desktop,web}.json`, each a list of items with `img_filename`,
`instruction`, `bbox`, `data_type` (text or icon) and `data_source`; images in a folder beside
them (`screenspot_imgs/`, or the JSON's own folder). The platform is the file name's last
word. Box conventions: the original ScreenSpot's `bbox` is [x, y, w, h] in pixels; an item
that carries `ui_type` instead of `data_type` (ScreenSpot-Pro's files) is read as
[x1, y1, x2, y2] in pixels, with its `platform` field. (SeeClick's training data, [l, t, r, b]
in 0-1, is not this format.)

Scoring, as the SeeClick script does: a hit is a predicted point inside the target box,
edges inclusive. A planner that names an element (the embedded planner chooses among the
elements perceived on the screenshot) is scored by the element's centre, the point a tap on
it lands on; the IoU of its box with the target box is kept too, and `element_iou50` counts
element choices with IoU >= 0.5 (a point answer never counts there).
"""

from __future__ import annotations

import json
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from automator.errors import ConfigError
from automator.offline.episode import FormatError
from automator.offline.formats.images import file_loader
from automator.offline.metrics.common import point_of
from devices.actions import ElementRef, Point, Tap
from devices.observation import Observation, TreeFormat
from perception.elements import Bounds, Screen
from perception.perceive import perceive
from planners.errors import PlannerError
from planners.planner import Decision, Planner
from planners.scripted import ScriptedPlanner

SCHEMA = 1
PLATFORMS = ("mobile", "desktop", "web")
IMAGE_FOLDERS = ("screenspot_imgs", "images", ".")
XYXY = tuple[float, float, float, float]


@dataclass(frozen=True)
class GroundingItem:
    image: Path
    instruction: str
    box: XYXY  # target, x1 y1 x2 y2 in pixels of the image
    kind: str  # text | icon
    platform: str  # mobile | desktop | web | what the file says
    source: str = ""


@dataclass(frozen=True)
class GroundingResult:
    instruction: str
    platform: str
    kind: str
    action: str
    hit: bool  # the point (an element's centre) inside the target box
    iou: float | None  # element answers: IoU of the element's box with the target
    decide_ms: float
    error: str = ""


def _box(raw: dict[str, Any]) -> XYXY:
    x, y, a, b = (float(v) for v in raw["bbox"])
    return (x, y, a, b) if "ui_type" in raw else (x, y, x + a, y + b)


def _image(folder: Path, name: str) -> Path:
    for sub in IMAGE_FOLDERS:
        if (folder / sub / name).exists():
            return folder / sub / name
    raise FormatError(f"no image {name} in {', '.join(IMAGE_FOLDERS)} under {folder}")


def load_file(path: Path) -> list[GroundingItem]:
    try:
        raw_items = json.loads(path.read_text(encoding="utf-8"))
        platform = path.stem.rpartition("_")[2]
        return [GroundingItem(_image(path.parent, str(r["img_filename"])), str(r["instruction"]),
                              _box(r), str(r.get("data_type", r.get("ui_type", ""))),
                              str(r.get("platform", platform)), str(r.get("data_source", "")))
                for r in raw_items]
    except FormatError:
        raise
    except (OSError, ValueError, KeyError, TypeError) as e:
        raise FormatError(f"{path}: not a ScreenSpot file: {e!r}") from e


def load_items(path: Path) -> list[GroundingItem]:
    """A ScreenSpot JSON file, or every `*.json` in a folder (sorted)."""
    files = [path] if path.is_file() else sorted(path.glob("*.json"))
    if not files:
        raise FormatError(f"no ScreenSpot JSON file in {path}")
    return [item for f in files for item in load_file(f)]


def item_screen(item: GroundingItem) -> Screen:
    """The screenshot with the elements perception proposes from its pixels (no tree)."""
    image = file_loader(item.image)()
    width, height = image.size
    return perceive(Observation(image, "", TreeFormat.NONE, width, height))


def _inside(point: Point, box: XYXY) -> bool:
    return box[0] <= point.x <= box[2] and box[1] <= point.y <= box[3]


def iou(a: Bounds, box: XYXY) -> float:
    inter = max(0.0, min(a.right, box[2]) - max(a.left, box[0])) * max(
        0.0, min(a.bottom, box[3]) - max(a.top, box[1]))
    union = a.area + (box[2] - box[0]) * (box[3] - box[1]) - inter
    return inter / union if union > 0 else 0.0


def score_item(item: GroundingItem, planner: Planner) -> GroundingResult:
    screen = item_screen(item)
    start = time.perf_counter()
    try:
        action = planner.decide(item.instruction, screen, []).action
    except PlannerError as e:
        ms = (time.perf_counter() - start) * 1000
        return GroundingResult(item.instruction, item.platform, item.kind, "(none)", False, None,
                               round(ms, 1), f"{type(e).__name__}: {e}")
    ms = (time.perf_counter() - start) * 1000
    point = point_of(action, screen)
    target = getattr(action, "target", None)
    overlap = None
    if isinstance(target, ElementRef) and point is not None:
        overlap = round(iou(screen.element(target.id).bounds, item.box), 4)
    return GroundingResult(item.instruction, item.platform, item.kind, str(action.kind),
                           point is not None and _inside(point, item.box), overlap, round(ms, 1))


def _figures(rows: Sequence[GroundingResult]) -> dict[str, Any]:
    n = len(rows)
    return {"items": n, "accuracy": round(sum(r.hit for r in rows) / n, 4) if n else 0.0,
            "element_iou50": round(sum((r.iou or 0) >= 0.5 for r in rows) / n, 4) if n else 0.0}


def summarise(results: Sequence[GroundingResult]) -> dict[str, Any]:
    groups: dict[str, list[GroundingResult]] = defaultdict(list)
    for r in results:
        for key in ("all", r.platform, r.kind, f"{r.platform}/{r.kind}"):
            groups[key].append(r)
    return {"schema": SCHEMA, "groups": {k: _figures(v) for k, v in groups.items()}}


def evaluate_grounding(items: Sequence[GroundingItem], planner: Planner | Callable[
        [GroundingItem], Planner], out: Path | None = None,
        on_item: Callable[[GroundingResult], None] | None = None) -> dict[str, Any]:
    """Score every item; write `out/items.jsonl` line by line and `out/summary.json`."""
    results = []
    lines = None
    if out is not None:
        out.mkdir(parents=True, exist_ok=True)
        lines = open(out / "items.jsonl", "w", encoding="utf-8")  # noqa: SIM115
    try:
        for item in items:
            chosen = planner if isinstance(planner, Planner) else planner(item)
            result = score_item(item, chosen)
            results.append(result)
            if lines is not None:
                lines.write(json.dumps(asdict(result), ensure_ascii=False) + "\n")
                lines.flush()
            if on_item is not None:
                on_item(result)
    finally:
        if lines is not None:
            lines.close()
    summary = summarise(results)
    if out is not None:
        (out / "summary.json").write_text(json.dumps(summary, indent=1), encoding="utf-8")
    return summary


def oracle(item: GroundingItem) -> Planner:
    """Taps the target box's centre: the check that the scoring can be passed."""
    x1, y1, x2, y2 = item.box
    return ScriptedPlanner([Decision(Tap(Point(int((x1 + x2) / 2), int((y1 + y2) / 2))))])


def grounding_planner(spec: str, grammar: str | None = None) -> Planner | Callable[
        [GroundingItem], Planner]:
    """`oracle`, `default` (the embedded planner, empty memory) or a model planner."""
    from automator.offline.oracle import ORACLE, planner_factory

    if spec == ORACLE:
        return oracle
    if spec.partition(":")[0] == "scripted":
        raise ConfigError("eval grounding takes oracle, default or a model planner")
    factory = planner_factory(spec, grammar)
    return lambda item: factory(None)  # type: ignore[arg-type]
