"""Gestures shared by every touch device, so that one action means the same finger path on
the virtual phone and on a real one."""

from __future__ import annotations

from devices.actions import Direction, Point


def scroll_swipe(
    direction: Direction, center: Point | None, screen: tuple[int, int]
) -> tuple[Point, Point]:
    """The finger's path for `Scroll(direction)`: content moves into view from `direction`,
    so the finger moves the opposite way, around `center` (default: the screen's middle)."""
    w, h = screen
    cx, cy = (center.x, center.y) if center else (w // 2, h // 2)
    dx, dy = int(w * 0.3), int(h * 0.25)
    dx = min(dx, cx - 1, w - 2 - cx) if 0 < cx < w - 1 else dx
    dy = min(dy, cy - 1, h - 2 - cy) if 0 < cy < h - 1 else dy
    moves = {
        Direction.DOWN: (Point(cx, cy + dy), Point(cx, cy - dy)),
        Direction.UP: (Point(cx, cy - dy), Point(cx, cy + dy)),
        Direction.RIGHT: (Point(cx + dx, cy), Point(cx - dx, cy)),
        Direction.LEFT: (Point(cx - dx, cy), Point(cx + dx, cy)),
    }
    return moves[direction]


def opposite(direction: Direction) -> Direction:
    return _OPPOSITE[direction]


def finger_direction(start: Point, end: Point) -> Direction:
    """The way a finger moved from `start` to `end`, on its main axis (a tie is vertical)."""
    dx, dy = end.x - start.x, end.y - start.y
    if abs(dx) > abs(dy):
        return Direction.LEFT if dx < 0 else Direction.RIGHT
    return Direction.UP if dy < 0 else Direction.DOWN


def swipe_scroll(start: Point, end: Point) -> Direction:
    """The scroll a finger's path makes, the inverse of `scroll_swipe`: a finger moving up
    brings what is below into view."""
    return opposite(finger_direction(start, end))


_OPPOSITE = {Direction.DOWN: Direction.UP, Direction.UP: Direction.DOWN,
             Direction.LEFT: Direction.RIGHT, Direction.RIGHT: Direction.LEFT}
