"""Finding the view a touch lands on, and the keys that identify views across rebuilds."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from devices.virtual.view import SEEKBAR, Rect, View
from devices.virtual.window import Window, contains, intersect


def tappable(view: View) -> bool:
    return (view.on_click is not None or view.clickable or view.editable
            or view.on_long_click is not None or view.on_touch is not None)


def draggable(view: View) -> bool:
    return view.cls == SEEKBAR and view.on_progress is not None


def hit(view: View, x: int, y: int, want: Callable[[View], bool], clip: Rect) -> View | None:
    """The deepest, topmost view under (x, y) for which `want` holds; scrollables clip."""
    visible = intersect(view.bounds, clip)
    if not contains(visible, x, y):
        return None
    inner = visible if view.scrollable else clip
    for child in reversed(view.children):
        found = hit(child, x, y, want, inner)
        if found is not None:
            return found
    return view if want(view) else None


def window_at(windows: list[Window], x: int, y: int) -> Window | None:
    """The topmost window that takes touches at (x, y)."""
    for window in reversed(windows):
        if any(contains(r, x, y) for r in window.touch):
            return window
    return None


def keyed(root: View, which: Callable[[View], bool]) -> Iterator[tuple[str, View]]:
    """Stable keys for the views `which` selects: resource id plus rank among them."""
    rank = 0
    for view in root.walk():
        if which(view):
            yield f"{view.rid}#{rank}", view
            rank += 1


def parents(root: View) -> dict[int, View]:
    out: dict[int, View] = {}
    for view in root.walk():
        for child in view.children:
            out[id(child)] = view
    return out
