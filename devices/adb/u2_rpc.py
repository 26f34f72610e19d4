"""The uiautomator2 on-device service: HTTP/1.1 + JSON-RPC, reached over `tcp:9008`.

Serves `GET /ping` ("pong") and `POST /jsonrpc/0` with the methods uiautomator2 3.7's
client calls for connecting, capturing, gestures, keys, text and selectors. Selectors
match the nodes of the current hierarchy dump (child/sibling selectors are not modelled).
"""

from __future__ import annotations

import base64
import io
import json
import logging
import re
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable
from typing import Any

from devices.adb.android_cmds import KEYCODES, foreground, press, rotation
from devices.adb.target import AdbTarget
from devices.virtual.hierarchy import read_raw_text

logger = logging.getLogger(__name__)

ReadLine = Callable[[], bytes]
ReadExact = Callable[[int], bytes]
Send = Callable[[bytes], None]

_KEY_NAMES = {"delete": "DEL", "del": "DEL", "recent": "APP_SWITCH", "center": "DPAD_CENTER"}
_BOUNDS = re.compile(r"\[(-?\d+),(-?\d+)\]\[(-?\d+),(-?\d+)\]")
_BOOL_FIELDS = {
    "checkable": "checkable", "checked": "checked", "clickable": "clickable",
    "longClickable": "long-clickable", "scrollable": "scrollable", "enabled": "enabled",
    "focusable": "focusable", "focused": "focused", "selected": "selected",
}  # fmt: skip


class RpcError(Exception):
    def __init__(self, code: int, message: str) -> None:
        super().__init__(message)
        self.code = code


def serve_http(target: AdbTarget, read_line: ReadLine, read_exact: ReadExact, send: Send) -> None:
    """Answer HTTP requests on one connection until the client closes it."""
    session = RpcSession(target)
    while True:
        request = _read_request(read_line, read_exact)
        if request is None:
            return
        method, path, body = request
        status, payload = session.handle(method, path, body)
        head = (
            f"HTTP/1.1 {status}\r\nContent-Type: "
            f"{'text/plain' if path == '/ping' else 'application/json'}\r\n"
            f"Content-Length: {len(payload)}\r\nConnection: keep-alive\r\n\r\n"
        )
        send(head.encode() + payload)


def _read_request(read_line: ReadLine, read_exact: ReadExact) -> tuple[str, str, bytes] | None:
    try:
        start = read_line()
    except EOFError:
        return None
    if not start.strip():
        return None
    method, path, *_ = start.decode("latin-1").split()
    length = 0
    while (line := read_line()) not in (b"\r\n", b"\n", b""):
        name, _, value = line.decode("latin-1").partition(":")
        if name.strip().lower() == "content-length":
            length = int(value.strip())
    return method, path, read_exact(length) if length else b""


def parse_bounds(text: str) -> tuple[int, int, int, int]:
    m = _BOUNDS.fullmatch(text or "")
    return tuple(int(g) for g in m.groups()) if m else (0, 0, 0, 0)  # type: ignore[return-value]


def node_text(node: ET.Element) -> str:
    """The node's text as the accessibility node holds it (not as the XML could write it)."""
    raw = node.get("raw-text")
    return read_raw_text(raw) if raw is not None else node.get("text", "")


def _matches(node: ET.Element, sel: dict[str, Any]) -> bool:
    a = node.attrib
    text = node_text(node)
    checks: list[tuple[str, Callable[[Any], bool]]] = [
        ("text", lambda v: text == v),
        ("textContains", lambda v: v in text),
        ("textMatches", lambda v: re.fullmatch(v, text, re.S) is not None),
        ("textStartsWith", lambda v: text.startswith(v)),
        ("className", lambda v: a.get("class") == v),
        ("classNameMatches", lambda v: re.fullmatch(v, a.get("class", "")) is not None),
        ("description", lambda v: a.get("content-desc") == v),
        ("descriptionContains", lambda v: v in a.get("content-desc", "")),
        ("descriptionMatches", lambda v: re.fullmatch(v, a.get("content-desc", "")) is not None),
        ("descriptionStartsWith", lambda v: a.get("content-desc", "").startswith(v)),
        ("packageName", lambda v: a.get("package") == v),
        ("packageNameMatches", lambda v: re.fullmatch(v, a.get("package", "")) is not None),
        ("resourceId", lambda v: a.get("resource-id") == v),
        ("resourceIdMatches", lambda v: re.fullmatch(v, a.get("resource-id", "")) is not None),
        ("index", lambda v: a.get("index") == str(v)),
    ]
    checks += [(k, lambda v, attr=attr: (a.get(attr) == "true") == bool(v))
               for k, attr in _BOOL_FIELDS.items()]  # fmt: skip
    return all(check(sel[k]) for k, check in checks if k in sel)


def obj_info(node: ET.Element) -> dict[str, Any]:
    a = node.attrib
    left, top, right, bottom = parse_bounds(a.get("bounds", ""))
    box = {"left": left, "top": top, "right": right, "bottom": bottom}
    info: dict[str, Any] = {
        "bounds": box,
        "visibleBounds": dict(box),
        "childCount": len(node.findall("node")),
        "className": a.get("class"),
        "contentDescription": a.get("content-desc") or None,
        "packageName": a.get("package"),
        "resourceName": a.get("resource-id") or None,
        "text": node_text(node),
    }
    info.update({k: a.get(attr) == "true" for k, attr in _BOOL_FIELDS.items()})
    return info


class RpcSession:
    """One client connection's view of the service; state lives on the target."""

    def __init__(self, target: AdbTarget) -> None:
        self.target = target

    def handle(self, method: str, path: str, body: bytes) -> tuple[str, bytes]:
        if method == "GET" and path == "/ping":
            self.target.faults.apply("ping", b"pong")
            return "200 OK", b"pong"
        if method != "POST" or not path.startswith("/jsonrpc/0"):
            return "404 Not Found", b"Not Found"
        try:
            request = json.loads(body)
        except json.JSONDecodeError:
            return "200 OK", _error(None, -32700, "Parse error")
        return "200 OK", self._call(request)

    def _call(self, request: dict[str, Any]) -> bytes:
        name, params = request.get("method", ""), request.get("params") or []
        self.target.rpc_calls.append(name)
        handler = getattr(self, "rpc_" + name, None)
        if handler is None:
            return _error(request.get("id"), -32601, f"Method not found: {name}")
        if name in INJECTING and self.target.input_refused:
            return _refusal(self.target, request.get("id"))
        try:
            result = handler(*params) if isinstance(params, list) else handler(**params)
        except RpcError as e:
            return _error(request.get("id"), e.code, str(e))
        except TypeError as e:
            return _error(request.get("id"), -32602, f"Invalid params: {e}")
        body = json.dumps({"jsonrpc": "2.0", "id": request.get("id"), "result": result})
        return self.target.faults.apply(name, body.encode())

    # --- capture -------------------------------------------------------------------------

    def _xml(self, raw_text: bool = False) -> str:
        """The service's dump: with a profile, every window (status bar, keyboard …) in the
        server's own format; an empty field's text is its hint there too (getText says so)."""
        profile, phone = self.target.profile, self.target.phone
        with self.target.lock:
            if profile is None:
                return phone.dump_hierarchy(raw_text=raw_text)
            return phone.dump_hierarchy(raw_text=raw_text, style=profile.dump_style(True))

    def rpc_dumpWindowHierarchy(self, compressed: bool = False, max_depth: int = 50,
                                *_: Any) -> str:  # fmt: skip
        xml = self._xml()
        if self.target.profile is not None:
            return xml
        head, sep, rest = xml.partition("?>")
        return head + sep + "\r\n" + rest.lstrip("\r\n") if sep else xml

    def rpc_takeScreenshot(self, scale: float = 1, quality: int = 80) -> str:
        with self.target.lock:
            image = self.target.phone.screenshot().convert("RGB")
        if scale != 1:
            image = image.resize((int(image.width * scale), int(image.height * scale)))
        buf = io.BytesIO()
        image.save(buf, format="JPEG", quality=int(quality))
        return base64.b64encode(buf.getvalue()).decode()

    def rpc_deviceInfo(self) -> dict[str, Any]:
        phone, r = self.target.phone, rotation(self.target)
        w, h = (phone.height, phone.width) if r % 2 else (phone.width, phone.height)
        return {
            "currentPackageName": foreground(self.target)[0],
            "displayHeight": h,
            "displayWidth": w,
            "displayRotation": r,
            "displaySizeDpX": round(w / 2.625),
            "displaySizeDpY": round(h / 2.625),
            "naturalOrientation": r % 2 == 0,
            "productName": self.target.props["ro.product.name"],
            "screenOn": True,
            "sdkInt": int(self.target.props["ro.build.version.sdk"]),
        }

    # --- gestures and keys ----------------------------------------------------------------

    def rpc_click(self, x: int, y: int, duration_ms: int | None = None) -> bool:
        with self.target.lock:
            if duration_ms:
                self.target.phone.long_press(int(x), int(y), int(duration_ms))
            else:
                self.target.phone.tap(int(x), int(y))
        return True

    def rpc_swipe(self, fx: int, fy: int, tx: int, ty: int, steps: int = 55) -> bool:
        with self.target.lock:
            self.target.phone.swipe(int(fx), int(fy), int(tx), int(ty), int(steps) * 5)
        return True

    rpc_drag = rpc_swipe

    def rpc_injectInputEvent(self, action: int, x: float, y: float, meta: int = 0) -> bool:
        if action == 0:
            self.target.touch_down = (int(x), int(y), time.monotonic())
        elif action == 1 and self.target.touch_down is not None:
            x0, y0, t0 = self.target.touch_down
            self.target.touch_down = None
            held = int((time.monotonic() - t0) * 1000)
            with self.target.lock:
                if abs(x0 - x) + abs(y0 - y) > 10:
                    self.target.phone.swipe(x0, y0, int(x), int(y), max(held, 50))
                elif held >= 500:
                    self.target.phone.long_press(x0, y0, held)
                else:
                    self.target.phone.tap(x0, y0)
        return True

    def rpc_pressKey(self, key: str) -> bool:
        name = _KEY_NAMES.get(key.lower(), key.upper().removeprefix("KEYCODE_"))
        if name not in KEYCODES:
            return False
        press(self.target, KEYCODES[name])
        return True

    def rpc_pressKeyCode(self, code: int, meta: int = 0) -> bool:
        press(self.target, int(code))
        return True

    def rpc_openNotification(self) -> bool:
        w = self.target.phone.width
        return self.rpc_swipe(w // 2, 1, w // 2, self.target.phone.height // 2, 20)

    rpc_openQuickSettings = rpc_openNotification

    # --- selectors ------------------------------------------------------------------------

    def _find_all(self, selector: dict[str, Any]) -> list[ET.Element]:
        root = ET.fromstring(self._xml(raw_text=True).encode("utf-8"))
        found = [n for n in root.iter("node") if _matches(n, selector)]
        return found[int(selector["instance"]) :] if "instance" in selector else found

    def _find(self, selector: dict[str, Any]) -> ET.Element:
        found = self._find_all(selector)
        if not found:
            raise RpcError(-32002, "androidx.test.uiautomator.UiObjectNotFoundException: "
                           f"{json.dumps(selector)}")  # fmt: skip
        return found[0]

    def rpc_exist(self, selector: dict[str, Any]) -> bool:
        return bool(self._find_all(selector))

    def rpc_count(self, selector: dict[str, Any]) -> int:
        return len(self._find_all(selector))

    def rpc_waitForExists(self, selector: dict[str, Any], timeout_ms: int = 0) -> bool:
        deadline = time.monotonic() + min(float(timeout_ms), 10_000) / 1000
        while not self._find_all(selector):
            if time.monotonic() >= deadline:
                return False
            time.sleep(0.05)
        return True

    def rpc_waitUntilGone(self, selector: dict[str, Any], timeout_ms: int = 0) -> bool:
        deadline = time.monotonic() + min(float(timeout_ms), 10_000) / 1000
        while self._find_all(selector):
            if time.monotonic() >= deadline:
                return False
            time.sleep(0.05)
        return True

    def rpc_objInfo(self, selector: dict[str, Any]) -> dict[str, Any]:
        return obj_info(self._find(selector))

    def rpc_objInfoOfAllInstances(self, selector: dict[str, Any]) -> list[dict[str, Any]]:
        return [obj_info(n) for n in self._find_all(selector)]

    def rpc_getText(self, selector: dict[str, Any]) -> str:
        return node_text(self._find(selector))

    def rpc_clearTextField(self, selector: dict[str, Any]) -> bool:
        self._clear(self._find(selector))
        return True

    def rpc_setText(self, selector: dict[str, Any], text: str) -> bool:
        node = self._find(selector)
        self._clear(node)
        if text:
            with self.target.lock:
                self.target.phone.input_text(text)
        return True

    def _clear(self, node: ET.Element) -> None:
        """Focus the field and delete its text, as ACTION_SET_TEXT("") does."""
        left, top, right, bottom = parse_bounds(node.attrib.get("bounds", ""))
        with self.target.lock:
            if node.attrib.get("focused") != "true":
                self.target.phone.tap((left + right) // 2, (top + bottom) // 2)
            clear = getattr(self.target.phone, "clear_text", None)
            if clear is not None:
                clear()
                return
            press(self.target, KEYCODES["MOVE_END"])
            for _ in node_text(node):
                press(self.target, KEYCODES["DEL"])

    # --- clipboard, toasts, misc -----------------------------------------------------------

    def rpc_setClipboard(self, label: str | None, text: str) -> None:
        self.target.clipboard = text

    def rpc_getClipboard(self) -> str | None:
        return self.target.clipboard

    def rpc_pasteClipboard(self) -> bool:
        text = self.target.clipboard
        if text:
            with self.target.lock:
                self.target.phone.input_text(text)
        return True

    def rpc_clearInputText(self) -> bool:
        found = self._find_all({"focused": True})
        if found:
            self._clear(found[0])
        return True

    def rpc_getLastToast(self) -> None:
        return None

    def _ok(self, *_: Any) -> bool:
        return True

    rpc_clearLastToast = rpc_makeToast = rpc_wakeUp = rpc_sleep = _ok
    rpc_freezeRotation = rpc_setOrientation = rpc_clearLastTraversedText = _ok


# Methods that inject input events through UiAutomation (refused without INJECT_EVENTS).
INJECTING = frozenset({"click", "swipe", "drag", "injectInputEvent", "pressKey", "pressKeyCode",
                       "openNotification", "openQuickSettings"})  # fmt: skip


def _refusal(target: AdbTarget, ident: Any) -> bytes:
    """The server's answer when the phone refuses injected input: code -32001, the
    exception's class as the message and its stack trace as data
    (tests/adb/real_outputs/inject/u2_rpc_click_miui12.json, u2_rpc_click_hyperos3.json)."""
    assert target.profile is not None
    error = {"code": -32001, "message": "java.lang.SecurityException",
             "data": target.profile.refusal()}  # fmt: skip
    return json.dumps({"jsonrpc": "2.0", "id": ident, "error": error}).encode()


def _error(ident: Any, code: int, message: str) -> bytes:
    payload = {"jsonrpc": "2.0", "id": ident, "error": {"code": code, "message": message}}
    return json.dumps(payload).encode()
