"""Concrete facts that messages and notes carry: times, places, addresses, codes, amounts.

One `Facts` fills one message thread or one note, so the lines of a conversation agree with
each other ("Yes! 7:30 PM at Casa Lupe" ... "see you at 7:30 PM").
"""

from __future__ import annotations

import random
from dataclasses import asdict, dataclass

PLACES = ("Luigi's", "Casa Lupe", "the Blue Door café", "Sakura Ramen", "Le Petit Zinc",
          "the farmers market", "Café Lumière", "Taverna Nikos", "the central library",
          "Bar Ñandú", "Mama Africa Kitchen", "the train station", "Dosa Palace",
          "Pho Saigon", "the climbing gym", "Brauhaus Süd")
STREETS = ("Maple Street", "Rue des Lilas", "Calle Mayor", "Hauptstraße", "Oak Avenue",
           "Via Roma", "Kings Road", "Elm Court", "Rua das Flores", "Lakeview Drive",
           "Sunset Boulevard", "Nørregade", "Ulitsa Lenina", "Station Road")
CITIES = ("Springfield", "Lyon", "Valencia", "Leipzig", "Portland", "Bologna", "Leeds",
          "Porto", "Aarhus", "Accra", "Pune", "Da Nang")
ITEMS = ("milk", "bread", "eggs", "coffee beans", "bananas", "rice", "olive oil", "tomatoes",
         "cheese", "yogurt", "apples", "onions", "pasta", "dish soap", "batteries",
         "toilet paper", "oat milk", "spinach", "tortillas", "lentils")
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
WORDS = ("loon", "maple", "otter", "cobalt", "pepper", "harbor", "willow", "falcon", "ember",
         "juniper", "mango", "nimbus")


@dataclass(frozen=True)
class Facts:
    time: str  # "7:30 PM"
    later: str  # two hours after `time`
    day: str  # "Thursday"
    place: str
    address: str  # "14 Maple Street, Springfield"
    password: str  # a Wi-Fi-style password
    ssid: str  # a Wi-Fi network name
    code: str  # a door code or one-time code, digits
    amount: str  # "$42.50"
    order: str  # an order or prescription number
    room: str
    terminal: str
    plate: str  # a car's number plate
    item: str  # something to buy

    def as_dict(self) -> dict[str, str]:
        return asdict(self)


def clock(hour: int, minute: int) -> str:
    return f"{(hour % 12) or 12}:{minute:02d} {'AM' if hour < 12 else 'PM'}"


def _code(rng: random.Random, n: int) -> str:
    return "".join(str(rng.randrange(10)) for _ in range(n))


def _plate(rng: random.Random) -> str:
    letters = "".join(rng.choice("ABCDEFGHJKLMNPRSTVWXYZ") for _ in range(3))
    return f"{letters} {_code(rng, 4)}"


def draw_facts(rng: random.Random) -> Facts:
    hour, minute = rng.randint(7, 20), rng.choice((0, 15, 30, 45))
    word = rng.choice(WORDS)
    return Facts(
        time=clock(hour, minute), later=clock(hour + 2, minute), day=rng.choice(DAYS),
        place=rng.choice(PLACES),
        address=f"{rng.randint(2, 180)} {rng.choice(STREETS)}, {rng.choice(CITIES)}",
        password=f"{word}-{_code(rng, 4)}", ssid=f"{word.capitalize()}Net-{_code(rng, 2)}",
        code=_code(rng, rng.choice((4, 5, 6))),
        amount=f"${rng.randint(5, 480)}.{rng.choice(('00', '50', '25', '99', '75'))}",
        order=f"{rng.choice(('RX', 'PG', 'NB', 'ORD'))}-{_code(rng, 4)}",
        room=f"{rng.randint(1, 6)}.{_code(rng, 2)}", terminal=rng.choice("12345ABCDE"),
        plate=_plate(rng), item=rng.choice(ITEMS))
