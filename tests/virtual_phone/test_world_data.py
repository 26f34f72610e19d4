"""The seed's generators on their own: pure functions of a random generator."""

from __future__ import annotations

import random

import pytest

from devices.virtual import world_data
from devices.virtual.variant import SETTINGS_NAMES, SETTINGS_PAGES, Variant
from devices.virtual.world import World
from devices.virtual.world_data.people import ascii_fold, split

pytestmark = pytest.mark.unit


def test_the_reference_variant_is_seed_zeros_and_the_defaults() -> None:
    assert World(0).variant == Variant.reference() == Variant()
    assert [Variant().settings_title(k) for k in SETTINGS_PAGES] == [
        SETTINGS_NAMES[k][0] for k in SETTINGS_PAGES]


@pytest.mark.parametrize("seed", range(1, 21))
def test_a_drawn_variant_is_a_permutation_with_known_names(seed: int) -> None:
    variant = Variant.draw(random.Random(seed))
    assert sorted(variant.settings_order) == sorted(SETTINGS_PAGES)
    assert all(variant.settings_title(k) in SETTINGS_NAMES[k] for k in SETTINGS_PAGES)
    assert sorted(variant.clock_tabs) == sorted(Variant().clock_tabs)
    assert variant == Variant.draw(random.Random(seed))


def test_each_topic_draws_from_its_own_generator() -> None:
    world = World(5)
    assert world_data.people(world) == world_data.people(World(5))
    assert world_data.threads(world) == world_data.threads(world)
    assert world_data.threads(world) is not world_data.threads(world)  # fresh lists
    assert world_data.people(world) != world_data.people(World(6))


def test_home_network_is_saved_and_in_range() -> None:
    for seed in range(1, 11):
        air = world_data.airwaves(World(seed))
        assert air.saved[0] in dict(air.networks) and dict(air.networks)[air.saved[0]]
        assert any(not secured for _, secured in air.networks) and air.bluetooth


def test_romanisation_of_name_parts() -> None:
    assert split("Дмитрий|dmitry") == ("Дмитрий", "dmitry")
    assert split("De Luca") == ("De Luca", "deluca")
    assert ascii_fold("Đặng Aydın Østergaard") == "Dang Aydin Ostergaard"
