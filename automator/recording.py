"""Episode folders: written step by step, so that a crash keeps everything before it.

Described for people in datasets/EPISODES.md. `episode.json` carries `schema_version`
(`automator.trajectory.SCHEMA_VERSION`): older versions are read through
`trajectory.MIGRATIONS`, a newer one is refused with both versions named. An episode cut
short (no outcome, or a half-written last line in steps.jsonl) loads with `complete` False.
Screenshots never show a password: every element perception marks `password` is painted
over before the PNG is written (`perception.redact`); text typed into such a field is
masked in the step's row (`Step.to_dict`, `automator.secrets`).

Layout of one episode folder:

    episode.json     header: schema version, goal, device, planner, config, start time
    steps.jsonl      one complete JSON line per finished step (flushed and fsync'd)
    step_000.png     the screenshot the step was decided on
    step_000.xml     the raw accessibility tree of that screen (.json for AT-SPI and page trees)
    outcome.json     written last (atomically): outcome, reason, answer, end time

A folder without `outcome.json` comes from a run that was killed: `load_trajectory` reads it
as outcome `aborted` with every finished step. Never pickle.

The header's `author` says who acted: "agent" (a planner) or "human" (a demonstration
recorded by `automator record`; its `planner` is "human" too). A demonstration ends as the
person says: `success` (done, with the `answer` when the goal asked a question), `infeasible`
(with the person's reason), or `aborted` (stopped, e.g. Ctrl-C; every step before is kept).

Each step line holds, beside the executed action (points in screen pixels):

    element   the element the action hit, from the tree captured before it: the smallest
              clickable element containing the point (else the smallest element there), as
              {"id", "role", "text", "description", "resource_id", "class_name", "package",
              "bounds": [left, top, right, bottom], "clickable", "editable", "scrollable"};
              `id` is the element's id in `perception.perceive` of the step's observation,
              so the step serves element-based training (ElementRef) and coordinate-based
              training (the executed point) alike. null when the action aims at no element.
    gesture   in demonstrations, the person's finger (or mouse) as recorded: {"kind": tap |
              double_tap | long_press | swipe | scroll, "start": [x, y], "end": [x, y],
              "duration_ms", "fingers"}; a swipe executed as a `scroll` keeps its exact
              path here. null otherwise.
"""

from __future__ import annotations

import json
import logging
import os
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import replace
from pathlib import Path
from typing import Any

from automator.errors import RecordingError
from automator.trajectory import Outcome, Step, Trajectory, migrate
from devices.observation import Observation, TreeFormat
from perception import perceive
from perception.elements import Screen
from perception.errors import PerceptionError
from perception.redact import mask_passwords

log = logging.getLogger(__name__)

HEADER = "episode.json"
STEPS = "steps.jsonl"
OUTCOME = "outcome.json"
PNG_COMPRESS_LEVEL = 1  # zlib level: fast to write, still lossless


def _write_atomic(path: Path, text: str) -> None:
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(text)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)


class Recorder:
    """Writes one episode into `folder` (created if needed)."""

    def __init__(self, folder: str | Path, screenshots: bool = True) -> None:
        self.folder = Path(folder)
        self.screenshots = screenshots  # False: trees only (smaller, faster)
        self._steps_file: Any = None
        # PNG encoding (tens of ms) runs beside the loop; a step's line waits for its files.
        self._writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="recorder")
        self._pending: list[Future[None]] = []
        self._last: tuple[Observation | None, tuple[str, str]] = (None, ("", ""))

    def start(self, trajectory: Trajectory, config: dict[str, Any] | None = None) -> None:
        """Create the folder and write the header; raises RecordingError."""
        header = {**trajectory.header_dict(), "config": config or {}}
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            _write_atomic(self.folder / HEADER, json.dumps(header, indent=2, ensure_ascii=False))
            self._steps_file = open(self.folder / STEPS, "a", encoding="utf-8")  # noqa: SIM115
        except OSError as e:
            raise RecordingError(f"cannot write the episode folder {self.folder}: {e}") from e

    def save_observation(self, index: int, observation: Observation,
                         screen: Screen | None = None) -> tuple[str, str]:
        """Write the step's screenshot (password fields painted over: `screen` is what
        perception read from `observation`, read here when not given) and tree; returns
        their file names."""
        if observation is self._last[0]:
            return self._last[1]  # the same screen again (after a mistake): same files
        suffix = "json" if observation.tree_format in (TreeFormat.ATSPI, TreeFormat.WEB) else "xml"
        png, xml = f"step_{index:03d}.png", f"step_{index:03d}.{suffix}"
        files = self._save(png, xml, observation, screen)
        self._last = (observation, files)
        return files

    def _save(self, png: str, xml: str, observation: Observation,
              screen: Screen | None) -> tuple[str, str]:
        try:
            (self.folder / xml).write_text(observation.tree, encoding="utf-8")
        except OSError as e:
            raise RecordingError(f"cannot write {xml}: {e}") from e
        if not self.screenshots:
            return "", xml
        self._pending.append(self._writer.submit(_write_png, self.folder / png, observation,
                                                 screen))
        return png, xml

    def flush(self) -> None:
        """Wait until every screenshot handed over so far is on disk."""
        pending, self._pending = self._pending, []
        errors = [f.exception() for f in pending]
        failed = next((e for e in errors if e is not None), None)
        if isinstance(failed, OSError):
            raise RecordingError(f"cannot write a screenshot: {failed}") from failed
        if failed is not None:
            raise failed

    def append(self, step: Step) -> None:
        """Append one complete line for the step, flushed to disk before returning."""
        if self._steps_file is None:
            raise RuntimeError("Recorder.start() was not called")
        self.flush()
        line = json.dumps(step.to_dict(), ensure_ascii=False) + "\n"
        try:
            self._steps_file.write(line)
            self._steps_file.flush()
            os.fsync(self._steps_file.fileno())
        except OSError as e:
            raise RecordingError(f"cannot append step {step.index}: {e}") from e

    def finish(self, trajectory: Trajectory) -> None:
        """Write the outcome; a disk error here is logged, the steps are already safe."""
        try:
            self.flush()
        except RecordingError as e:
            log.error("%s", e)
        try:
            _write_atomic(self.folder / OUTCOME, json.dumps(trajectory.outcome_dict(), indent=2))
        except OSError as e:
            log.error("cannot write the outcome of %s: %s", self.folder, e)
        self.close()

    def close(self) -> None:
        self._writer.shutdown(wait=True)
        if self._steps_file is not None:
            try:
                self._steps_file.close()
            except OSError as e:
                log.error("cannot close %s: %s", self.folder / STEPS, e)
            self._steps_file = None


def _write_png(path: Path, observation: Observation, screen: Screen | None) -> None:
    """Runs on the writer thread: mask the password fields, then encode."""
    if screen is None:
        try:
            screen = perceive(observation)
        except PerceptionError as e:  # an unreadable tree: nothing to mask by
            log.warning("no password masking for %s: %s", path.name, e)
    image = observation.screenshot
    if screen is not None:
        image = mask_passwords(image, screen)
    image.save(path, compress_level=PNG_COMPRESS_LEVEL)


def read_rows(folder: str | Path, version: int) -> tuple[list[dict[str, Any]], bool]:
    """The step rows of an episode (migrated from `version`) and whether every line could
    be read: a run killed mid-write leaves a half-written last line, which is skipped."""
    path = Path(folder) / STEPS
    rows: list[dict[str, Any]] = []
    if not path.exists():
        return rows, True
    whole = True
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = migrate("step", json.loads(line), version)
            Step.from_dict(row)  # checks the row
            rows.append(row)
        except (json.JSONDecodeError, KeyError, ValueError, TypeError) as e:
            log.warning("%s line %d unreadable, ignored: %s", path, number, e)
            whole = False
    return rows, whole


def load_trajectory(folder: str | Path) -> Trajectory:
    """Read an episode folder back, including one whose run was killed (outcome aborted,
    `complete` False). Raises ValueError for a folder that is not an episode, or one of a
    newer schema version than this code reads."""
    folder = Path(folder)
    header = read_header(folder)
    version = int(header.get("schema_version", 1))
    data: dict[str, Any] = {**header, "outcome": Outcome.ABORTED}
    data["reason"] = "the run ended without writing an outcome (killed or crashed)"
    outcome_path = folder / OUTCOME
    finished = outcome_path.exists()
    if finished:
        try:
            data.update(json.loads(outcome_path.read_text(encoding="utf-8")))
        except (OSError, json.JSONDecodeError) as e:
            raise ValueError(f"{outcome_path} is unreadable: {e}") from e
    trajectory = Trajectory.from_dict({**data, "steps": []})
    rows, whole = read_rows(folder, version)
    steps = tuple(Step.from_dict(row) for row in rows)
    return replace(trajectory, steps=steps, complete=finished and whole)


def read_header(folder: str | Path) -> dict[str, Any]:
    """The episode header (migrated to the current version), including the config the run
    used; ValueError when the folder is not an episode or is of a newer version."""
    folder = Path(folder)
    try:
        header = json.loads((folder / HEADER).read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as e:
        raise ValueError(f"{folder} is not an episode folder: {e}") from e
    if not isinstance(header, dict):
        raise ValueError(f"{folder / HEADER} is not an episode header")
    return migrate("header", header, int(header.get("schema_version", 1)))


def tree_format(name: str, text: str) -> TreeFormat:
    """The format of a recorded tree file (see `Recorder.save_observation`): `.xml` is
    uiautomator; a `.json` tree is a web page's (it lists `nodes`, devices.browser) or
    AT-SPI's. ValueError when a `.json` tree is not JSON."""
    if not name.endswith(".json"):
        return TreeFormat.UIAUTOMATOR
    data = json.loads(text)
    return TreeFormat.WEB if isinstance(data, dict) and "nodes" in data else TreeFormat.ATSPI
