"""Pure helpers of the Android driver: reading what the phone prints."""

from __future__ import annotations

import re
from xml.etree import ElementTree

from devices.actions import Point

# One constant command line (no data in it) for the foreground app and the rotation.
FOCUS_COMMAND = "dumpsys window | grep -E 'mCurrentFocus|mFocusedApp|mCurrentRotation'"

_FOCUS = re.compile(r"mCurrentFocus=Window\{.*\s+(?P<package>[^\s/]+)/(?P<activity>[^\s]+)\}")
_FOCUSED_APP = re.compile(
    r"mFocusedApp=.*ActivityRecord\{\S+ \S+ (?P<package>[^\s/]+)/(?P<activity>\S+)"
)
_ROTATION = re.compile(r"mCurrentRotation=(?:ROTATION_)?(\d+)")
_BOUNDS = re.compile(r'bounds="\[(-?\d+),(-?\d+)\]\[(-?\d+),(-?\d+)\]"')
_KEYBOARD_NODE = re.compile(r"<node [^>]*package=\"[^\"]*inputmethod[^\"]*\"[^>]*>")


def parse_focus(text: str) -> tuple[str, str, int]:
    """(package, activity, quarter turns) from `dumpsys window` lines; "" when unknown.

    The activity is in its full form (`.Main` is expanded with the package)."""
    m = _FOCUS.search(text) or _FOCUSED_APP.search(text)
    package, activity = (m.group("package"), m.group("activity")) if m else ("", "")
    if activity.startswith("."):
        activity = package + activity
    r = _ROTATION.search(text)
    degrees = int(r.group(1)) if r else 0
    return package, activity, (degrees // 90 if degrees >= 4 else degrees) % 4


def cut_hierarchy(text: str) -> str | None:
    """The XML of a dump, up to and including `</hierarchy>` (a dump to /dev/tty has the
    status line glued to it); None when it is not a complete hierarchy."""
    start = text.find("<?xml")
    end = text.rfind("</hierarchy>")
    if start < 0:
        return None
    if end < 0:
        return text[start:].rstrip() if re.search(r"<hierarchy[^>]*/>\s*$", text) else None
    return text[start : end + len("</hierarchy>")]


def keyboard_bounds(tree: str) -> tuple[int, int, int, int] | None:
    """The union of the bounds of the input method's nodes, if the keyboard shows."""
    boxes = []
    for node in _KEYBOARD_NODE.findall(tree):
        m = _BOUNDS.search(node)
        if m:
            boxes.append(tuple(int(g) for g in m.groups()))
    boxes = [b for b in boxes if b[2] > b[0] and b[3] > b[1]]
    if not boxes:
        return None
    return (min(b[0] for b in boxes), min(b[1] for b in boxes),
            max(b[2] for b in boxes), max(b[3] for b in boxes))  # fmt: skip


def labelled_node_center(tree: str, label: str) -> Point | None:
    """The centre of the node whose text or content-desc is `label` (case-insensitive), as a
    launcher shows an app's icon; clickable nodes first. None when there is none."""
    body = cut_hierarchy(tree)
    if body is None:
        return None
    try:
        root = ElementTree.fromstring(body)
    except ElementTree.ParseError:
        return None
    wanted = label.strip().casefold()
    found = [
        n for n in root.iter()
        if wanted in (n.get("text", "").strip().casefold(),
                      n.get("content-desc", "").strip().casefold())
    ]
    found.sort(key=lambda n: n.get("clickable") != "true")
    for node in found:
        numbers = [int(v) for v in re.findall(r"-?\d+", node.get("bounds", ""))]
        if len(numbers) == 4 and numbers[2] > numbers[0] and numbers[3] > numbers[1]:
            return Point((numbers[0] + numbers[2]) // 2, (numbers[1] + numbers[3]) // 2)
    return None
