"""Settings' connection pages: network (Wi-Fi, airplane mode), the Wi-Fi list and its forms,
Bluetooth and pairing; and the small row builders every Settings page shares.

The networks in range and the devices that can pair are the phone's `Airwaves`: the reference
phone's are below, other seeds draw theirs. With `Variant.internet_page` the network page
holds an "Internet" row instead of the Wi-Fi switch, and the Wi-Fi list is titled Internet.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from devices.virtual import view as v
from devices.virtual import widgets as w
from devices.virtual.variant import Variant
from devices.virtual.view import AppContext, View
from devices.virtual.world import World
from devices.virtual.world_data import Airwaves, airwaves

NETWORKS: list[tuple[str, bool]] = [  # name, secured
    ("HomeNet", True), ("CoffeeShop Free", False), ("Office-5G", True), ("Guest", False)]
BT_DEVICES = ["Pixel Buds Pro", "Car Audio", "JBL Flip 5"]
REFERENCE_AIR = Airwaves(tuple(NETWORKS), ("HomeNet",), tuple(BT_DEVICES))


@dataclass(frozen=True)
class Setup:
    """What Settings' pages show besides the state: the layout and the radios around."""

    variant: Variant
    air: Airwaves

    @classmethod
    def of(cls, world: World) -> Setup:
        air = REFERENCE_AIR if world.reference else airwaves(world)
        return cls(world.variant, air)


# --- rows every page uses -----------------------------------------------------------------


def toggle(ctx: AppContext, key: str, after: Callable[[], None] | None = None
           ) -> Callable[[], None]:
    def flip() -> None:
        ctx.system[key] = not ctx.system.get(key)
        if after is not None:
            after()

    return flip


def padded(child: View, height: int) -> View:
    return View(v.FRAME, height=height, padding=30, children=[child])


def setter(ctx: AppContext, key: str) -> Callable[[str], None]:
    def set_text(text: str) -> None:
        ctx.page.args[key] = text

    return set_text


# --- network ------------------------------------------------------------------------------


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


def _wifi_rows(ctx: AppContext, setup: Setup) -> list[View]:
    if setup.variant.internet_page:
        return [w.list_item("Internet", _wifi_summary(ctx), on_click=lambda: ctx.push("wifi"),
                            rid="internet", icon="wifi")]
    return [
        w.switch_row("Wi-Fi", bool(ctx.system.get("wifi")), toggle(ctx, "wifi"),
                     subtitle=_wifi_summary(ctx), rid="wifi_switch_row"),
        w.list_item("Wi-Fi networks", "See and connect to networks",
                    on_click=lambda: ctx.push("wifi"), rid="wifi_networks", icon="wifi")]


def network(ctx: AppContext, setup: Setup) -> list[View]:
    return [
        *_wifi_rows(ctx, setup),
        w.switch_row("Airplane mode", bool(ctx.system.get("airplane_mode")),
                     toggle(ctx, "airplane_mode", lambda: _airplane(ctx)),
                     rid="airplane_mode_row"),
        w.list_item("Mobile network", "Virtual Mobile"),
        w.list_item("Hotspot & tethering", "Off"),
        w.list_item("Data Saver", "Off"),
    ]


def _networks(ctx: AppContext, setup: Setup) -> list[tuple[str, bool]]:
    known = list(setup.air.networks)
    added = [(str(n), True) for n in ctx.state.get("added_networks", [])]
    return known + [n for n in added if n[0] not in dict(known)]


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


def wifi(ctx: AppContext, setup: Setup) -> list[View]:
    on = bool(ctx.system.get("wifi"))
    rows = [w.switch_row("Use Wi-Fi", on, toggle(ctx, "wifi"), rid="wifi_switch_row")]
    if not on:
        return [*rows, w.label("To see available networks, turn Wi-Fi on.", muted=True,
                               height=200)]
    rows += [_network_row(ctx, name, secured) for name, secured in _networks(ctx, setup)]
    rows.append(w.list_item("Add network", on_click=lambda: ctx.push("add_network"),
                            icon="add", rid="add_network"))
    return rows


def add_network(ctx: AppContext, setup: Setup) -> list[View]:
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

    name = w.text_field(str(args.get("name", "")), setter(ctx, "name"), hint="Network name",
                        rid="ssid")
    password = w.text_field(str(args.get("password", "")), setter(ctx, "password"),
                            hint="Password", rid="password", password=True)
    password.on_submit = save
    return [padded(name, 210), padded(password, 210),
            padded(w.button("Save", save, rid="save"), 192)]


def wifi_password(ctx: AppContext, setup: Setup) -> list[View]:
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

    field = w.text_field(str(args.get("password", "")), setter(ctx, "password"),
                         hint="Password", rid="password", password=True)
    field.on_submit = connect
    return [w.list_item(network, "Enter the network password"), padded(field, 210),
            padded(w.button("Connect", connect, rid="connect"), 192)]


# --- Bluetooth ----------------------------------------------------------------------------


def connected(ctx: AppContext, setup: Setup) -> list[View]:
    rows = [w.switch_row("Bluetooth", bool(ctx.system.get("bluetooth")),
                         toggle(ctx, "bluetooth"), rid="bluetooth_switch_row",
                         subtitle="On" if ctx.system.get("bluetooth") else "Off"),
            w.list_item("Pair new device", on_click=lambda: ctx.push("pair"), icon="add",
                        rid="pair_new_device")]
    paired = ctx.state.get("paired_devices", [])
    rows += [w.list_item(name, "Saved device", icon="bluetooth") for name in paired]
    return rows


def pair(ctx: AppContext, setup: Setup) -> list[View]:
    def pair_with(name: str) -> None:
        if not ctx.system.get("bluetooth"):
            ctx.toast("Turn on Bluetooth to pair")
            return
        if name not in ctx.state["paired_devices"]:
            ctx.state["paired_devices"].append(name)
        ctx.toast(f"Paired with {name}")

    return [w.list_item(name, "Available", on_click=lambda name=name: pair_with(name),
                        icon="bluetooth", rid="device_row") for name in setup.air.bluetooth]
