"""Verified replay: an episode folder carried out again on a device, step by step, checked.

The replay is an ordinary episode of the agent loop (`run_episode`) whose planner is the
recording: so every replayed action goes through the same resolution, safety gate (a
replayed deletion needs the same `allow` or confirmation as the agent's), settling,
verification and recording as the agent's, and the replay is itself an episode folder.

For each recorded step that reached the device, `ReplayPlanner.decide`:

1. checks that the live screen is the one the recorded step was decided on: the same app in
   front and a `screen_similarity` of at least `SAME_SCREEN` (for the first step this is the
   starting screen; for the others, the screen the previous replayed action led to);
2. re-targets the recorded action: the element it acted on (named on the step as `element`,
   or found in the step's recorded tree at the recorded point) is looked for on the live
   screen by what identifies it (`automator.retarget`), never by its old coordinates; a
   swipe or a scroll moves with its scrollable container; keys, app launches, waits and
   typing into the focused field replay as they are;
3. hands the action to the loop, which gates, executes and settles it.

A step whose text went into a password field was recorded masked (`automator.secrets`): its
text is asked of `secret(step index, field label)` (the command line asks the terminal without
echo, or reads it from the environment); without a value the replay stops there with a
divergence that says so (`needs_secret`), and the placeholder is never typed.

The first screen that differs, element not found, or action the gate or device refused ends
the replay with a `Divergence` (which step, what was expected, what was found, the
candidates considered): the episode's outcome is `failure`, its reason the divergence.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from PIL import Image

from automator.config import LoopConfig
from automator.loop import OnStep, run_episode
from automator.recording import Recorder, load_trajectory, read_header, read_rows, tree_format
from automator.retarget import (
    SAME_SCREEN,
    Candidate,
    Wanted,
    find,
    find_container,
    screen_similarity,
)
from automator.safety import Confirm
from automator.trajectory import Step, Trajectory
from devices.actions import (
    Action,
    ElementRef,
    Finish,
    FinishStatus,
    Point,
    Scroll,
    Swipe,
    TypeText,
)
from devices.device import Device
from devices.observation import Observation, TreeFormat
from perception import parse_atspi, parse_uiautomator, perceive
from perception.elements import Screen, UIElement
from perception.errors import PerceptionError
from perception.roles import is_system_package
from perception.sensitive import element_at
from perception.web import parse_web
from planners.planner import Decision, PastStep

log = logging.getLogger(__name__)

REPORT = "replay.json"  # beside the replay episode: what was replayed, the divergence if any
CENTRE_SHARE = 0.25  # a recorded point this near an element's centre (of its size) aims at it
# The text a recorded step typed into a password field (given the step's index and the field's
# label), or None when there is none to be had.
SecretSource = Callable[[int, str], str | None]


@dataclass(frozen=True)
class Divergence:
    step: int  # index of the recorded step (in steps.jsonl) where the replay stopped
    problem: str  # what went wrong, in a sentence
    expected: str = ""
    found: str = ""
    candidates: tuple[str, ...] = ()  # the live elements considered, best first
    similarity: float | None = None  # of the live screen to the recorded one, when compared
    needs_secret: bool = False  # it stopped for want of a secret the recording does not keep

    def summary(self) -> str:
        return f"step {self.step}: {self.problem}"

    def report(self) -> str:
        """Several lines for people."""
        lines = [f"diverged at step {self.step}: {self.problem}"]
        if self.expected:
            lines.append(f"  expected: {self.expected}")
        if self.found:
            lines.append(f"  found:    {self.found}")
        if self.similarity is not None:
            lines.append(f"  screen similarity {self.similarity:.2f} (needs {SAME_SCREEN})")
        lines += [f"  candidate {c}" for c in self.candidates]
        return "\n".join(lines)

    def to_dict(self) -> dict[str, Any]:
        return {"step": self.step, "problem": self.problem, "expected": self.expected,
                "found": self.found, "candidates": list(self.candidates),
                "similarity": self.similarity, "needs_secret": self.needs_secret}


@dataclass(frozen=True)
class Recorded:
    """One recorded step that reached the device, with the screen it was decided on."""

    index: int
    action: Action  # as executed: points, not element ids
    screen: Screen
    app: str
    named: dict[str, Any] | None = None  # the element the step names itself, if it does
    chosen: int | None = None  # the element id the planner aimed at on that screen, if any
    secret: bool = False  # its text went into a password field and was stored masked
    target: str = ""  # the label of the element it acted on, as recorded


def recorded_screen(folder: Path, step: Step) -> Screen:
    """What perception reads from a recorded step's tree (and screenshot, when kept)."""
    tree = (folder / step.tree).read_text(encoding="utf-8")
    image = None
    if step.screenshot and (folder / step.screenshot).exists():
        with Image.open(folder / step.screenshot) as stored:
            image = stored.convert("RGB")
    try:
        fmt = tree_format(step.tree, tree)
    except ValueError as e:
        raise PerceptionError(f"{step.tree} is not JSON: {e}") from e
    if image is not None:
        return perceive(Observation(image, tree, fmt, image.width, image.height, app=step.app))
    parser = {TreeFormat.UIAUTOMATOR: parse_uiautomator, TreeFormat.ATSPI: parse_atspi,
              TreeFormat.WEB: parse_web}[fmt]
    return parser(tree, None, None, None, step.app)


def _named(row: dict[str, Any]) -> dict[str, Any] | None:
    for key in ("element", "target"):  # a step may name the element it acted on
        if isinstance(row.get(key), dict):
            return row[key]
    return None


def load_recording(folder: str | Path) -> tuple[Trajectory, list[Recorded]]:
    """The episode and its steps that reached the device (mistakes and refusals left out;
    the final `finish`, with the screen it ended on, kept). ValueError for a folder that
    cannot be replayed."""
    folder = Path(folder)
    trajectory = load_trajectory(folder)
    rows, _ = read_rows(folder, int(read_header(folder).get("schema_version", 1)))
    out: list[Recorded] = []
    for step, row in zip(trajectory.steps, rows, strict=True):
        if step.executed is None or step.error or step.refusal:
            continue
        if not step.tree:
            raise ValueError(f"step {step.index} of {folder} kept no tree: it cannot be "
                             "checked on replay")
        try:
            screen = recorded_screen(folder, step)
        except (OSError, PerceptionError, KeyError) as e:
            raise ValueError(f"step {step.index}: cannot read its screen: {e}") from e
        ref = getattr(step.decision.action, "target", None) if step.decision else None
        chosen = ref.id if isinstance(ref, ElementRef) else None
        out.append(Recorded(step.index, step.executed, screen, step.app, _named(row), chosen,
                            step.typed_secret, step.target))
        if isinstance(step.executed, Finish):
            break
    return trajectory, out


def _recorded_element(step: Recorded) -> Wanted | None:
    """What the recorded step acted on: its own naming, else the element of its tree that
    it was aimed at (the planner's choice when that holds the executed point, else the
    element at the point)."""
    screen = step.screen
    if step.named is not None:
        return Wanted.from_dict(step.named, screen.width, screen.height)
    element = _acted_on(step)
    return Wanted.of(element, screen.width, screen.height) if element is not None else None


def _acted_on(step: Recorded) -> UIElement | None:
    """The element of the recorded screen that the step's executed point hit."""
    point = _point(step.action)
    if point is None:
        return None
    if isinstance(step.action, Scroll | Swipe):
        return _container(step.screen, point)
    if step.chosen is not None:
        try:
            chosen = step.screen.element(step.chosen)
        except KeyError:
            chosen = None
        if chosen is not None and chosen.bounds.contains(point):
            return chosen
    return element_at(step.screen, point)


def _point(action: Action) -> Point | None:
    if isinstance(action, Swipe):
        return action.start
    target = getattr(action, "target", None)
    return target if isinstance(target, Point) else None


def _container(screen: Screen, point: Point) -> UIElement | None:
    """The smallest scrollable element under `point`: what a swipe there moves."""
    pool = [e for e in screen.elements if e.scrollable and e.bounds.contains(point)]
    return min(pool, key=lambda e: e.bounds.area) if pool else None


def _moved(point: Point, old: UIElement, new: UIElement) -> Point:
    """`point`, at the same place relative to `new` as it was to `old`."""
    fx = (point.x - old.bounds.left) / max(1, old.bounds.width)
    fy = (point.y - old.bounds.top) / max(1, old.bounds.height)
    b = new.bounds
    return Point(int(b.left + fx * b.width), int(b.top + fy * b.height))


def retarget(step: Recorded, element: UIElement, recorded: UIElement | None) -> Action:
    """The recorded action aimed at `element` of the live screen."""
    action = step.action
    if isinstance(action, Swipe):
        old = recorded or element
        return replace(action, start=_moved(action.start, old, element),
                       end=_moved(action.end, old, element))
    point = _point(action)
    if point is None or recorded is None or isinstance(action, Scroll):  # a list scrolls
        return replace(action, target=ElementRef(element.id))  # type: ignore[type-var]
    moved = _moved(point, recorded, element)
    near = (abs(moved.x - element.bounds.center.x) <= CENTRE_SHARE * element.bounds.width
            and abs(moved.y - element.bounds.center.y) <= CENTRE_SHARE * element.bounds.height)
    target = ElementRef(element.id) if near else moved  # a slider keeps where it was touched
    return replace(action, target=target)  # type: ignore[type-var]


@dataclass
class ReplayPlanner:
    """Plays a recording back through the loop, checking each screen (see the module doc)."""

    steps: Sequence[Recorded]
    answer: str | None = None  # the recorded episode's answer, repeated at the end
    name: str = "replay"
    position: int = 0  # the next recorded step to replay
    divergence: Divergence | None = None
    similarities: list[float] = field(default_factory=list)  # one per screen compared
    found: str = ""  # how the last step's element was found, for the step's thought
    secret: SecretSource | None = None  # the text of steps recorded masked

    def decide(self, goal: str, screen: Screen, history: Sequence[PastStep]) -> Decision:
        del goal
        if history and history[-1].error:  # the gate or the device refused our last action
            step = self.steps[self.position - 1]
            return self._diverge(Divergence(step.index, "the replayed action did not run: "
                                            f"{history[-1].error}"))
        if self.position >= len(self.steps):
            return Decision(Finish(FinishStatus.SUCCESS, self.answer),
                            thought="the recording ends here")
        step = self.steps[self.position]
        problem = self._compare(step, screen)
        if problem is not None:
            return self._diverge(problem)
        self.position += 1
        if isinstance(step.action, Finish):
            return Decision(Finish(FinishStatus.SUCCESS, self.answer),
                            thought=f"replayed every step up to the recorded end ({step.index})")
        action = self._retarget(step, screen)
        if step.secret and not isinstance(action, Divergence):
            action = self._unmask(step, action)
        if isinstance(action, Divergence):
            return self._diverge(action)
        return Decision(action, thought=f"replay of recorded step {step.index}{self.found}")

    def _compare(self, step: Recorded, screen: Screen) -> Divergence | None:
        similarity = round(screen_similarity(step.screen, screen), 3)
        self.similarities.append(similarity)
        expected, found = _screen_words(step.screen, step.app), _screen_words(screen, screen.app)
        where = (f"the screen step {self.steps[self.position - 1].index} led to"
                 if self.position else "the starting screen")
        if step.app and screen.app and step.app != screen.app:
            return Divergence(step.index, f"{where} has another app in front ({screen.app}, "
                              f"recorded {step.app})", expected, found, similarity=similarity)
        if similarity < SAME_SCREEN:
            return Divergence(step.index, f"{where} differs from the recorded one",
                              expected, found, similarity=similarity)
        return None

    def _retarget(self, step: Recorded, screen: Screen) -> Action | Divergence:
        self.found = ""
        if _point(step.action) is None:  # keys, apps, waits, typing into the focused field
            return step.action  # (a step may still name an element: the key a person hit)
        wanted = _recorded_element(step)
        if wanted is None:  # a point on nothing (an empty area of the screen)
            return step.action
        gesture = isinstance(step.action, Scroll | Swipe)  # moves with its container
        best, considered = (find_container if gesture else find)(wanted, screen)
        if best is None:
            return Divergence(step.index, "the element it acted on is not on the screen",
                              wanted.describe(), f"{len(screen.elements)} elements, none "
                              "close enough", tuple(c.describe() for c in considered))
        recorded = _acted_on(step)
        self.found = f": {wanted.describe()} found as {_short(best)}"
        return retarget(step, best.element, recorded)

    def _unmask(self, step: Recorded, action: Action) -> Action | Divergence:
        """The recorded typing with its secret put back, asked of `secret`."""
        value = self.secret(step.index, step.target) if self.secret is not None else None
        if not value or not isinstance(action, TypeText):
            return Divergence(step.index, "it typed into a password field, whose text "
                              "episodes never keep, and no value was given for it",
                              f"the text for {step.target or 'the password field'!r}",
                              needs_secret=True)
        return replace(action, text=value)

    def _diverge(self, divergence: Divergence) -> Decision:
        self.divergence = divergence
        log.info("replay %s", divergence.summary())
        return Decision(Finish(FinishStatus.FAILURE, f"replay diverged at {divergence.summary()}"),
                        thought=divergence.report())


def _short(candidate: Candidate) -> str:
    e = candidate.element
    return f"#{e.id} {e.label!r} (score {candidate.score:.1f})"


def _screen_words(screen: Screen, app: str) -> str:
    labels = [e.label for e in screen.elements
              if e.label and e.source == "tree" and not is_system_package(e.package)][:12]
    return f"{app or 'an app'}: " + "; ".join(labels)


@dataclass(frozen=True)
class ReplayResult:
    trajectory: Trajectory  # the replay, as an episode
    replayed: int  # recorded steps carried out again (the final finish not counted)
    total: int  # recorded steps that reached the device (the final finish not counted)
    divergence: Divergence | None
    similarities: tuple[float, ...]  # of each live screen to its recorded one, in order

    @property
    def ok(self) -> bool:
        return self.divergence is None and self.trajectory.outcome == "success"

    def to_dict(self) -> dict[str, Any]:
        return {"ok": self.ok, "replayed": self.replayed, "total": self.total,
                "outcome": str(self.trajectory.outcome), "reason": self.trajectory.reason,
                "divergence": self.divergence.to_dict() if self.divergence else None,
                "similarities": list(self.similarities), "threshold": SAME_SCREEN}


def replay(
    folder: str | Path,
    device: Device,
    out: str | Path | None = None,
    config: LoopConfig | None = None,
    confirm: Confirm | None = None,
    on_step: OnStep | None = None,
    secret: SecretSource | None = None,
) -> ReplayResult:
    """Replay the episode in `folder` on `device`, recording the replay into `out` (and its
    report as `out/replay.json`). `config.allow` pre-approves sensitive categories, as for the
    agent; `secret` gives the text of steps that typed into password fields. ValueError when
    the folder cannot be replayed."""
    recorded, steps = load_recording(folder)
    planner = ReplayPlanner(steps, recorded.answer, name=f"replay:{Path(folder).resolve()}",
                            secret=secret)
    actions = sum(not isinstance(s.action, Finish) for s in steps)
    config = replace(config or LoopConfig(), max_steps=len(steps) + 2,
                     stuck_no_change=len(steps) + 2, stuck_repeats=len(steps) + 2)
    recorder = Recorder(out) if out is not None else None
    trajectory = run_episode(recorded.goal, device, planner, config, recorder=recorder,
                             confirm=confirm, on_step=on_step)
    done = min(planner.position, actions) if planner.divergence is None else (
        sum(s.index < planner.divergence.step for s in steps
            if not isinstance(s.action, Finish)))
    result = ReplayResult(trajectory, done, actions, planner.divergence,
                          tuple(planner.similarities))
    if out is not None:
        (Path(out) / REPORT).write_text(json.dumps(result.to_dict(), indent=2), encoding="utf-8")
    return result
