"""A seed's notes and alarms: what a person writes down and wakes up to.

Notes are drawn from templates filled with concrete facts (Wi-Fi passwords, door codes,
shopping lists, addresses) and the seed's people; newest first. Alarms: 2-6, sorted by time.
"""

from __future__ import annotations

import random
from typing import Any

from devices.virtual.world_data.facts import ITEMS, Facts, draw_facts
from devices.virtual.world_data.people import Person

BOOKS = ("The Left Hand of Darkness", "Piranesi", "Things Fall Apart", "The Overstory",
         "One Hundred Years of Solitude", "Klara and the Sun", "The Three-Body Problem",
         "Norwegian Wood", "Americanah", "The God of Small Things", "Pachinko", "Solaris")
GIFTS = ("silk scarf", "board game (Wingspan)", "pottery class", "noise-cancelling headphones",
         "a plant", "concert tickets", "cookbook", "running shoes", "a photo album")
PACKING = ("passport", "charger", "adapter", "sunscreen", "hiking boots", "swimsuit",
           "toothbrush", "headphones", "rain jacket", "medication", "book")

# title, body; {placeholders} from Facts, {a}/{b}/{c}: people's first names, {list}: items
NOTES: tuple[tuple[str, str], ...] = (
    ("Wi-Fi at the cabin", "Network: {ssid}\nPassword: {password}"),
    ("Guest Wi-Fi", "{ssid} / {password}"),
    ("Door code", "Building door: {code}#\nMailbox: {room}"),
    ("Groceries", "{list}"),
    ("Shopping list", "{list}"),
    ("{a}'s new address", "{address}"),
    ("Gift ideas", "{a}: {gift1}\n{b}: {gift2}"),
    ("Books to read", "{books}"),
    ("Packing list", "{packing}"),
    ("Parking", "Level {terminal}, spot {room}. Plate {plate}"),
    ("Meeting notes", "Moved to {day} at {time}. {a} owns the budget, {b} the roadmap."),
    ("Dinner at {place}", "{day}, {time}. Booked for 4 under {c}."),
    ("Gym locker", "Locker {room}, combination {code}"),
    ("Flight", "Terminal {terminal}, boarding {time}. Confirmation {order}"),
    ("Bike lock", "Code {code}"),
    ("Lent money", "{a} owes me {amount} for the concert tickets"),
)


def _filled(rng: random.Random, title: str, body: str, facts: Facts,
            names: list[str]) -> tuple[str, str]:
    a, b, c = (rng.sample(names, 3) if len(names) >= 3 else ["Alex", "Sam", "Jo"])
    values = {**facts.as_dict(), "a": a, "b": b, "c": c,
              "list": ", ".join(rng.sample(ITEMS, rng.randint(3, 7))),
              "gift1": rng.choice(GIFTS), "gift2": rng.choice(GIFTS),
              "books": "\n".join(rng.sample(BOOKS, rng.randint(2, 5))),
              "packing": ", ".join(rng.sample(PACKING, rng.randint(4, 7)))}
    return title.format(**values), body.format(**values)


def draw_notes(rng: random.Random, people: tuple[Person, ...]) -> list[dict[str, Any]]:
    """5-12 notes with distinct templates, newest first (the highest id first)."""
    names = [p.first for p in people if p.last]
    chosen = rng.sample(NOTES, rng.randint(5, 12))
    notes = [_filled(rng, t, b, draw_facts(rng), names) for t, b in chosen]
    return [{"id": len(notes) - i, "title": t, "body": b} for i, (t, b) in enumerate(notes)]


LABELS = ("Work", "Gym", "Take medicine", "", "", "Wake up", "School run", "Yoga",
          "Feed the cat", "Standup", "Water plants", "Prayer", "Call Mom", "Nap over")
DAY_SETS = (["Mon", "Tue", "Wed", "Thu", "Fri"], ["Sun", "Sat"], [], [],
            ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"], ["Mon", "Wed", "Fri"],
            ["Tue", "Thu"], ["Sat"])


# hours alarms are set for, mornings most often
_HOURS = (5, 6, 6, 6, 7, 7, 7, 7, 8, 8, 8, 9, 10, 12, 14, 16, 18, 20, 21, 22, 23)


def draw_alarms(rng: random.Random) -> list[dict[str, Any]]:
    """2-6 alarms at distinct times, sorted by time, ids in that order."""
    count, chosen = rng.randint(2, 6), set()
    while len(chosen) < count:
        chosen.add((rng.choice(_HOURS), rng.randrange(0, 60, 5)))
    times = sorted(chosen)
    return [{"id": i + 1, "hour": h, "minute": m, "label": rng.choice(LABELS),
             "enabled": rng.random() < 0.6, "days": list(rng.choice(DAY_SETS))}
            for i, (h, m) in enumerate(times)]
