"""Synthetic screens built directly from `UIElement`s, for the embedded planner's tests."""

from __future__ import annotations

from perception.elements import Bounds, Screen, UIElement, Window

WIDTH, HEIGHT = 1080, 2400


def el(
    i: int, role: str, text: str = "", top: int = 0, height: int = 160, **kw: object
) -> UIElement:
    """An element in a full-width row starting at `top` (pixels)."""
    bounds = kw.pop("bounds", None) or Bounds(0, top, WIDTH, top + height)
    return UIElement(id=i, role=role, bounds=bounds, text=text, **kw)  # type: ignore[arg-type]


def screen(*elements: UIElement, app: str = "com.example.app",
           windows: tuple[Window, ...] = ()) -> Screen:
    return Screen(WIDTH, HEIGHT, tuple(elements), app=app, windows=windows)


def settings_main() -> Screen:
    return screen(
        el(0, "text", "Settings", 0, resource_id="x:id/title"),
        el(1, "button", "Network & internet | Wi-Fi, mobile data", 200, clickable=True),
        el(2, "button", "Connected devices | Bluetooth, pairing", 360, clickable=True),
        el(3, "button", "Display | Dark theme, brightness", 520, clickable=True),
        el(4, "button", "About phone | Model, Android version", 680, clickable=True),
        app="com.android.settings",
    )


def network(wifi: bool = False) -> Screen:
    return screen(
        el(0, "button", "Navigate up", 0, height=120, clickable=True),
        el(1, "text", "Network & internet", 0, resource_id="x:id/title"),
        el(2, "switch", "Wi-Fi", 200, clickable=True, checkable=True, checked=wifi),
        el(3, "switch", "Airplane mode", 360, clickable=True, checkable=True),
        el(4, "button", "Mobile network | Carrier", 520, clickable=True),
        app="com.android.settings",
    )


def display() -> Screen:
    return screen(
        el(0, "text", "Display", 0, resource_id="x:id/title"),
        el(1, "switch", "Dark theme", 200, clickable=True, checkable=True),
        el(2, "slider", "", 360, description="Brightness", clickable=True,
           class_name="android.widget.SeekBar", bounds=Bounds(100, 360, 1000, 480)),
        app="com.android.settings",
    )


def about() -> Screen:
    return screen(
        el(0, "text", "About phone", 0, resource_id="x:id/title"),
        el(1, "button", "Model | Pixel 7", 200, clickable=True),
        el(2, "button", "Android version | 14", 360, clickable=True),
        el(3, "button", "Build number | UP1A.231005", 520, clickable=True),
        app="com.android.settings",
    )


def contact_form(name: str = "", phone: str = "") -> Screen:
    return screen(
        el(0, "text", "New contact", 0, resource_id="x:id/title"),
        el(1, "input", name, 200, hint="Name", editable=True, clickable=True,
           resource_id="x:id/name"),
        el(2, "input", phone, 360, hint="Phone", editable=True, clickable=True,
           resource_id="x:id/phone"),
        el(3, "input", "", 520, hint="Email", editable=True, clickable=True,
           resource_id="x:id/email"),
        el(4, "button", "Cancel", 700, clickable=True, bounds=Bounds(0, 700, 500, 830)),
        el(5, "button", "Save", 700, clickable=True, bounds=Bounds(540, 700, 1080, 830)),
        app="com.android.contacts",
    )


def contact_detail() -> Screen:
    return screen(
        el(0, "text", "Bob Stone", 0, resource_id="x:id/title"),
        el(1, "button", "Call | 555-0100", 200, clickable=True),
        el(2, "button", "Email | bob@example.com", 360, clickable=True),
        el(3, "button", "Delete", 520, clickable=True),
        app="com.android.contacts",
    )


def thread(sent: str = "", typed: str = "") -> Screen:
    items = [
        el(0, "text", "Anna", 0, resource_id="x:id/title"),
        el(1, "text", "See you soon", 300),
    ]
    if sent:
        items.append(el(len(items), "text", sent, 460))
    items += [
        el(len(items), "input", typed, 2200, height=150, hint="Message", editable=True,
           clickable=True, bounds=Bounds(0, 2200, 900, 2350)),
        el(len(items) + 1, "button", "", 2200, description="Send", clickable=True,
           bounds=Bounds(900, 2200, 1080, 2350)),
    ]
    return screen(*items, app="com.android.messages")
