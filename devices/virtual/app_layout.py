"""Laying out an app's page: the focused field, scroll offsets, and keeping the field in view.

The phone keeps, per page, where each list is scrolled and which field has focus (`Entry`);
these functions apply that to a freshly built tree.
"""

from __future__ import annotations

from devices.virtual.session import Entry
from devices.virtual.touch import keyed, parents
from devices.virtual.view import View, content_height, layout


def editable(view: View) -> bool:
    return view.editable


def scrollable(view: View) -> bool:
    return view.scrollable


def apply_focus(entry: Entry, tree: View) -> View | None:
    """Mark the field the page remembers as focused; forget it if it is gone."""
    if entry.focus is None:
        return None
    for key, view in keyed(tree, editable):
        if key == entry.focus:
            view.focused = True
            return view
    entry.focus = None
    return None


def layout_app(entry: Entry, tree: View, area: tuple, focus: View | None) -> None:
    """Lay `tree` out in `area` at the page's scroll offsets, the focused field in view."""
    keys = {id(v): k for k, v in keyed(tree, scrollable)}

    def offset(view: View) -> int:
        room = content_height(view) - (view.bounds[3] - view.bounds[1])
        stored = entry.scroll.get(keys.get(id(view), ""), 0)
        return max(0, min(stored, room))

    layout(tree, area, offset)
    if focus is not None and _reveal(entry, tree, focus, keys):
        layout(tree, area, offset)


def _reveal(entry: Entry, tree: View, focus: View, keys: dict[int, str]) -> bool:
    """Scroll the focused field's list so that the field is in view (adjustResize)."""
    up = parents(tree)
    node = up.get(id(focus))
    while node is not None and not node.scrollable:
        node = up.get(id(node))
    if node is None:
        return False
    top, bottom = node.bounds[1], node.bounds[3]
    key = keys.get(id(node), "")
    current = entry.scroll.get(key, 0)
    if focus.bounds[1] < top:
        entry.scroll[key] = current - (top - focus.bounds[1])
    elif focus.bounds[3] > bottom:
        entry.scroll[key] = current + (focus.bounds[3] - bottom)
    else:
        return False
    return True
