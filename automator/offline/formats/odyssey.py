"""GUI-Odyssey (OpenGVLab/GUI-Odyssey): one JSON file per episode (`annotations/*.json`),
screenshots in `screenshots/`.

Fields read: `episode_id`, `task_info.instruction` (the goal), `task_info.category`,
`step_length`, and per step `screenshot` (a file name), `action` (CLICK, LONG_PRESS, SCROLL,
TEXT, COMPLETE, INCOMPLETE, as the release's `format_converter.py` reads them; TYPE, the
word of its introduction.md, is read as TEXT), `info` ([[x, y]] in 0-1000, a KEY_* name,
[[x1, y1], [x2, y2]] for a scroll, the text typed), `low_level_instruction` and `sam2_bbox`
([x1, y1, x2, y2] in 0-1000). A screenshot is looked up beside the JSON file, in
`screenshots/` beside it or beside its folder.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from automator.offline.episode import Episode, FormatError, OfflineStep
from automator.offline.formats.images import file_loader, image_size
from automator.offline.metrics import odyssey


def _screenshot(name: str, json_file: Path) -> Path:
    here = json_file.parent
    for folder in (here, here / "screenshots", here.parent / "screenshots"):
        if (folder / name).exists():
            return folder / name
    raise FormatError(f"{json_file}: no screenshot {name} beside it or in screenshots/")


def _step(raw: dict[str, Any], index: int, episode: str, json_file: Path) -> OfflineStep:
    image = _screenshot(str(raw["screenshot"]), json_file)
    width, height = image_size(image)
    truth = odyssey.decode(str(raw["action"]), raw.get("info"))
    box = raw.get("sam2_bbox")
    extra = {"sam2_bbox": tuple(float(v) for v in box) if box else None}
    return OfflineStep(episode, index, file_loader(image), width, height, truth,
                       odyssey.to_action(truth, raw.get("info"), width, height),
                       instruction=str(raw.get("low_level_instruction", "")), extra=extra)


def load_file(json_file: Path) -> Episode:
    try:
        data = json.loads(json_file.read_text(encoding="utf-8"))
        episode = str(data["episode_id"])
        task = data["task_info"]
        steps = tuple(_step(s, i, episode, json_file) for i, s in enumerate(data["steps"]))
        return Episode(episode, str(task["instruction"]), steps,
                       category=str(task.get("category", "")),
                       length=int(data.get("step_length", 0)))
    except FormatError:
        raise
    except (OSError, ValueError, KeyError, TypeError) as e:
        raise FormatError(f"{json_file}: not a GUI-Odyssey episode: {e!r}") from e


def load(path: Path) -> list[Episode]:
    """A JSON file, or every `*.json` under a folder (sorted by path)."""
    files = [path] if path.is_file() else sorted(path.rglob("*.json"))
    if not files:
        raise FormatError(f"no GUI-Odyssey episode (*.json) under {path}")
    return [load_file(f) for f in files]
