"""DesktopDevice: the driver for a desktop (X11 on Linux first; pixels only elsewhere).

- Input: pyautogui, with its fail-safe on (a pointer pushed into a screen corner stops the
  run: pyautogui raises, the driver turns it into a `DeviceError`, the episode ends as an
  infrastructure failure). Text goes through xdotool on X11, which types any Unicode
  (pyautogui's `write` silently drops non-ASCII), with the characters the keyboard map lacks
  bound beforehand (`devices.desktop.keymap`), else through the clipboard.
- Capture: mss, of one monitor (`monitor=N`, 1-based as mss numbers them) or of all of them
  (`monitor=0`, the default). See `devices.desktop.geometry` for the frames and the explicit
  handling of high-DPI scales and monitor offsets.
- Tree: AT-SPI through `devices.desktop.atspi_client`, limited to one application when `app`
  is given (`--device desktop:APP`); without AT-SPI the observation is pixels only and
  perception proposes elements from them.

The phone's vocabulary maps onto the mouse and keyboard: tap = left click, double tap =
double click, long press = right click (the desktop's context menu, as a long press is the
phone's), swipe = drag with the left button, scroll = the mouse wheel over the target,
back = Escape, enter = Return, delete = BackSpace, menu = the context-menu key; the
keyboard's keys (tab, escape, arrows, page up/down) and key combinations (`Hotkey`, ctrl+a)
are pressed as named. Home and recents have no desktop meaning and are rejected. `hotkey`,
`right_click` and `drag` are also public methods.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import subprocess
import sys
import time
import warnings
from typing import Any, Self

from PIL import Image

from devices.actions import (
    Action,
    Direction,
    DoubleTap,
    Finish,
    Hotkey,
    Key,
    LongPress,
    Modifier,
    OpenApp,
    Point,
    PressKey,
    Scroll,
    Swipe,
    Tap,
    TypeText,
    Wait,
)  # fmt: skip
from devices.desktop.apps import desktop_entries, find_entry
from devices.desktop.atspi_client import AtspiClient, AtspiUnavailable
from devices.desktop.geometry import Frame, Region, capture_scale
from devices.desktop.keymap import KeyBindings, chunks, key_name, open_key_bindings, segments
from devices.device import AppInfo
from devices.errors import ActionRejected, DeviceError, DeviceNotFound
from devices.observation import Observation, TreeFormat

log = logging.getLogger(__name__)

TREE_VERSION = 1  # of the JSON the driver writes as an observation's AT-SPI tree
KEYS = {  # pyautogui's names; home and recents have no desktop meaning
    Key.ENTER: "enter", Key.DELETE: "backspace", Key.BACK: "esc", Key.ESCAPE: "esc",
    Key.MENU: "apps", Key.TAB: "tab", Key.UP: "up", Key.DOWN: "down", Key.LEFT: "left",
    Key.RIGHT: "right", Key.PAGE_UP: "pageup", Key.PAGE_DOWN: "pagedown",
}  # fmt: skip
MODIFIERS = {Modifier.CTRL: "ctrl", Modifier.ALT: "alt", Modifier.SHIFT: "shift",
             Modifier.META: "command" if sys.platform == "darwin" else "win"}  # fmt: skip
WHEEL_CLICKS = 5  # wheel notches per Scroll action
_SELECT_ALL = ("command", "a") if sys.platform == "darwin" else ("ctrl", "a")
_PASTE = ("command", "v") if sys.platform == "darwin" else ("ctrl", "v")


class DesktopDevice:
    """The local desktop. `app` limits the tree to one application (its AT-SPI name, e.g.
    `zenity`, `gtk3-demo`); `monitor` picks the captured screen (0: all monitors)."""

    def __init__(
        self,
        app: str = "",
        *,
        monitor: int = 0,
        tree: bool = True,
        pause_s: float = 0.05,  # s pyautogui waits after each call
        type_delay_ms: int = 12,  # ms between keys typed by xdotool
        settle_s: float = 0.5,  # s an application gets to read keys before a rebinding
        max_nodes: int = 5000,  # nodes read from the tree at most
    ) -> None:
        self.app = app
        self.name = "desktop" + (f"-{app}" if app else "")
        self.type_delay_ms = type_delay_ms
        self.settle_s = settle_s
        self.max_nodes = max_nodes
        self._gui = _load_pyautogui(pause_s)
        import mss

        self._mss: Any = getattr(mss, "MSS", mss.mss)()  # mss 10 renamed its entry point
        monitors = self._mss.monitors
        if not 0 <= monitor < len(monitors):
            raise DeviceNotFound(f"no monitor {monitor}; this desktop has {len(monitors) - 1}")
        m = monitors[monitor]
        self.region = Region(m["left"], m["top"], m["width"], m["height"])
        self.frame = Frame(self.region, capture_scale(self._grab().size, self.region))
        self._atspi = _open_atspi() if tree else None
        self._xwindows = _open_xwindows() if self._atspi is not None else None
        self._xdotool = shutil.which("xdotool") if _is_x11() else None
        self._keys = open_key_bindings() if self._xdotool else None
        self._closed = False
        self._typed_at = -settle_s  # time.monotonic() when keys were last sent

    # -- capture ----------------------------------------------------------------------------

    def _grab(self) -> Image.Image:
        r = self.region
        shot = self._mss.grab({"left": r.left, "top": r.top, "width": r.width,
                               "height": r.height})
        return Image.frombytes("RGB", shot.size, shot.bgra, "raw", "BGRX")

    def capture(self) -> Observation:
        image = self._grab()
        tree, fmt, app, title = "", TreeFormat.NONE, self.app, ""
        if self._atspi is not None:
            data = self.read_tree()
            tree, fmt = json.dumps(data, ensure_ascii=False), TreeFormat.ATSPI
            front = _front_window(data["windows"])
            if front is not None:
                app, title = front["app"], front["title"]
        return Observation(screenshot=image, tree=tree, tree_format=fmt, width=image.width,
                           height=image.height, app=app, activity=title)

    def read_tree(self) -> dict[str, Any]:
        """The AT-SPI tree as the driver serialises it: the frame, then each showing window
        with its toolkit scale (see `devices.desktop.geometry`)."""
        assert self._atspi is not None
        reply = self._atspi.dump(self.app, max_nodes=self.max_nodes)
        windows = reply["windows"]
        x_windows = self._xwindows.windows() if self._xwindows is not None else []
        from devices.desktop.xwindows import window_scale

        for w in windows:
            width = (w["root"].get("extents") or [0, 0, 0, 0])[2]
            w["scale"] = window_scale(width, w["pid"], w["title"], x_windows)
        r = self.region
        return {"version": TREE_VERSION, "apps": reply["apps"], "windows": windows,
                "frame": {"left": r.left, "top": r.top, "width": r.width, "height": r.height,
                          "capture_scale": self.frame.capture_scale}}

    # -- actions ----------------------------------------------------------------------------

    def execute(self, action: Action) -> Action:
        try:
            return self._execute(action)
        except self._gui.FailSafeException as e:
            raise DeviceError("pyautogui's fail-safe: the pointer was pushed into a screen "
                              "corner, which stops the run") from e

    def _execute(self, action: Action) -> Action:
        match action:
            case Tap(target=Point() as p):
                self._gui.click(*self._at(p))
            case DoubleTap(target=Point() as p):
                self._gui.doubleClick(*self._at(p))
            case LongPress(target=Point() as p):
                self.right_click(p)
            case Swipe(start=start, end=end, duration_ms=ms):
                self.drag(start, end, ms / 1000)
            case Scroll(direction=d, target=t):
                self.scroll(d, t if isinstance(t, Point) else None)
            case TypeText():
                self._type_action(action)
            case PressKey(key=key):
                if key not in KEYS:
                    raise ActionRejected(f"a desktop has no {key} key; keys: "
                                         + ", ".join(k.value for k in KEYS))
                self._gui.press(KEYS[key])
            case Hotkey(modifiers=mods, key=key):
                self.hotkey(*(MODIFIERS[m] for m in mods), KEYS.get(Key(key), key)
                            if key in Key.__members__.values() else key)  # fmt: skip
            case OpenApp(app=app):
                self.open_app(app)
            case Wait(seconds=s):
                time.sleep(max(0.0, s))
            case Finish():
                pass
            case _:
                raise ActionRejected(f"targets must be points on a device: {action!r}")
        return action

    def _at(self, point: Point) -> tuple[int, int]:
        if not self.frame.contains(point):
            w, h = self.frame.size
            raise ActionRejected(f"({point.x}, {point.y}) is off the {w}x{h} screen")
        at = self.frame.to_input(point)
        if at in self._gui.FAILSAFE_POINTS:
            raise ActionRejected(f"({point.x}, {point.y}) is a screen corner: pyautogui's "
                                 "fail-safe, kept for a person to stop the run")
        return at

    def right_click(self, point: Point) -> None:
        self._gui.rightClick(*self._at(point))

    def drag(self, start: Point, end: Point, seconds: float = 0.3) -> None:
        """Press the left button at `start`, move to `end` over `seconds`, release."""
        x1, y1 = self._at(start)
        x2, y2 = self._at(end)
        self._gui.moveTo(x1, y1)
        self._gui.mouseDown(x1, y1, button="left")
        try:
            self._gui.moveTo(x2, y2, duration=max(seconds, 0.1))
        finally:
            self._gui.mouseUp(x2, y2, button="left")

    def scroll(self, direction: Direction, at: Point | None = None,
               clicks: int = WHEEL_CLICKS) -> None:
        """Turn the wheel over `at` (default: the screen's middle) so that content from
        `direction` comes into view."""
        w, h = self.frame.size
        self._gui.moveTo(*self._at(at or Point(w // 2, h // 2)))
        if direction in (Direction.UP, Direction.DOWN):
            self._gui.scroll(clicks if direction is Direction.UP else -clicks)
        else:
            self._gui.hscroll(clicks if direction is Direction.RIGHT else -clicks)

    def hotkey(self, *keys: str) -> None:
        """Press keys together, e.g. `hotkey("ctrl", "s")` (pyautogui's key names)."""
        unknown = [k for k in keys if k not in self._gui.KEYBOARD_KEYS]
        if unknown:
            raise ActionRejected(f"unknown keys: {', '.join(unknown)}")
        self._gui.hotkey(*keys)

    def _type_action(self, action: TypeText) -> None:
        if isinstance(action.target, Point):
            self._gui.click(*self._at(action.target))
        if action.clear:
            self._gui.hotkey(*_SELECT_ALL)
            self._gui.press("backspace")
        self.type_text(action.text)
        if action.submit:
            self._gui.press("enter")

    def type_text(self, text: str) -> None:
        """Type `text` exactly, any Unicode, into the focused widget."""
        if not text:
            return
        if self._xdotool and self._keys:
            self._type_keys(self._keys, text)
        elif self._xdotool:  # no binding of our own: xdotool binds, and may lose characters
            self._run(["type", "--delay", str(self.type_delay_ms), "--", text])
        elif text.isascii():
            self._gui.write(text, interval=self.type_delay_ms / 1000)
        else:
            import pyperclip

            pyperclip.copy(text)
            self._gui.hotkey(*_PASTE)

    def _type_keys(self, keys: KeyBindings, text: str) -> None:
        """Type with every character in the keyboard map before its key is sent."""
        delay = ["--delay", str(self.type_delay_ms)]
        keys.refresh()
        if not keys.capacity:  # no spare keycode: xdotool borrows one, and may lose characters
            self._run(["type", *delay, "--", text])
            return
        for piece in chunks(text, keys.needs_keycode, keys.capacity):
            needed = {c for c in piece if keys.needs_keycode(c)}
            if keys.rebinds(needed):
                self._let_keys_be_read()
            keys.bind(needed)
            for bound, run in segments(piece, keys.typed):
                if bound:
                    self._run(["key", *delay, *(key_name(c) for c in run)])
                else:
                    self._run(["type", *delay, "--", run])
            self._typed_at = time.monotonic()

    def _let_keys_be_read(self) -> None:
        """Wait until `settle_s` has passed since keys were last sent: a busy application
        may not have read them, and must find their keycodes still bound as they were."""
        time.sleep(max(0.0, self._typed_at + self.settle_s - time.monotonic()))

    def _run(self, args: list[str]) -> None:
        """Run xdotool; a failure says how, never what was typed (it may be a password)."""
        assert self._xdotool is not None
        try:
            subprocess.run([self._xdotool, *args], check=True, capture_output=True, timeout=60)
        except subprocess.CalledProcessError as e:
            said = e.stderr.decode("utf-8", "replace").strip()[:200]
            raise DeviceError(f"xdotool {args[0]} exited with {e.returncode}: {said}") from e
        except subprocess.TimeoutExpired as e:
            raise DeviceError(f"xdotool {args[0]} took over {e.timeout:g} s") from e
        except OSError as e:
            raise DeviceError(f"cannot run xdotool: {e.strerror}") from e

    # -- apps -------------------------------------------------------------------------------

    def apps(self) -> list[AppInfo]:
        return [AppInfo(e.id, e.name) for e in desktop_entries()]

    def open_app(self, app: str) -> None:
        """Start the application whose desktop entry has this id, name or command."""
        entry = find_entry(app, desktop_entries())
        if entry is None:
            raise ActionRejected(f"no application {app!r} is installed")
        try:
            subprocess.Popen(entry.argv, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL, start_new_session=True)
        except OSError as e:
            raise ActionRejected(f"cannot start {entry.name}: {e}") from e

    # -- lifetime ---------------------------------------------------------------------------

    def close(self) -> None:
        """Give back what the device holds (the keycodes bound for typing first); closing
        again does nothing."""
        if self._closed:
            return
        self._closed = True
        if self._keys is not None:
            self._let_keys_be_read()
            self._keys.close()
        if self._atspi is not None:
            self._atspi.close()
        if self._xwindows is not None:
            self._xwindows.close()
        self._mss.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _is_x11() -> bool:
    return sys.platform.startswith("linux") and bool(os.environ.get("DISPLAY"))


def _load_pyautogui(pause_s: float) -> Any:
    """pyautogui, imported only now: it opens the display when imported."""
    if sys.platform.startswith("linux") and not os.environ.get("DISPLAY"):
        raise DeviceNotFound("no X display: DISPLAY is not set (run under a desktop session "
                             "or xvfb-run)")
    try:
        _import_pyscreeze()
        import pyautogui
    except Exception as e:  # python-xlib raises several unrelated kinds for a bad display
        raise DeviceNotFound(f"cannot open the display {os.environ.get('DISPLAY')}: {e}") from e
    pyautogui.FAILSAFE = True
    pyautogui.PAUSE = pause_s
    return pyautogui


def _import_pyscreeze() -> None:
    """Import pyscreeze (pyautogui's screenshot module) without its leaks: on import it runs
    `which` twice with pipes it never closes. The first is dropped inside the import (its
    warning silenced here), the pipes of the second are closed."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ResourceWarning)
        import pyscreeze
    which = getattr(pyscreeze, "whichProc", None)
    for pipe in (getattr(which, "stdout", None), getattr(which, "stderr", None)):
        if pipe is not None:
            pipe.close()


def _open_atspi() -> AtspiClient | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        return AtspiClient()
    except AtspiUnavailable as e:
        log.warning("no accessibility tree, pixels only: %s", e)
        return None


def _open_xwindows() -> Any:
    from devices.desktop.xwindows import XWindows

    try:
        return XWindows()
    except Exception as e:  # python-xlib raises several unrelated kinds for a bad display
        log.warning("cannot read X windows; AT-SPI extents taken as X pixels: %s", e)
        return None


def _front_window(windows: list[dict[str, Any]]) -> dict[str, Any] | None:
    active = [w for w in windows if w.get("active")]
    return (active or windows or [None])[-1]
