"""Breadth-first exploration of a device's apps into an `AppMemory`, that only navigates.

For each app (opened by its launcher label) every new page (by signature) is recorded,
scrolled to reveal more elements, and each of its navigation controls is tapped once; the
page reached is recorded as a transition, then the explorer goes back (the back key, or
re-opening the app and replaying the remembered path).

What may be tapped is decided by structure, in any language (`navigable`): entries of
lists, tabs (but the selected one), toolbar and floating icons that carry a label. Never a
field, switch, checkbox or slider, never a text button (Add to cart, Start, OK, Save: an
app's commands are its buttons), never a control without a label, never a phone number,
e-mail or web address (tapping one calls, writes or browses), nothing while a dialog is up,
and on a form page (fields that are not a search box) nothing but its list entries. Of a
list whose entries share a layout (people, threads, products) only the last two are
opened: they show the page the others open too, and the first entries are the newest,
those a visit would mark as read. Entries with one resource id share a layout; entries
without ids that look alike are probed by the last two, and the others are opened only when
those two led to pages of different kinds (a menu, not a collection).

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

The word rule of the safety gate (and a wider list of verbs here) stays as a last guard on
what structure allows, because an icon button may act at once (a bin that deletes with an
"undo" bar) and evidence comes only after the tap.
"""

from __future__ import annotations

import logging
import re
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum

from devices.actions import Action, Direction, Key, OpenApp, PressKey, Scroll, Tap, Wait
from devices.device import AppInfo, Device
from devices.errors import ActionRejected
from perception import perceive
from perception.elements import Bounds, Screen, UIElement
from perception.roles import is_button_class
from perception.sensitive import sensitive_category
from perception.signature import element_token, page_tokens
from planners.embedded.encoder import TextEncoder, default_encoder
from planners.embedded.memory import (
    BACK_KEY,
    AppMemory,
    MemElement,
    element_context,
    element_key,
    is_chrome,
    signature_of,
)
from planners.embedded.view import floating_windows

logger = logging.getLogger(__name__)

Progress = Callable[[str], None]

_SCROLLS = 4  # most scrolls to reveal a page's hidden elements
_BACKS = 4  # most back presses to return to an app's entry page
_ALIKE_OPENED = 2  # entries opened of a list whose entries share a layout
_ALIKE_MIN = 3  # entries with one layout that make a list a collection
_SETTLE_STEP_S = 0.2  # s waited between captures while the screen is not yet drawn
_SETTLE_STEPS = 6  # most waits after one action (the screen may take 1.2 s to be drawn)
_POPUPS = 2  # most popups dismissed with the back key on opening an app
# Wider than the safety gate's rules on purpose: exploring must not even send, save, call or
# sign out, which a person asking for them may well want. Only a last guard (see above).
_SENSITIVE = re.compile(
    r"\b(pay|buy|purchase|order|checkout|check out|delete|remove|uninstall|erase|reset|wipe|"
    r"format|allow|confirm|send|post|publish|submit|save|sign out|log ?out|clear|discard|"
    r"transfer|call|dial|share|install|grant|accept|agree|factory)\b",
    re.I,
)
# A datum a tap acts on: a phone number (5+ digits), an e-mail or a web address.
_DIGITS = str.maketrans("0123456789", "##########")
_DATUM = re.compile(r"^\+?[\d\s().\-/]*\d{2}[\d\s().\-/]{3,}$|^\S+@\S+\.\S+$|^(https?://|www\.)\S+$")


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


# what may be tapped ---------------------------------------------------------------------------


def _sensitive(element: UIElement, screen: Screen) -> bool:
    """Never tap this while exploring: it may spend, delete, send or grant something."""
    if _SENSITIVE.search(f"{element.text} {element.description}"):
        return True
    return sensitive_category(Tap(element.bounds.center), screen) is not None


def _explorable(element: UIElement) -> bool:
    """A control a tap can use (not a field, switch, slider, list container or system bar)."""
    if is_chrome(element):
        return False
    if not element.clickable or element.editable or element.checkable:
        return False
    if not element.enabled or "seekbar" in element.class_name.lower():
        return False
    return element.role not in ("slider", "input", "switch", "checkbox", "radio", "toggle",
                                "dropdown")


def is_datum(element: UIElement) -> bool:
    """Labelled by a phone number, an e-mail or a web address: a tap calls, writes, browses."""
    return bool(_DATUM.match((element.text or element.description).strip()))


def is_form(screen: Screen) -> bool:
    """A page with fields to fill in: any field but a lone search box above a list."""
    fields = [e for e in screen.elements if e.editable and not is_chrome(e)]
    if len(fields) != 1:
        return len(fields) > 1
    lists = [e for e in screen.elements if e.scrollable and not is_chrome(e)]
    return not any(fields[0].bounds.bottom <= e.bounds.top + 40 for e in lists)


def navigable(element: UIElement, screen: Screen, form: bool) -> bool:
    """Whether exploring may tap this element of `screen` (`form`: the page is a form)."""
    if not _explorable(element) or element.selected or floating_windows(screen):
        return False  # a selected tab is the page itself; a dialog is answered with back
    if not (element.text.strip() or element.description.strip()
            or element_context(screen, element)):
        return False  # unlabelled: nothing says what it does
    if is_button_class(element.class_name) or is_datum(element):
        return False
    if form and element.container == -1:
        return False
    return not _sensitive(element, screen)


def _like(package: str, role: str, resource_id: str, label: str) -> tuple[str, str, str]:
    """What makes two controls alike: the same layout (resource id), else the same label."""
    rid = resource_id.rpartition("/")[2]
    return (package, role, rid) if rid else (package, role, f"label:{label.strip().lower()}")


def _thin_collections(keys: list[str], elements: dict[str, MemElement],
                      in_list: set[str]) -> tuple[list[str], dict[str, tuple[str, ...]]]:
    """Of list entries that share a layout (3 or more), keep the last `_ALIKE_OPENED`.

    Entries with one resource id share a layout. Entries without ids that look alike (class,
    column, a subtitle or none) may be a collection or a menu (a settings list): the last
    `_ALIKE_OPENED` are tried first as probes and the others moved to the end, returned with
    the probes that decide whether they are opened (`_open_rest`)."""
    groups: dict[tuple[str, ...], list[str]] = {}
    for key in keys:
        e = elements[key]
        if key not in in_list:
            continue
        left, _, right, _ = e.bounds
        shape = (e.role, e.class_name, str(left), str(right), str(bool(e.context)))
        groups.setdefault((e.role, e.resource_id) if e.resource_id else shape, []).append(key)
    alike = [g for g in groups.values() if len(g) >= _ALIKE_MIN]
    dropped = {k for g in alike if elements[g[0]].resource_id for k in g[:-_ALIKE_OPENED]}
    rest_of = {k: tuple(g[-_ALIKE_OPENED:]) for g in alike if not elements[g[0]].resource_id
               for k in g[:-_ALIKE_OPENED]}
    kept = [k for k in keys if k not in dropped and k not in rest_of]
    return kept + [k for k in keys if k in rest_of], rest_of


def _open_rest(kinds: list[frozenset[str] | None]) -> bool:
    """Open the rest of a list when its probes led to pages of different kinds (a menu's);
    not when they led to pages laid out alike (a collection's), nor when one did not lead
    to a page or was not tried."""
    return len(kinds) == _ALIKE_OPENED and None not in kinds and len(set(kinds)) == len(kinds)


def _kind(screen: Screen, opened: UIElement) -> frozenset[str]:
    """What a page reached from a list entry offers, its data aside: the roles and labels
    of its controls (a field's role only, a phone number's or address's role only)."""
    tokens = set()
    for e in screen.elements:
        if is_chrome(e) or not e.actionable or e.label == opened.label:
            continue
        plain = e.editable or is_datum(e)
        tokens.add(e.role if plain else f"{e.role}|{e.label.translate(_DIGITS)}")
    return frozenset(tokens)


def _same_page(before: Screen, after: Screen, element: UIElement) -> bool:
    """`after` is `before` where only the tapped element itself or counters changed."""
    own = {element_token(element)} | {element_token(e) for e in after.elements
                                       if e.bounds == element.bounds}
    changed = (set(page_tokens(before)) ^ set(page_tokens(after))) - own
    return all("#" in token for token in changed)


def _drawn(screen: Screen) -> tuple[tuple[str, str, Bounds], ...]:
    """What the app draws (the clock aside): equal for two frames of one drawing."""
    return tuple((e.role, e.label, e.bounds) for e in screen.elements if not is_chrome(e))


def _unfinished(screen: Screen) -> bool:
    """The frame is another app's than the one in front, a spinner is shown or a list is
    empty: the page is still being drawn (a list that is empty for good only costs the
    settling waits)."""
    drawn_by = {e.package for e in screen.elements if not is_chrome(e) and e.package}
    if screen.app and drawn_by and screen.app not in drawn_by:
        return True
    if any("progressbar" in e.class_name.lower() for e in screen.elements):
        return True
    held = {e.container for e in screen.elements}
    return any(e.scrollable and e.role == "list" and e.id not in held and not is_chrome(e)
               for e in screen.elements)


def _texts(screen: Screen) -> set[str]:
    """The app's texts on screen, digits masked (clocks and counters change by themselves)."""
    return {e.text.translate(_DIGITS) for e in screen.elements if e.text and not is_chrome(e)}


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
        shown = _drawn(before) if before is not None else None
        for _ in range(_SETTLE_STEPS):
            if _drawn(self.screen) != shown and not _unfinished(self.screen):
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
            if element is None or not navigable(element, self.screen, self.forms.get(
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
        self.forms.setdefault(sig, is_form(self.screen))
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
        keys = {k for k, e in visible.items() if navigable(e, self.screen, form)}
        keys |= {e.key for e in record.elements if e.needs_scroll and e.key not in visible
                 and e.clickable and not (e.checkable or e.editable)
                 and e.role not in ("slider", "input")}
        elements = {e.key: e for e in record.elements}
        ordered = list(dict.fromkeys(e.key for e in record.elements if e.key in keys))
        in_list = {k for k in ordered if k not in visible or visible[k].container != -1}
        kept, rest_of = _thin_collections(ordered, elements, in_list)
        self.rest_of.update({(sig, k): tuple((sig, p) for p in probes)
                             for k, probes in rest_of.items()})
        return kept

    def skipped(self, sig: str, key: str) -> bool:
        """An entry of a list whose probes said it is a collection (see `_thin_collections`)."""
        probes = self.rest_of.get((sig, key))
        return probes is not None and not _open_rest([self.reached.get(p) for p in probes])

    def acts(self, app: AppInfo, element: UIElement) -> bool:
        """Like a control that was seen to act rather than lead somewhere."""
        like = _like(app.package, element.role, element.resource_id, element.label)
        return like in self.acted

    def try_element(self, app: AppInfo, sig: str, key: str) -> str | None:
        """Tap one element of the current page; the new page's signature if it led to one."""
        element = self.find(key)
        before = self.screen
        if element is None or before is None or not navigable(
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
            self.acted.add(_like(app.package, element.role, element.resource_id, element.label))
            self.progress(f"{app.label}: {element.label!r} is an action ({outcome.value}), "
                          "not a way to another page: not tapped again")
        if outcome is _Outcome.LEFT_APP:
            self.act(PressKey(Key.BACK))
        if outcome is not _Outcome.NAVIGATED:
            return None
        new_sig = signature_of(after)
        self.reached[(sig, key)] = _kind(after, element)
        self.memory.add_transition(sig, key, new_sig)
        return new_sig

    def outcome(self, before: Screen, after: Screen, element: UIElement, app: AppInfo,
                activity: str) -> _Outcome:
        """What the evidence says a tap did."""
        if after.app != app.package:
            return _Outcome.LEFT_APP
        if floating_windows(after) and not floating_windows(before):
            return _Outcome.DIALOG
        if activity == self.activity and _same_page(before, after, element):
            return _Outcome.IN_PLACE
        return _Outcome.NAVIGATED

    def check_left_clean(self, app: AppInfo, sig: str, key: str, left: Screen | None,
                         back: Screen) -> None:
        """Leaving a form with the back key must not have saved it: when the page it came
        back to shows other texts (a draft in its list), say so and open that form no more."""
        before = self.tapped_on
        if left is None or before is None or not self.forms.get(signature_of(left)):
            return
        if signature_of(back) != sig or _texts(back) == _texts(before):
            return
        found = next((e for e in self.memory.screens[sig].elements if e.key == key), None)
        if found is not None:
            self.acted.add(_like(app.package, found.role, found.resource_id, found.label))
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
