"""A recorded screen as AndroidControl's `accessibility_trees` hold it: a serialised
`AndroidAccessibilityForest` of android_env (google-deepmind/android_env
`android_env/proto/a11y/*.proto`), hand-encoded with `automator.protowire`.

Forest{1: windows}; Window{1: bounds_in_screen, 3: id, 11: tree}; Tree{1: nodes};
Node{1: unique_id, 2: bounds_in_screen, 3: class_name, 4: content_description, 5: hint_text,
6: package_name, 7: text, 10: view_id_resource_name, 11: window_id, 12-23: the is_* flags};
ProtoRect{1: left, 2: top, 3: right, 4: bottom}.

What it cannot say: the forest holds the elements perception kept from the recorded tree
(what a planner is shown), one window per window of the dump, each a flat list of nodes
without the layout containers between them, child ids or depth; every node is visible to
the user (perception drops what is not). Elements proposed from pixels are left out.
"""

from __future__ import annotations

from collections.abc import Sequence

from automator.protowire import bytes_field, varint_field
from perception.elements import Bounds, UIElement

_FLAGS = {12: "checkable", 13: "checked", 14: "clickable", 15: "editable", 16: "enabled",
          18: "focused", 19: "long_clickable", 20: "password", 21: "scrollable",
          22: "selected"}
_VISIBLE = 23


def _rect(b: Bounds) -> bytes:
    return b"".join(varint_field(n, v) for n, v in enumerate(
        (b.left, b.top, b.right, b.bottom), 1))


def _node(e: UIElement, unique_id: int) -> bytes:
    texts = {3: e.class_name, 4: e.description, 5: e.hint, 6: e.package, 7: e.text,
             10: e.resource_id}
    return b"".join([
        varint_field(1, unique_id), bytes_field(2, _rect(e.bounds)),
        *(bytes_field(n, t) for n, t in texts.items() if t),
        varint_field(11, e.window),
        *(varint_field(n, int(getattr(e, name))) for n, name in _FLAGS.items()),
        varint_field(_VISIBLE, 1),
    ])


def forest(elements: Sequence[UIElement], size: tuple[int, int]) -> bytes:
    """The tree elements of a screen as a forest; `size` (width, height) bounds each window."""
    windows: dict[int, list[bytes]] = {}
    for n, e in enumerate(e for e in elements if e.source == "tree"):
        windows.setdefault(e.window, []).append(bytes_field(1, _node(e, n + 1)))
    screen = _rect(Bounds(0, 0, *size))
    return b"".join(
        bytes_field(1, bytes_field(1, screen) + varint_field(3, number)
                    + bytes_field(11, b"".join(nodes)))
        for number, nodes in sorted(windows.items()))
