"""Which element a point hits: what a recorded step names beside its coordinates."""

from __future__ import annotations

from typing import Any

from devices.actions import Point
from perception.elements import Screen, UIElement


def _presses(e: UIElement) -> bool:
    return e.clickable or e.long_clickable or e.editable or e.checkable


def element_at(screen: Screen, point: Point, scrollable: bool = False) -> UIElement | None:
    """The smallest element containing `point` that reacts to a press (with `scrollable`:
    that scrolls); else the smallest element there at all; None off every element. Vision
    proposals count only where the tree has nothing."""
    here = [e for e in screen.elements if e.bounds.contains(point) and e.bounds.area > 0]
    wanted = [e for e in here if (e.scrollable if scrollable else _presses(e))]
    if scrollable:
        return min(wanted, key=lambda e: e.bounds.area, default=None)
    tree = [e for e in here if e.source == "tree"] or here
    pool = [e for e in wanted if e.source == "tree"] or wanted or tree
    return min(pool, key=lambda e: e.bounds.area, default=None)


def element_record(e: UIElement) -> dict[str, Any]:
    """The element as a step stores it (automator.recording documents the fields)."""
    return {
        "id": e.id,
        "role": e.role,
        "text": e.text,
        "description": e.description,
        "resource_id": e.resource_id,
        "class_name": e.class_name,
        "package": e.package,
        "bounds": e.bounds.as_list(),
        "clickable": e.clickable,
        "editable": e.editable,
        "scrollable": e.scrollable,
    }
