"""What a seed's phone holds when it starts: its people, threads, notes, alarms, catalogue and
settings, drawn from the seed (`World.rng`), each topic from its own generator.

Seed 0 is the reference phone, whose data the apps' own modules hold; the apps call these
functions for any other seed. Every call draws afresh and returns new lists, so that a phone
may change what it gets; the same world always gives equal data.
"""

from __future__ import annotations

from typing import Any

from devices.virtual.world import World
from devices.virtual.world_data.airwaves import Airwaves, draw_airwaves, draw_owner, draw_system
from devices.virtual.world_data.catalogue import draw_catalogue
from devices.virtual.world_data.jottings import draw_alarms, draw_notes
from devices.virtual.world_data.people import Person, draw_people
from devices.virtual.world_data.threads import draw_threads

__all__ = ["Airwaves", "Person", "airwaves", "alarms", "catalogue", "notes", "owner", "people",
           "system", "threads"]


def people(world: World) -> tuple[Person, ...]:
    """The address book: 15-30 people, first names unique."""
    return draw_people(world.rng("people"))


def threads(world: World) -> list[dict[str, Any]]:
    """`messages.threads`, most recent first."""
    return draw_threads(world.rng("threads"), people(world))


def notes(world: World) -> list[dict[str, Any]]:
    """`notes.notes`, newest first."""
    return draw_notes(world.rng("notes"), people(world))


def alarms(world: World) -> list[dict[str, Any]]:
    """`clock.alarms`, sorted by time."""
    return draw_alarms(world.rng("alarms"))


def catalogue(world: World) -> list[dict[str, Any]]:
    """`shop.products`: {name, price (cents), category, description}."""
    return draw_catalogue(world.rng("catalogue"))


def owner(world: World) -> str:
    """The first name of the phone's owner (in its device name, its home network's)."""
    return draw_owner(world.rng("owner"))


def airwaves(world: World) -> Airwaves:
    """Wi-Fi networks in range, the saved ones, Bluetooth devices that can pair."""
    return draw_airwaves(world.rng("airwaves"), owner(world))


def system(world: World) -> dict[str, Any]:
    """The phone-wide settings this seed changes (battery, brightness, name, ...)."""
    return draw_system(world.rng("system"), owner(world))
