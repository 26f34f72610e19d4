"""What every export shares: the report of what was written and what was left out, an
output that never overwrites, copied screenshots, and a step told in words."""

from __future__ import annotations

import re
import shutil
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

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
