"""Renderings: compact text, HTML-like, JSON, set-of-mark image, downscale."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from perception import (
    downscale,
    parse_uiautomator,
    render_html,
    render_json,
    render_som,
    render_text,
)

FIXTURES = Path(__file__).parent / "fixtures"
DUMPS = Path(__file__).resolve().parents[2] / "datasets" / "dumps"


def screen_of(name: str, folder: Path = FIXTURES):
    return parse_uiautomator((folder / name).read_text(encoding="utf-8"))


@pytest.mark.unit
def test_text_lines_carry_id_role_label_and_state() -> None:
    lines = render_text(screen_of("switch_rows.xml")).splitlines()
    assert lines[0] == '0 list "recycler view" scrollable'
    assert '1 switch "Bluetooth" (Off) off' in lines
    assert '4 checkbox "Show passwords" on' in lines
    assert '6 text "Android version: 14"' in lines


@pytest.mark.unit
def test_text_shows_fields_empty_or_filled_and_disabled_buttons() -> None:
    text = render_text(screen_of("signup_form_keyboard.xml", DUMPS))
    assert 'input "Email" = "anna@" focused' in text
    assert 'input "Password" (empty)' in text
    assert 'button "Create account" disabled' in text
    assert 'checkbox "I agree to the Terms of Service" off' in text


@pytest.mark.unit
def test_text_is_one_line_per_element_even_for_multiline_text() -> None:
    xml = ('<hierarchy rotation="0"><node class="android.widget.TextView" '
           'text="line one&#10;line &quot;two&quot;" bounds="[0,0][100,50]" /></hierarchy>')
    screen = parse_uiautomator(xml, 100, 100)
    assert render_text(screen) == "0 text \"line one line 'two'\""


@pytest.mark.unit
def test_html_form() -> None:
    html = render_html(screen_of("attrs21.xml")).splitlines()
    assert html[0] == '<input id=0 value="" placeholder="Search products">'
    assert html[1] == '<input id=1 value="42 Elm Street" placeholder="Delivery address">'
    rows = render_html(screen_of("switch_rows.xml"))
    assert '<switch id=5 checked>Dark theme</switch>' in rows
    assert '<switch id=1 title="Off">Bluetooth</switch>' in rows
    assert '<p id=6>Android version: 14</p>' in rows
    assert '<div id=0 scrollable>recycler view</div>' in rows


@pytest.mark.unit
def test_html_escapes_markup_in_text() -> None:
    xml = ('<hierarchy rotation="0"><node class="android.widget.Button" clickable="true" '
           'text="&lt;b&gt;Save&lt;/b&gt; &amp; exit" bounds="[0,0][100,50]" /></hierarchy>')
    html = render_html(parse_uiautomator(xml, 100, 100))
    assert html == "<button id=0>&lt;b&gt;Save&lt;/b&gt; &amp; exit</button>"


JSON_KEYS = {
    "id": int, "role": str, "text": str, "description": str, "resource_id": str,
    "bounds": list, "clickable": bool, "editable": bool, "scrollable": bool,
    "checkable": bool, "checked": bool, "focused": bool, "enabled": bool, "selected": bool,
    "password": bool, "long_clickable": bool, "hint": str, "class_name": str, "package": str,
    "source": str,
}


@pytest.mark.unit
def test_json_schema() -> None:
    screen = screen_of("multi_window.xml")
    data = json.loads(json.dumps(render_json(screen)))
    assert data["screen"]["width"] == 1080 and data["screen"]["height"] == 2400
    assert len(data["elements"]) == len(screen.elements)
    for i, item in enumerate(data["elements"]):
        assert item["id"] == i
        for key, kind in JSON_KEYS.items():
            assert isinstance(item[key], kind), key
        assert len(item["bounds"]) == 4 and all(isinstance(v, int) for v in item["bounds"])
    allow = next(e for e in data["elements"] if e["text"] == "Allow")
    assert allow["clickable"] and allow["role"] == "button"


@pytest.mark.unit
def test_som_draws_boxes_where_elements_are() -> None:
    screen = screen_of("switch_rows.xml")
    base = Image.new("RGB", (1080, 2400), (255, 255, 255))
    marked = np.asarray(render_som(screen, base))
    plain = np.asarray(base)
    assert marked.shape == plain.shape
    changed = (marked != plain).any(axis=2)
    bluetooth = screen.elements[1].bounds
    assert changed[bluetooth.top + 50, bluetooth.left:bluetooth.left + 3].any()  # left edge
    assert changed[bluetooth.top:bluetooth.top + 20, bluetooth.left:bluetooth.left + 20].any()
    assert not changed[2280:2400, :].any()  # nothing below the list, the lowest element
    assert not changed[1200:2200, 100:1000].any()  # inside the list, below its rows
    assert np.asarray(base).min() == 255  # the input is left as it was


@pytest.mark.unit
def test_som_on_a_downscaled_screenshot_scales_boxes() -> None:
    screen = screen_of("switch_rows.xml")
    small = Image.new("RGB", (540, 1200), (0, 0, 0))
    marked = np.asarray(render_som(screen, small))
    changed = (marked != 0).any(axis=2)
    assert marked.shape[:2] == (1200, 540)
    assert changed[100 + 25, 0:3].any()  # the Bluetooth row's left edge at half scale
    assert not changed[1140:, :].any()


@pytest.mark.unit
def test_som_without_image_uses_screen_size() -> None:
    screen = screen_of("naf.xml")
    assert render_som(screen).size == (1080, 2400)


@pytest.mark.unit
def test_downscale() -> None:
    image = Image.new("RGB", (1080, 2400))
    small = downscale(image, 1024)
    assert small.size == (461, 1024)
    assert downscale(small, 1024) is small
    with pytest.raises(ValueError):
        downscale(image, 0)
