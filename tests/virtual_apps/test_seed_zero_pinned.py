"""Seed 0 is the reference phone: per-seed data and layouts must leave every one of its
screens as it was, to the pixel, the XML node and the state value."""

from __future__ import annotations

import pytest
from screen_tour import tour

from devices.virtual.apps.shop import CATALOGUE
from devices.virtual.phone import VirtualPhone

pytestmark = pytest.mark.sim

PINNED = {
    "launcher": "ce9796b627ec:f016a67853f9:c8155441271d",
    "contacts/list": "e2e89b84348c:02f734f209a5:4530fef404db",
    "contacts/details": "baa29eefd5ed:cf07e976e2c8:4530fef404db",
    "contacts/editor": "c5fde80a6846:ad648fe78b1f:4530fef404db",
    "contacts/list-scrolled": "d463da947a06:ed807f951dd2:4530fef404db",
    "messages/list": "2631f33a8078:1f80783b71eb:7413f93ab809",
    "messages/conversation": "3165922a4735:055ac5095509:49441d121075",
    "messages/new-chat": "fa8af366f601:08031974ef93:49441d121075",
    "clock/alarms": "6a76e25f9d1b:6d464ffa7a8e:6849556789c1",
    "clock/alarm-expanded": "cfd39b99c72a:4816451c79e1:6849556789c1",
    "clock/clock": "e44e87aabd1a:fae62bf72206:6849556789c1",
    "clock/timer": "1f5c95d7051a:a076b89979db:6849556789c1",
    "clock/stopwatch": "096ddacb0dc1:a9e38d498ce6:6849556789c1",
    "clock/alarm": "6a76e25f9d1b:6d464ffa7a8e:6849556789c1",
    "clock/picker": "e43f25fbd0c6:06153ad6d26c:6849556789c1",
    "notes/list": "70d87f977652:ad11039bb19e:66d2152cefdc",
    "notes/editor": "a1d6c6ec95d9:1ef007974e75:66d2152cefdc",  # the body wraps (multi-line)
    "shop/catalogue": "868f72ef6a50:c3d78905a0ba:1e51e6245fe6",
    "shop/product": "b61830d8844b:172ef23b591a:1e51e6245fe6",
    "shop/cart": "aa3517bb4788:3ec42b9aaf21:b1f3b8563a14",
    "shop/catalogue-scrolled": "cffd1e390dd7:c14b8a265c2d:b1f3b8563a14",
    "settings/main": "b2a1b6bf8c62:ec1b56eaf711:2e47a1681478",
    "settings/network": "971e1687136d:7e2c3414f9ca:2e47a1681478",
    "settings/connected": "7355bb4a6a6b:7fa3893adf1d:2e47a1681478",
    "settings/apps": "abc5bad494ea:a1d8cabd7970:2e47a1681478",
    "settings/notifications": "e9e8e8c8b09e:26581c63c712:2e47a1681478",
    "settings/battery": "a2bc95768c02:5fadc56eb871:2e47a1681478",
    "settings/storage": "747a4df44301:0452004d859d:2e47a1681478",
    "settings/sound": "0db489315d0f:a4d5c3cc6fbb:2e47a1681478",
    "settings/display": "874435380b0d:ff10c5eadc3e:2e47a1681478",
    "settings/accessibility": "541489696edf:635d65ad6741:2e47a1681478",
    "settings/security": "ffb02c81d255:955b1e033019:2e47a1681478",
    "settings/privacy": "585f1c0d311d:ff092568bda1:2e47a1681478",
    "settings/location": "2df0284c442b:72860c6fdc96:2e47a1681478",
    "settings/system": "8c531ba4096f:0908a2da1ffc:2e47a1681478",
    "settings/about": "feaf1a573342:e60c76f1c47d:2e47a1681478",
    "settings/network-wifi-on": "e5c3f9578299:8778ce127680:5ca5eda0bc57",
    "settings/wifi": "8e6a04822f25:11133451b0ae:5ca5eda0bc57",
    "settings/pair": "3b0dcd797ab5:39328b4dd35f:2c96bb56b012",
    "game": "ba7c4e566ace:4f02cf2b09ff:62b34e66fed1",
}


def test_every_screen_of_seed_zero_is_as_pinned() -> None:
    got = tour(VirtualPhone())
    changed = {stop: (PINNED.get(stop), digest) for stop, digest in got.items()
               if PINNED.get(stop) != digest}
    assert not changed, f"seed 0 changed (pinned, now): {changed}"
    assert set(got) == set(PINNED)


def test_seed_zero_state_lists_the_shop_catalogue_in_cents() -> None:
    products = VirtualPhone().state()["shop"]["products"]
    assert products == [{"name": n, "price": c, "category": cat, "description": d}
                        for n, c, cat, d in CATALOGUE]
