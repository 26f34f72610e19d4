"""Real screens: a planner's first decision on real `uiautomator dump`s, scored.

A folder holds `manifest.json` (each screen's file, source repository and licence) and
`requests.jsonl` (requests a person might make on a screen, each with the expected first
action). Each item builds the `Screen` from the dump, asks a fresh planner for one decision
with no history, and scores it:

- a tap or a typed text is right when its point falls on an expected element (the raw node a
  selector names, or the clickable node around it: tapping anywhere on a row opens it) and,
  for typing, the text typed holds the expected value;
- a scroll is right when it goes the expected way; an answer when it holds the expected text;
  an infeasible request when the planner refuses it (infeasible or failure);
- a false success is a finish with success that is not right: the planner claimed the task
  done, or answered wrongly, at step 0.

The embedded planner runs with an empty exploration memory, as on a phone it never explored.
"""

from __future__ import annotations

import json
import statistics
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from automator.errors import InvalidTarget, TaskError
from automator.resolve import resolve_target
from devices.actions import Action, Finish, FinishStatus, Point, Scroll, Tap, TypeText
from perception.elements import Screen
from perception.tree import clean_text, parse_bounds, parse_document
from perception.uiautomator import parse_uiautomator
from planners.planner import Planner

SCHEMA = 1  # of summary.json
Box = tuple[int, int, int, int]


@dataclass(frozen=True)
class Selector:
    """Raw nodes of a dump: by label (text or description), resource id, or bounds."""

    label: str | None = None
    id: str | None = None
    bounds: Box | None = None

    def matches(self, node: Any) -> bool:
        if self.label is not None and clean_text(self.label) not in (
                clean_text(node.get("text")), clean_text(node.get("content-desc"))):
            return False
        if self.id is not None and node.get("resource-id") != self.id:
            return False
        return self.bounds is None or parse_bounds(node.get("bounds")) == self.bounds


@dataclass(frozen=True)
class Expected:
    """The first action a person would take: exactly one of the fields is set."""

    tap: tuple[Selector, ...] = ()
    type: tuple[Selector, ...] = ()
    value: str = ""  # type: the text typed must hold this
    scroll: str = ""  # a direction
    answer: str = ""  # the answer must hold this
    infeasible: bool = False

    @property
    def kind(self) -> str:
        return next(k for k in ("tap", "type", "scroll", "answer", "infeasible")
                    if getattr(self, k))


@dataclass(frozen=True)
class Item:
    id: str
    screen: str
    file: Path
    request: str
    expected: Expected
    lang: str = "en"  # of the label the request is about


@dataclass(frozen=True)
class ItemResult:
    id: str
    screen: str
    request: str
    lang: str
    expected: str  # the kind
    action: str  # what the planner did
    thought: str
    right: bool
    false_success: bool
    decide_ms: float


@dataclass
class ScreensSummary:
    items: list[ItemResult] = field(default_factory=list)

    def _rate(self, rows: Sequence[ItemResult]) -> float:
        return sum(r.right for r in rows) / len(rows) if rows else 0.0

    def figures(self) -> dict[str, Any]:
        other = [r for r in self.items if r.lang != "en"]
        ms = [r.decide_ms for r in self.items]
        return {
            "items": len(self.items),
            "screens": len({r.screen for r in self.items}),
            "right": sum(r.right for r in self.items),
            "right_rate": round(self._rate(self.items), 4),
            "false_successes": sum(r.false_success for r in self.items),
            "non_english_items": len(other),
            "non_english_right": sum(r.right for r in other),
            "median_decide_ms": round(statistics.median(ms), 1) if ms else 0.0,
            "max_decide_ms": round(max(ms), 1) if ms else 0.0,
            "by_kind": {k: [sum(r.right for r in self.items if r.expected == k),
                            sum(r.expected == k for r in self.items)]
                        for k in sorted({r.expected for r in self.items})},
        }

    def to_json(self) -> dict[str, Any]:
        return {"schema": SCHEMA, **self.figures(), "results": [asdict(r) for r in self.items]}


# loading ---------------------------------------------------------------------------------------


def _selectors(raw: list[dict[str, Any]]) -> tuple[Selector, ...]:
    return tuple(Selector(s.get("label"), s.get("id"),
                          tuple(s["bounds"]) if "bounds" in s else None)  # type: ignore[arg-type]
                 for s in raw)


def _expected(raw: dict[str, Any]) -> Expected:
    return Expected(tap=_selectors(raw.get("tap", [])), type=_selectors(raw.get("type", [])),
                    value=raw.get("value", ""), scroll=raw.get("scroll", ""),
                    answer=raw.get("answer", ""), infeasible=bool(raw.get("infeasible")))


def load_items(folder: Path) -> list[Item]:
    """The folder's items, in file order; a missing screen or a bad line is a `TaskError`."""
    try:
        manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
        lines = (folder / "requests.jsonl").read_text(encoding="utf-8").splitlines()
    except (OSError, ValueError) as e:
        raise TaskError(f"cannot read the screens in {folder}: {e}") from e
    files = {s["id"]: folder / s["file"] for s in manifest["screens"]}
    items = []
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            raw = json.loads(line)
            item = Item(f"{raw['screen']}#{n}", raw["screen"], files[raw["screen"]],
                        raw["request"], _expected(raw["expect"]), raw.get("lang", "en"))
        except (ValueError, KeyError, StopIteration) as e:
            raise TaskError(f"requests.jsonl line {n}: {e!r}") from e
        items.append(item)
    return items


# scoring ---------------------------------------------------------------------------------------


def _beside(node: Any) -> list[Box]:
    """Switches and checkboxes on the same line as a label, under the same parent."""
    parent = node.getparent()
    if parent is None:
        return []
    top, bottom = parse_bounds(node.get("bounds"))[1::2]
    boxes = [parse_bounds(n.get("bounds")) for n in parent if n is not node
             and n.get("checkable") == "true"]
    return [b for b in boxes if b[1] < bottom and top < b[3]]


def regions(xml: str, selectors: Sequence[Selector]) -> list[Box]:
    """Where a right tap may land: each matching node, the clickable node around it, and a
    switch or checkbox beside it (tapping "I agree" or its box is the same)."""
    out: list[Box] = []
    for node in parse_document(xml).iter():
        if not any(s.matches(node) for s in selectors):
            continue
        out += [parse_bounds(node.get("bounds")), *_beside(node)]
        up = node.getparent()
        while up is not None and node.get("clickable") != "true":
            if up.get("clickable") == "true":
                out.append(parse_bounds(up.get("bounds")))
                break
            up = up.getparent()
    return [b for b in out if b[2] > b[0] and b[3] > b[1]]


def _inside(point: Point, boxes: Sequence[Box]) -> bool:
    return any(x1 <= point.x < x2 and y1 <= point.y < y2 for x1, y1, x2, y2 in boxes)


def _point(action: Action, screen: Screen) -> Point | None:
    target = getattr(action, "target", None)
    if target is None:
        return None
    try:
        return resolve_target(target, screen)
    except InvalidTarget:
        return None


def _plain(text: str) -> str:
    return " ".join(text.casefold().split())


def is_right(expected: Expected, action: Action, screen: Screen, xml: str) -> bool:
    """Whether `action` is the expected first action on this screen."""
    kind = expected.kind
    if isinstance(action, Finish):
        if kind == "answer":
            return action.status is FinishStatus.SUCCESS and _plain(expected.answer) in _plain(
                action.answer or "")
        return kind == "infeasible" and action.status is not FinishStatus.SUCCESS
    if isinstance(action, Scroll):
        return kind == "scroll" and action.direction.value == expected.scroll
    point = _point(action, screen)
    if kind == "tap" and isinstance(action, Tap) and point is not None:
        return _inside(point, regions(xml, expected.tap))
    if kind == "type" and isinstance(action, TypeText) and point is not None:
        typed = _plain(action.text)
        return _plain(expected.value) in typed and _inside(point, regions(xml, expected.type))
    return False


def describe(action: Action, screen: Screen) -> str:
    """The action as a person reads it ("tap 'Battery'", "finish success: ...")."""
    if isinstance(action, Finish):
        return f"finish {action.status.value}" + (f": {action.answer}" if action.answer else "")
    target = getattr(action, "target", None)
    label = ""
    if target is not None and hasattr(target, "id"):
        try:
            label = f" '{screen.element(target.id).label}'"
        except KeyError:
            label = f" #{target.id}"
    elif isinstance(target, Point):
        label = f" ({target.x}, {target.y})"
    text = f" {action.text!r}" if isinstance(action, TypeText) else ""
    direction = f" {action.direction.value}" if isinstance(action, Scroll) else ""
    return f"{action.kind.value}{direction}{text}{label}"


# running ---------------------------------------------------------------------------------------


def run_item(item: Item, planner: Planner) -> ItemResult:
    xml = item.file.read_text(encoding="utf-8")
    screen = parse_uiautomator(xml)
    start = time.perf_counter()
    decision = planner.decide(item.request, screen, [])
    ms = (time.perf_counter() - start) * 1000
    right = is_right(item.expected, decision.action, screen, xml)
    claimed = isinstance(decision.action, Finish) and (
        decision.action.status is FinishStatus.SUCCESS)
    return ItemResult(item.id, item.screen, item.request, item.lang, item.expected.kind,
                      describe(decision.action, screen), decision.thought, right,
                      claimed and not right, round(ms, 1))


def embedded_planner() -> Planner:
    """The embedded planner as on a phone it never explored: an empty memory."""
    from planners.embedded import AppMemory, EmbeddedPlanner

    return EmbeddedPlanner(AppMemory())


def evaluate_screens(folder: Path, make_planner: Callable[[], Planner] = embedded_planner,
                     on_item: Callable[[ItemResult], None] | None = None,
                     out: Path | None = None) -> ScreensSummary:
    """Score every item of `folder`, each with a fresh planner; write `out/summary.json`."""
    summary = ScreensSummary()
    items = load_items(folder)
    if items:  # load the sentence model before the clock runs
        make_planner().decide("warm up", parse_uiautomator(items[0].file.read_text("utf-8")), [])
    for item in items:
        result = run_item(item, make_planner())
        summary.items.append(result)
        if on_item is not None:
            on_item(result)
    if out is not None:
        out.mkdir(parents=True, exist_ok=True)
        (out / "summary.json").write_text(json.dumps(summary.to_json(), indent=1,
                                                     ensure_ascii=False), encoding="utf-8")
    return summary
