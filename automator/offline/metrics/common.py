"""What every benchmark's scoring shares: the step score, text distances, gesture directions."""

from __future__ import annotations

from dataclasses import dataclass, field

from automator.errors import InvalidTarget
from automator.resolve import resolve_target
from devices import gestures
from devices.actions import Action, Direction, Point, Swipe
from devices.gestures import opposite
from perception.elements import Screen

OFFICIAL = "official"  # the rules of the script that published numbers were computed with
DOCUMENTED = "documented"  # the rules as the benchmark's paper or README states them


@dataclass(frozen=True)
class StepScore:
    kind: str  # the ground truth's action type, in the benchmark's words (for per-type figures)
    predicted: str  # the prediction in the benchmark's words, for people
    type_match: bool  # same action type, by the benchmark's own typing
    exact: dict[str, bool] = field(default_factory=dict)  # per rule set: the step is right


def point_of(action: Action, screen: Screen) -> Point | None:
    """Where a pointing action lands in screen pixels (an element: its visible centre)."""
    target = getattr(action, "target", None)
    if target is None:
        return None
    try:
        return resolve_target(target, screen)
    except InvalidTarget:
        return None


def finger_direction(scroll: Direction) -> Direction:
    """The way a finger moves to scroll: our `Scroll(DOWN)` reveals what is below, which a
    finger does by moving up (devices.gestures)."""
    return opposite(scroll)


def swipe_direction(swipe: Swipe) -> Direction:
    """The way the finger of a swipe moves, on its main axis (a tie counts as vertical)."""
    return gestures.finger_direction(swipe.start, swipe.end)


def levenshtein(a: str, b: str) -> int:
    """Edit distance with insertions, deletions and substitutions of cost 1."""
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1,
                               previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def indel_ratio(a: str, b: str) -> float:
    """The similarity `Levenshtein.ratio` computes: 1 - indel distance / (len a + len b), where
    the indel distance counts a substitution as a deletion and an insertion; 1.0 for two empty
    strings."""
    if not a and not b:
        return 1.0
    previous = [0] * (len(b) + 1)  # longest common subsequence, row by row
    for ca in a:
        current = [0]
        for j, cb in enumerate(b, 1):
            current.append(previous[j - 1] + 1 if ca == cb else max(previous[j], current[j - 1]))
        previous = current
    return 2 * previous[-1] / (len(a) + len(b))
