"""AT-SPI trees recorded from real zenity dialogs (GTK 3 under Xvfb) -> Screen, and the
coordinate frames. No display needed."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from devices.actions import Point
from devices.desktop.geometry import Frame, Region, capture_scale, toolkit_to_device
from devices.desktop.xwindows import XWindow, window_scale
from devices.observation import Observation, TreeFormat
from perception import PerceptionError, parse_atspi, perceive, render_html, render_som, render_text

pytestmark = pytest.mark.unit
FIXTURES = Path(__file__).with_name("fixtures")


def tree(name: str) -> dict:
    return json.loads((FIXTURES / f"{name}.json").read_text(encoding="utf-8"))


def screen_of(data: dict, **kwargs):
    return parse_atspi(json.dumps(data), **kwargs)


def test_a_gtk_form_reads_like_a_phone_form():
    screen = screen_of(tree("zenity_forms"))
    assert render_text(screen).splitlines() == [
        '0 text "Forms dialog"',
        '1 input "Name" (empty) focused',
        '2 input "Secret" (empty)',
        '3 dropdown "City"',
        '4 button "Cancel"',
        '5 button "OK"',
    ]
    assert screen.app == "zenity" and (screen.width, screen.height) == (1280, 800)
    secret = screen.elements[2]
    assert secret.password and secret.editable and secret.class_name == "password text"
    ok = screen.elements[5]
    assert ok.clickable and ok.bounds.as_list() == [673, 459, 759, 493]
    assert '<button id=5>OK</button>' in render_html(screen)


def test_structural_nodes_and_the_window_title_are_not_elements():
    screen = screen_of(tree("zenity_forms"))
    roles = {e.class_name for e in screen.elements}
    assert not roles & {"dialog", "filler", "panel"}
    assert "Person" not in render_text(screen)  # the title bar is the window manager's


def test_a_list_shows_only_rows_in_view_and_holds_them():
    screen = screen_of(tree("zenity_list"))
    rows = [e for e in screen.elements if e.text.startswith("fruit ")]
    assert 2 <= len(rows) < 10  # forty rows in the model, a few on screen
    lists = [e for e in screen.elements if e.scrollable]
    assert len(lists) == 1 and all(r.container == lists[0].id for r in rows)
    assert all(lists[0].bounds.contains(r.bounds.center) for r in rows)


def test_hidden_offscreen_and_unshown_menu_nodes_are_dropped():
    data = tree("zenity_forms")
    root = data["windows"][0]["root"]
    nodes = []

    def walk(n):
        nodes.append(n)
        for c in n.get("children", []):
            walk(c)

    walk(root)
    ok = next(n for n in nodes if n["name"] == "OK")
    cancel = next(n for n in nodes if n["name"] == "Cancel")
    ok["states"].remove("showing")
    cancel["extents"] = [5000, 5000, 80, 30]
    menus = [n for n in nodes if n["role"] == "menu"]
    assert menus and menus[0]["extents"][0] == -(2**31)  # as GTK reports an unshown menu
    texts = render_text(screen_of(data))
    assert "OK" not in texts and "Cancel" not in texts and "menu" not in texts


def test_a_window_scaled_by_its_toolkit_lands_on_device_pixels():
    data = tree("zenity_question_scale2")  # GDK_SCALE=2: AT-SPI halves every extent
    assert data["windows"][0]["scale"] == 2.0
    screen = screen_of(data)
    yes = next(e for e in screen.elements if e.text == "Yes")
    raw = next(n for n in _nodes(data) if n["name"] == "Yes")["extents"]
    assert yes.bounds.as_list() == [2 * raw[0], 2 * raw[1], 2 * (raw[0] + raw[2]),
                                    2 * (raw[1] + raw[3])]


def test_a_second_monitor_shifts_every_bound_by_its_offset():
    data = tree("zenity_forms")
    plain = screen_of(copy.deepcopy(data))
    for window in data["windows"]:  # the same dialog, moved onto a monitor right of the first
        _shift(window["root"], 1280)
    data["frame"] |= {"left": 1280}
    moved = screen_of(data)
    assert [e.bounds for e in moved.elements] == [e.bounds for e in plain.elements]


def test_perceive_reads_atspi_observations_and_marks_them():
    data = tree("zenity_forms")
    from PIL import Image

    image = Image.new("RGB", (1280, 800), "white")
    o = Observation(image, json.dumps(data), TreeFormat.ATSPI, 1280, 800, app="zenity")
    screen = perceive(o)
    assert [e.source for e in screen.elements] == ["tree"] * 6
    assert render_som(screen).size == (1280, 800)


@pytest.mark.parametrize("text", ["", "[]", "{", '{"windows": [{}]}', '{"frame": {}}'])
def test_unreadable_trees_raise_one_perception_error(text):
    with pytest.raises(PerceptionError):
        parse_atspi(text, 1280, 800)


def test_frames_convert_device_pixels_to_input_units_and_back():
    retina = Frame(Region(-1440, 0, 1440, 900), capture_scale((2880, 1800),
                                                              Region(-1440, 0, 1440, 900)))
    assert retina.capture_scale == 2.0 and retina.size == (2880, 1800)
    assert retina.to_input(Point(200, 100)) == (-1340, 50)
    assert toolkit_to_device([-1340, 50, 10, 5], 1.0, retina) == [200, 100, 220, 110]
    assert retina.contains(Point(2879, 1799)) and not retina.contains(Point(2880, 0))


def test_window_scale_snaps_to_usual_factors_and_defaults_to_one():
    windows = [XWindow(7, "Sure", 100, 100, 506, 402), XWindow(8, "Other", 0, 0, 300, 200)]
    assert window_scale(253, 7, "Sure", windows) == 2.0
    assert window_scale(300, 8, "Other", windows) == 1.0
    assert window_scale(253, 9, "Gone", windows) == 1.0  # no X window: taken as X pixels
    assert window_scale(138, 8, "Other", windows) == 1.0  # 2.17: no toolkit scales so
    assert window_scale(0, 7, "Sure", windows) == 1.0


def _nodes(data: dict) -> list[dict]:
    out: list[dict] = []

    def walk(n):
        out.append(n)
        for c in n.get("children", []):
            walk(c)

    for w in data["windows"]:
        walk(w["root"])
    return out


def _shift(node: dict, dx: int) -> None:
    e = node.get("extents")
    if e and e[0] > -(2**31):
        e[0] += dx
    for c in node.get("children", []):
        _shift(c, dx)
