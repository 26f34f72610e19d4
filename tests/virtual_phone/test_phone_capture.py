"""The dump has uiautomator's exact format, agrees with the pixels, and all is deterministic."""

from __future__ import annotations

import io
import json
import re
import xml.etree.ElementTree as ET

import pytest
from phone_helpers import bounds_of, center, find, nodes, tap_node

from devices.actions import Direction, Point, Scroll, Tap, TypeText
from devices.observation import TreeFormat
from devices.virtual import VirtualPhone
from devices.virtual.hierarchy import ATTRIBUTES, escape
from devices.virtual.render import BG, FG

pytestmark = pytest.mark.sim
SETTINGS = "com.android.settings"


def _actions(phone: VirtualPhone) -> None:
    tap_node(phone, text="Settings")
    phone.execute(Scroll(Direction.DOWN))
    tap_node(phone, text="Display")
    tap_node(phone, text="Dark theme")
    phone.press_key("back")
    phone.execute(TypeText("dis", target=Point(540, 400)))


def test_capture_is_a_uiautomator_observation(phone: VirtualPhone) -> None:
    obs = phone.capture()
    assert obs.tree_format is TreeFormat.UIAUTOMATOR
    assert (obs.width, obs.height, obs.screenshot.size) == (1080, 2400, (1080, 2400))
    assert obs.screenshot.mode == "RGB"
    assert obs.app == "com.google.android.apps.nexuslauncher"
    assert obs.tree.startswith("<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>"
                               '<hierarchy rotation="0"><node index="0" text="" ')


def test_every_node_has_the_17_attributes_in_order() -> None:
    phone = VirtualPhone(app="settings")
    tap_node(phone, resource_id=f"{SETTINGS}:id/search_src_text")
    xml = phone.dump_hierarchy()
    ET.fromstring(xml.encode())
    tags = re.findall(r"<node ([^>]*?)/?>", xml)
    assert len(tags) > 50
    for tag in tags:
        names = re.findall(r'([\w-]+)="', tag)
        assert tuple(names) == ATTRIBUTES
    for node in nodes(xml):
        assert node["checked"] in ("true", "false")
        assert re.fullmatch(r"\[\d+,\d+\]\[\d+,\d+\]", node["bounds"])


def test_escaping_follows_the_android_serializer() -> None:
    assert escape('a<b & "c"') == "a&lt;b &amp; &quot;c&quot;"
    assert escape("line\nnext 😀") == "line&#10;next &#128512;"
    assert escape("héllo 世界") == "héllo 世界"
    # the dumper's stripped controls, and what XML 1.0 cannot carry, become "."
    assert escape("a\x0bb\x00c\ud800d\x85\x9f\t") == "a.b.c.d\x85.&#9;"


def test_nodes_in_a_scrolled_list_are_clipped_to_its_viewport(settings: VirtualPhone) -> None:
    settings.execute(Scroll(Direction.DOWN))
    viewport = bounds_of(find(settings, resource_id=f"{SETTINGS}:id/recycler_view") or {})
    inside = [n for n in nodes(settings.dump_hierarchy()) if n["resource-id"].startswith(
        f"{SETTINGS}:id/category_")]
    assert inside
    for node in inside:
        _, y1, _, y2 = bounds_of(node)
        assert viewport[1] <= y1 < y2 <= viewport[3]


def _colours(image, box) -> set[tuple[int, int, int]]:
    crop = image.crop(box)
    return {crop.getpixel((x, y)) for x in range(crop.width) for y in range(crop.height)}


def test_switch_pixels_lie_inside_its_node(settings: VirtualPhone) -> None:
    tap_node(settings, text="Network & internet")
    switch = find(settings, **{"class": "android.widget.Switch", "checked": "true"})
    assert switch is not None
    x1, y1, x2, y2 = bounds_of(switch)
    image = settings.screenshot()
    primary = FG[False]["primary"]
    assert primary in _colours(image, (x1, y1, x2, y2))  # the "on" track
    assert primary not in _colours(image, (x1 - 200, y1, x1, y2))  # nothing of it outside
    settings.execute(Tap(Point(*center(switch))))
    image = settings.screenshot()
    assert primary not in _colours(image, (x1, y1, x2, y2))


def test_button_background_fills_exactly_its_bounds(settings: VirtualPhone) -> None:
    tap_node(settings, text="Network & internet")
    tap_node(settings, text="Wi-Fi networks")
    tap_node(settings, text="Add network")
    button = find(settings, text="Save")
    assert button is not None
    x1, y1, x2, y2 = bounds_of(button)
    image = settings.screenshot()
    primary = BG[False]["primary"]
    cy = (y1 + y2) // 2
    assert image.getpixel((x1 + 30, cy)) == primary
    assert image.getpixel((x2 - 31, cy)) == primary
    assert image.getpixel((x1 - 2, cy)) != primary and image.getpixel((x2 + 1, cy)) != primary


def test_dark_theme_changes_the_rendering(settings: VirtualPhone) -> None:
    light = settings.screenshot()
    dark = VirtualPhone(state={"system": {"dark_mode": True}}, app="settings").screenshot()
    assert light.getpixel((540, 1000)) == BG[False]["background"]
    assert dark.getpixel((540, 1000)) == BG[True]["background"]


def test_same_actions_give_the_same_pixels_and_xml() -> None:
    a, b = VirtualPhone(), VirtualPhone(serial="other")
    _actions(a)
    _actions(b)
    pa, pb = io.BytesIO(), io.BytesIO()
    oa, ob = a.capture(), b.capture()
    oa.screenshot.save(pa, "PNG")
    ob.screenshot.save(pb, "PNG")
    assert pa.getvalue() == pb.getvalue()
    assert oa.tree == ob.tree
    assert oa.timestamp == ob.timestamp


def test_state_round_trip_reproduces_the_phone() -> None:
    phone = VirtualPhone()
    _actions(phone)
    state = phone.state()
    assert state["system"]["dark_mode"] is True
    assert state["foreground"] == SETTINGS
    copy = VirtualPhone(state=state)
    assert copy.state() == state
    assert copy.foreground()[0] == SETTINGS
    assert json.loads(json.dumps(state)) == state
