"""Images for a model: the set-of-mark screenshot (numbered boxes) and downscaling."""

from __future__ import annotations

from dataclasses import replace

from PIL import Image, ImageDraw, ImageFont

from perception.elements import Bounds, Screen, UIElement

_COLOURS = ((230, 25, 75), (60, 140, 60), (0, 90, 200), (245, 130, 48), (145, 30, 180),
            (0, 150, 150), (200, 0, 120), (120, 90, 0))
_BLANK = (255, 255, 255)


def downscale(image: Image.Image, max_side: int = 1024) -> Image.Image:
    """The image with its longer side at most `max_side` px, aspect kept; as is when smaller."""
    if max_side <= 0:
        raise ValueError(f"max_side must be positive, got {max_side}")
    w, h = image.size
    scale = max_side / max(w, h)
    if scale >= 1:
        return image
    size = (max(1, round(w * scale)), max(1, round(h * scale)))
    return image.resize(size, Image.Resampling.LANCZOS)


def _font(screen_width: int) -> ImageFont.ImageFont | ImageFont.FreeTypeFont:
    return ImageFont.load_default(size=max(12, screen_width // 45))


def _mark(draw: ImageDraw.ImageDraw, e: UIElement, font: ImageFont.ImageFont |
          ImageFont.FreeTypeFont, line: int) -> None:
    colour = _COLOURS[e.id % len(_COLOURS)]
    x1, y1, x2, y2 = e.bounds.as_list()
    draw.rectangle((x1, y1, max(x1, x2 - 1), max(y1, y2 - 1)), outline=colour, width=line)
    tag = str(e.id)
    left, top, right, bottom = draw.textbbox((x1, y1), tag, font=font)
    pad = max(2, line)
    box = (x1, y1, x1 + right - left + 2 * pad, y1 + bottom - top + 2 * pad)
    draw.rectangle(box, fill=colour)
    draw.text((x1 + pad - (left - x1), y1 + pad - (top - y1)), tag, fill=(255, 255, 255),
              font=font)


def render_som(screen: Screen, image: Image.Image | None = None) -> Image.Image:
    """A copy of the screenshot (or a blank screen) with each element boxed and numbered."""
    base = image if image is not None else screen.screenshot
    if base is None:
        canvas = Image.new("RGB", (max(1, screen.width), max(1, screen.height)), _BLANK)
    else:
        canvas = base.convert("RGB")  # always a copy
    sx = canvas.width / screen.width if screen.width else 1.0
    sy = canvas.height / screen.height if screen.height else 1.0
    draw = ImageDraw.Draw(canvas)
    font = _font(canvas.width)
    line = max(2, canvas.width // 360)
    for e in screen.elements:
        if sx != 1.0 or sy != 1.0:
            e = _scaled(e, sx, sy)
        _mark(draw, e, font, line)
    return canvas


def _scaled(e: UIElement, sx: float, sy: float) -> UIElement:
    b = e.bounds
    return replace(e, bounds=Bounds(round(b.left * sx), round(b.top * sy),
                                    round(b.right * sx), round(b.bottom * sy)))
