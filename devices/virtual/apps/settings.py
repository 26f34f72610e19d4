"""Settings: categories that open pages of switches, sliders and read-only facts.

Phone-wide values live in `ctx.system` (wifi, bluetooth, airplane_mode, dark_mode, brightness,
...); this app's own state keeps saved Wi-Fi networks, paired Bluetooth devices and what
airplane mode switched off, so that turning it off again restores it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from devices.virtual import view as v
from devices.virtual import widgets as w
from devices.virtual.view import App, AppContext, DialogButton, Page, Style, View

# page -> (title, subtitle, icon) of the main list, in order
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
NETWORKS: list[tuple[str, bool]] = [  # name, secured
    ("HomeNet", True), ("CoffeeShop Free", False), ("Office-5G", True), ("Guest", False)]
BT_DEVICES = ["Pixel Buds Pro", "Car Audio", "JBL Flip 5"]
TITLES = {"wifi": "Wi-Fi", "add_network": "Add network", "wifi_password": "Connect",
          "pair": "Pair new device", "device_name": "Device name"}


class SettingsApp(App):
    key = "settings"
    package = "com.android.settings"
    label = "Settings"
    icon = "gear"

    installed: tuple[tuple[str, str], ...] = ()  # (label, package) of every app, for "Apps"

    def initial_state(self) -> dict[str, Any]:
        return {"saved_networks": ["HomeNet"], "added_networks": [], "paired_devices": [],
                "before_airplane": None}

    def build(self, page: Page, ctx: AppContext) -> View:
        if page.name == "main":
            return self._main(ctx)
        title = CATEGORIES.get(page.name, (TITLES.get(page.name, page.name),))[0]
        if page.name == "apps":
            rows = [w.list_item(label, package, icon="apps") for label, package in self.installed]
        else:
            rows = _PAGES.get(page.name, _plain)(ctx)
        return View(v.LINEAR, rid="settings_root", style=Style(bg="surface"), children=[
            w.app_bar(title, on_back=ctx.pop), w.scroll_list(rows, rid="recycler_view")])

    def _main(self, ctx: AppContext) -> View:
        query = str(ctx.page.args.get("query", ""))
        rows = [_category_row(ctx, name) for name in CATEGORIES if _matches(ctx, name, query)]
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


def _matches(ctx: AppContext, name: str, query: str) -> bool:
    q = query.strip().casefold()
    if not q:
        return True
    words = [CATEGORIES[name][0], _subtitle(ctx, name), *(t for t, _ in PLAIN.get(name, []))]
    return any(q in word.casefold() for word in words)


def _category_row(ctx: AppContext, name: str) -> View:
    title, _, icon = CATEGORIES[name]
    return w.list_item(title, _subtitle(ctx, name), on_click=lambda: ctx.push(name),
                       rid=f"category_{name}", icon=icon)


def _toggle(ctx: AppContext, key: str, after: Callable[[], None] | None = None
            ) -> Callable[[], None]:
    def toggle() -> None:
        ctx.system[key] = not ctx.system.get(key)
        if after is not None:
            after()

    return toggle


def _plain(ctx: AppContext) -> list[View]:
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


def _airplane(ctx: AppContext) -> None:
    s, mine = ctx.system, ctx.state
    if s["airplane_mode"]:
        mine["before_airplane"] = {"wifi": bool(s.get("wifi")),
                                   "bluetooth": bool(s.get("bluetooth"))}
        s["wifi"] = s["bluetooth"] = False
    else:
        saved = mine.get("before_airplane") or {}
        s["wifi"] = bool(saved.get("wifi", s.get("wifi")))
        s["bluetooth"] = bool(saved.get("bluetooth", s.get("bluetooth")))
        mine["before_airplane"] = None


def _wifi_summary(ctx: AppContext) -> str:
    if not ctx.system.get("wifi"):
        return "Off"
    return str(ctx.system.get("wifi_network") or "Not connected")


def _network(ctx: AppContext) -> list[View]:
    return [
        w.switch_row("Wi-Fi", bool(ctx.system.get("wifi")), _toggle(ctx, "wifi"),
                     subtitle=_wifi_summary(ctx), rid="wifi_switch_row"),
        w.list_item("Wi-Fi networks", "See and connect to networks",
                    on_click=lambda: ctx.push("wifi"), rid="wifi_networks", icon="wifi"),
        w.switch_row("Airplane mode", bool(ctx.system.get("airplane_mode")),
                     _toggle(ctx, "airplane_mode", lambda: _airplane(ctx)),
                     rid="airplane_mode_row"),
        w.list_item("Mobile network", "Virtual Mobile"),
        w.list_item("Hotspot & tethering", "Off"),
        w.list_item("Data Saver", "Off"),
    ]


def _networks(ctx: AppContext) -> list[tuple[str, bool]]:
    added = [(str(n), True) for n in ctx.state.get("added_networks", [])]
    return NETWORKS + [n for n in added if n[0] not in dict(NETWORKS)]


def _connect(ctx: AppContext, name: str, secured: bool) -> None:
    if secured and name not in ctx.state.get("saved_networks", []):
        ctx.push("wifi_password", network=name, password="")
        return
    ctx.system["wifi_network"] = name
    ctx.toast(f"Connected to {name}")


def _network_row(ctx: AppContext, name: str, secured: bool) -> View:
    if ctx.system.get("wifi_network") == name:
        status = "Connected"
    elif name in ctx.state.get("saved_networks", []):
        status = "Saved"
    else:
        status = "Secured" if secured else "Open"
    return w.list_item(name, status, on_click=lambda: _connect(ctx, name, secured),
                       icon="lock" if secured else "wifi", rid="network_row")


def _wifi(ctx: AppContext) -> list[View]:
    on = bool(ctx.system.get("wifi"))
    rows = [w.switch_row("Use Wi-Fi", on, _toggle(ctx, "wifi"), rid="wifi_switch_row")]
    if not on:
        return [*rows, w.label("To see available networks, turn Wi-Fi on.", muted=True,
                               height=200)]
    rows += [_network_row(ctx, name, secured) for name, secured in _networks(ctx)]
    rows.append(w.list_item("Add network", on_click=lambda: ctx.push("add_network"),
                            icon="add", rid="add_network"))
    return rows


def _padded(child: View, height: int) -> View:
    return View(v.FRAME, height=height, padding=30, children=[child])


def _setter(ctx: AppContext, key: str) -> Callable[[str], None]:
    def set_text(text: str) -> None:
        ctx.page.args[key] = text

    return set_text


def _add_network(ctx: AppContext) -> list[View]:
    args = ctx.page.args

    def save() -> None:
        name = str(args.get("name", "")).strip()
        if not name:
            ctx.toast("Enter a network name")
            return
        for key in ("added_networks", "saved_networks"):
            if name not in ctx.state[key]:
                ctx.state[key].append(name)
        ctx.pop()
        ctx.toast(f"Saved {name}")

    name = w.text_field(str(args.get("name", "")), _setter(ctx, "name"), hint="Network name",
                        rid="ssid")
    password = w.text_field(str(args.get("password", "")), _setter(ctx, "password"),
                            hint="Password", rid="password", password=True)
    password.on_submit = save
    return [_padded(name, 210), _padded(password, 210),
            _padded(w.button("Save", save, rid="save"), 192)]


def _wifi_password(ctx: AppContext) -> list[View]:
    args = ctx.page.args
    network = str(args.get("network", ""))

    def connect() -> None:
        if len(str(args.get("password", ""))) < 8:
            ctx.toast("Password must be at least 8 characters")
            return
        ctx.state["saved_networks"].append(network)
        ctx.system["wifi_network"] = network
        ctx.pop()
        ctx.toast(f"Connected to {network}")

    field = w.text_field(str(args.get("password", "")), _setter(ctx, "password"),
                         hint="Password", rid="password", password=True)
    field.on_submit = connect
    return [w.list_item(network, "Enter the network password"), _padded(field, 210),
            _padded(w.button("Connect", connect, rid="connect"), 192)]


def _connected(ctx: AppContext) -> list[View]:
    rows = [w.switch_row("Bluetooth", bool(ctx.system.get("bluetooth")),
                         _toggle(ctx, "bluetooth"), rid="bluetooth_switch_row",
                         subtitle="On" if ctx.system.get("bluetooth") else "Off"),
            w.list_item("Pair new device", on_click=lambda: ctx.push("pair"), icon="add",
                        rid="pair_new_device")]
    paired = ctx.state.get("paired_devices", [])
    rows += [w.list_item(name, "Saved device", icon="bluetooth") for name in paired]
    return rows


def _pair(ctx: AppContext) -> list[View]:
    def pair(name: str) -> None:
        if not ctx.system.get("bluetooth"):
            ctx.toast("Turn on Bluetooth to pair")
            return
        if name not in ctx.state["paired_devices"]:
            ctx.state["paired_devices"].append(name)
        ctx.toast(f"Paired with {name}")

    return [w.list_item(name, "Available", on_click=lambda name=name: pair(name),
                        icon="bluetooth", rid="device_row") for name in BT_DEVICES]


def _display(ctx: AppContext) -> list[View]:
    return [
        _slider_block(ctx, "Brightness level", "brightness", "brightness"),
        w.switch_row("Dark theme", bool(ctx.system.get("dark_mode")),
                     _toggle(ctx, "dark_mode"), rid="dark_theme_row"),
        w.list_item("Screen timeout", "After 30 seconds of inactivity"),
        w.list_item("Font size", "Default"),
    ]


def _sound(ctx: AppContext) -> list[View]:
    return [
        _slider_block(ctx, "Media volume", "media_volume", "media_volume"),
        _slider_block(ctx, "Ring volume", "ring_volume", "ring_volume"),
        w.switch_row("Do Not Disturb", bool(ctx.system.get("do_not_disturb")),
                     _toggle(ctx, "do_not_disturb"), rid="dnd_row"),
    ]


def _battery(ctx: AppContext) -> list[View]:
    level = ctx.system.get("battery", 0)
    return [w.list_item("Battery level", f"{level}%", icon="battery"),
            w.switch_row("Battery Saver", bool(ctx.system.get("battery_saver")),
                         _toggle(ctx, "battery_saver"), rid="battery_saver_row")]


def _location(ctx: AppContext) -> list[View]:
    return [w.switch_row("Use location", bool(ctx.system.get("location")),
                         _toggle(ctx, "location"), rid="location_row")]


def _system(ctx: AppContext) -> list[View]:
    def reset() -> None:
        ctx.system.update(wifi=True, bluetooth=False, airplane_mode=False)
        ctx.state.update(saved_networks=["HomeNet"], added_networks=[], paired_devices=[],
                         before_airplane=None)
        ctx.toast("Network settings have been reset")

    def ask() -> None:
        ctx.dialog("Reset Wi-Fi, mobile & Bluetooth?",
                   "This will reset all network settings and forget saved networks and "
                   "paired devices.",
                   [DialogButton("Cancel"), DialogButton("Reset settings", reset)])

    return [*_plain(ctx), w.list_item("Reset options", "Reset Wi-Fi, mobile & Bluetooth",
                                      on_click=ask, rid="reset_options")]


def _about(ctx: AppContext) -> list[View]:
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


def _device_name(ctx: AppContext) -> list[View]:
    args = ctx.page.args

    def save() -> None:
        name = str(args.get("draft", "")).strip()
        if name:
            ctx.system["device_name"] = name
        ctx.pop()

    field = w.text_field(str(args.get("draft", "")), _setter(ctx, "draft"), hint="Device name",
                         rid="device_name_field")
    field.on_submit = save
    return [_padded(field, 210), _padded(w.button("OK", save, rid="ok"), 192)]


_PAGES: dict[str, Callable[[AppContext], list[View]]] = {
    "network": _network, "wifi": _wifi, "add_network": _add_network,
    "wifi_password": _wifi_password, "connected": _connected, "pair": _pair,
    "system": _system, "display": _display, "sound": _sound, "battery": _battery,
    "location": _location, "about": _about, "device_name": _device_name,
}
