"""Our own recordings: episode folders written by `automator.recording` (`load_trajectory`),
or our lossless export (`automator export --format jsonl`: `episodes.jsonl` and the files
beside it, read by `import_jsonl`).

Each recorded step with an executed action becomes one offline step: its screenshot and tree
files, the goal of the episode, and the executed action (in pixels) as the truth. Steps that
executed nothing (a planner mistake, a refused action) are left out: they show no truth. A
folder holding episode folders (an `eval` run) is read episode by episode.
"""

from __future__ import annotations

from pathlib import Path

from automator.export.jsonl import LINES, import_jsonl
from automator.offline.episode import Episode, FormatError, OfflineStep
from automator.offline.formats.images import file_loader, image_size
from automator.recording import HEADER, load_trajectory, tree_format
from automator.trajectory import Step
from devices.observation import TreeFormat


def _tree_format(name: str, text: str) -> TreeFormat:
    try:
        return tree_format(name, text)
    except ValueError:
        return TreeFormat.NONE


def _step(step: Step, folder: Path, episode: str) -> OfflineStep | None:
    if step.executed is None or not step.screenshot:
        return None
    image = folder / step.screenshot
    if not image.exists():
        return None
    width, height = image_size(image)
    tree = (folder / step.tree).read_text(encoding="utf-8") if step.tree else ""
    return OfflineStep(episode, step.index, file_loader(image), width, height, step.executed,
                       step.executed, tree=tree, tree_format=_tree_format(step.tree, tree))


def load_episode(folder: Path) -> Episode:
    try:
        trajectory = load_trajectory(folder)
    except (ValueError, KeyError) as e:
        raise FormatError(f"{folder}: not an episode folder: {e}") from e
    steps = [s for s in (_step(s, folder, folder.name) for s in trajectory.steps) if s]
    return Episode(folder.name, trajectory.goal, tuple(steps))


def load_export(path: Path) -> list[Episode]:
    """The episodes of a jsonl export, in its order, named by their ids there."""
    try:
        imported = import_jsonl(path)
    except ValueError as e:
        raise FormatError(str(e)) from e
    return [Episode(e.id, e.trajectory.goal, tuple(
        s for s in (_step(s, e.files, e.id) for s in e.trajectory.steps) if s))
        for e in imported]


def load(path: Path) -> list[Episode]:
    """One episode folder, a jsonl export, or every episode folder under `path` (sorted)."""
    if (path / LINES).exists():
        return load_export(path)
    if (path / HEADER).exists():
        return [load_episode(path)]
    folders = sorted(p.parent for p in path.rglob(HEADER))
    if not folders:
        raise FormatError(f"no episode folder ({HEADER}) under {path}")
    return [load_episode(f) for f in folders]
