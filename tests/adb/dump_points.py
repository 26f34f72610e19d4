"""Where a node of a uiautomator dump is, as a script finds it: by its resource id."""

from __future__ import annotations

import re

from devices.actions import Point


def centre_of(tree: str, resource_id: str) -> Point:
    """The centre of the first node with `resource_id`; fails the test when there is none."""
    node = re.search(rf'<node [^>]*resource-id="{resource_id}"[^>]*>', tree)
    assert node, resource_id
    box = re.search(r'bounds="\[(\d+),(\d+)\]\[(\d+),(\d+)\]"', node.group(0))
    assert box, node.group(0)
    left, top, right, bottom = map(int, box.groups())
    return Point((left + right) // 2, (top + bottom) // 2)
