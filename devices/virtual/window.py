"""Windows of the virtual phone's screen, and the geometry they share.

A frame is a list of `Window`s in z-order, bottom first: the foreground app, the system bars,
a dialog, the soft keyboard, a toast. Each holds a laid-out `View` tree whose root is the
window's FrameLayout; rendering and the hierarchy dump walk the same trees, so a node's bounds
are exactly where it is drawn.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from devices.virtual.view import Rect, View

WIDTH = 1080  # px
HEIGHT = 2400  # px
STATUS_BAR_H = 84  # px, top of the screen
NAV_BAR_TOP = 2274  # px, the 3-button navigation bar runs from here to the bottom
KEYBOARD_H = 900  # px, the soft keyboard sits right above the navigation bar

SCREEN: Rect = (0, 0, WIDTH, HEIGHT)
STATUS_BAR: Rect = (0, 0, WIDTH, STATUS_BAR_H)
NAV_BAR: Rect = (0, NAV_BAR_TOP, WIDTH, HEIGHT)
KEYBOARD: Rect = (0, NAV_BAR_TOP - KEYBOARD_H, WIDTH, NAV_BAR_TOP)
APP_AREA: Rect = (0, STATUS_BAR_H, WIDTH, NAV_BAR_TOP)
APP_AREA_WITH_KEYBOARD: Rect = (0, STATUS_BAR_H, WIDTH, NAV_BAR_TOP - KEYBOARD_H)

SYSTEM_UI_PACKAGE = "com.android.systemui"
KEYBOARD_PACKAGE = "com.google.android.inputmethod.latin"


@dataclass(eq=False)
class Window:
    kind: str  # app | system | dialog | keyboard | toast
    package: str  # what the dump writes in every node's package attribute
    root: View  # laid out; its bounds are the window's
    touch: tuple[Rect, ...] = ()  # where the window takes touches; () = nowhere (toasts)
    scrim: bool = False  # dim everything below before drawing (modal dialogs)
    clip: Rect | None = None  # where the root's content shows; None: the root's bounds
    outside: Callable[[], None] | None = None  # a tap in `touch` but off the root (dismiss)


def intersect(a: Rect, b: Rect) -> Rect:
    return (max(a[0], b[0]), max(a[1], b[1]), min(a[2], b[2]), min(a[3], b[3]))


def is_empty(r: Rect) -> bool:
    return r[2] <= r[0] or r[3] <= r[1]


def contains(r: Rect, x: int, y: int) -> bool:
    return r[0] <= x < r[2] and r[1] <= y < r[3]


SEEK_INSET = 48  # px between a SeekBar's edge and the ends of its track


def seek_track(bounds: Rect) -> tuple[int, int]:
    """The x range of a SeekBar's track: progress 0 at the left end, 1 at the right."""
    return bounds[0] + SEEK_INSET, bounds[2] - SEEK_INSET


def seek_value(bounds: Rect, x: int) -> float:
    left, right = seek_track(bounds)
    return min(1.0, max(0.0, (x - left) / max(1, right - left)))
