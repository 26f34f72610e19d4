"""Android in the Wild (google-research `android_in_the_wild`): GZIP TFRecord files, one
`tf.train.Example` per step.

Features read: `episode_id`, `goal_info`, `step_id`, `episode_length`, `image/encoded` (raw
uint8 pixels of `image/height` x `image/width` x `image/channels`, or an encoded image),
`image/ui_annotations_positions` (flattened (y, x, h, w) in 0-1), `image/ui_annotations_text`,
`image/ui_annotations_ui_types`, `results/action_type`, `results/type_action`,
`results/yx_touch`, `results/yx_lift` ((y, x) in 0-1). Steps are grouped by episode and sorted
by `step_id`; episodes keep the order they first appear in.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import numpy as np
from PIL import Image

from automator.offline.episode import Box, Episode, FormatError, OfflineStep
from automator.offline.formats.images import bytes_loader, bytes_size
from automator.offline.formats.tfrecord import Value, examples
from automator.offline.metrics import aitw
from perception.elements import Bounds

ENCODED_MAGIC = (b"\x89PNG", b"\xff\xd8", b"GIF8", b"RIFF")  # PNG, JPEG, GIF, WebP


def _text(values: Value, default: str = "") -> str:
    first = values[0] if values else b""
    return first.decode("utf-8", "replace") if isinstance(first, bytes) else default


def _image(f: dict[str, Value], where: str) -> tuple[Callable[[], Image.Image], int, int]:
    data = f["image/encoded"][0]
    if not isinstance(data, bytes):
        raise FormatError(f"{where}: image/encoded is not bytes")
    if data.startswith(ENCODED_MAGIC):
        width, height = bytes_size(data, where)
        return bytes_loader(data), width, height
    height, width = int(f["image/height"][0]), int(f["image/width"][0])
    channels = int(f.get("image/channels", [3])[0])
    if len(data) != height * width * channels:
        raise FormatError(f"{where}: {len(data)} pixel bytes for {width}x{height}x{channels}")

    def load() -> Image.Image:
        pixels = np.frombuffer(data, dtype=np.uint8).reshape(height, width, channels)
        return Image.fromarray(pixels[:, :, :3] if channels >= 3 else pixels[:, :, 0]).convert(
            "RGB")
    return load, width, height


def _yx(values: Value) -> aitw.YX:
    return (float(values[0]), float(values[1])) if len(values) == 2 else aitw.NO_POINT


def _step(f: dict[str, Value], where: str) -> tuple[str, str, int, OfflineStep]:
    load, width, height = _image(f, where)
    flat = [float(v) for v in f.get("image/ui_annotations_positions", [])]
    annotations = tuple(tuple(flat[i:i + 4]) for i in range(0, len(flat) - 3, 4))
    texts = [t.decode("utf-8", "replace") if isinstance(t, bytes) else ""
             for t in f.get("image/ui_annotations_text", [])]
    kinds = [t.decode("utf-8", "replace") if isinstance(t, bytes) else ""
             for t in f.get("image/ui_annotations_ui_types", [])]
    boxes = tuple(
        Box(Bounds(round(x * width), round(y * height), round((x + w) * width),
                   round((y + h) * height)),
            texts[i] if i < len(texts) else "", kinds[i] if i < len(kinds) else "")
        for i, (y, x, h, w) in enumerate(annotations))
    truth = aitw.AitwAction(int(f["results/action_type"][0]), _yx(f.get("results/yx_touch", [])),
                            _yx(f.get("results/yx_lift", [])),
                            _text(f.get("results/type_action", [])))
    episode = _text(f["episode_id"]) or str(f["episode_id"][0])
    step = OfflineStep(episode, int(f["step_id"][0]), load, width, height, truth,
                       aitw.to_action(truth, width, height), boxes=boxes,
                       extra={"annotations": annotations,
                              "length": int(f.get("episode_length", [0])[0])})
    return episode, _text(f.get("goal_info", [])), step.index, step


def load(path: Path) -> list[Episode]:
    """A TFRecord file, or every file under a folder (sorted by path)."""
    files = [path] if path.is_file() else sorted(p for p in path.rglob("*") if p.is_file())
    if not files:
        raise FormatError(f"no AitW TFRecord file under {path}")
    steps: dict[str, list[OfflineStep]] = {}
    goals: dict[str, str] = {}
    for file in files:
        for n, f in enumerate(examples(file)):
            try:
                episode, goal, _index, step = _step(f, f"{file} record {n}")
            except (KeyError, IndexError, ValueError, TypeError) as e:
                raise FormatError(f"{file} record {n}: not an AitW step: {e!r}") from e
            steps.setdefault(episode, []).append(step)
            goals.setdefault(episode, goal)
    return [Episode(e, goals[e], tuple(sorted(s, key=lambda s: s.index)),
                    length=s[0].extra["length"]) for e, s in steps.items()]
