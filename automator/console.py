"""What people see on a terminal: step lines, confirmations, tables. Only the command line
uses this module; the library reports through callbacks and logging."""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, TextIO

from automator.safety import Confirm
from automator.secrets import mask
from automator.trajectory import Step, Trajectory

if TYPE_CHECKING:
    from automator.evaluate import Summary
    from planners.embedded.explore import ExploreStatus


class StepPrinter:
    """A step callback that writes each step as it happens: thought, action, verification;
    text typed into password fields masked."""

    def __init__(self, stream: TextIO | None = None) -> None:
        self.stream = stream or sys.stdout

    def __call__(self, step: Step) -> None:
        out = self.stream
        where = f" [{step.app}]" if step.app else ""
        thought = mask(step.decision.thought if step.decision else "", step.secrets)
        if thought:
            out.write(f"{step.index + 1:3d}.{where} thinks: {_one_line(thought)}\n")
            where = ""
        out.write(f"{step.index + 1:3d}.{where} {step.headline()}\n")
        if step.note:
            out.write(f"     note: {mask(step.note, step.secrets)}\n")
        out.flush()


def _one_line(text: str, limit: int = 160) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def print_outcome(trajectory: Trajectory, folder: str | None, stream: TextIO) -> None:
    stream.write(f"outcome: {trajectory.outcome} — {trajectory.reason}\n")
    if trajectory.answer:
        stream.write(f"answer: {trajectory.answer}\n")
    stream.write(f"steps: {len(trajectory.steps)}, {trajectory.seconds:.1f} s\n")
    if folder:
        stream.write(f"episode: {folder}\n")
    stream.flush()


def tty_confirm(
    stdin: TextIO | None = None, stdout: TextIO | None = None
) -> Confirm | None:
    """A y/N prompt when both ends are a terminal; None (refuse everything) otherwise."""
    stdin, stdout = stdin or sys.stdin, stdout or sys.stdout
    if not (stdin.isatty() and stdout.isatty()):
        return None

    def confirm(category: str, description: str) -> bool:
        stdout.write(f"\nSensitive action ({category}): {description}\nAllow it? [y/N] ")
        stdout.flush()
        answer = stdin.readline().strip().casefold()
        return answer in ("y", "yes")

    return confirm


def bar(done: int, total: int, width: int = 20) -> str:
    """`[#####.....] 5/10`: a progress bar for one line of a log."""
    filled = width * done // total if total else width
    return f"[{'#' * filled}{'.' * (width - filled)}] {done}/{total}"


def table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """A plain aligned text table."""
    cells = [[str(h) for h in headers]] + [[str(c) for c in row] for row in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(headers))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) for r in cells]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(line.rstrip() for line in lines)


def line_printer(stream: TextIO | None = None) -> Callable[[str], None]:
    """A progress callback writing one line per message."""
    out = stream or sys.stdout

    def say(message: str) -> None:
        out.write(message + "\n")
        out.flush()

    return say


def format_summary(summary: Summary) -> str:
    """An eval's figures: success with its 95% interval per split, per app and overall, the
    runs that failed in telling ways, and the floor of the suite."""
    rows: list[tuple[object, ...]] = []
    if len(summary.per_split) > 1 or "" not in summary.per_split:
        rows += [(f"split {name or '(top)'}", r.describe())
                 for name, r in summary.per_split.items()]
    rows += [(app, r.describe()) for app, r in summary.per_group.items()]
    rows.append(("all", summary.overall.describe()))
    lines = [table(["group", "success [95% CI] (passed/runs)"], rows)]
    false_successes = sum(t.false_success for t in summary.tasks)
    side_effects = sum(t.side_effects > 0 for t in summary.tasks)
    lines.append(f"seeds {', '.join(map(str, summary.seeds))}, realism {summary.realism}; "
                 f"false successes (said done, was not): {false_successes}; "
                 f"failed on side effects: {side_effects}")
    median = summary.median_decide_ms
    if median is not None:
        lines.append(f"median decision: {median:.0f} ms per step")
    if summary.floor is not None:
        lines.append(f"floor: always giving up scores {summary.floor.give_up.describe()}, "
                     f"always saying infeasible {summary.floor.infeasible.describe()}")
    return "\n".join(lines)


def explore_line(s: ExploreStatus, width: int = 20) -> str:
    """One app's exploration: `Settings [2/3] [#####.....] 45/150 actions, 7 pages, 8:12 left`."""
    done = min(width, s.actions * width // max(1, s.budget))
    line = (f"{s.app} [{s.app_number}/{s.apps}] [{'#' * done}{'.' * (width - done)}] "
            f"{s.actions}/{s.budget} actions, {s.pages} pages")
    left = s.seconds_left
    if left is not None:
        line += f", {int(left) // 60}:{int(left) % 60:02d} left"
    return line


class ExploreBar:
    """Exploration's progress: on a terminal one line per app, redrawn in place after every
    action; elsewhere a line every `every` actions. Messages go on lines of their own."""

    def __init__(self, stream: TextIO | None = None, every: int = 25) -> None:
        self.stream = stream or sys.stdout
        self.live = self.stream.isatty()
        self.every = every
        self.open = False  # a progress line is drawn and not ended

    def status(self, s: ExploreStatus) -> None:
        if self.live:
            self.stream.write("\r" + explore_line(s) + "\x1b[K")
            self.open = True
        elif s.actions % self.every == 0:
            self.stream.write(explore_line(s) + "\n")
        self.stream.flush()

    def say(self, message: str) -> None:
        if self.open:
            self.stream.write("\n")
            self.open = False
        self.stream.write(message + "\n")
        self.stream.flush()
