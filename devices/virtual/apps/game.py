"""Bubbles: a canvas game. Its hierarchy is one opaque node; everything else is pixels.

Tap a bubble to pop it: the score goes up by one and the bubble reappears elsewhere, at a
position that depends only on how many bubbles were popped so far (no randomness). A tap
that misses every bubble counts as a miss.

The node carries two hooks beyond the view contract, which the phone uses when present:
    paint(draw, box): draw the game into `box` (left, top, right, bottom in the image that
        `draw` paints on, the node's bounds after any offset the renderer applies);
    on_touch(x, y): a tap at screen pixel (x, y) inside the node.

State (`game`):
    score: bubbles popped; misses: taps that hit nothing;
    targets: list of {x, y, r, color}; x, y: centre as a fraction (0-1) of the node's width
        and height; r: radius as a fraction of the node's width; color: "#rrggbb".
"""

from __future__ import annotations

from typing import Any

from PIL import ImageDraw

from devices.virtual.render import font
from devices.virtual.view import VIEW, App, AppContext, Page, Rect, View

_COLOURS = ["#e53935", "#1e88e5", "#43a047", "#fdd835", "#8e24aa", "#fb8c00"]
_BACKGROUND = "#0d1b2a"
_HUD = 0.12  # top fraction of the node where the score is drawn; no bubble goes there


def place(n: int) -> tuple[float, float]:
    """The n-th bubble position: a fixed low-discrepancy walk over the play field."""
    x = 0.15 + 0.7 * ((n * 0.6180339887) % 1.0)
    y = _HUD + 0.1 + 0.68 * ((n * 0.7548776662 + 0.35) % 1.0)
    return round(x, 4), round(y, 4)


def _initial_targets() -> list[dict[str, Any]]:
    targets = []
    for i in range(3):
        x, y = place(i)
        targets.append({"x": x, "y": y, "r": 0.09, "color": _COLOURS[i % len(_COLOURS)]})
    return targets


class GameApp(App):
    key = "game"
    package = "com.example.bubbles"
    label = "Bubbles"
    icon = "game"

    def initial_state(self) -> dict[str, Any]:
        return {"score": 0, "misses": 0, "targets": _initial_targets()}

    def build(self, page: Page, ctx: AppContext) -> View:
        state = ctx.state

        def paint(draw: ImageDraw.ImageDraw, box: Rect) -> None:
            draw_game(draw, box, state)

        def on_touch(x: int, y: int) -> None:
            touch(state, view.bounds, x, y)

        view = View(VIEW, rid="", clickable=True, focusable=False, paint=paint,
                    on_touch=on_touch)
        return view


def hit(state: dict[str, Any], bounds: Rect, x: int, y: int) -> int | None:
    """Index of the bubble under screen point (x, y), the topmost (last drawn) first."""
    left, top, right, bottom = bounds
    w, h = max(1, right - left), max(1, bottom - top)
    for i in reversed(range(len(state["targets"]))):
        t = state["targets"][i]
        cx, cy, r = left + t["x"] * w, top + t["y"] * h, t["r"] * w
        if (x - cx) ** 2 + (y - cy) ** 2 <= r * r:
            return i
    return None


def touch(state: dict[str, Any], bounds: Rect, x: int, y: int) -> None:
    i = hit(state, bounds, x, y)
    if i is None:
        state["misses"] += 1
        return
    state["score"] += 1
    n = state["score"] + len(state["targets"]) - 1
    state["targets"][i]["x"], state["targets"][i]["y"] = place(n)
    state["targets"][i]["color"] = _COLOURS[n % len(_COLOURS)]


def draw_game(draw: ImageDraw.ImageDraw, box: Rect, state: dict[str, Any]) -> None:
    left, top, right, bottom = box
    w, h = max(1, right - left), max(1, bottom - top)
    draw.rectangle([left, top, right - 1, bottom - 1], fill=_BACKGROUND)
    for t in state["targets"]:
        cx, cy, r = left + t["x"] * w, top + t["y"] * h, t["r"] * w
        draw.ellipse([cx - r, cy - r, cx + r, cy + r], fill=t["color"], outline="#ffffff",
                     width=4)
        draw.ellipse([cx - r * 0.45, cy - r * 0.6, cx - r * 0.1, cy - r * 0.25],
                     fill="#ffffff")
    _draw_score(draw, (left, top, right, top + int(h * _HUD)), state["score"])


def _draw_score(draw: ImageDraw.ImageDraw, box: Rect, score: int) -> None:
    text = f"Score: {score}"
    size = max(12, (box[3] - box[1]) // 2)
    f = font(size, True)
    x1, y1, x2, y2 = draw.textbbox((0, 0), text, font=f)
    x = box[0] + (box[2] - box[0] - (x2 - x1)) // 2
    y = box[1] + (box[3] - box[1] - (y2 - y1)) // 2 - y1
    draw.text((x, y), text, fill="#ffffff", font=f)
