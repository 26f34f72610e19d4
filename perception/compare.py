"""A reference prompt format to measure ours against: the element list that AndroidWorld's
M3A agent shows a model, one line per node of the whole tree, nothing filtered or merged.

Written from the format's description (field names and order), for size comparisons only.
"""

from __future__ import annotations

import json
from collections.abc import Mapping

from perception.tree import parse_bounds, parse_document

_FLAGS = (
    ("is_checked", "checked"), ("is_checkable", "checkable"), ("is_clickable", "clickable"),
    ("is_editable", None), ("is_enabled", "enabled"), ("is_focused", "focused"),
    ("is_focusable", "focusable"), ("is_long_clickable", "long-clickable"),
    ("is_scrollable", "scrollable"), ("is_selected", "selected"), ("is_visible", None),
)


def _value(value: object) -> str:
    if isinstance(value, bool):
        return "True" if value else "False"
    if value is None:
        return "None"
    return json.dumps(value, ensure_ascii=False)


def _fields(a: Mapping[str, str], index: int) -> list[tuple[str, object]]:
    x1, y1, x2, y2 = parse_bounds(a.get("bounds"))
    cls = a.get("class", "")
    out: list[tuple[str, object]] = [
        ("index", index), ("text", a.get("text") or None),
        ("content_description", a.get("content-desc") or None), ("class_name", cls),
        ("bbox_pixels", {"x_min": x1, "x_max": x2, "y_min": y1, "y_max": y2}),
        ("hint_text", a.get("hint") or None),
    ]
    for name, attribute in _FLAGS:
        if attribute is not None:
            out.append((name, a.get(attribute) == "true"))
        elif name == "is_editable":
            out.append((name, "EditText" in cls))
        else:
            out.append((name, a.get("visible-to-user", a.get("displayed", "true")) == "true"))
    rid = a.get("resource-id") or None
    out += [("package_name", a.get("package") or None), ("resource_name", rid),
            ("tooltip", None), ("resource_id", rid)]
    return out


def _line(a: Mapping[str, str], index: int) -> str:
    body = ", ".join(
        f'"{k}": ' + (_bbox(v) if isinstance(v, dict) else _value(v))
        for k, v in _fields(a, index)
    )
    return f"UI element {index}: {{{body}}}"


def _bbox(box: dict[str, int]) -> str:
    return "{" + ", ".join(f'"{k}": {v}' for k, v in box.items()) + "}"


def m3a_element_list(xml: str) -> str:
    """Every node of the tree as M3A lists it: `UI element i: {"index": i, ...}`."""
    root = parse_document(xml)
    nodes = [e for e in root.iter() if e.tag != "hierarchy"]
    return "\n".join(_line(e.attrib, i) for i, e in enumerate(nodes))
