"""A frame of windows as `uiautomator dump` writes it.

One root `<node>` per window; each node has the 17 attributes in the dumper's order. Bounds
are clipped to what is visible (scroll viewports, the window), and nodes with nothing visible
are left out, as `isVisibleToUser()` leaves them out on a phone. Text is escaped the way
Android's XML serializer does it: markup characters as entities, control characters and
characters outside the Basic Multilingual Plane (emoji) as numeric character references.
"""

from __future__ import annotations

from devices.virtual.disguise import Disguise
from devices.virtual.view import EDIT, Rect, View
from devices.virtual.window import Window, intersect, is_empty
from devices.virtual.world import World

TIDY = Disguise(World())  # the dump as the app describes itself

HEADER = "<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>"
ATTRIBUTES = (
    "index", "text", "resource-id", "class", "package", "content-desc", "checkable", "checked",
    "clickable", "enabled", "focusable", "focused", "scrollable", "long-clickable", "password",
    "selected", "bounds",
)
_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;"}


def escape(text: str) -> str:
    out = []
    for ch in text:
        code = ord(ch)
        if ch in _ENTITIES:
            out.append(_ENTITIES[ch])
        elif code < 0x20 or code > 0xFFFF or 0xD800 <= code <= 0xDFFF:
            out.append(f"&#{code};")
        else:
            out.append(ch)
    return "".join(out)


def _bool(value: bool) -> str:
    return "true" if value else "false"


def _attributes(view: View, index: int, package: str, visible: Rect, place: str,
                disguise: Disguise) -> str:
    text, desc = disguise.text(view), view.desc
    if disguise.unlabelled(view, package, place):
        text, desc = "", ""
    rid = disguise.resource_id(view, package)
    values = (
        str(index), escape(text), escape(rid), view.cls, package, escape(desc),
        _bool(view.checkable), _bool(view.checked), _bool(view.clickable),
        _bool(view.enabled), _bool(view.focusable or view.cls == EDIT), _bool(view.focused),
        _bool(view.scrollable), _bool(view.long_clickable), _bool(view.password),
        _bool(view.selected), "[{},{}][{},{}]".format(*visible),
    )
    return " ".join(f'{name}="{value}"' for name, value in zip(ATTRIBUTES, values, strict=True))


def _node(out: list[str], view: View, index: int, package: str, clip: Rect,
          disguise: Disguise, place: str = "0", root: bool = False) -> None:
    visible = view.bounds if root else intersect(view.bounds, clip)
    if is_empty(visible) and not root:
        return
    inner = intersect(clip, view.bounds) if view.scrollable and not root else clip
    out.append(f"<node {_attributes(view, index, package, visible, place, disguise)}")
    start = len(out)
    for i, child in enumerate(view.children):
        _node(out, child, i, package, inner, disguise, f"{place}.{i}")
    if len(out) == start:
        out[-1] += " />"
    else:
        out[start - 1] += ">"
        out.append("</node>")


def reported(windows: list[Window]) -> list[Window]:
    """The windows a dump lists, as UiAutomation reports them: only those a person can
    interact with (the windows under a modal dialog are drawn but left out), topmost first.
    Readers must not rely on that order: uiautomator2 may gather the roots in a hash set."""
    modal = [i for i, w in enumerate(windows) if w.scrim]
    return list(reversed(windows[modal[-1]:] if modal else windows))


def dump(windows: list[Window], disguise: Disguise = TIDY) -> str:
    """The XML of a frame (`windows` bottom first): the root of each reported window, its
    content clipped to `window.clip`, each view worded as `disguise` has it."""
    out = [HEADER, '<hierarchy rotation="0">']
    for window in reported(windows):
        _node(out, window.root, 0, window.package, window.clip or window.root.bounds, disguise,
              root=True)
    out.append("</hierarchy>")
    return "".join(out)
