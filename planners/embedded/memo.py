"""What the embedded planner remembers of each of its steps, as data.

Every decision carries a `Memo` (in `Decision.memo`); the loop hands it back in
`PastStep.memo`. The planner reads its history through these fields and the loop's verdict
(`PastStep.changed`), never through the wording of its thoughts, which are for people.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from enum import StrEnum

from planners.planner import Decision, PastStep


class Mark(StrEnum):
    """What a step did towards the goal, where later steps need to know it."""

    SUBMIT = "submit"  # pressed the button that saves or sends a filled form
    GOAL_ACTION = "goal_action"  # pressed the goal's own verb (delete, call, confirm)
    OPEN_ITEM = "open_item"  # opened the item the goal names
    NEW_ITEM = "new_item"  # pressed the button that starts a new item
    PROPOSAL = "proposal"  # tapped a drawn target on a pixel-only screen
    STEPPER = "stepper"  # stepped a quantity
    FILL = "fill"  # chose a value in a form (AM / PM)
    SEARCH = "search"  # opened a list's own search, or typed a name into it
    CANCEL = "cancel"  # cancelled a form of ours that cannot hold what the goal asks
    DISMISS = "dismiss"  # closed a dialog that popped up unasked: no step towards the goal
    PAY = "pay"  # pressed the button that pays for an order


@dataclass(frozen=True)
class Memo:
    mark: Mark | None = None
    item: str = ""  # OPEN_ITEM: the label of the row opened
    part: int = 0  # the part of a request in several parts this step worked on
    first: str = ""  # a sub-goal a message asked for, worked on in this step
    first_done: str = ""  # a sub-goal found done in this step
    seen: tuple[str, ...] = ()  # rows of a list read so far (counting, ordering)
    best: str = ""  # the row first by the goal's order so far
    best_value: float | None = None  # its value (a price, minutes after midnight)
    lookup: str = ""  # the question (a value the goal names by reference) worked on
    read: tuple[tuple[str, str], ...] = ()  # (question, answer) pairs read on this step
    counts: tuple[tuple[str, int], ...] = ()  # NEW_ITEM: the counters shown before the press
    moving: bool = False  # a move towards pages the memory knows: nothing here did the goal
    at_best: bool = False  # decided on a page that matches the goal as well as any known one


def memo_of(step: PastStep | Decision) -> Memo:
    memo = step.memo
    return memo if isinstance(memo, Memo) else Memo()


def part_index(history: Sequence[PastStep]) -> int:
    """The part of a request being worked on: the latest one the steps so far worked on."""
    return max((memo_of(step).part for step in history), default=0)


def with_memo(decision: Decision, **fields: object) -> Decision:
    """The decision with fields of its memo set (the others kept)."""
    return replace(decision, memo=replace(memo_of(decision), **fields))  # type: ignore[arg-type]


def marked(step: PastStep, mark: Mark) -> bool:
    return memo_of(step).mark is mark
