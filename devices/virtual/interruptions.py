"""Things that pop up on a real phone without being asked for, and how a person gets rid of them.

On a phone whose realism includes `interruptions`, the seed decides which of these appear in a
session and when, each at most once:
- a runtime permission prompt (`com.google.android.permissioncontroller`, "Allow Contacts to
  send you notifications?" Allow / Don't allow) the first time a chosen app is opened;
- a rating request of a chosen app ("Enjoying Notes?" Not now / Rate) after the Nth input in it;
- a heads-up notification (a System UI window over the top of the screen) after the Nth input
  anywhere; it goes on a swipe up, on Back, on a tap, or after `HEADS_UP_S` of phone time;
- a "what's new" bottom sheet ("Got it") the first time a chosen app is opened.
Any of them also goes on Back. None changes the phone's state: a choice is not recorded.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum

from devices.virtual import popups
from devices.virtual.window import Window
from devices.virtual.world import World

HEADS_UP_S = 5.0  # s of phone time a heads-up notification stays
CHANCE = 0.6  # the chance that a seed has each kind of interruption
_APPS = ("contacts", "messages", "clock", "notes", "shop", "settings")  # keys that may prompt


class Kind(Enum):
    PERMISSION = "permission"
    RATING = "rating"
    HEADS_UP = "heads_up"
    WHATS_NEW = "whats_new"


@dataclass(frozen=True)
class Planned:
    kind: Kind
    app: str  # the app key it belongs to (or appears over, for a heads-up: any)
    inputs: int = 0  # after this many inputs (in `app`; anywhere for a heads-up); 0: on opening


def plan(world: World) -> tuple[Planned, ...]:
    """The interruptions a phone of this world shows in a session, in no particular order."""
    if not world.realism.interruptions:
        return ()
    out = []
    for kind in Kind:
        rng = world.rng("interruptions", kind.value)
        if rng.random() >= CHANCE:
            continue
        app = rng.choice(_APPS)
        if kind is Kind.RATING:
            out.append(Planned(kind, app, rng.randint(3, 8)))
        elif kind is Kind.HEADS_UP:
            out.append(Planned(kind, "", rng.randint(2, 10)))
        else:
            out.append(Planned(kind, app))
    return tuple(out)


@dataclass
class Showing:
    planned: Planned
    since: float  # s, phone time it appeared


@dataclass
class Interruptions:
    """Which interruptions are still to come, which one shows, and its windows."""

    planned: tuple[Planned, ...]
    labels: dict[str, tuple[str, str]]  # app key -> (label, package)
    redraw: Callable[[], None]
    showing: Showing | None = None
    done: set[Planned] = field(default_factory=set)
    opened: set[str] = field(default_factory=set)  # app keys opened this session
    inputs: dict[str, int] = field(default_factory=dict)  # app key ("" for all) -> inputs

    def input(self, app: str) -> None:
        """One more input while `app` is in the foreground."""
        for key in ("", app):
            self.inputs[key] = self.inputs.get(key, 0) + 1

    def update(self, app: str, now: float) -> None:
        """After a change, with `app` in the foreground: show what is due, if nothing shows."""
        first_open = app not in self.opened
        self.opened.add(app)
        s = self.showing
        if s is not None and s.planned.kind is not Kind.HEADS_UP and s.planned.app != app:
            self.showing = None  # an app's prompt goes with the app (Home, another app)
        if self.showing is not None:
            return
        for p in self.planned:
            if p not in self.done and self._due(p, app, first_open):
                self.showing = Showing(p, now)
                self.done.add(p)
                return

    def _due(self, p: Planned, app: str, first_open: bool) -> bool:
        if p.kind is Kind.HEADS_UP:
            return self.inputs.get("", 0) >= p.inputs
        if p.app != app:
            return False
        return first_open if p.inputs == 0 else self.inputs.get(app, 0) >= p.inputs

    def expire(self, now: float) -> bool:
        """Let a heads-up go when its time is up; whether anything went."""
        s = self.showing
        if s is not None and s.planned.kind is Kind.HEADS_UP and now - s.since >= HEADS_UP_S:
            self.showing = None
            return True
        return False

    def dismiss(self) -> None:
        self.showing = None
        self.redraw()

    def back(self) -> bool:
        """Back closes whatever shows; whether something did."""
        if self.showing is None:
            return False
        self.dismiss()
        return True

    def swiped(self, x: int, y1: int, y2: int) -> bool:
        """A swipe up that starts on a heads-up notification sends it away."""
        s = self.showing
        if s is None or s.planned.kind is not Kind.HEADS_UP:
            return False
        x1, top, x2, bottom = popups.HEADS_UP
        if x1 <= x < x2 and top <= y1 < bottom and y2 < y1:
            self.dismiss()
            return True
        return False

    def windows(self) -> list[Window]:
        s = self.showing
        if s is None:
            return []
        p = s.planned
        label, package = self.labels.get(p.app, ("", ""))
        if p.kind is Kind.PERMISSION:
            return [popups.permission_window(label, self.dismiss)]
        if p.kind is Kind.RATING:
            return [popups.rating_window(label, package, self.dismiss)]
        if p.kind is Kind.WHATS_NEW:
            return [popups.whats_new_window(label, package, self.dismiss)]
        return [popups.heads_up_window(self.dismiss)]
