"""A frame of windows as `uiautomator dump` writes it.

One root `<node>` per window; each node has the 17 attributes in the dumper's order (a
`DumpStyle` picks other versions' attribute sets, the active window alone, or uiautomator2's
indented form). Bounds are clipped to what is visible (scroll viewports, the window), and
nodes with nothing visible are left out, as `isVisibleToUser()` leaves them out on a phone.
Text is escaped the way the dumper and Android's XML serializer do it: the control
characters the dumper strips become ".", tab, newline and carriage return numeric character
references, markup characters entities, and characters outside the Basic Multilingual Plane
(emoji) numeric character references. What XML 1.0 cannot carry at all (NUL, a lone
surrogate, U+FFFE/FFFF) is also written as "."; on a phone the serializer refuses it and
the whole dump fails, which the virtual phone does not copy: a dump stays readable whatever
a field holds.

`dump(..., raw_text=True)` adds a `raw-text` attribute (the text JSON-escaped) to each
node whose text the XML could not carry exactly: the served uiautomator2 service answers
`getText` and text selectors from it, as the real one reads the node and not the XML.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from devices.virtual.disguise import Disguise
from devices.virtual.view import EDIT, Rect, View
from devices.virtual.window import HEIGHT, WIDTH, Window, intersect, is_empty
from devices.virtual.world import World

TIDY = Disguise(World())  # the dump as the app describes itself

HEADER = "<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>"
ATTRIBUTES = (  # the dumper's order (AOSP AccessibilityNodeInfoDumper, Android 9)
    "index", "text", "resource-id", "class", "package", "content-desc", "checkable", "checked",
    "clickable", "enabled", "focusable", "focused", "scrollable", "long-clickable", "password",
    "selected", "bounds",
)
# Android 10+ append these two (tests/adb/real_outputs/dump/typevera_api30_oneline.xml)
PLATFORM_EXTRA = ("drawing-order", "hint")
# uiautomator2's server: `visible-to-user` before `bounds`, then drawing-order, hint and
# display-id (tests/adb/real_outputs/dump/u2server_21attr_crlf.xml)
U2_ATTRIBUTES = (*ATTRIBUTES[:-1], "visible-to-user", "bounds", *PLATFORM_EXTRA, "display-id")
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


@dataclass(frozen=True)
class DumpStyle:
    """How one phone's dumper writes a frame. `DumpStyle()` is the served phone's own
    dump; `devices.adb.profile` derives the dumps of real Android versions and vendors."""

    attributes: tuple[str, ...] = ATTRIBUTES  # which attributes each node has, in order
    active_only: bool = False  # only the active window's root (`uiautomator dump` does so)
    indented: bool = False  # uiautomator2's server: `\r\n`, two-space indents, sized root
    hint_as_text: bool = False  # an empty EditText reports its hint as its text
    renamed: tuple[tuple[str, str], ...] = ()  # (package, the package the dump names instead)

    def package(self, package: str) -> str:
        return dict(self.renamed).get(package, package)


PLAIN = DumpStyle()


def _attributes(view: View, index: int, package: str, visible: Rect, place: str,
                disguise: Disguise, raw_text: bool, style: DumpStyle = PLAIN) -> str:
    text, desc = disguise.text(view), view.desc
    if disguise.unlabelled(view, package, place):
        text, desc = "", ""
    if style.hint_as_text and not text and view.cls == EDIT:
        text = view.hint
    rid = disguise.resource_id(view, package)
    shown = style.package(package)
    if shown != package and rid.startswith(package + ":"):
        rid = shown + rid[len(package) :]
    values = {
        "index": str(index), "text": escape(text), "resource-id": escape(rid),
        "class": view.cls, "package": shown, "content-desc": escape(desc),
        "checkable": _bool(view.checkable), "checked": _bool(view.checked),
        "clickable": _bool(view.clickable), "enabled": _bool(view.enabled),
        "focusable": _bool(view.focusable or view.cls == EDIT), "focused": _bool(view.focused),
        "scrollable": _bool(view.scrollable), "long-clickable": _bool(view.long_clickable),
        "password": _bool(view.password), "selected": _bool(view.selected),
        "visible-to-user": "true", "bounds": "[{},{}][{},{}]".format(*visible),
        "drawing-order": "0" if place == "0" else str(index + 1),
        "hint": escape(view.hint if view.cls == EDIT else ""), "display-id": "0",
    }  # fmt: skip
    pairs = " ".join(f'{name}="{values[name]}"' for name in style.attributes)
    return pairs + (raw_text_attribute(text) if raw_text else "")


def _node(out: list[str], view: View, index: int, package: str, clip: Rect,
          disguise: Disguise, place: str = "0", root: bool = False,
          raw_text: bool = False, style: DumpStyle = PLAIN) -> None:
    visible = view.bounds if root else intersect(view.bounds, clip)
    if is_empty(visible) and not root:
        return
    inner = intersect(clip, view.bounds) if view.scrollable and not root else clip
    attributes = _attributes(view, index, package, visible, place, disguise, raw_text, style)
    indent = "  " * (place.count(".") + 1) if style.indented else ""
    out.append(f"{indent}<node {attributes}")
    start = len(out)
    for i, child in enumerate(view.children):
        _node(out, child, i, package, inner, disguise, f"{place}.{i}", raw_text=raw_text,
              style=style)
    if len(out) == start:
        out[-1] += " />"
    else:
        out[start - 1] += ">"
        out.append(f"{indent}</node>")


def reported(windows: list[Window]) -> list[Window]:
    """The windows a dump lists, as UiAutomation reports them: only those a person can
    interact with (the windows under a modal dialog are drawn but left out), topmost first.
    Readers must not rely on that order: uiautomator2 may gather the roots in a hash set."""
    modal = [i for i, w in enumerate(windows) if w.scrim]
    return list(reversed(windows[modal[-1]:] if modal else windows))


def active(windows: list[Window]) -> list[Window]:
    """The active window alone (the topmost dialog or app), as `uiautomator dump` has it:
    it dumps `getRootInActiveWindow()`, so no status bar, keyboard or toast."""
    shown = reported(windows)
    return next(([w] for w in shown if w.kind in ("dialog", "app")), shown[:1])


def dump(windows: list[Window], disguise: Disguise = TIDY, raw_text: bool = False,
         style: DumpStyle = PLAIN) -> str:
    """The XML of a frame (`windows` bottom first): the root of each reported window (or of
    the active one), its content clipped to `window.clip`, each view worded as `disguise`
    has it, written as `style` says; `raw_text` adds the `raw-text` attributes."""
    if style.indented:
        out = [HEADER, f'<hierarchy index="0" class="hierarchy" rotation="0" width="{WIDTH}" '
                       f'height="{HEIGHT}">']  # fmt: skip
    else:
        out = [HEADER, '<hierarchy rotation="0">']
    for window in active(windows) if style.active_only else reported(windows):
        clip = window.clip or window.root.bounds
        _node(out, window.root, 0, window.package, clip, disguise, root=True,
              raw_text=raw_text, style=style)
    out.append("</hierarchy>")
    return "\r\n".join(out) + "\r\n" if style.indented else "".join(out)
