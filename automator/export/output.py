"""What every export shares: the report of what was written and what was left out, an
output that never overwrites, copied screenshots (or their bytes), and a step told in
words."""

from __future__ import annotations

import io
import re
import shutil
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image

from automator.episodes import Episode
from automator.errors import ExportError
from automator.trajectory import Step
from devices.actions import (
    DoubleTap,
    Finish,
    FinishStatus,
    LongPress,
    OpenApp,
    PressKey,
    Scroll,
    Swipe,
    Tap,
    TypeText,
    Wait,
)  # fmt: skip

PNG_MAGIC = b"\x89PNG"


@dataclass
class ExportReport:
    format: str
    out: Path
    episodes: int = 0  # episodes written
    steps: int = 0  # steps (rows, actions) written
    skipped: Counter[str] = field(default_factory=Counter)  # steps left out, by reason

    def summary(self) -> str:
        text = f"{self.format}: {self.episodes} episodes, {self.steps} steps -> {self.out}"
        if self.skipped:
            why = ", ".join(f"{n} {reason}" for reason, n in self.skipped.most_common())
            text += f"\nleft out: {why}"
        return text


def fresh_output(out: Path, folder: bool) -> None:
    """Make `out` ready to write, refusing to overwrite anything already there."""
    if out.exists() and (not out.is_dir() or any(out.iterdir()) or not folder):
        raise ExportError(f"{out} already exists; choose another --out or remove it")
    (out if folder else out.parent).mkdir(parents=True, exist_ok=True)


def file_stem(episode_id: str) -> str:
    """An episode id as a file name: `clock-alarm/seed-0` -> `clock-alarm__seed-0`."""
    return re.sub(r"[^A-Za-z0-9._-]+", "_", episode_id.replace("/", "__")).strip(".") or "episode"


def copy_file(episode: Episode, name: str, dest: Path) -> bool:
    """Copy an episode's recorded file; False when it was not recorded."""
    source = episode.path(name)
    if source is None:
        return False
    dest.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, dest)
    return True


def png_bytes(episode: Episode, name: str) -> bytes:
    """A recorded screenshot as PNG bytes (the file itself when it is a PNG)."""
    path = episode.path(name)
    if path is None:
        raise ExportError(f"{episode.id}: the screenshot {name} was not recorded")
    data = path.read_bytes()
    if data.startswith(PNG_MAGIC):
        return data
    out = io.BytesIO()
    with Image.open(io.BytesIO(data)) as image:
        image.save(out, "PNG")
    return out.getvalue()


def rgb_pixels(episode: Episode, name: str) -> tuple[bytes, int, int]:
    """A recorded screenshot as raw 8-bit RGB pixels, row by row: (pixels, width, height)."""
    path = episode.path(name)
    if path is None:
        raise ExportError(f"{episode.id}: the screenshot {name} was not recorded")
    with Image.open(path) as image:
        rgb = image.convert("RGB")
        return rgb.tobytes(), rgb.width, rgb.height


def instruction(step: Step) -> str:
    """The step as a short instruction, such as datasets pair with each action."""
    on = f" {step.target!r}" if step.target else ""
    match step.executed:
        case Tap():
            return f"Tap{on or ' the screen'}"
        case DoubleTap():
            return f"Double-tap{on or ' the screen'}"
        case LongPress():
            return f"Long-press{on or ' the screen'}"
        case Swipe():
            return "Swipe across the screen"
        case Scroll(direction=d):
            return f"Scroll {d}" + (f" in{on}" if on else "")
        case TypeText(text=text):
            return f"Type {text!r}" + (f" into{on}" if on else "")
        case PressKey(key=key):
            return f"Press {key}"
        case OpenApp(app=app):
            return f"Open the {app} app"
        case Wait():
            return "Wait for the screen to settle"
        case Finish(status=status, answer=answer):
            said = f": {answer}" if answer else ""
            return {FinishStatus.SUCCESS: f"Stop, the task is done{said}",
                    FinishStatus.INFEASIBLE: f"Stop, the task cannot be done{said}",
                    FinishStatus.FAILURE: f"Stop, giving up{said}"}[status]
    return ""
