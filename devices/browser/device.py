"""BrowserDevice: one page of the system Chromium, driven through Playwright.

- Chromium: the system's (`chromium`, `chromium-browser`, `google-chrome` on PATH, or
  $AUTOMATOR_CHROMIUM), started headless by default with flags that keep it offline and
  quiet. Playwright's own browser download is never needed.
- Capture: a PNG of the viewport; the page's accessibility tree joined with layout boxes
  (`devices.browser.page_tree`, `TreeFormat.WEB`). Device pixels are the page's CSS pixels
  (device scale factor 1), origin the viewport's top-left corner.
- Actions, mapped as the desktop driver maps them: tap = left click, double tap = double
  click, long press = right click, swipe = drag with the left button, scroll = the mouse
  wheel over the target, back = Escape (a single-page task must not be navigated away from;
  `go_back` is a method), enter = Enter, delete = Backspace. Text is typed as key events
  (pages listen to them), any Unicode. `open_app` with a URL navigates to it; home and
  recents have no page meaning and are rejected.
"""

from __future__ import annotations

import base64
import io
import json
import logging
import os
import shutil
import time
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
from devices.browser.page_tree import read_page_tree
from devices.device import AppInfo
from devices.errors import ActionRejected, DeviceError, DeviceNotFound
from devices.observation import Observation, TreeFormat

log = logging.getLogger(__name__)

KEYS = {  # Playwright's key names; home, recents and menu have no page meaning
    Key.ENTER: "Enter", Key.DELETE: "Backspace", Key.BACK: "Escape", Key.ESCAPE: "Escape",
    Key.TAB: "Tab", Key.UP: "ArrowUp", Key.DOWN: "ArrowDown", Key.LEFT: "ArrowLeft",
    Key.RIGHT: "ArrowRight", Key.PAGE_UP: "PageUp", Key.PAGE_DOWN: "PageDown",
}  # fmt: skip
# ctrl on every platform but macOS's Command, as a person means "ctrl+a"
MODIFIERS = {Modifier.CTRL: "ControlOrMeta", Modifier.ALT: "Alt", Modifier.SHIFT: "Shift",
             Modifier.META: "Meta"}  # fmt: skip
CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
FLAGS = ("--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--no-first-run")
WHEEL_PX = 120  # px per wheel notch
WHEEL_NOTCHES = 3  # notches per Scroll action
URL_PREFIXES = ("http://", "https://", "file://", "about:", "data:")


def find_chromium() -> str | None:
    """The system Chromium's path: $AUTOMATOR_CHROMIUM, else the first known name on PATH."""
    explicit = os.environ.get("AUTOMATOR_CHROMIUM")
    if explicit:
        return explicit if os.access(explicit, os.X_OK) else None
    for name in CHROMIUM_NAMES:
        path = shutil.which(name)
        if path:
            return path
    return None


class BrowserDevice:
    """A page at `url` in a fresh Chromium profile, `width` x `height` CSS pixels."""

    def __init__(
        self,
        url: str = "about:blank",
        *,
        width: int = 1280,  # px, viewport
        height: int = 800,  # px, viewport
        headless: bool = True,
        executable: str | None = None,  # Chromium binary; default: find_chromium()
        type_delay_ms: int = 0,  # ms between typed keys
        timeout_s: float = 30.0,  # s for navigation and for each protocol call
    ) -> None:
        self.name = "browser"
        self.start_url = url
        self.width, self.height = width, height
        self.type_delay_ms = type_delay_ms
        binary = executable or find_chromium()
        if binary is None:
            raise DeviceNotFound("no Chromium found: install the Debian package `chromium` "
                                 "or set AUTOMATOR_CHROMIUM to a Chrome binary")
        self._pw, self._browser = _launch(binary, headless)
        try:
            self._page = self._browser.new_page(viewport={"width": width, "height": height},
                                                device_scale_factor=1)
            self._page.set_default_timeout(timeout_s * 1000)
            self._cdp = self._page.context.new_cdp_session(self._page)
            if url != "about:blank":
                self.goto(url)
        except Exception:
            self.close()
            raise

    @property
    def page(self) -> Any:
        """The Playwright page, for harnesses that set a task up (never for planners)."""
        return self._page

    # -- capture ----------------------------------------------------------------------------

    def capture(self) -> Observation:
        """Three protocol calls, straight to the page's DevTools session: the viewport's
        pixels and the two halves of the tree (the title is the tree's root name). Playwright's
        own screenshot waits for fonts and hides the caret first, which costs a frame."""
        with self._protocol("capture"):
            png = self._pixels()
            tree = read_page_tree(self._cdp, self._page.url, (self.width, self.height))
        image = Image.open(io.BytesIO(png)).convert("RGB")
        title = tree["title"]
        return Observation(screenshot=image, tree=json.dumps(tree, ensure_ascii=False),
                           tree_format=TreeFormat.WEB, width=image.width,
                           height=image.height, app=_site(self._page.url), activity=title)

    def _pixels(self) -> bytes:
        """The viewport as PNG. Chromium answers "Unable to capture screenshot" while it has
        no frame to give (a scroll or a layout in flight, a busy machine); Playwright's own
        screenshot then waits for one."""
        from playwright.sync_api import Error as PlaywrightError

        try:
            shot = self._cdp.send("Page.captureScreenshot", {"format": "png"})
        except PlaywrightError as e:
            log.debug("direct screenshot refused (%s): waiting for a frame", e)
            return self._page.screenshot(type="png")
        return base64.b64decode(shot["data"])

    # -- actions ----------------------------------------------------------------------------

    def execute(self, action: Action) -> Action:
        with self._protocol(action.kind.value):
            return self._execute(action)

    def _execute(self, action: Action) -> Action:
        mouse = self._page.mouse
        match action:
            case Tap(target=Point() as p):
                mouse.click(*self._at(p))
            case DoubleTap(target=Point() as p):
                mouse.dblclick(*self._at(p))
            case LongPress(target=Point() as p):
                mouse.click(*self._at(p), button="right")
            case Swipe(start=start, end=end, duration_ms=ms):
                self.drag(start, end, ms)
            case Scroll(direction=d, target=t):
                self.scroll(d, t if isinstance(t, Point) else None)
            case TypeText():
                self._type_action(action)
            case PressKey(key=key):
                if key not in KEYS:
                    raise ActionRejected(f"a browser page has no {key} key; keys: "
                                         + ", ".join(k.value for k in KEYS))
                self._page.keyboard.press(KEYS[key])
            case Hotkey(modifiers=mods, key=key):
                named = KEYS.get(Key(key)) if key in Key.__members__.values() else key
                if named is None:
                    raise ActionRejected(f"a browser page has no {key} key")
                self._page.keyboard.press("+".join([*(MODIFIERS[m] for m in mods), named]))
            case OpenApp(app=app):
                if not app.startswith(URL_PREFIXES):
                    raise ActionRejected(f"a browser page opens URLs, not {app!r}")
                self.goto(app)
            case Wait(seconds=s):
                time.sleep(max(0.0, s))
            case Finish():
                pass
            case _:
                raise ActionRejected(f"targets must be points on a device: {action!r}")
        return action

    def _at(self, point: Point) -> tuple[int, int]:
        if not (0 <= point.x < self.width and 0 <= point.y < self.height):
            raise ActionRejected(f"({point.x}, {point.y}) is off the "
                                 f"{self.width}x{self.height} page")
        return point.x, point.y

    def drag(self, start: Point, end: Point, duration_ms: int = 300) -> None:
        """Press the left button at `start`, move to `end` in steps, release."""
        mouse = self._page.mouse
        x1, y1 = self._at(start)
        x2, y2 = self._at(end)
        mouse.move(x1, y1)
        mouse.down()
        try:
            mouse.move(x2, y2, steps=max(2, duration_ms // 20))
        finally:
            mouse.up()

    def scroll(self, direction: Direction, at: Point | None = None,
               notches: int = WHEEL_NOTCHES) -> None:
        """Turn the wheel over `at` (default: the viewport's middle) so that content from
        `direction` comes into view."""
        x, y = self._at(at or Point(self.width // 2, self.height // 2))
        self._page.mouse.move(x, y)
        delta = notches * WHEEL_PX
        dx = {Direction.LEFT: -delta, Direction.RIGHT: delta}.get(direction, 0)
        dy = {Direction.UP: -delta, Direction.DOWN: delta}.get(direction, 0)
        self._page.mouse.wheel(dx, dy)

    def _type_action(self, action: TypeText) -> None:
        keyboard = self._page.keyboard
        if isinstance(action.target, Point):
            self._page.mouse.click(*self._at(action.target))
        if action.clear:
            keyboard.press("ControlOrMeta+a")
            keyboard.press("Backspace")
        self.type_text(action.text)
        if action.submit:
            keyboard.press("Enter")

    def type_text(self, text: str) -> None:
        """Type `text` exactly, any Unicode, into the focused element, as key events."""
        if text:
            self._page.keyboard.type(text, delay=self.type_delay_ms)

    # -- pages ------------------------------------------------------------------------------

    def goto(self, url: str) -> None:
        with self._protocol("goto"):
            self._page.goto(url, wait_until="load")

    def go_back(self) -> None:
        with self._protocol("go_back"):
            self._page.go_back()

    def evaluate(self, script: str, arg: Any = None) -> Any:
        """Run `script` (a JavaScript expression or function) in the page; for harnesses."""
        with self._protocol("evaluate"):
            return self._page.evaluate(script, arg)

    def apps(self) -> list[AppInfo]:
        return [AppInfo(self._page.url, self._page.title())]

    # -- lifetime ---------------------------------------------------------------------------

    def _protocol(self, what: str) -> _ProtocolErrors:
        return _ProtocolErrors(what)

    def close(self) -> None:
        browser, pw = getattr(self, "_browser", None), getattr(self, "_pw", None)
        self._browser = self._pw = None
        try:
            if browser is not None:
                browser.close()
        finally:
            if pw is not None:
                pw.stop()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class _ProtocolErrors:
    """Playwright's failures (a closed page, a crashed browser, a timeout) as `DeviceError`;
    `ActionRejected` passes through."""

    def __init__(self, what: str) -> None:
        self.what = what

    def __enter__(self) -> None:
        return None

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 tb: object) -> bool:
        from playwright.sync_api import Error as PlaywrightError

        if isinstance(error, PlaywrightError):
            raise DeviceError(f"the browser failed during {self.what}: {error}") from error
        return False


def _launch(binary: str, headless: bool) -> tuple[Any, Any]:
    try:
        from playwright.sync_api import Error as PlaywrightError
        from playwright.sync_api import sync_playwright
    except ImportError as e:
        raise DeviceNotFound("the browser device needs the Python package playwright") from e
    pw = sync_playwright().start()
    try:
        return pw, pw.chromium.launch(executable_path=binary, headless=headless,
                                      args=list(FLAGS))
    except PlaywrightError as e:
        pw.stop()
        raise DeviceNotFound(f"cannot start Chromium ({binary}): {e}") from e


def _site(url: str) -> str:
    """What an observation calls the foreground app: the page's host, or its file name."""
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    return parts.netloc or parts.path.rsplit("/", 1)[-1] or parts.scheme
