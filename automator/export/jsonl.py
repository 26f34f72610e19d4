"""Our own lossless format: one JSON line per episode, its files beside it.

    OUT/episodes.jsonl   {"id", "files", "config", "schema_version", "goal", "device",
                          "planner", "started", "ended", "outcome", "reason", "answer",
                          "steps": [Step.to_dict(), ...]}
    OUT/files/<id>/      the episode's screenshots and trees, under their recorded names

`import_jsonl` reads it back into the same trajectories. Lines are written one episode at a
time, each flushed, so an interrupted export keeps the episodes before it.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from automator.episodes import Episode
from automator.export.output import ExportReport, copy_file, file_stem, fresh_output
from automator.trajectory import Trajectory

LINES = "episodes.jsonl"
FILES = "files"


def export_jsonl(episodes: Sequence[Episode], out: Path) -> ExportReport:
    fresh_output(out, folder=True)
    report = ExportReport("jsonl", out)
    with open(out / LINES, "w", encoding="utf-8") as f:
        for episode in episodes:
            files = f"{FILES}/{file_stem(episode.id)}"
            for step in episode.trajectory.steps:
                for name in {step.screenshot, step.tree} - {""}:
                    copy_file(episode, name, out / files / name)
            line = {"id": episode.id, "files": files, "config": episode.config,
                    **episode.trajectory.to_dict()}
            f.write(json.dumps(line, ensure_ascii=False) + "\n")
            f.flush()
            report.episodes += 1
            report.steps += len(episode.trajectory.steps)
    return report


@dataclass(frozen=True)
class ImportedEpisode:
    id: str
    trajectory: Trajectory
    config: dict[str, Any]
    files: Path  # the folder holding the step's screenshots and trees by their names


def import_jsonl(folder: str | Path) -> list[ImportedEpisode]:
    """The episodes of an export; ValueError naming the line that cannot be read."""
    folder = Path(folder)
    episodes = []
    try:
        lines = (folder / LINES).read_text(encoding="utf-8").splitlines()
    except OSError as e:
        raise ValueError(f"{folder} is not a jsonl export: {e}") from e
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
            episodes.append(ImportedEpisode(data["id"], Trajectory.from_dict(data),
                                            data.get("config", {}), folder / data["files"]))
        except (json.JSONDecodeError, KeyError, ValueError, TypeError) as e:
            raise ValueError(f"{folder / LINES} line {number}: {e}") from e
    return episodes
