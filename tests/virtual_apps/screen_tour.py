"""A tour of the virtual phone's screens, in every app, with a digest of each screen's pixels,
XML and state: what pins the reference phone (seed 0) and shows a seed is reproducible."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator

from phone_driver import Driver

from devices.virtual.phone import VirtualPhone

SETTINGS_PAGES = ["network", "connected", "apps", "notifications", "battery", "storage",
                  "sound", "display", "accessibility", "security", "privacy", "location",
                  "system", "about"]


def digest(phone: VirtualPhone) -> str:
    """12 hex digits of the screenshot's pixels, of the XML dump and of the state (less the
    shop's catalogue, which the state gained after these digests were first taken)."""
    pixels = hashlib.sha256(phone.screenshot().tobytes()).hexdigest()[:12]
    xml = hashlib.sha256(phone.dump_hierarchy().encode("utf-8")).hexdigest()[:12]
    full = phone.state()
    full["shop"].pop("products", None)
    state = json.dumps(full, sort_keys=True, ensure_ascii=False)
    return f"{pixels}:{xml}:{hashlib.sha256(state.encode('utf-8')).hexdigest()[:12]}"


def _contacts(d: Driver) -> Iterator[str]:
    d.phone.start_app("contacts")
    yield "contacts/list"
    d.tap(rid="contact_row")
    yield "contacts/details"
    d.phone.press_key("back")
    d.tap(rid="floating_action_button")
    yield "contacts/editor"
    d.phone.press_key("back")
    d.scroll_down()
    yield "contacts/list-scrolled"


def _messages(d: Driver) -> Iterator[str]:
    d.phone.start_app("messages")
    yield "messages/list"
    d.tap(rid="conversation_list_item")
    yield "messages/conversation"
    d.phone.press_key("back")
    d.tap(rid="start_chat_fab")
    yield "messages/new-chat"
    d.phone.press_key("back")


def _clock(d: Driver) -> Iterator[str]:
    d.phone.start_app("clock")
    yield "clock/alarms"
    d.tap(rid="alarm_item")
    yield "clock/alarm-expanded"
    for tab in ("clock", "timer", "stopwatch", "alarm"):
        d.tap(rid=f"tab_{tab}")
        yield f"clock/{tab}"
    d.tap(rid="fab")
    yield "clock/picker"
    d.phone.press_key("back")


def _notes(d: Driver) -> Iterator[str]:
    d.phone.start_app("notes")
    yield "notes/list"
    d.tap(rid="note_row")
    yield "notes/editor"
    d.phone.press_key("back")


def _shop(d: Driver) -> Iterator[str]:
    d.phone.start_app("shop")
    yield "shop/catalogue"
    d.tap(rid="product_item")
    yield "shop/product"
    d.tap(rid="add_to_cart_button")
    d.tap(rid="action_cart")
    yield "shop/cart"
    d.phone.press_key("back")
    d.phone.press_key("back")
    d.scroll_down()
    yield "shop/catalogue-scrolled"


def _restart(d: Driver, app: str) -> None:
    """Open `app` afresh, at the top of its first page."""
    d.phone.force_stop(app)
    d.phone.start_app(app)


def _settings(d: Driver) -> Iterator[str]:
    d.phone.start_app("settings")
    yield "settings/main"
    for name in SETTINGS_PAGES:
        d.tap(rid=f"category_{name}")
        yield f"settings/{name}"
        d.phone.press_key("back")
    _restart(d, "settings")
    d.tap(rid="category_network")
    d.tap(rid="wifi_switch_row")
    yield "settings/network-wifi-on"
    d.tap(rid="wifi_networks")
    yield "settings/wifi"
    _restart(d, "settings")
    d.tap(rid="category_connected")
    d.tap(rid="bluetooth_switch_row")
    d.tap(rid="pair_new_device")
    yield "settings/pair"


def tour(phone: VirtualPhone) -> dict[str, str]:
    """Every stop of the tour, by name, with its digest."""
    d = Driver(phone)
    out = {"launcher": digest(phone)}
    for part in (_contacts, _messages, _clock, _notes, _shop, _settings):
        for stop in part(d):
            out[stop] = digest(phone)
        d.home()
    d.phone.start_app("game")
    out["game"] = digest(phone)
    return out
