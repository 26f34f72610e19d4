"""A frame of windows as `uiautomator dump` writes it.

One root `<node>` per window; each node has the 17 attributes in the dumper's order. Bounds
are clipped to what is visible (scroll viewports, the window), and nodes with nothing visible
are left out, as `isVisibleToUser()` leaves them out on a phone. Text is escaped the way
the dumper and Android's XML serializer do it: the control characters the dumper strips
become ".", tab, newline and carriage return numeric character references, markup
characters entities, and characters outside the Basic Multilingual Plane (emoji) numeric
character references. What XML 1.0 cannot carry at all (NUL, a lone surrogate, U+FFFE/FFFF)
is also written as "."; on a phone the serializer refuses it and the whole dump fails, which
the virtual phone does not copy: a dump stays readable whatever a field holds.

`dump(..., raw_text=True)` adds a `raw-text` attribute (the text JSON-escaped) to each node
whose text the XML could not carry exactly: the served uiautomator2 service answers
`getText` and text selectors from it, as the real one reads the node and not the XML.
"""

from __future__ import annotations

import json

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


_REFERENCED = "\t\n\r"  # control characters the serializer writes as references


def _stripped(code: int) -> bool:
    """Written as "." (the dumper's stripInvalidXMLChars ranges, and what XML 1.0 lacks)."""
    return (code < 0x20 or 0x7F <= code <= 0x84 or 0x86 <= code <= 0x9F
            or 0xFDD0 <= code <= 0xFDDF or 0xD800 <= code <= 0xDFFF or code in (0xFFFE, 0xFFFF))


def escape(text: str) -> str:
    """`text` as an attribute value of the dump (see the module docstring)."""
    out = []
    for ch in text:
        code = ord(ch)
        if ch in _ENTITIES:
            out.append(_ENTITIES[ch])
        elif ch in _REFERENCED or code > 0xFFFF:
            out.append(f"&#{code};")
        elif _stripped(code):
            out.append(".")
        else:
            out.append(ch)
    return "".join(out)


def carried_exactly(text: str) -> bool:
    """Does the dump's text attribute give `text` back unchanged?"""
    return not any(_stripped(ord(ch)) and ch not in _REFERENCED for ch in text)


def raw_text_attribute(text: str) -> str:
    """The ` raw-text="…"` attribute for a text the XML cannot carry exactly, else ""."""
    if carried_exactly(text):
        return ""
    return f' raw-text="{escape(json.dumps(text)[1:-1])}"'


def read_raw_text(value: str) -> str:
    """The text a `raw-text` attribute (as an XML parser returns it) stands for."""
    return json.loads(f'"{value}"')


def _bool(value: bool) -> str:
    return "true" if value else "false"


def _attributes(view: View, index: int, package: str, visible: Rect, place: str,
                disguise: Disguise, raw_text: bool) -> str:
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
    pairs = " ".join(f'{name}="{value}"' for name, value in zip(ATTRIBUTES, values, strict=True))
    return pairs + (raw_text_attribute(text) if raw_text else "")


def _node(out: list[str], view: View, index: int, package: str, clip: Rect,
          disguise: Disguise, place: str = "0", root: bool = False,
          raw_text: bool = False) -> None:
    visible = view.bounds if root else intersect(view.bounds, clip)
    if is_empty(visible) and not root:
        return
    inner = intersect(clip, view.bounds) if view.scrollable and not root else clip
    attributes = _attributes(view, index, package, visible, place, disguise, raw_text)
    out.append(f"<node {attributes}")
    start = len(out)
    for i, child in enumerate(view.children):
        _node(out, child, i, package, inner, disguise, f"{place}.{i}", raw_text=raw_text)
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


def dump(windows: list[Window], disguise: Disguise = TIDY, raw_text: bool = False) -> str:
    """The XML of a frame (`windows` bottom first): the root of each reported window, its
    content clipped to `window.clip`, each view worded as `disguise` has it; `raw_text`
    adds the `raw-text` attributes."""
    out = [HEADER, '<hierarchy rotation="0">']
    for window in reported(windows):
        clip = window.clip or window.root.bounds
        _node(out, window.root, 0, window.package, clip, disguise, root=True, raw_text=raw_text)
    out.append("</hierarchy>")
    return "".join(out)
