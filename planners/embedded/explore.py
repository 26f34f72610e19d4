"""Breadth-first exploration of a device's apps into an `AppMemory`, that only navigates.

For each app (opened by its launcher label) every new page (by signature) is recorded,
scrolled to reveal more elements, and each of its navigation controls is tapped once; the
page reached is recorded as a transition, then the explorer goes back (the back key, or
re-opening the app and replaying the remembered path). What may be tapped is decided by
structure (`explore_rules`).

Every action is followed by settling: while the frame is still the one before the action,
is drawn by another app than the one in front, or shows a spinner or an empty list, the
explorer waits (phone time, not budget) and looks again. Popups over an app just opened (a
rating prompt, a "what's new" sheet) are closed with the back key.

Then the evidence of each tap decides (`_Outcome`): a tap after which the app shows the same
page (only the tapped control itself, or a counter, changed; a toast does not count) acted
in place, and one that opened a dialog asked for a decision, which is declined with the back
key; when the back key then shows another page than the one tapped on, the dialog was an
interruption over the page the tap opened, and the tap navigated. An action or a dialog is
reported and never tapped again, nor anything laid out like it.
"""

from __future__ import annotations

import logging
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum

from devices.actions import Action, Direction, Key, OpenApp, PressKey, Scroll, Tap, Wait
from devices.device import AppInfo, Device
from devices.errors import ActionRejected
from perception import perceive
from perception.elements import Screen, UIElement
from planners.embedded import explore_rules as rules
from planners.embedded.encoder import TextEncoder, default_encoder
from planners.embedded.memory import (
    BACK_KEY,
    AppMemory,
    element_key,
    signature_of,
)
from planners.embedded.view import floating_windows

logger = logging.getLogger(__name__)

Progress = Callable[[str], None]

_SCROLLS = 4  # most scrolls to reveal a page's hidden elements
_BACKS = 4  # most back presses to return to an app's entry page
_SETTLE_STEP_S = 0.2  # s waited between captures while the screen is not yet drawn
_SETTLE_STEPS = 6  # most waits after one action (the screen may take 1.2 s to be drawn)
_POPUPS = 2  # most popups dismissed with the back key on opening an app


@dataclass(frozen=True)
class ExploreStatus:
    """Where exploration stands, after each action: the payload of `on_status`."""

    app: str  # launcher label of the app being explored
    app_number: int  # 1-based, of `apps`
    apps: int  # apps to explore in all
    actions: int  # actions spent on this app
    budget: int  # actions allowed per app
    pages: int  # pages of this app found so far
    elapsed_s: float  # s since exploring began
    time_limit_s: float | None  # s allowed in all; None: no limit

    @property
    def seconds_left(self) -> float | None:
        if self.time_limit_s is None:
            return None
        return max(0.0, self.time_limit_s - self.elapsed_s)


Status = Callable[[ExploreStatus], None]


class _Outcome(Enum):
    NAVIGATED = "navigated"  # another page of the app
    IN_PLACE = "in place"  # the same page: the tap changed something on it
    DIALOG = "dialog"  # a dialog asks for a decision
    LEFT_APP = "left app"  # another app came to the front


# the explorer ---------------------------------------------------------------------------------


class _Explorer:
    def __init__(self, device: Device, memory: AppMemory, budget: int, progress: Progress,
                 deadline: float | None) -> None:
        self.device, self.memory, self.budget, self.progress = device, memory, budget, progress
        self.deadline = deadline  # time.monotonic() value; None: no limit
        self.used = 0
        self.screen: Screen | None = None
        self.activity = ""
        self.forms: dict[str, bool] = {}  # page signature -> a form, as first seen
        self.acted: set[tuple[str, str, str]] = set()  # likes of controls that acted
        self.tapped_on: Screen | None = None  # the page as it was before the last tap
        Entry = tuple[str, str]  # (page signature, element key)
        self.rest_of: dict[Entry, tuple[Entry, ...]] = {}  # list entries -> their probes
        self.reached: dict[Entry, frozenset[str]] = {}  # entry -> kind of page it opened
        self.on_action: Callable[[], None] = lambda: None

    def act(self, action: Action) -> Screen:
        self.used += 1
        before = self.screen
        try:
            self.device.execute(action)
        except ActionRejected as e:
            logger.info("explore: %s rejected: %s", action, e)
        self.look()
        self.settle(before)
        self.on_action()
        assert self.screen is not None
        return self.screen

    def look(self) -> Screen:
        observation = self.device.capture()
        self.screen, self.activity = perceive(observation), observation.activity
        return self.screen

    def settle(self, before: Screen | None) -> None:
        """Wait while the screen is not yet drawn: it still shows the frame before the action
        or another app's (a real phone lags a few hundred ms), or a list is still loading.
        Waits are not actions: they do not count against the budget."""
        assert self.screen is not None
        shown = rules.drawn(before) if before is not None else None
        for _ in range(_SETTLE_STEPS):
            if rules.drawn(self.screen) != shown and not rules.unfinished(self.screen):
                return
            try:
                self.device.execute(Wait(_SETTLE_STEP_S))
            except ActionRejected as e:
                logger.info("explore: a wait was rejected: %s", e)
                return
            self.look()

    def dismiss_popups(self, app: AppInfo) -> Screen:
        """Close what pops up over an app just opened (a rating prompt, what's new) with the
        back key, as long as the app stays in front."""
        assert self.screen is not None
        for _ in range(_POPUPS):
            if not floating_windows(self.screen) or self.screen.app != app.package:
                break
            back = self.act(PressKey(Key.BACK))
            if back.app != app.package:
                return self.act(OpenApp(app.label))
        return self.screen

    def spent(self) -> bool:
        return self.used >= self.budget or self.out_of_time()

    def out_of_time(self) -> bool:
        return self.deadline is not None and time.monotonic() >= self.deadline

    def home_package(self) -> str:
        return self.act(PressKey(Key.HOME)).app

    # reaching pages ---------------------------------------------------------------------------

    def find(self, key: str) -> UIElement | None:
        """The element with this key on the current page, scrolling down, then up (the page
        may have been left scrolled down), to reveal it."""
        for direction in (Direction.DOWN, Direction.UP):
            found = self.find_towards(key, direction)
            if found is not None:
                return found
        return None

    def find_towards(self, key: str, direction: Direction) -> UIElement | None:
        assert self.screen is not None
        for attempt in range(2 * _SCROLLS + 1):
            found = next((e for e in self.screen.elements if element_key(e) == key), None)
            if found is not None or attempt == 2 * _SCROLLS:
                return found
            if not any(e.scrollable for e in self.screen.elements):
                return None
            before = [e.label for e in self.screen.elements]
            self.act(Scroll(direction))
            if [e.label for e in self.screen.elements] == before:
                return None
        return None

    def goto(self, app: AppInfo, entry: str, sig: str, path: list[str]) -> bool:
        """Bring the app to page `sig` by re-opening it and replaying `path`."""
        if self.screen is not None and signature_of(self.screen) == sig:
            return True
        self.act(OpenApp(app.label))
        screen = self.dismiss_popups(app)
        for _ in range(_BACKS):
            if signature_of(screen) == entry or screen.app != app.package:
                break
            screen = self.act(PressKey(Key.BACK))
        if screen.app != app.package:
            self.act(OpenApp(app.label))
            self.dismiss_popups(app)
        for key in path:
            element = self.find(key)
            if element is None or not rules.navigable(element, self.screen, self.forms.get(
                    signature_of(self.screen), True)) or self.acts(app, element):
                return False
            self.act(Tap(element.bounds.center))
        assert self.screen is not None
        return signature_of(self.screen) == sig

    # recording -------------------------------------------------------------------------------

    def record(self, sig: str, app: AppInfo) -> None:
        """Record the current page, scrolling its lists to reveal what lies below."""
        assert self.screen is not None
        self.memory.add_screen(sig, self.screen, app.label)
        self.forms.setdefault(sig, rules.is_form(self.screen))
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
        """Keys of the page's controls to try, in screen order (see `navigable`)."""
        assert self.screen is not None
        record = self.memory.screens[sig]
        form = self.forms.get(sig, True)
        visible = {element_key(e): e for e in self.screen.elements}
        keys = {k for k, e in visible.items() if rules.navigable(e, self.screen, form)}
        keys |= {e.key for e in record.elements if e.needs_scroll and e.key not in visible
                 and e.clickable and not (e.checkable or e.editable)
                 and e.role not in ("slider", "input")}
        elements = {e.key: e for e in record.elements}
        ordered = list(dict.fromkeys(e.key for e in record.elements if e.key in keys))
        in_list = {k for k in ordered if k not in visible or visible[k].container != -1}
        kept, rest_of = rules.thin_collections(ordered, elements, in_list)
        self.rest_of.update({(sig, k): tuple((sig, p) for p in probes)
                             for k, probes in rest_of.items()})
        return kept

    def skipped(self, sig: str, key: str) -> bool:
        """An entry of a list whose probes said it is a collection (`thin_collections`)."""
        probes = self.rest_of.get((sig, key))
        return probes is not None and not rules.open_rest([self.reached.get(p) for p in probes])

    def acts(self, app: AppInfo, element: UIElement) -> bool:
        """Like a control that was seen to act rather than lead somewhere."""
        like = rules.alike(app.package, element.role, element.resource_id, element.label)
        return like in self.acted

    def try_element(self, app: AppInfo, sig: str, key: str) -> str | None:
        """Tap one element of the current page; the new page's signature if it led to one."""
        element = self.find(key)
        before = self.screen
        if element is None or before is None or not rules.navigable(
                element, before, self.forms.get(sig, True)):
            return None
        if self.acts(app, element):
            return None
        activity, self.tapped_on = self.activity, before
        after = self.act(Tap(element.bounds.center))
        outcome = self.outcome(before, after, element, app, activity)
        if outcome is _Outcome.DIALOG:  # the tap's question, or a popup over the page it opened
            after = self.act(PressKey(Key.BACK))
            if after.app == app.package and not floating_windows(after) and (
                    signature_of(after) != sig):
                outcome = self.outcome(before, after, element, app, activity)
        if outcome in (_Outcome.IN_PLACE, _Outcome.DIALOG):
            self.acted.add(rules.alike(app.package, element.role, element.resource_id,
                                       element.label))
            self.progress(f"{app.label}: {element.label!r} is an action ({outcome.value}), "
                          "not a way to another page: not tapped again")
        if outcome is _Outcome.LEFT_APP:
            self.act(PressKey(Key.BACK))
        if outcome is not _Outcome.NAVIGATED:
            return None
        new_sig = signature_of(after)
        self.reached[(sig, key)] = rules.kind_of(after, element)
        self.memory.add_transition(sig, key, new_sig)
        return new_sig

    def outcome(self, before: Screen, after: Screen, element: UIElement, app: AppInfo,
                activity: str) -> _Outcome:
        """What the evidence says a tap did."""
        if after.app != app.package:
            return _Outcome.LEFT_APP
        if floating_windows(after) and not floating_windows(before):
            return _Outcome.DIALOG
        if activity == self.activity and rules.same_page(before, after, element):
            return _Outcome.IN_PLACE
        return _Outcome.NAVIGATED

    def check_left_clean(self, app: AppInfo, sig: str, key: str, left: Screen | None,
                         back: Screen) -> None:
        """Leaving a form with the back key must not have saved it: when the page it came
        back to shows other texts (a draft in its list), say so and open that form no more."""
        before = self.tapped_on
        if left is None or before is None or not self.forms.get(signature_of(left)):
            return
        if signature_of(back) != sig or rules.texts(back) == rules.texts(before):
            return
        found = next((e for e in self.memory.screens[sig].elements if e.key == key), None)
        if found is not None:
            self.acted.add(rules.alike(app.package, found.role, found.resource_id, found.label))
        name = found.label if found else key
        self.progress(f"{app.label}: the back key from the page {name!r} opens changed the "
                      f"page before it (a draft saved?): {name!r} is not opened again")

    def explore_app(self, app: AppInfo) -> int:
        """Explore one app; the number of its pages found."""
        self.used = 0
        self.act(OpenApp(app.label))
        self.dismiss_popups(app)
        assert self.screen is not None
        if self.screen.app != app.package and self.screen.app:
            logger.info("explore: %s did not open (%s in front)", app.label, self.screen.app)
        entry = signature_of(self.screen)
        self.memory.set_app(app.label, app.package, entry)
        self.record(entry, app)
        paths = {entry: list[str]()}
        queue = deque([entry])
        while queue and not self.spent():
            sig = queue.popleft()
            if not self.goto(app, entry, sig, paths[sig]):
                continue
            for key in self.candidates(sig):
                if self.skipped(sig, key):
                    continue
                if self.spent() or not self.goto(app, entry, sig, paths[sig]):
                    break
                new_sig = self.try_element(app, sig, key)
                if new_sig is None:
                    continue
                if new_sig not in paths:
                    paths[new_sig] = [*paths[sig], key]
                    queue.append(new_sig)
                    self.record(new_sig, app)
                    self.progress(f"{app.label}: {len(paths)} pages, {self.used} actions")
                left = self.screen
                back = self.act(PressKey(Key.BACK))
                if back.app == app.package:
                    self.memory.add_transition(new_sig, BACK_KEY, signature_of(back))
                self.check_left_clean(app, sig, key, left, back)
        self.progress(f"{app.label}: done, {len(paths)} pages, {self.used} actions")
        return len(paths)


def explore(
    device: Device,
    memory: AppMemory,
    apps: list[str] | None = None,
    budget: int = 150,
    on_progress: Progress | None = None,
    encoder: TextEncoder | None = None,
    time_limit_s: float | None = None,
    on_status: Status | None = None,
) -> AppMemory:
    """Explore the device's apps (all but the home screen, or those named by label or package)
    with at most `budget` actions each and `time_limit_s` seconds in all, recording into
    `memory`, which is returned, embedded. `on_progress` gets messages for people,
    `on_status` an `ExploreStatus` after every action."""
    progress = on_progress or (lambda message: logger.info("%s", message))
    start = time.monotonic()
    deadline = None if time_limit_s is None else start + time_limit_s
    explorer = _Explorer(device, memory, budget, progress, deadline)
    home = explorer.home_package()
    chosen = [a for a in device.apps() if a.package != home and (
        not apps or a.label in apps or a.package in apps)]
    for number, app in enumerate(chosen, 1):
        if explorer.out_of_time():
            progress(f"time is up: {app.label} and the apps after it were not explored")
            break
        progress(f"exploring {app.label}")
        explorer.on_action = _status_feed(explorer, app, number, len(chosen), start,
                                          time_limit_s, on_status)
        explorer.explore_app(app)
    explorer.act(PressKey(Key.HOME))
    memory.embed(encoder or default_encoder())
    progress(f"memory: {len(memory.screens)} pages, {len(memory.transitions)} transitions")
    return memory


def _status_feed(explorer: _Explorer, app: AppInfo, number: int, total: int, start: float,
                 time_limit_s: float | None, on_status: Status | None) -> Callable[[], None]:
    """The callback that tells `on_status` where exploring `app` stands after each action."""
    if on_status is None:
        return lambda: None

    def feed() -> None:
        pages = sum(1 for r in explorer.memory.screens.values() if r.app == app.package)
        on_status(ExploreStatus(app.label, number, total, explorer.used, explorer.budget, pages,
                                time.monotonic() - start, time_limit_s))

    return feed
