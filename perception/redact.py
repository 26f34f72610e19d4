"""Painting over what must never be stored: password fields, before a screenshot is written.

A screenshot of a login page keeps the password's length, and on phones that show each
typed character for a moment (or a "show password" toggle) the password itself. The
recorder paints every element perception marks `password` with a solid box before the PNG
reaches the disk; the screen the planner saw is left as it was.
"""

from __future__ import annotations

from PIL import Image, ImageDraw

from perception.elements import Screen

MASK_COLOUR = (128, 128, 128)  # a flat grey: plainly painted over, not a rendering glitch


def password_boxes(screen: Screen) -> list[tuple[int, int, int, int]]:
    """The bounds of the screen's password elements, in device pixels."""
    return [tuple(e.bounds.as_list()) for e in screen.elements  # type: ignore[misc]
            if e.password and e.bounds.area > 0]


def mask_passwords(image: Image.Image, screen: Screen) -> Image.Image:
    """A copy of `image` with every password element of `screen` painted over (the image
    itself when there is none). Bounds are scaled when the image is not at device size."""
    boxes = password_boxes(screen)
    if not boxes:
        return image
    sx = image.width / max(1, screen.width)
    sy = image.height / max(1, screen.height)
    masked = image.convert("RGB")  # always a new image
    draw = ImageDraw.Draw(masked)
    for left, top, right, bottom in boxes:
        draw.rectangle((int(left * sx), int(top * sy), int(right * sx) - 1,
                        int(bottom * sy) - 1), fill=MASK_COLOUR)
    return masked
