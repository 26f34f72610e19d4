"""Screens that take time to settle: what a realistic phone shows right after a change.

When an input changes the screen (a new page, back, another app, a dialog), the phone's state
changes at once but the pixels and the dump lag for a seeded 100-800 ms: for the first part
of that time the old screen is still shown, then the new one half-drawn (its scrolling lists
empty, a spinner where their rows will be), then the new one as it is. Time is the phone's:
an injectable clock plus the `Wait`s it was given, so tests drive it without sleeping.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass
from enum import Enum

from devices.virtual.view import Style, View
from devices.virtual.window import Window
from devices.virtual.world import World

PROGRESS = "android.widget.ProgressBar"
DURATION_S = (0.1, 0.8)  # s, the range a transition's length is drawn from
OLD_SHARE = 0.35  # the first 35 % of a transition still shows the old screen
SPINNER_PX = 144  # px, side of the spinner drawn in an empty list
SPINNER_TOP_PX = 96  # px between a list's top and its spinner

Signature = Hashable  # what identifies a screen: equal signatures, same screen


class Phase(Enum):
    OLD = "old"  # the screen before the change
    PARTIAL = "partial"  # the new screen, its lists still loading
    SETTLED = "settled"


@dataclass(frozen=True)
class Transition:
    old: list[Window]  # the frame shown before the change
    start: float  # s, phone time of the change
    duration: float  # s

    def phase(self, now: float) -> Phase:
        elapsed = now - self.start
        if elapsed >= self.duration:
            return Phase.SETTLED
        return Phase.OLD if elapsed < self.duration * OLD_SHARE else Phase.PARTIAL


class Transitions:
    """Notices screen changes and says which phase a capture falls in."""

    def __init__(self, world: World, enabled: bool) -> None:
        self.enabled = enabled
        self._world = world
        self._count = 0  # transitions so far; each draws its own duration
        self._shown: tuple[Signature, list[Window]] | None = None  # last settled frame
        self.current: Transition | None = None

    def reset(self) -> None:
        """Forget what was shown: no transition runs, the next change has no old screen."""
        self._shown = None
        self.current = None

    def settled(self, signature: Signature, frame: list[Window]) -> None:
        """`frame` is the settled frame of the screen `signature` names."""
        self._shown = (signature, frame)

    def changed(self, signature: Signature, now: float) -> None:
        """The state now shows the screen `signature`; start a transition if it is new."""
        if not self.enabled or self._shown is None or self._shown[0] == signature:
            return
        if self.current is not None and self.current.phase(now) is not Phase.SETTLED:
            old = self.current.old  # a change during a change: the old screen stays the oldest
        else:
            old = self._shown[1]
        self._count += 1
        low, high = DURATION_S
        duration = self._world.rng("transition", self._count).uniform(low, high)
        self.current = Transition(old, now, duration)
        self._shown = (signature, old)

    def phase(self, now: float) -> Phase:
        if self.current is None:
            return Phase.SETTLED
        phase = self.current.phase(now)
        if phase is Phase.SETTLED:
            self.current = None
        return phase


def spinner(list_bounds: tuple[int, int, int, int]) -> View:
    """An indeterminate ProgressBar near the top of an empty list, laid out."""
    x1, y1, x2, _ = list_bounds
    cx, top = (x1 + x2) // 2, y1 + SPINNER_TOP_PX
    view = View(PROGRESS, rid="progress", style=Style(icon="spinner", fg="primary"))
    view.bounds = (cx - SPINNER_PX // 2, top, cx + SPINNER_PX // 2, top + SPINNER_PX)
    return view


def half_drawn(frame: list[Window]) -> list[Window]:
    """`frame` (freshly composed, not shared) with the app's scrolling lists still empty."""
    for window in frame:
        if window.kind != "app":
            continue
        for view in list(window.root.walk()):
            if view.scrollable and view.children:
                view.children = [spinner(view.bounds)]
    return frame


def shown(transitions: Transitions, now: float, settled: Callable[[], list[Window]],
          fresh: Callable[[], list[Window]]) -> list[Window]:
    """The frame a capture at `now` sees: the old one, a half-drawn one, or `settled()`."""
    phase = transitions.phase(now)
    if phase is Phase.OLD and transitions.current is not None:
        return transitions.current.old
    if phase is Phase.PARTIAL:
        return half_drawn(fresh())
    return settled()
