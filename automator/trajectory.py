"""One episode as data: `Step` records and the `Trajectory` that holds them.

A `Step` is at once the loop's memory (`Step.past()` is what the planner is told), the log,
the payload of progress callbacks and the row written to disk. It stores the action that was
actually executed (points, not element ids), next to the planner's decision. Text typed into
password fields stays in memory only: the row and the headline mask it (`automator.secrets`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from automator.secrets import mask
from devices.actions import Action, action_from_dict, action_to_dict, describe
from planners.planner import Decision, PastStep, Refusal, Verdict

SCHEMA_VERSION = 1  # of the episode folder format (automator.recording, datasets/EPISODES.md)

# How an older episode is read: MIGRATIONS[v](part, data) turns a version-v part ("header",
# "step" or "outcome") into version v + 1. Version 1 is the first; a change to the format that
# old readers would misread bumps SCHEMA_VERSION and adds its migration here. New optional
# fields that old readers simply ignore need no bump.
Migration = Callable[[str, dict[str, Any]], dict[str, Any]]
MIGRATIONS: dict[int, Migration] = {}


def check_version(version: int) -> None:
    """ValueError, naming both versions, for a format version this code cannot read."""
    if version > SCHEMA_VERSION:
        raise ValueError(f"the episode is in format version {version}, newer than version "
                         f"{SCHEMA_VERSION}, the newest this automator reads: update automator")
    if version < 1:
        raise ValueError(f"the episode names format version {version}; versions start at 1")


def migrate(part: str, data: dict[str, Any], version: int) -> dict[str, Any]:
    """`data`, one part of an episode written in format `version`, in the current format;
    ValueError for a version this code does not know (newer, or not a version)."""
    check_version(version)
    for v in range(version, SCHEMA_VERSION):
        data = MIGRATIONS[v](part, data)
    return {**data, "schema_version": SCHEMA_VERSION} if part == "header" else data

PHASES = ("capture", "perceive", "decide", "resolve", "execute", "settle", "verify", "record")


class Outcome(StrEnum):
    SUCCESS = "success"  # the planner finished with status success
    FAILURE = "failure"  # gave up: stuck, too many mistakes in a row, time budget
    INFEASIBLE = "infeasible"  # the planner finished saying the goal cannot be done
    MAX_STEPS = "max_steps"  # the step budget ran out
    INFRASTRUCTURE = "infrastructure"  # the device or the disk failed; not the agent's fault
    ABORTED = "aborted"  # interrupted (Ctrl-C, a killed process): no outcome was written


@dataclass(frozen=True)
class Verification:
    verdict: Verdict
    detail: str = ""  # a sentence for people and for the planner
    tree_changed: bool = False
    pixel_change: float = 0.0  # fraction of (downscaled) pixels that changed, 0-1

    def summary(self) -> str:
        text = {
            Verdict.CHANGED: "screen changed",
            Verdict.NO_CHANGE: "no visible change",
            Verdict.UNEXPECTED: "unexpected result",
            Verdict.SKIPPED: "not checked",
        }[self.verdict]
        return f"{text}: {self.detail}" if self.detail else text

    def to_dict(self) -> dict[str, Any]:
        return {
            "verdict": str(self.verdict),
            "detail": self.detail,
            "tree_changed": self.tree_changed,
            "pixel_change": round(self.pixel_change, 5),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Verification:
        return cls(
            Verdict(data["verdict"]),
            data.get("detail", ""),
            bool(data.get("tree_changed", False)),
            float(data.get("pixel_change", 0.0)),
        )


@dataclass(frozen=True)
class Step:
    index: int  # 0-based
    app: str = ""  # foreground app when the step was decided
    screen_signature: str = ""  # stable per page (perception.signature)
    screenshot: str = ""  # file name in the episode folder, "" when not recorded
    tree: str = ""  # file name of the raw tree in the episode folder
    decision: Decision | None = None  # None when the planner produced nothing usable
    raw: str = ""  # the model's reply when it could not be read as a decision
    executed: Action | None = None  # what the device actually did (points, not element ids)
    target: str = ""  # the label of the element the action aimed at, for people
    verification: Verification | None = None
    error: str = ""  # the planner's mistake, fed back to it
    refusal: str = ""  # the person refused a sensitive action, fed back to the planner
    refusal_kind: Refusal | None = None  # why, as data (`automator.safety.GateResult.kind`)
    note: str = ""  # what the loop adds for the planner (e.g. "you are stuck")
    timings: dict[str, float] = field(default_factory=dict)  # ms per phase (see PHASES)
    element: dict[str, Any] | None = None  # the element the action hit (perception.hit)
    gesture: dict[str, Any] | None = None  # a person's finger, as recorded (demonstrations)
    typed_secret: bool = False  # its text went into a password field: stored as REDACTED
    # What was typed into password fields so far in the episode (this step included): kept in
    # memory for the planner, masked wherever the step is written or shown; never stored.
    secrets: tuple[str, ...] = field(default=(), repr=False, compare=False)

    def past(self) -> PastStep:
        """What the planner is told about this step."""
        outcome = self.verification.summary() if self.verification else ""
        if self.note:
            outcome = f"{outcome}. {self.note}" if outcome else self.note
        return PastStep(
            action=self.executed,
            thought=self.decision.thought if self.decision else "",
            outcome=outcome,
            error=self.refusal or self.error,
            refused=self.decision.action if self.refusal and self.decision else None,
            refusal=self.refusal_kind if self.refusal else None,
            app=self.app,
            screen_signature=self.screen_signature,
            verdict=self.verification.verdict if self.verification else None,
            memo=self.decision.memo if self.decision else None,
        )

    def headline(self) -> str:
        """One line for people: what was decided and what came of it."""
        if self.executed is not None:
            what = describe(self.executed) + (f" on {self.target!r}" if self.target else "")
        elif self.decision is not None:
            what = describe(self.decision.action)
        else:
            what = "(no action)"
        problem = self.refusal or self.error
        if problem:
            line = f"{what} -- {problem}"
        else:
            line = f"{what} -- {self.verification.summary()}" if self.verification else what
        return mask(line, self.secrets)

    def to_dict(self) -> dict[str, Any]:
        """The row written to disk, every secret of the episode masked."""
        return mask({
            "index": self.index,
            "app": self.app,
            "screen_signature": self.screen_signature,
            "screenshot": self.screenshot,
            "tree": self.tree,
            "decision": _decision_to_dict(self.decision),
            "raw": self.raw,
            "executed": action_to_dict(self.executed) if self.executed else None,
            "target": self.target,
            "verification": self.verification.to_dict() if self.verification else None,
            "error": self.error,
            "refusal": self.refusal,
            "refusal_kind": self.refusal_kind.value if self.refusal_kind else None,
            "note": self.note,
            "timings": {k: round(v, 2) for k, v in self.timings.items()},
            "typed_secret": self.typed_secret,
            "element": self.element,
            "gesture": self.gesture,
        }, self.secrets)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Step:
        executed = data.get("executed")
        verification = data.get("verification")
        return cls(
            index=int(data["index"]),
            app=data.get("app", ""),
            screen_signature=data.get("screen_signature", ""),
            screenshot=data.get("screenshot", ""),
            tree=data.get("tree", ""),
            decision=_decision_from_dict(data.get("decision")),
            raw=data.get("raw", ""),
            executed=action_from_dict(executed) if executed else None,
            target=data.get("target", ""),
            verification=Verification.from_dict(verification) if verification else None,
            error=data.get("error", ""),
            refusal=data.get("refusal", ""),
            refusal_kind=Refusal(data["refusal_kind"]) if data.get("refusal_kind") else None,
            note=data.get("note", ""),
            timings={k: float(v) for k, v in data.get("timings", {}).items()},
            typed_secret=bool(data.get("typed_secret", False)),
            element=data.get("element"),
            gesture=data.get("gesture"),
        )


def _decision_to_dict(decision: Decision | None) -> dict[str, Any] | None:
    if decision is None:
        return None
    return {
        "action": action_to_dict(decision.action),
        "thought": decision.thought,
        "raw": decision.raw,
        "confidence": decision.confidence,
        "usage": dict(decision.usage),
    }


def _decision_from_dict(data: dict[str, Any] | None) -> Decision | None:
    if data is None:
        return None
    return Decision(
        action=action_from_dict(data["action"]),
        thought=data.get("thought", ""),
        raw=data.get("raw", ""),
        confidence=data.get("confidence"),
        usage=dict(data.get("usage", {})),
    )


@dataclass(frozen=True)
class Trajectory:
    goal: str
    device: str  # the device's name (serial, "virtual-0", display)
    planner: str  # the planner's name
    started: float  # seconds since the epoch
    ended: float | None = None  # seconds since the epoch; None while running or when killed
    steps: tuple[Step, ...] = ()
    outcome: Outcome = Outcome.ABORTED
    complete: bool = True  # False when read back from a run cut short (no outcome, torn line)
    reason: str = ""  # why the episode ended, in a sentence
    answer: str | None = None  # the planner's reply when the goal asked a question
    schema_version: int = SCHEMA_VERSION
    author: str = "agent"  # who acted: "agent" (a planner), or "human" (a demonstration)

    @property
    def seconds(self) -> float:
        return (self.ended - self.started) if self.ended is not None else 0.0

    def header_dict(self) -> dict[str, Any]:
        return {
            "schema_version": self.schema_version,
            "goal": self.goal,
            "device": self.device,
            "planner": self.planner,
            "author": self.author,
            "started": self.started,
        }

    def outcome_dict(self) -> dict[str, Any]:
        return {
            "outcome": str(self.outcome),
            "reason": self.reason,
            "answer": self.answer,
            "ended": self.ended,
            "steps": len(self.steps),
        }

    def to_dict(self) -> dict[str, Any]:
        return {
            **self.header_dict(),
            **self.outcome_dict(),
            "steps": [s.to_dict() for s in self.steps],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Trajectory:
        version = int(data.get("schema_version", SCHEMA_VERSION))
        check_version(version)  # a dict in the current format, or an older one read as such
        return cls(
            goal=data["goal"],
            device=data.get("device", ""),
            planner=data.get("planner", ""),
            started=float(data.get("started", 0.0)),
            ended=data.get("ended"),
            steps=tuple(Step.from_dict(s) for s in data.get("steps", [])),
            outcome=Outcome(data.get("outcome", Outcome.ABORTED)),
            reason=data.get("reason", ""),
            answer=data.get("answer"),
            schema_version=version,
            author=data.get("author", "agent"),
        )
