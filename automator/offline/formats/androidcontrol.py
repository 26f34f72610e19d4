"""AndroidControl (google-research `android_control`): GZIP TFRecord files, one
`tf.train.Example` per episode.

Features read: `episode_id`, `goal`, `screenshots` (PNG bytes), `screenshot_widths`,
`screenshot_heights`, `actions` (JSON strings, one fewer than screenshots: action i is taken
on screenshot i), `step_instructions` (one per action), `accessibility_trees` (serialised
`AndroidAccessibilityForest` protos of android_env, decoded by `a11y_forest` into the
elements a planner sees; a step without one gets the pixel proposals of a screen with no
tree).
"""

from __future__ import annotations

import json
from pathlib import Path

from automator.offline.episode import Episode, FormatError, OfflineStep
from automator.offline.formats.a11y_forest import elements
from automator.offline.formats.images import bytes_loader, bytes_size
from automator.offline.formats.tfrecord import Value, examples
from automator.offline.metrics import androidcontrol


def _texts(values: Value) -> list[str]:
    return [v.decode("utf-8") for v in values if isinstance(v, bytes)]


def _episode(f: dict[str, Value], where: str) -> Episode:
    raw_id = f["episode_id"][0]
    episode = raw_id.decode("utf-8") if isinstance(raw_id, bytes) else str(raw_id)
    shots = [s for s in f["screenshots"] if isinstance(s, bytes)]
    actions = [androidcontrol.parse(json.loads(a)) for a in _texts(f["actions"])]
    notes = _texts(f.get("step_instructions", []))
    trees = [t for t in f.get("accessibility_trees", []) if isinstance(t, bytes)]
    if len(actions) >= len(shots):
        raise FormatError(f"{where}: {len(actions)} actions for {len(shots)} screenshots")
    steps = []
    for i, truth in enumerate(actions):
        width, height = bytes_size(shots[i], f"{where} step {i}")
        steps.append(OfflineStep(episode, i, bytes_loader(shots[i]), width, height, truth,
                                 androidcontrol.to_action(truth, width, height),
                                 instruction=notes[i] if i < len(notes) else "",
                                 elements=elements(trees[i], f"{where} step {i}")
                                 if i < len(trees) else ()))
    goal = _texts(f["goal"])
    return Episode(episode, goal[0] if goal else "", tuple(steps))


def load(path: Path) -> list[Episode]:
    """A TFRecord file, or every file under a folder (sorted by path)."""
    files = [path] if path.is_file() else sorted(p for p in path.rglob("*") if p.is_file())
    if not files:
        raise FormatError(f"no AndroidControl TFRecord file under {path}")
    out = []
    for file in files:
        for n, f in enumerate(examples(file)):
            try:
                out.append(_episode(f, f"{file} record {n}"))
            except (KeyError, IndexError, ValueError, TypeError) as e:
                raise FormatError(f"{file} record {n}: not an AndroidControl episode: {e!r}") from e
    return out
