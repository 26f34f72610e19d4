"""`parse_web`: the browser driver's page tree (accessibility tree + layout boxes, JSON)
-> `Screen`, through the same merging as Android's and the desktop's trees
(`perception.merge`), so that a web form reads like a phone form in every rendering.

What is dropped, as on the other platforms: ignored nodes (their children are still read),
nodes without a box or wholly outside the viewport (or outside the scrolling box that holds
them), structural containers with nothing to
say or do, line breaks, and text nodes that repeat the name of the node above them (a
button's label is its name already).

A node is a target when its role is interactive (button, link, textbox, checkbox...) or
when the page says it responds to clicks (a click listener, a pointer cursor), unless it
covers most of the viewport (a page-wide listener). Roles keep the ARIA/Chromium role as the
element's `class_name`; its DOM `id` attribute is the element's resource id. A box whose
content scrolls (the driver says which) is a scrollable list, as on Android: a scroll aimed at
it turns the wheel over it. Boxes inside frames arrive in viewport pixels already.
"""

from __future__ import annotations

import json
from typing import Any

from PIL import Image

from perception.elements import Bounds, Screen, UIElement, Window
from perception.errors import PerceptionError
from perception.merge import build_elements
from perception.tree import RawNode, clean_text

INTERACTIVE = frozenset({
    "button", "link", "checkbox", "radio", "switch", "menuitem", "menuitemcheckbox",
    "menuitemradio", "tab", "option", "combobox", "textbox", "searchbox", "spinbutton",
    "slider", "treeitem", "ToggleButton", "PopUpButton", "DisclosureTriangle", "ListBoxOption",
    "MenuListOption", "MenuListPopup", "listbox", "TextField",
})  # fmt: skip
CHECKABLE = frozenset({"checkbox", "radio", "switch", "menuitemcheckbox", "menuitemradio",
                       "ToggleButton"})
EDITABLE = frozenset({"textbox", "searchbox", "TextField"})
STRUCTURAL = frozenset({"RootWebArea", "WebArea", "generic", "none", "presentation", "group",
                        "Section", "Div", "form", "main", "region", "article", "banner",
                        "contentinfo", "navigation", "complementary", "list", "listitem",
                        "table", "rowgroup", "row", "LayoutTable", "LayoutTableRow",
                        "paragraph", "LabelText", "Pre", "Canvas", "Iframe", "IframePresentational",
                        "ScrollArea", "application", "document", "figure", "blockquote"})
SKIPPED = frozenset({"LineBreak", "InlineTextBox", "ListMarker", "separator", "scrollbar"})
PAGE_WIDE = 0.5  # a clickable container covering this share of the viewport is layout
_Json = dict[str, Any]


class _Reader:
    """Walks the page tree into `RawNode`s, with the context the other readers use (the
    absorber above, the scrollable above, the nearest actionable above)."""

    def __init__(self, nodes: dict[str, _Json], width: int, height: int) -> None:
        self.by_id = nodes
        self.width, self.height = width, height
        self.nodes: list[RawNode] = []
        self._parents = 0
        self._inner: dict[str, bool] = {}

    def has_targets_inside(self, node_id: str) -> bool:
        """Whether some node below this one is interactive by role or by a click listener."""
        if node_id not in self._inner:
            self._inner[node_id] = False  # guards against cycles
            kids = (self.by_id.get(c) for c in self.by_id[node_id].get("children") or ())
            self._inner[node_id] = any(
                k is not None and (k.get("role") in INTERACTIVE or bool(k.get("clickable"))
                                   or self.has_targets_inside(k["id"])) for k in kids)
        return self._inner[node_id]

    def walk(self, node_id: str, context: tuple[RawNode | None, RawNode | None,
                                                 RawNode | None], parent: int,
             parent_name: str, depth: int,
             clip: tuple[int, int, int, int] | None = None) -> None:
        node = self.by_id.get(node_id)
        if node is None or depth > 300:
            return
        number = self._parents
        self._parents += 1
        owner, container, outer = context
        raw = None if node.get("ignored") else self._raw(node, parent_name, clip)
        name = parent_name
        if raw is not None:
            raw.index, raw.parent, raw.window, raw.package = len(self.nodes), parent, 0, ""
            raw.container, raw.outer = container, outer
            self.nodes.append(raw)
            if raw.kind == "list":  # a scrolling box: what it holds shows only inside it
                context, clip = (None, raw, raw), raw.bounds
            elif raw.kind == "target":
                context = (raw, container, raw)
            elif owner is not None:
                raw.owner = owner
                owner.absorbed.append(raw)
        if not node.get("ignored") and node.get("role") not in STRUCTURAL:
            name = clean_text(node.get("name")) or parent_name
        for child in node.get("children") or ():
            self.walk(child, context, number, name, depth + 1, clip)

    def _bounds(self, node: _Json, clip: tuple[int, int, int, int] | None
                ) -> tuple[int, int, int, int] | None:
        box = node.get("bounds")
        if not box:
            return None
        x, y, w, h = box
        left, top, right, bottom = clip or (0, 0, self.width, self.height)
        x1, y1 = max(round(x), left), max(round(y), top)
        x2, y2 = min(round(x + w), right), min(round(y + h), bottom)
        return (x1, y1, x2, y2) if x2 > x1 and y2 > y1 else None

    def _raw(self, node: _Json, parent_name: str,
             clip: tuple[int, int, int, int] | None = None) -> RawNode | None:
        role = node.get("role", "")
        bounds = self._bounds(node, clip)
        if role in SKIPPED or bounds is None:
            return None
        name = clean_text(node.get("name"))
        if name and name == parent_name and role not in EDITABLE:
            return None  # a link inside a tab of the same name: the tab says it
        if role == "StaticText" and name in parent_name:
            return None  # the text of a button, link or heading: its name says it
        wrapper = role not in INTERACTIVE and self.has_targets_inside(node["id"])
        n = _raw_node(node, role, bounds, self.width * self.height, wrapper)
        if n is not None:
            n.bounds = bounds
        return n


def _raw_node(node: _Json, role: str, bounds: tuple[int, int, int, int],
              area: int, wrapper: bool = False) -> RawNode | None:
    """A `RawNode` for a page node that can say or do something; None for layout. A
    `wrapper` holds interactive nodes: its click listener serves them (delegation)."""
    props = node.get("props") or {}
    attrs = node.get("attrs") or {}
    editable = role in EDITABLE or bool(props.get("editable"))
    checkable = role in CHECKABLE
    scrollable = bool(node.get("scrollable")) and not editable  # a text area scrolls itself
    size = (bounds[2] - bounds[0]) * (bounds[3] - bounds[1])
    page_wide = size >= PAGE_WIDE * area
    # a label's click only forwards to its control, which is a target of its own
    listens = (bool(node.get("clickable")) and not page_wide and not wrapper
               and role != "LabelText")
    clickable = not editable and (role in INTERACTIVE or listens)
    name, value = clean_text(node.get("name")), clean_text(node.get("value"))
    description = clean_text(node.get("description"))
    if editable:
        text, description = value, name or description
    elif role in STRUCTURAL and not clickable:
        text, description = "", ""
    else:
        text = name or value
        description = "" if description == text else description
    if not (clickable or checkable or editable or scrollable or text or description):
        return None
    n = RawNode()
    n.raw_bounds = (0, 0, 0, 0)
    n.class_name, n.resource_id = role, attrs.get("id", "")
    n.hint = clean_text(attrs.get("placeholder"))
    n.text, n.description = text, description
    n.clickable, n.long_clickable, n.checkable = clickable, False, checkable
    n.scrollable, n.editable = scrollable, editable
    n.checked = props.get("checked") in ("true", "mixed", True) or props.get("pressed") in (
        "true", True)
    n.focused = bool(props.get("focused"))
    n.enabled = not props.get("disabled")
    n.selected = bool(props.get("selected"))
    n.password = attrs.get("type") == "password"
    n.kind = "list" if scrollable else "target" if clickable or editable else "plain"
    return n


def load_tree(tree: str) -> _Json:
    """The driver's JSON; PerceptionError when it is not that."""
    try:
        data = json.loads(tree)
    except json.JSONDecodeError as e:
        raise PerceptionError(f"malformed page tree: {e.msg} at {e.pos}") from e
    if not isinstance(data, dict) or not isinstance(data.get("nodes"), list):
        raise PerceptionError("not a page tree: no list of nodes")
    return data


def parse_web(tree: str, width: int | None = None, height: int | None = None,
              screenshot: Image.Image | None = None, app: str = "") -> Screen:
    """The screen the browser driver's page tree describes; `width`/`height` default to
    the viewport's size."""
    data = load_tree(tree)
    vw, vh = (data.get("viewport") or [0, 0])[:2]
    w, h = (width, height) if width and height else (int(vw), int(vh))
    nodes = {n["id"]: n for n in data["nodes"] if isinstance(n, dict) and "id" in n}
    reader = _Reader(nodes, w, h)
    if data.get("root") in nodes:
        reader.walk(data["root"], (None, None, None), -1, "", 0)
    elements: tuple[UIElement, ...] = build_elements(reader, w, h) if w and h else ()
    site = app or str(data.get("title") or "")
    return Screen(width=w, height=h, elements=elements, app=site, screenshot=screenshot,
                  windows=(Window(site, Bounds(0, 0, w, h)),))
