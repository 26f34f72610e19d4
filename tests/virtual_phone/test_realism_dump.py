"""Realism in the dump: hint text, unlabelled icons, opaque ids, the bars as windows of their own.

Each feature changes what the dump says and leaves the pixels as they are (the hint is drawn
in grey on either phone, an unlabelled icon is still drawn), so each test looks at both.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest
from phone_helpers import bounds_of, find, nodes, tap_node

from devices.virtual import VirtualPhone
from devices.virtual import view as v
from devices.virtual.disguise import Disguise, opaque_name
from devices.virtual.hierarchy import dump
from devices.virtual.realism import Realism
from devices.virtual.render import FG, render
from devices.virtual.tour import tour
from devices.virtual.view import Style, View, layout
from devices.virtual.widgets import text_field
from devices.virtual.window import Window
from devices.virtual.world import World

pytestmark = pytest.mark.sim
SETTINGS = "com.android.settings"
SYSTEM_UI = "com.android.systemui"
IME = "com.google.android.inputmethod.latin"
SEARCH = f"{SETTINGS}:id/search_src_text"
ICONS = ("android.widget.ImageButton", "android.widget.ImageView")


def _tour_frames(seed: int, realism: str) -> list[tuple[bytes, str]]:
    phone = VirtualPhone(seed=seed, realism=realism)
    frames = []
    for _ in tour(phone):
        obs = phone.capture()
        frames.append((obs.screenshot.tobytes(), obs.tree))
    return frames


def _field_window(text: str, password: bool) -> Window:
    field = text_field(text, lambda t: None, hint="Password", rid="password", password=password)
    root = View(v.FRAME, children=[field], style=Style(bg="surface"))
    field.rect = (0, 0, 1080, 150)
    layout(root, (0, 0, 1080, 300))
    return Window("app", "com.example.app", root)


def _field_node(window: Window, realism: Realism) -> dict[str, str]:
    xml = dump([window], Disguise(World(0, realism)))
    return next(n for n in nodes(xml) if n["class"] == "android.widget.EditText")


# --- hints -------------------------------------------------------------------------------------

def test_an_empty_field_reports_its_hint_as_text_only_with_hints(settings: VirtualPhone) -> None:
    tidy = find(settings, resource_id=SEARCH)
    real = VirtualPhone(state={"system": {"wifi": True}}, app="settings", realism="hints")
    hinted = find(real, resource_id=SEARCH)
    assert tidy is not None and tidy["text"] == ""
    assert hinted is not None and hinted["text"] == "Search settings"
    tap_node(real, resource_id=SEARCH)
    real.input_text("wi")
    typed = find(real, resource_id=SEARCH)
    assert typed is not None and typed["text"] == "wi"  # the hint goes once there is text


def test_the_hint_is_drawn_in_grey_on_either_phone(settings: VirtualPhone) -> None:
    real = VirtualPhone(state={"system": {"wifi": True}}, app="settings", realism="hints")
    node = find(settings, resource_id=SEARCH)
    assert node is not None
    box = bounds_of(node)
    crops = [p.screenshot().crop(box) for p in (settings, real)]
    assert crops[0].tobytes() == crops[1].tobytes()
    assert FG[False]["muted"] in {c for _, c in crops[0].getcolors(1 << 20)}


def test_a_password_field_is_marked_and_shows_bullets_or_its_hint() -> None:
    hints = Realism(hints=True)
    full = _field_node(_field_window("abc", True), hints)
    empty = _field_node(_field_window("", True), hints)
    assert full["password"] == "true" and full["text"] == "•••"
    assert empty["password"] == "true" and empty["text"] == "Password"
    assert _field_node(_field_window("", True), Realism.off())["text"] == ""
    image = render([_field_window("abc", True)], dark=False)
    plain = render([_field_window("abc", False)], dark=False)
    assert image.tobytes() != plain.tobytes()  # bullets, not the letters


# --- unlabelled --------------------------------------------------------------------------------

def _icons(xml: str) -> list[dict[str, str]]:
    return [n for n in nodes(xml) if n["class"] in ICONS and n["clickable"] == "true"
            and n["package"] != SYSTEM_UI]


def _bare_share(realism: str) -> tuple[int, int]:
    bare, total = 0, 0
    for seed in range(1, 9):
        for _, xml in _tour_frames(seed, realism):
            icons = _icons(xml)
            total += len(icons)
            bare += sum(1 for n in icons if not n["text"] and not n["content-desc"])
    return bare, total


def test_a_seeded_share_of_clickable_icons_loses_its_labels() -> None:
    bare, total = _bare_share("unlabelled")
    assert total > 50
    assert 0.02 <= bare / total <= 0.3  # 5-15 % per seed; a tour sees some icons many times
    assert _bare_share("off")[0] == 0


def test_unlabelled_icons_are_still_drawn_and_the_navigation_bar_keeps_its_labels() -> None:
    for seed in (1, 2, 3):
        tidy, real = _tour_frames(seed, "off"), _tour_frames(seed, "unlabelled")
        assert [p for p, _ in tidy] == [p for p, _ in real]
        for _, xml in real:
            labels = {n["content-desc"] for n in nodes(xml) if n["package"] == SYSTEM_UI}
            assert {"Back", "Home", "Overview"} <= labels


def test_the_same_control_is_unlabelled_on_every_frame_of_a_seed() -> None:
    first = [xml for _, xml in _tour_frames(4, "unlabelled")]
    again = [xml for _, xml in _tour_frames(4, "unlabelled")]
    assert first == again
    seen: dict[tuple[str, str], set[str]] = {}
    for xml in first:
        for n in _icons(xml):
            if n["resource-id"]:
                seen.setdefault((n["package"], n["resource-id"]), set()).add(n["content-desc"])
    assert seen and all(len(descs) == 1 for descs in seen.values())


# --- opaque ids --------------------------------------------------------------------------------

def _id_styles(seed: int) -> dict[str, str]:
    d = Disguise(World(seed, Realism(opaque_ids=True)))
    return {p: d.id_style(p) for p in (SETTINGS, "com.example.notes", "com.example.shop",
                                       "com.android.contacts", "com.google.android.deskclock")}


def test_apps_keep_obfuscate_or_drop_their_ids_per_seed() -> None:
    styles = {s for seed in range(12) for s in _id_styles(seed).values()}
    assert styles == {"semantic", "opaque", "none"}
    assert _id_styles(5) == _id_styles(5)
    assert Disguise(World(5, Realism(opaque_ids=True))).id_style(SYSTEM_UI) == "semantic"


def test_the_dump_uses_the_apps_id_style_and_system_ui_keeps_real_ids() -> None:
    seed = next(s for s in range(50) if _id_styles(s)[SETTINGS] == "opaque")
    phone = VirtualPhone(seed=seed, realism="opaque_ids", app="settings")
    xml = phone.dump_hierarchy()
    ids = {n["resource-id"] for n in nodes(xml) if n["package"] == SETTINGS} - {""}
    assert ids and all(re.fullmatch(rf"{SETTINGS}:id/[a-z]{{3}}", i) for i in ids)
    assert f"{SETTINGS}:id/{opaque_name(seed, SETTINGS, 'search_src_text')}" in ids
    assert find(phone, resource_id=f"{SYSTEM_UI}:id/clock") is not None
    none = next(s for s in range(50) if _id_styles(s)[SETTINGS] == "none")
    bare = VirtualPhone(seed=none, realism="opaque_ids", app="settings").dump_hierarchy()
    assert all(n["resource-id"] == "" for n in nodes(bare) if n["package"] == SETTINGS)
    tidy = VirtualPhone(seed=seed, app="settings").screenshot()
    assert tidy.tobytes() == phone.screenshot().tobytes()


# --- system windows ----------------------------------------------------------------------------

def _roots(phone: VirtualPhone) -> list[tuple[str, str]]:
    root = ET.fromstring(phone.dump_hierarchy().encode())
    return [(n.attrib["package"], n.attrib["bounds"]) for n in root.findall("node")]


def test_status_and_navigation_bars_are_windows_of_their_own() -> None:
    phone = VirtualPhone(app="settings", realism="system_windows")
    roots = _roots(phone)
    assert (SYSTEM_UI, "[0,0][1080,84]") in roots
    assert (SYSTEM_UI, "[0,2274][1080,2400]") in roots
    assert [p for p, _ in roots].count(SYSTEM_UI) == 2
    assert [p for p, _ in _roots(VirtualPhone(app="settings"))].count(SYSTEM_UI) == 1
    assert phone.screenshot().tobytes() == VirtualPhone(app="settings").screenshot().tobytes()


def test_the_keyboard_is_its_own_root_and_the_bars_still_work() -> None:
    phone = VirtualPhone(app="settings", realism="system_windows")
    tap_node(phone, resource_id=SEARCH)
    assert [p for p, _ in _roots(phone)] == [IME, SYSTEM_UI, SYSTEM_UI, SETTINGS]
    tap_node(phone, content_desc="Home")
    assert phone.foreground()[0] == "com.google.android.apps.nexuslauncher"
