"""Our device pixels (x, y, origin top-left) in the frames other datasets use. Each
conversion is one named function, so that a (y, x) never passes for an (x, y) unnoticed:

- AitW: (y, x), each a fraction 0-1 of the screen's height and width; element boxes
  (y, x, height, width) as fractions.
- GUI-Odyssey: (x, y) in thousandths of the screen's width and height (0-1000); boxes
  [x1, y1, x2, y2] in thousandths.
- AndroidControl: (x, y) in the screenshot's pixels, as we store them.
"""

from __future__ import annotations

from devices.actions import Point
from perception.elements import Bounds

Size = tuple[int, int]  # (width, height) in px
DIGITS = 4  # decimals kept of a 0-1 fraction: 0.1 px on a 1000 px screen


def unit_yx(point: Point, size: Size) -> list[float]:
    """AitW's [y, x], fractions of the height and width."""
    w, h = size
    return [round(point.y / h, DIGITS), round(point.x / w, DIGITS)]


def unit_box_yxhw(box: Bounds, size: Size) -> list[float]:
    """AitW's element box [y, x, height, width], fractions of the screen."""
    w, h = size
    return [round(box.top / h, DIGITS), round(box.left / w, DIGITS),
            round(box.height / h, DIGITS), round(box.width / w, DIGITS)]


def thousandths_xy(point: Point, size: Size) -> list[int]:
    """GUI-Odyssey's [x, y] in 0-1000."""
    w, h = size
    return [_thousandths(point.x, w), _thousandths(point.y, h)]


def thousandths_box(box: Bounds, size: Size) -> list[int]:
    """GUI-Odyssey's [x1, y1, x2, y2] in 0-1000."""
    w, h = size
    return [_thousandths(box.left, w), _thousandths(box.top, h),
            _thousandths(box.right, w), _thousandths(box.bottom, h)]


def _thousandths(value: int, side: int) -> int:
    return min(1000, max(0, round(value * 1000 / side)))
