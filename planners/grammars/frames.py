"""Coordinate frames that models speak, and their named conversions to device pixels.

Every conversion returns a `Point` in device pixels (origin top-left) or raises
`OffScreen` when the model's numbers fall outside the frame it was told to use. A value
equal to the frame's extent (x == 1000 in the 0-1000 frame, x == width in a pixel frame)
is the far edge and is kept on screen; anything beyond is rejected, never clamped.

    from_normalized_1000   UI-TARS v1, many grounding models: 0-1000 on both axes
    from_resized_pixels    Qwen2-VL / Qwen2.5-VL / UI-TARS-1.5: pixels of the image as the
                           model saw it after `smart_resize`
    from_fraction          0-1 on both axes
    from_aitw_yx           Android-in-the-Wild: (y, x) as fractions of the screen
    smart_resize           the Qwen2-VL image processor's resize rule, exactly
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import StrEnum

from devices.actions import Point

QWEN_FACTOR = 28  # patch 14 x merge 2: resized sides are multiples of this
QWEN_MIN_PIXELS = 56 * 56  # 3136: the Qwen2-VL / 2.5-VL / UI-TARS-1.5 preprocessor configs
QWEN_MAX_PIXELS = 16384 * 28 * 28  # 12845056: same configs (transformers' class default is lower)
MAX_ASPECT = 200  # the processor refuses more elongated images


class OffScreen(ValueError):
    """The model's coordinates lie outside the frame (often: the wrong frame was used)."""


def smart_resize(
    height: int,
    width: int,
    factor: int = QWEN_FACTOR,
    min_pixels: int = QWEN_MIN_PIXELS,
    max_pixels: int = QWEN_MAX_PIXELS,
) -> tuple[int, int]:
    """(height, width) after Qwen2-VL's resize: sides multiple of `factor`, area within
    [min_pixels, max_pixels], aspect ratio kept as closely as possible."""
    if height <= 0 or width <= 0:
        raise ValueError(f"image size must be positive, got {width}x{height}")
    if max(height, width) / min(height, width) > MAX_ASPECT:
        raise ValueError(f"aspect ratio over {MAX_ASPECT}: {width}x{height}")
    h_bar = round(height / factor) * factor
    w_bar = round(width / factor) * factor
    if h_bar * w_bar > max_pixels:
        beta = math.sqrt((height * width) / max_pixels)
        h_bar = max(factor, math.floor(height / beta / factor) * factor)
        w_bar = max(factor, math.floor(width / beta / factor) * factor)
    elif h_bar * w_bar < min_pixels:
        beta = math.sqrt(min_pixels / (height * width))
        h_bar = math.ceil(height * beta / factor) * factor
        w_bar = math.ceil(width * beta / factor) * factor
    return h_bar, w_bar


def _scale(value: float, extent: float, size: int, axis: str) -> int:
    if not math.isfinite(value) or value < 0 or value > extent:
        raise OffScreen(f"{axis}={value:g} is outside 0..{extent:g}")
    return min(size - 1, round(value * size / extent))


def _checked_size(width: int, height: int) -> None:
    if width <= 0 or height <= 0:
        raise ValueError(f"screen size must be positive, got {width}x{height}")


def from_normalized_1000(x: float, y: float, width: int, height: int) -> Point:
    """(x, y) in 0..1000 on both axes -> device pixels of a `width` x `height` screen."""
    _checked_size(width, height)
    return Point(_scale(x, 1000, width, "x"), _scale(y, 1000, height, "y"))


def from_fraction(x: float, y: float, width: int, height: int) -> Point:
    """(x, y) in 0..1 on both axes -> device pixels."""
    _checked_size(width, height)
    return Point(_scale(x, 1, width, "x"), _scale(y, 1, height, "y"))


def from_aitw_yx(y: float, x: float, width: int, height: int) -> Point:
    """Android-in-the-Wild's touch point: (y, x) fractions, y first -> device pixels."""
    return from_fraction(x, y, width, height)


def from_resized_pixels(
    x: float, y: float, resized_wh: tuple[int, int], device_wh: tuple[int, int]
) -> Point:
    """(x, y) in pixels of the image as the model saw it (`resized_wh`) -> device pixels."""
    rw, rh = resized_wh
    dw, dh = device_wh
    _checked_size(rw, rh)
    _checked_size(dw, dh)
    return Point(_scale(x, rw, dw, "x"), _scale(y, rh, dh, "y"))


class FrameKind(StrEnum):
    PIXELS = "pixels"  # device pixels as they are
    NORMALIZED_1000 = "normalized_1000"
    RESIZED = "resized"  # pixels of the (smart-)resized image the model saw
    FRACTION = "fraction"


@dataclass(frozen=True)
class Frame:
    """How to read one reply's coordinates: the frame kind, the device size and, for
    `RESIZED`, the size of the image the model saw (width, height)."""

    kind: FrameKind
    device_wh: tuple[int, int]
    image_wh: tuple[int, int] | None = None

    def to_device(self, x: float, y: float) -> Point:
        w, h = self.device_wh
        match self.kind:
            case FrameKind.PIXELS:
                return from_resized_pixels(x, y, (w, h), (w, h))
            case FrameKind.NORMALIZED_1000:
                return from_normalized_1000(x, y, w, h)
            case FrameKind.FRACTION:
                return from_fraction(x, y, w, h)
            case FrameKind.RESIZED:
                if self.image_wh is None:
                    raise ValueError("a resized frame needs the image size")
                return from_resized_pixels(x, y, self.image_wh, (w, h))
        raise ValueError(f"unknown frame {self.kind!r}")

    def extent(self) -> tuple[int, int]:
        """(width, height) of the frame as the model sees it: 1000x1000 for 0-1000, the
        resized image for resized pixels, the device for device pixels (1x1 for fractions)."""
        match self.kind:
            case FrameKind.NORMALIZED_1000:
                return 1000, 1000
            case FrameKind.FRACTION:
                return 1, 1
            case FrameKind.RESIZED if self.image_wh is not None:
                return self.image_wh
        return self.device_wh

    def from_device(self, point: Point) -> tuple[float, float]:
        """A device-pixel point in this frame (the inverse of `to_device`, to the frame's
        precision): how the model would write it."""
        (dw, dh), (fw, fh) = self.device_wh, self.extent()
        x, y = point.x * fw / dw, point.y * fh / dh
        if self.kind is FrameKind.FRACTION:
            return round(x, 3), round(y, 3)
        return round(x), round(y)

    def describe(self) -> str:
        """The frame in words, for the prompt."""
        if self.kind is FrameKind.NORMALIZED_1000:
            return "coordinates are normalized to 0-1000 on both axes"
        if self.kind is FrameKind.FRACTION:
            return "coordinates are fractions 0-1 of the width and height"
        w, h = self.image_wh if self.kind is FrameKind.RESIZED and self.image_wh else self.device_wh
        return f"coordinates are pixels of the {w}x{h} screenshot, origin top-left"
