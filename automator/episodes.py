"""Folders of recorded episodes, read for people and for other tools (the viewer, exports).

A folder given to `view` or `export` is either one episode (it holds `episode.json`) or any
folder above episodes, such as an eval's output (`<task id>/seed-<n>/` beside
`summary.json`). Each episode gets an id: its path below that folder, with `/` kept (the
folder's own name when it is the episode).

Besides the `Step` records, the tools want what a step acted on: the screenshot's size and
the element under the executed point, read back from the recorded tree with the same
perception parsers the run used.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from PIL import Image, UnidentifiedImageError

from automator.errors import RecordingError
from automator.recording import HEADER, load_trajectory, read_header, tree_format
from automator.trajectory import Outcome, Step, Trajectory
from devices.actions import ElementRef, Point, target_of
from devices.observation import TreeFormat
from perception.elements import Screen, UIElement
from perception.errors import PerceptionError

log = logging.getLogger(__name__)

SUMMARY = "summary.json"  # an eval's summary (automator.evaluate)


@dataclass(frozen=True)
class Episode:
    """One recorded episode, loaded, with where it came from."""

    id: str  # the folder's path below the folder given (its name, given itself)
    folder: Path
    trajectory: Trajectory
    config: dict[str, Any]  # the run's config, from the header
    check: bool | None = None  # an eval's task check passed (None: not an eval run)
    task: str = ""  # an eval's task id; else ""
    group: str = ""  # an eval's app group; else the first step's app

    @property
    def success(self) -> bool:
        """The task check where there was one, else the agent's own word."""
        if self.check is not None:
            return self.check
        return self.trajectory.outcome == Outcome.SUCCESS

    def path(self, name: str) -> Path | None:
        """A file of the episode by its recorded name; None when not recorded or missing."""
        if not name:
            return None
        path = self.folder / name
        return path if path.is_file() else None


def find_episodes(root: str | Path) -> list[Path]:
    """Episode folders at or below `root`, in path order; ValueError when there are none."""
    root = Path(root)
    if not root.is_dir():
        raise ValueError(f"{root} is not a folder")
    if (root / HEADER).is_file():
        return [root]
    found = sorted(p.parent for p in root.rglob(HEADER))
    if not found:
        raise ValueError(f"no episode folders (with {HEADER}) in {root}")
    return found


def load_episodes(root: str | Path) -> list[Episode]:
    """Every episode at or below `root`, with an eval's task checks where `root` has them.
    An unreadable episode is logged and left out, so one broken folder spoils nothing."""
    root = Path(root)
    checks = _eval_tasks(root)
    episodes = []
    for folder in find_episodes(root):
        try:
            episodes.append(_episode(root, folder, checks))
        except (ValueError, OSError, RecordingError) as e:
            log.warning("skipped %s: %s", folder, e)
    return episodes


def _episode(root: Path, folder: Path, checks: dict[str, dict[str, Any]]) -> Episode:
    trajectory = load_trajectory(folder)
    rel = folder.name if folder == root else folder.relative_to(root).as_posix()
    report = checks.get(rel, {})
    first_app = next((s.app for s in trajectory.steps if s.app), "")
    return Episode(rel, folder, trajectory, read_header(folder).get("config", {}),
                   report.get("success"), report.get("id", ""), report.get("app") or first_app)


def _eval_tasks(root: Path) -> dict[str, dict[str, Any]]:
    """An eval's task reports by episode folder (`<id>/seed-<n>`); {} without a summary."""
    try:
        summary = json.loads((root / SUMMARY).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, json.JSONDecodeError) as e:
        log.warning("unreadable %s, task checks not shown: %s", root / SUMMARY, e)
        return {}
    tasks = summary.get("tasks", []) if isinstance(summary, dict) else []
    return {f"{t['id']}/seed-{t.get('seed', 0)}": t for t in tasks
            if isinstance(t, dict) and "id" in t}


def image_size(path: Path | None) -> tuple[int, int] | None:
    """(width, height) of a screenshot from its header, without decoding it."""
    if path is None:
        return None
    try:
        with Image.open(path) as image:
            return image.size
    except (OSError, UnidentifiedImageError) as e:
        log.warning("unreadable screenshot %s: %s", path, e)
        return None


class StepScreen:
    """A step's recorded screen, parsed on first use (parsing costs a few ms per tree)."""

    def __init__(self, episode: Episode, step: Step) -> None:
        self.episode, self.step = episode, step

    @cached_property
    def size(self) -> tuple[int, int] | None:
        size = image_size(self.episode.path(self.step.screenshot))
        if size is None and self.screen is not None and self.screen.width:
            size = (self.screen.width, self.screen.height)
        return size

    @cached_property
    def tree_text(self) -> str:
        path = self.episode.path(self.step.tree)
        return path.read_text(encoding="utf-8", errors="replace") if path else ""

    @cached_property
    def screen(self) -> Screen | None:
        return parse_tree(self.tree_text, self.step.tree, self.step.app)

    @cached_property
    def element(self) -> UIElement | None:
        return acted_element(self.step, self.screen) if self.screen else None


def parse_tree(text: str, name: str, app: str = "") -> Screen | None:
    """The perceived screen of a recorded tree (uiautomator .xml, AT-SPI or page .json)."""
    if not text.strip():
        return None
    from perception.atspi import parse_atspi
    from perception.uiautomator import parse_uiautomator
    from perception.web import parse_web

    try:
        parse = {TreeFormat.UIAUTOMATOR: parse_uiautomator, TreeFormat.WEB: parse_web,
                 TreeFormat.ATSPI: parse_atspi}[tree_format(name, text)]
        return parse(text, app=app)
    except (PerceptionError, ValueError, KeyError, TypeError) as e:
        log.warning("unreadable tree %s: %s", name, e)
        return None


def acted_element(step: Step, screen: Screen) -> UIElement | None:
    """The element the step's action went to: the planner's element when it holds the
    executed point, else the smallest element there that bears the step's target label,
    else the smallest actionable one there."""
    point = target_of(step.executed) if step.executed else None
    if not isinstance(point, Point):
        return None
    chosen = target_of(step.decision.action) if step.decision else None
    if isinstance(chosen, ElementRef):
        try:
            element = screen.element(chosen.id)
        except KeyError:
            element = None
        if element is not None and element.bounds.contains(point):
            return element
    under = sorted((e for e in screen.elements if e.bounds.contains(point)),
                   key=lambda e: e.bounds.area)
    labelled = [e for e in under if step.target and e.label == step.target]
    actionable = [e for e in under if e.actionable]
    return next(iter(labelled or actionable), None)
