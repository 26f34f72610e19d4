"""AndroidControl's `accessibility_trees`: serialised `AndroidAccessibilityForest` protos of
android_env (google-deepmind/android_env `android_env/proto/a11y/*.proto`), decoded into our
`UIElement`s with the small wire decoder of `automator.protowire`.

Field numbers used: Forest{1: windows}; Window{1: bounds_in_screen, 6: window_type,
11: tree}; Tree{1: nodes}; Node{2: bounds_in_screen, 3: class_name, 4: content_description,
5: hint_text, 6: package_name, 7: text, 10: view_id_resource_name, 12: is_checkable,
13: is_checked, 14: is_clickable, 15: is_editable, 16: is_enabled, 18: is_focused,
19: is_long_clickable, 20: is_password, 21: is_scrollable, 22: is_selected,
23: is_visible_to_user}; ProtoRect{1: left, 2: top, 3: right, 4: bottom}. A node is kept when
it is visible, has an area, and says something or can be acted on.
"""

from __future__ import annotations

from automator.offline.episode import FormatError
from automator.protowire import fields, signed64
from perception.elements import Bounds, UIElement
from perception.roles import role_of

_TEXTS = {3: "class_name", 4: "description", 5: "hint", 6: "package", 7: "text",
          10: "resource_id"}
_FLAGS = {12: "checkable", 13: "checked", 14: "clickable", 15: "editable", 16: "enabled",
          18: "focused", 19: "long_clickable", 20: "password", 21: "scrollable", 22: "selected",
          23: "visible"}


def _rect(data: bytes) -> Bounds:
    sides = {1: 0, 2: 0, 3: 0, 4: 0}
    for number, _wire, value in fields(data):
        if number in sides and isinstance(value, int):
            sides[number] = signed64(value)
    return Bounds(sides[1], sides[2], sides[3], sides[4])


def _node(data: bytes) -> dict[str, object]:
    node: dict[str, object] = {"bounds": Bounds(0, 0, 0, 0), "enabled": False}
    for number, _wire, value in fields(data):
        if number == 2 and isinstance(value, bytes):
            node["bounds"] = _rect(value)
        elif number in _TEXTS and isinstance(value, bytes):
            node[_TEXTS[number]] = value.decode("utf-8", "replace")
        elif number in _FLAGS and isinstance(value, int):
            node[_FLAGS[number]] = bool(value)
    return node


def _nodes(forest: bytes) -> list[tuple[int, dict[str, object]]]:
    out = []
    for window_number, (number, _w, window) in enumerate(fields(forest)):
        if number != 1 or not isinstance(window, bytes):
            continue
        for n, _w2, tree in fields(window):
            if n == 11 and isinstance(tree, bytes):
                out += [(window_number, _node(v)) for k, _w3, v in fields(tree)
                        if k == 1 and isinstance(v, bytes)]
    return out


def _keep(node: dict[str, object]) -> bool:
    bounds = node["bounds"]
    says = any(node.get(k) for k in ("text", "description", "hint", "resource_id"))
    acts = any(node.get(k) for k in ("clickable", "long_clickable", "editable", "scrollable",
                                     "checkable"))
    return bool(node.get("visible")) and isinstance(bounds, Bounds) and bounds.area > 0 and (
        says or acts)


def elements(forest: bytes, where: str) -> tuple[UIElement, ...]:
    """The forest's kept nodes as elements, numbered in the order the forest lists them."""
    try:
        kept = [(w, n) for w, n in _nodes(forest) if _keep(n)]
    except ValueError as e:
        raise FormatError(f"{where}: not an accessibility forest: {e}") from e
    out = []
    for i, (window, n) in enumerate(kept):
        flags = {k: bool(n.get(k)) for k in _FLAGS.values() if k != "visible"}
        role = role_of(str(n.get("class_name", "")), flags["clickable"], flags["checkable"],
                       flags["editable"], flags["scrollable"])
        out.append(UIElement(id=i, role=role, bounds=n["bounds"],  # type: ignore[arg-type]
                             text=str(n.get("text", "")),
                             description=str(n.get("description", "")),
                             resource_id=str(n.get("resource_id", "")),
                             class_name=str(n.get("class_name", "")),
                             package=str(n.get("package", "")), hint=str(n.get("hint", "")),
                             window=window, **flags))
    return tuple(out)
