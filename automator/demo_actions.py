"""What a person's gesture, key or word means in the action vocabulary (demonstrations).

A tap is a `Tap` of its point, unless it hits a navigation bar button (`PressKey`); a long
press a `LongPress` of its duration; a finger's swipe that starts inside a scrollable element
a `Scroll` that names what comes into view (the finger moves the other way: see
devices.actions), any other swipe (and a mouse drag) a `Swipe` of its exact path; a mouse
wheel a `Scroll`. The person ends a recording
with a word: `done`, `answer TEXT` or `infeasible REASON`.
"""

from __future__ import annotations

from typing import Any

from devices.actions import (
    Action,
    Finish,
    FinishStatus,
    Key,
    LongPress,
    PressKey,
    Scroll,
    Swipe,
    Tap,
)
from devices.gestures import swipe_scroll
from devices.touch_reading import Gesture, GestureKind
from perception.elements import Screen, UIElement
from perception.hit import element_at

ENDINGS = "done | answer TEXT | infeasible REASON"
# The 3-button navigation bar of Android's system UI, by resource name.
NAV_BUTTONS = {"back": Key.BACK, "home": Key.HOME, "recent_apps": Key.RECENTS}
# Kernel keys a person presses that the vocabulary has (KEY_HOME is HOME on the emulator's
# and some vendors' key layouts; KEY_HOMEPAGE on most phones).
KERNEL_KEYS = {"KEY_BACK": Key.BACK, "KEY_ESC": Key.BACK, "KEY_HOMEPAGE": Key.HOME,
               "KEY_HOME": Key.HOME, "KEY_APPSELECT": Key.RECENTS,
               "KEY_ENTER": Key.ENTER}  # fmt: skip


def parse_ending(line: str) -> Finish:
    """The person's closing word; ValueError (saying what is accepted) for anything else."""
    word, _, rest = line.strip().partition(" ")
    rest = rest.strip()
    match word.casefold():
        case "done":
            return Finish(FinishStatus.SUCCESS, rest or None)
        case "answer" if rest:
            return Finish(FinishStatus.SUCCESS, rest)
        case "infeasible":
            return Finish(FinishStatus.INFEASIBLE, rest or None)
    raise ValueError(f"not understood: {line.strip()!r}; type {ENDINGS}")


def nav_key(element: UIElement | None) -> Key | None:
    """The key a navigation bar button stands for, if the element is one."""
    if element is None or element.package != "com.android.systemui":
        return None
    return NAV_BUTTONS.get(element.resource_id.rpartition("/")[2])


def gesture_action(gesture: Gesture, screen: Screen) -> tuple[Action, UIElement | None]:
    """The action a gesture performed on `screen` (the screen before it), and the element it
    hit."""
    at = gesture.start
    if gesture.kind == GestureKind.TAP:
        element = element_at(screen, at)
        key = nav_key(element)
        return (PressKey(key) if key else Tap(at)), element
    if gesture.kind == GestureKind.LONG_PRESS:
        return LongPress(at, duration_ms=gesture.duration_ms), element_at(screen, at)
    container = element_at(screen, at, scrollable=True)
    if gesture.kind == GestureKind.SCROLL and gesture.scroll is not None:
        return Scroll(gesture.scroll, target=at), container or element_at(screen, at)
    if container is not None and gesture.pointer == "finger":  # a mouse drag is no scroll
        return Scroll(swipe_scroll(gesture.start, gesture.end), target=at), container
    return Swipe(at, gesture.end, gesture.duration_ms), element_at(screen, at)


def gesture_record(gesture: Gesture) -> dict[str, Any]:
    """The finger as a step stores it (automator.recording documents the fields)."""
    return {
        "kind": str(gesture.kind),
        "start": [gesture.start.x, gesture.start.y],
        "end": [gesture.end.x, gesture.end.y],
        "duration_ms": gesture.duration_ms,
        "fingers": gesture.fingers,
    }
