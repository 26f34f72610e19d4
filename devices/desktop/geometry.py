"""Three frames of desktop coordinates, and the named conversions between them.

- *device pixels*: pixels of the screenshot the agent sees, origin at its top-left. Every
  `Point` an action carries, and every element bound, is in this frame.
- *input units*: what the pointer library takes (pyautogui, xdotool) and what the capture
  library (mss) reports for monitor rectangles; origin at the top-left of the whole virtual
  desktop. On X11 these are X pixels; on macOS they are points (a Retina screenshot has two
  pixels per point); on Windows, physical pixels for a DPI-aware process.
- *toolkit units*: the extents an application reports over AT-SPI. GTK 3 reports logical
  pixels: with `GDK_SCALE=2` a 506x402 X window says it is 253x201 at half its position.
  The desktop driver measures each window's factor against the X window
  (`devices.desktop.xwindows`) and stores it with the tree.

The capture region is one monitor (or all of them): its rectangle in input units is where
device pixel (0, 0) lies, which is how a second monitor's offset (negative, or right of the
first) is handled. `capture_scale` is screenshot pixels per input unit (2.0 on a Retina Mac).
"""

from __future__ import annotations

from dataclasses import dataclass

from devices.actions import Point


@dataclass(frozen=True)
class Region:
    """A rectangle in input units (virtual-desktop coordinates)."""

    left: int
    top: int
    width: int
    height: int


@dataclass(frozen=True)
class Frame:
    """Where the device's pixels lie on the virtual desktop."""

    region: Region  # the captured monitor, input units
    capture_scale: float = 1.0  # screenshot pixels per input unit

    @property
    def size(self) -> tuple[int, int]:
        """The device's size in pixels."""
        s = self.capture_scale
        return round(self.region.width * s), round(self.region.height * s)

    def to_input(self, point: Point) -> tuple[int, int]:
        """A device pixel -> input units, for the pointer."""
        s = self.capture_scale
        return self.region.left + round(point.x / s), self.region.top + round(point.y / s)

    def contains(self, point: Point) -> bool:
        w, h = self.size
        return 0 <= point.x < w and 0 <= point.y < h


def toolkit_to_device(extents: list[float], window_scale: float, frame: Frame) -> list[int]:
    """AT-SPI extents [x, y, w, h] in a window's toolkit units -> device pixels
    [left, top, right, bottom]."""
    x, y, w, h = (v * window_scale for v in extents)
    s, r = frame.capture_scale, frame.region
    left, top = round((x - r.left) * s), round((y - r.top) * s)
    return [left, top, left + round(w * s), top + round(h * s)]


def capture_scale(image_size: tuple[int, int], region: Region) -> float:
    """Screenshot pixels per input unit, measured on a real capture (1.0, 1.25, 2.0 ...)."""
    if region.width <= 0:
        return 1.0
    return round(image_size[0] / region.width, 3)
