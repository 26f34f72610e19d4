"""Drawing a frame of windows to an RGB image with Pillow.

Every view is drawn inside exactly its laid-out bounds, so the hierarchy dump and the pixels
agree. Children of a scrollable are drawn on a crop of its viewport and pasted back, which
clips them to it. Colours come from theme tokens (`Style.bg`, `Style.fg`) resolved for the
light or the dark theme. An icon named `char:X` draws the text X as the glyph (key caps).
"""

from __future__ import annotations

import logging
import zlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from devices.virtual import view as v
from devices.virtual.glyphs import Colour, draw_glyph
from devices.virtual.view import Rect, View
from devices.virtual.window import HEIGHT, WIDTH, Window, intersect, is_empty, seek_track

log = logging.getLogger(__name__)

_FONTS = Path(__file__).parent / "fonts"
_SYSTEM_FONTS = Path("/usr/share/fonts/truetype/dejavu")
Font = ImageFont.FreeTypeFont | ImageFont.ImageFont


def _hex(s: str) -> Colour:
    return (int(s[1:3], 16), int(s[3:5], 16), int(s[5:7], 16))


def _palette(**tokens: str) -> dict[str, Colour]:
    return {k: _hex(c) for k, c in tokens.items()}


# Background tokens (Style.bg) and foreground tokens (Style.fg) of the two themes; Material 3.
BG = {
    False: _palette(background="#FEF7FF", surface="#FEF7FF", primary="#6750A4",
                    accent="#7D5260", danger="#B3261E", muted="#E8DEF8", field="#ECE6F0",
                    nav="#F3EDF7", keyboard="#E8EAED", key="#FFFFFF", key_special="#C9CED6",
                    dialog="#ECE6F0", toast="#303030", card="#F3EDF7"),
    True: _palette(background="#141218", surface="#141218", primary="#D0BCFF",
                   accent="#EFB8C8", danger="#F2B8B5", muted="#4A4458", field="#2B2930",
                   nav="#1D1B20", keyboard="#202124", key="#3C4043", key_special="#2D2E31",
                   dialog="#2B2930", toast="#E6E0E9", card="#211F26"),
}
FG = {
    False: _palette(text="#1D1B20", muted="#49454F", on_primary="#FFFFFF", primary="#6750A4",
                    danger="#B3261E", divider="#CAC4D0", toast="#F5F5F5", off="#79747E"),
    True: _palette(text="#E6E0E9", muted="#CAC4D0", on_primary="#381E72", primary="#D0BCFF",
                   danger="#F2B8B5", divider="#49454F", toast="#1D1B20", off="#938F99"),
}
# Launcher icon backgrounds, picked by a stable function of the label.
ICON_COLOURS = [_hex(c) for c in ("#1A73E8", "#188038", "#E37400", "#D93025", "#9334E6",
                                  "#12B5CB", "#E52592", "#5F6368")]


@lru_cache(maxsize=64)
def font(size: int, bold: bool = False) -> Font:
    """DejaVu Sans (shipped with the package), else the system's, else Pillow's own font."""
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    for folder in (_FONTS, _SYSTEM_FONTS):
        try:
            return ImageFont.truetype(str(folder / name), size)
        except OSError:
            continue
    log.warning("DejaVu Sans not found; using Pillow's default font")
    return ImageFont.load_default(size=size)


@dataclass
class Canvas:
    image: Image.Image
    draw: ImageDraw.ImageDraw
    ox: int = 0  # screen x of the image's left edge
    oy: int = 0
    dark: bool = False

    def r(self, rect: Rect) -> list[int]:
        return [rect[0] - self.ox, rect[1] - self.oy, rect[2] - self.ox - 1,
                rect[3] - self.oy - 1]

    def bg(self, token: str) -> Colour:
        return BG[self.dark].get(token, BG[self.dark]["surface"])

    def fg(self, token: str) -> Colour:
        return FG[self.dark].get(token, FG[self.dark]["text"])


def render(windows: list[Window], dark: bool) -> Image.Image:
    """The screen: the theme's background, then each window bottom to top."""
    image = Image.new("RGB", (WIDTH, HEIGHT), BG[dark]["background"])
    canvas = Canvas(image, ImageDraw.Draw(image), dark=dark)
    for window in windows:
        if window.scrim:
            shade = Image.new("L", (WIDTH, HEIGHT), 96 if not dark else 140)
            image.paste((0, 0, 0), (0, 0, WIDTH, HEIGHT), shade)
        draw_view(canvas, window.root, window.root.bounds)
    return image


def draw_view(c: Canvas, view: View, clip: Rect) -> None:
    if is_empty(intersect(view.bounds, clip)):
        return
    _background(c, view)
    _content(c, view)
    if view.style.divider:
        x1, _, x2, y2 = view.bounds
        c.draw.line([x1 - c.ox, y2 - 1 - c.oy, x2 - 1 - c.ox, y2 - 1 - c.oy],
                    fill=c.fg("divider"), width=2)
    if view.scrollable:
        _draw_clipped(c, view, intersect(view.bounds, clip))
    else:
        for child in view.children:
            draw_view(c, child, clip)


def _draw_clipped(c: Canvas, view: View, viewport: Rect) -> None:
    box = (viewport[0] - c.ox, viewport[1] - c.oy, viewport[2] - c.ox, viewport[3] - c.oy)
    crop = c.image.crop(box)
    sub = Canvas(crop, ImageDraw.Draw(crop), viewport[0], viewport[1], c.dark)
    for child in view.children:
        draw_view(sub, child, viewport)
    c.image.paste(crop, box[:2])


def _radius(rect: Rect, radius: int) -> int:
    return max(0, min(radius, (rect[2] - rect[0]) // 2, (rect[3] - rect[1]) // 2))


def _background(c: Canvas, view: View) -> None:
    token = view.style.bg
    if token is None or view.cls == v.SEEKBAR:
        return
    colour = c.bg(token)
    if view.cls == v.BUTTON and not view.enabled:
        colour = c.bg("muted")
    radius = _radius(view.bounds, view.style.radius)
    if radius:
        c.draw.rounded_rectangle(c.r(view.bounds), radius=radius, fill=colour)
    else:
        c.draw.rectangle(c.r(view.bounds), fill=colour)


def _content_box(view: View) -> Rect:
    p = view.padding
    x1, y1, x2, y2 = view.bounds
    return (x1 + p, y1 + p, x2 - p, y2 - p)


def _content(c: Canvas, view: View) -> None:
    if view.paint is not None:
        x1, y1, x2, y2 = view.bounds
        view.paint(c.draw, (x1 - c.ox, y1 - c.oy, x2 - c.ox, y2 - c.oy))
    elif view.cls == v.SWITCH:
        _switch(c, view)
    elif view.cls == v.CHECKBOX:
        _checkbox(c, view)
    elif view.cls == v.SEEKBAR:
        _seekbar(c, view)
    elif view.editable or view.cls == v.EDIT:
        _edit(c, view)
    elif view.style.icon and view.text and view.style.align == "center":
        _tile(c, view)
    elif view.style.icon and view.text:
        _icon_text(c, view)
    elif view.style.icon:
        _icon(c, view, _content_box(view))
    elif view.text:
        colour = c.fg("muted") if not view.enabled else c.fg(view.style.fg)
        text_in(c, view.text, _content_box(view), view.style.size, view.style.bold, colour,
                view.style.align)


def _fg(c: Canvas, view: View) -> Colour:
    if view.style.fg == "text" and view.style.bg in ("primary", "danger"):
        return c.fg("on_primary")
    return c.fg(view.style.fg)


def _behind(c: Canvas, view: View) -> Colour:
    return c.bg(view.style.bg) if view.style.bg else c.bg("background")


def _icon(c: Canvas, view: View, box: Rect, scale: float = 0.5) -> None:
    x1, y1, x2, y2 = box
    side = int(min(x2 - x1, y2 - y1) * scale)
    cx, cy = (x1 + x2) // 2 - c.ox, (y1 + y2) // 2 - c.oy
    square = (cx - side // 2, cy - side // 2, cx + side // 2, cy + side // 2)
    name = view.style.icon or "app"
    if name.startswith("char:"):
        text_in(c, name[5:], (x1, y1, x2, y2), view.style.size, view.style.bold, _fg(c, view),
                "center")
        return
    draw_glyph(c.draw, name, square, _fg(c, view), _behind(c, view))


def _tile(c: Canvas, view: View) -> None:
    """A launcher icon: a coloured disc with the glyph, the label under it."""
    x1, y1, x2, y2 = view.bounds
    d = min(x2 - x1 - 40, (y2 - y1) * 3 // 5, 168)
    cx, top = (x1 + x2) // 2, y1 + (y2 - y1 - d - view.style.size * 2) // 2
    disc = (cx - d // 2, top, cx + d // 2, top + d)
    colour = ICON_COLOURS[zlib.crc32(view.text.encode()) % len(ICON_COLOURS)]
    c.draw.ellipse(c.r(disc), fill=colour)
    inner = d * 27 // 100
    glyph_box = (cx - inner - c.ox, top + d // 2 - inner - c.oy, cx + inner - c.ox,
                 top + d // 2 + inner - c.oy)
    draw_glyph(c.draw, view.style.icon or "app", glyph_box, (255, 255, 255), colour)
    label_box = (x1 + 4, top + d + 12, x2 - 4, top + d + 12 + view.style.size * 3 // 2)
    text_in(c, view.text, label_box, view.style.size, view.style.bold, c.fg(view.style.fg),
            "center")


def _icon_text(c: Canvas, view: View) -> None:
    x1, y1, x2, y2 = _content_box(view)
    side = min(y2 - y1, view.style.size * 2)
    _icon(c, view, (x1, y1, x1 + side, y2), scale=0.8)
    text_in(c, view.text, (x1 + side + 16, y1, x2, y2), view.style.size, view.style.bold,
            _fg(c, view), "left")


def _switch(c: Canvas, view: View) -> None:
    _, y1, x2, y2 = view.bounds
    cy = (y1 + y2) // 2
    tw, th = 132, 80
    track = (x2 - tw - 12, cy - th // 2, x2 - 12, cy + th // 2)
    if view.checked:
        c.draw.rounded_rectangle(c.r(track), radius=th // 2, fill=c.fg("primary"))
        knob, r, colour = track[2] - th // 2, 30, c.fg("on_primary")
    else:
        c.draw.rounded_rectangle(c.r(track), radius=th // 2, fill=c.bg("field"),
                                 outline=c.fg("off"), width=5)
        knob, r, colour = track[0] + th // 2, 20, c.fg("off")
    c.draw.ellipse([knob - r - c.ox, cy - r - c.oy, knob + r - c.ox, cy + r - c.oy],
                   fill=colour)


def _checkbox(c: Canvas, view: View) -> None:
    x1, y1, x2, y2 = view.bounds
    cy, s = (y1 + y2) // 2, 54
    box = (x1 + 24, cy - s // 2, x1 + 24 + s, cy + s // 2)
    if view.checked:
        c.draw.rounded_rectangle(c.r(box), radius=8, fill=c.fg("primary"))
        draw_glyph(c.draw, "check", tuple(c.r(box)), c.fg("on_primary"), c.fg("primary"))
    else:
        c.draw.rounded_rectangle(c.r(box), radius=8, outline=c.fg("muted"), width=5)
    text_in(c, view.text, (box[2] + 36, y1, x2, y2), view.style.size, view.style.bold,
            c.fg(view.style.fg), "left")


def _seekbar(c: Canvas, view: View) -> None:
    _, y1, _, y2 = view.bounds
    left, right = seek_track(view.bounds)
    cy = (y1 + y2) // 2
    at = left + round((right - left) * min(1.0, max(0.0, view.progress or 0.0)))
    c.draw.rounded_rectangle([left - c.ox, cy - 8 - c.oy, right - c.ox, cy + 8 - c.oy],
                             radius=8, fill=c.bg("muted"))
    c.draw.rounded_rectangle([left - c.ox, cy - 8 - c.oy, at - c.ox, cy + 8 - c.oy],
                             radius=8, fill=c.fg("primary"))
    c.draw.ellipse([at - 28 - c.ox, cy - 28 - c.oy, at + 28 - c.ox, cy + 28 - c.oy],
                   fill=c.fg("primary"))


def _edit(c: Canvas, view: View) -> None:
    x1, y1, x2, y2 = view.bounds
    line = c.fg("primary") if view.focused else c.fg("muted")
    width = 6 if view.focused else 3
    c.draw.rectangle([x1 - c.ox, y2 - width - c.oy, x2 - 1 - c.ox, y2 - 1 - c.oy], fill=line)
    box = (x1 + 36, y1 + 6, x2 - 36, y2 - 6)
    shown = "•" * len(view.text) if view.password else view.text
    size = view.style.size
    cy = (y1 + y2) // 2
    if shown:
        end = text_in(c, shown, box, size, False, c.fg("text"), "left", wrap=view.multiline)
        if view.multiline:  # the caret sits on the last line
            lines, top, line_h = text_lines(shown, box, size, False, wrap=True)
            cy = top + line_h * (len(lines) - 1) + line_h // 2
    else:
        text_in(c, view.hint, box, size, False, c.fg("muted"), "left", wrap=False)
        end = box[0]
    if view.focused:
        x = min(end + 3, x2 - 30)
        c.draw.rectangle([x - c.ox, cy - size * 3 // 5 - c.oy, x + 3 - c.ox,
                          cy + size * 3 // 5 - c.oy], fill=c.fg("primary"))


def _ellipsize(text: str, f: Font, width: int) -> str:
    if f.getlength(text) <= width:
        return text
    lo, hi = 0, len(text)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if f.getlength(text[:mid] + "…") <= width:
            lo = mid
        else:
            hi = mid - 1
    return text[:lo].rstrip() + "…"


def _wrap(text: str, f: Font, width: int, max_lines: int) -> list[str]:
    lines: list[str] = []
    for paragraph in text.split("\n"):
        current = ""
        for word in paragraph.split(" "):
            candidate = f"{current} {word}" if current else word
            if f.getlength(candidate) <= width or not current:
                current = candidate
            else:
                lines.append(current)
                current = word
        lines.append(current)
    if len(lines) > max_lines:
        lines = [*lines[: max_lines - 1], " ".join(lines[max_lines - 1:])]
    return [_ellipsize(line, f, width) for line in lines]


def text_lines(text: str, box: Rect, size: int, bold: bool,
               wrap: bool = True) -> tuple[list[str], int, int]:
    """The lines `text_in` draws in `box`, the screen y of the first one's top, and the
    line height (px)."""
    x1, y1, x2, y2 = box
    f = font(size, bold)
    line_h = int(size * 1.25)
    max_lines = max(1, (y2 - y1) // line_h) if wrap else 1
    lines = _wrap(text, f, x2 - x1, max_lines) if max_lines > 1 or "\n" in text else [
        _ellipsize(text.replace("\n", " "), f, x2 - x1)]
    lines = lines[:max_lines]
    return lines, (y1 + y2) // 2 - line_h * len(lines) // 2, line_h


def text_in(c: Canvas, text: str, box: Rect, size: int, bold: bool, colour: Colour,
            align: str, wrap: bool = True) -> int:
    """Draw `text` in `box`, vertically centred, wrapped to the lines that fit, ellipsized.
    Returns the screen x where the (last line of) text ends."""
    x1, y1, x2, y2 = box
    if x2 <= x1 or y2 <= y1 or not text:
        return x1
    f = font(size, bold)
    lines, top, line_h = text_lines(text, box, size, bold, wrap)
    end = x1
    for i, line in enumerate(lines):
        w = int(f.getlength(line))
        x = x1 + (x2 - x1 - w) // 2 if align == "center" else x1
        cy = top + line_h * i + line_h // 2
        c.draw.text((x - c.ox, cy - c.oy), line, font=f, fill=colour, anchor="lm")
        end = x + w
    return end
