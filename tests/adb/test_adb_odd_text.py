"""Control characters and lone surrogates in a field keep the served phone readable: the dump
writes them as the uiautomator dumper does (".") so every XML reader takes it, while
getText, text selectors and the phone's state keep the exact text."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from dump_points import centre_of

from devices.actions import Point, Tap, TypeText
from devices.android import AndroidDevice
from devices.textinput import U2_IME
from devices.virtual.phone import VirtualPhone
from perception.uiautomator import parse_uiautomator

pytestmark = pytest.mark.sim

ODD = "a\x0bb\x00c\ud800d"  # vertical tab, NUL, a lone high surrogate
SHOWN = "a.b.c.d"  # what the dump writes for it
BODY = "com.example.notes:id/edit_note_text"


def _body_text(tree: str) -> str:
    root = ET.fromstring(tree.encode("utf-8"))  # strict XML 1.0: fails on &#11; or &#0;
    return next(n.get("text") for n in root.iter("node") if n.get("resource-id") == BODY)


def _new_note(*phones: VirtualPhone) -> Point:
    for phone in phones:
        phone.start_app("Notes")
        phone.execute(Tap(centre_of(phone.dump_hierarchy(), "com.example.notes:id/new_note")))
    return centre_of(phones[0].dump_hierarchy(), BODY)


@pytest.mark.parametrize("ime", ["latin", "u2"], ids=["setText", "ime-broadcast-installed"])
def test_the_driver_types_odd_text_and_keeps_reading_the_screen(phone_server, ime):
    target = phone_server.target("virtual-0")
    served, local = target.phone, VirtualPhone()
    if ime == "u2":  # the IME the driver would broadcast to (a lone surrogate has no UTF-8)
        target.enabled_imes.add(U2_IME)
        target.settings[("secure", "default_input_method")] = U2_IME
    field = _new_note(served, local)
    with AndroidDevice(port=phone_server.port) as dev:
        for action in (TypeText(ODD, target=field), TypeText("e", target=field)):
            dev.execute(action)
            local.execute(action)
        assert served.state() == local.state()
        assert served.state()["notes"]["notes"][0]["body"] == ODD + "e"  # getText was exact
        for _ in range(2):
            obs = dev.capture()
            assert _body_text(obs.tree) == SHOWN + "e"
            editable = [e for e in parse_uiautomator(obs.tree).elements if e.editable]
            assert SHOWN + "e" in [e.text for e in editable]
        dev.execute(Tap(centre_of(obs.tree, "com.example.notes:id/done")))
        assert "com.example.notes:id/new_note" in dev.capture().tree  # back on the list


def test_uiautomator2_set_text_get_text_and_dumps(phone_server):
    import adbutils
    import uiautomator2

    served = phone_server.target("virtual-0").phone
    _new_note(served)
    adb = adbutils.AdbClient(host="127.0.0.1", port=phone_server.port).device("virtual-0")
    d = uiautomator2.connect(adb)
    body = d(resourceId=BODY)
    body.set_text(ODD)
    assert served.state()["notes"]["notes"][0]["body"] == ODD
    assert body.get_text() == ODD
    assert body.info["text"] == ODD  # objInfo
    assert d(text=ODD).exists and d(textContains="\x00c").exists
    for _ in range(2):
        assert _body_text(d.dump_hierarchy()) == SHOWN
        assert _body_text(adb.dump_hierarchy()) == SHOWN  # `uiautomator dump` + pull
    d(description="Done").click()
    assert d(resourceId="com.example.notes:id/new_note").exists
    d.stop_uiautomator()
