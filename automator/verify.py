"""Settling after an action and checking that it did what it meant to do.

`settle` captures until two consecutive captures agree (same tree, same downscaled pixels),
bounded in captures and seconds. `verify` compares the screens before and after: a tree diff
and a pixel-change fraction for every action, plus a check that fits the action: a toggle's
checked state flipped, a field now holds the typed text, a list moved, back/home left the
page, an app came to the front.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import numpy as np
from PIL import Image

from automator.trajectory import Verdict, Verification
from devices.actions import (
    Action,
    ElementRef,
    Finish,
    Key,
    OpenApp,
    PressKey,
    Scroll,
    Swipe,
    TypeText,
    Wait,
)
from devices.device import Device
from devices.observation import Observation
from perception.elements import Screen, UIElement

FINGERPRINT_CELL = 12  # px of the screen per fingerprint pixel, each way
PIXEL_DELTA = 10  # grey levels a fingerprint pixel must move to count as changed
BUSY = 'class="android.widget.ProgressBar"'  # a spinner in a uiautomator dump
MIN_PIXEL_CHANGE = 0.001  # fraction below which an unchanged tree means "nothing happened"


def fingerprint(image: Image.Image) -> np.ndarray:
    """A small grey copy of the screenshot, for cheap change detection."""
    return np.asarray(image.reduce(FINGERPRINT_CELL).convert("L"), dtype=np.int16)


def pixel_change(a: np.ndarray, b: np.ndarray) -> float:
    """Fraction of fingerprint pixels that changed; 1.0 when the sizes differ (rotation)."""
    if a.shape != b.shape:
        return 1.0
    return float(np.count_nonzero(np.abs(a - b) > PIXEL_DELTA)) / max(1, a.size)


@dataclass(frozen=True, eq=False)
class Capture:
    observation: Observation
    fingerprint: np.ndarray
    ms: float  # time the capture took

    @property
    def busy(self) -> bool:
        """The screen shows a spinner (an indeterminate progress bar): still drawing."""
        return BUSY in self.observation.tree

    def same_as(self, other: Capture) -> bool:
        return (
            self.observation.tree == other.observation.tree
            and pixel_change(self.fingerprint, other.fingerprint) == 0.0
        )


def capture(device: Device) -> Capture:
    start = time.perf_counter()
    observation = device.capture()
    fp = fingerprint(observation.screenshot)
    return Capture(observation, fp, (time.perf_counter() - start) * 1000)


def settle(device: Device, interval_s: float, timeout_s: float, max_captures: int,
           before: Capture | None = None) -> Capture:
    """Capture until the screen holds still (two agreeing captures, no spinner) after it has
    changed from `before`, the screen the action was taken on; or until the bounds run out.
    A slow phone still showing the old frame, or a page still filling in, is waited for,
    not read as "nothing happened"."""
    deadline = time.monotonic() + timeout_s
    last = capture(device)
    for _ in range(max(0, max_captures - 1)):
        if time.monotonic() >= deadline:
            break
        if interval_s > 0:
            time.sleep(interval_s)
        current = capture(device)
        moved = before is None or not current.same_as(before)
        if moved and not current.busy and current.same_as(last):
            return current
        last = current
    return last


@dataclass(frozen=True, eq=False)
class Snapshot:
    """One settled screen: what was captured and what perception made of it."""

    capture: Capture
    screen: Screen
    signature: str
    perceive_ms: float

    @property
    def observation(self) -> Observation:
        return self.capture.observation


def _find_same(element: UIElement, screen: Screen) -> UIElement | None:
    """The element on `screen` that is `element` seen again, if one clearly is."""
    for other in screen.elements:
        if (other.bounds, other.resource_id, other.class_name) == (
            element.bounds, element.resource_id, element.class_name
        ):
            return other
    key = (element.resource_id, element.class_name, element.text or element.description)
    same = [
        e for e in screen.elements
        if (e.resource_id, e.class_name, e.text or e.description) == key
    ]
    return same[0] if len(same) == 1 else None


def _target_element(original: Action, screen: Screen) -> UIElement | None:
    target = getattr(original, "target", None)
    if isinstance(target, ElementRef):
        try:
            return screen.element(target.id)
        except KeyError:
            return None
    if isinstance(original, TypeText) and target is None:
        return next((e for e in screen.elements if e.editable and e.focused), None)
    return None


def _no_change_detail(action: Action) -> str:
    match action:
        case Scroll() | Swipe():
            return "the content did not move (perhaps the end of the list)"
        case TypeText():
            return "the field did not take the text"
        case PressKey(key=Key.BACK | Key.HOME):
            return "the screen stayed the same"
        case OpenApp(app=app):
            return f"{app!r} did not come to the front"
    return "the screen did not react"


def _toggle_check(element: UIElement, after: Screen) -> Verification | None:
    again = _find_same(element, after)
    if again is None or not again.checkable:
        return None
    state = "on" if again.checked else "off"
    if again.checked == element.checked:
        return Verification(Verdict.UNEXPECTED, f"{element.label!r} is still {state}", True)
    return Verification(Verdict.CHANGED, f"{element.label!r} is now {state}", True)


def _typing_check(action: TypeText, element: UIElement, after: Screen) -> Verification | None:
    again = _find_same(element, after)
    if again is None or again.password or not again.editable:
        return None
    if action.text.strip() and action.text.strip() not in again.text:
        shown = again.text or "nothing"
        return Verification(Verdict.UNEXPECTED, f"the field shows {shown!r}", True)
    return Verification(Verdict.CHANGED, "the field holds the text", True)


def _specific(original: Action, before: Snapshot, after: Snapshot) -> Verification | None:
    """A check that fits the action, where one applies."""
    element = _target_element(original, before.screen)
    if element is not None and element.checkable and not isinstance(original, TypeText):
        return _toggle_check(element, after.screen)
    if isinstance(original, TypeText) and element is not None and not original.submit:
        return _typing_check(original, element, after.screen)
    back_or_home = isinstance(original, PressKey) and original.key in (Key.BACK, Key.HOME)
    if back_or_home and after.signature != before.signature:
        return Verification(Verdict.CHANGED, "left the page", True)
    if isinstance(original, OpenApp) and after.observation.app != before.observation.app:
        return Verification(Verdict.CHANGED, f"{after.observation.app} is in front", True)
    return None


def verify(original: Action, before: Snapshot, after: Snapshot) -> Verification:
    """Did `original` (as the planner gave it) change the screen as intended?"""
    if isinstance(original, Wait | Finish):
        return Verification(Verdict.SKIPPED)
    tree_changed = before.observation.tree != after.observation.tree
    change = pixel_change(before.capture.fingerprint, after.capture.fingerprint)
    if not tree_changed and change < MIN_PIXEL_CHANGE:
        return Verification(Verdict.NO_CHANGE, _no_change_detail(original), False, change)
    found = _specific(original, before, after)
    if found is not None:
        return Verification(found.verdict, found.detail, tree_changed, change)
    detail = "now on another page" if after.signature != before.signature else "the page updated"
    return Verification(Verdict.CHANGED, detail, tree_changed, change)
