"""AndroidDevice: the driver for real phones (and the served virtual phone) over adb.

Two capture paths, chosen when the device is opened and reported in `capture_path` and
the log:

- "uiautomator2": the uiautomator2 on-device service (JSON-RPC over adb `tcp:9008`)
  dumps the hierarchy and takes JPEG screenshots; fast.
- "adb": `uiautomator dump` + sync pull and `screencap -p`; works on any phone, slower.

Actions go through the same service when it runs, else through `input`. Text is never
shell (see devices.textinput). Every device call has a deadline: a hung call raises
DeviceTimeout; a failed connection is retried once after reconnecting, then raises
DeviceDisconnected.

Apps: `OpenApp` takes a package name, or a label that it looks for on the home screen and
taps (as a person would), or a label of `apps()`: the launcher's activities with the labels
the phone prints, or good guesses where it prints none (devices.android_apps).
"""

from __future__ import annotations

import base64
import io
import logging
import os
import re
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any, Self, TypeVar

import adbutils
from PIL import Image

from devices.actions import (
    Action,
    DoubleTap,
    Finish,
    Hotkey,
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
)  # fmt: skip
from devices.android_apps import (
    LAUNCHER_QUERY,
    label_guess,
    launcher_apps,
    package_word,
    parse_launcher_activities,
)
from devices.android_link import LinkClient, run_with_deadline
from devices.android_screen import (
    FOCUS_COMMAND,
    KEYBOARD_COMMAND,
    MULTI_DISPLAY_WARNING,
    app_area_black,
    cut_hierarchy,
    focused_field_text,
    ime_package,
    input_permission_denied,
    keyboard_bounds,
    labelled_node_center,
    parse_display_ids,
    parse_focus,
    parse_keyboard,
    parse_wm_size,
    split_image,
    window_secure,
)  # fmt: skip
from devices.device import AppInfo
from devices.errors import (
    ActionRejected,
    DeviceDisconnected,
    DeviceError,
    DeviceNotFound,
    InputNotAllowed,
)
from devices.gestures import scroll_swipe
from devices.observation import Observation, TreeFormat
from devices.textinput import KNOWN_IMES, ime_broadcast, input_text_commands, typable_with_input

logger = logging.getLogger(__name__)

T = TypeVar("T")
U2 = "uiautomator2"
ADB = "adb"
DUMP_PATH = "/data/local/tmp/automator_dump.xml"
KEYCODES = {  # android.view.KeyEvent
    Key.BACK: 4, Key.HOME: 3, Key.ENTER: 66, Key.RECENTS: 187, Key.DELETE: 67, Key.MENU: 82,
    Key.TAB: 61, Key.ESCAPE: 111, Key.UP: 19, Key.DOWN: 20, Key.LEFT: 21, Key.RIGHT: 22,
    Key.PAGE_UP: 92, Key.PAGE_DOWN: 93,
}  # fmt: skip
_FOCUSED = {"mask": 0x020000, "childOrSibling": [], "childOrSiblingSelector": [], "focused": True}


def pick_serial(client: adbutils.AdbClient, serial: str | None) -> str:
    """The serial to drive: the given one, else ANDROID_SERIAL, else the only device."""
    infos = client.list()
    attached = [i.serial for i in infos if i.state == "device"]
    wanted = serial or os.environ.get("ANDROID_SERIAL")
    listing = ", ".join(f"{i.serial} ({i.state})" for i in infos) or "none"
    if wanted:
        if wanted not in attached:
            raise DeviceNotFound(f"device {wanted!r} not attached; attached: {listing}")
        return wanted
    if len(attached) != 1:
        reason = "no device attached" if not attached else "several devices attached"
        raise DeviceNotFound(f"{reason}; choose one by serial. Attached: {listing}")
    return attached[0]


@dataclass(frozen=True)
class AttachedDevice:
    serial: str
    state: str  # device, offline, unauthorized, ...
    model: str = ""  # ro.product.model, when the device answers
    size: tuple[int, int] | None = None  # px, from `wm size`


def list_devices(host: str | None = None, port: int | None = None) -> list[AttachedDevice]:
    """The devices an adb server sees, with model and screen size for those online."""
    client = _client(host, port, timeout=10.0)
    found = []
    for info in run_with_deadline(client.list, 10.0, "list devices"):
        model, size = "", None
        if info.state == "device":
            device = client.device(info.serial)
            model = run_with_deadline(lambda d=device: d.prop.model, 10.0, "getprop") or ""
            size = tuple(run_with_deadline(device.window_size, 10.0, "wm size"))
        found.append(AttachedDevice(info.serial, info.state, model, size))
    return found


def _client(host: str | None, port: int | None, timeout: float) -> LinkClient:
    host = host or os.environ.get("ANDROID_ADB_SERVER_HOST", "127.0.0.1")
    port = port or int(os.environ.get("ANDROID_ADB_SERVER_PORT", "5037"))
    return LinkClient(host=host, port=port, socket_timeout=timeout)


class AndroidDevice:
    """A phone reached through an adb server (`host`:`port`, default the env's or 5037)."""

    def __init__(
        self,
        serial: str | None = None,
        *,
        host: str | None = None,
        port: int | None = None,
        use_uiautomator2: bool = True,
        timeout: float = 10.0,  # s, for each device call
        connect_timeout: float = 30.0,  # s, for starting the uiautomator2 service
    ) -> None:
        self.timeout = timeout
        self._client = _client(host, port, timeout)
        self.name = self._guard(lambda: pick_serial(self._client, serial), "list devices")
        self._adb = self._client.device(self.name)
        self._u2: Any = None
        self._want_u2 = use_uiautomator2
        self._connect_timeout = connect_timeout
        self._size: tuple[int, int] | None = None
        self._last_tree = ""
        self._ime: str | None = None
        self._apps: list[AppInfo] | None = None  # cached: see apps()
        self._display: str | None = None  # `screencap -d` id, once the phone asks for one
        self._reconnecting = threading.Lock()
        if use_uiautomator2:
            self._start_u2()
        logger.info("%s: capture path %s", self.name, self.capture_path)

    # --- connection -------------------------------------------------------------------------

    @property
    def capture_path(self) -> str:
        """ "uiautomator2" (the on-device service) or "adb" (dump + screencap)."""
        return U2 if self._u2 is not None else ADB

    def _start_u2(self) -> None:
        import uiautomator2

        try:
            self._u2 = run_with_deadline(
                lambda: uiautomator2.Device(self._adb), self._connect_timeout, "start uiautomator2"
            )
        except DeviceError as e:
            logger.warning("%s: uiautomator2 unavailable, using plain adb: %s", self.name, e)
            self._u2 = None

    def _guard(self, fn: Callable[[], T], what: str) -> T:
        return run_with_deadline(fn, self.timeout, what)

    def _call(self, fn: Callable[[], T], what: str) -> T:
        """One device call; after a dropped connection, reconnect once and retry."""
        try:
            return self._guard(fn, what)
        except DeviceDisconnected as first:
            logger.warning("%s: %s; reconnecting once", self.name, first)
            self._reconnect(first)
            return self._guard(fn, what)

    def _reconnect(self, cause: DeviceDisconnected) -> None:
        with self._reconnecting:
            self._reconnect_once(cause)

    def _reconnect_once(self, cause: DeviceDisconnected) -> None:
        try:
            infos = self._guard(self._client.list, "list devices")
        except DeviceError as e:
            raise DeviceDisconnected(f"{cause}; adb server unreachable: {e}") from e
        if not any(i.serial == self.name and i.state == "device" for i in infos):
            raise DeviceDisconnected(f"{cause}; device {self.name} is gone") from cause
        self._adb = self._client.device(self.name)
        if self._u2 is not None:
            self._start_u2()

    def _shell(self, argv: list[str] | str, what: str | None = None) -> str:
        """Run a command: an argv list (each word quoted, so data stays data) or a constant
        command line of this module (never one built from data)."""
        name = what or (argv[0] if isinstance(argv, list) else argv.split()[0])
        return self._call(lambda: self._adb.shell(argv, timeout=self.timeout), name)

    def _rpc(self, method: str, *params: Any) -> Any:
        # The module-level call, not `Device.jsonrpc`: on an HTTP error the latter restarts
        # the service and waits up to 10 s, outside our deadline; reconnecting is ours.
        from uiautomator2.core import _jsonrpc_call
        from uiautomator2.exceptions import RPCUnknownError

        def call() -> Any:
            port = self._u2._device_server_port
            try:
                return _jsonrpc_call(self._adb, port, method, list(params), self.timeout, False)
            except RPCUnknownError as e:  # args: message, params, the server's stack trace
                if input_permission_denied(" ".join(str(a) for a in e.args)):
                    raise InputNotAllowed(f"uiautomator2 {method}: {InputNotAllowed.HELP}") from e
                raise

        return self._call(call, f"uiautomator2 {method}")

    # --- capture ------------------------------------------------------------------------------

    def capture(self) -> Observation:
        # The screenshot (the slow part: encode, transfer, decode) overlaps the tree.
        with ThreadPoolExecutor(1, thread_name_prefix="capture") as pool:
            grab = self._u2_screenshot if self._u2 is not None else self._adb_screenshot
            shot = pool.submit(grab)
            tree = self._rpc("dumpWindowHierarchy", False, 50) if self._u2 else self._adb_dump()
            focus = self._shell(FOCUS_COMMAND, "dumpsys window")
            screenshot = shot.result()
        package, activity, rotation = parse_focus(focus)
        self._size = screenshot.size
        self._last_tree = tree
        return Observation(
            screenshot=screenshot,
            tree=tree,
            tree_format=TreeFormat.UIAUTOMATOR,
            width=screenshot.width,
            height=screenshot.height,
            app=package,
            activity=activity,
            rotation=rotation,
            secure=window_secure(focus) or (app_area_black(screenshot) and "<node" in tree),
        )

    def _u2_screenshot(self) -> Image.Image:
        data = base64.b64decode(self._rpc("takeScreenshot", 1, 80) or "")
        return self._decode(data, "uiautomator2 takeScreenshot") if data else self._adb_screenshot()

    def _adb_screenshot(self) -> Image.Image:
        def grab() -> Image.Image:
            argv = ["screencap", *(["-d", self._display] if self._display else []), "-p"]
            data = self._adb.shell(argv, timeout=self.timeout, encoding=None)
            before, image = split_image(data)
            if MULTI_DISPLAY_WARNING in before and self._display is None:
                return self._screenshot_of_built_in_display(image)
            if before.strip():
                logger.debug("%s: screencap printed %r before the image", self.name, before[:200])
            return self._decode(image or data, "screencap")

        return self._call(grab, "screencap")

    def _screenshot_of_built_in_display(self, image: bytes) -> Image.Image:
        """The phone has several displays (a foldable's cover screen, a rear display) and
        warned that it picked one: name the built-in display from now on."""
        ids = parse_display_ids(
            self._adb.shell(["dumpsys", "SurfaceFlinger", "--display-id"], timeout=self.timeout)
        )
        chosen = ids[0] if ids else "the default"
        logger.warning("%s: several displays (%s); capturing display %s",
                       self.name, ", ".join(ids) or "ids unknown", chosen)  # fmt: skip
        if not ids:
            return self._decode(image, "screencap")
        self._display = ids[0]
        data = self._adb.shell(["screencap", "-d", self._display, "-p"],
                               timeout=self.timeout, encoding=None)  # fmt: skip
        return self._decode(split_image(data)[1] or data, "screencap")

    @staticmethod
    def _decode(data: bytes, what: str) -> Image.Image:
        try:
            image = Image.open(io.BytesIO(data))
            image.load()
        except OSError as e:
            raise DeviceDisconnected(f"{what}: bad image ({len(data)} bytes): {e}") from e
        return image.convert("RGB")

    def _adb_dump(self) -> str:
        def dump() -> str:
            out = self._adb.shell(["uiautomator", "dump", DUMP_PATH], timeout=self.timeout)
            if "dumped to" not in out:
                raise DeviceDisconnected(f"uiautomator dump failed: {out.strip()[:200]}")
            try:
                xml = cut_hierarchy(self._adb.sync.read_text(DUMP_PATH))
            finally:  # it holds what was on the screen: leave no copy on the phone
                self._adb.shell(["rm", "-f", DUMP_PATH], timeout=self.timeout)
            if xml is None:
                raise DeviceDisconnected("uiautomator dump: truncated or empty hierarchy")
            return xml

        return self._call(dump, "uiautomator dump")

    # --- actions ------------------------------------------------------------------------------

    def execute(self, action: Action) -> Action:
        match action:
            case Tap(target=Point(x=x, y=y)):
                self._tap(x, y)
            case LongPress(target=Point(x=x, y=y), duration_ms=ms):
                self._swipe(x, y, x, y, max(ms, 500))
            case DoubleTap(target=Point(x=x, y=y)):
                self._tap(x, y)
                self._tap(x, y)
            case Swipe(start=s, end=e, duration_ms=ms):
                self._swipe(s.x, s.y, e.x, e.y, ms)
            case Scroll(direction=d, target=t):
                start, end = scroll_swipe(d, t if isinstance(t, Point) else None, self._screen())
                self._swipe(start.x, start.y, end.x, end.y, 300)
            case TypeText():
                self._type(action)
            case PressKey(key=key):
                self._key(KEYCODES[key])
            case Hotkey():
                raise ActionRejected(f"{action.combination}: key combinations are for "
                                     "desktops and browser pages, not phones")  # fmt: skip
            case OpenApp(app=app):
                self._open_app(app)
            case Wait(seconds=s):
                time.sleep(max(0.0, s))
            case Finish():
                pass
            case _:
                raise ActionRejected(f"{action!r}: targets must be points on a device")
        return action

    def _screen(self) -> tuple[int, int]:
        if self._size is None:
            size = parse_wm_size(self._shell(["wm", "size"]))
            if size is None:
                raise DeviceDisconnected("wm size: no size in its output")
            self._size = size
        return self._size

    def _check_point(self, x: int, y: int) -> None:
        w, h = self._screen()
        if not (0 <= x < w and 0 <= y < h):
            raise ActionRejected(f"point ({x}, {y}) is off the {w}x{h} screen")

    def _tap(self, x: int, y: int) -> None:
        self._check_point(x, y)
        if self._u2 is not None:
            self._rpc("click", x, y)
        else:
            self._input(["input", "tap", str(x), str(y)])

    def _swipe(self, x1: int, y1: int, x2: int, y2: int, ms: int) -> None:
        self._check_point(x1, y1)
        self._check_point(x2, y2)
        if self._u2 is not None and (x1, y1) == (x2, y2):
            self._rpc("click", x1, y1, ms)
        elif self._u2 is not None:
            self._rpc("swipe", x1, y1, x2, y2, max(2, ms // 5))
        else:
            self._input(["input", "swipe", str(x1), str(y1), str(x2), str(y2), str(ms)])

    def _key(self, code: int) -> None:
        if self._u2 is not None:
            self._rpc("pressKeyCode", code)
        else:
            self._input(["input", "keyevent", str(code)])

    def _input(self, argv: list[str], what: str | None = None) -> None:
        """An `input` command; the phone's refusal of injected input raises InputNotAllowed
        (`input` prints the SecurityException and still exits 0 on some builds)."""
        out = self._shell(argv, what)
        if input_permission_denied(out):
            raise InputNotAllowed(f"{' '.join(argv[:2])}: {InputNotAllowed.HELP}")

    # --- text -----------------------------------------------------------------------------------

    def _type(self, action: TypeText) -> None:
        if isinstance(action.target, Point):
            self._focus(action.target)
        if action.clear:
            self._clear_field()
        if action.text:
            self._enter_text(action.text)
        if action.submit:
            self._key(KEYCODES[Key.ENTER])

    def _focus(self, point: Point) -> None:
        """Tap the field; first hide the soft keyboard if it covers the field."""
        box = keyboard_bounds(self._last_tree, ime_package(self._default_ime()))
        if box is None and self._u2 is None:  # a plain dump holds only the active window
            box = parse_keyboard(self._shell(KEYBOARD_COMMAND, "dumpsys input_method"),
                                 self._screen())  # fmt: skip
        if box is not None and box[1] <= point.y <= box[3]:
            logger.info("%s: soft keyboard covers the field; hiding it", self.name)
            self._key(KEYCODES[Key.BACK])
        self._tap(point.x, point.y)

    def _clear_field(self) -> None:
        if self._u2 is not None:
            self._rpc("clearTextField", _FOCUSED)
            return
        length = len(focused_field_text(self._adb_dump()))
        if length:
            self._input(["input", "keyevent", "123", *(["67"] * length)], "clear field")

    def _enter_text(self, text: str) -> None:
        """Type `text` where the phone's own keyboard would put it: at the cursor, over the
        selection (a time picker or a search box selects its text when focused).

        Only an IME's commit and key events do that; uiautomator2's `setText` replaces the
        whole text, so it types only into an empty field (exact, any text, no shell) or,
        as a last resort for text that `input text` cannot type, appends to what is there.
        """
        ime = self._text_ime()
        if ime is not None and _utf8(text):
            self._shell(ime_broadcast(ime, text), "ime broadcast")
            return
        current = self._u2_field_text() if self._u2 is not None else None
        if current == "":
            self._rpc("setText", _FOCUSED, text)
        elif typable_with_input(text):
            try:
                for argv in input_text_commands(text):
                    self._input(argv, "input text")
            except InputNotAllowed:
                if current is None:
                    raise
                self._rpc("setText", _FOCUSED, current + text)  # accessibility is not refused
        elif current is not None:
            logger.info("%s: no keyboard can type this text; appending it with setText",
                        self.name)  # fmt: skip
            self._rpc("setText", _FOCUSED, current + text)
        else:
            raise ActionRejected(
                "cannot type non-ASCII text on this phone: neither the uiautomator2 service "
                "nor an ADB keyboard IME is available"
            )

    def _u2_field_text(self) -> str:
        """The focused field's text, exactly; "" when the field only shows its hint (an
        empty field reports its hint as its text on real phones, and `getText` with it)."""
        if not self._rpc("exist", _FOCUSED):
            return ""
        current = self._rpc("getText", _FOCUSED) or ""
        if current and not focused_field_text(self._rpc("dumpWindowHierarchy", False, 50)):
            return ""
        return current

    def _text_ime(self) -> str | None:
        """A broadcast-driven IME that is already the phone's input method, if any."""
        ime = self._default_ime()
        return ime if ime in KNOWN_IMES else None

    def _default_ime(self) -> str:
        """The phone's input method (`com.sec.android.inputmethod/.SamsungKeypad` …)."""
        if self._ime is None:
            current = self._shell(["settings", "get", "secure", "default_input_method"])
            self._ime = current.strip()
        return self._ime

    # --- apps ---------------------------------------------------------------------------------

    def apps(self) -> list[AppInfo]:
        """Apps with a launcher activity (every package where the phone cannot say), with
        the labels the phone prints, else guessed (devices.android_apps). Asked once per
        device: installing an app while the agent runs is rare, and the query is slow."""
        if self._apps is None:
            listing = self._shell(LAUNCHER_QUERY, "query launcher activities")
            found = launcher_apps(parse_launcher_activities(listing))
            self._apps = found or [AppInfo(p, label_guess(p)) for p in self._packages()]
        return list(self._apps)

    def _packages(self) -> list[str]:
        listing = self._shell(["pm", "list", "packages"])
        return sorted(re.findall(r"^package:(\S+)", listing, re.M))

    def _open_app(self, app: str) -> None:
        """A package name launches directly; a label is found on the home screen and tapped,
        as a person would; a label matching a package's name launches that package."""
        if app in self._packages():
            return self._launch(app)
        self._key(KEYCODES[Key.HOME])
        icon = labelled_node_center(self.capture().tree, app)
        if icon is not None:
            return self._tap(icon.x, icon.y)
        return self._launch(_resolve_app(app, self.apps()))

    def _launch(self, package: str) -> None:
        out = self._shell(
            ["monkey", "-p", package, "-c", "android.intent.category.LAUNCHER", "1"], "monkey"
        )
        if "Events injected" not in out:
            raise ActionRejected(f"app {package} has no launcher activity")

    # --- watching the person ------------------------------------------------------------------

    def query(self, argv: list[str]) -> str:
        """The output of a read-only command of the phone's shell (`getevent -lp`,
        `wm density`); each word is quoted, so data stays data."""
        return self._shell(argv)

    def stream(self, argv: list[str]) -> Any:
        """Start a long-running command (`getevent -lt`) in a terminal and return its socket:
        through a pipe the phone would buffer its output in blocks; a terminal sends it line by
        line (with \r\n). Closing the socket ends the command."""
        import shlex

        def start() -> Any:
            conn = self._adb.open_transport(timeout=self.timeout)
            conn.send_command("shell,pty:" + " ".join(shlex.quote(a) for a in argv))
            conn.check_okay()
            conn.conn.settimeout(None)
            return conn.conn

        return self._call(start, argv[0])

    def input_method(self) -> str:
        """The phone's input method id (`settings get secure default_input_method`)."""
        return self._default_ime()

    # --- lifecycle ------------------------------------------------------------------------------

    def close(self) -> None:
        if self._u2 is not None:
            u2, self._u2 = self._u2, None
            try:
                run_with_deadline(lambda: u2.stop_uiautomator(wait=False), 5.0, "stop u2")
            except DeviceError as e:
                logger.debug("%s: stopping uiautomator2: %s", self.name, e)

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _resolve_app(app: str, apps: list[AppInfo]) -> str:
    wanted = app.strip().casefold()
    for match in (
        lambda a: a.package == app,
        lambda a: a.label.casefold() == wanted,
        lambda a: package_word(a.package).casefold() == wanted,
    ):
        found = [a.package for a in apps if match(a)]
        if found:
            return found[0]
    names = ", ".join(sorted(a.label for a in apps))
    raise ActionRejected(f"no app called {app!r} on this phone; installed: {names}")


def _utf8(text: str) -> bool:
    """Can `text` travel as UTF-8 (an IME broadcast's payload)? A lone surrogate cannot; JSON
    (uiautomator2's setText) carries it as an escape."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True
