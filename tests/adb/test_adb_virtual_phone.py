"""The virtual phone served over adb: unmodified adbutils / uiautomator2, and AndroidDevice
compared step by step with the same phone driven in-process."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET

import pytest
from PIL import Image, ImageChops

from devices.actions import (
    Direction,
    DoubleTap,
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
)  # fmt: skip
from devices.adb.profile import all_profiles
from devices.adb.server import AdbServer, serve
from devices.android import AndroidDevice
from devices.errors import ActionRejected, DeviceNotFound
from devices.virtual.phone import VirtualPhone

pytestmark = pytest.mark.sim


def _client(server: AdbServer):
    import adbutils

    return adbutils.AdbClient(host="127.0.0.1", port=server.port)


def test_screencap_and_dump_equal_the_phone(phone_server):
    d = _client(phone_server).device("virtual-0")
    phone = phone_server.target("virtual-0").phone
    png = d.shell(["screencap", "-p"], encoding=None)
    assert png.startswith(b"\x89PNG")
    shot = Image.open(io.BytesIO(png)).convert("RGB")
    assert ImageChops.difference(shot, phone.screenshot().convert("RGB")).getbbox() is None
    assert d.dump_hierarchy() == phone.dump_hierarchy()


def test_uiautomator2_connects_and_drives_the_phone(phone_server):
    import uiautomator2

    d = uiautomator2.connect(_client(phone_server).device("virtual-0"))
    phone = phone_server.target("virtual-0").phone
    assert d.info["displayWidth"] == 1080 and d.info["sdkInt"] == 34
    assert d.window_size() == (1080, 2400)
    assert d.dump_hierarchy().replace("\r\n", "", 1) == phone.dump_hierarchy()
    assert d.screenshot().size == (1080, 2400)
    assert d(text="Settings").exists
    d(text="Settings").click()
    assert phone.foreground()[0] == "com.android.settings"
    assert d.app_current()["package"] == "com.android.settings"
    d.press("home")
    assert phone.foreground()[0] != "com.android.settings"
    d.stop_uiautomator()


def test_device_selection(phone_server, monkeypatch):
    monkeypatch.delenv("ANDROID_SERIAL", raising=False)
    with AndroidDevice(port=phone_server.port, use_uiautomator2=False) as dev:
        assert dev.name == "virtual-0" and dev.capture_path == "adb"
    phone_server.add_device("virtual-1", VirtualPhone(serial="virtual-1"))
    with pytest.raises(DeviceNotFound, match=r"several devices.*virtual-0 \(device\)"):
        AndroidDevice(port=phone_server.port, use_uiautomator2=False)
    monkeypatch.setenv("ANDROID_SERIAL", "virtual-1")
    with AndroidDevice(port=phone_server.port, use_uiautomator2=False) as dev:
        assert dev.name == "virtual-1"
    with pytest.raises(DeviceNotFound, match="'nope' not attached"):
        AndroidDevice("nope", port=phone_server.port)


def _settings_point(phone: VirtualPhone) -> Point:
    import re

    m = re.search(r'text="Settings"[^>]*bounds="\[(\d+),(\d+)\]\[(\d+),(\d+)\]"',
                  phone.dump_hierarchy())  # fmt: skip
    assert m, "the launcher shows Settings"
    left, t, r, b = map(int, m.groups())
    return Point((left + r) // 2, (t + b) // 2)


@pytest.fixture(params=[None, *all_profiles()], ids=lambda p: str(p) if p else "own")
def profiled_server(request):
    """One virtual phone served as itself, then as each kind of real phone (`Profile`)."""
    server = serve(port=0, phones=1, profile=request.param)
    server.target("virtual-0").allow_input()
    yield server
    server.close()


@pytest.mark.parametrize("use_u2", [True, False], ids=["uiautomator2", "adb"])
def test_actions_match_the_in_process_phone(profiled_server, use_u2):
    phone_server = profiled_server
    profile = phone_server.target("virtual-0").profile
    served = phone_server.target("virtual-0").phone
    local = VirtualPhone()
    steps = [
        OpenApp("Notes"),
        PressKey(Key.HOME),
        Tap(_settings_point(local)),
        Scroll(Direction.DOWN),
        Scroll(Direction.UP),
        Swipe(Point(540, 1500), Point(540, 900), 300),
        PressKey(Key.BACK),
        LongPress(Point(540, 1200), 800),
        DoubleTap(Point(540, 1200)),
        PressKey(Key.HOME),
        OpenApp("com.android.settings"),
        PressKey(Key.RECENTS),
        PressKey(Key.HOME),
    ]
    with AndroidDevice(port=phone_server.port, use_uiautomator2=use_u2) as dev:
        assert dev.capture_path == ("uiautomator2" if use_u2 else "adb")
        for action in steps:
            dev.execute(action)
            local.execute(action)
            assert served.state() == local.state(), action
            assert served.foreground() == local.foreground(), action
        obs = dev.capture()
    assert obs.app == local.foreground()[0]
    assert obs.activity == local.foreground()[1]
    assert (obs.width, obs.height, obs.rotation, obs.secure) == (1080, 2400, 0, False)
    if profile is None:
        assert obs.tree.replace("\r\n", "", 1) == local.dump_hierarchy()
    else:
        assert obs.tree == local.dump_hierarchy(style=profile.dump_style(use_u2))
    diff = ImageChops.difference(obs.screenshot, local.screenshot().convert("RGB"))
    if use_u2:  # JPEG: close, not equal
        assert max(hi for _, hi in diff.getextrema()) < 128
    else:
        assert diff.getbbox() is None


def test_open_app_by_label_and_unknown_app(phone_server):
    served = phone_server.target("virtual-0").phone
    with AndroidDevice(port=phone_server.port, use_uiautomator2=False) as dev:
        # labels the phone prints (apps with literal labels), else known or guessed ...
        labels = {a.label: a.package for a in dev.apps()}
        assert {"Settings", "Notes", "Clock", "Shop"} <= set(labels)
        assert labels["Shop"] == "com.example.shop"
        # ... and a label is found on the home screen, like a person finds the icon
        dev.execute(OpenApp("clock"))
        assert served.foreground()[0] == "com.google.android.deskclock"
        dev.execute(OpenApp("com.android.settings"))
        assert served.foreground()[0] == "com.android.settings"
        dev.execute(OpenApp("Deskclock"))  # the package's own word works too
        assert served.foreground()[0] == "com.google.android.deskclock"
        with pytest.raises(ActionRejected, match="no app called 'Nonexistent'"):
            dev.execute(OpenApp("Nonexistent"))
        with pytest.raises(ActionRejected, match="off the 1080x2400 screen"):
            dev.execute(Tap(Point(2000, 10)))


def test_typing_into_a_virtual_phone_field(profiled_server):
    phone_server = profiled_server
    served = phone_server.target("virtual-0").phone
    local = VirtualPhone()
    text = "Grüße; $(rm -rf /) 'q' \"d\" 東京 🔥 مرحبا"
    for phone in (served, local):
        phone.start_app("Notes")
    with AndroidDevice(port=phone_server.port) as dev:
        field = _first_editable(dev.capture().tree)
        if field is None:
            pytest.skip("the Notes app shows no editable field on its first screen")
        action = TypeText(text, target=field, clear=True, submit=False)
        dev.execute(action)
        local.execute(action)
    assert served.state() == local.state()
    fields = ET.fromstring(served.dump_hierarchy()).iter("node")
    assert text in [n.get("text") for n in fields if n.get("class") == "android.widget.EditText"]


def _first_editable(tree: str) -> Point | None:
    import re

    for m in re.finditer(r"<node [^>]*>", tree):
        node = m.group(0)
        if 'class="android.widget.EditText"' in node:
            b = re.search(r'bounds="\[(\d+),(\d+)\]\[(\d+),(\d+)\]"', node)
            if b:
                left, t, r, bt = map(int, b.groups())
                return Point((left + r) // 2, (t + bt) // 2)
    return None


def test_apps_are_those_with_a_launcher_activity(phone_server):
    target = phone_server.target("virtual-0")
    with AndroidDevice(port=phone_server.port, use_uiautomator2=False) as dev:
        packages = {a.package for a in dev.apps()}
    assert packages == {a.package for a in target.phone.apps()}
    queries = [a for a in target.commands if list(a[:3]) == ["cmd", "package", "query-activities"]]
    assert len(queries) == 1, "asked once per device"
    assert "--components" not in queries[0], "the full form, which prints literal labels"


def test_app_labels_come_from_the_phone_where_it_prints_them(phone_server):
    """A label the app declares as a literal string is taken as printed, even where the
    package's name says something else; labels that are resources are guessed."""
    served = phone_server.target("virtual-0").phone
    with AndroidDevice(port=phone_server.port, use_uiautomator2=False) as dev:
        labels = {a.package: a.label for a in dev.apps()}
    printed = {a.package: a.label for a in served.apps() if a.package.startswith("com.example.")}
    assert printed and all(labels[p] == label for p, label in printed.items())
    assert labels["com.android.settings"] == "Settings"  # a resource: the known label


def test_the_dump_file_left_on_the_phone_is_removed_after_reading(phone_server):
    # The file holds what was on the screen (messages, codes): no copy stays on the phone.
    from devices.android import DUMP_PATH

    with AndroidDevice(port=phone_server.port, use_uiautomator2=False) as dev:
        assert "<hierarchy" in dev.capture().tree
        listing = dev._adb.shell(["ls", DUMP_PATH])
    assert "No such file" in listing


def test_menu_and_keyboard_keys_are_keyevents_and_combinations_are_refused(phone_server):
    target = phone_server.target("virtual-0")
    with AndroidDevice(port=phone_server.port, use_uiautomator2=False) as dev:
        for key, code in ((Key.MENU, "82"), (Key.TAB, "61"), (Key.PAGE_DOWN, "93")):
            dev.execute(PressKey(key))
            assert list(target.commands[-1]) == ["input", "keyevent", code]
        with pytest.raises(ActionRejected, match="ctrl\\+a: key combinations are for"):
            dev.execute(Hotkey((Modifier.CTRL,), "a"))
