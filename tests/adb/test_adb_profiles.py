"""The served phone speaks like real phones (`devices.adb.profile`), and the Android driver
works on every profile: what each profile prints is checked against the formats of the
real-output corpus, then the driver reads the foreground app, captures, types into a field
that shows its hint, hides the vendor's keyboard, and reports Xiaomi's refusal of injected
input as one actionable error."""

from __future__ import annotations

import logging
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from dump_points import centre_of

from devices.actions import Point, Tap, TypeText
from devices.adb.android_cmds import long_activity
from devices.adb.input_method_dump import keyboard_box
from devices.adb.profile import Profile, all_profiles
from devices.adb.server import AdbServer, serve
from devices.android import AndroidDevice
from devices.android_screen import (
    MULTI_DISPLAY_WARNING,
    focused_field_text,
    ime_package,
    keyboard_bounds,
    parse_display_ids,
    parse_focus,
    parse_wm_size,
    split_image,
)  # fmt: skip
from devices.errors import InputNotAllowed
from devices.virtual.phone import VirtualPhone

pytestmark = pytest.mark.sim

CORPUS = Path(__file__).parent / "real_outputs"
PROFILES = all_profiles()
SEARCH = "com.android.settings:id/search_src_text"
_NODE = re.compile(r"<node [^>]*?/?>")


@pytest.fixture(params=PROFILES, ids=str)
def profile(request: pytest.FixtureRequest) -> Profile:
    return request.param


@pytest.fixture
def served(profile: Profile) -> Iterator[AdbServer]:
    """The virtual phone on the Settings home page, speaking like `profile`'s phones, with
    Xiaomi's "USB debugging (Security settings)" on."""
    with serve(port=0, phones={"virtual-0": VirtualPhone(app="settings")}, profile=profile) as s:
        s.target("virtual-0").allow_input()
        yield s


def _shell(server: AdbServer, *argv: str, binary: bool = False):
    import adbutils

    device = adbutils.AdbClient(host="127.0.0.1", port=server.port).device("virtual-0")
    return device.shell(list(argv), encoding=None if binary else "utf-8")


def _foreground(server: AdbServer) -> tuple[str, str]:
    package, activity = server.target("virtual-0").phone.foreground()
    return package, long_activity(package, activity)


def _attributes(node: str) -> list[str]:
    return re.findall(r'\s([\w-]+)="', node)


def _corpus_attributes(name: str) -> list[str]:
    node = _NODE.search((CORPUS / "dump" / name).read_text())
    assert node
    return [a for a in _attributes(node.group(0)) if a != "NAF"]


def test_what_each_profile_prints(served: AdbServer, profile: Profile) -> None:
    window = _shell(served, "dumpsys", "window")
    assert parse_focus(window)[:2] == _foreground(served)
    assert ("AppWindowToken{" in window) == (profile.android < 10)
    assert ("(organized)" in window) == (profile.android >= 14)
    assert ("Display: mDisplayId=1" in window) == profile.multi_display
    assert parse_wm_size(_shell(served, "wm", "size")) == (1080, 2400)
    assert ("Override size" in _shell(served, "wm", "size")) == (profile.vendor == "samsung")
    before, png = split_image(_shell(served, "screencap", "-p", binary=True))
    assert png.startswith(b"\x89PNG")
    assert (MULTI_DISPLAY_WARNING in before) == profile.multi_display
    if profile.multi_display:
        assert before == (CORPUS / "screencap/multi_display_warning_a14.txt").read_bytes()
        ids = parse_display_ids(_shell(served, "dumpsys", "SurfaceFlinger", "--display-id"))
        assert len(ids) == 2
        assert split_image(_shell(served, "screencap", "-d", ids[0], "-p", binary=True))[0] == b""
    ime = _shell(served, "settings", "get", "secure", "default_input_method").strip()
    assert ime == profile.keyboard_ime
    assert ime in _shell(served, "ime", "list", "-s").split()


def test_dumps_of_each_profile(served: AdbServer, profile: Profile) -> None:
    import adbutils
    import uiautomator2

    _shell(served, "uiautomator", "dump", "/sdcard/d.xml")
    dump = _shell(served, "cat", "/sdcard/d.xml")
    # the active window alone: one root, no status bar; the platform dumper's attributes
    assert len(ET.fromstring(dump.encode())) == 1
    assert "com.android.systemui" not in dump
    corpus = "talos_18attr_noline.xml" if profile.android < 10 else "typevera_api30_oneline.xml"
    assert _attributes(_NODE.findall(dump)[0]) == _corpus_attributes(corpus)
    search = next(n for n in _NODE.findall(dump) if SEARCH in n)
    assert 'text="Search settings"' in search  # hint as text
    assert focused_field_text(dump) == ""
    # uiautomator2's dump: every window, its 21 attributes, indented with \r\n
    d = uiautomator2.connect(adbutils.AdbClient(host="127.0.0.1", port=served.port)
                             .device("virtual-0"))  # fmt: skip
    u2 = d.dump_hierarchy()
    d.stop_uiautomator()
    assert u2.startswith("<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>\r\n<hierarchy")
    assert "com.android.systemui" in u2 and len(ET.fromstring(u2.encode())) > 1
    assert _attributes(_NODE.findall(u2)[0]) == _corpus_attributes("u2server_21attr_crlf.xml")


@pytest.mark.parametrize("use_u2", [True, False], ids=["uiautomator2", "adb"])
def test_the_driver_on_each_profile(served: AdbServer, profile: Profile, use_u2: bool,
                                    caplog: pytest.LogCaptureFixture) -> None:  # fmt: skip
    target = served.target("virtual-0")
    phone = target.phone
    with AndroidDevice(port=served.port, use_uiautomator2=use_u2) as dev:
        with caplog.at_level(logging.WARNING):
            obs = dev.capture()
        assert (obs.app, obs.activity) == _foreground(served)
        assert (obs.width, obs.height) == (1080, 2400)
        if profile.multi_display and not use_u2:
            assert "several displays" in caplog.text  # the warning did not read as a failure
        field = centre_of(obs.tree, SEARCH)
        dev.execute(TypeText("wifi", target=field))  # the field shows "Search settings"
        typed = next(n for n in _NODE.findall(phone.dump_hierarchy()) if SEARCH in n)
        assert 'text="wifi"' in typed
        if use_u2:  # the vendor's keyboard is known, and hidden before a tap under it
            tree = dev.capture().tree
            box = keyboard_bounds(tree, ime_package(dev._default_ime()))
            assert box is not None
            assert profile.keyboard_ime.split("/")[0] in tree
            dev.execute(TypeText("", target=Point(540, (box[1] + box[3]) // 2)))
            assert target.rpc_calls[-2:] == ["pressKeyCode", "click"]
        else:  # the dump holds only the app's window: the keyboard is known from dumpsys
            tree = dev.capture().tree
            assert profile.keyboard_ime.split("/")[0] not in tree
            box = keyboard_box(target)
            assert box is not None
            dev.execute(TypeText("", target=Point(540, (box[1] + box[3]) // 2)))
            inputs = [list(a) for a in target.commands if a[:1] == ("input",)]
            assert inputs[-2:] == [
                ["input", "keyevent", "4"],
                ["input", "tap", "540", str((box[1] + box[3]) // 2)],
            ]


XIAOMI = [p for p in PROFILES if p.vendor == "xiaomi" and p.android in (9, 14)]


@pytest.mark.parametrize("use_u2", [True, False], ids=["uiautomator2", "adb"])
@pytest.mark.parametrize("xiaomi", XIAOMI, ids=str)
def test_refused_input_until_the_security_setting_is_on(xiaomi: Profile, use_u2: bool) -> None:
    with serve(port=0, phones={"virtual-0": VirtualPhone(app="settings")}, profile=xiaomi) as s:
        target = s.target("virtual-0")
        with AndroidDevice(port=s.port, use_uiautomator2=use_u2) as dev:
            field = centre_of(dev.capture().tree, SEARCH)
            with pytest.raises(InputNotAllowed, match=r"'USB debugging \(Security settings\)'"):
                dev.execute(Tap(field))
            assert target.phone.state() == VirtualPhone(app="settings").state()
            target.allow_input()
            dev.execute(TypeText("wifi", target=field))
        assert 'text="wifi"' in target.phone.dump_hierarchy()


def test_the_default_is_the_phone_as_it_was(phone_server: AdbServer) -> None:
    target = phone_server.target("virtual-0")
    assert target.profile is None
    _shell(phone_server, "uiautomator", "dump", "/sdcard/d.xml")
    assert _shell(phone_server, "cat", "/sdcard/d.xml") == target.phone.dump_hierarchy()
    assert _shell(phone_server, "wm", "size") == "Physical size: 1080x2400"
    assert _shell(phone_server, "screencap", "-p", binary=True).startswith(b"\x89PNG")


def test_a_secure_window_is_known_from_its_flag(served: AdbServer) -> None:
    """FLAG_SECURE is read from `dumpsys window` in each version's format, so a secure
    screen is known even where its screenshot is not black."""
    target = served.target("virtual-0")
    with AndroidDevice(port=served.port, use_uiautomator2=False) as dev:
        assert dev.capture().secure is False
        target.secure_packages.add(target.phone.foreground()[0])
        obs = dev.capture()
    assert obs.secure is True
    assert obs.screenshot.getbbox() is not None  # drawn, not black
