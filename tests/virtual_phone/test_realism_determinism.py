"""A realistic phone is the same phone for the same seed, and another for another seed."""

from __future__ import annotations

import hashlib

import pytest

from devices.virtual import VirtualPhone
from devices.virtual.tour import tour

pytestmark = pytest.mark.sim


def _digests(seed: int) -> list[str]:
    phone = VirtualPhone(seed=seed, realism="on", clock=lambda: 0.0)
    out = []
    for _ in tour(phone, settle=True):
        obs = phone.capture()
        out.append(hashlib.sha256(obs.screenshot.tobytes() + obs.tree.encode()).hexdigest())
    return out


def test_the_same_seed_gives_the_same_pixels_and_dumps() -> None:
    assert _digests(5) == _digests(5)


def test_another_seed_gives_another_phone() -> None:
    assert _digests(5) != _digests(6)
