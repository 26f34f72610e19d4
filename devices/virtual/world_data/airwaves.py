"""A seed's phone itself: the networks and Bluetooth devices around it, and its settings
(battery, brightness, volumes, name, model, number) as they stand when it starts.

The switches (Wi-Fi, Bluetooth, airplane mode, dark theme) start off on every seed, as on the
reference phone, so that a task that asks to turn one on has something to do.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Any

HOME_NETWORKS = ("FRITZ!Box 7590 {X}", "Vodafone-{X}", "TP-Link_{X}", "NETGEAR{N}",
                 "Livebox-{X}", "BTHub6-{X}", "Casa {Owner}", "{Owner}'s Wi-Fi", "Starlink",
                 "Pretty Fly for a WiFi", "HomeNet-5G", "Orange-{X}", "Telia-{X}")
NEIGHBOURS = ("DIRECT-{N}-HP LaserJet", "Vodafone-{X}", "TP-Link_{X}", "NETGEAR{N}",
              "Linksys{N}", "eir{N}", "xfinitywifi", "Office-5G", "Guest", "Apt {N}",
              "ASUS_{X}")
OPEN_NETWORKS = ("CoffeeShop Free", "Airport Free WiFi", "Library-Guest", "Hotel_Guest",
                 "Free Public WiFi", "Bakery Wi-Fi")
BLUETOOTH = ("Pixel Buds Pro", "Galaxy Buds2", "AirPods Pro", "Car Audio", "Toyota Corolla",
             "JBL Flip 5", "Sony WH-1000XM4", "Bose QC45", "Fitbit Charge 6", "Mi Band 8",
             "Keyboard K380", "MX Master 3S", "Pro Controller", "UE Boom 3", "Kia Sportage")
MODELS = ("Pixel 8", "Pixel 7a", "Galaxy S23", "Galaxy A54", "Nothing Phone (2)", "moto g84",
          "OnePlus 11", "Xperia 10 V", "Redmi Note 13")
OWNERS = ("Alex", "Noor", "Kai", "Jun", "Amara", "Inés", "Mateus", "Sanne", "Tomasz", "Leila")


@dataclass(frozen=True)
class Airwaves:
    networks: tuple[tuple[str, bool], ...]  # Wi-Fi networks in range: name, secured
    saved: tuple[str, ...]  # networks the phone knows; the first is home (in range)
    bluetooth: tuple[str, ...]  # devices that can be paired


def _name(rng: random.Random, template: str, owner: str) -> str:
    hexes = "".join(rng.choice("0123456789ABCDEF") for _ in range(4))
    return template.format(X=hexes, N=rng.randint(10, 99), Owner=owner)


def draw_airwaves(rng: random.Random, owner: str) -> Airwaves:
    """A home network, 2-5 secured neighbours and 1-2 open networks; 2-5 Bluetooth devices."""
    home = _name(rng, rng.choice(HOME_NETWORKS), owner)
    names = [home]
    for template in rng.sample(NEIGHBOURS, rng.randint(2, 5)):
        name = _name(rng, template, owner)
        if name not in names:
            names.append(name)
    secured = [(n, True) for n in names]
    open_ = [(n, False) for n in rng.sample(OPEN_NETWORKS, rng.randint(1, 2))]
    networks = secured + open_
    rng.shuffle(networks)
    return Airwaves(tuple(networks), (home,),
                    tuple(rng.sample(BLUETOOTH, rng.randint(2, 5))))


def draw_owner(rng: random.Random) -> str:
    return rng.choice(OWNERS)


def draw_system(rng: random.Random, owner: str) -> dict[str, Any]:
    """The phone-wide values a seed changes, over `session.default_system()`."""
    model = rng.choice(MODELS)
    battery = rng.randint(6, 100)
    return {"battery": battery, "battery_saver": battery < 20 and rng.random() < 0.5,
            "brightness": rng.randint(15, 95), "media_volume": rng.randrange(0, 101, 10),
            "ring_volume": rng.randrange(20, 101, 10), "location": rng.random() < 0.7,
            "model": model,
            "device_name": rng.choice((model, f"{owner}'s {model}", f"{owner}'s phone")),
            "phone_number": f"+1 555-{rng.randint(200, 9999):04d}"}
