"""perception.web on a page tree as the browser driver writes it (no browser needed)."""

from __future__ import annotations

import json

import pytest

from devices.observation import Observation, TreeFormat
from perception import perceive
from perception.errors import PerceptionError
from perception.web import parse_web

pytestmark = pytest.mark.unit


def _node(id_, role, name="", children=(), bounds=(0, 0, 10, 10), **extra):
    return {"id": id_, "role": role, "name": name, "value": extra.pop("value", ""),
            "description": "", "props": extra.pop("props", {}), "bounds": list(bounds),
            "clickable": extra.pop("clickable", False), "tag": extra.pop("tag", "div"),
            "attrs": extra.pop("attrs", {}), "ignored": extra.pop("ignored", False),
            "children": list(children)}


TREE = {"version": 1, "url": "file:///t.html", "title": "T", "viewport": [200, 100],
        "root": "1", "nodes": [
            _node("1", "RootWebArea", "T", ["2"], (0, 0, 200, 100), clickable=True),
            _node("2", "none", "", ["3", "6", "8", "10", "11"], ignored=True),
            _node("3", "tablist", "", ["4"], (0, 0, 200, 20), clickable=True),  # delegation
            _node("4", "tab", "Tab #1", ["5"], (0, 0, 50, 20)),
            _node("5", "link", "Tab #1", ["12"], (1, 1, 48, 18), clickable=True),
            _node("6", "textbox", "Name", [], (10, 30, 100, 20), value="Zoë",
                  attrs={"id": "name", "type": "text"}, props={"focused": True}),
            _node("8", "button", "Submit", ["9"], (10, 60, 50, 20)),
            _node("9", "StaticText", "Submit", [], (15, 62, 40, 15)),
            _node("10", "checkbox", "News", [], (120, 30, 12, 12), props={"checked": "true"}),
            _node("11", "StaticText", "Far below", [], (0, 400, 50, 10)),
            _node("12", "StaticText", "Tab #1", [], (5, 3, 40, 12)),
        ]}


def test_a_page_tree_reads_like_any_screen():
    screen = parse_web(json.dumps(TREE))
    assert (screen.width, screen.height) == (200, 100)
    rows = [(e.role, e.text or e.description) for e in screen.elements]
    assert [e.text for e in screen.elements].count("Tab #1") == 1  # tab, its link, its text
    assert [e.text for e in screen.elements].count("Submit") == 1
    field = next(e for e in screen.elements if e.editable)
    assert (field.text, field.description, field.resource_id) == ("Zoë", "Name", "name")
    assert field.focused and (field.bounds.left, field.bounds.top) == (10, 30)
    box = next(e for e in screen.elements if e.checkable)
    assert box.checked and box.text == "News"
    assert all(t != "Far below" for _, t in rows)  # outside the viewport
    assert not any(e.bounds.width == 200 for e in screen.elements)  # delegating containers


def test_perceive_routes_page_trees_and_rejects_broken_ones():
    from PIL import Image

    o = Observation(Image.new("RGB", (200, 100)), json.dumps(TREE), TreeFormat.WEB, 200, 100)
    assert any(e.text == "Submit" for e in perceive(o).elements)
    with pytest.raises(PerceptionError):
        parse_web("{not json")
    with pytest.raises(PerceptionError):
        parse_web(json.dumps({"windows": []}))


def test_a_field_is_not_named_after_the_button_beside_it():
    tree = {"version": 1, "url": "file:///f.html", "title": "F", "viewport": [200, 100],
            "root": "1", "nodes": [
                _node("1", "RootWebArea", "F", ["2", "3"], (0, 0, 200, 100)),
                _node("2", "textbox", "", [], (10, 10, 100, 20), attrs={"id": "q"}),
                _node("3", "button", "Submit", [], (10, 40, 60, 20)),
            ]}
    field = next(e for e in parse_web(json.dumps(tree)).elements if e.editable)
    assert (field.text, field.description) == ("", "")
