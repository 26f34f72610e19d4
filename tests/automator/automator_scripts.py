"""Scripts for the automator's tests: they find elements by what the elements say."""

from collections.abc import Callable, Sequence

from devices.actions import Action, ElementRef, Tap
from perception.elements import Screen
from planners.planner import PastStep

Script = Callable[[str, Screen, Sequence[PastStep]], Action | None]


def find(screen: Screen, text: str) -> int:
    """The id of the first element whose label starts with `text` (case-insensitive)."""
    for element in screen.elements:
        if element.label.casefold().startswith(text.casefold()):
            return element.id
    raise AssertionError(f"no element {text!r} on screen: {[e.label for e in screen.elements]}")


def field(screen: Screen) -> int:
    """The id of the first editable element."""
    return next(e.id for e in screen.elements if e.editable)


def tap_labels(*labels: str, then: Sequence[Action] = ()) -> Script:
    """A script that taps the elements with these labels in turn, then plays `then`."""
    plan: list[Callable[[Screen], Action]] = [
        (lambda screen, t=text: Tap(ElementRef(find(screen, t)))) for text in labels
    ] + [(lambda screen, a=action: a) for action in then]

    def script(goal: str, screen: Screen, history: Sequence[PastStep]) -> Action | None:
        done = sum(1 for h in history if h.action is not None)
        return plan[done](screen) if done < len(plan) else None

    return script
