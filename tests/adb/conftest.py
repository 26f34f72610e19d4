"""Fixtures for the adb protocol tests.

adbutils reads ANDROID_ADB_SERVER_PORT when imported and, when nothing listens, starts a
real adb server: the environment below makes that impossible (a port nobody serves and
`ADBUTILS_ADB_PATH=/bin/false`), and every test talks to its own server through an
explicit `AdbClient(port=server.port)`.
"""

from __future__ import annotations

import os
import socket
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

os.environ["ADBUTILS_ADB_PATH"] = "/bin/false"
os.environ["ANDROID_ADB_SERVER_HOST"] = "127.0.0.1"
with socket.socket() as _s:  # a port that was free a moment ago and is not 5037
    _s.bind(("127.0.0.1", 0))
    os.environ["ANDROID_ADB_SERVER_PORT"] = str(_s.getsockname()[1])

import pytest
from PIL import Image

from devices.adb.server import AdbServer, serve
from devices.errors import ActionRejected


@dataclass(frozen=True)
class _App:
    package: str
    label: str


class SmallPhone:
    """A tiny phone for protocol tests: one text field, two apps, an event log."""

    width, height = 1080, 2400
    APPS = (_App("com.android.settings", "Settings"), _App("org.example.notes", "Notes"))

    def __init__(self) -> None:
        self.events: list[tuple[Any, ...]] = []
        self.text = ""
        self.focused = False
        self.app = ("com.android.launcher3", ".Launcher")

    def tap(self, x: int, y: int) -> None:
        self.events.append(("tap", x, y))
        self.focused = 100 <= x <= 980 and 300 <= y <= 420

    def long_press(self, x: int, y: int, duration_ms: int) -> None:
        self.events.append(("long_press", x, y, duration_ms))

    def double_tap(self, x: int, y: int) -> None:
        self.events.append(("double_tap", x, y))

    def swipe(self, x1: int, y1: int, x2: int, y2: int, duration_ms: int) -> None:
        self.events.append(("swipe", x1, y1, x2, y2, duration_ms))

    def input_text(self, text: str) -> None:
        self.events.append(("text", text))
        if self.focused:
            self.text += text

    def press_key(self, key: Any) -> None:
        self.events.append(("key", key))
        if key in (67, "KEYCODE_DEL"):
            self.text = self.text[:-1]
        elif key in (3, "KEYCODE_HOME"):
            self.app = ("com.android.launcher3", ".Launcher")
        elif key not in (4, 66, 187, "KEYCODE_BACK", "KEYCODE_ENTER"):
            raise ActionRejected(f"unknown key {key}")

    def start_app(self, app: str) -> None:
        for a in self.APPS:
            if app in (a.package, a.label):
                self.app = (a.package, ".MainActivity")
                return
        raise ActionRejected(f"no app {app}")

    def force_stop(self, package: str) -> None:
        self.events.append(("force_stop", package))

    def dump_hierarchy(self, raw_text: bool = False) -> str:
        from xml.sax.saxutils import quoteattr

        pkg = self.app[0]
        return (
            "<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>"
            '<hierarchy rotation="0"><node index="0" text="" resource-id="" '
            f'class="android.widget.FrameLayout" package="{pkg}" content-desc="" '
            'checkable="false" checked="false" clickable="false" enabled="true" '
            'focusable="false" focused="false" scrollable="false" long-clickable="false" '
            'password="false" selected="false" bounds="[0,0][1080,2400]">'
            f'<node index="0" text={quoteattr(self.text)} resource-id="{pkg}:id/field" '
            f'class="android.widget.EditText" package="{pkg}" content-desc="" '
            'checkable="false" checked="false" clickable="true" enabled="true" '
            f'focusable="true" focused="{str(self.focused).lower()}" scrollable="false" '
            'long-clickable="true" password="false" selected="false" '
            'bounds="[100,300][980,420]" /></node></hierarchy>'
        )

    def screenshot(self) -> Image.Image:
        image = Image.new("RGB", (self.width, self.height), (20, 40, 60))
        shade = (len(self.events) * 37) % 256
        image.paste((shade, 255 - shade, 128), (100, 300, 980, 420))
        return image

    def foreground(self) -> tuple[str, str]:
        return self.app

    def apps(self) -> list[_App]:
        return list(self.APPS)

    def state(self) -> dict[str, Any]:
        return {"text": self.text, "app": self.app}


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))


@pytest.fixture
def small_server() -> Iterator[AdbServer]:
    server = serve(port=0, phones={"small-0": SmallPhone(), "small-1": SmallPhone()})
    yield server
    server.close()


@pytest.fixture
def adb_client(small_server: AdbServer) -> Any:
    import adbutils

    return adbutils.AdbClient(host="127.0.0.1", port=small_server.port)


@pytest.fixture
def phone_server() -> Iterator[AdbServer]:
    """One real virtual phone (`virtual-0`) served over the adb protocol on loopback."""
    server = serve(port=0, phones=1)
    yield server
    server.close()
