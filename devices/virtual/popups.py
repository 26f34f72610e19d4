"""The windows of interruptions: permission prompt, rating dialog, heads-up, bottom sheet.

Each is laid out and ready to draw and dump; its buttons call the `close` it is given, which
is all any of them does (no choice is recorded).
"""

from __future__ import annotations

from collections.abc import Callable

from devices.virtual import view as v
from devices.virtual.disguise import PERMISSION_PACKAGE
from devices.virtual.system_ui import dialog_window
from devices.virtual.view import DialogButton, Rect, Style, View, layout
from devices.virtual.window import NAV_BAR_TOP, SCREEN, SYSTEM_UI_PACKAGE, WIDTH, Window

Close = Callable[[], None]
HEADS_UP: Rect = (24, 24, WIDTH - 24, 284)  # px, where a heads-up notification sits
PERMISSION_W = 920  # px, width of the permission panel
SHEET_H = 640  # px, height of a bottom sheet


def _text(text: str, rid: str, height: int, size: int = 42, bold: bool = False,
          fg: str = "text", align: str = "left") -> View:
    return View(v.TEXT, text=text, rid=rid, height=height,
                style=Style(size=size, bold=bold, fg=fg, align=align))  # type: ignore[arg-type]


def _wide_button(text: str, rid: str, close: Close) -> View:
    return View(v.BUTTON, text=text, rid=rid, clickable=True, focusable=True, height=132,
                on_click=close, style=Style(bg="muted", fg="text", bold=True, align="center",
                                            radius=66))


def permission_window(app_label: str, close: Close) -> Window:
    """Android 13's notification permission prompt, with its stacked buttons."""
    message = f"Allow {app_label} to send you notifications?"
    children = [
        View(v.IMAGE, rid="permission_icon", height=96, style=Style(icon="bell", fg="primary")),
        _text(message, "permission_message", 200, size=50, align="center"),
        _wide_button("Allow", "permission_allow_button", close),
        _wide_button("Don't allow", "permission_deny_button", close),
    ]
    height = 60 + 96 + 24 + 200 + 24 + 132 + 24 + 132 + 60
    panel = View(v.LINEAR, rid="grant_dialog", padding=60, gap=24, children=children,
                 rect=(0, 0, PERMISSION_W, height), on_click=lambda: None,
                 style=Style(bg="dialog", radius=56))
    root = View(v.FRAME, children=[panel])
    x1, top = (WIDTH - PERMISSION_W) // 2, (SCREEN[3] - height) // 2
    layout(root, (x1, top, x1 + PERMISSION_W, top + height))
    return Window("dialog", PERMISSION_PACKAGE, root, touch=(SCREEN,), scrim=True, outside=close)


def rating_window(app_label: str, package: str, close: Close) -> Window:
    """An in-app rating request: an AlertDialog of the app's own."""
    buttons = [DialogButton("Not now"), DialogButton("Rate")]
    return dialog_window(package, f"Enjoying {app_label}?",
                         "Tell others what you think: rate it on the Play Store.", buttons,
                         press=lambda _b: close(), dismiss=close)


def whats_new_window(app_label: str, package: str, close: Close) -> Window:
    """A bottom sheet over the app, above the navigation bar."""
    children = [
        View(v.FRAME, rid="drag_handle", height=24),
        _text(f"What's new in {app_label}", "sheet_title", 96, size=54, bold=True),
        _text("A fresh look, faster search and a few fixes.", "sheet_message", 150,
              fg="muted"),
        View(v.FRAME, height=0),
        View(v.BUTTON, text="Got it", rid="got_it", clickable=True, focusable=True, height=132,
             on_click=close, style=Style(bg="primary", fg="on_primary", bold=True,
                                         align="center", radius=66)),
    ]
    sheet = View(v.LINEAR, rid="design_bottom_sheet", padding=60, gap=24, children=children,
                 on_click=lambda: None, style=Style(bg="dialog", radius=56))
    root = View(v.FRAME, children=[sheet])
    layout(root, (0, NAV_BAR_TOP - SHEET_H, WIDTH, NAV_BAR_TOP))
    return Window("dialog", package, root, touch=(SCREEN,), scrim=True, outside=close)


def heads_up_window(close: Close) -> Window:
    """A notification dropped over the top of the screen by System UI."""
    texts = View(v.LINEAR, children=[
        _text("Photos", "app_name_text", 64, size=36, fg="muted"),
        _text("Your memories from this week are ready", "title", 0, size=44, bold=True)])
    card = View(v.FRAME, rid="expanded", layout="row", padding=36, gap=36, clickable=True,
                focusable=True, on_click=close, style=Style(bg="dialog", radius=40), children=[
                    View(v.IMAGE, rid="icon", width=96, style=Style(icon="star", fg="primary")),
                    texts])
    root = View(v.FRAME, rid="heads_up", children=[card])
    layout(root, HEADS_UP)
    return Window("system", SYSTEM_UI_PACKAGE, root, touch=(HEADS_UP,))
