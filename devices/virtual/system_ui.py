"""System UI windows: status bar and navigation bar, toasts, dialogs, the recents screen.

Each function returns views (or a laid-out `Window`) built from the phone's state; the phone
passes in the callbacks. Nothing here keeps state of its own.
"""

from __future__ import annotations

from collections.abc import Callable

from devices.virtual import view as v
from devices.virtual.render import font
from devices.virtual.view import DialogButton, Style, View, layout
from devices.virtual.window import (
    NAV_BAR,
    SCREEN,
    STATUS_BAR,
    SYSTEM_UI_PACKAGE,
    WIDTH,
    Window,
)

Callback = Callable[[], None]


def _status_icons(system: dict) -> list[tuple[str, str]]:
    icons = []
    if system.get("airplane_mode"):
        icons.append(("airplane", "Airplane mode on."))
    if system.get("bluetooth"):
        icons.append(("bluetooth", "Bluetooth on."))
    if system.get("wifi"):
        icons.append(("wifi", "Wifi signal full."))
    return icons


def status_bar(system: dict, clock: str) -> View:
    """Clock on the left; airplane, Bluetooth, Wi-Fi and battery on the right."""
    battery = int(system.get("battery", 100))
    children = [View(v.TEXT, text=clock, rid="clock", rect=(48, 0, 248, 84),
                     style=Style(size=38, bold=True))]
    children.append(View(v.TEXT, text=f"{battery}%", rid="battery_percentage",
                         rect=(-130, 0, -28, 84), style=Style(size=34)))
    children.append(View(v.IMAGE, desc=f"Battery {battery} percent.", rid="battery",
                         rect=(-190, 12, -130, 72), style=Style(icon="battery")))
    x = -190
    for icon, desc in _status_icons(system):
        children.append(View(v.IMAGE, desc=desc, rid=f"{icon}_signal" if icon == "wifi" else
                             icon, rect=(x - 64, 12, x - 4, 72), style=Style(icon=icon)))
        x -= 68
    return View(v.FRAME, rid="status_bar", rect=STATUS_BAR, layout="stack", children=children)


def navigation_bar(back: Callback, home: Callback, recents: Callback) -> View:
    buttons = [("nav_back", "Back", "back", back), ("circle", "Home", "home", home),
               ("recents", "Overview", "recent_apps", recents)]
    children = [
        View(v.IMAGE, desc=desc, rid=rid, clickable=True, focusable=True, long_clickable=False,
             on_click=cb, width=240, style=Style(icon=icon))
        for icon, desc, rid, cb in buttons
    ]
    inner = View(v.LINEAR, layout="row", rid="ends_group", padding=0, gap=60, children=children,
                 rect=(120, 0, WIDTH - 120, NAV_BAR[3] - NAV_BAR[1]))
    return View(v.FRAME, rid="navigation_bar_frame", rect=NAV_BAR, children=[inner],
                style=Style(bg="nav"))


def system_window(system: dict, clock: str, back: Callback, home: Callback,
                  recents: Callback) -> Window:
    root = View(v.FRAME, children=[status_bar(system, clock),
                                   navigation_bar(back, home, recents)])
    layout(root, SCREEN)
    return Window("system", SYSTEM_UI_PACKAGE, root, touch=(STATUS_BAR, NAV_BAR))


def status_window(system: dict, clock: str) -> Window:
    """The status bar as a window of its own (what a real phone's dump lists)."""
    root = status_bar(system, clock)
    root.rect = None
    layout(root, STATUS_BAR)
    return Window("system", SYSTEM_UI_PACKAGE, root, touch=(STATUS_BAR,))


def navigation_window(back: Callback, home: Callback, recents: Callback) -> Window:
    """The navigation bar as a window of its own."""
    root = navigation_bar(back, home, recents)
    root.rect = None
    layout(root, NAV_BAR)
    return Window("system", SYSTEM_UI_PACKAGE, root, touch=(NAV_BAR,))


def bar_windows(system: dict, clock: str, back: Callback, home: Callback, recents: Callback,
                separate: bool) -> list[Window]:
    """The status and navigation bars: one System UI window, or (`separate`, as on a real
    phone) a window each."""
    if not separate:
        return [system_window(system, clock, back, home, recents)]
    return [status_window(system, clock), navigation_window(back, home, recents)]


def toast_window(message: str, bottom: int) -> Window:
    """A rounded dark pill, centred, its bottom edge at `bottom`."""
    width = min(WIDTH - 120, int(font(40).getlength(message)) + 112)
    x1 = (WIDTH - width) // 2
    root = View(v.TEXT, text=message, rid="message", padding=28,
                style=Style(bg="toast", fg="toast", size=40, align="center", radius=66))
    layout(root, (x1, bottom - 132, x1 + width, bottom))
    return Window("toast", SYSTEM_UI_PACKAGE, root)


def _lines(message: str, width: int, size: int) -> int:
    f, count = font(size), 0
    for paragraph in message.split("\n"):
        line = ""
        count += 1
        for word in paragraph.split(" "):
            candidate = f"{line} {word}" if line else word
            if line and f.getlength(candidate) > width:
                count, line = count + 1, word
            else:
                line = candidate
    return count


def dialog_window(package: str, title: str, message: str, buttons: list[DialogButton],
                  press: Callable[[DialogButton], None], dismiss: Callback) -> Window:
    """An AlertDialog: title, message, text buttons at the bottom right, over a scrim."""
    panel_w, pad = 920, 60
    msg_h = _lines(message, panel_w - 2 * pad, 42) * 53 + 24 if message else 0
    height = pad + 96 + msg_h + 36 + 132 + 36
    children = [View(v.TEXT, text=title, rid="alertTitle", height=96,
                     style=Style(size=54, bold=False))]
    if message:
        children.append(View(v.TEXT, text=message, rid="message", height=msg_h,
                             style=Style(size=42, fg="muted")))
    rids = ["button1", "button2", "button3"]
    row = [View(v.BUTTON, text=b.label, rid=rids[len(buttons) - 1 - i] if i < 3 else "",
                clickable=True, focusable=True, width=max(180, len(b.label) * 30 + 80),
                on_click=lambda b=b: press(b),
                style=Style(fg="primary", bold=True, align="center", size=42))
           for i, b in enumerate(buttons)]
    used = sum(b.width for b in row) + 12 * max(0, len(row) - 1)
    inner_w = panel_w - 2 * pad
    buttons_row = View(v.LINEAR, layout="row", rid="buttonPanel", gap=12, children=row,
                       rect=(inner_w - used, 0, inner_w, 132))
    children.append(View(v.FRAME, height=36))
    children.append(View(v.FRAME, height=132, children=[buttons_row]))
    top = (SCREEN[3] - height) // 2
    x1 = (WIDTH - panel_w) // 2
    panel = View(v.LINEAR, rid="parentPanel", rect=(0, 0, panel_w, height),
                 padding=pad, children=children, on_click=lambda: None,
                 style=Style(bg="dialog", radius=56))
    root = View(v.FRAME, rid="", children=[panel])
    layout(root, (x1, top, x1 + panel_w, top + height))  # the window is the panel's size
    return Window("dialog", package, root, touch=(SCREEN,), scrim=True, outside=dismiss)


def recents_view(apps: list[tuple[str, str, str]], switch: Callable[[str], None],
                 clear: Callback) -> View:
    """Recent apps as cards (key, label, icon), most recent first, and a Clear all button."""
    cards = [
        View(v.LINEAR, layout="row", rid="snapshot", desc=label, clickable=True, focusable=True,
             height=260, padding=48, gap=36, on_click=lambda key=key: switch(key),
             style=Style(bg="card", radius=48), children=[
                 View(v.IMAGE, width=120, style=Style(icon=icon)),
                 View(v.TEXT, text=label, rid="title", style=Style(size=50, bold=True))])
        for key, label, icon in apps
    ]
    if not cards:
        cards = [View(v.TEXT, text="No recent items", rid="empty_message", height=300,
                      style=Style(size=46, fg="muted", align="center"))]
    items = View(v.RECYCLER, rid="recents_list", scrollable=True, gap=36, padding=48,
                 children=cards)
    buttons = []
    if apps:
        buttons.append(View(v.BUTTON, text="Clear all", rid="clear_all", clickable=True,
                            focusable=True, on_click=clear, rect=(330, 24, 750, 156),
                            style=Style(bg="muted", bold=True, align="center", radius=66)))
    bottom = View(v.FRAME, height=180, children=buttons)
    return View(v.FRAME, layout="column", rid="overview_panel", children=[items, bottom],
                style=Style(bg="surface"))

