"""Android in the Zoo (AITZ, IMNearth/CoAT): one JSON file per episode, a list of steps.

Fields read per step: `episode_id`, `episode_length`, `step_id`, `instruction` (the goal),
`ui_positions` (a JSON string of [y, x, h, w] boxes in pixels of the stored screenshot),
`ui_text`, `ui_types` (JSON strings), `result_action_type` (AitW's numbers),
`result_action_text`, `result_touch_yx` / `result_lift_yx` (JSON strings "[y, x]" in 0-1,
[-1, -1] for non-gestures), `image_path`, `coat_action_desc` (whose first word gives the
action type and second a scroll's direction). The screenshot is looked up beside the JSON file
(by the name `image_path` ends with), then under the dataset root at `image_path`.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from automator.offline.episode import Box, Episode, FormatError, OfflineStep
from automator.offline.formats.images import file_loader, image_size
from automator.offline.metrics import aitz
from devices.actions import Point
from perception.elements import Bounds


def _decoded(value: Any) -> Any:
    """AITZ stores lists as JSON strings; a list as such is taken as is."""
    return json.loads(value) if isinstance(value, str) else value


def _image_path(raw: dict[str, Any], json_file: Path, root: Path) -> Path:
    rel = str(raw["image_path"])
    for candidate in (json_file.parent / Path(rel).name, root / rel):
        if candidate.exists():
            return candidate
    raise FormatError(f"{json_file}: no screenshot {rel} beside it or under {root}")


def _pixels(yx: list[float], width: int, height: int) -> tuple[int, int]:
    """A normalised (y, x) as the script turns it into pixels: (int(x * w), int(y * h))."""
    if yx[0] < 0 or yx[1] < 0:
        return (-1, -1)
    return (int(yx[1] * width), int(yx[0] * height))


def _clipped(xy: tuple[int, int], width: int, height: int) -> Point:
    return Point(min(width - 1, max(0, xy[0])), min(height - 1, max(0, xy[1])))


def _step(raw: dict[str, Any], json_file: Path, root: Path) -> OfflineStep:
    image = _image_path(raw, json_file, root)
    width, height = image_size(image)
    positions = _decoded(raw["ui_positions"])
    texts, kinds = _decoded(raw["ui_text"]), _decoded(raw["ui_types"])
    boxes = tuple(Box(Bounds(x, y, x + w, y + h), str(t), str(k))
                  for (y, x, h, w), t, k in zip(positions, texts, kinds, strict=True))
    nodes = tuple((float(x), float(y), float(x + w), float(y + h)) for y, x, h, w in positions)
    touch_yx, lift_yx = _decoded(raw["result_touch_yx"]), _decoded(raw["result_lift_yx"])
    touch = _pixels(touch_yx, width, height)
    truth = aitz.parse_truth(str(raw["coat_action_desc"]), str(raw["result_action_text"]),
                             touch, nodes, int(raw["result_action_type"]))
    lift = _pixels(lift_yx, width, height)
    gesture = None
    if touch[0] >= 0:
        gesture = (_clipped(touch, width, height), _clipped(lift, width, height))
    return OfflineStep(str(raw["episode_id"]), int(raw["step_id"]), file_loader(image), width,
                       height, truth, aitz.to_action(truth, gesture), boxes=boxes,
                       extra={"description": raw.get("coat_action_desc", "")})


def load_file(json_file: Path, root: Path) -> Episode:
    try:
        steps_raw = json.loads(json_file.read_text(encoding="utf-8"))
        steps = tuple(sorted((_step(s, json_file, root) for s in steps_raw),
                             key=lambda s: s.index))
        first = steps_raw[0]
        return Episode(str(first["episode_id"]), str(first["instruction"]), steps,
                       length=int(first.get("episode_length", 0)))
    except FormatError:
        raise
    except (OSError, ValueError, KeyError, TypeError, IndexError) as e:
        raise FormatError(f"{json_file}: not an AITZ episode: {e!r}") from e


def load(path: Path) -> list[Episode]:
    """A JSON file, or every `*.json` under a folder (sorted by path)."""
    files = [path] if path.is_file() else sorted(path.rglob("*.json"))
    root = path.parent if path.is_file() else path
    if not files:
        raise FormatError(f"no AITZ episode (*.json) under {path}")
    return [load_file(f, root) for f in files]
