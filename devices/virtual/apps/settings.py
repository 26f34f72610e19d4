"""Settings: categories that open pages of switches, sliders and read-only facts.

Phone-wide values live in `ctx.system` (wifi, bluetooth, airplane_mode, dark_mode, brightness,
...); this app's own state keeps saved Wi-Fi networks, paired Bluetooth devices and what
airplane mode switched off, so that turning it off again restores it.

The seed's `Variant` orders and names the categories and may add a page level (Display ›
Appearance › Dark theme; for Wi-Fi see `settings_connections`); a seed other than 0 also
starts the phone with its own battery, brightness, volumes, name and model.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from devices.virtual import view as v
from devices.virtual import widgets as w
from devices.virtual import world_data
from devices.virtual.apps import settings_connections as radio
from devices.virtual.apps.settings_connections import Setup, padded, setter, toggle
from devices.virtual.view import App, AppContext, DialogButton, Page, Style, View
from devices.virtual.world import World

# page -> (title, subtitle, icon) of the main list, in the reference phone's order and names
CATEGORIES: dict[str, tuple[str, str, str]] = {
    "network": ("Network & internet", "Wi-Fi, airplane mode, hotspot", "wifi"),
    "connected": ("Connected devices", "Bluetooth, pairing", "devices"),
    "apps": ("Apps", "Recent apps, default apps", "apps"),
    "notifications": ("Notifications", "Notification history, conversations", "bell"),
    "battery": ("Battery", "", "battery"),
    "storage": ("Storage", "41% used - 75.5 GB free", "storage"),
    "sound": ("Sound & vibration", "Volume, haptics, Do Not Disturb", "sound"),
    "display": ("Display", "Dark theme, font size, brightness", "display"),
    "accessibility": ("Accessibility", "Display, interaction, audio", "accessibility"),
    "security": ("Security", "Screen lock, Find My Device, app security", "lock"),
    "privacy": ("Privacy", "Permissions, account activity, personal data", "privacy"),
    "location": ("Location", "", "location"),
    "system": ("System", "Languages, gestures, time, backup", "gear"),
    "about": ("About phone", "", "info"),
}
# pages with read-only rows: (title, subtitle)
PLAIN: dict[str, list[tuple[str, str]]] = {
    "notifications": [("App notifications", "All apps can send notifications"),
                      ("Notification history", "Off"), ("Conversations", "No priority"),
                      ("Lock screen", "Show all notification content")],
    "storage": [("Apps", "18.2 GB"), ("Images", "6.1 GB"), ("Videos", "11.9 GB"),
                ("System", "14.3 GB"), ("Free space", "75.5 GB of 128 GB")],
    "accessibility": [("Display size and text", ""), ("Color and motion", ""),
                      ("TalkBack", "Off"), ("Select to Speak", "Off")],
    "security": [("Screen lock", "PIN"), ("Find My Device", "On"),
                 ("Security update", "May 5, 2024")],
    "privacy": [("Permission manager", "Control app access to your data"),
                ("Show passwords", "On"), ("Ads", "Advertising ID")],
    "system": [("Languages", "English (United States)"), ("Gestures", ""),
               ("Date & time", "GMT+00:00"), ("Backup", "On")],
}
TITLES = {"wifi": "Wi-Fi", "add_network": "Add network", "wifi_password": "Connect",
          "pair": "Pair new device", "device_name": "Device name", "appearance": "Appearance"}


class SettingsApp(App):
    key = "settings"
    package = "com.android.settings"
    label = "Settings"
    icon = "gear"

    installed: tuple[tuple[str, str], ...] = ()  # (label, package) of every app, for "Apps"

    def __init__(self, world: World | None = None) -> None:
        super().__init__(world)
        self.setup = Setup.of(self.world)

    def initial_state(self) -> dict[str, Any]:
        return {"saved_networks": list(self.setup.air.saved), "added_networks": [],
                "paired_devices": [], "before_airplane": None}

    def initial_system(self) -> dict[str, Any]:
        return {} if self.world.reference else world_data.system(self.world)

    def build(self, page: Page, ctx: AppContext) -> View:
        if page.name == "main":
            return self._main(ctx)
        if page.name == "apps":
            rows = [w.list_item(label, package, icon="apps") for label, package in self.installed]
        else:
            rows = _PAGES.get(page.name, _plain)(ctx, self.setup)
        return View(v.LINEAR, rid="settings_root", style=Style(bg="surface"), children=[
            w.app_bar(_title(page.name, self.setup), on_back=ctx.pop),
            w.scroll_list(rows, rid="recycler_view")])

    def _main(self, ctx: AppContext) -> View:
        query = str(ctx.page.args.get("query", ""))
        setup = self.setup
        rows = [_category_row(ctx, name, setup) for name in setup.variant.settings_order
                if _matches(ctx, name, query, setup)]
        if not rows:
            rows = [w.label(f'No results for "{query}"', muted=True, height=160)]

        def set_query(text: str) -> None:
            ctx.page.args["query"] = text

        search = View(v.FRAME, height=210, padding=30, children=[
            w.text_field(query, set_query, hint="Search settings", rid="search_src_text")])
        title = View(v.TEXT, text="Settings", rid="homepage_title", height=220, padding=48,
                     style=Style(size=84))
        return View(v.LINEAR, rid="settings_root", style=Style(bg="surface"),
                    children=[title, search, w.scroll_list(rows, rid="recycler_view")])


def _subtitle(ctx: AppContext, name: str) -> str:
    s = ctx.system
    if name == "battery":
        return f"{s.get('battery', 0)}%" + (" - Battery Saver on" if s.get("battery_saver")
                                             else "")
    if name == "location":
        return "On" if s.get("location") else "Off"
    if name == "about":
        return str(s.get("device_name", ""))
    return CATEGORIES[name][1]


def _title(page: str, setup: Setup) -> str:
    """A page's title: its category's name on this phone, or its own."""
    if page in CATEGORIES:
        return setup.variant.settings_title(page)
    if page == "wifi" and setup.variant.internet_page:
        return "Internet"
    return TITLES.get(page, page)


def _matches(ctx: AppContext, name: str, query: str, setup: Setup) -> bool:
    q = query.strip().casefold()
    if not q:
        return True
    words = [setup.variant.settings_title(name), _subtitle(ctx, name),
             *(t for t, _ in PLAIN.get(name, []))]
    return any(q in word.casefold() for word in words)


def _category_row(ctx: AppContext, name: str, setup: Setup) -> View:
    _, _, icon = CATEGORIES[name]
    return w.list_item(setup.variant.settings_title(name), _subtitle(ctx, name),
                       on_click=lambda: ctx.push(name), rid=f"category_{name}", icon=icon)


def _plain(ctx: AppContext, setup: Setup) -> list[View]:
    return [w.list_item(t, s) for t, s in PLAIN.get(ctx.page.name, [])]


def _slider_block(ctx: AppContext, title: str, key: str, rid: str) -> View:
    value = int(ctx.system.get(key, 0))

    def set_value(p: float) -> None:
        ctx.system[key] = round(p * 100)

    return View(v.LINEAR, height=310, padding=30, style=Style(divider=True), children=[
        View(v.TEXT, text=title, height=70, style=Style(size=46)),
        View(v.TEXT, text=f"{value}%", rid=f"{rid}_value", height=60,
             style=Style(size=36, fg="muted")),
        w.slider(value / 100, set_value, desc=title, rid=rid)])


def _dark_theme(ctx: AppContext) -> View:
    return w.switch_row("Dark theme", bool(ctx.system.get("dark_mode")),
                        toggle(ctx, "dark_mode"), rid="dark_theme_row")


def _display(ctx: AppContext, setup: Setup) -> list[View]:
    brightness = _slider_block(ctx, "Brightness level", "brightness", "brightness")
    if setup.variant.appearance_page:
        dark = "On" if ctx.system.get("dark_mode") else "Off"
        return [brightness,
                w.list_item("Appearance", f"Dark theme: {dark}", icon="display",
                            on_click=lambda: ctx.push("appearance"), rid="appearance"),
                w.list_item("Screen timeout", "After 30 seconds of inactivity")]
    return [brightness, _dark_theme(ctx),
            w.list_item("Screen timeout", "After 30 seconds of inactivity"),
            w.list_item("Font size", "Default")]


def _appearance(ctx: AppContext, setup: Setup) -> list[View]:
    return [_dark_theme(ctx), w.list_item("Font size", "Default"),
            w.list_item("Display size", "Default")]


def _sound(ctx: AppContext, setup: Setup) -> list[View]:
    return [
        _slider_block(ctx, "Media volume", "media_volume", "media_volume"),
        _slider_block(ctx, "Ring volume", "ring_volume", "ring_volume"),
        w.switch_row("Do Not Disturb", bool(ctx.system.get("do_not_disturb")),
                     toggle(ctx, "do_not_disturb"), rid="dnd_row"),
    ]


def _battery(ctx: AppContext, setup: Setup) -> list[View]:
    level = ctx.system.get("battery", 0)
    return [w.list_item("Battery level", f"{level}%", icon="battery"),
            w.switch_row("Battery Saver", bool(ctx.system.get("battery_saver")),
                         toggle(ctx, "battery_saver"), rid="battery_saver_row")]


def _location(ctx: AppContext, setup: Setup) -> list[View]:
    return [w.switch_row("Use location", bool(ctx.system.get("location")),
                         toggle(ctx, "location"), rid="location_row")]


def _system(ctx: AppContext, setup: Setup) -> list[View]:
    def reset() -> None:
        ctx.system.update(wifi=True, bluetooth=False, airplane_mode=False)
        ctx.state.update(saved_networks=list(setup.air.saved), added_networks=[],
                         paired_devices=[], before_airplane=None)
        ctx.toast("Network settings have been reset")

    def ask() -> None:
        ctx.dialog("Reset Wi-Fi, mobile & Bluetooth?",
                   "This will reset all network settings and forget saved networks and "
                   "paired devices.",
                   [DialogButton("Cancel"), DialogButton("Reset settings", reset)])

    return [*_plain(ctx, setup), w.list_item("Reset options", "Reset Wi-Fi, mobile & Bluetooth",
                                      on_click=ask, rid="reset_options")]


def _about(ctx: AppContext, setup: Setup) -> list[View]:
    s = ctx.system
    return [
        w.list_item("Device name", str(s.get("device_name", "")),
                    on_click=lambda: ctx.push("device_name", draft=s.get("device_name", "")),
                    rid="device_name"),
        w.list_item("Phone number", str(s.get("phone_number", ""))),
        w.list_item("Model", str(s.get("model", ""))),
        w.list_item("Android version", str(s.get("android_version", ""))),
        w.list_item("Build number", str(s.get("build_number", ""))),
    ]


def _device_name(ctx: AppContext, setup: Setup) -> list[View]:
    args = ctx.page.args

    def save() -> None:
        name = str(args.get("draft", "")).strip()
        if name:
            ctx.system["device_name"] = name
        ctx.pop()

    field = w.text_field(str(args.get("draft", "")), setter(ctx, "draft"), hint="Device name",
                         rid="device_name_field")
    field.on_submit = save
    return [padded(field, 210), padded(w.button("OK", save, rid="ok"), 192)]


_PAGES: dict[str, Callable[[AppContext, Setup], list[View]]] = {
    "network": radio.network, "wifi": radio.wifi, "add_network": radio.add_network,
    "wifi_password": radio.wifi_password, "connected": radio.connected, "pair": radio.pair,
    "system": _system, "display": _display, "appearance": _appearance, "sound": _sound,
    "battery": _battery, "location": _location, "about": _about, "device_name": _device_name,
}
