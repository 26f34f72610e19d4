"""One MiniWoB++ task page on a `BrowserDevice`.

An episode: load the task's HTML (a file URL inside the `miniwob` package), hide the
benchmark's own panels beside the task area (the reward display and its click canvas:
MiniWoB's own observation is the 160x210 task area only), seed the page's random numbers
(`Math.seedrandom`, as the package does), start the episode and wait until the task says it
is ready. The page then runs its own 10 s timer; its reward decays with time, a wrong
answer or the timer gives -1.
"""

from __future__ import annotations

import fnmatch
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from automator.errors import ConfigError
from devices.browser import BrowserDevice

TASK_WIDTH, TASK_HEIGHT = 160, 210  # px: MiniWoB++'s task area (query above, task below)
READY_TIMEOUT_S = 2.0  # s a task may take to say it is ready
HIDE_PANELS = "#reward-display, #click-canvas { display: none !important; }"


def task_dir() -> Path:
    """The folder of MiniWoB++ task pages inside the installed `miniwob` package."""
    try:
        import miniwob
    except ImportError as e:
        raise ConfigError("MiniWoB++ needs the Python package miniwob (setup.sh installs "
                          "it)") from e
    return Path(miniwob.__file__).resolve().parent / "html" / "miniwob"


def all_tasks() -> list[str]:
    """Every MiniWoB++ task the package ships, by name, sorted."""
    return sorted(p.stem for p in task_dir().glob("*.html"))


def select_tasks(spec: str) -> list[str]:
    """`all`, or names and globs separated by commas (`click-*,enter-text`), in that order;
    ConfigError names what matches nothing."""
    known = all_tasks()
    if spec.strip() in ("all", "*", ""):
        return known
    chosen: list[str] = []
    for word in (w.strip() for w in spec.split(",") if w.strip()):
        found = fnmatch.filter(known, word)
        if not found:
            raise ConfigError(f"no MiniWoB++ task matches {word!r}; `--tasks all` runs "
                              f"all {len(known)}")
        chosen += [t for t in found if t not in chosen]
    return chosen


@dataclass(frozen=True)
class TaskState:
    """What the page says of its episode."""

    done: bool
    reward: float  # -1..1, decayed with the time taken (meaningful once done)
    raw_reward: float  # -1..1, not decayed
    reason: str  # the page's reason for its reward, when it gives one


class MiniWoBPage:
    """A browser tab that plays MiniWoB++ episodes."""

    def __init__(self, device: BrowserDevice) -> None:
        self.device = device
        self.task = ""

    @classmethod
    def open(cls, headless: bool = True) -> MiniWoBPage:
        return cls(BrowserDevice(width=TASK_WIDTH, height=TASK_HEIGHT, headless=headless))

    def reset(self, task: str, seed: str) -> str:
        """Start an episode of `task` with random numbers seeded by `seed`; the utterance."""
        path = task_dir() / f"{task}.html"
        if not path.is_file():
            raise ConfigError(f"no MiniWoB++ task {task!r}")
        self.task = task
        self.device.goto(path.as_uri())
        self.device.page.add_style_tag(content=HIDE_PANELS)
        self.device.evaluate("seed => { Math.seedrandom(seed); core.startEpisodeReal(); }", seed)
        deadline = time.monotonic() + READY_TIMEOUT_S
        while not self.device.evaluate("WOB_TASK_READY") and time.monotonic() < deadline:
            time.sleep(0.05)
        self.device.evaluate("() => window.scrollTo(0, 0)")
        return self.utterance()

    def utterance(self) -> str:
        reply = self.device.evaluate("core.getUtterance()")
        return str(reply["utterance"] if isinstance(reply, dict) else reply)

    def state(self) -> TaskState:
        s = self.device.evaluate("({done: WOB_DONE_GLOBAL, reward: WOB_REWARD_GLOBAL, "
                                 "raw: WOB_RAW_REWARD_GLOBAL, reason: WOB_REWARD_REASON})")
        reason = s.get("reason")
        return TaskState(bool(s["done"]), float(s["reward"] or 0), float(s["raw"] or 0),
                         "" if reason is None else str(reason))

    def dom(self) -> list[dict[str, Any]]:
        """The task area's visible elements, in page pixels (for the oracle only)."""
        return self.device.evaluate(DOM_SCRIPT)

    def close(self) -> None:
        self.device.close()

    def __enter__(self) -> MiniWoBPage:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


DOM_SCRIPT = """() => {
  const out = [];
  for (const e of document.querySelectorAll('#area *, .ui-dialog *, .ui-menu *')) {
    const r = e.getBoundingClientRect();
    const style = getComputedStyle(e);
    if (r.width <= 0 || r.height <= 0 || style.visibility === 'hidden') continue;
    const own = Array.from(e.childNodes).filter(n => n.nodeType === 3)
      .map(n => n.textContent).join(' ').replace(/\\s+/g, ' ').trim();
    const label = e.closest('label');
    out.push({tag: e.tagName.toLowerCase(), id: e.id, classes: e.className.toString(),
              type: e.type || '', text: own, value: e.value ?? '', checked: !!e.checked,
              label: label ? label.textContent.replace(/\\s+/g, ' ').trim() : '',
              x: r.left, y: r.top, w: r.width, h: r.height});
  }
  return out;
}"""
