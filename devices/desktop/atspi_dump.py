"""Reads the AT-SPI accessibility tree and prints it as JSON, one reply line per request line.

This file runs under the *system* Python (Debian's `/usr/bin/python3` with `python3-gi` and
`gir1.2-atspi-2.0`), not the project's environment: libatspi's GObject bindings come from the
distribution and cannot be pip-installed without a compiler and development headers. It
imports nothing but the standard library and `gi`, and is started by `AtspiClient` as a
long-lived child process, so the cost of loading libatspi is paid once.

Request (one JSON object per line): {"app": "" | NAME, "max_nodes": N, "max_text": N}
Reply (one JSON object per line):   {"ok": true, "apps": [...], "windows": [...], "nodes": N}
                                    {"ok": false, "error": "..."}

A window is {"app", "pid", "title", "role", "active", "root"}; a node is
{"role", "name", "description", "states": [...], "extents": [x, y, w, h] (screen pixels, as
the toolkit reports them), "text", "actions": [...], "editable_text": bool, "value",
"children": [...]}. Subtrees that are not showing, or lie outside the list or window that
draws them (rows scrolled out of view), are not read beyond their name, role, states and box:
nothing in them is drawn.
"""

from __future__ import annotations

import json
import sys
import warnings

import gi

gi.require_version("Atspi", "2.0")
from gi.repository import Atspi, GLib  # noqa: E402

SCREEN = Atspi.CoordType.SCREEN
# libatspi 2.46 marks the `get_*_iface` accessors deprecated in favour of calling the interface
# functions on the accessible; older releases have only the accessors. They work on both.
warnings.filterwarnings("ignore", category=DeprecationWarning)


def _states(acc) -> list[str]:
    states = acc.get_state_set().get_states()
    return sorted(Atspi.StateType(s).value_nick for s in states)


def _extents(acc) -> list[int] | None:
    try:
        component = acc.get_component_iface()
        if component is None:
            return None
        r = component.get_extents(SCREEN)
        return [r.x, r.y, r.width, r.height]
    except GLib.Error:  # the widget went away while being read
        return None


def _text(acc, limit: int) -> str:
    text = acc.get_text_iface()
    if text is None:
        return ""
    try:
        count = text.get_character_count()
        return text.get_text(0, min(count, limit)) if count > 0 else ""
    except GLib.Error:  # the widget went away while being read
        return ""


def _actions(acc) -> list[str]:
    action = acc.get_action_iface()
    if action is None:
        return []
    try:
        return [action.get_action_name(i) for i in range(action.get_n_actions())]
    except GLib.Error:  # the widget went away while being read
        return []


def _value(acc) -> float | None:
    value = acc.get_value_iface()
    if value is None:
        return None
    try:
        return value.get_current_value()
    except GLib.Error:  # the widget went away while being read
        return None


# Roles whose box is the part of their children that is drawn (a list scrolls its rows).
CLIPPING_ROLES = frozenset({"frame", "dialog", "window", "table", "tree table", "list",
                            "list box", "tree", "viewport", "scroll pane"})


def _meets(extents: list[int] | None, clip: list[int] | None) -> bool:
    """Does a node's box meet the drawn area `clip` (both x, y, w, h)? Unknown boxes do."""
    if extents is None or clip is None or extents[2] <= 0 or extents[3] <= 0:
        return True
    x, y, w, h = extents
    cx, cy, cw, ch = clip
    return x < cx + cw and cx < x + w and y < cy + ch and cy < y + h


class Reader:
    def __init__(self, max_nodes: int, max_text: int) -> None:
        self.left = max_nodes
        self.max_text = max_text

    def node(self, acc, clip: list[int] | None = None) -> dict | None:
        if self.left <= 0:
            return None
        self.left -= 1
        try:
            states = _states(acc)
            role = acc.get_role_name()
            name = acc.get_name() or ""
            description = acc.get_description() or ""
        except GLib.Error:  # the widget went away while being read
            return None
        out = {"role": role, "name": name, "description": description, "states": states,
               "extents": _extents(acc)}
        if "showing" not in states and role not in ("application",):
            out["children"] = []  # nothing under a hidden node is drawn
            return out
        if not _meets(out["extents"], clip):  # scrolled out of its list: not drawn either
            out["children"] = []
            return out
        out["text"] = _text(acc, self.max_text)
        out["actions"] = _actions(acc)
        out["editable_text"] = acc.get_editable_text_iface() is not None
        value = _value(acc)
        if value is not None:
            out["value"] = value
        inner = out["extents"] if role in CLIPPING_ROLES and out["extents"] else clip
        out["children"] = self.children(acc, inner)
        return out

    def children(self, acc, clip: list[int] | None = None) -> list[dict]:
        kids = []
        try:
            count = acc.get_child_count()
        except GLib.Error:  # the widget went away while being read
            return kids
        for i in range(count):
            try:
                child = acc.get_child_at_index(i)
            except GLib.Error:  # the widget went away while being read
                continue
            if child is None:
                continue
            node = self.node(child, clip)
            if node is not None:
                kids.append(node)
        return kids


def dump(request: dict) -> dict:
    wanted = (request.get("app") or "").lower()
    reader = Reader(int(request.get("max_nodes", 5000)), int(request.get("max_text", 2000)))
    desktop = Atspi.get_desktop(0)
    apps, windows = [], []
    for i in range(desktop.get_child_count()):
        app = desktop.get_child_at_index(i)
        if app is None:
            continue
        try:
            name, pid = app.get_name() or "", app.get_process_id()
        except GLib.Error:  # the widget went away while being read
            continue
        apps.append({"name": name, "pid": pid})
        if wanted and wanted != name.lower():
            continue
        for j in range(app.get_child_count()):
            window = app.get_child_at_index(j)
            if window is None:
                continue
            root = reader.node(window)
            if root is None or "showing" not in root["states"]:
                continue
            windows.append({"app": name, "pid": pid, "title": root["name"],
                            "role": root["role"], "active": "active" in root["states"],
                            "root": root})
    return {"ok": True, "apps": apps, "windows": windows,
            "nodes": int(request.get("max_nodes", 5000)) - reader.left}


def main() -> None:
    for line in sys.stdin:
        if not line.strip():
            continue
        try:
            reply = dump(json.loads(line))
        except Exception as e:  # reported in the reply; the helper serves the next one
            reply = {"ok": False, "error": f"{type(e).__name__}: {e}"}
        sys.stdout.write(json.dumps(reply, ensure_ascii=False) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
