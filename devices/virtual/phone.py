"""The virtual phone: a deterministic, offline, Android-like device in the process.

State is one JSON-able dict: `system` settings plus each app's own dict under its key. Apps
build view trees from it; the phone lays them out in windows (app, system bars, dialog,
keyboard, toast), dispatches input to them, draws them and dumps them as uiautomator XML.
The same state and the same inputs always give the same pixels and the same XML.
"""

from __future__ import annotations

import copy
import logging
import time
from collections.abc import Callable
from datetime import timedelta
from typing import Self

from PIL import Image

from devices.actions import (
    Action,
    DoubleTap,
    Finish,
    Key,
    LongPress,
    OpenApp,
    Point,
    PressKey,
    Scroll,
    Swipe,
    Tap,
    TypeText,
    Wait,
)
from devices.device import AppInfo
from devices.errors import ActionRejected
from devices.gestures import scroll_swipe
from devices.observation import Observation, TreeFormat
from devices.virtual import hierarchy, render, system_ui
from devices.virtual.app_layout import apply_focus, editable, layout_app, scrollable
from devices.virtual.apps.registry import create_apps
from devices.virtual.keyboard import KeyActions, KeyboardState, keyboard_window
from devices.virtual.keys import parse_key
from devices.virtual.presentation import Presentation
from devices.virtual.realism import Realism
from devices.virtual.session import Session
from devices.virtual.touch import draggable, hit, keyed, tappable, window_at
from devices.virtual.view import FRAME, View, content_height
from devices.virtual.window import (
    APP_AREA,
    APP_AREA_WITH_KEYBOARD,
    HEIGHT,
    KEYBOARD,
    NAV_BAR_TOP,
    SCREEN,
    WIDTH,
    Window,
    contains,
    intersect,
    seek_value,
)
from devices.virtual.world import World

log = logging.getLogger(__name__)

class VirtualPhone:
    """An Android-like phone in the process; satisfies `devices.device.Device`."""

    width = WIDTH
    height = HEIGHT

    def __init__(self, state: dict | None = None, app: str | None = None,
                 serial: str = "virtual-0", seed: int = 0,
                 realism: Realism | str | bool | None = None,
                 clock: Callable[[], float] = time.monotonic) -> None:
        """`state` is merged into the seed's initial state; `app` is where the phone starts;
        `seed` picks the phone's data and layout variants and `realism` how much it behaves
        like a real phone (`Realism`, or "on", "off", a list of features). `clock` gives
        seconds; with transitions or interruptions on, what is shown follows it (plus the
        seconds of every `Wait`), so tests pass a fake clock and never sleep."""
        self.name = serial
        self._clock = clock
        self.reset(state, app, seed, realism)

    def reset(self, state: dict | None = None, app: str | None = None, seed: int = 0,
              realism: Realism | str | bool | None = None) -> None:
        """Become the phone `VirtualPhone(state, app, seed=seed, realism=realism)` would be,
        keeping its name and clock: what a served phone does between tasks, so that the
        connections and services its clients hold stay valid (`cmd automator reset`)."""
        self.world = World(seed, Realism.parse(realism))
        self._session = Session(create_apps(self.world), copy.deepcopy(state or {}))
        self._keyboard = KeyboardState()
        self._frame: list[Window] | None = None
        self._tree: View | None = None  # the foreground tree of the cached frame
        self._show = Presentation(self.world, self._session, self._clock,
                                  redraw=self._invalidate)
        start = app or (state or {}).get("foreground")
        if start and start != self._session.launcher.package:
            self.start_app(start)
        self._show.transitions.reset()  # a phone starts settled, wherever it starts

    # --- Device interface -------------------------------------------------------------

    def capture(self) -> Observation:
        windows = self._shown()
        image = render.render(windows, self._dark())
        xml = hierarchy.dump(windows, self._show.disguise)
        package, activity = self.foreground()
        timestamp = self._session.now().timestamp()
        return Observation(screenshot=image, tree=xml, tree_format=TreeFormat.UIAUTOMATOR,
                           width=WIDTH, height=HEIGHT, app=package, activity=activity,
                           timestamp=timestamp)

    def execute(self, action: Action) -> Action:
        match action:
            case Tap(target=t):
                p = self._point(t)
                self.tap(p.x, p.y)
            case LongPress(target=t, duration_ms=ms):
                p = self._point(t)
                self.long_press(p.x, p.y, ms)
            case DoubleTap(target=t):
                p = self._point(t)
                self.double_tap(p.x, p.y)
            case Swipe(start=s, end=e, duration_ms=ms):
                self.swipe(s.x, s.y, e.x, e.y, ms)
            case Scroll(direction=d, target=t):
                p = self._point(t) if t is not None else Point(WIDTH // 2, HEIGHT // 2)
                start, end = scroll_swipe(d, p, (WIDTH, HEIGHT))
                self.swipe(start.x, start.y, end.x, end.y, 300)
                return Scroll(d, p)
            case TypeText():
                self._type_action(action)
            case PressKey(key=k):
                self.press_key(k)
            case OpenApp(app=name):
                self.start_app(name)
            case Wait(seconds=s):
                self._show.wait(s)
                self._session.advance(timedelta(seconds=s))
                self._invalidate()
            case Finish():
                pass
            case _:
                raise ActionRejected(f"not an action: {action!r}")
        return action

    def apps(self) -> list[AppInfo]:
        return [AppInfo(a.package, a.label) for a in self._session.apps.values()]

    def close(self) -> None:
        self._frame = None

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- low level input --------------------------------------------------------------

    def tap(self, x: int, y: int) -> None:
        self._input()
        self._check(x, y)
        target, window = self._target(x, y, tappable)
        if target is not None and window is not None:
            self._activate(target, window, x, y)
        elif window is not None and window.outside is not None and not contains(
                window.root.bounds, x, y):
            window.outside()
        self._invalidate()

    def long_press(self, x: int, y: int, duration_ms: int = 800) -> None:
        self._input()
        self._check(x, y)
        target, window = self._target(x, y, tappable)
        if target is not None and target.on_long_click is not None:
            target.on_long_click()
            self._after_callback()
        elif target is not None and window is not None:
            self._activate(target, window, x, y)
        self._invalidate()

    def double_tap(self, x: int, y: int) -> None:
        self.tap(x, y)
        self.tap(x, y)

    def swipe(self, x1: int, y1: int, x2: int, y2: int, duration_ms: int = 300) -> None:
        self._input()
        self._check(x1, y1)
        self._check(x2, y2)
        if self._show.popups.swiped(x1, y1, y2):
            return
        seek, _ = self._target(x1, y1, draggable)
        if seek is not None and seek.on_progress is not None:
            seek.on_progress(seek_value(seek.bounds, x2))
            self._after_callback()
        else:
            self._scroll_at(x1, y1, y1 - y2)
        self._invalidate()

    def input_text(self, text: str) -> None:
        self._input()
        field = self._focused()
        if field is None or field.on_text is None:
            log.debug("input_text with no focused field: ignored")
            return
        field.on_text(field.text + text)
        self._after_callback()

    def press_key(self, key: Key | str) -> None:
        self._input()
        key = parse_key(key)
        s = self._session
        if key is Key.BACK:
            self._back()
        elif key is Key.HOME:
            s.home()
        elif key is Key.RECENTS:
            s.toggle_recents()
        elif key is Key.ENTER:
            self._enter()
        elif key is Key.DELETE:
            self._delete()
        self._invalidate()

    def _back(self) -> None:
        """Back closes the topmost thing: an interruption, a dialog, the keyboard, a page."""
        s = self._session
        if self._show.popups.back():
            return
        if s.dialog is not None:
            s.dialog = None
        elif self._keyboard_shown():
            s.ime = False
        else:
            s.back()

    def start_app(self, app: str) -> None:
        self._input()
        found = self._session.find_app(app)
        if found is None:
            labels = ", ".join(a.label for a in self._session.apps.values())
            raise ActionRejected(f"unknown app {app!r}; installed apps: {labels}")
        self._session.switch(found.key)
        self._invalidate()

    def force_stop(self, package: str) -> None:
        self._input()
        self._session.force_stop(package)
        self._invalidate()

    def dump_hierarchy(self, raw_text: bool = False,
                       style: hierarchy.DumpStyle = hierarchy.PLAIN) -> str:
        """The frame as uiautomator XML; `style` is how a given phone's dumper writes it."""
        return hierarchy.dump(self._shown(), self._show.disguise, raw_text, style)

    def screenshot(self) -> Image.Image:
        return render.render(self._shown(), self._dark())

    def foreground(self) -> tuple[str, str]:
        return self._session.foreground()

    def state(self) -> dict:
        return copy.deepcopy(self._session.snapshot())

    # --- frames -----------------------------------------------------------------------

    def _invalidate(self) -> None:
        self._frame = None
        self._tree = None
        if self.world.realism.any:
            self._show.changed(self.foreground())

    def _input(self) -> None:
        """One more input (tap, key, swipe, text, app switch) is about to happen."""
        self._session.age_toast()
        self._show.input()
        if self._show.transitions.enabled:
            self._windows()  # the screen it leaves, should it start a transition

    def _shown(self) -> list[Window]:
        """The frame a capture sees now (see `Presentation.shown`)."""
        return self._show.shown(self._windows, self._fresh)

    def _fresh(self) -> list[Window]:
        """A newly composed frame that input never sees (a transition may alter it)."""
        tree = self._tree
        frame = [*self._compose(), *self._show.extra_windows()]
        self._tree = tree
        return frame

    def _dark(self) -> bool:
        return bool(self._session.system.get("dark_mode"))

    def _keyboard_shown(self) -> bool:
        self._windows()
        return any(w.kind == "keyboard" for w in self._frame or [])

    def _windows(self) -> list[Window]:
        if self._frame is None:
            self._frame = [*self._compose(), *self._show.extra_windows()]
            self._show.composed(self._frame, self.foreground())
        return self._frame

    def _compose(self) -> list[Window]:
        s = self._session
        entry, package, tree = s.build_foreground()
        focus = apply_focus(entry, tree)
        keyboard = s.ime and focus is not None and s.dialog is None
        area = APP_AREA_WITH_KEYBOARD if keyboard else APP_AREA
        layout_app(entry, tree, area, focus)
        root = View(FRAME, children=[tree])
        root.bounds = SCREEN
        self._tree = tree
        windows = [Window("app", package, root, touch=(area,), clip=area)]
        if s.dialog is not None:
            d = s.dialog
            windows.append(system_ui.dialog_window(
                s.apps[d.owner].package, d.title, d.message, d.buttons,
                press=self._dialog_button, dismiss=s.dismiss_dialog))
        windows.extend(self._system_windows())
        if keyboard:
            windows.append(keyboard_window(self._keyboard, KeyActions(
                type=self._type_key, delete=self._delete, enter=self._enter,
                redraw=self._invalidate)))
        if s.toast_visible():
            bottom = (KEYBOARD[1] if keyboard else NAV_BAR_TOP) - 140
            windows.append(system_ui.toast_window(s.toast.message, bottom))
        return windows

    def _system_windows(self) -> list[Window]:
        s = self._session
        return system_ui.bar_windows(
            s.system, s.clock_text(), back=lambda: self.press_key(Key.BACK),
            home=lambda: self.press_key(Key.HOME), recents=lambda: self.press_key(Key.RECENTS),
            separate=self.world.realism.system_windows)

    # --- dispatch ---------------------------------------------------------------------

    def _check(self, x: int, y: int) -> None:
        if not (0 <= x < WIDTH and 0 <= y < HEIGHT):
            raise ActionRejected(f"point ({x}, {y}) is off the {WIDTH}x{HEIGHT} screen")

    def _point(self, target: object) -> Point:
        if not isinstance(target, Point):
            raise ActionRejected(f"the virtual phone takes points, not {target!r}")
        self._check(target.x, target.y)
        return target

    def _target(self, x: int, y: int, want) -> tuple[View | None, Window | None]:
        windows = self._windows()
        window = window_at(windows, x, y)
        if window is None:
            return None, None
        clip = window.clip or window.root.bounds
        return hit(window.root, x, y, want, intersect(clip, window.root.bounds)), window

    def _activate(self, target: View, window: Window, x: int, y: int) -> None:
        if target.on_touch is not None:
            target.on_touch(x, y)
        elif target.editable and window.kind == "app":
            self._focus(target)
            if target.on_click is not None:
                target.on_click()
        elif draggable(target) and target.on_progress is not None:
            target.on_progress(seek_value(target.bounds, x))
        elif target.on_click is not None:
            target.on_click()
        else:
            return
        self._after_callback()

    def _focus(self, field: View) -> None:
        entry = self._session.top()
        tree = self._tree
        if tree is None:
            return
        entry.focus = next((k for k, v in keyed(tree, editable) if v is field), None)
        self._session.ime = True
        self._keyboard.shift = False

    def _after_callback(self) -> None:
        self._invalidate()

    def _focused(self) -> View | None:
        self._windows()
        tree = self._tree
        if tree is None:
            return None
        return next((v for v in tree.walk() if v.focused and v.editable), None)

    def _type_key(self, text: str) -> None:
        self.input_text(text)

    def _delete(self) -> None:
        field = self._focused()
        if field is not None and field.on_text is not None and field.text:
            field.on_text(field.text[:-1])
            self._after_callback()

    def _enter(self) -> None:
        """Enter in a multi-line field starts a new line; in a single-line one it submits."""
        field = self._focused()
        if field is not None and field.multiline and field.on_text is not None:
            field.on_text(field.text + "\n")
            self._after_callback()
        elif field is not None and field.on_submit is not None:
            field.on_submit()
            self._after_callback()

    def _dialog_button(self, button) -> None:
        self._session.dismiss_dialog()
        if button.action is not None:
            button.action()

    def _scroll_at(self, x: int, y: int, dy: int) -> None:
        """Move the content of the scrollable under (x, y) up by dy px (clamped)."""
        target, window = self._target(x, y, lambda v: v.scrollable)
        if target is None or window is None or window.kind != "app" or self._tree is None:
            return
        key = next((k for k, v in keyed(self._tree, scrollable) if v is target), None)
        if key is None:
            return
        room = max(0, content_height(target) - (target.bounds[3] - target.bounds[1]))
        entry = self._session.top()
        entry.scroll[key] = max(0, min(room, entry.scroll.get(key, 0) + dy))

    def _type_action(self, action: TypeText) -> None:
        if action.target is not None:
            p = self._point(action.target)
            self.tap(p.x, p.y)
        field = self._focused()
        if field is None or field.on_text is None:
            raise ActionRejected("no text field is focused: tap one first, or give a target")
        if action.clear:
            field.on_text("")
            self._after_callback()
        self.input_text(action.text)
        if action.submit:
            self.press_key(Key.ENTER)


