"""Icons drawn as simple vector glyphs on a 24-unit grid (like Material icons), scaled to a box.

`draw_glyph(draw, name, box, colour)` draws the named icon centred in `box`; unknown names
get a neutral rounded square so that every icon-only view still shows something.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from PIL import ImageDraw

from devices.virtual.view import Rect

Colour = tuple[int, int, int]


class _Pen:
    """Maps the 24-unit icon grid onto a square of pixels."""

    def __init__(self, draw: ImageDraw.ImageDraw, box: Rect, colour: Colour,
                 background: Colour) -> None:
        side = min(box[2] - box[0], box[3] - box[1])
        self.x0 = box[0] + (box[2] - box[0] - side) / 2
        self.y0 = box[1] + (box[3] - box[1] - side) / 2
        self.k = side / 24
        self.d, self.c, self.bg = draw, colour, background
        self.w = max(2, round(2 * self.k))  # stroke width

    def p(self, x: float, y: float) -> tuple[float, float]:
        return (self.x0 + x * self.k, self.y0 + y * self.k)

    def box(self, x1: float, y1: float, x2: float, y2: float) -> list[float]:
        return [*self.p(x1, y1), *self.p(x2, y2)]

    def line(self, *pts: tuple[float, float]) -> None:
        self.d.line([self.p(*q) for q in pts], fill=self.c, width=self.w, joint="curve")

    def poly(self, *pts: tuple[float, float]) -> None:
        self.d.polygon([self.p(*q) for q in pts], fill=self.c)

    def circle(self, cx: float, cy: float, r: float, fill: bool = True) -> None:
        b = self.box(cx - r, cy - r, cx + r, cy + r)
        if fill:
            self.d.ellipse(b, fill=self.c)
        else:
            self.d.ellipse(b, outline=self.c, width=self.w)

    def rect(self, x1: float, y1: float, x2: float, y2: float, fill: bool = True,
             r: float = 1) -> None:
        b = self.box(x1, y1, x2, y2)
        if fill:
            self.d.rounded_rectangle(b, radius=r * self.k, fill=self.c)
        else:
            self.d.rounded_rectangle(b, radius=r * self.k, outline=self.c, width=self.w)

    def arc(self, cx: float, cy: float, r: float, start: float, end: float) -> None:
        self.d.arc(self.box(cx - r, cy - r, cx + r, cy + r), start, end, fill=self.c,
                   width=self.w)


def _back(p: _Pen) -> None:
    p.line((20, 12), (4.5, 12))
    p.line((11, 5), (4, 12), (11, 19))


def _forward(p: _Pen) -> None:
    p.line((9, 5), (16, 12), (9, 19))


def _search(p: _Pen) -> None:
    p.circle(10, 10, 6, fill=False)
    p.line((14.5, 14.5), (20, 20))


def _add(p: _Pen) -> None:
    p.line((12, 4), (12, 20))
    p.line((4, 12), (20, 12))


def _close(p: _Pen) -> None:
    p.line((6, 6), (18, 18))
    p.line((18, 6), (6, 18))


def _check(p: _Pen) -> None:
    p.line((5, 12.5), (10, 17.5), (19, 7))


def _wifi(p: _Pen) -> None:
    p.d.pieslice(p.box(-4, 3, 28, 35), 225, 315, fill=p.c)


def _bluetooth(p: _Pen) -> None:
    p.line((7, 7.5), (17, 16.5), (12, 21), (12, 3), (17, 7.5), (7, 16.5))


def _airplane(p: _Pen) -> None:
    p.poly((11, 2), (13, 2), (13.5, 9), (22, 14), (22, 16), (13.5, 13.5), (13, 19), (16, 21),
           (16, 22.5), (12, 21.5), (8, 22.5), (8, 21), (11, 19), (10.5, 13.5), (2, 16),
           (2, 14), (10.5, 9))


def _moon(p: _Pen) -> None:
    p.circle(12, 12, 9)
    p.d.ellipse(p.box(10, 0, 25, 15), fill=p.bg)


def _sun(p: _Pen) -> None:
    p.circle(12, 12, 4.5)
    for i in range(8):
        a = i * math.pi / 4
        p.line((12 + 7 * math.cos(a), 12 + 7 * math.sin(a)),
               (12 + 10 * math.cos(a), 12 + 10 * math.sin(a)))


def _trash(p: _Pen) -> None:
    p.rect(6, 8, 18, 21, fill=False)
    p.line((4, 6), (20, 6))
    p.line((10, 3.5), (14, 3.5))
    p.line((10, 11), (10, 18))
    p.line((14, 11), (14, 18))


def _cart(p: _Pen) -> None:
    p.line((2, 3), (5, 3), (7.5, 15), (18.5, 15), (21, 6), (6, 6))
    p.circle(9, 19.5, 1.8)
    p.circle(17, 19.5, 1.8)


def _gear(p: _Pen) -> None:
    for i in range(8):
        a = i * math.pi / 4
        p.line((12 + 6 * math.cos(a), 12 + 6 * math.sin(a)),
               (12 + 9.5 * math.cos(a), 12 + 9.5 * math.sin(a)))
    p.circle(12, 12, 6.5, fill=False)
    p.circle(12, 12, 2.5, fill=False)


def _phone(p: _Pen) -> None:
    p.poly((5, 3), (9, 3), (10.5, 8), (8, 10), (14, 16), (16, 13.5), (21, 15), (21, 19),
           (19, 21), (14, 20), (8, 16), (4, 10), (3, 5))


def _message(p: _Pen) -> None:
    p.rect(3, 3, 21, 17, r=2)
    p.poly((6, 16), (11, 16), (6, 21))


def _send(p: _Pen) -> None:
    p.poly((3, 3), (22, 12), (3, 21), (3, 14), (15, 12), (3, 10))


def _clock(p: _Pen) -> None:
    p.circle(12, 12, 9, fill=False)
    p.line((12, 6.5), (12, 12), (16, 14))


def _note(p: _Pen) -> None:
    p.rect(5, 2.5, 19, 21.5, fill=False)
    for y in (8, 12, 16):
        p.line((8.5, y), (15.5, y))


def _edit(p: _Pen) -> None:
    p.line((4, 20), (5, 15.5), (16, 4.5), (19.5, 8), (8.5, 19), (4, 20))


def _person(p: _Pen) -> None:
    p.circle(12, 8, 4)
    p.d.pieslice(p.box(4, 14, 20, 30), 180, 360, fill=p.c)


def _game(p: _Pen) -> None:
    p.rect(2, 7, 22, 18, r=5)
    fg = p.bg
    p.d.line([p.p(5.5, 12.5), p.p(9.5, 12.5)], fill=fg, width=p.w)
    p.d.line([p.p(7.5, 10.5), p.p(7.5, 14.5)], fill=fg, width=p.w)
    p.d.ellipse(p.box(15, 9.5, 17, 11.5), fill=fg)
    p.d.ellipse(p.box(17, 12.5, 19, 14.5), fill=fg)


def _home(p: _Pen) -> None:
    p.line((4, 11), (12, 4), (20, 11))
    p.line((6, 9.5), (6, 20), (18, 20), (18, 9.5))


def _menu(p: _Pen) -> None:
    for y in (6, 12, 18):
        p.line((4, y), (20, y))


def _more(p: _Pen) -> None:
    for y in (5, 12, 19):
        p.circle(12, y, 1.8)


def _star(p: _Pen) -> None:
    pts = []
    for i in range(10):
        a = -math.pi / 2 + i * math.pi / 5
        r = 10 if i % 2 == 0 else 4.2
        pts.append((12 + r * math.cos(a), 12.5 + r * math.sin(a)))
    p.poly(*pts)


def _lock(p: _Pen) -> None:
    p.rect(5, 10, 19, 21)
    p.arc(12, 10, 4.5, 180, 360)
    p.line((7.5, 10), (7.5, 9.5))
    p.line((16.5, 10), (16.5, 9.5))


def _info(p: _Pen) -> None:
    p.circle(12, 12, 9, fill=False)
    p.line((12, 11), (12, 17))
    p.circle(12, 7.5, 1.2)


def _battery(p: _Pen) -> None:
    p.rect(7, 4, 17, 22, fill=False, r=1.5)
    p.rect(10, 2, 14, 4, r=0.5)


def _bell(p: _Pen) -> None:
    p.d.pieslice(p.box(5, 4, 19, 18), 180, 360, fill=p.c)
    p.rect(5, 11, 19, 17, r=0)
    p.line((3.5, 17.5), (20.5, 17.5))
    p.circle(12, 20, 2)


def _spinner(p: _Pen) -> None:
    """An indeterminate progress ring, caught mid-turn."""
    p.w = max(2, round(2.5 * p.k))
    p.arc(12, 12, 9, -90, 200)


def _location(p: _Pen) -> None:
    p.circle(12, 9, 6.5, fill=False)
    p.line((7, 13), (12, 21), (17, 13))
    p.circle(12, 9, 2)


def _apps(p: _Pen) -> None:
    for x in (5, 12, 19):
        for y in (5, 12, 19):
            p.circle(x, y, 2)


def _display(p: _Pen) -> None:
    p.rect(3, 4, 21, 17, fill=False)
    p.line((9, 20.5), (15, 20.5))
    p.line((12, 17), (12, 20.5))


def _sound(p: _Pen) -> None:
    p.poly((3, 9), (7, 9), (12, 4), (12, 20), (7, 15), (3, 15))
    p.arc(12, 12, 4.5, -50, 50)
    p.arc(12, 12, 8.5, -50, 50)


def _storage(p: _Pen) -> None:
    for y in (3.5, 10, 16.5):
        p.rect(3, y, 21, y + 4.5, fill=False, r=0.5)


def _shield(p: _Pen) -> None:
    p.line((12, 2.5), (20, 6), (20, 12), (12, 21.5), (4, 12), (4, 6), (12, 2.5))


def _eye(p: _Pen) -> None:
    p.d.ellipse(p.box(2, 6, 22, 18), outline=p.c, width=p.w)
    p.circle(12, 12, 3)


def _accessibility(p: _Pen) -> None:
    p.circle(12, 4, 2)
    p.line((4, 8), (12, 9.5), (20, 8))
    p.line((12, 9.5), (12, 14), (8, 21))
    p.line((12, 14), (16, 21))


def _square(p: _Pen) -> None:
    p.rect(5, 5, 19, 19, fill=False, r=2.5)


def _circle(p: _Pen) -> None:
    p.circle(12, 12, 8, fill=False)


def _triangle_back(p: _Pen) -> None:
    p.line((17, 4.5), (5.5, 12), (17, 19.5), (17, 4.5))


def _calendar(p: _Pen) -> None:
    p.rect(3, 5, 21, 21, fill=False, r=1.5)
    p.line((3, 10), (21, 10))
    p.line((8, 2.5), (8, 6))
    p.line((16, 2.5), (16, 6))


def _mic(p: _Pen) -> None:
    p.rect(9, 2.5, 15, 14, r=3)
    p.arc(12, 10, 6.5, 0, 180)
    p.line((12, 16.5), (12, 21))


def _backspace(p: _Pen) -> None:
    p.line((8, 5), (21, 5), (21, 19), (8, 19), (2.5, 12), (8, 5))
    p.line((11, 9), (17, 15))
    p.line((17, 9), (11, 15))


def _shift(p: _Pen) -> None:
    p.line((12, 3.5), (21, 12.5), (16, 12.5), (16, 20), (8, 20), (8, 12.5), (3, 12.5),
           (12, 3.5))


def _enter(p: _Pen) -> None:
    p.line((19, 5), (19, 14), (5, 14))
    p.line((9.5, 9.5), (5, 14), (9.5, 18.5))


def _email(p: _Pen) -> None:
    p.rect(2.5, 5, 21.5, 19, fill=False, r=1.5)
    p.line((3, 6), (12, 13), (21, 6))


def _timer(p: _Pen) -> None:
    p.line((6, 3), (18, 3))
    p.line((6, 21), (18, 21))
    p.line((7, 3), (7, 7), (12, 12), (7, 17), (7, 21))
    p.line((17, 3), (17, 7), (12, 12), (17, 17), (17, 21))


def _stopwatch(p: _Pen) -> None:
    p.circle(12, 13.5, 8, fill=False)
    p.line((10, 2.5), (14, 2.5))
    p.line((12, 13.5), (12, 9))


def _minus(p: _Pen) -> None:
    p.line((5, 12), (19, 12))


def _heart(p: _Pen) -> None:
    p.circle(8, 9, 4.5)
    p.circle(16, 9, 4.5)
    p.poly((3.8, 10.8), (12, 20.5), (20.2, 10.8), (12, 9))


def _play(p: _Pen) -> None:
    p.poly((7, 4), (19, 12), (7, 20))


def _pause(p: _Pen) -> None:
    p.rect(6, 5, 10, 19, r=0.5)
    p.rect(14, 5, 18, 19, r=0.5)


def _refresh(p: _Pen) -> None:
    p.arc(12, 12, 7.5, 45, 360)
    p.poly((19.5, 4), (19.5, 10.5), (13, 10.5))


def _share(p: _Pen) -> None:
    p.line((17, 5.5), (7, 12), (17, 18.5))
    for x, y in ((18, 5), (6, 12), (18, 19)):
        p.circle(x, y, 2.8)


def _app(p: _Pen) -> None:
    p.rect(4, 4, 20, 20, fill=False, r=4)


GLYPHS: dict[str, Callable[[_Pen], None]] = {
    "back": _back, "arrow_back": _back, "forward": _forward, "chevron": _forward,
    "search": _search, "add": _add, "plus": _add, "close": _close, "check": _check,
    "wifi": _wifi, "bluetooth": _bluetooth, "airplane": _airplane, "moon": _moon,
    "dark": _moon, "sun": _sun, "brightness": _sun, "trash": _trash, "delete": _trash,
    "cart": _cart, "shop": _cart, "gear": _gear, "settings": _gear, "phone": _phone,
    "call": _phone, "message": _message, "messages": _message, "chat": _message,
    "send": _send, "clock": _clock, "alarm": _clock, "note": _note, "notes": _note,
    "edit": _edit, "person": _person, "contacts": _person, "account": _person,
    "game": _game, "home": _home, "menu": _menu, "more": _more, "star": _star,
    "lock": _lock, "security": _lock, "info": _info, "battery": _battery, "bell": _bell,
    "spinner": _spinner,
    "notifications": _bell, "location": _location, "apps": _apps, "display": _display,
    "sound": _sound, "volume": _sound, "storage": _storage, "shield": _shield,
    "privacy": _eye, "eye": _eye, "accessibility": _accessibility, "square": _square,
    "recents": _square, "circle": _circle, "nav_back": _triangle_back,
    "calendar": _calendar, "mic": _mic, "backspace": _backspace, "shift": _shift,
    "enter": _enter, "app": _app, "email": _email, "mail": _email, "timer": _timer,
    "hourglass": _timer, "stopwatch": _stopwatch, "remove": _minus, "minus": _minus,
    "heart": _heart, "favorite": _heart, "play": _play, "pause": _pause, "refresh": _refresh,
    "share": _share, "network": _wifi, "devices": _bluetooth,
}


def draw_glyph(draw: ImageDraw.ImageDraw, name: str, box: Rect, colour: Colour,
               background: Colour = (255, 255, 255)) -> None:
    """Draw icon `name` centred in `box`; `background` is what two-tone glyphs cut out with."""
    GLYPHS.get(name, _app)(_Pen(draw, box, colour, background))
