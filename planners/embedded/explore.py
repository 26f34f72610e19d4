"""Breadth-first exploration of a device's apps into an `AppMemory`.

For each app (opened by its launcher label) every new page (by signature) is recorded,
scrolled to reveal more elements, and each of its buttons and rows is tapped once; the page
reached is recorded as a transition, then the explorer goes back (the back key, or re-opening
the app and replaying the remembered path). Switches, checkboxes, sliders and text fields are
recorded but never used, and buttons that look sensitive (pay, delete, send, allow, ...) are
never tapped, so exploration changes as little as it can on a real phone.
"""

from __future__ import annotations

import logging
import re
from collections import deque
from collections.abc import Callable

from devices.actions import Action, Direction, Key, OpenApp, PressKey, Scroll, Tap
from devices.device import AppInfo, Device
from devices.errors import ActionRejected
from perception import perceive
from perception.elements import Screen, UIElement
from perception.sensitive import sensitive_category
from planners.embedded.encoder import TextEncoder, default_encoder
from planners.embedded.memory import BACK_KEY, AppMemory, element_key, is_chrome, signature_of

logger = logging.getLogger(__name__)

Progress = Callable[[str], None]

_SCROLLS = 4  # most scrolls to reveal a page's hidden elements
_BACKS = 4  # most back presses to return to an app's entry page
# Wider than the safety gate's rules on purpose: exploring must not even send, save, call or
# sign out, which a person asking for them may well want.
_SENSITIVE = re.compile(
    r"\b(pay|buy|purchase|order|checkout|check out|delete|remove|uninstall|erase|reset|wipe|"
    r"format|allow|confirm|send|post|publish|submit|save|sign out|log ?out|clear|discard|"
    r"transfer|call|dial|share|install|grant|accept|agree|factory)\b",
    re.I,
)


def _perceive(device: Device) -> Screen:
    return perceive(device.capture())


def _sensitive(element: UIElement, screen: Screen) -> bool:
    """Never tap this while exploring: it may spend, delete, send or grant something."""
    if _SENSITIVE.search(f"{element.text} {element.description}"):
        return True
    return sensitive_category(Tap(element.bounds.center), screen) is not None


def _explorable(element: UIElement) -> bool:
    """A button or row to tap (not a field, switch, slider or list container)."""
    if is_chrome(element):
        return False
    if not (element.clickable or element.long_clickable) or element.editable or element.checkable:
        return False
    if not element.enabled or "seekbar" in element.class_name.lower():
        return False
    return element.role not in ("slider", "input", "switch", "checkbox")


class _Explorer:
    def __init__(self, device: Device, memory: AppMemory, budget: int, progress: Progress) -> None:
        self.device, self.memory, self.budget, self.progress = device, memory, budget, progress
        self.used = 0
        self.screen: Screen | None = None

    def act(self, action: Action) -> Screen:
        self.used += 1
        try:
            self.device.execute(action)
        except ActionRejected as e:
            logger.info("explore: %s rejected: %s", action, e)
        self.screen = _perceive(self.device)
        return self.screen

    def home_package(self) -> str:
        return self.act(PressKey(Key.HOME)).app

    # reaching pages ---------------------------------------------------------------------------

    def find(self, key: str) -> UIElement | None:
        """The element with this key on the current page, scrolling down to reveal it."""
        assert self.screen is not None
        for attempt in range(_SCROLLS + 1):
            found = next((e for e in self.screen.elements if element_key(e) == key), None)
            if found is not None or attempt == _SCROLLS:
                return found
            if not any(e.scrollable for e in self.screen.elements):
                return None
            before = signature_of(self.screen), [e.label for e in self.screen.elements]
            self.act(Scroll(Direction.DOWN))
            if [e.label for e in self.screen.elements] == before[1]:
                return None
        return None

    def goto(self, app: AppInfo, entry: str, sig: str, path: list[str]) -> bool:
        """Bring the app to page `sig` by re-opening it and replaying `path`."""
        if self.screen is not None and signature_of(self.screen) == sig:
            return True
        screen = self.act(OpenApp(app.label))
        for _ in range(_BACKS):
            if signature_of(screen) == entry or screen.app != app.package:
                break
            screen = self.act(PressKey(Key.BACK))
        if screen.app != app.package:
            screen = self.act(OpenApp(app.label))
        for key in path:
            element = self.find(key)
            if element is None:
                return False
            self.act(Tap(element.bounds.center))
        assert self.screen is not None
        return signature_of(self.screen) == sig

    # recording -------------------------------------------------------------------------------

    def record(self, sig: str, app: AppInfo) -> None:
        """Record the current page, scrolling its lists to reveal what lies below."""
        assert self.screen is not None
        self.memory.add_screen(sig, self.screen, app.label)
        if not any(e.scrollable for e in self.screen.elements):
            return
        scrolled = 0
        for _ in range(_SCROLLS):
            labels = [e.label for e in self.screen.elements]
            self.act(Scroll(Direction.DOWN))
            if [e.label for e in self.screen.elements] == labels:
                break
            scrolled += 1
            if signature_of(self.screen) == sig:
                self.memory.add_screen(sig, self.screen, app.label, needs_scroll=True)
        for _ in range(scrolled):
            self.act(Scroll(Direction.UP))

    def candidates(self, sig: str) -> list[str]:
        assert self.screen is not None
        record = self.memory.screens[sig]
        keys = {element_key(e) for e in self.screen.elements if _explorable(e)}
        keys |= {
            e.key for e in record.elements if e.needs_scroll and e.clickable and not e.checkable
            and not e.editable and e.role not in ("slider", "input")
        }
        visible = {element_key(e): e for e in self.screen.elements}
        ordered = [e.key for e in record.elements if e.key in keys]
        return [
            k for k in dict.fromkeys(ordered)
            if k not in visible or not _sensitive(visible[k], self.screen)
        ]

    def try_element(self, app: AppInfo, sig: str, key: str) -> str | None:
        """Tap one element of the current page; the new page's signature if it changed."""
        element = self.find(key)
        if element is None:
            return None
        assert self.screen is not None
        if _sensitive(element, self.screen):
            return None
        after = self.act(Tap(element.bounds.center))
        new_sig = signature_of(after)
        if new_sig == sig:
            return None
        if after.app != app.package:
            self.act(PressKey(Key.BACK))
            return None
        self.memory.add_transition(sig, key, new_sig)
        return new_sig

    def explore_app(self, app: AppInfo) -> None:
        self.used = 0
        self.act(OpenApp(app.label))
        assert self.screen is not None
        if self.screen.app != app.package and self.screen.app:
            logger.info("explore: %s did not open (%s in front)", app.label, self.screen.app)
        entry = signature_of(self.screen)
        self.memory.set_app(app.label, app.package, entry)
        self.record(entry, app)
        paths = {entry: list[str]()}
        queue = deque([entry])
        while queue and self.used < self.budget:
            sig = queue.popleft()
            if not self.goto(app, entry, sig, paths[sig]):
                continue
            for key in self.candidates(sig):
                if self.used >= self.budget or not self.goto(app, entry, sig, paths[sig]):
                    break
                new_sig = self.try_element(app, sig, key)
                if new_sig is None:
                    continue
                if new_sig not in paths:
                    paths[new_sig] = [*paths[sig], key]
                    queue.append(new_sig)
                    self.record(new_sig, app)
                    self.progress(f"{app.label}: {len(paths)} pages, {self.used} actions")
                back = self.act(PressKey(Key.BACK))
                if back.app == app.package:
                    self.memory.add_transition(new_sig, BACK_KEY, signature_of(back))
        self.progress(f"{app.label}: done, {len(paths)} pages, {self.used} actions")


def explore(
    device: Device,
    memory: AppMemory,
    apps: list[str] | None = None,
    budget: int = 150,
    on_progress: Progress | None = None,
    encoder: TextEncoder | None = None,
) -> AppMemory:
    """Explore the device's apps (all but the home screen, or those named by label or package)
    with at most `budget` actions each, recording into `memory`, which is returned, embedded."""
    progress = on_progress or (lambda message: logger.info("%s", message))
    explorer = _Explorer(device, memory, budget, progress)
    home = explorer.home_package()
    for app in device.apps():
        if app.package == home or (apps and app.label not in apps and app.package not in apps):
            continue
        progress(f"exploring {app.label}")
        explorer.explore_app(app)
    memory.embed(encoder or default_encoder())
    progress(f"memory: {len(memory.screens)} pages, {len(memory.transitions)} transitions")
    return memory
