"""`parse_atspi`: the desktop driver's AT-SPI tree (JSON) -> `Screen`, through the same
merging as Android's trees (`perception.merge`), so that a GTK dialog and a phone screen
read alike in every rendering.

What is dropped, as on Android: nodes that are not showing or not visible, nodes wholly off
the screen (or outside their window, or scrolled out of their list), structural containers
with nothing to say or do (fillers, panels, the window itself: their accessible names are
titles, not drawn text), scroll bars, and unshown menus (GTK reports -2^31 extents).

Roles keep the AT-SPI role name as the element's `class_name` ("push button", "check box");
the short role comes from the same table as Android's classes (`perception.roles`).
Extents are converted from each window's toolkit units to device pixels by
`devices.desktop.geometry.toolkit_to_device`, with the scales the driver measured.
"""

from __future__ import annotations

import json
from typing import Any

from PIL import Image

from devices.desktop.geometry import Frame, Region, toolkit_to_device
from perception.elements import Bounds, Screen, UIElement, Window
from perception.errors import PerceptionError
from perception.merge import build_elements
from perception.tree import RawNode, clean_text

CHECKABLE = frozenset({"check box", "radio button", "toggle button", "switch",
                       "check menu item", "radio menu item"})
STRUCTURAL = frozenset({"application", "frame", "dialog", "window", "alert", "file chooser",
                        "filler", "panel", "layered pane", "root pane", "glass pane",
                        "viewport", "split pane", "scroll pane", "tool bar", "menu bar",
                        "status bar", "section", "form", "grouping", "redundant object",
                        "internal frame", "desktop frame", "option pane", "page tab list",
                        "unknown"})
SKIPPED = frozenset({"scroll bar", "separator"})
SCROLLABLE = frozenset({"scroll pane"})
VALUED = frozenset({"slider", "progress bar", "level bar", "dial"})
OFF = -(2**31)  # extents GTK reports for something it does not show
_TypedTree = dict[str, Any]


class _Reader:
    """Walks the windows' trees into `RawNode`s, with the context uiautomator's reader uses
    (the absorber above, the scrollable above, the nearest actionable above)."""

    def __init__(self, frame: Frame, width: int, height: int) -> None:
        self.frame = frame
        self.screen = (0, 0, width, height)
        self.nodes: list[RawNode] = []
        self._parents = 0

    def window(self, index: int, window: _TypedTree) -> tuple[int, int, int, int] | None:
        scale = float(window.get("scale") or 1.0)
        root = window["root"]
        bounds = self._bounds(root, scale, self.screen)
        if bounds is None:
            return None
        self._walk(root, window.get("app", ""), scale, index, bounds, (None, None, None), -1, 0)
        return bounds

    def _bounds(self, node: _TypedTree, scale: float,
                clip: tuple[int, int, int, int]) -> tuple[int, int, int, int] | None:
        extents = node.get("extents")
        if not extents or extents[0] <= OFF or extents[1] <= OFF:
            return None
        x1, y1, x2, y2 = toolkit_to_device(extents, scale, self.frame)
        x1, y1 = max(x1, clip[0]), max(y1, clip[1])
        x2, y2 = min(x2, clip[2]), min(y2, clip[3])
        return (x1, y1, x2, y2) if x2 > x1 and y2 > y1 else None

    def _walk(self, node: _TypedTree, app: str, scale: float, window: int,
              clip: tuple[int, int, int, int],
              context: tuple[RawNode | None, RawNode | None, RawNode | None], parent: int,
              depth: int) -> None:
        states = set(node.get("states") or ())
        if "showing" not in states or "visible" not in states or depth > 200:
            return
        number = self._parents  # what this node's children know as their parent
        self._parents += 1
        owner, container, outer = context
        bounds = self._bounds(node, scale, clip)
        raw = _raw_node(node, states) if bounds is not None else None
        if raw is not None and bounds is not None:
            raw.index, raw.parent, raw.window, raw.package = len(self.nodes), parent, window, app
            raw.bounds = bounds
            raw.container, raw.outer = container, outer
            self.nodes.append(raw)
            if raw.kind == "list":
                context, clip = (None, raw, raw), bounds
            elif raw.kind == "target":
                context = (raw, container, raw)
            elif owner is not None:
                raw.owner = owner
                owner.absorbed.append(raw)
        for child in reading_order(node.get("children") or ()):
            self._walk(child, app, scale, window, clip, context, number, depth + 1)


ROW_PX = 12  # toolkit px: siblings whose centres lie this close vertically share a row


def reading_order(children: list[_TypedTree]) -> list[_TypedTree]:
    """Siblings top to bottom, then left to right. Toolkits list children in their own order
    (GTK's grid: last added first), while merging reads a label as the one before a field,
    as a person reads the screen."""

    def key(child: _TypedTree) -> tuple[int, int]:
        e = child.get("extents")
        if not e or e[0] <= OFF or e[1] <= OFF:
            return (2**31, 2**31)
        return ((e[1] + e[3] // 2) // ROW_PX, e[0])

    return sorted(children, key=key)


def _raw_node(node: _TypedTree, states: set[str]) -> RawNode | None:
    """A `RawNode` for an AT-SPI node that can say or do something; None for layout."""
    role = node.get("role", "")
    if role in SKIPPED:
        return None
    actions = set(node.get("actions") or ())
    editable = "editable" in states and bool(node.get("editable_text"))
    checkable = role in CHECKABLE or "checkable" in states
    scrollable = role in SCROLLABLE
    clickable = bool(actions) and not editable and role not in STRUCTURAL
    name, content = clean_text(node.get("name")), clean_text(node.get("text"))
    text, description = _words(role, name, content, clean_text(node.get("description")),
                               editable)
    if role in VALUED and not text and node.get("value") is not None:
        text = f"{node['value']:g}"
    if not (clickable or checkable or scrollable or editable or text or description):
        return None
    n = RawNode()
    n.raw_bounds = (0, 0, 0, 0)
    n.class_name, n.resource_id, n.hint = role, "", ""
    n.text, n.description = text, description
    n.clickable, n.long_clickable, n.checkable = clickable, False, checkable
    n.scrollable, n.editable = scrollable, editable
    n.checked = "checked" in states or (role == "toggle button" and "pressed" in states)
    n.focused = "focused" in states
    n.enabled = "enabled" in states and "sensitive" in states
    n.selected = "selected" in states
    n.password = role == "password text"
    if scrollable:
        n.kind = "list"
    elif clickable or editable:
        n.kind = "target"
    else:
        n.kind = "plain"
    return n


def _words(role: str, name: str, content: str, description: str,
           editable: bool) -> tuple[str, str]:
    """(text, description): an editable field's text is its content and its name labels
    it; a structural container's name is a title that is not drawn inside it."""
    if editable:
        return content, name or description
    if role in STRUCTURAL:
        return "", ""
    text = name or content
    return text, description if description != text else ""


def _frame(data: _TypedTree) -> Frame:
    f = data.get("frame") or {}
    region = Region(int(f.get("left", 0)), int(f.get("top", 0)), int(f.get("width", 0)),
                    int(f.get("height", 0)))
    return Frame(region, float(f.get("capture_scale") or 1.0))


def load_tree(tree: str) -> _TypedTree:
    """The driver's JSON; PerceptionError when it is not that."""
    try:
        data = json.loads(tree)
    except json.JSONDecodeError as e:
        raise PerceptionError(f"malformed AT-SPI tree: {e.msg} at {e.pos}") from e
    if not isinstance(data, dict) or not isinstance(data.get("windows"), list):
        raise PerceptionError("not an AT-SPI tree: no list of windows")
    return data


def parse_atspi(tree: str, width: int | None = None, height: int | None = None,
                screenshot: Image.Image | None = None, app: str = "") -> Screen:
    """The screen the desktop driver's AT-SPI tree describes; `width`/`height` default to
    the captured frame's size."""
    data = load_tree(tree)
    frame = _frame(data)
    w, h = (width, height) if width and height else frame.size
    reader = _Reader(frame, w, h)
    windows: list[Window] = []
    for i, window in enumerate(data["windows"]):
        if not isinstance(window, dict) or not isinstance(window.get("root"), dict):
            raise PerceptionError(f"window {i} of the AT-SPI tree has no root node")
        bounds = reader.window(len(windows), window)
        if bounds is not None:
            windows.append(Window(window.get("app", ""), Bounds(*bounds)))
    elements: tuple[UIElement, ...] = build_elements(reader, w, h) if w and h else ()
    front = app or (data["windows"][-1].get("app", "") if data["windows"] else "")
    return Screen(width=w, height=h, elements=elements, app=front, screenshot=screenshot,
                  windows=tuple(windows))
