"""Which layout a phone's apps take: the small ways one phone's apps differ from another's.

Real phones disagree on where things are and what they are called: Settings lists its
categories in a vendor's order and under a vendor's names, some put Wi-Fi one page deeper
(Network & internet › Internet), Contacts has a floating "Create contact" button or a "+" in
its toolbar. A `Variant` is one such choice for every app, drawn from the phone's seed
(`World.variant`); `Variant.reference()` is the phone that the apps' modules describe (seed 0).
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Literal

# Settings categories, by page key, in the reference order.
SETTINGS_PAGES = ("network", "connected", "apps", "notifications", "battery", "storage",
                  "sound", "display", "accessibility", "security", "privacy", "location",
                  "system", "about")

# Other orders phones ship, as page keys (a vendor's grouping: connections first, then
# sound and display, the device's care, then the rest).
_ORDERS = (
    SETTINGS_PAGES,
    ("network", "connected", "sound", "notifications", "display", "battery", "apps",
     "storage", "location", "security", "privacy", "accessibility", "system", "about"),
    ("network", "connected", "display", "sound", "notifications", "apps", "storage",
     "battery", "accessibility", "privacy", "security", "location", "system", "about"),
    ("network", "connected", "apps", "display", "sound", "storage", "battery", "location",
     "security", "privacy", "accessibility", "notifications", "system", "about"),
)

# What each category may be called; the first name is the reference phone's.
SETTINGS_NAMES: dict[str, tuple[str, ...]] = {
    "network": ("Network & internet", "Connections", "Network and internet",
                "Wi-Fi & network"),
    "connected": ("Connected devices", "Bluetooth & devices", "Connected devices and Bluetooth",
                  "Device connection"),
    "apps": ("Apps", "Applications", "Apps & permissions"),
    "notifications": ("Notifications", "Notifications & status bar",
                      "Notifications and alerts"),
    "battery": ("Battery", "Battery & power", "Battery and device care"),
    "storage": ("Storage", "Storage & memory"),
    "sound": ("Sound & vibration", "Sounds and vibration", "Sound"),
    "display": ("Display", "Display & brightness", "Display and brightness"),
    "accessibility": ("Accessibility",),
    "security": ("Security", "Biometrics and security", "Security & lock screen"),
    "privacy": ("Privacy", "Privacy & safety"),
    "location": ("Location", "Location services"),
    "system": ("System", "General management", "System & updates"),
    "about": ("About phone", "About device", "Phone info"),
}

CLOCK_TABS = ("alarm", "clock", "timer", "stopwatch")
_CLOCK_ORDERS = (CLOCK_TABS, ("clock", "alarm", "timer", "stopwatch"),
                 ("alarm", "clock", "stopwatch", "timer"),
                 ("alarm", "timer", "stopwatch", "clock"))


@dataclass(frozen=True)
class Variant:
    """One phone's layout choices. Every field's first documented value is the reference."""

    # Settings' main list, top to bottom, as page keys (rows keep `category_<key>` ids).
    settings_order: tuple[str, ...] = SETTINGS_PAGES
    # The title of each category, in the main list and on its page: (key, title) pairs.
    settings_titles: tuple[tuple[str, str], ...] = tuple(
        (k, names[0]) for k, names in SETTINGS_NAMES.items())
    # False: the network page has the Wi-Fi switch and a "Wi-Fi networks" row. True: it has
    # an "Internet" row that opens a page with the Wi-Fi switch and the networks.
    internet_page: bool = False
    # False: the display page has the "Dark theme" switch. True: it has an "Appearance" row
    # that opens a page with the switch.
    appearance_page: bool = False
    # Contacts' "create" control: "fab" (floating "Create contact" button, bottom right) or
    # "toolbar" (a "+" described "Add contact" in a top bar titled "Contacts").
    contacts_add: Literal["fab", "toolbar"] = "fab"
    # Contacts' list order and sections: "first" (by first name) or "last" (by last name,
    # people without one by their first); names are shown first name first either way.
    contacts_sort: Literal["first", "last"] = "first"
    # Messages' "new conversation" control: "fab" (floating "Start chat" button) or
    # "toolbar" (a pencil described "New conversation" beside the search icon).
    messages_new: Literal["fab", "toolbar"] = "fab"
    # Clock's bottom tabs, left to right; the app opens on the first.
    clock_tabs: tuple[str, ...] = CLOCK_TABS

    @classmethod
    def reference(cls) -> Variant:
        return cls()

    @classmethod
    def draw(cls, rng: random.Random) -> Variant:
        """A plausible phone's layout; draws in a fixed order so a seed always gives the same."""
        titles = tuple((k, rng.choice(names)) for k, names in SETTINGS_NAMES.items())
        return cls(settings_order=rng.choice(_ORDERS), settings_titles=titles,
                   internet_page=rng.random() < 0.5, appearance_page=rng.random() < 0.5,
                   contacts_add=rng.choice(("fab", "toolbar")),
                   contacts_sort=rng.choice(("first", "last")),
                   messages_new=rng.choice(("fab", "toolbar")),
                   clock_tabs=rng.choice(_CLOCK_ORDERS))

    def settings_title(self, key: str) -> str:
        """The title of Settings category `key` on this phone."""
        return dict(self.settings_titles)[key]
