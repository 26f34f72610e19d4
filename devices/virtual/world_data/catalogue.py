"""A seed's shop catalogue: products, prices and categories drawn from a pool.

A product is `{name, price, category, description}`, `price` in cents (int), as the shop's
own catalogue keeps it; orders record prices in dollars. Products come grouped by category.
"""

from __future__ import annotations

import random
from typing import Any

# category -> (name, low price, high price in dollars, description)
POOL: dict[str, tuple[tuple[str, int, int, str], ...]] = {
    "Audio": (("Wireless Earbuds", 29, 129, "Noise-isolating earbuds, 24 h with the case."),
              ("Bluetooth Speaker", 25, 99, "Waterproof speaker, 12 h playtime."),
              ("Over-ear Headphones", 59, 299, "Active noise cancelling, 30 h battery."),
              ("Clip-on Microphone", 15, 49, "Lavalier mic with a USB-C adapter.")),
    "Accessories": (("USB-C Cable (1 m)", 6, 15, "Braided USB-C cable, 60 W charging."),
                    ("Wall Charger 30W", 15, 35, "Fast charger with one USB-C port."),
                    ("Phone Case", 12, 39, "Slim shock-absorbing case."),
                    ("Screen Protector (2 pack)", 8, 19, "Tempered glass, easy install."),
                    ("Car Phone Mount", 12, 29, "Vent mount with a one-hand release."),
                    ("Power Bank 20000mAh", 25, 59, "Two USB-C ports, charges a phone 4x.")),
    "Wearables": (("Fitness Band", 29, 79, "Steps, heart rate and sleep; 10 day battery."),
                  ("Smart Watch", 149, 399, "GPS, heart rate, contactless payments.")),
    "Office": (("Ergonomic Mouse", 25, 89, "Vertical grip, silent clicks."),
               ("Monitor Light Bar", 29, 69, "Lights the desk, not the screen."),
               ("Webcam 1080p", 35, 99, "Autofocus webcam with a privacy shutter."),
               ("Desk Organizer", 12, 35, "Bamboo tray with five compartments.")),
    "Home": (("Smart Plug (2 pack)", 15, 35, "Schedules and a timer from the phone."),
             ("LED Bulb E27", 5, 15, "Warm white, 806 lm, dimmable."),
             ("Throw Blanket", 25, 69, "Knitted cotton, 130 x 170 cm."),
             ("Diffuser", 19, 49, "Ultrasonic aroma diffuser, 300 ml.")),
    "Kitchen": (("French Press", 19, 45, "1 l glass press with a steel filter."),
                ("Chef's Knife", 29, 120, "20 cm stainless steel blade."),
                ("Spice Set", 15, 39, "Twelve spices from around the world."),
                ("Matcha Tin", 12, 30, "Ceremonial grade, 30 g."),
                ("Bento Box", 14, 32, "Two tiers, leak-proof lid.")),
    "Sports": (("Jump Rope", 8, 25, "Adjustable steel cable, ball bearings."),
               ("Resistance Bands", 12, 35, "Five levels with handles."),
               ("Cycling Gloves", 15, 39, "Padded palms, touchscreen fingertips."),
               ("Swim Goggles", 10, 29, "Anti-fog, UV protection.")),
    "Travel": (("Packing Cubes (4)", 19, 39, "Compression cubes for a carry-on."),
               ("Neck Pillow", 15, 35, "Memory foam with a washable cover."),
               ("Luggage Tag", 6, 18, "Leather tag with a privacy flap."),
               ("Travel Adapter", 15, 35, "Works in 150 countries, 3 USB ports.")),
    "Books": (("Pocket Atlas", 12, 25, "Maps of every country, 320 pages."),
              ("Cookbook: Street Food", 18, 35, "120 recipes from 30 cities."),
              ("Puzzle Book", 7, 15, "200 logic puzzles with answers.")),
    "Toys": (("Building Blocks (500)", 25, 60, "Compatible bricks in 20 colours."),
             ("Card Game", 10, 25, "Fast party game for 2-8 players."),
             ("Plush Octopus", 12, 28, "Reversible, happy and grumpy.")),
}


def _price(rng: random.Random, low: int, high: int) -> int:
    """Cents, ending as shops price things: .99, .49, .95 or .00."""
    return rng.randint(low, high) * 100 - rng.choice((1, 51, 5, 0))


def draw_catalogue(rng: random.Random) -> list[dict[str, Any]]:
    """12-24 products of some of the categories, grouped by category."""
    want = rng.randint(12, 24)
    products: list[dict[str, Any]] = []
    for category in rng.sample(sorted(POOL), len(POOL)):
        if len(products) >= want:
            break
        pool = POOL[category]
        for name, low, high, description in rng.sample(pool, rng.randint(2, len(pool))):
            products.append({"name": name, "price": _price(rng, low, high),
                             "category": category, "description": description})
    return products
