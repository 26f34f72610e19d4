"""Finding nodes in a virtual phone's dump and tapping them (imported by its tests)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from devices.virtual import VirtualPhone

Bounds = tuple[int, int, int, int]


def nodes(xml: str) -> list[dict[str, str]]:
    return [dict(n.attrib) for n in ET.fromstring(xml.encode("utf-8")).iter("node")]


def bounds_of(node: dict[str, str]) -> Bounds:
    x1, y1, x2, y2 = map(int, re.findall(r"-?\d+", node["bounds"]))
    return x1, y1, x2, y2


def find(phone: VirtualPhone, **attrs: str) -> dict[str, str] | None:
    """The first node whose attributes (underscores for dashes) all equal the given values."""
    wanted = {k.replace("_", "-"): v for k, v in attrs.items()}
    for node in nodes(phone.dump_hierarchy()):
        if all(node.get(k) == v for k, v in wanted.items()):
            return node
    return None


def center(node: dict[str, str]) -> tuple[int, int]:
    x1, y1, x2, y2 = bounds_of(node)
    return (x1 + x2) // 2, (y1 + y2) // 2


def tap_node(phone: VirtualPhone, **attrs: str) -> None:
    node = find(phone, **attrs)
    assert node is not None, f"no node with {attrs}"
    phone.tap(*center(node))
