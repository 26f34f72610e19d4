"""Element references -> device points: the one place where this happens.

A planner may aim at an element by id (`ElementRef`) or at a point. Before an action reaches
the device every `ElementRef` becomes the centre of the element's visible part, and every
point is checked to lie on the screen. A bad id or an off-screen point is the planner's
mistake (`InvalidTarget`), recorded on the step and fed back to it.
"""

from __future__ import annotations

from dataclasses import replace

from automator.errors import InvalidTarget
from devices.actions import Action, ElementRef, Point, Swipe, Target
from perception.elements import Bounds, Screen, UIElement


def _on_screen(point: Point, screen: Screen) -> Point:
    if 0 <= point.x < screen.width and 0 <= point.y < screen.height:
        return point
    raise InvalidTarget(
        f"point ({point.x}, {point.y}) is off the {screen.width}x{screen.height} screen"
    )


def resolve_target(target: Target, screen: Screen) -> Point:
    """The device point for a target: an element's visible centre, or the checked point."""
    if isinstance(target, Point):
        return _on_screen(target, screen)
    if not isinstance(target, ElementRef):
        raise TypeError(f"not a target: {target!r}")
    try:
        element = screen.element(target.id)
    except KeyError:
        count = len(screen.elements)
        raise InvalidTarget(
            f"there is no element #{target.id} on this screen (ids run 0-{count - 1})"
        ) from None
    visible = element.bounds.intersect(Bounds(0, 0, screen.width, screen.height))
    if visible.area == 0:
        raise InvalidTarget(f"element #{target.id} ({element.label!r}) is not visible")
    return _own_point(element, visible, screen)


_GRID = 8  # points across and down a container tried for one that no control inside covers


def _own_point(element: UIElement, visible: Bounds, screen: Screen) -> Point:
    """The point of the element's visible part nearest its centre that no smaller control
    inside it covers: a tap on a row lands on whatever is under the point, and the centre of
    an expanded row may be a day button or a switch of its own. The centre when nothing
    inside covers it, or when controls cover all of it."""
    inner = [e.bounds for e in screen.elements
             if e.id != element.id and (e.clickable or e.checkable)
             and e.bounds.area < visible.area and visible.contains(e.bounds.center)]
    centre = visible.center
    points = [Point(visible.left + visible.width * (2 * i + 1) // (2 * _GRID),
                    visible.top + visible.height * (2 * j + 1) // (2 * _GRID))
              for i in range(_GRID) for j in range(_GRID)]
    free = [p for p in [centre, *points] if not any(b.contains(p) for b in inner)]
    return min(free, key=lambda p: (p != centre, abs(p.x - centre.x) + abs(p.y - centre.y)),
               default=centre)


def resolve(action: Action, screen: Screen) -> Action:
    """The same action with every target a point on the screen."""
    if isinstance(action, Swipe):
        _on_screen(action.start, screen)
        _on_screen(action.end, screen)
        return action
    target = getattr(action, "target", None)
    if target is None:
        return action
    return replace(action, target=resolve_target(target, screen))  # type: ignore[type-var]
