"""Property: whatever the tree, nothing a person could act on or read is lost."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from devices.actions import Point
from perception import parse_uiautomator
from perception.tree import clean_text

W, H = 400, 800
CLASSES = [
    "android.widget.FrameLayout", "android.widget.LinearLayout", "android.widget.TextView",
    "android.widget.Button", "android.widget.ImageView", "android.widget.EditText",
    "android.widget.Switch", "android.widget.CheckBox", "android.view.View",
    "androidx.recyclerview.widget.RecyclerView", "android.webkit.WebView",
    "android.widget.ImageButton", "android.view.ViewGroup",
]
TEXTS = ["", "", "", "OK", "Wi-Fi", "Wi-Fi", "\ue5ca", "😀 hi", "  a  b ", "Battery 84%", "x"]
FLAGS = ("clickable", "long-clickable", "checkable", "checked", "scrollable", "focusable",
         "selected", "enabled")

coordinate = st.integers(min_value=-150, max_value=W + 150)
size = st.sampled_from([0, 0, 10, 40, 80, 120, 200, 400, 900])


@st.composite
def nodes(draw: Any, depth: int = 0) -> dict[str, Any]:
    x, y = draw(coordinate), draw(st.integers(min_value=-150, max_value=H + 150))
    node = {
        "class": draw(st.sampled_from(CLASSES)),
        "text": draw(st.sampled_from(TEXTS)),
        "content-desc": draw(st.sampled_from(TEXTS)),
        "bounds": f"[{x},{y}][{x + draw(size)},{y + draw(size)}]",
        "visible-to-user": draw(st.sampled_from(["true", "true", "true", "false"])),
    }
    for flag in FLAGS:
        node[flag] = "true" if draw(st.integers(0, 4)) == 0 else "false"
    node["enabled"] = "true"
    limit = 0 if depth >= 4 else 4
    node["children"] = draw(st.lists(nodes(depth + 1), max_size=limit))
    return node


def build(parent: etree._Element, node: dict[str, Any]) -> None:
    attrs = {k: v for k, v in node.items() if k != "children"}
    element = etree.SubElement(parent, "node", attrs)
    for child in node["children"]:
        build(element, child)


def to_xml(windows: list[dict[str, Any]]) -> str:
    root = etree.Element("hierarchy", rotation="0")
    for window in windows:
        build(root, window)
    return etree.tostring(root, encoding="unicode")


def visible_centre(bounds: str) -> Point | None:
    x1, y1, x2, y2 = (int(v) for v in bounds[1:-1].replace("][", ",").split(","))
    x1, y1, x2, y2 = max(x1, 0), max(y1, 0), min(x2, W), min(y2, H)
    if x2 <= x1 or y2 <= y1:
        return None
    return Point((x1 + x2) // 2, (y1 + y2) // 2)


def actionable(e: etree._Element) -> bool:
    flags = ("clickable", "long-clickable", "checkable", "scrollable")
    return any(e.get(f) == "true" for f in flags) or "EditText" in e.get("class", "")


@pytest.mark.unit
@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(nodes(), min_size=1, max_size=3))
def test_nothing_actionable_or_readable_is_lost(windows: list[dict[str, Any]]) -> None:
    xml = to_xml(windows)
    screen = parse_uiautomator(xml, W, H)
    said = " ".join(f"{e.text} {e.description} {e.hint}" for e in screen.elements)
    for node in etree.fromstring(xml).iter("node"):
        centre = visible_centre(node.get("bounds"))
        if centre is None or node.get("visible-to-user") == "false":
            continue
        if actionable(node):
            assert any(e.bounds.contains(centre) for e in screen.elements), (node.attrib, xml)
        for name in ("text", "content-desc"):
            value = clean_text(node.get(name))
            assert value in said, (value, node.attrib)


@pytest.mark.unit
@settings(max_examples=40, deadline=None)
@given(st.lists(nodes(), min_size=1, max_size=3))
def test_elements_are_inside_the_screen_and_numbered(windows: list[dict[str, Any]]) -> None:
    screen = parse_uiautomator(to_xml(windows), W, H)
    assert [e.id for e in screen.elements] == list(range(len(screen.elements)))
    for e in screen.elements:
        assert 0 <= e.bounds.left < e.bounds.right <= W
        assert 0 <= e.bounds.top < e.bounds.bottom <= H
        assert -1 <= e.container < len(screen.elements)
