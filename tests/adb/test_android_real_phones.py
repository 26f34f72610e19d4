"""The Android driver on what real phones print (outputs from tests/adb/real_outputs),
through a stand-in for adbutils' device that answers shell commands with those outputs."""

from __future__ import annotations

import io
import logging
import threading
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from devices.actions import Point, Tap, TypeText
from devices.android import AndroidDevice
from devices.errors import InputNotAllowed

pytestmark = pytest.mark.unit

CORPUS = Path(__file__).parent / "real_outputs"


def _png(size: tuple[int, int] = (40, 80), color: tuple[int, int, int] = (10, 120, 200)) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", size, color).save(buf, format="PNG")
    return buf.getvalue()


class RecordedPhone:
    """Answers `shell(argv)` from a table of argv prefix -> output; records the calls."""

    def __init__(self, answers: dict[tuple[str, ...], Any]) -> None:
        self.answers = answers
        self.calls: list[list[str]] = []

    def shell(self, argv: list[str], timeout: float = 0, encoding: str | None = "utf-8") -> Any:
        self.calls.append(list(argv))
        for prefix, out in sorted(self.answers.items(), key=lambda kv: -len(kv[0])):
            if tuple(argv[: len(prefix)]) == prefix:
                return out
        return b"" if encoding is None else ""


def _driver(phone: RecordedPhone) -> AndroidDevice:
    device = AndroidDevice.__new__(AndroidDevice)
    device.timeout = 5.0
    device.name = "recorded"
    device._adb = phone
    device._u2 = None
    device._size = None
    device._last_tree = ""
    device._ime = None
    device._display = None
    device._reconnecting = threading.Lock()
    return device


def test_screencap_warning_then_the_built_in_display(caplog: pytest.LogCaptureFixture) -> None:
    warning = (CORPUS / "screencap/multi_display_warning_a14.txt").read_bytes()
    ids = (CORPUS / "screencap/surfaceflinger_display_ids_flip.txt").read_text()
    phone = RecordedPhone({
        ("screencap", "-p"): warning + _png(),
        ("dumpsys", "SurfaceFlinger"): ids,
        ("screencap", "-d", "4630946219955703955", "-p"): _png((30, 60)),
    })  # fmt: skip
    device = _driver(phone)
    with caplog.at_level(logging.WARNING):
        assert device._adb_screenshot().size == (30, 60)
    assert "several displays" in caplog.text
    assert device._adb_screenshot().size == (30, 60)
    assert phone.calls[-1] == ["screencap", "-d", "4630946219955703955", "-p"]


def test_screencap_with_a_linker_warning_still_decodes() -> None:
    prefix = (CORPUS / "screencap/linker_warning.txt").read_bytes()
    device = _driver(RecordedPhone({("screencap", "-p"): prefix + _png()}))
    assert device._adb_screenshot().size == (40, 80)
    assert device._display is None


@pytest.mark.parametrize("name", ["monkey_input_android9.txt", "scrcpy_xiaomi_android14.txt"])
def test_refused_input_is_one_actionable_error(name: str) -> None:
    refusal = (CORPUS / "inject" / name).read_text()
    device = _driver(RecordedPhone({
        ("wm", "size"): (CORPUS / "wm_size/maa_override.txt").read_text(),
        ("input",): refusal,
    }))  # fmt: skip
    with pytest.raises(InputNotAllowed, match="USB debugging \\(Security settings\\)"):
        device.execute(Tap(Point(100, 100)))


def test_screen_size_is_the_override() -> None:
    said = (CORPUS / "wm_size/crlf_override_s8.txt").read_text()
    device = _driver(RecordedPhone({("wm", "size"): said}))
    assert device._screen() == (1080, 2220)


def test_secure_screen_with_system_bars_drawn() -> None:
    from devices.android_screen import app_area_black

    shot = Image.new("RGB", (100, 200), (0, 0, 0))
    shot.paste((255, 255, 255), (0, 0, 100, 10))  # the status bar
    shot.paste((255, 255, 255), (0, 190, 100, 200))  # the navigation bar
    assert app_area_black(shot)
    shot.paste((255, 255, 255), (40, 100, 60, 110))
    assert not app_area_black(shot)


class _Rpc:
    def __init__(self, tree: str, text: str) -> None:
        self.tree, self.text = tree, text
        self.set: list[str] = []

    def __call__(self, method: str, *params: Any) -> Any:
        if method == "exist":
            return True
        if method == "getText":
            return self.text
        if method == "dumpWindowHierarchy":
            return self.tree
        if method == "setText":
            self.set.append(params[1])
            return True
        raise AssertionError(method)


def test_typing_into_a_field_that_shows_its_hint_replaces_the_hint() -> None:
    tree = (CORPUS / "dump/gms_birthday_naf_hint.xml").read_text()
    device = _driver(RecordedPhone({("settings",): "com.sec.android.inputmethod/.SamsungKeypad\n"}))
    device._u2 = object()
    device._rpc = _Rpc(tree, "Day")  # type: ignore[method-assign]
    device._enter_text("14")
    assert device._rpc.set == ["14"]  # type: ignore[attr-defined]


def _field_with_text(text: str) -> AndroidDevice:
    """A driver whose focused field (the birthday form's day) holds `text`, on Gboard."""
    tree = (
        (CORPUS / "dump/gms_birthday_naf_hint.xml")
        .read_text()
        .replace('text="Day" resource-id="day"', f'text="{text}" resource-id="day"')
    )
    gboard = (CORPUS / "ime/gboard.txt").read_text()
    device = _driver(RecordedPhone({("settings",): gboard}))
    device._u2 = object()
    device._rpc = _Rpc(tree, text)  # type: ignore[method-assign]
    return device


def test_typing_into_a_field_with_text_goes_where_the_phone_puts_keys() -> None:
    """A time picker shows "7" selected: a keyboard's "6" replaces it. setText of the old
    text plus the new ("76") cannot know the selection, so key events carry the text."""
    device = _field_with_text("7")
    device._enter_text("6")
    assert device._rpc.set == []  # type: ignore[attr-defined]
    assert ["input", "text", "6"] in device._adb.calls  # type: ignore[attr-defined]


def test_text_no_key_can_type_is_appended_to_real_text() -> None:
    device = _field_with_text("1")
    device._enter_text("東")
    assert device._rpc.set == ["1東"]  # type: ignore[attr-defined]
    assert not any(c[0] == "input" for c in device._adb.calls)  # type: ignore[attr-defined]


def test_a_refused_input_text_falls_back_to_set_text() -> None:
    device = _field_with_text("1")
    refused = CORPUS / "inject/monkey_input_android9.txt"
    device._adb.answers[("input",)] = refused.read_text()  # type: ignore[attr-defined]
    device._enter_text("4")
    assert device._rpc.set == ["14"]  # type: ignore[attr-defined]


def test_a_samsung_keyboard_over_the_field_is_hidden_first() -> None:
    ime = (CORPUS / "ime/samsung_honeyboard.txt").read_text()
    phone = RecordedPhone({
        ("settings",): ime,
        ("wm", "size"): "Physical size: 1080x2400\n",
    })  # fmt: skip
    device = _driver(phone)
    device._last_tree = (
        '<hierarchy rotation="0"><node index="0" text="" package="com.example" '
        'bounds="[0,0][1080,2400]" />'
        '<node index="0" text="q" package="com.samsung.android.honeyboard" '
        'bounds="[0,1500][1080,2300]" /></hierarchy>'
    )
    device.execute(TypeText("", target=Point(500, 1600)))
    assert ["input", "keyevent", "4"] in phone.calls


@pytest.mark.parametrize(
    ("package", "label"),
    [
        ("com.google.android.gm", "Gmail"),
        ("com.google.android.apps.messaging", "Messages"),
        ("com.google.android.deskclock", "Clock"),
        ("com.google.android.dialer", "Phone"),
        ("com.android.vending", "Play Store"),
        ("org.example.notes", "Notes"),
    ],
)
def test_app_labels(package: str, label: str) -> None:
    from devices.android import _resolve_app
    from devices.android_apps import label_guess
    from devices.device import AppInfo

    assert label_guess(package) == label
    apps = [AppInfo(package, label_guess(package))]
    assert _resolve_app(label.lower(), apps) == package
