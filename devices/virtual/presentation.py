"""What a phone shows of its state, as realistic as its `Realism` asks: the phone's clock,
the transitions between screens, the interruptions over them and the wording of the dump.

The phone composes frames from its state and dispatches input to them; `Presentation` decides
which frame a capture sees at a given moment and how its dump words each view. With realism
off it passes the phone's frame through untouched.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable

from devices.virtual import transitions
from devices.virtual.disguise import Disguise
from devices.virtual.interruptions import Interruptions, plan
from devices.virtual.session import Session
from devices.virtual.window import Window
from devices.virtual.world import World

Frame = list[Window]


class Presentation:
    def __init__(self, world: World, session: Session, clock: Callable[[], float],
                 redraw: Callable[[], None]) -> None:
        """`clock` gives seconds; `redraw` drops the phone's cached frame."""
        self.world = world
        self.disguise = Disguise(world)
        self._session = session
        self._clock = clock
        self._waited = 0.0  # s of `Wait` actions, added to the clock
        self._redraw = redraw
        self.transitions = transitions.Transitions(world, world.realism.transitions)
        labels = {a.key: (a.label, a.package) for a in session.apps.values()}
        self.popups = Interruptions(plan(world), labels, redraw=redraw)

    def now(self) -> float:
        """Seconds of phone time: the clock plus every `Wait`."""
        return self._clock() + self._waited

    def wait(self, seconds: float) -> None:
        self._waited += seconds

    def input(self) -> None:
        """One more input (tap, key, swipe, text, app switch) is about to happen."""
        self.popups.input(self._session.current)

    def signature(self, foreground: tuple[str, str]) -> Hashable:
        """What names the screen: a different signature is a different screen."""
        s = self._session
        dialog = s.dialog.title if s.dialog is not None else None
        showing = self.popups.showing
        popup = showing.planned if showing is not None else None
        return (foreground, s.recents_open, len(s.stack(s.current)), dialog, popup)

    def changed(self, foreground: tuple[str, str]) -> None:
        """The state may show another screen: interruptions and transitions take note."""
        if not self.world.realism.any:
            return
        now = self.now()
        app = "" if self._session.recents_open else self._session.current
        self.popups.update(app, now)
        self.transitions.changed(self.signature(foreground), now)

    def extra_windows(self) -> Frame:
        """Windows over the phone's own: the interruption that shows, if any."""
        return self.popups.windows()

    def composed(self, frame: Frame, foreground: tuple[str, str]) -> None:
        """The phone composed `frame`, the settled frame of the screen it shows now."""
        if self.transitions.enabled:
            self.transitions.settled(self.signature(foreground), frame)

    def shown(self, settled: Callable[[], Frame], fresh: Callable[[], Frame]) -> Frame:
        """The frame a capture sees now: `settled()`, or one of a transition's frames
        (`fresh()` composes a frame that may be altered)."""
        now = self.now()
        if self.popups.expire(now):
            self._redraw()
        if not self.transitions.enabled:
            return settled()
        return transitions.shown(self.transitions, now, settled, fresh)
