"""A seed's message threads: conversations with its people, a business or two, a short code.

Each conversation is drawn from a template of lines; `{placeholders}` are filled with concrete
facts (times, addresses, codes, amounts), so that a task can ask for one of them. Threads are
most recent first, with the time labels the Messages list shows ("9:02 AM", "Yesterday",
"Sat", "May 2"), on the phone's clock of Tuesday 14 May 2024, 9:41.
"""

from __future__ import annotations

import random
from typing import Any

from devices.virtual.world_data.facts import Facts, draw_facts
from devices.virtual.world_data.people import Person

# (who, text): "them" or "me"
Lines = tuple[tuple[str, str], ...]

CHATS: tuple[Lines, ...] = (
    (("them", "Are we still on for dinner tonight?"), ("me", "Yes! {time} at {place}"),
     ("them", "Great, see you at {time}!")),
    (("them", "What's the address again?"), ("me", "{address}"),
     ("them", "Thanks, on my way")),
    (("me", "Can you send me the slides?"), ("them", "Sent them to your email")),
    (("them", "The wifi password is {password}"), ("me", "Got it, thanks")),
    (("them", "I paid the deposit, you owe me {amount}"), ("me", "Sending it tonight")),
    (("them", "Running late, be there by {time}"),),
    (("me", "Happy birthday {first}!"), ("them", "Thank you so much!")),
    (("them", "Meeting moved to {day} at {time}, room {room}"), ("me", "OK, noted")),
    (("them", "Can you pick up {item} on your way home?"), ("me", "Sure")),
    (("them", "The door code is {code}"), ("me", "👍")),
    (("them", "Did you book the table at {place}?"), ("me", "Yes, {day} at {time}"),
     ("them", "Perfect")),
    (("me", "Where should we meet?"), ("them", "In front of {place}, {address}")),
    (("them", "Flight lands at {time}, terminal {terminal}"),
     ("me", "I'll be there to pick you up")),
    (("them", "Can I borrow your drill on {day}?"), ("me", "Of course")),
    (("them", "Don't forget the dentist on {day} at {time}"),),
)

BUSINESSES: tuple[tuple[str, Lines], ...] = (
    ("City Pharmacy", (("them", "Your prescription {order} is ready for pickup until {day}."),)),
    ("Northbank", (("them", "A payment of {amount} to {place} was approved. Not you? Call us."),)),
    ("ParcelGo", (("them", "Your parcel {order} will arrive {day} between {time} and "
                           "{later}."),)),
    ("Dr. Alvarez Dental", (("them", "Reminder: appointment on {day} at {time}. Reply C to "
                                     "confirm."), ("me", "C"))),
    ("SpeedyCab", (("them", "Your driver is arriving in 4 min: plate {plate}."),)),
    ("Verify", (("them", "Your verification code is {code}. Do not share it."),)),
)

# Labels of days before today (Tuesday 14 May 2024), nearest first
_DAYS_BACK = ("Yesterday", "Sun", "Sat", "Fri", "Thu", "Wed", "May 7", "May 3", "May 2",
              "Apr 28", "Apr 21", "Apr 9", "Mar 30")


def _fill(lines: Lines, facts: Facts, name: str) -> list[tuple[str, str]]:
    return [(who, text.format(**facts.as_dict(), first=name)) for who, text in lines]


def _today_times(rng: random.Random, n: int) -> list[str]:
    """n clock labels before 9:41 AM, latest first."""
    minutes = sorted(rng.sample(range(6 * 60, 9 * 60 + 40), n), reverse=True)
    return [f"{m // 60}:{m % 60:02d} AM" for m in minutes]


def _labels(rng: random.Random, n: int) -> list[str]:
    """Time labels of n threads, most recent first."""
    today = rng.randint(1, min(3, n))
    older = sorted(rng.sample(range(len(_DAYS_BACK)), n - today))
    return _today_times(rng, today) + [_DAYS_BACK[i] for i in older]


def _thread(tid: int, contact: str, phone: str, lines: list[tuple[str, str]], when: str,
            unread: bool) -> dict[str, Any]:
    messages = [{"sender": "me" if who == "me" else contact, "text": text, "time": when}
                for who, text in lines]
    unread = unread and messages[-1]["sender"] != "me"
    return {"id": tid, "contact": contact, "phone": phone, "unread": unread,
            "messages": messages}


def _short_code(rng: random.Random) -> str:
    return str(rng.randint(20000, 99999))


def draw_threads(rng: random.Random, people: tuple[Person, ...]) -> list[dict[str, Any]]:
    """4-10 threads: most with people, one or two with businesses (some by number only)."""
    chosen = rng.sample([p for p in people if p.phone], rng.randint(3, min(8, len(people))))
    business = rng.sample(BUSINESSES, rng.randint(1, 2))
    senders: list[tuple[str, str, Lines, str]] = []
    for p in chosen:
        senders.append((_display(p), p.phone, rng.choice(CHATS), p.first))
    for name, lines in business:
        number = _short_code(rng)
        senders.append((name if rng.random() < 0.6 else number, number, lines, name))
    rng.shuffle(senders)
    labels = _labels(rng, len(senders))
    threads = []
    for i, ((contact, phone, lines, first), when) in enumerate(zip(senders, labels,
                                                                     strict=True)):
        filled = _fill(lines, draw_facts(rng), first)
        threads.append(_thread(i + 1, contact, phone, filled, when,
                               unread=i < 3 and rng.random() < 0.5))
    return threads


def _display(person: Person) -> str:
    return " ".join(part for part in (person.first, person.last) if part)
