"""Enter over adb: a new line in a multi-line field (the Notes body), a submit in a single-line
one (Settings' device name), whichever way the key arrives."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest
from dump_points import centre_of

from devices.actions import Key, Point, PressKey, Tap, TypeText
from devices.android import AndroidDevice
from devices.virtual.phone import VirtualPhone

pytestmark = pytest.mark.sim

BODY = "com.example.notes:id/edit_note_text"


def _new_note(phone: VirtualPhone) -> Point:
    phone.start_app("Notes")
    phone.execute(Tap(centre_of(phone.dump_hierarchy(), "com.example.notes:id/new_note")))
    return centre_of(phone.dump_hierarchy(), BODY)


def _body(phone: VirtualPhone) -> str:
    return phone.state()["notes"]["notes"][0]["body"]


def test_input_keyevent_enter_starts_a_new_line(phone_server):
    import adbutils

    phone = phone_server.target("virtual-0").phone
    field = _new_note(phone)
    d = adbutils.AdbClient(host="127.0.0.1", port=phone_server.port).device("virtual-0")
    d.click(field.x, field.y)
    d.shell("input text first")
    d.shell("input keyevent KEYCODE_ENTER")
    d.shell(["input", "text", "second"])
    d.shell("input keyevent 66")
    assert _body(phone) == "first\nsecond\n"
    root = ET.fromstring(d.dump_hierarchy().encode("utf-8"))
    texts = [n.get("text") for n in root.iter("node") if n.get("resource-id") == BODY]
    assert texts == ["first\nsecond\n"]


@pytest.mark.parametrize("use_u2", [True, False], ids=["uiautomator2", "adb"])
def test_the_driver_types_lines_into_the_note_body(phone_server, use_u2):
    phone = phone_server.target("virtual-0").phone
    field = _new_note(phone)
    with AndroidDevice(port=phone_server.port, use_uiautomator2=use_u2) as dev:
        dev.execute(TypeText("one\ntwo", target=field))
        dev.execute(PressKey(Key.ENTER))
        dev.execute(TypeText("three", submit=True))
    assert _body(phone) == "one\ntwo\nthree\n"


def test_enter_still_submits_a_single_line_field(phone_server):
    phone = phone_server.target("virtual-0").phone
    phone.start_app("Settings")
    with AndroidDevice(port=phone_server.port, use_uiautomator2=False) as dev:
        search = centre_of(dev.capture().tree, "com.android.settings:id/search_src_text")
        dev.execute(TypeText("about", target=search))
        tree = dev.capture().tree
        about = re.search(r'text="About phone"[^>]*bounds="\[(\d+),(\d+)\]\[(\d+),(\d+)\]"', tree)
        left, top, right, bottom = map(int, about.groups())
        dev.execute(Tap(Point((left + right) // 2, (top + bottom) // 2)))
        dev.execute(Tap(centre_of(dev.capture().tree, "com.android.settings:id/device_name")))
        name = centre_of(dev.capture().tree, "com.android.settings:id/device_name_field")
        dev.execute(TypeText("Desk phone", target=name, clear=True, submit=True))
    assert phone.state()["system"]["device_name"] == "Desk phone"
    assert "device_name_field" not in phone.dump_hierarchy()  # submitted and went back
