"""The planner interface: screen + goal + history -> one decision."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Protocol, runtime_checkable

from devices.actions import Action
from perception.elements import Screen


class Verdict(StrEnum):
    """What the loop saw an executed action do."""

    CHANGED = "changed"  # the screen changed as the action intended
    NO_CHANGE = "no_change"  # nothing visible happened
    UNEXPECTED = "unexpected"  # something changed, but not what the action intended
    SKIPPED = "skipped"  # nothing to check (wait, finish, nothing executed)


class Refusal(StrEnum):
    """Why the safety gate did not let an action run."""

    UNAPPROVED = "unapproved"  # of a kind the goal asks for, but it needs a consent that
    #   nobody gave (no pre-approval, nobody to ask, or the person said no): any other way
    #   to the same action meets the same gate
    OFF_GOAL = "off_goal"  # not what the goal asks for, or about something it does not name


@dataclass(frozen=True)
class Decision:
    action: Action
    thought: str = ""  # the model's reasoning, shown to people and kept in the trajectory
    raw: str = ""  # the model's raw output, verbatim
    confidence: float | None = None  # 0-1 where the planner has one
    usage: dict[str, float] = field(default_factory=dict)  # tokens, model timings (ms)
    # The planner's own typed record of this step (what it was doing, what it marked), handed
    # back unchanged in `PastStep.memo`: state is carried as data, never parsed from `thought`.
    # The loop neither reads nor records it.
    memo: object | None = None


@dataclass(frozen=True)
class PastStep:
    """What the planner is told about an earlier step of the episode."""

    action: Action | None  # what was executed (None when nothing was)
    thought: str = ""
    outcome: str = ""  # what the loop observed: "screen changed", "no visible change", ...
    error: str = ""  # the planner's mistake or a refusal, fed back so it can do better
    app: str = ""  # foreground app when the step was decided
    screen_signature: str = ""  # stable signature of the screen the step acted on
    verdict: Verdict | None = None  # what the loop verified (None: nothing was executed)
    memo: object | None = None  # the planner's own `Decision.memo` for this step
    refused: Action | None = None  # the action the safety gate did not let run, as decided
    refusal: Refusal | None = None  # why it did not (None: nothing was refused)

    @property
    def changed(self) -> bool:
        """The action was carried out and the loop did not find it without effect."""
        return self.action is not None and not self.error and self.verdict is not (
            Verdict.NO_CHANGE)


@dataclass(frozen=True)
class Consents:
    """What the person said about sensitive kinds of action before the episode began: the
    categories pre-approved (`perception.sensitive`), and whether someone is there to ask
    about the others. A planner that knows this can stop before it starts a task whose own
    end the safety gate will refuse, instead of changing things on the way to that refusal
    (filling a cart it may never pay for)."""

    approved: frozenset[str] = frozenset()
    can_ask: bool = False

    def withheld(self, category: str) -> bool:
        """An action of `category` will be refused: not approved, and nobody to ask."""
        return category not in self.approved and not self.can_ask


@runtime_checkable
class Briefed(Protocol):
    """A planner the loop tells, before each episode's first step, what consents it has."""

    def brief(self, consents: Consents) -> None: ...


@runtime_checkable
class Planner(Protocol):
    name: str

    def decide(self, goal: str, screen: Screen, history: Sequence[PastStep]) -> Decision:
        """The next action. Raise `ParseError` when the model's output is unusable."""
        ...
