"""What a step did, drawn over its screenshot: an SVG in the screen's own pixels.

The SVG's view box is the screenshot's size, so an action's device-pixel points are drawn
as they are, whatever size the page shows the image at; strokes keep their width on screen.
Tap-like actions are a ring at the point, a swipe an arrow from start to end, a scroll an
arrow along the finger's way (`devices.gestures.scroll_swipe`: content moving down means a
finger moving up), and the element the action reached a box.
"""

from __future__ import annotations

import math

from devices.actions import (
    Action,
    DoubleTap,
    LongPress,
    Point,
    Scroll,
    Swipe,
    Tap,
    TypeText,
)  # fmt: skip
from devices.gestures import scroll_swipe
from perception.elements import Bounds


def overlay(action: Action | None, element: Bounds | None, width: int, height: int) -> str:
    """The SVG drawn over a screenshot of `width` x `height` pixels ("" for nothing)."""
    r = max(width, height) * 0.02  # ring radius, px
    shapes = [_box(element)] if element is not None else []
    shapes += _action_shapes(action, width, height, r) if action is not None else []
    if not shapes:
        return ""
    return (f'<svg class="overlay" viewBox="0 0 {width} {height}" '
            f'preserveAspectRatio="none" aria-hidden="true">{"".join(shapes)}</svg>')


def _action_shapes(action: Action, width: int, height: int, r: float) -> list[str]:
    match action:
        case Tap(target=Point() as p) | TypeText(target=Point() as p):
            return [_ring(p, r)]
        case DoubleTap(target=Point() as p):
            return [_ring(p, r), _ring(p, r * 1.6)]
        case LongPress(target=Point() as p):
            return [_ring(p, r, "hold")]
        case Swipe(start=s, end=e):
            return _arrow(s.x, s.y, e.x, e.y, r)
        case Scroll(direction=d, target=t):
            s, e = scroll_swipe(d, t if isinstance(t, Point) else None, (width, height))
            return _arrow(s.x, s.y, e.x, e.y, r)
    return []


def _box(b: Bounds) -> str:
    return (f'<rect class="element" x="{b.left}" y="{b.top}" width="{b.width}" '
            f'height="{b.height}" vector-effect="non-scaling-stroke"/>')


def _ring(p: Point, r: float, kind: str = "tap") -> str:
    return (f'<circle class="{kind}" cx="{p.x}" cy="{p.y}" r="{r:.0f}" '
            f'vector-effect="non-scaling-stroke"/>')


def _arrow(x1: float, y1: float, x2: float, y2: float, r: float) -> list[str]:
    """A line from (x1, y1) with a dot, and a head at (x2, y2)."""
    angle = math.atan2(y2 - y1, x2 - x1)
    head = []
    for side in (-1, 1):
        a = angle + math.pi + side * 0.45
        head.append(f"{x2 + 1.5 * r * math.cos(a):.0f},{y2 + 1.5 * r * math.sin(a):.0f}")
    return [
        f'<line class="path" x1="{x1:.0f}" y1="{y1:.0f}" x2="{x2:.0f}" y2="{y2:.0f}" '
        'vector-effect="non-scaling-stroke"/>',
        f'<circle class="start" cx="{x1:.0f}" cy="{y1:.0f}" r="{r / 2:.0f}"/>',
        f'<polygon class="head" points="{head[0]} {x2:.0f},{y2:.0f} {head[1]}"/>',
    ]
