"""The planner interface: screen + goal + history -> one decision."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol, runtime_checkable

from devices.actions import Action
from perception.elements import Screen


@dataclass(frozen=True)
class Decision:
    action: Action
    thought: str = ""  # the model's reasoning, shown to people and kept in the trajectory
    raw: str = ""  # the model's raw output, verbatim
    confidence: float | None = None  # 0-1 where the planner has one
    usage: dict[str, float] = field(default_factory=dict)  # tokens, model timings (ms)


@dataclass(frozen=True)
class PastStep:
    """What the planner is told about an earlier step of the episode."""

    action: Action | None  # what was executed (None when nothing was)
    thought: str = ""
    outcome: str = ""  # what the loop observed: "screen changed", "no visible change", ...
    error: str = ""  # the planner's mistake or a refusal, fed back so it can do better
    app: str = ""  # foreground app when the step was decided
    screen_signature: str = ""  # stable signature of the screen the step acted on


@runtime_checkable
class Planner(Protocol):
    name: str

    def decide(self, goal: str, screen: Screen, history: Sequence[PastStep]) -> Decision:
        """The next action. Raise `ParseError` when the model's output is unusable."""
        ...
